//! Exports of the dyade store.
//!
//! - [`Format::Jsonl`] and [`Format::Csv`] for every table (`documents`, `entities`, `timexes`,
//!   `quotes`, `events`, `runs`, `run_errors`, and any table added later such as
//!   `merged_events`), one row per line/record, columns as stored. Offsets are code points, as in
//!   the typed tables. `documents.layers_json` (internal, byte offsets) is left out: the typed
//!   tables carry the same layers.
//! - [`Format::Plover`]: PLOVER v2.0 event records (JSON Lines), `events` only.
//! - [`Format::Gdelt`]: a GDELT-2.0-like tab-separated event table, `events` only. It keeps
//!   GDELT's column names where the meaning carries over; `EventCode` holds the PLOVER type
//!   (not a CAMEO code) and `GoldsteinScale` the PLOVER score of that type.
//! - [`Format::Parquet`] with the cargo feature `parquet` (off by default: arrow + parquet add
//!   about 4.5 minutes to a clean release build).

pub mod plover;

/// The SQLite binding this crate takes connections of (re-exported so callers need no own dependency).
pub use rusqlite;

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use std::io::Write;

/// Errors of an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The table does not exist in this database.
    #[error("no table {table:?} in this database (tables: {available})")]
    NoTable {
        /// Requested table.
        table: String,
        /// Tables that exist.
        available: String,
    },
    /// The format does not apply to the table.
    #[error("format {format} exports the events table only, not {table:?}")]
    EventsOnly {
        /// Format name.
        format: &'static str,
        /// Requested table.
        table: String,
    },
    /// Parquet was asked for but the crate was built without the `parquet` feature.
    #[error("this dyade was built without Parquet support; rebuild with `--features dyade-export/parquet`")]
    NoParquet,
    /// SQLite error.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// CSV writer error.
    #[error("CSV error: {0}")]
    Csv(#[from] csv::Error),
    /// Output error.
    #[error("write error: {0}")]
    Io(#[from] std::io::Error),
    /// Other errors (Parquet writer).
    #[error("{0}")]
    Other(String),
}

/// Result alias.
pub type Result<T> = std::result::Result<T, ExportError>;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per row.
    Jsonl,
    /// CSV with a header row (RFC 4180 quoting).
    Csv,
    /// PLOVER v2.0 JSON Lines (events only).
    Plover,
    /// GDELT-2.0-like TSV with a header row (events only).
    Gdelt,
    /// Apache Parquet (feature `parquet`).
    Parquet,
}

impl Format {
    /// All formats, with their names.
    pub const ALL: [(&'static str, Format); 5] =
        [("jsonl", Format::Jsonl), ("csv", Format::Csv), ("plover", Format::Plover), ("gdelt", Format::Gdelt), ("parquet", Format::Parquet)];

    /// The format's name.
    pub fn name(self) -> &'static str {
        Format::ALL.iter().find(|(_, f)| *f == self).map(|(n, _)| *n).unwrap_or("?")
    }

    /// A usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl | Format::Plover => "jsonl",
            Format::Csv => "csv",
            Format::Gdelt => "tsv",
            Format::Parquet => "parquet",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let l = s.to_ascii_lowercase();
        let l = match l.as_str() {
            "json" | "ndjson" => "jsonl",
            "plover-jsonl" | "plover_jsonl" => "plover",
            "tsv" | "gdelt-tsv" => "gdelt",
            o => o,
        };
        Format::ALL.iter().find(|(n, _)| *n == l).map(|(_, f)| *f).ok_or_else(|| {
            format!("unknown format {s:?}; use one of {}", Format::ALL.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "))
        })
    }
}

/// True when a table (or view) named `name` exists: used to feature-detect tables other
/// components add (`merged_events`, `documents_fts`…).
pub fn table_exists(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn.query_row("SELECT count(*) FROM sqlite_master WHERE type IN ('table','view') AND name = ?1", [name], |r| r.get::<_, i64>(0))? > 0)
}

/// The exportable tables of this database, in schema order (SQLite internals and the FTS
/// index's shadow tables excluded).
pub fn tables(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'documents_fts%' ORDER BY rowid",
    )?;
    let v = st.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

fn check_table(conn: &Connection, table: &str) -> Result<()> {
    let all = tables(conn)?;
    if all.iter().any(|t| t == table) {
        Ok(())
    } else {
        Err(ExportError::NoTable { table: table.into(), available: all.join(", ") })
    }
}

/// Quote an SQL identifier (the table name was checked against sqlite_master already; this
/// keeps odd names harmless anyway).
fn ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Export `table` in `format` to `out`; returns the number of records written.
pub fn export(conn: &Connection, table: &str, format: Format, out: &mut dyn Write) -> Result<u64> {
    check_table(conn, table)?;
    match format {
        Format::Jsonl => export_jsonl(conn, table, out),
        Format::Csv => export_csv(conn, table, out),
        Format::Plover | Format::Gdelt if table != "events" => Err(ExportError::EventsOnly { format: format.name(), table: table.into() }),
        Format::Plover => export_plover(conn, out),
        Format::Gdelt => export_gdelt(conn, out),
        Format::Parquet => export_parquet(conn, table, out),
    }
}

/// Columns exported for `table`, with their declared types.
fn columns(conn: &Connection, table: &str) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare(&format!("PRAGMA table_info({})", ident(table)))?;
    let cols = st
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|(n, _)| !(table == "documents" && n == "layers_json"))
        .collect();
    Ok(cols)
}

fn select_sql(table: &str, cols: &[(String, String)]) -> String {
    let list: Vec<String> = cols.iter().map(|(n, _)| ident(n)).collect();
    format!("SELECT {} FROM {}", list.join(", "), ident(table))
}

fn json_value(v: ValueRef<'_>) -> serde_json::Value {
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map(serde_json::Value::Number).unwrap_or(serde_json::Value::Null),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect::<String>().into(),
    }
}

fn text_value(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => String::new(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        ValueRef::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect(),
    }
}

fn export_jsonl(conn: &Connection, table: &str, out: &mut dyn Write) -> Result<u64> {
    let cols = columns(conn, table)?;
    let mut st = conn.prepare(&select_sql(table, &cols))?;
    let mut rows = st.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let mut o = serde_json::Map::with_capacity(cols.len());
        for (i, (name, _)) in cols.iter().enumerate() {
            o.insert(name.clone(), json_value(r.get_ref(i)?));
        }
        serde_json::to_writer(&mut *out, &o).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

fn export_csv(conn: &Connection, table: &str, out: &mut dyn Write) -> Result<u64> {
    let cols = columns(conn, table)?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(cols.iter().map(|(n, _)| n.as_str()))?;
    let mut st = conn.prepare(&select_sql(table, &cols))?;
    let mut rows = st.query([])?;
    let mut n = 0;
    let mut rec = Vec::with_capacity(cols.len());
    while let Some(r) = rows.next()? {
        rec.clear();
        for i in 0..cols.len() {
            rec.push(text_value(r.get_ref(i)?));
        }
        w.write_record(&rec)?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

/// One event joined with its document, as the event formats need it.
struct EventRow {
    id: i64,
    doc_row: i64,
    doc: String,
    etype: String,
    mode: Option<String>,
    context: Option<String>,
    actor: Option<String>,
    actor_person: Option<String>,
    actor_sector: Option<String>,
    recipient: Option<String>,
    recipient_person: Option<String>,
    recipient_sector: Option<String>,
    date: Option<String>,
    location: Option<String>,
    attribution: Option<String>,
    trigger: String,
    sentence_start: i64,
    sentence_end: i64,
    trigger_start: i64,
    trigger_end: i64,
    historical: bool,
    negated: bool,
    confidence: f64,
    url: Option<String>,
    title: Option<String>,
    lang: Option<String>,
    source: Option<String>,
    published: Option<String>,
    added_at: String,
}

fn for_each_event(conn: &Connection, mut f: impl FnMut(EventRow) -> Result<()>) -> Result<u64> {
    let mut st = conn.prepare(
        "SELECT e.id, e.doc_id, d.doc, e.type, e.mode, e.context, e.actor, e.actor_person, e.actor_sector, e.recipient, e.recipient_person,
                e.recipient_sector, e.date, e.location, e.attribution, e.trigger, e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end,
                e.historical, e.negated, e.confidence, d.url, d.title, d.lang, d.source, d.published, d.added_at
         FROM events e JOIN documents d ON d.id = e.doc_id ORDER BY e.id",
    )?;
    let mut rows = st.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        f(EventRow {
            id: r.get(0)?,
            doc_row: r.get(1)?,
            doc: r.get(2)?,
            etype: r.get(3)?,
            mode: r.get(4)?,
            context: r.get(5)?,
            actor: r.get(6)?,
            actor_person: r.get(7)?,
            actor_sector: r.get(8)?,
            recipient: r.get(9)?,
            recipient_person: r.get(10)?,
            recipient_sector: r.get(11)?,
            date: r.get(12)?,
            location: r.get(13)?,
            attribution: r.get(14)?,
            trigger: r.get(15)?,
            sentence_start: r.get(16)?,
            sentence_end: r.get(17)?,
            trigger_start: r.get(18)?,
            trigger_end: r.get(19)?,
            historical: r.get::<_, i64>(20)? != 0,
            negated: r.get::<_, i64>(21)? != 0,
            confidence: r.get(22)?,
            url: r.get(23)?,
            title: r.get(24)?,
            lang: r.get(25)?,
            source: r.get(26)?,
            published: r.get(27)?,
            added_at: r.get(28)?,
        })?;
        n += 1;
    }
    Ok(n)
}


/// A full `YYYY-MM-DD` date for the event: its own when complete, else the article's
/// publication date (PLOVER requires a date). Returns the date and where it came from.
fn event_day(e: &EventRow) -> (Option<String>, &'static str) {
    let full = |s: &str| s.len() >= 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' && s[..4].bytes().all(|b| b.is_ascii_digit());
    match (&e.date, &e.published) {
        (Some(d), _) if full(d) => (Some(d[..10].to_string()), "event"),
        (_, Some(p)) if full(p) => (Some(p[..10].to_string()), "publication"),
        _ => (None, "unknown"),
    }
}

/// Split a stored actor field into codes (several actors are joined with `,` `;` or `|`).
fn codes(s: &Option<String>) -> Vec<String> {
    s.as_deref().map(|s| s.split([',', ';', '|']).map(str::trim).filter(|c| !c.is_empty()).map(String::from).collect()).unwrap_or_default()
}

fn plover_entities(code: &Option<String>, person: &Option<String>, sector: &Option<String>) -> serde_json::Value {
    let mut v: Vec<serde_json::Value> = codes(code)
        .into_iter()
        .map(|c| {
            let mut o = serde_json::json!({ "code": c });
            if let Some(s) = sector {
                o["sector"] = s.clone().into();
            }
            if let Some(p) = person {
                o["entity_text"] = p.clone().into();
            }
            o
        })
        .collect();
    if v.is_empty() {
        if let Some(p) = person {
            v.push(serde_json::json!({ "entity_text": p, "sector": sector }));
        }
    }
    v.into()
}

fn export_plover(conn: &Connection, out: &mut dyn Write) -> Result<u64> {
    let n = for_each_event(conn, |e| {
        let t = plover::canonical(&e.etype);
        let (date, date_from) = event_day(&e);
        let mut rec = serde_json::json!({
            "id": format!("dyade-{}", e.id),
            "has_event": !e.negated,
            "date": date,
            "actor": plover_entities(&e.actor, &e.actor_person, &e.actor_sector),
            "recipient": plover_entities(&e.recipient, &e.recipient_person, &e.recipient_sector),
            "event": [t],
            "event_text": [e.trigger],
            "mode": e.mode.iter().collect::<Vec<_>>(),
            "context": e.context.as_deref().map(|c| c.split(',').filter(|x| !x.is_empty()).map(String::from).collect::<Vec<_>>()).unwrap_or_default(),
            "quad_code": plover::quad(t),
            "event_scale": plover::score(t),
            "text_info": { "start": e.sentence_start, "end": e.sentence_end, "trigger_start": e.trigger_start, "trigger_end": e.trigger_end, "text_story": e.doc },
            "cite_info": { "url": e.url, "title": e.title, "language": e.lang, "publication": e.source, "coder": "dyade", "codebook": "PLOVER 2.0", "version": env!("CARGO_PKG_VERSION") },
            "coder": "dyade",
            "coded_date": e.added_at.get(..10),
        });
        // dyade's extras, outside PLOVER's field set but useful for provenance.
        rec["dyade"] = serde_json::json!({
            "doc_row": e.doc_row, "event_date": e.date, "date_from": date_from, "location": e.location,
            "attribution": e.attribution, "historical": e.historical, "negated": e.negated, "confidence": e.confidence,
        });
        serde_json::to_writer(&mut *out, &rec).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.flush()?;
    Ok(n)
}

/// Column names of the GDELT-2.0-like event table.
pub const GDELT_COLUMNS: &[&str] = &[
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "ActionGeo_FullName", "DATEADDED", "SOURCEURL",
];

/// Tabs and newlines cannot appear inside a TSV field.
fn tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn export_gdelt(conn: &Connection, out: &mut dyn Write) -> Result<u64> {
    writeln!(out, "{}", GDELT_COLUMNS.join("\t"))?;
    let n = for_each_event(conn, |e| {
        let t = plover::canonical(&e.etype);
        let (date, _) = event_day(&e);
        let (sqldate, monthyear, year, fraction) = match &date {
            Some(d) => {
                let (y, m, dd): (i32, u32, u32) = (d[..4].parse().unwrap_or(0), d[5..7].parse().unwrap_or(1), d[8..10].parse().unwrap_or(1));
                let frac = y as f64 + ((m - 1) as f64 * 30.4375 + dd as f64) / 365.25;
                (d.replace('-', ""), format!("{y:04}{m:02}"), y.to_string(), format!("{frac:.4}"))
            }
            None => Default::default(),
        };
        let a1 = codes(&e.actor).join(";");
        let a2 = codes(&e.recipient).join(";");
        let added = e.added_at.chars().filter(|c| c.is_ascii_digit()).collect::<String>();
        let fields: Vec<String> = vec![
            e.id.to_string(),
            sqldate,
            monthyear,
            year,
            fraction,
            a1.clone(),
            e.actor_person.clone().unwrap_or_default(),
            a1,
            e.actor_sector.clone().unwrap_or_default(),
            a2.clone(),
            e.recipient_person.clone().unwrap_or_default(),
            a2,
            e.recipient_sector.clone().unwrap_or_default(),
            (!e.historical as u8).to_string(),
            t.to_string(),
            e.mode.clone().map(|m| format!("{t}:{m}")).unwrap_or_else(|| t.to_string()),
            t.to_string(),
            plover::quad(t).map(|q| q.to_string()).unwrap_or_default(),
            plover::score(t).map(|s| format!("{s:.1}")).unwrap_or_default(),
            "1".into(),
            "1".into(),
            "1".into(),
            String::new(),
            e.location.clone().unwrap_or_default(),
            added,
            e.url.clone().unwrap_or_else(|| e.doc.clone()),
        ];
        let line: Vec<String> = fields.iter().map(|f| tsv(f)).collect();
        writeln!(out, "{}", line.join("\t"))?;
        Ok(())
    })?;
    out.flush()?;
    Ok(n)
}

#[cfg(not(feature = "parquet"))]
fn export_parquet(_: &Connection, _: &str, _: &mut dyn Write) -> Result<u64> {
    Err(ExportError::NoParquet)
}

#[cfg(feature = "parquet")]
fn export_parquet(conn: &Connection, table: &str, out: &mut dyn Write) -> Result<u64> {
    use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};
    use std::sync::Arc;
    let cols = columns(conn, table)?;
    // SQLite column affinity → Arrow type (INTEGER → Int64, REAL → Float64, anything else text).
    let kinds: Vec<DataType> = cols
        .iter()
        .map(|(_, t)| {
            let t = t.to_ascii_uppercase();
            if t.contains("INT") {
                DataType::Int64
            } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
                DataType::Float64
            } else {
                DataType::Utf8
            }
        })
        .collect();
    let schema = Arc::new(Schema::new(cols.iter().zip(&kinds).map(|((n, _), k)| Field::new(n, k.clone(), true)).collect::<Vec<_>>()));
    // ArrowWriter needs a `Send` sink; buffer, then copy to `out`.
    let mut buf = Vec::new();
    let mut w = parquet::arrow::ArrowWriter::try_new(&mut buf, schema.clone(), None).map_err(|e| ExportError::Other(e.to_string()))?;
    let mut st = conn.prepare(&select_sql(table, &cols))?;
    let mut rows = st.query([])?;
    let mut n = 0u64;
    const BATCH: usize = 8192;
    loop {
        let mut ints: Vec<Vec<Option<i64>>> = vec![Vec::new(); cols.len()];
        let mut reals: Vec<Vec<Option<f64>>> = vec![Vec::new(); cols.len()];
        let mut texts: Vec<Vec<Option<String>>> = vec![Vec::new(); cols.len()];
        let mut got = 0;
        while got < BATCH {
            let Some(r) = rows.next()? else { break };
            for (i, k) in kinds.iter().enumerate() {
                let v = r.get_ref(i)?;
                match k {
                    DataType::Int64 => ints[i].push(match v {
                        ValueRef::Integer(x) => Some(x),
                        ValueRef::Real(f) => Some(f as i64),
                        _ => None,
                    }),
                    DataType::Float64 => reals[i].push(match v {
                        ValueRef::Integer(x) => Some(x as f64),
                        ValueRef::Real(f) => Some(f),
                        _ => None,
                    }),
                    _ => texts[i].push(if matches!(v, ValueRef::Null) { None } else { Some(text_value(v)) }),
                }
            }
            got += 1;
        }
        if got == 0 {
            break;
        }
        n += got as u64;
        let arrays: Vec<ArrayRef> = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| -> ArrayRef {
                match k {
                    DataType::Int64 => Arc::new(Int64Array::from(std::mem::take(&mut ints[i]))),
                    DataType::Float64 => Arc::new(Float64Array::from(std::mem::take(&mut reals[i]))),
                    _ => Arc::new(StringArray::from(std::mem::take(&mut texts[i]))),
                }
            })
            .collect();
        let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(|e| ExportError::Other(e.to_string()))?;
        w.write(&batch).map_err(|e| ExportError::Other(e.to_string()))?;
        if got < BATCH {
            break;
        }
    }
    w.close().map_err(|e| ExportError::Other(e.to_string()))?;
    out.write_all(&buf)?;
    out.flush()?;
    Ok(n)
}
