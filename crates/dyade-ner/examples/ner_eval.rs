//! Evaluate the NER model.
//!
//! `cargo run --release -p dyade-ner --example ner_eval -- [--model models/ner-fr.bin] [--pred DIR] [--errors] [--dyade-text]`
//!
//! `--dyade-text` segments the seeds with `dyade_text::tokenize`/`split_sentences` instead of
//! the stand-in tokenizer of [`dyade_ner::tokenize`].
//!
//! (a) WikiNEuRal-fr dev: CoNLL entity-level P/R/F1 (exact span and type), model only.
//! (b) Seeds: the full component (tokenizer, model, post-processing) on `shared/seeds/*.txt`,
//!     predictions written as gold-format JSON to `--pred` (default `/tmp/dyade-ner-pred`),
//!     strict/relaxed F1 computed as `shared/eval/score.py` does.
//! (c) HIPE French dev files: coarse literal PER/LOC/ORG (MISC predictions dropped), model only.
use dyade_core::{Annotation, Component, Document};
use dyade_ner::{data, eval, NerTagger};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let mut model_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner-fr.bin").to_string();
    let mut pred_dir = "/tmp/dyade-ner-pred".to_string();
    let mut errors = false;
    let mut dyade_text_seg = false;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--model" => { model_path = args[i + 1].clone(); i += 1; }
            "--pred" => { pred_dir = args[i + 1].clone(); i += 1; }
            "--errors" => errors = true,
            "--dyade-text" => dyade_text_seg = true,
            o => return Err(format!("unknown option {o}").into()),
        }
        i += 1;
    }
    let tagger = NerTagger::load_french(&model_path)?;
    println!("model {model_path}: {} non-zero rows of 2^{}", tagger.model().nonzero_rows(), tagger.model().bits);

    let dev = data::read_conll(&shared.join("data/ner/wikineural_fr_dev.conllu"))?;
    let sc = eval::score_sentences(tagger.model(), &dev);
    println!("\n(a) WikiNEuRal-fr dev ({} sentences), exact span+type:\n{}", dev.len(), sc.table());

    std::fs::create_dir_all(&pred_dir)?;
    let (mut strict, mut relaxed) = (eval::Counts::default(), eval::Counts::default());
    let mut files: Vec<_> = std::fs::read_dir(shared.join("seeds"))?.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    for f in &files {
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        let mut doc = Document::new(stem.clone(), std::fs::read_to_string(f)?);
        if dyade_text_seg {
            // the project's segmenter instead of this crate's stand-in tokenizer
            doc.tokens = dyade_text::tokenize(&doc.text, "fr");
            doc.sentences = dyade_text::split_sentences(&doc.text, &doc.tokens, "fr");
        }
        tagger.process(&mut doc);
        let ann = Annotation::from_document(&doc);
        std::fs::write(Path::new(&pred_dir).join(format!("{stem}.json")), serde_json::to_string_pretty(&ann)?)?;
        let gold: Annotation = serde_json::from_str(&std::fs::read_to_string(shared.join(format!("eval/seeds/{stem}.json")))?)?;
        let (s, r) = eval::strict_relaxed(&gold.entities, &ann.entities);
        strict.add(s);
        relaxed.add(r);
        if errors {
            for p in &ann.entities {
                if !gold.entities.iter().any(|g| g.start == p.start && g.end == p.end && g.etype == p.etype) {
                    println!("  FP {stem} {:?} {}", p.text, p.etype);
                }
            }
            for g in &gold.entities {
                if !ann.entities.iter().any(|p| g.start == p.start && g.end == p.end && g.etype == p.etype) {
                    println!("  FN {stem} {:?} {}", g.text, g.etype);
                }
            }
        }
    }
    println!("(b) seeds ({} docs): strict P {:.4} R {:.4} F1 {:.4} (pred {}, gold {}); relaxed F1 {:.4}  [predictions in {pred_dir}]",
        files.len(), strict.p(), strict.r(), strict.f1(), strict.pred, strict.gold, relaxed.f1());

    let mut hipe_files: Vec<_> = std::fs::read_dir(shared.join("data/ner/hipe"))?.filter_map(|e| e.ok()).map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("-dev") && p.extension().is_some_and(|x| x == "tsv")).collect();
    hipe_files.sort();
    println!("\n(c) HIPE French dev, coarse literal PER/LOC/ORG:");
    let mut all = eval::Scores::default();
    for f in &hipe_files {
        let sents = data::read_hipe(f)?;
        let sc = eval::score_sentences_with(tagger.model(), &sents, true);
        println!("{:<44} P {:.4} R {:.4} F1 {:.4}", f.file_name().unwrap().to_string_lossy(), sc.overall.p(), sc.overall.r(), sc.overall.f1());
        all.overall.add(sc.overall);
        for k in 0..4 { all.per_type[k].add(sc.per_type[k]); }
    }
    println!("all HIPE dev (micro):\n{}", all.table());
    Ok(())
}
