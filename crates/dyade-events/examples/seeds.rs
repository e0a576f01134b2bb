//! Event coding on the five seed articles: scores (FORMAT.md rules) and a diff of gold vs
//! predicted events. `cargo run -p dyade-events --example seeds [-- -v]`
#[path = "../support/seeds.rs"]
mod support;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let p = dyade_pipeline::default_pipeline().expect("default pipeline");
    let mut pairs = support::seeds();
    for (d, _) in pairs.iter_mut() {
        p.process(d);
    }
    if std::env::args().any(|a| a == "-d") {
        // layer dump per sentence: entities with refs, timexes with values, quote speakers
        for (d, _) in &pairs {
            println!("##### {}", d.id);
            for (si, s) in d.sentences.iter().enumerate() {
                let bp = if d.in_boilerplate(*s) { " [BP]" } else { "" };
                println!("[{si}]{bp} {}", &d.text[s.start..s.end]);
                for e in d.entities.iter().filter(|e| s.contains(&e.span)) {
                    println!("    E {:?} {:?} -> {:?}", &d.text[e.span.start..e.span.end], e.label, e.reference);
                }
                for t in d.timexes.iter().filter(|t| s.contains(&t.span)) {
                    println!("    T {:?} {:?}", &d.text[t.span.start..t.span.end], t.value);
                }
                for q in d.quotes.iter().filter(|q| q.span.overlap(s) > 0) {
                    println!("    Q {:?} speaker={:?}", &d.text[q.span.start..q.span.end].chars().take(30).collect::<String>(), q.speaker);
                }
            }
        }
    }
    if verbose {
        for (d, g) in &pairs {
            let a = dyade_core::Annotation::from_document(d);
            println!("===== {}", d.id);
            for e in &g.events {
                let hit = a.events.iter().any(|x| x.etype == e.etype && x.actor == e.actor && x.recipient == e.recipient && (e.date.is_none() || x.date.as_deref().is_some_and(|xd| xd.starts_with(e.date.as_deref().unwrap()))));
                println!("G {} {:<9} {:?}->{:?} {:?} [{}] {:?}", if hit { "✓" } else { "✗" }, e.etype, e.actor, e.recipient, e.date, e.confidence.as_deref().unwrap_or(""), e.trigger);
            }
            for x in &a.events {
                let hit = g.events.iter().any(|e| x.etype == e.etype && x.actor == e.actor && x.recipient == e.recipient && (e.date.is_none() || x.date.as_deref().is_some_and(|xd| xd.starts_with(e.date.as_deref().unwrap()))));
                println!("P {} {:<9} {:?}({:?})->{:?}({:?}) {:?} {:?} h={} att={:?} {:?}", if hit { "✓" } else { "✗" }, x.etype, x.actor, x.actor_person, x.recipient, x.recipient_person, x.date, x.location, x.historical, x.attribution, x.trigger);
            }
        }
    }
    let r = support::score_events(&pairs);
    println!("events: {}", r["events"]);
    println!("events_recall_high_conf: {}", r["events_recall_high_conf"]);
}
