//! Event coding on the five seed articles, scored with FORMAT.md's rules (dyade-eval).
#[path = "../support/seeds.rs"]
mod support;

#[test]
fn seed_events_floor() {
    let p = dyade_pipeline::default_pipeline().expect("default pipeline");
    let mut pairs = support::seeds();
    for (d, _) in pairs.iter_mut() {
        p.process(d);
    }
    let r = support::score_events(&pairs);
    let f1 = r["events"]["f1"].as_f64().unwrap();
    let high = r["events_recall_high_conf"].as_f64().unwrap();
    eprintln!("events {} high-conf recall {high}", r["events"]);
    assert!(f1 >= 0.72, "events F1 {f1}");
    assert!(high >= 0.79, "high-confidence recall {high}");
}

#[test]
fn records_carry_cameo_and_goldstein() {
    let p = dyade_pipeline::default_pipeline().expect("default pipeline");
    let mut pairs = support::seeds();
    let (d, _) = &mut pairs[3];
    p.process(d);
    let ev = d.events.iter().find(|e| e.event_type == "CONSULT").expect("a CONSULT event");
    let rec = dyade_events::plover_record(d, ev);
    assert_eq!(rec["event"][0], "CONSULT");
    assert_eq!(rec["cameo"]["root"], "04");
    assert_eq!(rec["quad_class"], 1);
    assert!(rec["goldstein"].as_f64().unwrap() > 0.0);
    assert!(rec["text_info"]["start"].as_u64().is_some());
}
