//! `dyade annotate`: one gold-format JSON file per article.

use crate::{inputs, InputArgs, Outcome};
use dyade_pipeline as pipeline;
use anyhow::Context;
use dyade_core::{Annotation, Document};
use std::path::Path;

/// The gold-format annotation of a document, with dyade's metadata under `meta`.
pub fn annotation(doc: &Document) -> Annotation {
    let mut a = Annotation::from_document(doc);
    a.meta = Some(serde_json::to_value(&doc.meta).expect("metadata serializes"));
    a
}

/// A file name for a document id: ids from JSON or `file:line` may hold `/` or `:`.
pub fn file_stem(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect()
}

/// Annotate `args.inputs` into `out`; returns how many documents were written.
pub fn annotate_into(args: &InputArgs, out: &Path) -> anyhow::Result<(u64, u64)> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create output folder {}", out.display()))?;
    inputs::init_threads(args.threads);
    let pipeline = pipeline::default_pipeline()?;
    let (mut written, mut skipped) = (0u64, 0u64);
    // Near-duplicates among the articles of this run, reported in each file's metadata.
    let params = dyade_dedup::MinHashParams::default();
    let mut dups = dyade_dedup::DedupIndex::new(params.k, dyade_dedup::LshParams::default());
    let hasher = dyade_dedup::MinHasher::new(params);
    let mut ids: Vec<String> = Vec::new();
    inputs::process(
        args,
        &pipeline,
        64,
        |_| Ok(false),
        |docs| {
            for mut d in docs {
                let key = ids.len() as u64;
                ids.push(d.id.clone());
                let sig = hasher.signature(&d.text);
                if let Some(g) = dups.insert(key, &sig, d.dct()) {
                    d.meta.extra.insert(
                        "near_duplicate_of".into(),
                        serde_json::json!({"doc": ids[g.matched as usize], "similarity": g.similarity,
                            "group_canonical": ids[g.canonical as usize], "group_size": g.size}),
                    );
                }
                let path = out.join(format!("{}.json", file_stem(&d.id)));
                let json = serde_json::to_string_pretty(&annotation(&d))?;
                std::fs::write(&path, json).with_context(|| format!("cannot write {}", path.display()))?;
                written += 1;
            }
            Ok(())
        },
        |err| {
            skipped += 1;
            eprintln!("dyade: skipped {err}");
            Ok(())
        },
    )?;
    Ok((written, skipped))
}

/// Run the annotate command.
pub fn run(args: &InputArgs, out: &Path) -> anyhow::Result<Outcome> {
    let (written, skipped) = annotate_into(args, out)?;
    eprintln!("dyade: {written} article(s) annotated into {}", out.display());
    Ok(if skipped > 0 { Outcome::Skipped(skipped) } else { Outcome::Done })
}
