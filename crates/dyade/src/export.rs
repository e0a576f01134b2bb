//! `dyade export`: tables of a store as JSONL, CSV, PLOVER JSONL, GDELT-like TSV or Parquet
//! (crate dyade-export).

use crate::Outcome;
use anyhow::Context;
use dyade_export::Format;
use std::io::Write;
use std::path::Path;

/// Export `table` of `db` in `format` (`jsonl`, `csv`, `plover`, `gdelt`, `parquet`) to `out`
/// (a file; standard output when `None`). `table = "all"` exports every table into the folder
/// `out` as `<table>.<ext>` (JSONL/CSV/Parquet only). Prints a count line on stderr.
pub fn run(db: &Path, table: &str, format: &str, out: Option<&Path>) -> anyhow::Result<Outcome> {
    if !db.exists() {
        anyhow::bail!("no database at {}; run `dyade ingest INPUT… --db {}` first", db.display(), db.display());
    }
    let format: Format = format.parse().map_err(|e: String| anyhow::anyhow!(e))?;
    let store = dyade_store::Store::open_read_only(db)?;
    let conn = store.conn();
    if table == "all" {
        let dir = out.context("--table all needs --out DIR (one file per table)")?;
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        for t in dyade_export::tables(conn)? {
            let path = dir.join(format!("{t}.{}", format.extension()));
            let n = write_one(conn, &t, format, Some(&path))?;
            eprintln!("dyade: {n} {t} rows -> {}", path.display());
        }
        return Ok(Outcome::Done);
    }
    let n = write_one(conn, table, format, out)?;
    eprintln!("dyade: {n} {table} rows exported as {}", format.name());
    Ok(Outcome::Done)
}

fn write_one(conn: &dyade_export::rusqlite::Connection, table: &str, format: Format, out: Option<&Path>) -> anyhow::Result<u64> {
    match out {
        Some(p) => {
            let f = std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?;
            let mut w = std::io::BufWriter::new(f);
            let n = dyade_export::export(conn, table, format, &mut w)?;
            w.flush().with_context(|| format!("cannot write {}", p.display()))?;
            Ok(n)
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let n = dyade_export::export(conn, table, format, &mut w)?;
            w.flush()?;
            Ok(n)
        }
    }
}
