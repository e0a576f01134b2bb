//! Story clustering on Google News French headline groups (1,332 headlines, 288 groups):
//! B-cubed precision/recall/F1 and adjusted Rand index, with the threshold tuned on one half
//! of the categories and reported on the other (and the other way round), averaged over
//! shuffled orders (single-pass clustering depends on arrival order; the file is sorted by group).
//!
//! `cargo run --release -p dyade-dedup --example gnews_stories [-- --orders 5]`

#[path = "common/mod.rs"]
mod common;
use common::*;
use dyade_dedup::eval::{adjusted_rand, bcubed};
use dyade_dedup::*;

struct Headline {
    category: String,
    group: usize,
    title: String,
}

fn load() -> Vec<Headline> {
    let src = std::fs::read_to_string(shared().join("data/corpus/gnews_fr_headline_clusters/categories.tsv")).expect("read categories.tsv");
    let mut ids = std::collections::HashMap::new();
    src.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.splitn(3, '\t').collect();
            (f.len() == 3).then(|| {
                let n = ids.len();
                let group = *ids.entry((f[0].to_string(), f[1].to_string())).or_insert(n);
                Headline { category: f[0].to_string(), group, title: f[2].trim().to_string() }
            })
        })
        .collect()
}

/// Mean (P, R, F1, ARI) over `orders` shuffles of `items`.
fn score(items: &[&Headline], params: StoryParams, orders: u64) -> (f64, f64, f64, f64) {
    let mut acc = (0.0, 0.0, 0.0, 0.0);
    for o in 0..orders {
        let mut order: Vec<usize> = (0..items.len()).collect();
        let mut rng = Rng(1000 + o);
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut ix = StoryIndex::new(params, Lexicon::builtin());
        let mut pred = vec![0usize; items.len()];
        for &i in &order {
            pred[i] = ix.insert(&StoryInput { key: i as u64, title: &items[i].title, ..Default::default() }).story;
        }
        let gold: Vec<usize> = items.iter().map(|h| h.group).collect();
        let (p, r, f) = bcubed(&pred, &gold);
        acc = (acc.0 + p, acc.1 + r, acc.2 + f, acc.3 + adjusted_rand(&pred, &gold));
    }
    let n = orders as f64;
    (acc.0 / n, acc.1 / n, acc.2 / n, acc.3 / n)
}

fn main() {
    let orders: u64 = arg("--orders", 5);
    let all = load();
    let groups = all.iter().map(|h| h.group).max().map_or(0, |g| g + 1);
    println!("{} headlines, {groups} groups", all.len());
    let fold_a = ["economie", "france", "sports", "sante"];
    let a: Vec<&Headline> = all.iter().filter(|h| fold_a.contains(&h.category.as_str())).collect();
    let b: Vec<&Headline> = all.iter().filter(|h| !fold_a.contains(&h.category.as_str())).collect();
    let everything: Vec<&Headline> = all.iter().collect();
    let grid: Vec<f32> = (10..=60).step_by(5).map(|x| x as f32 / 100.0).collect();
    let base = StoryParams::default();
    let mut best = [(0.0f32, -1.0f64); 2];
    println!("threshold | fold A (economie, france, sports, sante: {}) P R F1 ARI | fold B (others: {}) P R F1 ARI", a.len(), b.len());
    for &t in &grid {
        let p = StoryParams { threshold: t, ..base };
        let (sa, sb) = (score(&a, p, orders), score(&b, p, orders));
        println!("{t:.2} | {:.3} {:.3} {:.3} {:.3} | {:.3} {:.3} {:.3} {:.3}", sa.0, sa.1, sa.2, sa.3, sb.0, sb.1, sb.2, sb.3);
        if sa.2 > best[0].1 {
            best[0] = (t, sa.2);
        }
        if sb.2 > best[1].1 {
            best[1] = (t, sb.2);
        }
    }
    let (ta, tb) = (best[0].0, best[1].0);
    let on_b = score(&b, StoryParams { threshold: ta, ..base }, orders);
    let on_a = score(&a, StoryParams { threshold: tb, ..base }, orders);
    println!("held-out: tuned on A (t={ta:.2}) → B: P {:.3} R {:.3} B3-F1 {:.3} ARI {:.3}", on_b.0, on_b.1, on_b.2, on_b.3);
    println!("held-out: tuned on B (t={tb:.2}) → A: P {:.3} R {:.3} B3-F1 {:.3} ARI {:.3}", on_a.0, on_a.1, on_a.2, on_a.3);
    let d = score(&everything, base, orders);
    println!("all 1,332 at the default threshold {:.2}: P {:.3} R {:.3} B3-F1 {:.3} ARI {:.3} (mean of {orders} orders)", base.threshold, d.0, d.1, d.2, d.3);
    // Baselines that bound the measure.
    let gold: Vec<usize> = all.iter().map(|h| h.group).collect();
    let singletons: Vec<usize> = (0..all.len()).collect();
    let (_, _, f) = bcubed(&singletons, &gold);
    println!("baseline all-singletons: B3-F1 {f:.3} ARI {:.3}", adjusted_rand(&singletons, &gold));
}
