//! Test/example support: the seed articles with their gold, and event scoring. The pipeline
//! itself comes from `dyade_pipeline` (a dev-dependency), the one the engine runs.
#![allow(dead_code)]

use dyade_core::{DateEstimate, Document};
use std::path::{Path, PathBuf};

/// `../shared` from the workspace.
pub fn shared() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}

/// Seed documents (text, meta dct/lang/source) and their gold annotations.
pub fn seeds() -> Vec<(Document, dyade_core::Annotation)> {
    let sh = shared();
    let meta = std::fs::read_to_string(sh.join("seeds/meta.jsonl")).expect("seeds/meta.jsonl");
    let mut out = vec![];
    for line in meta.lines() {
        let m: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = m["doc"].as_str().unwrap();
        let text = std::fs::read_to_string(sh.join(format!("seeds/{id}.txt"))).unwrap();
        let gold: dyade_core::Annotation = serde_json::from_str(&std::fs::read_to_string(sh.join(format!("eval/seeds/{id}.json"))).unwrap()).unwrap();
        let mut d = Document::new(id, text);
        d.meta.origin = format!("seeds/{id}.txt");
        d.meta.lang = m["lang"].as_str().map(String::from);
        d.meta.source = m["source"].as_str().map(String::from);
        d.meta.published = m["dct"].as_str().map(|v| DateEstimate { value: Some(v.into()), source: "meta".into(), ..Default::default() });
        out.push((d, gold));
    }
    out
}

/// Score predicted documents against gold events (FORMAT.md rules, via dyade-eval):
/// (tp, pred, gold, gold_high, tp_high).
pub fn score_events(pairs: &[(Document, dyade_core::Annotation)]) -> serde_json::Value {
    let mut sc = dyade_eval::Scorer::new();
    for (d, g) in pairs {
        let a = dyade_core::Annotation::from_document(d);
        let layers = dyade_eval::GoldLayers { events: true, ..Default::default() };
        sc.add_document(g, layers, Some(&a));
    }
    sc.report_json()
}

pub fn _unused(_: &Path) {}
