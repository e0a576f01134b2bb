//! `dyade ingest`: read, annotate, store.

use crate::{inputs, InputArgs, Outcome};
use dyade_pipeline as pipeline;
use anyhow::Context;
use dyade_store::{doc_hash, PutOutcome, RunStats, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::Path;

/// Run the ingest command.
pub fn run(args: &InputArgs, db: &Path, batch: usize, quiet: bool) -> anyhow::Result<Outcome> {
    inputs::init_threads(args.threads);
    let pipeline = pipeline::default_pipeline()?;
    let version = pipeline::version(&pipeline);
    let mut store = Store::open(db)?;
    // The full-text index keeps itself in sync through triggers once it exists.
    dyade_serve::ensure_fts(store.conn()).context("creating the full-text index")?;
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let run = store.begin_run("ingest", &argv.join(" "), &version)?;
    let bar = if quiet { ProgressBar::hidden() } else { ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4)) };
    bar.set_style(ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} articles ({per_sec}) {msg}").unwrap());
    let stats = std::cell::RefCell::new(RunStats::default());
    let store_cell = std::cell::RefCell::new(&mut store);
    let result = inputs::process(
        args,
        &pipeline,
        batch,
        |doc| {
            // Already stored by this very pipeline: skip the annotation work.
            let stored = store_cell.borrow().stored_pipeline(&doc_hash(doc))?;
            if stored.as_deref() == Some(version.as_str()) {
                stats.borrow_mut().unchanged += 1;
                bar.inc(1);
                return Ok(true);
            }
            Ok(false)
        },
        |docs| {
            let outcomes = store_cell.borrow_mut().put_documents(&docs, &version, run).context("storing documents")?;
            let mut stats = stats.borrow_mut();
            for o in outcomes {
                match o {
                    PutOutcome::Added => stats.added += 1,
                    PutOutcome::Updated => stats.updated += 1,
                    PutOutcome::Unchanged => stats.unchanged += 1,
                }
            }
            bar.inc(docs.len() as u64);
            bar.set_message(format!("{} new, {} updated, {} unchanged, {} skipped", stats.added, stats.updated, stats.unchanged, stats.errors));
            Ok(())
        },
        |err| {
            stats.borrow_mut().errors += 1;
            bar.suspend(|| eprintln!("dyade: skipped {err}"));
            let origin = match err.line { Some(l) => format!("{}:{l}", err.path.display()), None => err.path.display().to_string() };
            store_cell.borrow().record_error(run, &origin, &err.to_string())?;
            Ok(())
        },
    );
    bar.finish_and_clear();
    result?;
    let stats = stats.into_inner();
    store.finish_run(run, stats)?;
    eprintln!(
        "dyade: {} new, {} updated, {} unchanged, {} skipped -> {}",
        stats.added,
        stats.updated,
        stats.unchanged,
        stats.errors,
        db.display()
    );
    Ok(if stats.errors > 0 { Outcome::Skipped(stats.errors) } else { Outcome::Done })
}
