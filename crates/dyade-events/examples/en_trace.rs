//! Debug aid: code English sentences read from stdin (one per line) and print the linked
//! entities and events. `echo "..." | DYADE_EVENT_TRACE=1 cargo run --release -p dyade-events --example en_trace`
#[path = "../support/seeds.rs"]
mod support;

use std::io::BufRead;

fn main() {
    let p = dyade_pipeline::default_pipeline().expect("default pipeline");
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let mut d = dyade_core::Document::new("x", line.as_str());
        d.meta.lang = Some("en".into());
        p.process(&mut d);
        println!("== {line}");
        for e in &d.entities {
            println!("  ent {:?} {:?} {:?}", &d.text[e.span.start..e.span.end], e.label, e.reference);
        }
        for e in &d.events {
            println!("  EV {} {:?} {:?} -> {:?} conf {:.2} neg {}", e.event_type, &d.text[e.trigger.start..e.trigger.end], e.actor, e.recipient, e.confidence, e.negated);
        }
    }
}
