//! Cross-article merging and the dyad timeline on a real SQLite store built from the five
//! seed articles through the pipeline.
#[path = "../support/seeds.rs"]
mod support;

use dyade_events::{merge_events, timeline, TimelineOptions};

#[test]
fn seeds_merge_into_happenings() {
    let p = dyade_pipeline::default_pipeline().expect("default pipeline");
    let mut docs: Vec<_> = support::seeds().into_iter().map(|(d, _)| d).collect();
    for d in docs.iter_mut() {
        p.process(d);
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = dyade_store::Store::open(&dir.path().join("t.db")).unwrap();
    let run = store.begin_run("test", "", "test").unwrap();
    store.put_documents(&docs, "test", run).unwrap();
    let conn = store.conn();
    let stats = merge_events(conn).unwrap();
    // idempotent: recomputed, same result
    assert_eq!(merge_events(conn).unwrap(), stats);
    assert!(stats.merged < stats.mentions, "{stats:?}");

    // the July 2023 visit of the Russian defence minister, reported by 000 and 003: one event, two sources
    let (n_sources, docs_of): (i64, String) = conn
        .query_row(
            "SELECT m.n_sources, group_concat(d.doc) FROM merged_events m JOIN merged_event_mentions x ON x.merged_id = m.id
             JOIN events e ON e.id = x.event_id JOIN documents d ON d.id = e.doc_id
             WHERE m.type = 'CONSULT' AND m.actor = 'RUS' AND m.recipient = 'PRK' AND m.date LIKE '2023-07%' GROUP BY m.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(n_sources, 2, "{docs_of}");
    assert!(docs_of.contains("000_") && docs_of.contains("003_"));

    // yearly happenings stay apart: no merged event mixes two years
    let mixed: i64 = conn.query_row("SELECT count(*) FROM merged_events WHERE substr(date_min,1,4) <> substr(date_max,1,4)", [], |r| r.get(0)).unwrap();
    assert_eq!(mixed, 0);
    let liberation: Vec<String> = conn
        .prepare("SELECT date FROM merged_events WHERE actor IN ('RUS','PRK') AND recipient IN ('RUS','PRK') AND date LIKE '____-08-1%' ORDER BY date")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(liberation.iter().any(|d| d.starts_with("2022")) && liberation.iter().any(|d| d.starts_with("2023")), "{liberation:?}");

    // the RUS–PRK timeline lists each happening once, in date order, with its sources
    let tl = timeline(conn, "RUS", "PRK", &TimelineOptions { since: Some("1945".into()), until: Some("2025".into()), ..Default::default() }).unwrap();
    assert!(tl.events.len() >= 10);
    let keys: std::collections::HashSet<_> = tl.events.iter().map(|e| (e.event.clone(), e.actor.clone(), e.recipient.clone(), e.date.clone())).collect();
    assert_eq!(keys.len(), tl.events.len(), "a happening listed twice");
    let dates: Vec<_> = tl.events.iter().filter_map(|e| e.date.clone()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    assert!(tl.events.iter().all(|e| e.sources.as_array().is_some_and(|a| !a.is_empty())));
    assert!(!tl.index.is_empty() && tl.index.iter().all(|p| (-1.0..=1.0).contains(&p.coop_conflict)));
    let text = tl.render_text();
    assert!(text.contains("CONSULT/visit"));
    let json = serde_json::to_value(&tl).unwrap();
    assert!(json["events"].as_array().unwrap().len() == tl.events.len());
    println!("{text}");
}
