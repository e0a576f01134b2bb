//! English PLOVER gold sentences: event-type accuracy floor (details: examples/plover_en.rs).
#[path = "../support/pipeline.rs"]
mod support;

#[test]
fn plover_en_type_accuracy_floor() {
    let text = std::fs::read_to_string(support::shared().join("data/events/plover_gold_en.jsonl")).unwrap();
    let p = support::pipeline(true);
    let (mut n, mut ok) = (0, 0);
    for line in text.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut d = dyade_core::Document::new("x", row["text"].as_str().unwrap());
        d.meta.lang = Some("en".into());
        p.process(&mut d);
        let gt = match row["events"][0]["event"].as_str().unwrap() {
            "DEMAND" => "REQUEST",
            "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
            "FIGHT" => "ASSAULT",
            x => x,
        };
        // first of the most confident events, as the example does
        let mut evs = d.events.clone();
        evs.sort_by(|a, b| b.confidence.partial_cmp(&a.confidence).unwrap());
        let best = evs.first();
        n += 1;
        if best.is_some_and(|e| e.event_type == gt) {
            ok += 1;
        }
    }
    let acc = ok as f64 / n as f64;
    eprintln!("type accuracy {acc:.4} on {n}");
    assert!(acc >= 0.70, "type accuracy {acc}");
}
