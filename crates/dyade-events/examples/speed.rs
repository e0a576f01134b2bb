//! Throughput of the events stage alone on OrangeSum (release build): documents are run
//! through the pipeline up to linking first (untimed), then the event coder is timed.
//! `cargo run --release -p dyade-events --example speed [-- N_DOCS]`
#[path = "../support/seeds.rs"]
mod support;

use dyade_core::{Component, Document};
use std::io::BufRead;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(2000);
    let f = std::fs::File::open(support::shared().join("data/corpus/orangesum/orangesum.jsonl")).expect("orangesum.jsonl");
    let p = dyade_pipeline::pipeline_until("quotes").expect("pipeline up to quotes");
    let coder = dyade_events::EventCoder::load_default();
    let mut docs: Vec<Document> = vec![];
    for line in std::io::BufReader::new(f).lines().take(n) {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let mut d = Document::new(v["id"].to_string(), v["article"].as_str().unwrap_or(""));
        d.meta.lang = Some("fr".into());
        d.meta.published = v["date"].as_str().map(|s| dyade_core::DateEstimate { value: Some(s.get(..10).unwrap_or(s).into()), source: "meta".into(), ..Default::default() });
        p.process(&mut d);
        docs.push(d);
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = std::time::Instant::now();
    let mut nev = 0;
    for d in docs.iter_mut() {
        coder.process(d);
        nev += d.events.len();
    }
    let s = t.elapsed().as_secs_f64();
    println!("{} docs, {:.1} MB, {} events ({:.2}/doc), {:.3} s, {:.1} MB/s (one core)", docs.len(), bytes as f64 / 1e6, nev, nev as f64 / docs.len() as f64, s, bytes as f64 / 1e6 / s);
}
