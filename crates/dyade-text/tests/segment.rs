//! Pinned tokenization and sentence cases (written for this crate), plus real-text checks.

use dyade_core::{Boilerplate, Component, Document, Span, TokenKind};
use dyade_text::{split_sentences, tokenize, Segmenter};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn toks(text: &str, lang: &str) -> Vec<String> {
    tokenize(text, lang).iter().map(|t| t.span.slice(text).to_string()).collect()
}

fn sents(text: &str, lang: &str) -> Vec<String> {
    let t = tokenize(text, lang);
    split_sentences(text, &t, lang).iter().map(|s| s.slice(text).to_string()).collect()
}

#[test]
fn french_elisions() {
    assert_eq!(toks("l’URSS d'après qu’il jusqu’à lorsqu’elle puisqu'on n’a s’est c’est j’ai m’a t’es", "fr"),
        ["l’", "URSS", "d'", "après", "qu’", "il", "jusqu’", "à", "lorsqu’", "elle", "puisqu'", "on", "n’", "a", "s’", "est",
         "c’", "est", "j’", "ai", "m’", "a", "t’", "es"]);
    assert_eq!(toks("aujourd’hui, prud’hommes, aujourd'hui, presqu’île, L’Élysée", "fr"),
        ["aujourd’hui", ",", "prud’hommes", ",", "aujourd'hui", ",", "presqu’île", ",", "L’", "Élysée"]);
    let t = tokenize("l’URSS « Kim »", "fr");
    assert_eq!(t[0].norm.as_deref(), Some("l'"));
    assert_eq!(t[1].norm, None);
    assert_eq!(t[2].norm.as_deref(), Some("\""));
    assert_eq!(t[2].kind, TokenKind::Punct);
}

#[test]
fn english_clitics() {
    assert_eq!(toks("Don't, Russia's can’t they're O'Brien", "en"),
        ["Do", "n't", ",", "Russia", "'s", "ca", "n’t", "they", "'re", "O'Brien"]);
    // French rules do not split English clitics.
    assert_eq!(toks("Russia's", "fr"), ["Russia's"]);
}

#[test]
fn hyphens() {
    assert_eq!(toks("Kim Jong-un, Kim Jong-il, Nord-Est, Corée du Nord-Est, peut-être, rendez-vous", "fr"),
        ["Kim", "Jong-un", ",", "Kim", "Jong-il", ",", "Nord-Est", ",", "Corée", "du", "Nord-Est", ",", "peut-être", ",", "rendez-vous"]);
    assert_eq!(toks("a-t-il dit-elle Faut-il Est-ce celle-ci va-t-on", "fr"),
        ["a", "-t-il", "dit", "-elle", "Faut", "-il", "Est", "-ce", "celle", "-ci", "va", "-t-on"]);
}

#[test]
fn numbers() {
    let text = "25.000 25\u{202F}000 1\u{a0}000\u{a0}000 3,5 1er 10 h 24 10h24 2023-07-26 27/07/2023 12% 40\u{a0}%";
    assert_eq!(toks(text, "fr"),
        ["25.000", "25\u{202F}000", "1\u{a0}000\u{a0}000", "3,5", "1er", "10", "h", "24", "10h24", "2023-07-26", "27/07/2023", "12", "%", "40", "%"]);
    let t = tokenize(text, "fr");
    assert_eq!(t[1].norm.as_deref(), Some("25000"));
    assert_eq!(t[2].norm.as_deref(), Some("1000000"));
    assert_eq!(t[0].kind, TokenKind::Number);
    // A year then a count is not one number.
    assert_eq!(toks("en 2023\u{a0}300 soldats", "fr"), ["en", "2023", "300", "soldats"]);
}

#[test]
fn abbreviations_and_initials() {
    assert_eq!(toks("M. Poutine, Mme Kim, MM. Dupont et Dr. No", "fr")[..4], ["M.", "Poutine", ",", "Mme"]);
    assert_eq!(sents("M. Poutine est arrivé. Mme Kim aussi, avec MM. Dupont, St. Jean etc. Le reste suit.", "fr"),
        ["M. Poutine est arrivé.", "Mme Kim aussi, avec MM. Dupont, St. Jean etc.", "Le reste suit."]);
    assert_eq!(sents("En 52 av. J.-C. César gagne. Puis J. Biden parle.", "fr"), ["En 52 av. J.-C.", "César gagne.", "Puis J. Biden parle."]);
    assert_eq!(sents("The U.S. Army left. Mr. Smith and J. Biden met at 5 p.m. Then he left.", "en"),
        ["The U.S. Army left.", "Mr. Smith and J. Biden met at 5 p.m.", "Then he left."]);
}

#[test]
fn quotes_and_sentences() {
    assert_eq!(sents("« Je suis persuadé. Nous allons gagner », a affirmé M. Poutine. Il part.", "fr"),
        ["« Je suis persuadé. Nous allons gagner », a affirmé M. Poutine.", "Il part."]);
    assert_eq!(sents("Il a dit : « Nous partons. » Le lendemain, il est parti.", "fr"),
        ["Il a dit : « Nous partons. »", "Le lendemain, il est parti."]);
    assert_eq!(sents("Il cite un « partenaire important ». Ensuite ? Rien… Puis 2024 arrive.", "fr"),
        ["Il cite un « partenaire important ».", "Ensuite ?", "Rien…", "Puis 2024 arrive."]);
    assert_eq!(sents("\"Malgré tout\", a dit FO. \"Nous continuons.\" Fin.", "fr"),
        ["\"Malgré tout\", a dit FO.", "\"Nous continuons.\"", "Fin."]);
    // Glued paragraphs (OrangeSum style) and line breaks.
    assert_eq!(sents("Un séisme a frappé le Bangladesh.Une onde de choc a suivi.L'enveloppe est vide", "fr"),
        ["Un séisme a frappé le Bangladesh.", "Une onde de choc a suivi.", "L'enveloppe est vide"]);
    assert_eq!(sents("Alliance militaire\nLes deux États sont unis", "fr"), ["Alliance militaire", "Les deux États sont unis"]);
    // Lowercase after a period does not start a sentence; an open quote is reset at a line break.
    assert_eq!(sents("Il a 3 ans. et plus\n« Ouvert sans fin\nSuite.", "fr"), ["Il a 3 ans. et plus", "« Ouvert sans fin", "Suite."]);
}

#[test]
fn offsets_are_exact_and_sorted() {
    let text = std::fs::read_to_string(format!("{SHARED}/seeds/000_38da251244b5c1f0.txt")).unwrap();
    let t = tokenize(&text, "fr");
    for w in t.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for tok in &t {
        let s = tok.span.slice(&text);
        assert!(!s.is_empty() && !s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace), "{s:?}");
    }
    let words: Vec<&str> = t.iter().map(|x| x.span.slice(&text)).collect();
    let has = |seq: &[&str]| words.windows(seq.len()).any(|w| w == seq);
    assert!(has(&["M.", "Poutine"]));
    assert!(has(&["l’", "URSS"]));
    assert!(has(&["25.000", "soldats"]));
    assert!(has(&["Kim", "Jong-un"]));
}

#[test]
fn component_respects_paragraphs_and_boilerplate() {
    let text = "Le président a parlé. Il a dit oui\nBack to top button. Leave a Reply";
    let mut doc = Document::new("t", text);
    let bp = text.find("Back").unwrap();
    doc.boilerplate.push(Boilerplate { span: Span::new(bp, text.len()), label: "chrome".into() });
    // A paragraph boundary inside a sentence cuts it.
    let cut = text.find("Il a").unwrap();
    doc.paragraphs = vec![Span::new(0, cut - 1), Span::new(cut, bp - 1)];
    Segmenter::default().process(&mut doc);
    let s: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(*s)).collect();
    assert_eq!(s, ["Le président a parlé.", "Il a dit oui"]);
    // Tokens everywhere, boilerplate included.
    assert!(doc.tokens.iter().any(|t| doc.slice(t.span) == "Reply"));
}

/// Every seed: sentences are within the text, sorted, non-overlapping, and no sentence
/// swallows a line break.
#[test]
fn seeds_sentences_are_sane() {
    for e in std::fs::read_dir(format!("{SHARED}/seeds")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().and_then(|x| x.to_str()) != Some("txt") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        let s = sents(&text, "fr");
        assert!(s.len() > 10, "{p:?}");
        for x in &s {
            assert!(!x.contains('\n'), "{p:?}: {x:?}");
        }
    }
}

/// Token agreement with WikiNEuRal-fr dev (text rebuilt with French typography, see
/// examples/conllu_eval.rs, which reports the same figure): measured 0.9994 recall.
#[test]
fn wikineural_token_agreement() {
    let text = std::fs::read_to_string(format!("{SHARED}/data/ner/wikineural_fr_dev.conllu")).unwrap();
    let (mut gold_n, mut hit) = (0usize, 0usize);
    for block in text.split("\n\n").take(3000) {
        let toks: Vec<&str> = block.lines().filter_map(|l| l.split('\t').nth(1)).collect();
        let mut s = String::new();
        let mut gold = std::collections::HashSet::new();
        let mut glue = true;
        for t in &toks {
            let nsb = matches!(*t, "," | "." | ")" | "]" | "..." | "…")
                || (t.len() > 1 && t.starts_with('-') && t[1..].starts_with(char::is_alphabetic));
            if !glue && !nsb {
                s.push(' ');
            }
            let a = s.len();
            s.push_str(t);
            gold.insert((a, s.len()));
            glue = matches!(*t, "(" | "[")
                || (t.len() <= 8 && t.ends_with(['\'', '’']) && t.chars().filter(|c| c.is_alphabetic()).count() + 1 == t.chars().count());
        }
        gold_n += gold.len();
        hit += tokenize(&s, "fr").iter().filter(|p| gold.contains(&(p.span.start, p.span.end))).count();
    }
    let r = hit as f64 / gold_n as f64;
    println!("wikineural token recall {r:.4}");
    assert!(r >= 0.998, "{r}");
}
