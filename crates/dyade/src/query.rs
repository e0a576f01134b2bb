//! `dyade query`: the API's queries from the command line, with the same parameters and
//! validation as `dyade serve` (crate dyade-serve's `query` module).

use crate::Outcome;
use anyhow::{bail, Context};
use dyade_serve::query::{self, Params};
use std::path::Path;

/// The queries `dyade query` knows, with what they return.
pub const KINDS: &[(&str, &str)] = &[
    ("articles", "articles; q=full-text search, source, lang, from, to"),
    ("events", "events; actor, recipient, involving, type, quad, from, to, source, doc"),
    ("dyad", "cooperation/conflict per period for a pair; a, b, bucket=day|month|year"),
    ("top-actors", "most active actors"),
    ("top-pairs", "most frequent actor pairs"),
    ("entities", "entities by ref with mention counts; q, type"),
    ("mentions", "mentions of one entity; ref"),
    ("quotes", "quotes; speaker, q"),
    ("speakers", "speakers by number of quotes"),
];

/// Run a query of `kind` with `key=value` parameters and print the result.
pub fn run(db: &Path, kind: &str, params: &[String], pretty: bool) -> anyhow::Result<Outcome> {
    if !db.exists() {
        bail!("no database at {}; run `dyade ingest INPUT… --db {}` first", db.display(), db.display());
    }
    let mut pairs = Vec::new();
    for p in params {
        let Some((k, v)) = p.split_once('=') else { bail!("parameter {p:?}: expected key=value, e.g. actor=RUS") };
        pairs.push((k.to_string(), v.to_string()));
    }
    let p = Params::from_pairs(pairs);
    let store = dyade_store::Store::open_read_only(db)?;
    let conn = store.conn();
    let v = match kind {
        "articles" => query::articles(conn, &p),
        "events" => query::events(conn, &p),
        "dyad" => query::dyad(conn, &p),
        "top-actors" => query::top_actors(conn, &p),
        "top-pairs" => query::top_pairs(conn, &p),
        "entities" => query::entities(conn, &p),
        "mentions" => query::mentions(conn, &p),
        "quotes" => query::quotes(conn, &p),
        "speakers" => query::speakers(conn, &p),
        other => {
            let known: Vec<_> = KINDS.iter().map(|(k, _)| *k).collect();
            bail!("unknown query {other:?}; one of: {}", known.join(", "))
        }
    }
    .map_err(|e| anyhow::anyhow!("{e}"))
    .with_context(|| format!("query {kind}"))?;
    if pretty {
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else if let Some(items) = v.get("items").and_then(|i| i.as_array()) {
        // one JSON object per line: easy to pipe into jq, pandas or DuckDB
        for it in items {
            println!("{it}");
        }
        eprintln!(
            "dyade: {} of {} shown{}",
            items.len(),
            v.get("total").and_then(|t| t.as_i64()).unwrap_or(items.len() as i64),
            v.get("next_offset").and_then(|n| n.as_i64()).map(|n| format!("; next page: offset={n}")).unwrap_or_default()
        );
    } else {
        println!("{v}");
    }
    Ok(Outcome::Done)
}
