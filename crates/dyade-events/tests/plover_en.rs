//! English PLOVER gold sentences: event-type, actor and recipient accuracy floors, read as
//! examples/plover_en.rs reads them (old labels mapped to v2.0, old CAMEO country codes to ISO,
//! UNO/EUR read as the gold's IGO, a joint act's recipient right when it is a gold actor).
#[path = "../support/seeds.rs"]
mod support;

fn codes(v: &serde_json::Value) -> Vec<String> {
    let code = |c: &str| match c {
        "JAP" => "JPN".to_string(),
        "ITL" => "ITA".to_string(),
        "VTN" => "VNM".to_string(),
        x => x.to_string(),
    };
    v.as_array().map(|a| a.iter().filter_map(|x| x["code"].as_str().map(code)).collect()).unwrap_or_default()
}

#[test]
fn plover_en_accuracy_floors() {
    let text = std::fs::read_to_string(support::shared().join("data/events/plover_gold_en.jsonl")).unwrap();
    let p = dyade_pipeline::default_pipeline().expect("default pipeline");
    let (mut n, mut ok, mut actor_ok, mut recip_ok) = (0, 0, 0, 0);
    let pred_code = |c: &str| if matches!(c, "UNO" | "EUR") { "IGO".to_string() } else { c.to_string() };
    for line in text.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut d = dyade_core::Document::new("x", row["text"].as_str().unwrap());
        d.meta.lang = Some("en".into());
        p.process(&mut d);
        let g = &row["events"][0];
        let gt = match g["event"].as_str().unwrap() {
            "DEMAND" => "REQUEST",
            "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
            "FIGHT" => "ASSAULT",
            x => x,
        };
        let (ga, gr) = (codes(&g["actor"]), codes(&g["recipient"]));
        // first of the most confident events, as the example does
        let mut evs = d.events.clone();
        evs.sort_by(|a, b| b.confidence.partial_cmp(&a.confidence).unwrap());
        n += 1;
        let Some(e) = evs.first().filter(|e| e.event_type == gt) else { continue };
        ok += 1;
        if e.actor.as_deref().is_some_and(|a| ga.contains(&pred_code(a))) {
            actor_ok += 1;
        }
        let r_ok = match e.recipient.as_deref() {
            None => gr.is_empty(),
            Some(r) => gr.contains(&pred_code(r)) || (gr.is_empty() && ga.contains(&pred_code(r))),
        };
        if r_ok {
            recip_ok += 1;
        }
    }
    let acc = ok as f64 / n as f64;
    let actor = actor_ok as f64 / ok as f64;
    let recip = recip_ok as f64 / ok as f64;
    eprintln!("type accuracy {acc:.4} on {n}; actor {actor:.4}, recipient {recip:.4} where the type is right");
    assert!(acc >= 0.71, "type accuracy {acc}");
    assert!(actor >= 0.83, "actor accuracy {actor}");
    assert!(recip >= 0.70, "recipient accuracy {recip}");
}
