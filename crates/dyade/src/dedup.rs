//! `dyade dedup` and `dyade stories`: near-duplicate groups and story clusters over the store.

use crate::Outcome;
use anyhow::{bail, Context};
use dyade_dedup::{dedup_store, list_groups, list_stories, stories_store, DedupOptions, StoryParams};
use dyade_store::Store;
use std::path::Path;

fn open(db: &Path) -> anyhow::Result<Store> {
    if !db.exists() {
        bail!("no database at {}; run `dyade ingest INPUT… --db {}` first", db.display(), db.display());
    }
    Ok(Store::open(db)?)
}

fn short(s: Option<&str>, n: usize) -> String {
    let s = s.unwrap_or("(untitled)");
    if s.chars().count() > n {
        format!("{}…", s.chars().take(n).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Hash the documents not yet signed, group near-duplicates, print the largest groups.
pub fn run_dedup(db: &Path, json: bool) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let stats = dedup_store(store.conn(), &DedupOptions::default()).with_context(|| format!("dedup over {}", db.display()))?;
    let groups = list_groups(store.conn(), 20)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&serde_json::json!({"stats": stats, "groups": groups}))?);
        return Ok(Outcome::Done);
    }
    println!(
        "{} documents, {} new signatures ({} empty){}; {} duplicate groups holding {} documents ({} new) in {:.2}s",
        stats.documents,
        stats.new_signatures,
        stats.empty,
        if stats.recomputed_all { ", all recomputed (parameters changed)" } else { "" },
        stats.groups,
        stats.grouped_documents,
        stats.new_grouped,
        stats.seconds
    );
    for g in &groups {
        println!("\ngroup {} ({} documents):", g.group_id, g.members.len());
        for m in &g.members {
            println!(
                "  {} {:>5} {:.2} {:<10} {:<18} {}",
                if m.id == g.canonical_id { "*" } else { " " },
                m.id,
                m.similarity,
                m.published.as_deref().unwrap_or("-"),
                short(m.source.as_deref(), 18),
                short(m.title.as_deref().or(Some(&m.doc)), 70)
            );
        }
    }
    if !groups.is_empty() {
        println!("\n(* canonical: earliest published, ties the fullest; the number is the best estimated Jaccard with another member)");
    }
    Ok(Outcome::Done)
}

/// Cluster the documents not yet in a story (published on or after `since`), print stories.
pub fn run_stories(db: &Path, since: Option<String>, json: bool) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let stats = stories_store(store.conn(), since.as_deref(), &StoryParams::default()).with_context(|| format!("stories over {}", db.display()))?;
    let stories = list_stories(store.conn(), since.as_deref(), 20, 5)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&serde_json::json!({"stats": stats, "stories": stories}))?);
        return Ok(Outcome::Done);
    }
    println!(
        "{} documents clustered, {} new stories, {} stories updated, {} stories in the store ({:.2}s)",
        stats.clustered, stats.new_stories, stats.touched_stories, stats.stories, stats.seconds
    );
    for s in &stories {
        println!(
            "\nstory {} — {} ({} articles, {}..{})",
            s.id,
            s.label,
            s.size,
            s.first_published.as_deref().unwrap_or("?"),
            s.last_published.as_deref().unwrap_or("?")
        );
        for m in &s.members {
            println!("  {:>5} {:.2} {:<10} {}", m.id, m.similarity, m.published.as_deref().unwrap_or("-"), short(m.title.as_deref().or(Some(&m.doc)), 80));
        }
    }
    Ok(Outcome::Done)
}
