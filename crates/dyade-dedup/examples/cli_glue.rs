//! Exercises the CLI glue of `crates/dyade/src/dedup.rs` (compiled here verbatim) over a
//! store, before the lead wires `dyade dedup` / `dyade stories`.
//!
//! `cargo run --release -p dyade-dedup --example cli_glue -- DB (dedup|stories [SINCE]) [--json]`

#[path = "../../dyade/src/dedup.rs"]
mod dedup;

/// Stand-in for the CLI's `Outcome`.
pub enum Outcome {
    /// Everything was processed.
    Done,
    /// Some inputs were skipped.
    #[allow(dead_code)]
    Skipped(u64),
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--json").collect();
    let json = std::env::args().any(|a| a == "--json");
    let db = std::path::PathBuf::from(args.first().map(String::as_str).unwrap_or("dyade.db"));
    let outcome = match args.get(1).map(String::as_str) {
        Some("stories") => dedup::run_stories(&db, args.get(2).cloned(), json)?,
        _ => dedup::run_dedup(&db, json)?,
    };
    if let Outcome::Skipped(n) = outcome {
        eprintln!("{n} skipped");
    }
    Ok(())
}
