//! Run the full pipeline plus the quote extractor on the seed articles, print each quote
//! next to the gold and the scores of FORMAT.md.
//!
//! `cargo run -p dyade-quotes --example seeds_quotes`
use dyade_core::Annotation;
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let p = dyade_pipeline::pipeline_until("quotes")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("seeds"))?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    let mut scorer = dyade_eval::Scorer::new();
    let verbose = std::env::args().any(|a| a == "-v");
    for d in dyade_ingest::read_inputs(&files, &Default::default()) {
        let mut doc = d?;
        p.process(&mut doc);
        let pred = Annotation::from_document(&doc);
        let gold_path = shared.join("eval/seeds").join(format!("{}.json", doc.id));
        let gv: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&gold_path)?)?;
        let gold: Annotation = serde_json::from_value(gv.clone())?;
        if verbose {
            println!("===== {}", doc.id);
            for q in &pred.quotes {
                let ok = gold.quotes.iter().filter(|g| g.start.max(q.start) < g.end.min(q.end) && 2 * (g.end.min(q.end) - g.start.max(q.start)) >= (q.end - q.start).max(1)).min_by_key(|g| g.end - g.start);
                let mark = match ok {
                    Some(g) if dyade_eval::norm(g.speaker.as_deref().unwrap_or("")) == dyade_eval::norm(q.speaker.as_deref().unwrap_or("")) => "OK ".to_string(),
                    Some(g) => format!("SPK(gold {:?})", g.speaker),
                    None => "FP ".into(),
                };
                println!("P {mark} {} {}..{} {:?} | {:?} | {}", q.kind, q.start, q.end, q.speaker, q.cue, q.text.chars().take(110).collect::<String>());
            }
            for g in &gold.quotes {
                let found = pred.quotes.iter().any(|q| g.start.max(q.start) < g.end.min(q.end));
                if !found {
                    println!("MISS {} {}..{} {:?} | {:?} | {}", g.kind, g.start, g.end, g.speaker, g.cue, g.text.chars().take(110).collect::<String>());
                }
            }
        }
        scorer.add_document(&gold, dyade_eval::GoldLayers::of_json(&gv), Some(&pred));
    }
    for (k, v) in scorer.report() {
        if k.starts_with("quotes") {
            println!("{k}: {v}");
        }
    }
    Ok(())
}
