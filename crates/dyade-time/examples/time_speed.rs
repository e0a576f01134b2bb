//! Throughput of the tagger over OrangeSum `article` texts (one thread):
//! `cargo run --release -p dyade-time --example time_speed [N_ARTICLES]` (default 8000).
//! Small N is meant for `valgrind --tool=callgrind`. Reports the median and best of 5 passes (wall clock)
//! and the throughput per CPU second of this thread.
use dyade_time::eval::shared_dir;
use dyade_time::TimexTagger;
use std::time::Instant;

/// CPU seconds used by this thread (utime + stime from /proc, Linux): on a shared machine the
/// wall clock also counts the time other processes held the core.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(8000);
    let path = shared_dir().join("data/corpus/orangesum/orangesum.jsonl");
    let s = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let arts: Vec<String> = s.lines().take(n).filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?["article"].as_str().map(String::from)).collect();
    let bytes: usize = arts.iter().map(|a| a.len()).sum();
    let tagger = TimexTagger::new();
    // the machine is shared: report the median and best of several passes
    let mut secs = vec![];
    let mut k = 0;
    let c0 = cpu_secs();
    for _ in 0..5 {
        let t = Instant::now();
        k = 0;
        for a in &arts {
            k += tagger.tag(a, "fr", Some("2019-06-01")).len();
        }
        secs.push(t.elapsed().as_secs_f64());
    }
    let cpu = c0.and_then(|c0| Some((cpu_secs()? - c0) / 5.0));
    secs.sort_by(|a, b| a.total_cmp(b));
    let mb = bytes as f64 / 1e6;
    println!("OrangeSum: {} articles, {mb:.1} MB, {k} timexes, median {:.1} MB/s, best {:.1} MB/s (one thread, 5 passes); CPU time: {} MB/s", arts.len(), mb / secs[2], mb / secs[0], cpu.map(|c| format!("{:.1}", mb / c)).unwrap_or("?".into()));
}
