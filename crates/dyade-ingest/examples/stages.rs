//! Per-stage throughput of clean, langid and segment over articles read into memory first.
//!
//! `cargo run --release -p dyade-ingest --example stages -- PATH [N] [ROUNDS]`
//! (single thread; MB = bytes of article text; the best of ROUNDS rounds per stage).
use dyade_core::{Component, Document};
use dyade_ingest::{read_inputs, Cleaner, ReadOptions};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = PathBuf::from(args.first().expect("usage: stages PATH [N] [ROUNDS]"));
    let n: usize = args.get(1).map_or(5000, |s| s.parse().unwrap());
    let rounds: usize = args.get(2).map_or(3, |s| s.parse().unwrap());
    let docs: Vec<Document> = read_inputs(&[path], &ReadOptions::default()).filter_map(Result::ok).take(n).collect();
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    let stages: Vec<Box<dyn Component>> = vec![
        Box::new(Cleaner::new()),
        Box::new(dyade_text::LanguageIdentifier::default()),
        Box::new(dyade_text::Segmenter::default()),
    ];
    let mut best = vec![f64::INFINITY; stages.len()];
    for _ in 0..rounds {
        let mut work = docs.clone();
        for (k, s) in stages.iter().enumerate() {
            let t = Instant::now();
            for d in &mut work {
                s.process(d);
            }
            best[k] = best[k].min(t.elapsed().as_secs_f64());
        }
    }
    println!("{} articles, {mb:.1} MB", docs.len());
    for (s, t) in stages.iter().zip(&best) {
        println!("{:<8} {:>8.3} s {:>8.1} MB/s", s.name(), t, mb / t);
    }
    let all: f64 = best.iter().sum();
    println!("{:<8} {:>8.3} s {:>8.1} MB/s", "all", all, mb / all);
}
