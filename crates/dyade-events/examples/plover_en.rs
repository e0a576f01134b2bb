//! English PLOVER gold sentences (shared/data/events/plover_gold_en.jsonl, PLOVER 0.5 labels
//! mapped to v2.0: DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT).
//!
//! Measures, per sentence (each has one gold event):
//! - type accuracy: the coder's first (highest-confidence) event has the gold type;
//! - actor / recipient accuracy on those sentences: its actor is one of the gold actor codes,
//!   its recipient one of the gold recipient codes (or both empty);
//! - events right: gold events matched by some prediction with the same type and actor;
//! - extra-event rate: predictions not matching the gold event, per gold event.
//!
//! Codes are compared after two normalisations, so that the score reads the gold fairly:
//! the gold (PLOVER 0.5, CAMEO country codes) writes a few countries with old CAMEO codes
//! (JAP, ITL, VTN = ISO JPN, ITA, VNM), and codes every intergovernmental organisation IGO,
//! where the coder gives PLOVER v2.0's finer UNO (UN bodies) and EUR (EU bodies). A joint or
//! mutual act is coded in the gold with every party as actor and no recipient (SRC/TAR
//! markup); the coder writes it as actor→recipient dyads, so there a recipient that is one of
//! the gold actors counts as right.
//!
//! `cargo run --release -p dyade-events --example plover_en [-- -v]`
#[path = "../support/seeds.rs"]
mod support;

use dyade_core::Document;

fn map_type(t: &str) -> &str {
    match t {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        x => x,
    }
}

/// Old CAMEO country codes of the gold → ISO 3166 alpha-3 (what the coder emits).
fn gold_code(c: &str) -> &str {
    match c {
        "JAP" => "JPN",
        "ITL" => "ITA",
        "VTN" => "VNM",
        x => x,
    }
}

/// A predicted code as the gold would write it: UN and EU bodies are IGOs there.
fn pred_code(c: &str) -> &str {
    match c {
        "UNO" | "EUR" => "IGO",
        x => x,
    }
}

fn codes(v: &serde_json::Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|x| x["code"].as_str().map(|c| gold_code(c).to_string())).collect()).unwrap_or_default()
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    // `-j`: one JSON line per sentence (gold and every predicted event), for analysis
    let dump = std::env::args().any(|a| a == "-j");
    let path = support::shared().join("data/events/plover_gold_en.jsonl");
    let text = std::fs::read_to_string(&path).expect("plover_gold_en.jsonl");
    let p = dyade_pipeline::default_pipeline().expect("default pipeline");
    let (mut n, mut type_ok, mut actor_ok, mut recip_ok, mut right, mut npred, mut extra, mut none) = (0, 0, 0, 0, 0, 0, 0, 0);
    let mut confusion: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for line in text.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut d = Document::new(row["id"].as_str().unwrap(), row["text"].as_str().unwrap());
        d.meta.lang = Some("en".into());
        p.process(&mut d);
        let g = &row["events"][0];
        let gt = map_type(g["event"].as_str().unwrap()).to_string();
        let ga = codes(&g["actor"]);
        let gr = codes(&g["recipient"]);
        n += 1;
        npred += d.events.len();
        let mut evs = d.events.clone();
        evs.sort_by(|a, b| b.confidence.partial_cmp(&a.confidence).unwrap());
        let main = evs.first();
        if dump {
            let pe: Vec<serde_json::Value> = evs
                .iter()
                .map(|e| serde_json::json!({"type": e.event_type, "actor": e.actor, "recipient": e.recipient, "conf": e.confidence, "trigger": &d.text[e.trigger.start..e.trigger.end]}))
                .collect();
            println!("{}", serde_json::json!({"text": row["text"], "gt": gt, "ga": ga, "gr": gr, "pred": pe}));
        }
        let pt = main.map(|e| e.event_type.clone()).unwrap_or_else(|| "-".into());
        if main.is_none() {
            none += 1;
        }
        if pt == gt {
            type_ok += 1;
            let e = main.unwrap();
            if e.actor.as_deref().is_some_and(|a| ga.iter().any(|g| g == pred_code(a))) {
                actor_ok += 1;
            }
            if match &e.recipient {
                None => gr.is_empty(),
                // the gold lists all parties of a joint or mutual act as actors (SRC/TAR) with no
                // recipient; the coder writes such an act as actor→recipient dyads, so a
                // recipient that is one of the gold actors is right there
                Some(r) => gr.iter().any(|g| g == pred_code(r)) || (gr.is_empty() && ga.iter().any(|g| g == pred_code(r))),
            } {
                recip_ok += 1;
            } else if verbose {
                println!("RECIP gold {gr:?} pred {:?}  {}", e.recipient, row["text"].as_str().unwrap());
            }
        }
        *confusion.entry((gt.clone(), pt.clone())).or_default() += 1;
        let matched = evs.iter().any(|e| e.event_type == gt && e.actor.as_deref().is_some_and(|a| ga.iter().any(|g| g == pred_code(a))));
        if matched {
            right += 1;
        }
        let typed = evs.iter().any(|e| e.event_type == gt);
        extra += evs.len() - usize::from(typed);
        if verbose && pt != gt {
            println!("{gt:<9} {pt:<9} {}", row["text"].as_str().unwrap());
        }
    }
    let f = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    if verbose {
        for ((g, p), c) in &confusion {
            if g != p && *c >= 3 {
                println!("confusion {g} -> {p}: {c}");
            }
        }
    }
    println!("sentences: {n}, predicted events: {npred}, sentences without event: {none}");
    println!("type_acc: {:.4}", f(type_ok, n));
    println!("actor_acc (type right): {:.4}", f(actor_ok, type_ok));
    println!("recipient_acc (type right): {:.4}", f(recip_ok, type_ok));
    println!("events_right (type+actor): {:.4}", f(right, n));
    println!("extra_event_rate: {:.4}", f(extra, n));
}
