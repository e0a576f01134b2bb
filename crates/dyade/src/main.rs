//! `dyade`: the command-line interface.
//!
//! Exit codes: 0 success; 1 a fatal error (nothing or not all could be done); 2 bad usage;
//! 3 the command completed but skipped some inputs (each named on stderr).

mod annotate;
mod bench;
mod dedup;
mod eval;
mod export;
mod ingest;
mod inputs;
mod query;
mod serve;
mod show;
mod timeline;
mod train;

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
        /// Run the pipeline only up to this stage (e.g. `segment` to measure ingest alone).
        #[arg(long, value_name = "STAGE")]
        until: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// The dyad timeline of two actors: merged events in both directions, dated, with their
    /// sources, and a cooperation/conflict index per year.
    Timeline {
        /// First actor (country code, e.g. RUS).
        a: String,
        /// Second actor (country code, e.g. PRK).
        b: String,
        /// SQLite database file.
        #[arg(long, value_name = "FILE", default_value = "dyade.db")]
        db: PathBuf,
        /// Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Latest date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// Print JSON instead of a text table.
        #[arg(long)]
        json: bool,
    },
    /// Serve the JSON HTTP API and the web page over a database (read-only, localhost).
    Serve {
        /// SQLite database file.
        #[arg(long, value_name = "FILE", default_value = "dyade.db")]
        db: PathBuf,
        /// Address to listen on.
        #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
        addr: String,
        /// Allow a non-loopback address (the API has no authentication).
        #[arg(long)]
        public: bool,
        /// Do not create the full-text index at start.
        #[arg(long)]
        no_index: bool,
    },
    /// Export a table: JSONL, CSV, PLOVER JSONL or GDELT-like TSV for events, Parquet when
    /// built with the `parquet` feature.
    Export {
        /// SQLite database file.
        #[arg(long, value_name = "FILE", default_value = "dyade.db")]
        db: PathBuf,
        /// Table to export (documents, entities, timexes, quotes, events, merged_events…), or
        /// `all` to write every table into the folder given by --out.
        #[arg(long, default_value = "events")]
        table: String,
        /// jsonl, csv, plover, gdelt or parquet.
        #[arg(long, default_value = "jsonl")]
        format: String,
        /// Output file (default: standard output), or folder with --table all.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Query the store with the HTTP API's queries and parameters, e.g.
    /// `dyade query events actor=RUS recipient=PRK from=2023` or `dyade query quotes speaker="Vladimir Putin"`.
    /// Kinds: articles, events, dyad, top-actors, top-pairs, entities, mentions, quotes, speakers.
    /// Prints one JSON object per line (or one pretty document with --pretty).
    Query {
        /// What to query.
        kind: String,
        /// Parameters as key=value (limit=, offset= page through results).
        params: Vec<String>,
        /// SQLite database file.
        #[arg(long, value_name = "FILE", default_value = "dyade.db")]
        db: PathBuf,
        /// Print the whole answer as one indented JSON document.
        #[arg(long)]
        pretty: bool,
    },
    /// Group near-duplicate articles (MinHash + LSH, incremental: only new articles are
    /// signed) and print the groups with their similarity and canonical article.
    Dedup {
        /// SQLite database file.
        #[arg(long, value_name = "FILE", default_value = "dyade.db")]
        db: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Group articles into stories (entities, time and text similarity, incremental) and print
    /// each story with its label.
    Stories {
        /// SQLite database file.
        #[arg(long, value_name = "FILE", default_value = "dyade.db")]
        db: PathBuf,
        /// Only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Train a model from data (reproducible: same inputs and seed, same bytes).
    #[command(subcommand)]
    Train(TrainCommand),
    /// Counts of stored documents, layers and runs.
    Stats {
        /// SQLite database file.
        #[arg(long, value_name = "FILE", default_value = "dyade.db")]
        db: PathBuf,
    },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// The NER model (averaged structured perceptron). The shipped models/ner-fr.bin is
    /// `dyade train ner --train ../shared/data/ner/wikineural_fr_train.conllu --io
    /// ../shared/data/ner/europeana_fr.bio --caplex ../shared/data/corpus/orangesum/orangesum.jsonl`.
    Ner(train::NerArgs),
}

fn main() -> ExitCode {
    // Die quietly on a closed pipe (`dyade query … | head`), as Unix tools do, instead of
    // panicking on the next print.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest { input, db, batch, quiet } => ingest::run(&input, &db, batch.max(1), quiet),
        Command::Annotate { input, out } => annotate::run(&input, &out),
        Command::Eval { gold, pred, texts, meta, no_meta, keep, json } => {
            eval::run(&eval::EvalArgs { gold, pred, texts, meta, no_meta, keep, json })
        }
        Command::Show { doc, db, json } => show::run(&doc, &db, json),
        Command::Stats { db } => show::stats(&db),
        Command::Train(TrainCommand::Ner(a)) => train::run_ner(&a),
        Command::Dedup { db, json } => dedup::run_dedup(&db, json),
        Command::Stories { db, since, json } => dedup::run_stories(&db, since, json),
        Command::Query { kind, params, db, pretty } => query::run(&db, &kind, &params, pretty),
        Command::Timeline { a, b, db, since, until, json } => timeline::run(&db, &a, &b, json, since, until),
        Command::Serve { db, addr, public, no_index } => serve::run(&db, &addr, public, no_index),
        Command::Export { db, table, format, out } => export::run(&db, &table, &format, out.as_deref()),
        Command::Bench { input, limit, until, json } => bench::run(&input, limit, until.as_deref(), json),
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
