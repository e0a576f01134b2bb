//! Every figure of the temporal tagger: `cargo run --release -p dyade-time --example time_eval [--errors]`.
//!
//! TimeBank dev and the seeds are scored as `shared/eval/score.py` scores them (predictions are
//! also written to `/tmp/dyade_time_pred/{timebank,seeds}` so the reference scorer can be run
//! on them); Duckling and Recognizers-Text pass rules are documented in `dyade_time::eval`.
use dyade_time::eval::*;
use dyade_time::TimexTagger;
use std::time::Instant;

fn kinds(name: &str, r: &SuiteResult, show: bool) {
    println!("{name}: {}/{} = {:.2}%", r.pass, r.total, 100.0 * r.rate());
    let mut k: Vec<_> = r.kinds.iter().collect();
    k.sort_by_key(|x| std::cmp::Reverse(*x.1));
    for (kind, n) in k.iter().take(12) {
        println!("    {n:4}  {kind}");
    }
    if show {
        for (k, t, d) in &r.examples {
            println!("      [{k}] {t:?}: {d}");
        }
    }
}

fn main() {
    let show = std::env::args().any(|a| a == "--errors");
    let only = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let sh = shared_dir();
    let t0 = Instant::now();
    let tagger = TimexTagger::new();
    println!("packs parsed in {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
    let want = |n: &str| only.as_deref().is_none_or(|o| o == n);
    if want("timebank") {
        let tb = sh.join("eval/fr_timebank_dev");
        let s = score_dir(&tagger, &tb, &tb, &tb.join("meta.jsonl"), Some(std::path::Path::new("/tmp/dyade_time_pred/timebank")));
        println!(
            "TimeBank dev ({} gold, {} pred): strict F1 {:.4} (P {:.4} R {:.4}), relaxed F1 {:.4}, value F1 {:.4}, value acc {:.4}",
            s.n_gold, s.n_pred, s.strict.f1, s.strict.p, s.strict.r, s.relaxed.f1, s.value_f1.f1, s.value_acc
        );
        let mut k = std::collections::BTreeMap::<&str, usize>::new();
        for e in &s.errors {
            *k.entry(&e.0).or_default() += 1;
        }
        println!("    error kinds: {k:?}");
        if show {
            for e in &s.errors {
                println!("      [{}] {:?}: {}", e.0, e.1, e.2);
            }
        }
    }
    if want("seeds") {
        let s = score_dir(&tagger, &sh.join("eval/seeds"), &sh.join("seeds"), &sh.join("seeds/meta.jsonl"), Some(std::path::Path::new("/tmp/dyade_time_pred/seeds")));
        println!(
            "seeds ({} gold, {} pred): value acc {:.4}, strict F1 {:.4}, relaxed F1 {:.4}, value F1 {:.4}",
            s.n_gold, s.n_pred, s.value_acc, s.strict.f1, s.relaxed.f1, s.value_f1.f1
        );
        if show {
            for e in &s.errors {
                println!("      [{}] {:?}: {}", e.0, e.1, e.2);
            }
        }
        // publication-date inference without metadata
        for stem in ["000_38da251244b5c1f0", "001_898200bc475ae2d7", "003_a4312f8c6b1d384b"] {
            let text = std::fs::read_to_string(sh.join(format!("seeds/{stem}.txt"))).unwrap();
            let (_, doc) = annotate(&tagger, stem, &text, None, "fr");
            println!("    inferred publication of {stem}: {:?}", doc.meta.published);
        }
    }
    let dfr = sh.join("data/time/duckling_fr.jsonl");
    let en = sh.join("data/time/en_cases.jsonl");
    let rfr = sh.join("data/time/recognizers_fr_verified.jsonl");
    if want("duckling") {
        kinds("Duckling fr", &duckling(&tagger, &dfr, "fr"), show);
        kinds("Duckling en", &duckling(&tagger, &en, "en"), show);
    }
    if want("recognizers") {
        kinds("Recognizers fr", &recognizers(&tagger, &rfr, "fr"), show);
        kinds("Recognizers en", &recognizers(&tagger, &en, "en"), show);
    }
    if want("speed") {
        let path = sh.join("data/corpus/orangesum/orangesum.jsonl");
        let s = std::fs::read_to_string(&path).unwrap();
        let arts: Vec<String> = s.lines().take(8000).filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?["article"].as_str().map(String::from)).collect();
        let bytes: usize = arts.iter().map(|a| a.len()).sum();
        let t = Instant::now();
        let mut n = 0;
        for a in &arts {
            n += tagger.tag(a, "fr", Some("2019-06-01")).len();
        }
        let secs = t.elapsed().as_secs_f64();
        println!("OrangeSum speed: {} articles, {:.1} MB, {n} timexes, {:.1} MB/s (one thread)", arts.len(), bytes as f64 / 1e6, bytes as f64 / 1e6 / secs);
    }
}
