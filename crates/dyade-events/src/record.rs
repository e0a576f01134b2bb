//! PLOVER JSON records (manual v2.0 fields) with CAMEO/GDELT extras.

use dyade_plover::cameo_info;
use dyade_core::{CharIndex, Document, Event};
use serde_json::{json, Value};

/// A stable record id: document id and the event's index-free position (trigger offset).
fn record_id(doc: &Document, ev: &Event) -> String {
    let date = ev.date.as_deref().unwrap_or("").replace('-', "");
    format!("dyade-{}-{}-{}", doc.id, date, ev.trigger.start)
}

fn entity(code: &Option<String>, person: &Option<String>, sector: &Option<String>) -> Vec<Value> {
    match code {
        None => vec![],
        Some(c) => {
            let mut o = json!({ "code": c });
            if let Some(p) = person {
                o["entity_name"] = json!(p);
            }
            if let Some(s) = sector {
                o["sector"] = json!(s);
            }
            vec![o]
        }
    }
}

/// The PLOVER record of `ev` found in `doc`: `id`, `date`, `actor[]`, `recipient[]`,
/// `event[]`, `mode[]`, `context[]`, `event_text[]`, `event_loc`, `quad_code`, `text_info`
/// (code-point offsets of sentence and trigger), `cite_info` (url, source, title, language),
/// plus `cameo` (code, root), `quad_class` and `goldstein` for GDELT users, and dyade's
/// `attribution`, `historical`, `negated`, `confidence`.
pub fn plover_record(doc: &Document, ev: &Event) -> Value {
    let ix = CharIndex::new(&doc.text);
    let info = cameo_info(&ev.event_type, ev.mode.as_deref());
    let mut r = json!({
        "id": record_id(doc, ev),
        "date": ev.date,
        "actor": entity(&ev.actor, &ev.actor_person, &ev.actor_sector),
        "recipient": entity(&ev.recipient, &ev.recipient_person, &ev.recipient_sector),
        "event": [ev.event_type],
        "mode": ev.mode.iter().collect::<Vec<_>>(),
        "context": ev.context,
        "event_text": [doc.slice(ev.trigger)],
        "event_loc": ev.location.as_ref().map(|l| json!({ "extracted_place": l })),
        "text_info": {
            "sequence": doc.sentence_at(ev.sentence.start),
            "start": ix.char_of(ev.sentence.start),
            "end": ix.char_of(ev.sentence.end),
            "trigger_start": ix.char_of(ev.trigger.start),
            "trigger_end": ix.char_of(ev.trigger.end),
        },
        "cite_info": {
            "corpus": doc.meta.origin,
            "url": doc.meta.url,
            "publication": doc.meta.source,
            "title": doc.meta.title,
            "language": doc.meta.lang,
            "coder": "dyade",
            "codebook": "plover-2.0",
        },
        "attribution": ev.attribution,
        "historical": ev.historical,
        "negated": ev.negated,
        "confidence": ev.confidence,
        "coder": "dyade-events",
    });
    if let Some(i) = info {
        r["quad_code"] = json!(i.plover_quad);
        r["event_scale"] = json!(i.plover_score);
        r["cameo"] = json!({ "code": i.cameo, "root": i.root });
        r["quad_class"] = json!(i.quad_class);
        r["goldstein"] = json!(i.goldstein);
    }
    r
}
