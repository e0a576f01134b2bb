//! Cross-article merging: event mentions (rows of the store's `events` table) that report the
//! same happening become one merged event, with all its mentions and sources.
//!
//! Two mentions are the same happening when they have the same PLOVER type, the same dyad
//! (actor → recipient), and compatible dates: one date refines the other ("2023-07" and
//! "2023-07-26"), or two day-level dates are at most one day apart (articles count days from
//! their own publication time). Dates of different years never merge, so a yearly message
//! (Liberation Day 2022 and 2023) stays two happenings. Negated mentions are not merged.
//! Details that differ across mentions (dates, places, people, attributions) are all kept in
//! `details_json`, not averaged away.
//!
//! Tables (created here, recomputed on each call):
//! `merged_events(id, type, mode, actor, recipient, date, date_min, date_max, n_mentions,
//! n_sources, actor_person, recipient_person, location, historical, confidence, details_json)`
//! and `merged_event_mentions(merged_id, event_id)`.

use rusqlite::{params, Connection};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// Schema of the merged tables.
pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS merged_events (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL, mode TEXT,
  actor TEXT, recipient TEXT,
  date TEXT, date_min TEXT, date_max TEXT,
  n_mentions INTEGER NOT NULL, n_sources INTEGER NOT NULL,
  actor_person TEXT, recipient_person TEXT, location TEXT,
  historical INTEGER NOT NULL, confidence REAL NOT NULL,
  details_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS merged_events_dyad ON merged_events(actor, recipient, date);
CREATE TABLE IF NOT EXISTS merged_event_mentions (
  merged_id INTEGER NOT NULL REFERENCES merged_events(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS merged_event_mentions_m ON merged_event_mentions(merged_id);
";

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct MergeStats {
    /// Event mentions read (negated ones excluded).
    pub mentions: usize,
    /// Merged events written.
    pub merged: usize,
    /// Merged events reported by more than one document.
    pub multi_source: usize,
}

#[derive(Debug, Clone)]
struct Mention {
    id: i64,
    doc_id: i64,
    doc: String,
    source: Option<String>,
    url: Option<String>,
    etype: String,
    mode: Option<String>,
    actor: Option<String>,
    recipient: Option<String>,
    actor_person: Option<String>,
    recipient_person: Option<String>,
    date: Option<String>,
    location: Option<String>,
    attribution: Option<String>,
    historical: bool,
    confidence: f64,
}

/// Day number of a `YYYY-MM-DD` date (proleptic Gregorian), for the one-day tolerance.
fn day_number(d: &str) -> Option<i64> {
    if d.len() < 10 {
        return None;
    }
    let y: i64 = d.get(0..4)?.parse().ok()?;
    let m: i64 = d.get(5..7)?.parse().ok()?;
    let dd: i64 = d.get(8..10)?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + dd)
}

/// Granularity-aware date compatibility (see the module doc).
pub fn dates_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (None, _) | (_, None) => false,
        (Some(x), Some(y)) => {
            if x.starts_with(y) || y.starts_with(x) {
                return true;
            }
            match (day_number(x), day_number(y)) {
                (Some(p), Some(q)) => (p - q).abs() <= 1,
                _ => false,
            }
        }
    }
}

struct Cluster {
    members: Vec<usize>,
    /// Most specific date among members.
    date: Option<String>,
}

/// Recompute `merged_events` and `merged_event_mentions` from the `events` table.
pub fn merge_events(conn: &Connection) -> rusqlite::Result<MergeStats> {
    conn.execute_batch(SCHEMA)?;
    let mut stmt = conn.prepare(
        "SELECT e.id, e.doc_id, d.doc, d.source, d.url, e.type, e.mode, e.actor, e.recipient, e.actor_person, e.recipient_person,
                e.date, e.location, e.attribution, e.historical, e.confidence
         FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.negated = 0 ORDER BY e.date IS NULL, e.date, e.id",
    )?;
    let mentions: Vec<Mention> = stmt
        .query_map([], |r| {
            Ok(Mention {
                id: r.get(0)?,
                doc_id: r.get(1)?,
                doc: r.get(2)?,
                source: r.get(3)?,
                url: r.get(4)?,
                etype: r.get(5)?,
                mode: r.get(6)?,
                actor: r.get(7)?,
                recipient: r.get(8)?,
                actor_person: r.get(9)?,
                recipient_person: r.get(10)?,
                date: r.get(11)?,
                location: r.get(12)?,
                attribution: r.get(13)?,
                historical: r.get::<_, i64>(14)? != 0,
                confidence: r.get(15)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);

    // group by (type, actor, recipient), then cluster by date, most specific dates first so
    // that coarse mentions ("2023") attach to an existing precise happening.
    let mut groups: BTreeMap<(String, Option<String>, Option<String>), Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        groups.entry((m.etype.clone(), m.actor.clone(), m.recipient.clone())).or_default().push(i);
    }
    let mut clusters: Vec<Cluster> = vec![];
    for (_, mut idx) in groups {
        idx.sort_by_key(|&i| (std::cmp::Reverse(mentions[i].date.as_ref().map_or(0, |d| d.len())), mentions[i].date.clone(), mentions[i].id));
        let mut local: Vec<Cluster> = vec![];
        for i in idx {
            let d = mentions[i].date.as_deref();
            if let Some(c) = local.iter_mut().find(|c| dates_compatible(c.date.as_deref(), d)) {
                c.members.push(i);
            } else {
                local.push(Cluster { members: vec![i], date: d.map(String::from) });
            }
        }
        clusters.extend(local);
    }

    let tx = conn.unchecked_transaction()?;
    tx.execute("DELETE FROM merged_event_mentions", [])?;
    tx.execute("DELETE FROM merged_events", [])?;
    let mut stats = MergeStats { mentions: mentions.len(), ..Default::default() };
    {
        let mut ins = tx.prepare(
            "INSERT INTO merged_events (type, mode, actor, recipient, date, date_min, date_max, n_mentions, n_sources, actor_person,
             recipient_person, location, historical, confidence, details_json) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)",
        )?;
        let mut link = tx.prepare("INSERT INTO merged_event_mentions (merged_id, event_id) VALUES (?1, ?2)")?;
        for c in &clusters {
            let ms: Vec<&Mention> = c.members.iter().map(|&i| &mentions[i]).collect();
            let first = ms[0];
            let dates: BTreeSet<&str> = ms.iter().filter_map(|m| m.date.as_deref()).collect();
            let docs: BTreeSet<i64> = ms.iter().map(|m| m.doc_id).collect();
            let most = |f: &dyn Fn(&Mention) -> Option<String>| -> Option<String> {
                let mut n: BTreeMap<String, usize> = BTreeMap::new();
                for m in &ms {
                    if let Some(v) = f(m) {
                        *n.entry(v).or_default() += 1;
                    }
                }
                n.into_iter().max_by_key(|(_, k)| *k).map(|(v, _)| v)
            };
            let distinct = |f: &dyn Fn(&Mention) -> Option<String>| -> Vec<String> { ms.iter().filter_map(|m| f(m)).collect::<BTreeSet<_>>().into_iter().collect() };
            let sources: Vec<serde_json::Value> = {
                let mut seen = BTreeSet::new();
                ms.iter().filter(|m| seen.insert(m.doc_id)).map(|m| json!({"doc": m.doc, "source": m.source, "url": m.url})).collect()
            };
            let details = json!({
                "dates": dates,
                "locations": distinct(&|m| m.location.clone()),
                "actor_persons": distinct(&|m| m.actor_person.clone()),
                "recipient_persons": distinct(&|m| m.recipient_person.clone()),
                "attributions": distinct(&|m| m.attribution.clone()),
                "modes": distinct(&|m| m.mode.clone()),
                "sources": sources,
            });
            // 1 - prod(1 - c): several independent reports raise the confidence
            let conf = 1.0 - ms.iter().fold(1.0, |acc, m| acc * (1.0 - m.confidence.clamp(0.0, 0.99)));
            ins.execute(params![
                first.etype,
                most(&|m| m.mode.clone()),
                first.actor,
                first.recipient,
                c.date,
                dates.iter().next(),
                dates.iter().next_back(),
                ms.len() as i64,
                docs.len() as i64,
                most(&|m| m.actor_person.clone()),
                most(&|m| m.recipient_person.clone()),
                most(&|m| m.location.clone()),
                ms.iter().all(|m| m.historical) as i64,
                conf,
                details.to_string(),
            ])?;
            let mid = tx.last_insert_rowid();
            for m in &ms {
                link.execute(params![mid, m.id])?;
            }
            stats.merged += 1;
            if docs.len() > 1 {
                stats.multi_source += 1;
            }
        }
    }
    tx.commit()?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn date_compatibility() {
        assert!(dates_compatible(Some("2023-07"), Some("2023-07-26")));
        assert!(dates_compatible(Some("2023-07-26"), Some("2023-07-27")));
        assert!(!dates_compatible(Some("2022-08-15"), Some("2023-08-15")));
        assert!(!dates_compatible(Some("2023-07-26"), Some("2023-07-29")));
        assert!(dates_compatible(Some("2023-02-28"), Some("2023-03-01")));
        assert!(!dates_compatible(None, Some("2023")));
    }
}
