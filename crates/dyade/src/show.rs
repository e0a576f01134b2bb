//! `dyade show` and `dyade stats`.

use crate::{annotate, Outcome};
use anyhow::bail;
use dyade_core::Document;
use dyade_store::Store;
use std::fmt::Write;
use std::path::Path;

fn open(db: &Path) -> anyhow::Result<Store> {
    if !db.exists() {
        bail!("no database at {}; run `dyade ingest INPUT… --db {}` first", db.display(), db.display());
    }
    Ok(Store::open_read_only(db)?)
}

/// Render a document and its layers as readable text.
pub fn render(doc: &Document) -> String {
    let m = &doc.meta;
    let mut s = String::new();
    let _ = writeln!(s, "# {}", m.title.as_deref().unwrap_or(&doc.id));
    let _ = writeln!(s, "id: {}  origin: {}", doc.id, m.origin);
    if let Some(src) = &m.source {
        let _ = writeln!(s, "source: {src}");
    }
    if let Some(u) = &m.url {
        let _ = writeln!(s, "url: {u}");
    }
    let _ = writeln!(s, "lang: {}", m.lang.as_deref().unwrap_or("?"));
    match &m.published {
        Some(p) => {
            let _ = writeln!(
                s,
                "published: {} (from {}; window {}..{}){}",
                p.value.as_deref().unwrap_or("unknown"),
                p.source,
                p.earliest.as_deref().unwrap_or("?"),
                p.latest.as_deref().unwrap_or("?"),
                if p.evidence.is_empty() { String::new() } else { format!("; evidence: {}", p.evidence.join(" | ")) }
            );
        }
        None => {
            let _ = writeln!(s, "published: unknown");
        }
    }
    let _ = writeln!(s, "\n{}", doc.text.trim_end());
    let _ = writeln!(s, "\n## Layers: {} paragraphs, {} sentences, {} boilerplate", doc.paragraphs.len(), doc.sentences.len(), doc.boilerplate.len());
    for b in &doc.boilerplate {
        let _ = writeln!(s, "  boilerplate [{}] {:?}", b.label, doc.slice(b.span));
    }
    if !doc.entities.is_empty() {
        let _ = writeln!(s, "## Entities");
        for e in &doc.entities {
            let _ = writeln!(s, "  {:<4} {:<40} -> {}", e.label.as_str(), doc.slice(e.span), e.reference.as_deref().unwrap_or("?"));
        }
    }
    if !doc.timexes.is_empty() {
        let _ = writeln!(s, "## Temporal expressions");
        for t in &doc.timexes {
            let md = t.modifier.as_deref().map(|m| format!(" mod={m}")).unwrap_or_default();
            let _ = writeln!(s, "  {:<8} {:<40} = {}{md}", t.ttype.as_str(), doc.slice(t.span), t.value);
        }
    }
    if !doc.quotes.is_empty() {
        let _ = writeln!(s, "## Quotes");
        for q in &doc.quotes {
            let _ = writeln!(s, "  {:<8} {} [{}] «{}»", q.kind.as_str(), q.speaker.as_deref().unwrap_or("?"), q.cue.as_deref().unwrap_or(""), doc.slice(q.span));
        }
    }
    if !doc.events.is_empty() {
        let _ = writeln!(s, "## Events");
        for e in &doc.events {
            let _ = writeln!(
                s,
                "  {} {} {}/{} -> {} ({}) {}",
                e.date.as_deref().unwrap_or("????"),
                e.event_type,
                e.mode.as_deref().unwrap_or("-"),
                e.actor.as_deref().unwrap_or("?"),
                e.recipient.as_deref().unwrap_or("?"),
                doc.slice(e.trigger),
                e.attribution.as_deref().map(|a| format!("according to {a}")).unwrap_or_default()
            );
        }
    }
    s
}

/// Run the show command.
pub fn run(key: &str, db: &Path, json: bool) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let Some(doc) = store.get_document(key)? else {
        bail!("no document {key:?} in {}; `dyade stats --db {}` tells what is stored", db.display(), db.display());
    };
    if json {
        let mut v = serde_json::to_value(annotate::annotation(&doc))?;
        v["text"] = serde_json::Value::String(doc.text.clone());
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print!("{}", render(&doc));
    }
    Ok(Outcome::Done)
}

/// Run the stats command.
pub fn stats(db: &Path) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let c = store.counts()?;
    println!(
        "{}: {} documents, {} entities, {} timexes, {} quotes, {} events, {} runs",
        db.display(),
        c.documents,
        c.entities,
        c.timexes,
        c.quotes,
        c.events,
        c.runs
    );
    let mut st = store.conn().prepare("SELECT id, command, status, started_at, docs_added, docs_updated, docs_unchanged, errors FROM runs ORDER BY id DESC LIMIT 5")?;
    let rows = st.query_map([], |r| {
        Ok(format!(
            "  run {} {} {} {}: {} new, {} updated, {} unchanged, {} skipped",
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, i64>(6)?,
            r.get::<_, i64>(7)?
        ))
    })?;
    for r in rows {
        println!("{}", r?);
    }
    Ok(Outcome::Done)
}
