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
    assert!(s.strict.f1 >= 0.924, "strict F1 {:.4}", s.strict.f1);
    assert!(s.relaxed.f1 >= 0.964, "relaxed F1 {:.4}", s.relaxed.f1);
    assert!(s.value_f1.f1 >= 0.875, "value F1 {:.4}", s.value_f1.f1);
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
const DUCKLING_FR: f64 = 0.971;
const DUCKLING_EN: f64 = 0.953;
const RECOG_FR: f64 = 0.927;
const RECOG_EN: f64 = 0.945;

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
fn numbers_that_are_not_times() {
    let vals = |text: &str, lang: &str| tag(text, lang, Some("2000-01-01")).into_iter().map(|t| t.value).collect::<Vec<_>>();
    // decimals: glued, one or two digits; a thousands group or a sentence break is none
    assert_eq!(vals("il a fini à 3.5 secondes, pendant 2,5 ans", "fr"), ["PT3.5S", "P2.5Y"]);
    assert!(!vals("il y a plus de 4.500 ans", "fr").iter().any(|v| v.contains("4.5")));
    assert!(!vals("né en 1995. 23 ans plus tard", "fr").iter().any(|v| v.contains('.')));
    // English news: modal "may", a protest "march", "a P225-million suit", "the eve of" an event
    assert_eq!(vals("The Community may halt mediation; his march towards Cirith Ungol", "en"), Vec::<String>::new());
    assert_eq!(vals("they filed a P225-million suit on the eve of a visit", "en"), Vec::<String>::new());
    assert_eq!(vals("a decades-long alliance", "en"), Vec::<String>::new());
    // midnight ending a morning range is that night's, not noon ("de 9h30 à minuit")
    assert!(!vals("ouvert de 9h30 à minuit", "fr").iter().any(|v| v.ends_with("T12:00")));
    let ends = TimexTagger::new().tag_ranges_at("ouvert de 9h30 à minuit", "fr", "2000-01-01T08:00:00", dyade_time::SpanStyle::Bare);
    assert_eq!(ends[0].1.as_ref().map(|e| e.value.as_str()), Some("2000-01-02T00:00"));
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

#[test]
fn french_news_phenomena() {
    let v = |text: &str, dct: &str| tag(text, "fr", Some(dct)).into_iter().map(|t| (text[t.span.start..t.span.end].to_string(), t.value, t.modifier)).collect::<Vec<_>>();
    let one = |text: &str, dct: &str| v(text, dct).into_iter().map(|x| (x.0, x.1)).collect::<Vec<_>>();
    // a position in the next / previous unit
    assert_eq!(one("fin de l'année prochaine", "2020-06-10"), [("fin de l'année prochaine".into(), "2021".into())]);
    assert_eq!(one("début du mois prochain", "2020-06-10"), [("début du mois prochain".into(), "2020-07".into())]);
    // a detached "aujourd'hui" is the present of the period
    assert_eq!(one("droit. Aujourd'hui, la ville a changé", "2002-09-14"), [("Aujourd'hui".into(), "PRESENT_REF".into())]);
    // ordinals count nouns, not days
    assert!(v("où le 1er régiment de Tirailleurs et le 2e arrondissement", "2002-09-14").is_empty());
    // a clock time in apposition to the day after it
    assert_eq!(one("Vers 0 h 40, jeudi, deux voitures", "2003-02-22")[0].1, "2003-02-20T00:40");
    // a night named by the two days it joins, in the past
    assert_eq!(one("Il a été blessé dans la nuit de samedi à dimanche.", "2020-06-10"), [("la nuit de samedi à dimanche".into(), "2020-06-06TNI".into())]);
    // approximate counts, and ages
    assert_eq!(v("depuis une dizaine d'années", "2020-06-10"), [("une dizaine d'années".into(), "P10Y".into(), Some("APPROX".into()))]);
    assert!(v("un homme d'une vingtaine d'années", "2020-06-10").is_empty());
    // a weekday picks the neighbouring year it agrees with; compound numerals
    assert_eq!(one("en ce vendredi 7 décembre.", "2019-02-20"), [("ce vendredi 7 décembre".into(), "2018-12-07".into())]);
    assert_eq!(one("quarante-quatre ans", "2019-02-20"), [("quarante-quatre ans".into(), "P44Y".into())]);
    // "ce week-end" told in the past early in the week
    assert_eq!(one("Ils se sont rendus ce week-end à Paris.", "2003-02-04"), [("ce week-end".into(), "2003-W05-WE".into())]);
}
