//! Read + clean throughput, single thread, over whole inputs (streaming).
//!
//! `cargo run --release -p dyade-ingest --example throughput -- PATH... [--labels]`
//! Prints MB/s and articles/s, error counts by kind, boilerplate labels, peak RSS.
use dyade_core::Component;
use dyade_ingest::{read_inputs, Cleaner, ReadOptions};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--labels");
    let paths: Vec<PathBuf> = args.iter().filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    let cleaner = Cleaner::new();
    let t0 = std::time::Instant::now();
    let (mut docs, mut bytes, mut paras, mut with_date) = (0usize, 0usize, 0usize, 0usize);
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    let mut labels: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    let mut read_ns = 0u128;
    let mut t = std::time::Instant::now();
    for r in read_inputs(&paths, &ReadOptions::default()) {
        read_ns += t.elapsed().as_nanos();
        match r {
            Ok(mut d) => {
                docs += 1;
                bytes += d.text.len();
                cleaner.process(&mut d);
                paras += d.paragraphs.len();
                with_date += d.meta.published.is_some() as usize;
                for b in &d.boilerplate {
                    let e = labels.entry(b.label.clone()).or_default();
                    e.0 += 1;
                    if e.1.len() < 4 {
                        e.1.push(d.slice(b.span).chars().take(80).collect());
                    }
                }
            }
            Err(e) => {
                let k = format!("{:?}", e.kind);
                *errors.entry(k.split(['(', ' ', '{']).next().unwrap().to_string()).or_default() += 1;
                if errors.values().sum::<usize>() <= 3 {
                    eprintln!("error: {e}");
                }
            }
        }
        t = std::time::Instant::now();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!("articles: {docs}, text: {:.1} MB, paragraphs: {paras}, with date: {with_date}", bytes as f64 / 1e6);
    println!("read+clean: {secs:.2} s, {:.1} MB/s, {:.0} articles/s (read alone {:.2} s)", bytes as f64 / 1e6 / secs, docs as f64 / secs, read_ns as f64 / 1e9);
    println!("errors: {errors:?}");
    let n: usize = labels.values().map(|v| v.0).sum();
    println!("boilerplate spans: {n}");
    for (l, (c, ex)) in &labels {
        println!("  {l}: {c}{}", if show { format!(" {ex:?}") } else { String::new() });
    }
    if let Ok(s) = std::fs::read_to_string("/proc/self/status") {
        if let Some(l) = s.lines().find(|l| l.starts_with("VmHWM")) {
            println!("peak RSS: {}", l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "));
        }
    }
}
