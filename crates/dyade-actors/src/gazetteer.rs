//! Gazetteer recognizer: finds knowledge-base names in text, token by token.

use crate::kb::{ActorKb, ActorKind};
use crate::normalize::norm;
use dyade_core::{Component, Document, Entity, EntityType, Span};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Case {
    /// Any case (lowercase words of an alias: "de", "péninsule").
    Any,
    /// First letter uppercase.
    Cap,
    /// All letters uppercase (acronyms: ONU, RPDC, KCNA).
    Upper,
}

#[derive(Debug, Clone)]
struct Alias {
    toks: Vec<String>,
    case: Vec<Case>,
    actors: Vec<usize>,
}

/// A text token: byte span and normalized form.
#[derive(Debug, Clone)]
struct Tok {
    span: Span,
    norm: String,
    case: Case,
}

fn case_of(s: &str) -> Case {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        Case::Upper
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        Case::Cap
    } else {
        Case::Any
    }
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = vec![];
    let mut start: Option<usize> = None;
    for (b, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let word = c.is_alphanumeric() || (start.is_some() && unicode_normalization::char::is_combining_mark(c));
        match (word, start) {
            (true, None) => start = Some(b),
            (false, Some(s)) => {
                let w = &text[s..b];
                out.push(Tok { span: Span::new(s, b), norm: norm(w).replace(' ', ""), case: case_of(w) });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Finds names of the actor knowledge base in a document (component name `gazetteer`).
///
/// Matching is on normalized tokens (accents and case folded, hyphens and apostrophes as
/// separators), longest match first, with the capitalisation of the listed name required
/// (a capitalised alias needs a capitalised word, an acronym an all-caps word). A match may
/// not cross punctuation other than hyphens and apostrophes. Leading lowercase articles of
/// listed names are left out of spans ("la Corée du Nord" → "Corée du Nord"), titles are
/// never part of names, and adjectives are not names. Surnames of people found in the
/// document are then matched on their own ("Kim" after "Kim Jong Un").
pub struct GazetteerRecognizer {
    kb: Arc<ActorKb>,
    by_first: HashMap<String, Vec<Alias>>,
}

const ARTICLES: &[&str] = &["le", "la", "les", "l", "the"];

impl GazetteerRecognizer {
    /// A recognizer over `kb`.
    pub fn new(kb: Arc<ActorKb>) -> Self {
        let mut map: HashMap<(Vec<String>, Vec<u8>), Vec<usize>> = HashMap::new();
        for (name, ai) in kb.recognizable_names() {
            let a = &kb.actors[ai];
            // country codes are refs, not names, unless listed as names too
            let mut toks = tokenize(name);
            while toks.len() > 1 && toks[0].case == Case::Any && ARTICLES.contains(&toks[0].norm.as_str()) {
                toks.remove(0);
            }
            if toks.is_empty() {
                continue;
            }
            // the canonical name of a country is English; French text uses the listed aliases
            let _ = a;
            let k = (toks.iter().map(|t| t.norm.clone()).collect::<Vec<_>>(), toks.iter().map(|t| t.case as u8).collect::<Vec<_>>());
            let v = map.entry(k).or_default();
            if !v.contains(&ai) {
                v.push(ai);
            }
        }
        let mut by_first: HashMap<String, Vec<Alias>> = HashMap::new();
        for ((toks, cases), actors) in map {
            let case = cases
                .iter()
                .map(|c| match c {
                    0 => Case::Any,
                    1 => Case::Cap,
                    _ => Case::Upper,
                })
                .collect();
            by_first.entry(toks[0].clone()).or_default().push(Alias { toks, case, actors });
        }
        for v in by_first.values_mut() {
            v.sort_by(|a, b| b.toks.len().cmp(&a.toks.len()));
        }
        GazetteerRecognizer { kb, by_first }
    }

    /// A recognizer over the embedded default knowledge base.
    pub fn load_default() -> Self {
        Self::new(Arc::new(ActorKb::load_default()))
    }

    fn case_ok(want: Case, got: Case) -> bool {
        match want {
            Case::Any => true,
            Case::Cap => got != Case::Any,
            Case::Upper => got == Case::Upper,
        }
    }

    fn gap_ok(text: &str, a: &Tok, b: &Tok) -> bool {
        let g = &text[a.span.end..b.span.start];
        g.chars().count() <= 3 && g.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\'' || c == '’' || c == '-' || c == '‑' || c == '‐')
    }

    /// Choose the label for a matched alias from its candidates (countries, then places,
    /// organisations, people, other names), and whether the knowledge base is certain of it.
    fn label_for(&self, text: &str, toks: &[Tok], at: usize, actors: &[usize]) -> (EntityType, bool) {
        let rank = |k: ActorKind| match k {
            ActorKind::Country => 0,
            ActorKind::Place => 1,
            ActorKind::Org => 2,
            ActorKind::Person => 3,
            ActorKind::Misc => 4,
        };
        let best = actors.iter().map(|&i| &self.kb.actors[i]).min_by_key(|a| rank(a.kind)).expect("alias has an actor");
        let mut label = best.label;
        let mut certain = actors.iter().all(|&i| self.kb.actors[i].label == label);
        if best.subtype == "seat" {
            // "au Kremlin" is the place, "le Kremlin a déclaré" the institution
            certain = false;
            if at > 0 && Self::gap_ok(text, &toks[at - 1], &toks[at]) || at > 0 {
                let prev = &toks[at - 1].norm;
                let prev2 = if at > 1 { format!("{} {}", toks[at - 2].norm, prev) } else { String::new() };
                if self.kb.place_words.contains(prev) || self.kb.place_words.contains(&prev2) {
                    label = EntityType::LOC;
                }
            }
        }
        (label, certain)
    }

    /// Gazetteer mentions of `doc` as (entity, certain-of-type) pairs, not overlapping.
    pub fn find(&self, doc: &Document) -> Vec<(Entity, bool)> {
        let text = &doc.text;
        let toks = tokenize(text);
        let mut out: Vec<(Entity, bool)> = vec![];
        let mut people: Vec<usize> = vec![];
        let mut i = 0;
        while i < toks.len() {
            let mut matched = None;
            if let Some(cands) = self.by_first.get(&toks[i].norm) {
                'alias: for al in cands {
                    let n = al.toks.len();
                    if i + n > toks.len() {
                        continue;
                    }
                    for k in 0..n {
                        let t = &toks[i + k];
                        if t.norm != al.toks[k] || !Self::case_ok(al.case[k], t.case) || (k > 0 && !Self::gap_ok(text, &toks[i + k - 1], t)) {
                            continue 'alias;
                        }
                    }
                    matched = Some((n, al));
                    break;
                }
            }
            // "Jersey" in "New Jersey", "Mexico" in "New Mexico": a one-word match after a
            // capitalised name prefix is part of an unknown longer name
            if let Some((1, _)) = matched {
                if i > 0 && toks[i - 1].case != Case::Any && self.kb.name_prefixes.contains(&toks[i - 1].norm) && Self::gap_ok(text, &toks[i - 1], &toks[i]) {
                    matched = None;
                }
            }
            if let Some((n, al)) = matched {
                let span = Span::new(toks[i].span.start, toks[i + n - 1].span.end);
                let (label, certain) = self.label_for(text, &toks, i, &al.actors);
                if label == EntityType::PER {
                    people.extend(al.actors.iter().copied().filter(|&a| self.kb.actors[a].kind == ActorKind::Person));
                }
                out.push((Entity { span, label, reference: None, confidence: 0.9 }, certain));
                i += n;
            } else {
                i += 1;
            }
        }
        // surnames of people named in the document, on their own
        let mut surnames: HashMap<String, ()> = HashMap::new();
        for &p in &people {
            let a = &self.kb.actors[p];
            let ff = self.kb.is_family_first(a);
            let full = tokenize(&a.name);
            if full.len() >= 2 {
                let s = if ff { &full[0] } else { &full[full.len() - 1] };
                surnames.insert(s.norm.clone(), ());
            }
        }
        if !surnames.is_empty() {
            for t in &toks {
                let attached = |a: usize, b: usize| text[a..b].chars().all(|c| c == ' ' || c == '-' || c == '\u{a0}') && b - a <= 1;
                let k = toks.iter().position(|x| x.span == t.span).unwrap_or(0);
                // part of a longer name: "Jean-Philippe", "Philippe Martinez"
                let in_longer = (k > 0 && text[toks[k - 1].span.end..t.span.start] == *"-")
                    || (k + 1 < toks.len() && toks[k + 1].case != Case::Any && attached(t.span.end, toks[k + 1].span.start));
                if !in_longer && t.case == Case::Cap && surnames.contains_key(&t.norm) && !out.iter().any(|(e, _)| e.span.overlap(&t.span) > 0) {
                    // not the first word of a longer capitalised name we do not know
                    out.push((Entity { span: t.span, label: EntityType::PER, reference: None, confidence: 0.7 }, false));
                }
            }
            out.sort_by_key(|(e, _)| e.span.start);
        }
        out
    }

    /// Merge gazetteer mentions into `doc.entities`: the recognizer's spans are kept, a
    /// gazetteer span overlapping none of them is added, and the type of an identical span
    /// is corrected where the knowledge base is certain of it.
    pub fn merge_into(&self, doc: &mut Document) {
        let found = self.find(doc);
        for (g, certain) in found {
            let mut overlapped = false;
            for e in doc.entities.iter_mut() {
                if e.span.overlap(&g.span) > 0 {
                    overlapped = true;
                    if e.span == g.span && certain {
                        e.label = g.label;
                    }
                }
            }
            if !overlapped {
                doc.entities.push(g);
            }
        }
        doc.entities.sort_by_key(|e| (e.span.start, e.span.end));
    }
}

impl Component for GazetteerRecognizer {
    fn name(&self) -> &'static str {
        "gazetteer"
    }
    fn process(&self, doc: &mut Document) {
        self.merge_into(doc);
    }
}
