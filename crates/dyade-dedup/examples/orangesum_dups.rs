//! Near-duplicates over the whole OrangeSum corpus (36,140 articles): time, peak memory and
//! recall against the upstream `list_of_duplicates.txt`.
//!
//! `cargo run --release -p dyade-dedup --example orangesum_dups [-- --w 5 --threshold 0.5 --limit N]`

#[path = "common/mod.rs"]
mod common;
use common::*;
use dyade_dedup::*;
use rayon::prelude::*;
use std::collections::HashMap;

fn main() {
    let w: usize = arg("--w", 5);
    let threshold: f32 = arg("--threshold", 0.5);
    let limit: usize = arg("--limit", usize::MAX);
    let dir = shared().join("data/corpus/orangesum");
    let t0 = std::time::Instant::now();
    let src = std::fs::read_to_string(dir.join("orangesum.jsonl")).expect("read orangesum.jsonl");
    let docs: Vec<(u64, String, String, String)> = src
        .lines()
        .take(limit)
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            (v["id"].as_u64().unwrap(), v["date"].as_str().unwrap_or("").to_string(), v["title"].as_str().unwrap_or("").to_string(), v["article"].as_str().unwrap_or("").to_string())
        })
        .collect();
    drop(src);
    let t_read = t0.elapsed().as_secs_f64();
    let mb: f64 = docs.iter().map(|d| d.3.len()).sum::<usize>() as f64 / 1e6;
    let hasher = MinHasher::new(MinHashParams { shingle: w, ..Default::default() });
    let t1 = std::time::Instant::now();
    let sigs: Vec<Signature> = docs.par_iter().map(|d| hasher.signature(&d.3)).collect();
    let t_sig = t1.elapsed().as_secs_f64();
    let t2 = std::time::Instant::now();
    let mut ix = DedupIndex::new(128, LshParams { threshold, ..Default::default() });
    for (d, s) in docs.iter().zip(&sigs) {
        ix.insert(d.0, s, Some(&d.1));
    }
    let t_ins = t2.elapsed().as_secs_f64();
    let groups = ix.groups();
    let gm = group_map(&groups);
    println!(
        "OrangeSum: {} articles ({mb:.1} MB text), read {t_read:.2}s, signatures {t_sig:.2}s ({} threads), LSH insert {t_ins:.2}s ({:.0} inserts/s); index {:.0} B/article; peak RSS {:.0} MiB",
        docs.len(),
        rayon::current_num_threads(),
        docs.len() as f64 / t_ins,
        ix.heap_bytes() as f64 / docs.len() as f64,
        peak_rss_mib()
    );
    let grouped: usize = groups.iter().map(|g| g.members.len()).sum();
    let pred_pairs: usize = groups.iter().map(|g| g.members.len() * (g.members.len() - 1) / 2).sum();
    println!("found: {} groups, {grouped} articles in groups, {pred_pairs} pairs (w={w}, threshold={threshold})", groups.len());
    // Gold: one group per line, "123.json,456.json".
    let gold_src = std::fs::read_to_string(dir.join("list_of_duplicates.txt")).expect("read list_of_duplicates.txt");
    let present: HashMap<u64, usize> = docs.iter().enumerate().map(|(i, d)| (d.0, i)).collect();
    let gold: Vec<Vec<u64>> = gold_src
        .lines()
        .map(|l| l.split(',').filter_map(|x| x.trim().trim_end_matches(".json").parse().ok()).filter(|x| present.contains_key(x)).collect::<Vec<u64>>())
        .filter(|g| g.len() > 1)
        .collect();
    let pairs = same_group_pairs(&gold);
    let hit = pairs.iter().filter(|(a, b)| gm.get(a).is_some_and(|g| gm.get(b) == Some(g))).count();
    let groups_whole = gold.iter().filter(|g| g.iter().all(|x| gm.get(x).is_some() && gm.get(x) == gm.get(&g[0]))).count();
    println!(
        "recall vs list_of_duplicates.txt: pairs {hit}/{} = {:.4}; gold groups wholly found {groups_whole}/{} = {:.4}",
        pairs.len(),
        hit as f64 / pairs.len().max(1) as f64,
        gold.len(),
        groups_whole as f64 / gold.len().max(1) as f64
    );
    // How many found pairs the list does not have (the list is not exhaustive; sampled below).
    let gold_set: std::collections::HashSet<(u64, u64)> = pairs.iter().copied().collect();
    let found_pairs: Vec<(u64, u64, f32)> = groups
        .iter()
        .flat_map(|g| {
            let m = &g.members;
            (0..m.len()).flat_map(move |i| (i + 1..m.len()).map(move |j| (m[i].0.min(m[j].0), m[i].0.max(m[j].0), 0.0)))
        })
        .collect();
    let extra: Vec<&(u64, u64, f32)> = found_pairs.iter().filter(|p| !gold_set.contains(&(p.0, p.1))).collect();
    println!("found pairs not in the list: {}", extra.len());
    let show = arg("--show", 0usize);
    let text = |id: u64| &docs[present[&id]];
    let mut rng = Rng(7);
    for _ in 0..show.min(extra.len()) {
        let p = extra[rng.below(extra.len())];
        let (a, b) = (text(p.0), text(p.1));
        println!("EXTRA {} {} | {} | {}\n   J5={:.2}\n   A: {}\n   B: {}", p.0, p.1, a.1, b.1, dyade_dedup::minhash::exact_jaccard(&a.3, &b.3, 5), &a.2, &b.2);
    }
    // Misses, with their exact Jaccard, to tell "not near-duplicates" from algorithm misses.
    // The list groups articles by identical *title*; its two largest lines are the daily
    // "Coronavirus: le point sur la pandémie" digests (55 and 83 different texts).
    let small: Vec<Vec<u64>> = gold.iter().filter(|g| g.len() <= 10).cloned().collect();
    let sp = same_group_pairs(&small);
    let shit = sp.iter().filter(|(a, b)| gm.get(a).is_some_and(|g| gm.get(b) == Some(g))).count();
    println!("recall without the two recurring-title digests (lines of > 10 ids): pairs {shit}/{} = {:.4}", sp.len(), shit as f64 / sp.len().max(1) as f64);
    let mut misses: Vec<(f32, u64, u64)> = pairs
        .iter()
        .filter(|(a, b)| !gm.get(a).is_some_and(|g| gm.get(b) == Some(g)))
        .map(|&(a, b)| (dyade_dedup::minhash::exact_jaccard(&text(a).3, &text(b).3, w), a, b))
        .collect();
    misses.sort_by(|x, y| y.0.total_cmp(&x.0));
    let hist = |lo: f32, hi: f32| misses.iter().filter(|m| m.0 >= lo && m.0 < hi).count();
    println!(
        "missed pairs by exact J{w}: >=0.5: {}, 0.3-0.5: {}, 0.1-0.3: {}, <0.1: {}",
        hist(0.5, 2.0),
        hist(0.3, 0.5),
        hist(0.1, 0.3),
        hist(-1.0, 0.1)
    );
    for m in misses.iter().take(arg("--misses", 0usize)) {
        let (a, b) = (text(m.1), text(m.2));
        println!("MISS est={:.2} J={:.2} {} {} | {} / {}\n   A: {} | {}\n   B: {} | {}", sigs[present[&m.1]].jaccard(&sigs[present[&m.2]]), m.0, m.1, m.2, a.1, b.1, a.2, a.3.chars().take(150).collect::<String>(), b.2, b.3.chars().take(150).collect::<String>());
    }
    println!("total {:.2}s, peak RSS {:.0} MiB", t0.elapsed().as_secs_f64(), peak_rss_mib());
}
