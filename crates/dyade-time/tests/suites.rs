//! Floors on the real suites in `../shared` (slightly under the figures `time_eval` reports),
//! plus behaviour checks on the API. Pass rules are documented in `dyade_time::eval`.
use dyade_core::{Component, Document};
use dyade_time::eval::*;
use dyade_time::{tag, TimexTagger};

fn shared() -> std::path::PathBuf {
    std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}

#[test]
fn timebank_dev_floors() {
    let t = TimexTagger::new();
    let tb = shared().join("eval/fr_timebank_dev");
    let s = score_dir(&t, &tb, &tb, &tb.join("meta.jsonl"), None);
    assert_eq!(s.n_gold, 209);
    assert!(s.strict.f1 >= 0.912, "strict F1 {:.4}", s.strict.f1);
    assert!(s.relaxed.f1 >= 0.962, "relaxed F1 {:.4}", s.relaxed.f1);
    assert!(s.value_f1.f1 >= 0.868, "value F1 {:.4}", s.value_f1.f1);
}

#[test]
fn seeds_value_accuracy() {
    let t = TimexTagger::new();
    let sh = shared();
    let s = score_dir(&t, &sh.join("eval/seeds"), &sh.join("seeds"), &sh.join("seeds/meta.jsonl"), None);
    assert!(s.value_acc >= 0.95, "seeds value acc {:.4}", s.value_acc);
    assert!(s.strict.f1 >= 0.98, "seeds strict F1 {:.4}", s.strict.f1);
}

#[test]
fn duckling_and_recognizers_floors() {
    let t = TimexTagger::new();
    let d = shared().join("data/time");
    let floors = [
        ("duckling fr", duckling(&t, &d.join("duckling_fr.jsonl"), "fr").rate(), DUCKLING_FR),
        ("duckling en", duckling(&t, &d.join("en_cases.jsonl"), "en").rate(), DUCKLING_EN),
        ("recognizers fr", recognizers(&t, &d.join("recognizers_fr_verified.jsonl"), "fr").rate(), RECOG_FR),
        ("recognizers en", recognizers(&t, &d.join("en_cases.jsonl"), "en").rate(), RECOG_EN),
    ];
    for (name, got, floor) in floors {
        assert!(got >= floor, "{name}: {got:.4} < {floor}");
    }
}
const DUCKLING_FR: f64 = 0.967;
const DUCKLING_EN: f64 = 0.92;
const RECOG_FR: f64 = 0.919;
const RECOG_EN: f64 = 0.74;

#[test]
fn news_expressions() {
    let v = |text: &str, dct: &str| tag(text, "fr", Some(dct)).into_iter().map(|t| (text[t.span.start..t.span.end].to_string(), t.value, t.modifier)).collect::<Vec<_>>();
    let r = v("Il est arrivé hier mercredi 26 juillet 2023 à Pyongyang.", "2023-07-27");
    assert_eq!(r, vec![("hier mercredi 26 juillet 2023".into(), "2023-07-26".into(), None)]);
    let r = v("entre fin 2024 et le printemps 2025, depuis plus d'un an", "2025-10-28");
    assert_eq!(r[0], ("fin 2024".into(), "2024".into(), Some("END".into())));
    assert_eq!(r[1], ("le printemps 2025".into(), "2025-SP".into(), None));
    assert_eq!(r[2], ("plus d'un an".into(), "P1Y".into(), Some("MORE_THAN".into())));
    let r = v("du 15 au 17 janvier", "2024-01-26");
    assert_eq!(r.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["2024-01-15", "2024-01-17"]);
    // no reference: honest underspecification
    let r = tag("le 26 juillet, mi-juillet, hier", "fr", None);
    assert_eq!(r.iter().map(|t| t.value.as_str()).collect::<Vec<_>>(), ["XXXX-07-26", "XXXX-07", "PAST_REF"]);
}

#[test]
fn component_infers_publication() {
    let mut d = Document::new("x", "Le ministre est arrivé hier mercredi 26 juillet 2023. Il va repartir lundi.");
    TimexTagger::new().process(&mut d);
    let p = d.meta.published.as_ref().expect("inferred");
    assert_eq!(p.source, "inferred");
    assert_eq!(p.value.as_deref(), Some("2023-07-27"));
    assert!(!p.evidence.is_empty());
    assert_eq!(d.timexes[1].value, "2023-07-31");
}
