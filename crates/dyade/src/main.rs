//! `dyade`: the command-line interface.
//!
//! Exit codes: 0 success; 1 a fatal error (nothing or not all could be done); 2 bad usage;
//! 3 the command completed but skipped some inputs (each named on stderr).

mod annotate;
mod bench;
mod eval;
mod ingest;
mod inputs;
mod pipeline;
mod show;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// dyade reads news articles and rebuilds the structured, sourced picture they describe:
/// who did or said what to whom, when, where, and according to whom.
#[derive(Parser)]
#[command(name = "dyade", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Input selection shared by the commands that read articles.
#[derive(clap::Args, Clone, Debug)]
pub struct InputArgs {
    /// Articles to read: `.txt`, `.html`, `.json`/`.jsonl` files, folders of them (recursive),
    /// or `-` for standard input (plain text, or JSON Lines when it starts with `{`).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Metadata sidecar, JSON Lines with `doc` (file stem or JSON id), `dct` (publication
    /// date), `lang`, `source`, `url`, `title`.
    #[arg(long, value_name = "FILE")]
    pub meta: Option<PathBuf>,
    /// Largest article accepted, in MiB; larger inputs are skipped with an error.
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    pub max_mib: u64,
    /// Worker threads for annotation (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles, annotate them and store everything in the database.
    ///
    /// Idempotent: an article already stored (same text) is not stored twice. Crash-safe:
    /// documents are committed in batches; after a killed run, run the same command again.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        /// SQLite database file (created if missing).
        #[arg(long, value_name = "FILE", default_value = "dyade.db")]
        db: PathBuf,
        /// Documents per transaction.
        #[arg(long, value_name = "N", default_value_t = 256)]
        batch: usize,
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
    },
    /// Annotate articles and write one `<stem>.json` per article in the gold format
    /// (shared/eval/FORMAT.md).
    Annotate {
        #[command(flatten)]
        input: InputArgs,
        /// Output folder (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Score annotations against gold files with the rules of FORMAT.md (the same numbers as
    /// score.py). Without `--pred`, annotates the gold's texts first.
    Eval {
        /// Folder of gold `<stem>.json` files.
        #[arg(long, value_name = "DIR")]
        gold: PathBuf,
        /// Folder of predicted `<stem>.json` files (a missing file counts as empty).
        #[arg(long, value_name = "DIR")]
        pred: Option<PathBuf>,
        /// Where the gold's `<stem>.txt` texts are, when annotating (default: the gold folder,
        /// then `../../seeds` relative to it as in shared/).
        #[arg(long, value_name = "DIR")]
        texts: Option<PathBuf>,
        /// Metadata sidecar when annotating (default: `meta.jsonl` in the texts folder).
        #[arg(long, value_name = "FILE")]
        meta: Option<PathBuf>,
        /// Annotate without any metadata sidecar (publication dates inferred).
        #[arg(long)]
        no_meta: bool,
        /// Keep the predictions written when annotating in this folder.
        #[arg(long, value_name = "DIR")]
        keep: Option<PathBuf>,
        /// Print one JSON object instead of one line per measure.
        #[arg(long)]
        json: bool,
    },
    /// Print one stored article with its annotations.
    Show {
        /// Document id (input id or file stem), row id, or content hash.
        doc: String,
        /// SQLite database file.
        #[arg(long, value_name = "FILE", default_value = "dyade.db")]
        db: PathBuf,
        /// Print the document and its layers as JSON (gold format plus metadata).
        #[arg(long)]
        json: bool,
    },
    /// Measure throughput (MB/s and articles/s per core, per stage) and peak memory of the
    /// pipeline over articles, without storing anything.
    Bench {
        #[command(flatten)]
        input: InputArgs,
        /// Stop after this many articles.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Counts of stored documents, layers and runs.
    Stats {
        /// SQLite database file.
        #[arg(long, value_name = "FILE", default_value = "dyade.db")]
        db: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest { input, db, batch, quiet } => ingest::run(&input, &db, batch.max(1), quiet),
        Command::Annotate { input, out } => annotate::run(&input, &out),
        Command::Eval { gold, pred, texts, meta, no_meta, keep, json } => {
            eval::run(&eval::EvalArgs { gold, pred, texts, meta, no_meta, keep, json })
        }
        Command::Show { doc, db, json } => show::run(&doc, &db, json),
        Command::Stats { db } => show::stats(&db),
        Command::Bench { input, limit, json } => bench::run(&input, limit, json),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Skipped(n)) => {
            eprintln!("dyade: {n} input(s) skipped, see the messages above");
            ExitCode::from(3)
        }
        Err(e) => {
            eprintln!("dyade: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// How a command ended when it did not fail.
pub enum Outcome {
    /// Everything was processed.
    Done,
    /// Completed, but this many inputs were skipped with an error.
    Skipped(u64),
}
