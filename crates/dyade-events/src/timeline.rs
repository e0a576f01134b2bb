//! Dyad timelines: the dated merged events between two actors (both directions) and a
//! cooperation/conflict index per period, from PLOVER quad classes and Goldstein scores.

use dyade_plover::cameo_info;
use rusqlite::{params, Connection};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Period of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Period {
    /// Calendar years.
    #[default]
    Year,
    /// Calendar months.
    Month,
}

/// Query options.
#[derive(Debug, Clone, Default)]
pub struct TimelineOptions {
    /// Keep events dated on or after this (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub since: Option<String>,
    /// Keep events dated on or before this (a coarse value includes its whole period).
    pub until: Option<String>,
    /// Include undated events (listed last, outside the index).
    pub undated: bool,
    /// Index period.
    pub period: Period,
}

/// One merged event of the dyad.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEvent {
    /// Merged event id.
    pub id: i64,
    /// Date (most specific reported).
    pub date: Option<String>,
    /// Earliest and latest dates the sources give.
    pub date_min: Option<String>,
    /// Latest date reported.
    pub date_max: Option<String>,
    /// Acting side.
    pub actor: String,
    /// Receiving side.
    pub recipient: String,
    /// PLOVER type.
    pub event: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Acting person.
    pub actor_person: Option<String>,
    /// Receiving person.
    pub recipient_person: Option<String>,
    /// Place.
    pub location: Option<String>,
    /// PLOVER quad (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict).
    pub quad: u8,
    /// Goldstein score of the type/mode's CAMEO code.
    pub goldstein: f32,
    /// Mentions merged.
    pub n_mentions: i64,
    /// Distinct articles.
    pub n_sources: i64,
    /// Historical background only.
    pub historical: bool,
    /// Sources (doc, source, url).
    pub sources: serde_json::Value,
}

/// The cooperation/conflict index of one period.
#[derive(Debug, Clone, Serialize, Default)]
pub struct PeriodIndex {
    /// `YYYY` or `YYYY-MM`.
    pub period: String,
    /// Events per PLOVER quad 1..4.
    pub quads: [usize; 4],
    /// Sum of Goldstein scores.
    pub goldstein_sum: f32,
    /// Mean Goldstein score.
    pub goldstein_mean: f32,
    /// (cooperation − conflict) / events, in [−1, 1].
    pub coop_conflict: f32,
}

/// A dyad timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// First actor asked.
    pub a: String,
    /// Second actor asked.
    pub b: String,
    /// Events, dated first in date order, undated last.
    pub events: Vec<TimelineEvent>,
    /// Index per period (dated events only).
    pub index: Vec<PeriodIndex>,
}

/// The timeline of `a` and `b` from the `merged_events` table ([`crate::merge_events`] first).
pub fn timeline(conn: &Connection, a: &str, b: &str, opts: &TimelineOptions) -> rusqlite::Result<Timeline> {
    conn.execute_batch(crate::merge::SCHEMA)?;
    let mut stmt = conn.prepare(
        "SELECT id, date, date_min, date_max, actor, recipient, type, mode, actor_person, recipient_person, location,
                n_mentions, n_sources, historical, details_json
         FROM merged_events WHERE (actor = ?1 AND recipient = ?2) OR (actor = ?2 AND recipient = ?1)
         ORDER BY date IS NULL, date, id",
    )?;
    let rows = stmt.query_map(params![a, b], |r| {
        let etype: String = r.get(6)?;
        let mode: Option<String> = r.get(7)?;
        let info = cameo_info(&etype, mode.as_deref());
        let details: String = r.get(14)?;
        let details: serde_json::Value = serde_json::from_str(&details).unwrap_or_default();
        Ok(TimelineEvent {
            id: r.get(0)?,
            date: r.get(1)?,
            date_min: r.get(2)?,
            date_max: r.get(3)?,
            actor: r.get(4)?,
            recipient: r.get(5)?,
            quad: info.map_or(0, |i| i.plover_quad),
            goldstein: info.map_or(0.0, |i| i.goldstein),
            event: etype,
            mode,
            actor_person: r.get(8)?,
            recipient_person: r.get(9)?,
            location: r.get(10)?,
            n_mentions: r.get(11)?,
            n_sources: r.get(12)?,
            historical: r.get::<_, i64>(13)? != 0,
            sources: details.get("sources").cloned().unwrap_or_default(),
        })
    })?;
    let mut events = vec![];
    for e in rows {
        let e = e?;
        let keep = match &e.date {
            None => opts.undated,
            Some(d) => {
                opts.since.as_deref().map_or(true, |s| d.as_str() >= s || s.starts_with(d.as_str()))
                    && opts.until.as_deref().map_or(true, |u| d.as_str() <= u || d.starts_with(u))
            }
        };
        if keep {
            events.push(e);
        }
    }
    let mut per: BTreeMap<String, PeriodIndex> = BTreeMap::new();
    for e in &events {
        let Some(d) = &e.date else { continue };
        let key = match opts.period {
            Period::Year => d.get(..4).unwrap_or(d).to_string(),
            Period::Month => d.get(..7).unwrap_or(d).to_string(),
        };
        let p = per.entry(key.clone()).or_insert_with(|| PeriodIndex { period: key, ..Default::default() });
        if (1..=4).contains(&e.quad) {
            p.quads[e.quad as usize - 1] += 1;
        }
        p.goldstein_sum += e.goldstein;
    }
    let index = per
        .into_values()
        .map(|mut p| {
            let n: usize = p.quads.iter().sum();
            if n > 0 {
                p.goldstein_mean = p.goldstein_sum / n as f32;
                p.coop_conflict = ((p.quads[0] + p.quads[1]) as f32 - (p.quads[2] + p.quads[3]) as f32) / n as f32;
            }
            p
        })
        .collect();
    Ok(Timeline { a: a.into(), b: b.into(), events, index })
}

impl Timeline {
    /// A plain-text rendering: the event table, then the index table.
    pub fn render_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "Timeline {} – {}: {} event(s)", self.a, self.b, self.events.len());
        let _ = writeln!(s, "{:<10}  {:<3} → {:<3}  {:<20}  {:>2}  {:>6}  {:>3}  {}", "date", "act", "rcp", "event", "q", "gold", "src", "who / where / sources");
        for e in &self.events {
            let ev = match &e.mode {
                Some(m) => format!("{}/{}", e.event, m),
                None => e.event.clone(),
            };
            let who: Vec<String> = [e.actor_person.clone(), e.recipient_person.clone().map(|r| format!("→ {r}")), e.location.clone().map(|l| format!("@ {l}"))].into_iter().flatten().collect();
            let srcs: Vec<String> = e
                .sources
                .as_array()
                .map(|a| a.iter().map(|x| x.get("source").and_then(|v| v.as_str()).or_else(|| x.get("doc").and_then(|v| v.as_str())).unwrap_or("?").to_string()).collect())
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "{:<10}  {:<3} → {:<3}  {:<20}  {:>2}  {:>6.1}  {:>3}  {}{} [{}]",
                e.date.as_deref().unwrap_or("(undated)"),
                e.actor,
                e.recipient,
                ev,
                e.quad,
                e.goldstein,
                e.n_sources,
                who.join(" "),
                if e.historical { " (historical)" } else { "" },
                srcs.join(", ")
            );
        }
        let _ = writeln!(s, "\n{:<8}  {:>4} {:>4} {:>4} {:>4}  {:>8}  {:>7}", "period", "vcoop", "mcoop", "vconf", "mconf", "goldstein", "index");
        for p in &self.index {
            let _ = writeln!(s, "{:<8}  {:>5} {:>5} {:>5} {:>5}  {:>9.2}  {:>7.2}", p.period, p.quads[0], p.quads[1], p.quads[2], p.quads[3], p.goldstein_mean, p.coop_conflict);
        }
        s
    }
}
