//! `dyade timeline A B`: the dated merged events between two actors and their
//! cooperation/conflict index per year, from the store (merging event mentions first).

use crate::Outcome;
use anyhow::Context;
use std::path::Path;

/// Merge the stored event mentions into happenings, then print the timeline of `a` and `b`
/// (country codes, both directions) as a text table, or as JSON with `json`. `since` and
/// `until` bound the dates (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
pub fn run(db: &Path, a: &str, b: &str, json: bool, since: Option<String>, until: Option<String>) -> anyhow::Result<Outcome> {
    if !db.exists() {
        anyhow::bail!("no database at {}; run `dyade ingest` first", db.display());
    }
    let store = dyade_store::Store::open(db).with_context(|| format!("cannot open {}", db.display()))?;
    let stats = dyade_events::merge_events(store.conn()).with_context(|| format!("merging events in {}", db.display()))?;
    let opts = dyade_events::TimelineOptions { since, until, undated: true, ..Default::default() };
    let (a, b) = (a.to_uppercase(), b.to_uppercase());
    let tl = dyade_events::timeline(store.conn(), &a, &b, &opts).with_context(|| format!("reading the timeline from {}", db.display()))?;
    if json {
        let v = serde_json::json!({ "merge": stats, "timeline": tl });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        eprintln!("dyade: {} event mention(s) merged into {} happening(s), {} reported by several articles", stats.mentions, stats.merged, stats.multi_source);
        print!("{}", tl.render_text());
    }
    Ok(Outcome::Done)
}
