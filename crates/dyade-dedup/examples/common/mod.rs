// Shared helpers of the evaluation examples (included with `#[path]`, not a public API).
#![allow(dead_code)]

use std::collections::HashMap;

/// The shared data folder.
pub fn shared() -> std::path::PathBuf {
    std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}

/// Peak resident memory (VmHWM) in MiB, from /proc/self/status.
pub fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// `--name value` from the command line, parsed.
pub fn arg<T: std::str::FromStr>(name: &str, default: T) -> T {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Deterministic generator (splitmix64) for sampling and perturbations.
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Union-find over arbitrary keys, for gold groupings.
pub fn same_group_pairs(groups: &[Vec<u64>]) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for g in groups {
        for i in 0..g.len() {
            for j in i + 1..g.len() {
                out.push((g[i].min(g[j]), g[i].max(g[j])));
            }
        }
    }
    // An article can sit on several lines of a list: count each pair once.
    out.sort_unstable();
    out.dedup();
    out
}

/// Map key → group id from a list of groups.
pub fn group_map(groups: &[dyade_dedup::DupGroup]) -> HashMap<u64, u64> {
    groups.iter().flat_map(|g| g.members.iter().map(move |(m, _)| (*m, g.group))).collect()
}
