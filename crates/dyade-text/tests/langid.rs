//! Language identification accuracy on held-out real text (the profiles were built from
//! other lines: OrangeSum lines 2000.., PLOVER English lines 161.., Spanish lines ..600).
//! Run with `--nocapture` to see the figures.

use dyade_core::{Boilerplate, Component, Document, Span};
use dyade_text::LanguageIdentifier;
use std::io::BufRead;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn lines(path: &str, field: &str, skip: usize, take: usize) -> Vec<String> {
    let f = std::fs::File::open(format!("{SHARED}/{path}")).unwrap();
    std::io::BufReader::new(f)
        .lines()
        .skip(skip)
        .take(take)
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l.unwrap()).unwrap();
            v.get(field).and_then(|x| x.as_str()).filter(|s| !s.trim().is_empty()).map(str::to_string)
        })
        .collect()
}

fn accuracy(id: &LanguageIdentifier, texts: &[String], lang: &str, label: &str) -> f64 {
    let ok = texts.iter().filter(|t| id.identify(t).is_some_and(|g| g.lang == lang)).count();
    let acc = ok as f64 / texts.len().max(1) as f64;
    println!("{label}: {ok}/{} = {:.4}", texts.len(), acc);
    acc
}

#[test]
fn held_out_accuracy() {
    let id = LanguageIdentifier::default();
    let arts = lines("data/corpus/orangesum/orangesum.jsonl", "article", 0, 2000);
    assert!(accuracy(&id, &arts, "fr", "OrangeSum articles (fr)") >= 0.999);
    let titles = lines("data/corpus/orangesum/orangesum.jsonl", "title", 0, 2000);
    assert!(accuracy(&id, &titles, "fr", "OrangeSum titles (fr)") >= 0.97);
    // Titles by length in words.
    for (lo, hi) in [(1, 4), (5, 8), (9, 12), (13, 100)] {
        let sub: Vec<String> =
            titles.iter().filter(|t| (lo..=hi).contains(&t.split_whitespace().count())).cloned().collect();
        accuracy(&id, &sub, "fr", &format!("  titles of {lo}-{hi} words"));
    }
    let heads = lines("data/corpus/orangesum/orangesum.jsonl", "heading", 0, 2000);
    assert!(accuracy(&id, &heads, "fr", "OrangeSum headings (fr)") >= 0.99);
    let en = lines("data/events/plover_gold_en.jsonl", "text", 0, 161);
    assert!(accuracy(&id, &en, "en", "PLOVER gold sentences (en)") >= 0.98);
    let es = lines("data/events/plover_protest_es.jsonl", "text", 600, 1000);
    assert!(accuracy(&id, &es, "es", "Spanish protest sentences (es)") >= 0.98);
    // Short inputs: the first N words of held-out texts.
    for n in [2, 3, 5, 8] {
        let cut = |v: &[String]| -> Vec<String> {
            v.iter().map(|t| t.split_whitespace().take(n).collect::<Vec<_>>().join(" ")).collect()
        };
        let f = accuracy(&id, &cut(&arts), "fr", &format!("  first {n} words, OrangeSum (fr)"));
        let e = accuracy(&id, &cut(&en), "en", &format!("  first {n} words, PLOVER (en)"));
        if n >= 5 {
            assert!(f >= 0.93 && e >= 0.9, "{n} words: fr {f} en {e}");
        }
    }
    let ftb: Vec<String> = std::fs::read_dir(format!("{SHARED}/eval/fr_timebank_dev"))
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "txt").then(|| std::fs::read_to_string(p).unwrap())
        })
        .collect();
    assert!(accuracy(&id, &ftb, "fr", "French TimeBank dev (fr)") >= 0.999);
}

#[test]
fn other_languages_and_short_texts() {
    let id = LanguageIdentifier::default();
    // Sentences written for this test.
    for (t, l) in [
        ("Die Regierung hat am Montag beschlossen, dass die Steuern nicht erhöht werden.", "de"),
        ("Il governo ha deciso lunedì che le tasse non saranno aumentate per il momento.", "it"),
        ("O governo decidiu na segunda-feira que os impostos não serão aumentados.", "pt"),
        ("El gobierno decidió el lunes que los impuestos no serán aumentados este año.", "es"),
        ("The government decided on Monday that taxes would not be raised.", "en"),
        ("Le gouvernement a décidé lundi que les impôts ne seraient pas augmentés.", "fr"),
        ("Poutine salue le renforcement des liens avec la Corée du Nord", "fr"),
    ] {
        let g = id.identify(t).unwrap();
        assert_eq!(g.lang, l, "{t}");
    }
    assert!(id.identify("2023 — 12").is_none());
}

#[test]
fn component_skips_boilerplate_and_given_lang() {
    let id = LanguageIdentifier::default();
    let text = "Back to top button. Leave a Reply. Your email address will not be published.\nLa Russie et la Corée du Nord ont des intérêts communs.";
    let mut doc = Document::new("x", text);
    let cut = text.find('\n').unwrap();
    doc.boilerplate.push(Boilerplate { span: Span::new(0, cut), label: "chrome".into() });
    id.process(&mut doc);
    assert_eq!(doc.meta.lang.as_deref(), Some("fr"));
    assert!(doc.meta.lang_confidence.unwrap() > 0.9);
    let mut doc = Document::new("y", "The president spoke.");
    doc.meta.lang = Some("fr".into());
    id.process(&mut doc);
    assert_eq!(doc.meta.lang.as_deref(), Some("fr"));
    // Seeds (French with English site chrome) are French without any boilerplate marked.
    for e in std::fs::read_dir(format!("{SHARED}/seeds")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().and_then(|x| x.to_str()) == Some("txt") {
            let g = id.identify(&std::fs::read_to_string(&p).unwrap()).unwrap();
            assert_eq!(g.lang, "fr", "{p:?}");
        }
    }
}
