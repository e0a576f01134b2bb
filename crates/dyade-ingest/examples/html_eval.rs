//! Score HTML extraction on the OrangeSum raw-page sample: bag-of-words F1 of the extracted
//! text against the `article` field of the same id.
//!
//! `cargo run --release -p dyade-ingest --example html_eval [-- SHARED_DIR] [--verbose]`
use dyade_ingest::html::{bow_f1, extract};
use std::collections::HashMap;
use std::io::BufRead;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let shared = args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").into());
    let dir = format!("{shared}/data/corpus/orangesum/raw_html_sample");
    let mut ids: Vec<String> = std::fs::read_dir(&dir).expect("sample dir").filter_map(|e| e.ok()).map(|e| e.path().file_stem().unwrap().to_string_lossy().into_owned()).collect();
    ids.sort();
    let gold = gold_articles(&shared, &ids);
    let t0 = std::time::Instant::now();
    let (mut sum, mut sum_lead, mut below, mut n, mut bytes) = (0.0, 0.0, 0, 0, 0usize);
    let mut worst = vec![];
    for id in &ids {
        let Some((article, heading)) = gold.get(id) else { continue };
        let page = std::fs::read_to_string(format!("{dir}/{id}.html")).expect("read page");
        bytes += page.len();
        let x = extract(&page);
        let f = bow_f1(&x.text, article);
        let f_lead = bow_f1(&x.text, &format!("{heading}\n{article}"));
        sum += f;
        sum_lead += f_lead;
        n += 1;
        if f < 0.8 {
            below += 1;
        }
        worst.push((f, id.clone(), x.text.chars().take(160).collect::<String>()));
    }
    let secs = t0.elapsed().as_secs_f64();
    worst.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
    println!("pages: {n}");
    println!("mean bag-of-words F1 vs article: {:.4}", sum / n as f64);
    println!("mean bag-of-words F1 vs heading+article: {:.4}", sum_lead / n as f64);
    println!("pages below 0.8 (vs article): {below}");
    println!("extraction: {:.1} MB/s ({:.0} pages/s)", bytes as f64 / 1e6 / secs, n as f64 / secs);
    for (f, id, head) in worst.iter().take(if verbose { 15 } else { 5 }) {
        println!("  {f:.3} {id}: {head}");
    }
}

/// `id` → (article, heading) for the sample ids, streaming the corpus.
fn gold_articles(shared: &str, ids: &[String]) -> HashMap<String, (String, String)> {
    let f = std::fs::File::open(format!("{shared}/data/corpus/orangesum/orangesum.jsonl")).expect("orangesum.jsonl");
    let want: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut out = HashMap::new();
    for line in std::io::BufReader::new(f).lines() {
        let line = line.expect("line");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        let id = v["id"].to_string();
        if want.contains(id.as_str()) {
            out.insert(id, (v["article"].as_str().unwrap_or("").to_string(), v["heading"].as_str().unwrap_or("").to_string()));
        }
    }
    out
}
