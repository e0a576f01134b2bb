//! Cross-outlet wire copies in the gilets jaunes corpus (5,418 articles, ~10 outlets):
//! groups, cross-outlet pairs, agreement with the folder's computed (not gold)
//! `near_dup_pairs_jaccard5.tsv`, and 50 random cross-outlet pairs (fixed seed) to review.
//!
//! `cargo run --release -p dyade-dedup --example gilets_jaunes [-- --sample 50 --seed 2024 --threshold 0.5]`

#[path = "common/mod.rs"]
mod common;
use common::*;
use dyade_dedup::minhash::exact_jaccard;
use dyade_dedup::*;
use std::collections::{HashMap, HashSet};

struct Art {
    id: u64,
    outlet: String,
    date: Option<String>,
    title: String,
    text: String,
}

/// The outlet: the URL's registrable domain, else the `source` field, else the file name.
fn outlet(v: &serde_json::Value) -> String {
    if let Some(u) = v["url"].as_str() {
        let host = u.split("//").nth(1).unwrap_or(u).split('/').next().unwrap_or("");
        let labels: Vec<&str> = host.split('.').collect();
        if labels.len() >= 2 {
            return labels[labels.len() - 2..].join(".");
        }
    }
    if let Some(s) = v["source"].as_str() {
        return s.to_string();
    }
    let file = v["file"].as_str().unwrap_or("?");
    let mut parts: Vec<&str> = file.split('/').collect();
    let stem = parts.pop().unwrap_or("?").trim_end_matches(".xml");
    if stem.contains("gilets") {
        return parts.last().unwrap_or(&"?").to_string();
    }
    stem.trim_start_matches("GJ").trim_end_matches("URL").to_string()
}

fn main() {
    let threshold: f32 = arg("--threshold", 0.5);
    let sample: usize = arg("--sample", 50);
    let seed: u64 = arg("--seed", 2024);
    let dir = shared().join("data/corpus/gilets_jaunes");
    let src = std::fs::read_to_string(dir.join("gilets_jaunes_fr.jsonl")).expect("read gilets_jaunes_fr.jsonl");
    let arts: Vec<Art> = src
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            Art {
                id: v["id"].as_u64().unwrap(),
                outlet: outlet(&v),
                date: v["date"].as_str().map(str::to_string),
                title: v["title"].as_str().unwrap_or("").to_string(),
                text: v["text"].as_str().unwrap_or("").to_string(),
            }
        })
        .collect();
    let by_id: HashMap<u64, &Art> = arts.iter().map(|a| (a.id, a)).collect();
    let mut outlets: HashMap<&str, usize> = HashMap::new();
    for a in &arts {
        *outlets.entry(&a.outlet).or_default() += 1;
    }
    let mut ol: Vec<_> = outlets.into_iter().collect();
    ol.sort_by(|a, b| b.1.cmp(&a.1));
    println!("{} articles, {} outlets: {:?}", arts.len(), ol.len(), ol);
    let t = std::time::Instant::now();
    let hasher = MinHasher::new(MinHashParams::default());
    let mut ix = DedupIndex::new(128, LshParams { threshold, ..Default::default() });
    let mut sigs = HashMap::new();
    for a in &arts {
        let s = hasher.signature(&a.text);
        ix.insert(a.id, &s, a.date.as_deref());
        sigs.insert(a.id, s);
    }
    println!("dedup in {:.2}s", t.elapsed().as_secs_f64());
    let groups = ix.groups();
    let mut pairs: Vec<(u64, u64)> = Vec::new();
    for g in &groups {
        for i in 0..g.members.len() {
            for j in i + 1..g.members.len() {
                let (a, b) = (g.members[i].0, g.members[j].0);
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    let cross: Vec<(u64, u64)> = pairs.iter().copied().filter(|(a, b)| by_id[a].outlet != by_id[b].outlet).collect();
    let cross_groups = groups.iter().filter(|g| g.members.iter().any(|m| by_id[&m.0].outlet != by_id[&g.members[0].0].outlet)).count();
    println!(
        "found {} groups ({} spanning outlets), {} articles in groups, {} pairs, {} cross-outlet pairs",
        groups.len(),
        cross_groups,
        groups.iter().map(|g| g.members.len()).sum::<usize>(),
        pairs.len(),
        cross.len()
    );
    // The folder's computed pairs (exact 5-gram Jaccard ≥ 0.5 by some other tokenization).
    let reference: Vec<(u64, u64, f32)> = std::fs::read_to_string(dir.join("near_dup_pairs_jaccard5.tsv"))
        .expect("read near_dup_pairs_jaccard5.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let (a, b): (u64, u64) = (f.first()?.parse().ok()?, f.get(1)?.parse().ok()?);
            Some((a.min(b), a.max(b), f.get(2)?.parse().ok()?))
        })
        .collect();
    let gm = group_map(&groups);
    let same = |a: &u64, b: &u64| gm.get(a).is_some_and(|g| gm.get(b) == Some(g));
    let found_ref = reference.iter().filter(|(a, b, _)| same(a, b)).count();
    let ref_set: HashSet<(u64, u64)> = reference.iter().map(|r| (r.0, r.1)).collect();
    let ours_in_ref = pairs.iter().filter(|p| ref_set.contains(p)).count();
    println!(
        "vs near_dup_pairs_jaccard5.tsv ({} pairs, computed): we group {found_ref} = {:.3} of them; {ours_in_ref}/{} of our pairs are in it",
        reference.len(),
        found_ref as f64 / reference.len().max(1) as f64,
        pairs.len()
    );
    for (a, b, j) in reference.iter().filter(|(a, b, _)| !same(a, b)).take(arg("--misses", 0usize)) {
        println!("  ref-only {a} {b} tsv J={j:.2} our est={:.2} exact J5={:.2}", sigs[a].jaccard(&sigs[b]), exact_jaccard(&by_id[a].text, &by_id[b].text, 5));
    }
    // Review sample.
    let mut rng = Rng(seed);
    let mut pool = cross.clone();
    let n = sample.min(pool.len());
    println!("\n=== {n} random cross-outlet pairs (seed {seed}) ===");
    let snippet = |s: &str, from: usize| s.chars().skip(from).take(160).collect::<String>().replace('\n', " ");
    for k in 0..n {
        let i = k + rng.below(pool.len() - k);
        pool.swap(k, i);
        let (a, b) = pool[k];
        let (x, y) = (by_id[&a], by_id[&b]);
        let mid = |s: &str| s.chars().count() / 2;
        println!(
            "#{k:02} {a} [{}] {:?} vs {b} [{}] {:?}: est {:.2}, exact J5 {:.2}, len {} / {} chars\n  A: {} …{}\n  B: {} …{}",
            x.outlet,
            x.date.as_deref().unwrap_or("-"),
            y.outlet,
            y.date.as_deref().unwrap_or("-"),
            sigs[&a].jaccard(&sigs[&b]),
            exact_jaccard(&x.text, &y.text, 5),
            x.text.len(),
            y.text.len(),
            if x.title.is_empty() { String::new() } else { format!("«{}»", x.title) },
            snippet(&x.text, mid(&x.text)),
            if y.title.is_empty() { String::new() } else { format!("«{}»", y.title) },
            snippet(&y.text, mid(&y.text)),
        );
    }
    println!("peak RSS {:.0} MiB", peak_rss_mib());
}
