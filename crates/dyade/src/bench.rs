//! `dyade bench`: throughput and peak memory of the pipeline, per stage, without storing.
//!
//! Reading runs on the calling thread; annotation runs on `-j` threads over bounded chunks,
//! exactly as `ingest` does, so the figures are those of the real code path.

use crate::{inputs, InputArgs, Outcome};
use dyade_pipeline as pipeline;
use rayon::prelude::*;
use std::time::Instant;

/// Peak resident set size of this process in KiB (Linux `VmHWM`), if known.
pub fn peak_rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Run the bench command.
pub fn run(args: &InputArgs, limit: Option<usize>, until: Option<&str>, json: bool) -> anyhow::Result<Outcome> {
    inputs::init_threads(args.threads);
    let threads = rayon::current_num_threads();
    let pipeline = match until {
        Some(stage) => pipeline::pipeline_until(stage).map_err(|e| anyhow::anyhow!("--until {stage:?}: {e}"))?,
        None => pipeline::default_pipeline()?,
    };
    let names = pipeline.names();
    let mut stage_ns = vec![0u64; names.len()];
    let (mut docs, mut bytes, mut skipped) = (0u64, 0u64, 0u64);
    let mut read_ns = 0u64;
    let t0 = Instant::now();
    let mut reader = dyade_ingest::read_inputs(&args.inputs, &inputs::read_options(args));
    let limit = limit.unwrap_or(usize::MAX);
    loop {
        let tr = Instant::now();
        let mut batch = Vec::with_capacity(256);
        while batch.len() < 256 && (docs as usize + batch.len()) < limit {
            match reader.next() {
                Some(Ok(d)) => batch.push(d),
                Some(Err(_)) => skipped += 1,
                None => break,
            }
        }
        read_ns += tr.elapsed().as_nanos() as u64;
        if batch.is_empty() {
            break;
        }
        docs += batch.len() as u64;
        bytes += batch.iter().map(|d| d.text.len() as u64).sum::<u64>();
        let per_doc: Vec<Vec<u64>> = batch
            .par_iter_mut()
            .map(|d| {
                let mut t = vec![0u64; names.len()];
                pipeline.process_timed(d, &mut t);
                t
            })
            .collect();
        for t in per_doc {
            for (a, b) in stage_ns.iter_mut().zip(t) {
                *a += b;
            }
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    // Per-core rates: MB divided by the CPU seconds the stage used (summed over threads).
    let rate = |ns: u64| if ns > 0 { mb / (ns as f64 / 1e9) } else { f64::INFINITY };
    let docs_rate = |ns: u64| if ns > 0 { docs as f64 / (ns as f64 / 1e9) } else { f64::INFINITY };
    let total_ns: u64 = stage_ns.iter().sum::<u64>() + read_ns;
    let rss = peak_rss_kib();
    if json {
        let stages: Vec<_> = names
            .iter()
            .zip(&stage_ns)
            .map(|(n, ns)| serde_json::json!({"stage": n, "cpu_s": *ns as f64 / 1e9, "mb_per_s_per_core": rate(*ns), "articles_per_s_per_core": docs_rate(*ns)}))
            .collect();
        println!(
            "{}",
            serde_json::json!({"articles": docs, "mb": mb, "skipped": skipped, "threads": threads, "wall_s": wall,
                "mb_per_s_wall": mb / wall, "articles_per_s_wall": docs as f64 / wall, "read_cpu_s": read_ns as f64 / 1e9,
                "read_mb_per_s": rate(read_ns), "total_mb_per_s_per_core": rate(total_ns), "peak_rss_kib": rss, "stages": stages})
        );
    } else {
        println!("{docs} articles, {mb:.1} MB, {skipped} skipped, {threads} thread(s), {wall:.2} s wall: {:.2} MB/s, {:.0} articles/s", mb / wall, docs as f64 / wall);
        println!("{:<12} {:>10} {:>14} {:>16}", "stage", "cpu s", "MB/s per core", "articles/s/core");
        println!("{:<12} {:>10.3} {:>14.1} {:>16.0}", "read", read_ns as f64 / 1e9, rate(read_ns), docs_rate(read_ns));
        for (n, ns) in names.iter().zip(&stage_ns) {
            println!("{:<12} {:>10.3} {:>14.1} {:>16.0}", n, *ns as f64 / 1e9, rate(*ns), docs_rate(*ns));
        }
        println!("{:<12} {:>10.3} {:>14.1} {:>16.0}", "all", total_ns as f64 / 1e9, rate(total_ns), docs_rate(total_ns));
        if let Some(k) = rss {
            println!("peak RSS: {:.1} MiB", k as f64 / 1024.0);
        }
    }
    Ok(if skipped > 0 { Outcome::Skipped(skipped) } else { Outcome::Done })
}
