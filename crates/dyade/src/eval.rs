//! `dyade eval`: score against gold with FORMAT.md's rules.

use crate::{annotate, InputArgs, Outcome};
use anyhow::{bail, Context};
use std::path::{Path, PathBuf};

/// Arguments of the eval command.
pub struct EvalArgs {
    pub gold: PathBuf,
    pub pred: Option<PathBuf>,
    pub texts: Option<PathBuf>,
    pub meta: Option<PathBuf>,
    pub no_meta: bool,
    pub keep: Option<PathBuf>,
    pub json: bool,
}

fn gold_stems(gold: &Path) -> anyhow::Result<Vec<String>> {
    let mut stems: Vec<String> = std::fs::read_dir(gold)
        .with_context(|| format!("cannot read gold folder {}", gold.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    stems.sort();
    if stems.is_empty() {
        bail!("no <stem>.json gold files in {}", gold.display());
    }
    Ok(stems)
}

/// Find the folder holding `<stem>.txt` for the gold stems.
fn texts_dir(args: &EvalArgs, stems: &[String]) -> anyhow::Result<PathBuf> {
    let has = |d: &Path| d.join(format!("{}.txt", stems[0])).exists();
    if let Some(t) = &args.texts {
        if !has(t) {
            bail!("{} has no {}.txt; pass the folder of the gold's texts with --texts", t.display(), stems[0]);
        }
        return Ok(t.clone());
    }
    for cand in [args.gold.clone(), args.gold.join("../../seeds")] {
        if has(&cand) {
            return Ok(cand);
        }
    }
    bail!("cannot find {}.txt next to the gold; pass the texts folder with --texts", stems[0])
}

/// Run the eval command.
pub fn run(args: &EvalArgs) -> anyhow::Result<Outcome> {
    let mut skipped = 0;
    let pred = match &args.pred {
        Some(p) => p.clone(),
        None => {
            let stems = gold_stems(&args.gold)?;
            let texts = texts_dir(args, &stems)?;
            let meta = if args.no_meta { None } else { args.meta.clone().or_else(|| Some(texts.join("meta.jsonl")).filter(|m| m.exists())) };
            let out = match &args.keep {
                Some(k) => k.clone(),
                None => std::env::temp_dir().join(format!("dyade-eval-{}", std::process::id())),
            };
            let input = InputArgs { inputs: stems.iter().map(|s| texts.join(format!("{s}.txt"))).collect(), meta, max_mib: 64, threads: None };
            let (_, s) = annotate::annotate_into(&input, &out)?;
            skipped = s;
            out
        }
    };
    let scorer = dyade_eval::score_dirs(&args.gold, &pred)?;
    if args.pred.is_none() && args.keep.is_none() {
        let _ = std::fs::remove_dir_all(&pred);
    }
    if args.json {
        println!("{}", scorer.report_json());
    } else {
        print!("{}", scorer.report_text());
    }
    Ok(if skipped > 0 { Outcome::Skipped(skipped) } else { Outcome::Done })
}
