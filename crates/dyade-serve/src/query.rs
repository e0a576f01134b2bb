//! The queries behind the API (and usable from the CLI): each takes validated parameters
//! from [`Params`] and a connection, and returns JSON. Offsets are code points, as in the
//! store's typed tables, so a client can slice the article text by characters.

use crate::db::has_table;
use dyade_core::{CharIndex, Span};
use dyade_export::plover;
use rusqlite::types::{ToSql, ValueRef};
use rusqlite::Connection;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Errors of a query: the caller's fault (400, 404) or the database's (500).
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// A parameter is missing, unknown or malformed.
    #[error("{0}")]
    BadRequest(String),
    /// The thing asked for does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Database error.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
}

type Result<T> = std::result::Result<T, QueryError>;

fn bad(msg: impl Into<String>) -> QueryError {
    QueryError::BadRequest(msg.into())
}

/// Largest page size.
pub const MAX_LIMIT: i64 = 1000;
/// Largest offset (deep paging past this is refused; narrow the query instead).
pub const MAX_OFFSET: i64 = 10_000_000;

/// Query-string parameters with validation helpers. Unknown names are refused so that a
/// typo ("actr=") is a 400, not a silently unfiltered answer.
#[derive(Debug, Default, Clone)]
pub struct Params(pub HashMap<String, String>);

impl Params {
    /// From name/value pairs.
    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        Params(pairs.into_iter().collect())
    }

    /// Refuse names not in `allowed`.
    pub fn allow(&self, allowed: &[&str]) -> Result<()> {
        let mut unknown: Vec<&str> = self.0.keys().map(String::as_str).filter(|k| !allowed.contains(k)).collect();
        if unknown.is_empty() {
            return Ok(());
        }
        unknown.sort();
        Err(bad(format!("unknown parameter(s) {}; this endpoint takes: {}", unknown.join(", "), allowed.join(", "))))
    }

    /// A free-text parameter (trimmed; empty counts as absent); at most 200 characters, no control characters.
    pub fn text(&self, name: &str) -> Result<Option<String>> {
        let Some(v) = self.0.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) else { return Ok(None) };
        if v.chars().count() > 200 {
            return Err(bad(format!("{name}: at most 200 characters")));
        }
        if v.chars().any(char::is_control) {
            return Err(bad(format!("{name}: control characters are not allowed")));
        }
        Ok(Some(v.to_string()))
    }

    /// An integer in `[min, max]`, `default` when absent.
    pub fn int(&self, name: &str, default: i64, min: i64, max: i64) -> Result<i64> {
        match self.0.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
            None => Ok(default),
            Some(v) => {
                let n: i64 = v.parse().map_err(|_| bad(format!("{name}: expected an integer, got {v:?}")))?;
                if n < min || n > max {
                    return Err(bad(format!("{name}: must be between {min} and {max}, got {n}")));
                }
                Ok(n)
            }
        }
    }

    /// A boolean (`true/false/1/0`), `default` when absent.
    pub fn bool(&self, name: &str, default: bool) -> Result<bool> {
        match self.0.get(name).map(|v| v.trim()) {
            None | Some("") => Ok(default),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(v) => Err(bad(format!("{name}: expected true or false, got {v:?}"))),
        }
    }

    /// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn date(&self, name: &str) -> Result<Option<String>> {
        let Some(v) = self.text(name)? else { return Ok(None) };
        if !valid_date_prefix(&v) {
            return Err(bad(format!("{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {v:?}")));
        }
        Ok(Some(v))
    }

    /// A PLOVER event type (case-insensitive; older labels mapped to v2.0).
    pub fn event_type(&self, name: &str) -> Result<Option<String>> {
        let Some(v) = self.text(name)? else { return Ok(None) };
        let up = v.to_ascii_uppercase();
        match plover::lookup(&up) {
            Some(t) => Ok(Some(t.name.to_string())),
            None => Err(bad(format!(
                "{name}: unknown PLOVER type {v:?}; use one of {}",
                plover::types().iter().map(|t| t.name).collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    /// Page size and offset (`limit` 1..=1000, default `default_limit`; `offset` ≥ 0).
    pub fn page(&self, default_limit: i64) -> Result<(i64, i64)> {
        Ok((self.int("limit", default_limit, 1, MAX_LIMIT)?, self.int("offset", 0, 0, MAX_OFFSET)?))
    }
}

/// True for `YYYY`, `YYYY-MM`, `YYYY-MM-DD` with a plausible month and day.
pub fn valid_date_prefix(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let num = |r: std::ops::Range<usize>| v[r].parse::<u32>().unwrap_or(0);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7) && (1..=12).contains(&num(5..7)),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) && (1..=12).contains(&num(5..7)) && (1..=31).contains(&num(8..10)),
        _ => false,
    }
}

/// Turn a user's search words into a safe FTS5 query: every word is quoted (so FTS syntax in
/// the input is inert) and all must match; a trailing `*` on a word keeps prefix search.
pub fn fts_query(q: &str) -> Option<String> {
    let mut parts = Vec::new();
    for w in q.split(|c: char| !(c.is_alphanumeric() || c == '*' || c == '\'' || c == '’' || c == '-')) {
        let prefix = w.ends_with('*');
        let core: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
        if core.is_empty() {
            continue;
        }
        parts.push(if prefix { format!("\"{core}\"*") } else { format!("\"{core}\"") });
    }
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// Collects a WHERE clause and its parameters.
#[derive(Default)]
struct Where {
    clauses: Vec<String>,
    params: Vec<Box<dyn ToSql>>,
}

impl Where {
    /// Add a clause with `?` placeholders, each bound to one of `vals`, in order.
    fn add(&mut self, clause: &str, vals: Vec<Box<dyn ToSql>>) {
        let mut s = String::new();
        let mut k = self.params.len();
        for (i, part) in clause.split('?').enumerate() {
            if i > 0 {
                k += 1;
                s.push_str(&format!("?{k}"));
            }
            s.push_str(part);
        }
        debug_assert_eq!(k - self.params.len(), vals.len(), "placeholders vs values in {clause}");
        self.params.extend(vals);
        self.clauses.push(s);
    }
    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
    fn refs(&self) -> Vec<&dyn ToSql> {
        self.params.iter().map(|b| b.as_ref()).collect()
    }
    /// Rows of `sql` (a query holding this filter's clauses, ending where `LIMIT` goes) for
    /// one page: `LIMIT`/`OFFSET` appended and bound after the filter's parameters.
    fn page_rows(&self, conn: &Connection, sql: &str, limit: i64, offset: i64) -> Result<Vec<Value>> {
        let n = self.params.len();
        let sql = format!("{sql} LIMIT ?{} OFFSET ?{}", n + 1, n + 2);
        let mut ps = self.refs();
        ps.push(&limit);
        ps.push(&offset);
        rows(conn, &sql, &ps)
    }
}

fn b<T: ToSql + 'static>(v: T) -> Box<dyn ToSql> {
    Box::new(v)
}

fn jv(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(_) => Value::Null,
    }
}

/// Run `sql` and return each row as a JSON object keyed by column name.
fn rows(conn: &Connection, sql: &str, params: &[&dyn ToSql]) -> Result<Vec<Value>> {
    let mut st = conn.prepare_cached(sql)?;
    let names: Vec<String> = st.column_names().into_iter().map(String::from).collect();
    let mut rs = st.query(params)?;
    let mut out = Vec::new();
    while let Some(r) = rs.next()? {
        let mut o = Map::with_capacity(names.len());
        for (i, n) in names.iter().enumerate() {
            o.insert(n.clone(), jv(r.get_ref(i)?));
        }
        out.push(Value::Object(o));
    }
    Ok(out)
}

fn count(conn: &Connection, sql: &str, params: &[&dyn ToSql]) -> Result<i64> {
    Ok(conn.prepare_cached(sql)?.query_row(params, |r| r.get(0))?)
}

fn page(total: i64, limit: i64, offset: i64, items: Vec<Value>) -> Value {
    let next = (offset + limit < total).then_some(offset + limit);
    json!({ "total": total, "limit": limit, "offset": offset, "next_offset": next, "items": items })
}

/// Add PLOVER quad class and score to event rows that have a `type`.
fn add_plover(items: &mut [Value]) {
    for it in items {
        let t = it.get("type").and_then(Value::as_str).map(str::to_string);
        if let (Some(t), Some(o)) = (t, it.as_object_mut()) {
            o.insert("quad".into(), plover::quad(&t).into());
            o.insert("score".into(), plover::score(&t).into());
        }
    }
}

/// `GET /api/meta`: counts, optional tables present, PLOVER types.
pub fn meta(conn: &Connection) -> Result<Value> {
    let c = |t: &str| -> Result<i64> { count(conn, &format!("SELECT count(*) FROM {t}"), &[]) };
    let optional: Vec<&str> = ["documents_fts", "merged_events", "merged_event_mentions"].into_iter().filter(|t| has_table(conn, t)).collect();
    let types: Vec<Value> = plover::types().iter().map(|t| json!({"type": t.name, "quad": t.quad, "score": t.score})).collect();
    Ok(json!({
        "version": env!("CARGO_PKG_VERSION"),
        "counts": { "documents": c("documents")?, "entities": c("entities")?, "timexes": c("timexes")?, "quotes": c("quotes")?, "events": c("events")? },
        "optional_tables": optional,
        "search": if has_table(conn, "documents_fts") { "fts5" } else { "like" },
        "plover_types": types,
        "quads": [{"quad":1,"name":"verbal cooperation"},{"quad":2,"name":"material cooperation"},{"quad":3,"name":"verbal conflict"},{"quad":4,"name":"material conflict"}],
    }))
}

/// `GET /api/articles`: list or full-text search (`q`), filter by `source`, `lang`, `from`, `to`
/// (publication date). With `q`, each item has a `snippet` where matches are wrapped in
/// U+0002 … U+0003 (the client turns them into highlights without parsing HTML).
pub fn articles(conn: &Connection, p: &Params) -> Result<Value> {
    p.allow(&["q", "source", "lang", "from", "to", "limit", "offset"])?;
    let (limit, offset) = p.page(50)?;
    let mut w = Where::default();
    if let Some(s) = p.text("source")? {
        w.add("d.source = ?", vec![b(s)]);
    }
    if let Some(s) = p.text("lang")? {
        w.add("d.lang = ?", vec![b(s)]);
    }
    if let Some(d) = p.date("from")? {
        w.add("d.published >= ?", vec![b(d)]);
    }
    if let Some(d) = p.date("to")? {
        let n = d.len() as i64;
        w.add("substr(d.published, 1, ?) <= ?", vec![b(n), b(d)]);
    }
    let q = p.text("q")?;
    let cols = "d.id, d.doc, d.title, d.source, d.lang, d.published, d.url";
    match q {
        Some(q) if has_table(conn, "documents_fts") => {
            let fq = fts_query(&q).ok_or_else(|| bad("q: no searchable word"))?;
            w.add("documents_fts MATCH ?", vec![b(fq)]);
            let from = " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid";
            let total = count(conn, &format!("SELECT count(*){from}{}", w.sql()), &w.refs())?;
            let sql = format!(
                "SELECT {cols}, snippet(documents_fts, 1, char(2), char(3), '…', 16) AS snippet{from}{} ORDER BY rank",
                w.sql()
            );
            let mut v = page(total, limit, offset, w.page_rows(conn, &sql, limit, offset)?);
            v["search"] = "fts5".into();
            Ok(v)
        }
        q => {
            // No FTS index (read-only store never indexed): substring search, slow but correct.
            if let Some(q) = &q {
                let like = format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
                w.add("(d.title LIKE ? ESCAPE '\\' OR d.text LIKE ? ESCAPE '\\')", vec![b(like.clone()), b(like)]);
            }
            let total = count(conn, &format!("SELECT count(*) FROM documents d{}", w.sql()), &w.refs())?;
            let sql = format!("SELECT {cols} FROM documents d{} ORDER BY d.published DESC, d.id", w.sql());
            let mut v = page(total, limit, offset, w.page_rows(conn, &sql, limit, offset)?);
            v["search"] = if q.is_some() { "like" } else { "none" }.into();
            Ok(v)
        }
    }
}

#[derive(serde::Deserialize, Default)]
struct StoredLayers {
    #[serde(default)]
    sentences: Vec<Span>,
    #[serde(default)]
    paragraphs: Vec<Span>,
    #[serde(default)]
    boilerplate: Vec<dyade_core::Boilerplate>,
}

/// `GET /api/articles/{id}`: one article (row id) with its text and every layer, in code points.
pub fn article(conn: &Connection, id: i64) -> Result<Value> {
    let mut docs = rows(
        conn,
        "SELECT id, doc, title, source, url, lang, published, published_source, origin, text, layers_json FROM documents WHERE id = ?1",
        &[&id],
    )?;
    let Some(mut d) = docs.pop() else { return Err(QueryError::NotFound(format!("no article with id {id}"))) };
    let text = d["text"].as_str().unwrap_or("").to_string();
    let layers: StoredLayers = d["layers_json"].as_str().and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default();
    let ix = CharIndex::new(&text);
    let cp = |s: &Span| json!({"start": ix.char_of(s.start.min(text.len())), "end": ix.char_of(s.end.min(text.len()))});
    let o = d.as_object_mut().expect("row is an object");
    o.remove("layers_json");
    o.insert("sentences".into(), layers.sentences.iter().map(cp).collect());
    o.insert("paragraphs".into(), layers.paragraphs.iter().map(cp).collect());
    o.insert(
        "boilerplate".into(),
        layers.boilerplate.iter().map(|b| { let mut v = cp(&b.span); v["label"] = b.label.clone().into(); v }).collect(),
    );
    o.insert("entities".into(), rows(conn, "SELECT start, \"end\", text, type, ref, confidence FROM entities WHERE doc_id = ?1 ORDER BY start", &[&id])?.into());
    o.insert("timexes".into(), rows(conn, "SELECT start, \"end\", text, type, value, mod FROM timexes WHERE doc_id = ?1 ORDER BY start", &[&id])?.into());
    o.insert("quotes".into(), rows(conn, "SELECT start, \"end\", text, kind, speaker, cue FROM quotes WHERE doc_id = ?1 ORDER BY start", &[&id])?.into());
    let mut ev = rows(conn, &format!("SELECT {EVENT_COLS} FROM events e WHERE e.doc_id = ?1 ORDER BY e.sentence_start, e.id"), &[&id])?;
    add_plover(&mut ev);
    o.insert("events".into(), ev.into());
    Ok(d)
}

const EVENT_COLS: &str = "e.id, e.doc_id, e.date, e.type, e.mode, e.context, e.actor, e.actor_person, e.actor_sector, e.recipient, e.recipient_person, \
     e.recipient_sector, e.location, e.attribution, e.historical, e.negated, e.confidence, e.trigger, e.sentence, e.sentence_start, e.sentence_end, \
     e.trigger_start, e.trigger_end";

/// Filters shared by the event endpoints.
fn event_filters(p: &Params, w: &mut Where) -> Result<bool> {
    let mut needs_doc = false;
    if let Some(a) = p.text("actor")? {
        w.add("e.actor = ?", vec![b(a)]);
    }
    if let Some(r) = p.text("recipient")? {
        w.add("e.recipient = ?", vec![b(r)]);
    }
    if let Some(x) = p.text("involving")? {
        w.add("(e.actor = ? OR e.recipient = ?)", vec![b(x.clone()), b(x)]);
    }
    if let Some(t) = p.event_type("type")? {
        let mut names: Vec<String> = vec![t.clone()];
        for old in ["DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"] {
            if plover::canonical(old) == t {
                names.push(old.into());
            }
        }
        let ph = vec!["?"; names.len()].join(",");
        w.add(&format!("e.type IN ({ph})"), names.into_iter().map(b).collect());
    }
    if p.0.contains_key("quad") {
        let q = p.int("quad", 0, 1, 4)? as u8;
        let names = plover::types_of_quad(q);
        let ph = vec!["?"; names.len()].join(",");
        w.add(&format!("e.type IN ({ph})"), names.into_iter().map(|s| b(s.to_string())).collect());
    }
    if let Some(d) = p.date("from")? {
        w.add("e.date >= ?", vec![b(d)]);
    }
    if let Some(d) = p.date("to")? {
        let n = d.len() as i64;
        w.add("substr(e.date, 1, ?) <= ?", vec![b(n), b(d)]);
    }
    if p.0.contains_key("from") || p.0.contains_key("to") {
        // Values such as "PAST_REF" or "XXXX-07" are not on the calendar.
        w.add("e.date GLOB '[0-9][0-9][0-9][0-9]*'", vec![]);
    }
    if let Some(s) = p.text("source")? {
        w.add("d.source = ?", vec![b(s)]);
        needs_doc = true;
    }
    if p.0.contains_key("doc") {
        let id = p.int("doc", 0, 1, i64::MAX)?;
        w.add("e.doc_id = ?", vec![b(id)]);
    }
    if !p.bool("negated", true)? {
        w.add("e.negated = 0", vec![]);
    }
    if !p.bool("historical", true)? {
        w.add("e.historical = 0", vec![]);
    }
    Ok(needs_doc)
}

const EVENT_FILTERS: &[&str] = &["actor", "recipient", "involving", "type", "quad", "from", "to", "source", "doc", "negated", "historical"];

/// `GET /api/events`: events filtered by `actor`, `recipient`, `involving` (either side), `type`,
/// `quad`, `from`/`to` (event date), `source` (outlet), `doc` (article row id), `negated=false`,
/// `historical=false`; newest first (`order=date|-date|id`).
pub fn events(conn: &Connection, p: &Params) -> Result<Value> {
    let mut allowed = EVENT_FILTERS.to_vec();
    allowed.extend(["limit", "offset", "order"]);
    p.allow(&allowed)?;
    let (limit, offset) = p.page(50)?;
    let order = match p.text("order")?.as_deref() {
        None | Some("-date") => "e.date DESC, e.id DESC",
        Some("date") => "e.date ASC, e.id ASC",
        Some("id") => "e.id ASC",
        Some(o) => return Err(bad(format!("order: expected date, -date or id, got {o:?}"))),
    };
    let mut w = Where::default();
    let needs_doc = event_filters(p, &mut w)?;
    let join = " LEFT JOIN documents d ON d.id = e.doc_id";
    let total = count(conn, &format!("SELECT count(*) FROM events e{}{}", if needs_doc { join } else { "" }, w.sql()), &w.refs())?;
    let sql = format!(
        "SELECT {EVENT_COLS}, d.doc, d.title, d.source, d.published FROM events e{join}{} ORDER BY {order}",
        w.sql()
    );
    let mut items = w.page_rows(conn, &sql, limit, offset)?;
    add_plover(&mut items);
    Ok(page(total, limit, offset, items))
}

/// `GET /api/dyad`: the timeline of one pair of actors `a`, `b` (both directions unless
/// `directed=true`), per `bucket` (`day`, `month`, `year`): counts per quad class and the
/// cooperation/conflict index (mean PLOVER score, −10 conflict … +10 cooperation), plus the
/// events themselves (up to `limit`, oldest first). Event date falls back to the article's
/// publication date when the event has none.
pub fn dyad(conn: &Connection, p: &Params) -> Result<Value> {
    p.allow(&["a", "b", "directed", "bucket", "from", "to", "type", "quad", "limit", "offset", "negated", "historical", "source"])?;
    let a = p.text("a")?.ok_or_else(|| bad("a: required (an actor code such as RUS)"))?;
    let bb = p.text("b")?.ok_or_else(|| bad("b: required (an actor code such as PRK)"))?;
    let directed = p.bool("directed", false)?;
    let width = match p.text("bucket")?.as_deref() {
        None | Some("month") => 7,
        Some("day") => 10,
        Some("year") => 4,
        Some(o) => return Err(bad(format!("bucket: expected day, month or year, got {o:?}"))),
    };
    let (limit, offset) = p.page(500)?;
    let mut w = Where::default();
    if directed {
        w.add("e.actor = ? AND e.recipient = ?", vec![b(a.clone()), b(bb.clone())]);
    } else {
        w.add("((e.actor = ? AND e.recipient = ?) OR (e.actor = ? AND e.recipient = ?))", vec![b(a.clone()), b(bb.clone()), b(bb.clone()), b(a.clone())]);
    }
    // Same filters as /api/events except the actor ones (the pair fixes them).
    let mut q = p.clone();
    for k in ["a", "b", "directed", "bucket", "limit", "offset"] {
        q.0.remove(k);
    }
    event_filters(&q, &mut w)?;
    let day = "CASE WHEN e.date GLOB '[0-9][0-9][0-9][0-9]*' THEN e.date ELSE substr(d.published, 1, 10) END";
    let sql = format!(
        "SELECT {EVENT_COLS}, d.doc, d.title, d.source, d.published, {day} AS day FROM events e JOIN documents d ON d.id = e.doc_id{} ORDER BY day, e.id",
        w.sql()
    );
    let mut all = rows(conn, &sql, &w.refs())?;
    add_plover(&mut all);
    // Buckets.
    let mut buckets: std::collections::BTreeMap<String, ([i64; 5], f64, i64)> = Default::default();
    let (mut sum, mut scored) = (0.0, 0i64);
    for e in &all {
        let Some(day) = e["day"].as_str().filter(|d| d.len() >= width) else { continue };
        let key = day[..width].to_string();
        let ent = buckets.entry(key).or_default();
        let qd = e["quad"].as_u64().unwrap_or(0) as usize;
        ent.0[qd.min(4)] += 1;
        if let Some(s) = e["score"].as_f64() {
            ent.1 += s;
            ent.2 += 1;
            sum += s;
            scored += 1;
        }
    }
    let periods: Vec<Value> = buckets
        .into_iter()
        .map(|(k, (c, s, n))| {
            json!({"period": k, "q1": c[1], "q2": c[2], "q3": c[3], "q4": c[4], "total": c.iter().sum::<i64>(),
                   "index": if n > 0 { Some(((s / n as f64) * 100.0).round() / 100.0) } else { None }})
        })
        .collect();
    let total = all.len() as i64;
    let items: Vec<Value> = all.into_iter().skip(offset as usize).take(limit as usize).collect();
    let mut v = page(total, limit, offset, items);
    let o = v.as_object_mut().expect("object");
    o.insert("a".into(), a.into());
    o.insert("b".into(), bb.into());
    o.insert("directed".into(), directed.into());
    o.insert("periods".into(), periods.into());
    o.insert("index".into(), if scored > 0 { json!(((sum / scored as f64) * 100.0).round() / 100.0) } else { Value::Null });
    Ok(v)
}

/// `GET /api/top/actors`: actors by number of events (as actor, as recipient, total).
pub fn top_actors(conn: &Connection, p: &Params) -> Result<Value> {
    p.allow(&["limit", "offset"])?;
    let (limit, offset) = p.page(50)?;
    let items = rows(
        conn,
        "SELECT code, sum(a) AS as_actor, sum(r) AS as_recipient, sum(a) + sum(r) AS events FROM (
           SELECT actor AS code, count(*) AS a, 0 AS r FROM events WHERE actor IS NOT NULL AND actor <> '' GROUP BY actor
           UNION ALL SELECT recipient, 0, count(*) FROM events WHERE recipient IS NOT NULL AND recipient <> '' GROUP BY recipient)
         GROUP BY code ORDER BY events DESC, code LIMIT ?1 OFFSET ?2",
        &[&limit, &offset],
    )?;
    let total = count(
        conn,
        "SELECT count(*) FROM (SELECT actor FROM events WHERE actor IS NOT NULL AND actor <> '' UNION SELECT recipient FROM events WHERE recipient IS NOT NULL AND recipient <> '')",
        &[],
    )?;
    Ok(page(total, limit, offset, items))
}

/// `GET /api/top/pairs`: (actor, recipient) pairs by number of events, with counts per quad
/// class and the mean PLOVER score; `undirected=true` merges A→B and B→A.
pub fn top_pairs(conn: &Connection, p: &Params) -> Result<Value> {
    p.allow(&["limit", "offset", "undirected"])?;
    let (limit, offset) = p.page(50)?;
    let undirected = p.bool("undirected", false)?;
    let (x, y) = if undirected { ("min(actor, recipient)", "max(actor, recipient)") } else { ("actor", "recipient") };
    let sql = format!(
        "SELECT {x} AS a, {y} AS b, type, count(*) AS n FROM events
         WHERE actor IS NOT NULL AND recipient IS NOT NULL AND actor <> '' AND recipient <> '' AND actor <> recipient GROUP BY 1, 2, 3"
    );
    let raw = rows(conn, &sql, &[])?;
    let mut agg: HashMap<(String, String), ([i64; 5], f64, i64)> = HashMap::new();
    for r in raw {
        let k = (r["a"].as_str().unwrap_or("").to_string(), r["b"].as_str().unwrap_or("").to_string());
        let t = r["type"].as_str().unwrap_or("");
        let n = r["n"].as_i64().unwrap_or(0);
        let e = agg.entry(k).or_default();
        e.0[plover::quad(t).unwrap_or(0) as usize] += n;
        if let Some(s) = plover::score(t) {
            e.1 += s as f64 * n as f64;
            e.2 += n;
        }
    }
    let mut v: Vec<_> = agg.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.iter().sum::<i64>().cmp(&a.1 .0.iter().sum::<i64>()).then_with(|| a.0.cmp(&b.0)));
    let total = v.len() as i64;
    let items = v
        .into_iter()
        .skip(offset as usize)
        .take(limit as usize)
        .map(|((a, bb), (c, s, n))| {
            json!({"actor": a, "recipient": bb, "events": c.iter().sum::<i64>(), "q1": c[1], "q2": c[2], "q3": c[3], "q4": c[4],
                   "index": if n > 0 { Some(((s / n as f64) * 100.0).round() / 100.0) } else { None }})
        })
        .collect();
    Ok(page(total, limit, offset, items))
}

/// `GET /api/entities`: canonical entities by number of mentions; `q` filters refs by
/// substring, `type` by PER/LOC/ORG/MISC.
pub fn entities(conn: &Connection, p: &Params) -> Result<Value> {
    p.allow(&["q", "type", "limit", "offset"])?;
    let (limit, offset) = p.page(50)?;
    let mut w = Where::default();
    w.add("ref IS NOT NULL AND ref <> ''", vec![]);
    if let Some(q) = p.text("q")? {
        w.add("ref LIKE ? ESCAPE '\\'", vec![b(format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")))]);
    }
    if let Some(t) = p.text("type")? {
        let t = t.to_ascii_uppercase();
        if dyade_core::EntityType::parse(&t).is_none() {
            return Err(bad(format!("type: expected PER, LOC, ORG or MISC, got {t:?}")));
        }
        w.add("type = ?", vec![b(t)]);
    }
    let total = count(conn, &format!("SELECT count(*) FROM (SELECT 1 FROM entities{} GROUP BY ref, type)", w.sql()), &w.refs())?;
    let sql = format!(
        "SELECT ref, type, count(*) AS mentions, count(DISTINCT doc_id) AS articles FROM entities{} GROUP BY ref, type ORDER BY mentions DESC, ref",
        w.sql()
    );
    Ok(page(total, limit, offset, w.page_rows(conn, &sql, limit, offset)?))
}

/// `GET /api/mentions`: the mentions of entity `ref` (required), with their articles.
pub fn mentions(conn: &Connection, p: &Params) -> Result<Value> {
    p.allow(&["ref", "doc", "limit", "offset"])?;
    let (limit, offset) = p.page(50)?;
    let r = p.text("ref")?.ok_or_else(|| bad("ref: required (a canonical entity ref)"))?;
    let mut w = Where::default();
    w.add("x.ref = ?", vec![b(r)]);
    if p.0.contains_key("doc") {
        w.add("x.doc_id = ?", vec![b(p.int("doc", 0, 1, i64::MAX)?)]);
    }
    let total = count(conn, &format!("SELECT count(*) FROM entities x{}", w.sql()), &w.refs())?;
    let sql = format!(
        "SELECT x.doc_id, x.start, x.\"end\", x.text, x.type, x.ref, d.doc, d.title, d.published FROM entities x JOIN documents d ON d.id = x.doc_id{}
         ORDER BY d.published DESC, x.doc_id, x.start",
        w.sql()
    );
    Ok(page(total, limit, offset, w.page_rows(conn, &sql, limit, offset)?))
}

/// `GET /api/quotes`: quotes, filtered by `speaker` (exact ref), `q` (substring of the quote),
/// `kind`, `doc`.
pub fn quotes(conn: &Connection, p: &Params) -> Result<Value> {
    p.allow(&["speaker", "q", "kind", "doc", "limit", "offset"])?;
    let (limit, offset) = p.page(50)?;
    let mut w = Where::default();
    if let Some(s) = p.text("speaker")? {
        w.add("x.speaker = ?", vec![b(s)]);
    }
    if let Some(q) = p.text("q")? {
        w.add("x.text LIKE ? ESCAPE '\\'", vec![b(format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")))]);
    }
    if let Some(k) = p.text("kind")? {
        if !["direct", "indirect", "mixed"].contains(&k.as_str()) {
            return Err(bad(format!("kind: expected direct, indirect or mixed, got {k:?}")));
        }
        w.add("x.kind = ?", vec![b(k)]);
    }
    if p.0.contains_key("doc") {
        w.add("x.doc_id = ?", vec![b(p.int("doc", 0, 1, i64::MAX)?)]);
    }
    let total = count(conn, &format!("SELECT count(*) FROM quotes x{}", w.sql()), &w.refs())?;
    let sql = format!(
        "SELECT x.doc_id, x.start, x.\"end\", x.text, x.kind, x.speaker, x.cue, d.doc, d.title, d.published FROM quotes x JOIN documents d ON d.id = x.doc_id{}
         ORDER BY d.published DESC, x.doc_id, x.start",
        w.sql()
    );
    Ok(page(total, limit, offset, w.page_rows(conn, &sql, limit, offset)?))
}

/// `GET /api/speakers`: speakers by number of quotes.
pub fn speakers(conn: &Connection, p: &Params) -> Result<Value> {
    p.allow(&["limit", "offset"])?;
    let (limit, offset) = p.page(50)?;
    let total = count(conn, "SELECT count(DISTINCT speaker) FROM quotes WHERE speaker IS NOT NULL AND speaker <> ''", &[])?;
    let items = rows(
        conn,
        "SELECT speaker, count(*) AS quotes, count(DISTINCT doc_id) AS articles FROM quotes WHERE speaker IS NOT NULL AND speaker <> ''
         GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT ?1 OFFSET ?2",
        &[&limit, &offset],
    )?;
    Ok(page(total, limit, offset, items))
}

/// Tables other stages may add, readable through [`table`] when present.
pub const OPTIONAL_TABLES: &[&str] = &["merged_events", "merged_event_mentions"];

/// `GET /api/tables/{name}`: raw rows of an optional table (`merged_events`,
/// `merged_event_mentions`), paginated; 404 when this store does not have it. Equality
/// filters on any of the table's columns are accepted as parameters.
pub fn table(conn: &Connection, name: &str, p: &Params) -> Result<Value> {
    if !OPTIONAL_TABLES.contains(&name) {
        return Err(QueryError::NotFound(format!("no table {name:?} here; readable tables: {}", OPTIONAL_TABLES.join(", "))));
    }
    if !has_table(conn, name) {
        return Err(QueryError::NotFound(format!("this store has no {name} table (run the stage that builds it)")));
    }
    let cols: Vec<String> = {
        let mut st = conn.prepare(&format!("PRAGMA table_info(\"{name}\")"))?;
        let v = st.query_map([], |r| r.get::<_, String>(1))?.collect::<rusqlite::Result<Vec<_>>>()?;
        v
    };
    let mut allowed: Vec<&str> = cols.iter().map(String::as_str).collect();
    allowed.extend(["limit", "offset"]);
    p.allow(&allowed)?;
    let (limit, offset) = p.page(50)?;
    let mut w = Where::default();
    for c in &cols {
        if let Some(v) = p.text(c)? {
            w.add(&format!("\"{}\" = ?", c.replace('"', "")), vec![b(v)]);
        }
    }
    let total = count(conn, &format!("SELECT count(*) FROM \"{name}\"{}", w.sql()), &w.refs())?;
    let sql = format!("SELECT * FROM \"{name}\"{}", w.sql());
    Ok(page(total, limit, offset, w.page_rows(conn, &sql, limit, offset)?))
}
