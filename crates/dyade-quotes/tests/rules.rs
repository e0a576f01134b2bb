//! Behaviour of the engine on small hand-made documents (no statistical stages: entities
//! are given, sentences split on ". ").
use dyade_core::{Document, Entity, EntityType, QuoteKind, Span};
use dyade_quotes::{Lexicon, QuoteExtractor};

fn doc(text: &str, lang: &str, ents: &[(&str, EntityType, &str)]) -> Document {
    let mut d = Document::new("t", text);
    d.meta.lang = Some(lang.into());
    let mut s = 0;
    for (i, _) in text.match_indices(". ") {
        d.sentences.push(Span::new(s, i + 1));
        s = i + 2;
    }
    d.sentences.push(Span::new(s, text.len()));
    let mut from = 0;
    for (name, label, r) in ents {
        let b = from + text[from..].find(name).unwrap();
        d.entities.push(Entity { span: Span::new(b, b + name.len()), label: *label, reference: Some(r.to_string()), confidence: 1.0 });
        from = b + name.len();
    }
    d
}

fn run(d: &Document) -> Vec<(String, QuoteKind, Option<String>)> {
    let x = QuoteExtractor::new(Lexicon::builtin(), None);
    x.extract(d).into_iter().map(|q| (d.slice(q.span).to_string(), q.kind, q.speaker)).collect()
}

#[test]
fn direct_indirect_mixed_and_pronouns() {
    let d = doc(
        "« Nous ne céderons pas », a déclaré Jean Dupont. Il a ajouté que la réforme serait « juste et nécessaire » pour tous. Le temps était « maussade ».",
        "fr",
        &[("Jean Dupont", EntityType::PER, "Jean Dupont")],
    );
    let q = run(&d);
    assert!(q.contains(&("Nous ne céderons pas".into(), QuoteKind::Direct, Some("Jean Dupont".into()))), "{q:?}");
    assert!(q.contains(&("la réforme serait « juste et nécessaire » pour tous".into(), QuoteKind::Indirect, Some("Jean Dupont".into()))), "{q:?}");
    assert!(q.contains(&("juste et nécessaire".into(), QuoteKind::Mixed, Some("Jean Dupont".into()))), "{q:?}");
    // a scare quote: no cue in its sentence
    assert!(!q.iter().any(|x| x.0 == "maussade"), "{q:?}");
}

#[test]
fn sources_and_channels() {
    let d = doc(
        "Le chômage a baissé de 2 %, selon l'Insee. Selon un rapport de l'AFP, Marie Curie a affirmé que la découverte était majeure.",
        "fr",
        &[("Insee", EntityType::ORG, "INSEE"), ("AFP", EntityType::ORG, "Agence France-Presse"), ("Marie Curie", EntityType::PER, "Marie Curie")],
    );
    let q = run(&d);
    assert!(q.contains(&("Le chômage a baissé de 2 %".into(), QuoteKind::Indirect, Some("INSEE".into()))), "{q:?}");
    // the channel (AFP) is not the speaker and gives no quote of its own
    assert!(q.contains(&("la découverte était majeure".into(), QuoteKind::Indirect, Some("Marie Curie".into()))), "{q:?}");
    assert_eq!(q.len(), 2, "{q:?}");
}

#[test]
fn titles_are_not_quotes() {
    let d = doc("Le ministre a salué le film « Le Grand Bleu » lors de la cérémonie.", "fr", &[]);
    assert!(run(&d).is_empty(), "{:?}", run(&d));
}

#[test]
fn postposed_and_participles() {
    let d = doc(
        "La croissance reprendra en 2025, explique Anne Martin, jugeant que les risques sont limités.",
        "fr",
        &[("Anne Martin", EntityType::PER, "Anne Martin")],
    );
    let q = run(&d);
    assert!(q.contains(&("La croissance reprendra en 2025".into(), QuoteKind::Indirect, Some("Anne Martin".into()))), "{q:?}");
    assert!(q.contains(&("les risques sont limités".into(), QuoteKind::Indirect, Some("Anne Martin".into()))), "{q:?}");
}

#[test]
fn english() {
    let d = doc(
        "“We will not back down,” said John Smith. He told reporters that talks would resume, according to the agency.",
        "en",
        &[("John Smith", EntityType::PER, "John Smith")],
    );
    let q = run(&d);
    assert!(q.contains(&("We will not back down,".into(), QuoteKind::Direct, Some("John Smith".into()))) || q.contains(&("We will not back down".into(), QuoteKind::Direct, Some("John Smith".into()))), "{q:?}");
    assert!(q.iter().any(|x| x.0.starts_with("talks would resume") && x.2.as_deref() == Some("John Smith")), "{q:?}");
}

#[test]
fn multi_paragraph_quote() {
    let d = doc("« Premier paragraphe du discours.\n« Second paragraphe », a-t-il dit.", "fr", &[]);
    let q = run(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("Premier") && q[0].0.ends_with("Second paragraphe"), "{q:?}");
}

#[test]
fn lexicon_errors_name_the_file_and_line() {
    let e = Lexicon::parse("xx", "xx.txt", "[marks]\n« »\n[nope]\n").unwrap_err().to_string();
    assert!(e.starts_with("xx.txt:3:"), "{e}");
    let e = Lexicon::parse("xx", "xx.txt", "[marks]\n«»x\n").unwrap_err().to_string();
    assert!(e.contains("xx.txt:2"), "{e}");
}
