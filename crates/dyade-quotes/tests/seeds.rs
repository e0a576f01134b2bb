//! Quote F1 and speaker accuracy on the seed gold (FORMAT.md rules, as score.py), with the
//! full upstream pipeline. Floors sit slightly under the reached figures.
use dyade_core::Annotation;
use std::path::PathBuf;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

#[test]
fn seed_quotes_floor() {
    let shared = PathBuf::from(SHARED);
    let p = dyade_pipeline::pipeline_until("quotes").unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("seeds")).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    assert_eq!(files.len(), 5);
    let mut scorer = dyade_eval::Scorer::new();
    for d in dyade_ingest::read_inputs(&files, &Default::default()) {
        let mut doc = d.unwrap();
        assert!(doc.dct().is_some(), "meta.jsonl gives the dct");
        p.process(&mut doc);
        let gv: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(shared.join("eval/seeds").join(format!("{}.json", doc.id))).unwrap()).unwrap();
        let gold: Annotation = serde_json::from_value(gv.clone()).unwrap();
        scorer.add_document(&gold, dyade_eval::GoldLayers::of_json(&gv), Some(&Annotation::from_document(&doc)));
    }
    let rep: std::collections::HashMap<String, serde_json::Value> = scorer.report().into_iter().collect();
    let f1 = rep["quotes"]["f1"].as_f64().unwrap();
    let acc = rep["quotes_speaker_acc"].as_f64().unwrap();
    eprintln!("quotes {}  speaker acc {acc}", rep["quotes"]);
    // reached: F1 1.0, speaker accuracy 0.943 (50/53)
    assert!(f1 >= 0.95, "quote F1 {f1}");
    assert!(acc >= 0.90, "speaker accuracy {acc}");
}
