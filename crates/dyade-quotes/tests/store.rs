//! "All quotes of X" on a real store file filled through dyade-store.
use dyade_core::{Document, Quote, QuoteKind, Span};
use dyade_quotes::{quotes_by_speaker, store::speaker_matches};

fn doc(id: &str, text: &str, quotes: &[(&str, QuoteKind, Option<&str>)]) -> Document {
    let mut d = Document::new(id, text);
    for (q, kind, sp) in quotes {
        let s = text.find(q).unwrap();
        d.quotes.push(Quote { span: Span::new(s, s + q.len()), kind: *kind, speaker: sp.map(String::from), speaker_span: None, cue: Some("a déclaré".into()), cue_span: None });
    }
    d
}

#[test]
fn quotes_of_a_speaker_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = dyade_store::Store::open(&dir.path().join("q.db")).unwrap();
    let run = store.begin_run("test", "", "test").unwrap();
    let docs = vec![
        doc("a", "Le président a déclaré que « la coopération » continuerait. Séoul dément.", &[("la coopération", QuoteKind::Direct, Some("Vladimir Putin")), ("Séoul dément", QuoteKind::Indirect, Some("KOR"))]),
        doc("b", "« Nous sommes prêts », a déclaré M. Poutine à Pyongyang.", &[("Nous sommes prêts", QuoteKind::Direct, Some("Vladimir Putin"))]),
        doc("c", "« Non », a dit quelqu'un.", &[("Non", QuoteKind::Direct, None)]),
    ];
    store.put_documents(&docs, "test", run).unwrap();
    let conn = store.conn();
    // the full ref, a surname, the French form, any case or accent
    for q in ["Vladimir Putin", "putin", "Poutine", "VLADIMIR POUTINE"] {
        let got = quotes_by_speaker(conn, q, 10).unwrap();
        assert_eq!(got.len(), 2, "query {q}: {got:?}");
        assert!(got.iter().all(|x| x.speaker.as_deref() == Some("Vladimir Putin")));
        assert!(got.iter().any(|x| x.doc == "b" && x.text == "Nous sommes prêts" && x.start == 2));
    }
    assert_eq!(quotes_by_speaker(conn, "KOR", 10).unwrap().len(), 1);
    assert_eq!(quotes_by_speaker(conn, "Vladimir Putin", 1).unwrap().len(), 1);
    assert!(quotes_by_speaker(conn, "Kim Jong Un", 10).unwrap().is_empty());
    assert!(quotes_by_speaker(conn, "", 10).unwrap().is_empty());
}

#[test]
fn speaker_matching_rules() {
    assert!(speaker_matches("Choïgou", "Sergei Shoigu"));
    assert!(speaker_matches("sergueï choïgou", "Sergei Shoigu"));
    assert!(!speaker_matches("Kim", "Vladimir Putin"));
}
