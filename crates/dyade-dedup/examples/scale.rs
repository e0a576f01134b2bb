//! Scale: OrangeSum replicated with random word perturbations up to `--n` articles (default
//! 1,000,000), signatures computed in parallel and inserted into one incremental index.
//! Reports index bytes per article, peak RSS, signature and insert throughput, and how well
//! each replica finds its siblings.
//!
//! `cargo run --release -p dyade-dedup --example scale [-- --n 1000000 --edit 0.05]`

#[path = "common/mod.rs"]
mod common;
use common::*;
use dyade_dedup::*;
use rayon::prelude::*;

/// A copy of `text` where each word is replaced (probability `p`) by another word of the
/// text or dropped (probability `p / 2`): a wire copy with light edits.
fn perturb(text: &str, p: f64, seed: u64) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(text.len());
    let unit = |r: &mut Rng| (r.next() >> 11) as f64 / (1u64 << 53) as f64;
    for w in &words {
        let u = unit(&mut rng);
        let w = if u < p {
            words[rng.below(words.len())]
        } else if u < 1.5 * p {
            continue;
        } else {
            w
        };
        out.push_str(w);
        out.push(' ');
    }
    out
}

fn main() {
    let n: usize = arg("--n", 1_000_000);
    let edit: f64 = arg("--edit", 0.05);
    let src = std::fs::read_to_string(shared().join("data/corpus/orangesum/orangesum.jsonl")).expect("read orangesum.jsonl");
    let base: Vec<(String, String)> = src
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            (v["date"].as_str().unwrap_or("").to_string(), v["article"].as_str().unwrap_or("").to_string())
        })
        .collect();
    drop(src);
    let rss_base = peak_rss_mib();
    let hasher = MinHasher::new(MinHashParams::default());
    let mut ix = DedupIndex::new(128, LshParams::default());
    let (mut t_sig, mut t_ins, mut t_gen) = (0.0, 0.0, 0.0);
    let mut joined = 0usize;
    let batch = 20_000;
    let mut i = 0;
    while i < n {
        let m = batch.min(n - i);
        let t = std::time::Instant::now();
        // Article j is replica j / |base| of base article j % |base| (replica 0 unchanged).
        let texts: Vec<String> = (i..i + m)
            .into_par_iter()
            .map(|j| {
                let (r, b) = (j / base.len(), j % base.len());
                if r == 0 {
                    base[b].1.clone()
                } else {
                    perturb(&base[b].1, edit, j as u64)
                }
            })
            .collect();
        t_gen += t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        let sigs: Vec<Signature> = texts.par_iter().map(|x| hasher.signature(x)).collect();
        t_sig += t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        for (k, s) in sigs.iter().enumerate() {
            let j = i + k;
            if ix.insert(j as u64, s, Some(&base[j % base.len()].0)).is_some() && j >= base.len() {
                joined += 1;
            }
        }
        t_ins += t.elapsed().as_secs_f64();
        i += m;
        if i % 200_000 == 0 || i == n {
            eprintln!("{i} articles: index {:.0} B/article, peak RSS {:.0} MiB", ix.heap_bytes() as f64 / i as f64, peak_rss_mib());
        }
    }
    let replicas = n.saturating_sub(base.len());
    println!(
        "{n} articles (OrangeSum ×{:.1}, {edit} word edits): index {:.0} MiB = {:.0} B/article; peak RSS {:.0} MiB ({:.0} MiB before indexing)",
        n as f64 / base.len() as f64,
        ix.heap_bytes() as f64 / (1 << 20) as f64,
        ix.heap_bytes() as f64 / n as f64,
        peak_rss_mib(),
        rss_base
    );
    println!(
        "signatures {:.1}s ({:.0} articles/s on {} threads), LSH insert+verify {:.1}s ({:.0} inserts/s, one thread), text generation {:.1}s",
        t_sig,
        n as f64 / t_sig,
        rayon::current_num_threads(),
        t_ins,
        n as f64 / t_ins,
        t_gen
    );
    println!("perturbed replicas that joined a group: {joined}/{replicas} = {:.4}", joined as f64 / replicas.max(1) as f64);
}
