//! Run the gazetteer and linker over a JSONL corpus (`article` or `text` field) and print the
//! most frequent matches per type, for spotting false positives, plus throughput.
//!
//! `cargo run --release -p dyade-actors --example gazetteer_scan -- FILE.jsonl [N]`
use dyade_actors::{ActorKb, EntityLinker, GazetteerRecognizer};
use dyade_core::Document;
use std::collections::HashMap;
use std::io::BufRead;
use std::sync::Arc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: gazetteer_scan FILE.jsonl [N]");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let kb = Arc::new(ActorKb::load_default());
    let gz = GazetteerRecognizer::new(kb.clone());
    let linker = EntityLinker::new(kb);
    let f = std::io::BufReader::new(std::fs::File::open(path).expect("open"));
    let mut counts: HashMap<(String, String, String), usize> = HashMap::new();
    let (mut docs, mut bytes, mut ents) = (0usize, 0usize, 0usize);
    let t = std::time::Instant::now();
    for line in f.lines().map_while(Result::ok).take(n) {
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(_) => continue,
        };
        let text = v["article"].as_str().or(v["text"].as_str()).unwrap_or("").to_string();
        bytes += text.len();
        let mut d = Document::new(docs.to_string(), text);
        gz.merge_into(&mut d);
        linker.link(&mut d);
        docs += 1;
        ents += d.entities.len();
        for e in &d.entities {
            *counts.entry((e.label.as_str().to_string(), d.slice(e.span).to_string(), e.reference.clone().unwrap_or_default())).or_default() += 1;
        }
    }
    let el = t.elapsed();
    println!("{docs} docs, {:.1} MB, {ents} entities in {el:?} ({:.1} MB/s)", bytes as f64 / 1e6, bytes as f64 / 1e6 / el.as_secs_f64());
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1));
    for ((l, s, r), c) in v.iter().take(150) {
        println!("{c:6} {l} {s:?} -> {r}");
    }
}
