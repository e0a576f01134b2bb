//! TEST FIXTURE, not an event extractor: fills the `events` table of a store that has none
//! (before the PLOVER stage is part of the pipeline) so the web page and browser tests have
//! events to show. For every sentence naming two different linked countries (three-letter
//! refs), it writes one event of a type cycled through the quad classes, with confidence 0
//! and trigger = the second country mention. Refuses a store that already has events.
//!
//! `cargo run -p dyade-serve --example fixture_events -- DB`
use dyade_core::{CharIndex, Event};
use rusqlite::params;

fn main() -> anyhow::Result<()> {
    let db = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: fixture_events DB"))?;
    let store = dyade_store::Store::open(std::path::Path::new(&db))?;
    let n: i64 = store.conn().query_row("SELECT count(*) FROM events", [], |r| r.get(0))?;
    if n > 0 {
        println!("{db} has {n} events already; nothing done");
        return Ok(());
    }
    let ids: Vec<i64> = store.conn().prepare("SELECT id FROM documents")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let types = ["CONSULT", "COOPERATE", "ACCUSE", "MOBILIZE", "AGREE", "THREATEN"];
    let mut k = 0usize;
    for id in ids {
        let doc = store.get_document(&id.to_string())?.expect("listed document");
        let ix = CharIndex::new(&doc.text);
        let c = |b: usize| ix.char_of(b) as i64;
        for s in &doc.sentences {
            let cs: Vec<_> = doc.entities.iter().filter(|e| s.contains(&e.span) && e.reference.as_deref().is_some_and(|r| r.len() == 3 && r.chars().all(|c| c.is_ascii_uppercase()))).collect();
            let Some(a) = cs.first() else { continue };
            let Some(b) = cs.iter().find(|e| e.reference != a.reference) else { continue };
            let e = Event { sentence: *s, trigger: b.span, event_type: types[k % types.len()].into(), actor: a.reference.clone(), recipient: b.reference.clone(), date: doc.dct().map(|d| d[..d.len().min(10)].to_string()), ..Default::default() };
            k += 1;
            store.conn().execute(
                "INSERT INTO events(doc_id, sentence_start, sentence_end, trigger_start, trigger_end, sentence, trigger, type, actor, recipient, date, historical, negated, confidence)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,0,0,0)",
                params![id, c(s.start), c(s.end), c(e.trigger.start), c(e.trigger.end), doc.slice(*s), doc.slice(e.trigger), e.event_type, e.actor, e.recipient, e.date],
            )?;
        }
    }
    println!("{db}: {k} fixture events written");
    Ok(())
}
