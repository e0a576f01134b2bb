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

/// A text token: byte span, normalized form (a range of [`Toks::buf`]) and case.
#[derive(Debug, Clone)]
struct Tok {
    span: Span,
    norm: (u32, u32),
    case: Case,
}

/// The tokens of a text, their normalized forms stored one after the other in one buffer
/// (one allocation per document instead of one per token).
#[derive(Debug, Default)]
struct Toks {
    v: Vec<Tok>,
    buf: String,
}

impl Toks {
    /// Normalized form of token `i`.
    fn n(&self, i: usize) -> &str {
        let (a, b) = self.v[i].norm;
        &self.buf[a as usize..b as usize]
    }
}

impl std::ops::Deref for Toks {
    type Target = [Tok];
    fn deref(&self) -> &[Tok] {
        &self.v
    }
}

/// FxHash (as in rustc): names are short and not attacker-chosen, so a fast
/// non-cryptographic hash suits the per-token lookups.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

fn case_of(s: &str) -> Case {
    let mut letters = s.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else { return Case::Any };
    if !first.is_uppercase() {
        return Case::Any;
    }
    // Upper needs at least two letters, all uppercase
    let mut n = 1;
    for c in letters {
        if !c.is_uppercase() {
            return Case::Cap;
        }
        n += 1;
    }
    if n >= 2 {
        Case::Upper
    } else {
        Case::Cap
    }
}

/// Tokens of `text`: runs of alphanumerics (and combining marks inside a run), with their
/// normalized form ([`norm`] without spaces; for ASCII words simply the lowercase).
fn tokenize(text: &str) -> Toks {
    let bytes = text.as_bytes();
    let mut out = Toks { v: Vec::with_capacity(text.len() / 6), buf: String::with_capacity(text.len()) };
    let mut start: Option<usize> = None;
    let mut b = 0;
    while b <= bytes.len() {
        // ASCII bytes directly; other chars decoded (a combining mark is never ASCII)
        let (word, width) = if b == bytes.len() {
            (false, 1)
        } else if bytes[b].is_ascii() {
            (bytes[b].is_ascii_alphanumeric(), 1)
        } else {
            let c = text[b..].chars().next().expect("char boundary");
            (c.is_alphanumeric() || (start.is_some() && unicode_normalization::char::is_combining_mark(c)), c.len_utf8())
        };
        match (word, start) {
            (true, None) => start = Some(b),
            (false, Some(s)) => {
                let w = &text[s..b];
                let from = out.buf.len();
                if w.is_ascii() {
                    out.buf.extend(w.bytes().map(|x| x.to_ascii_lowercase() as char));
                } else {
                    out.buf.extend(norm(w).chars().filter(|&c| c != ' '));
                }
                out.v.push(Tok { span: Span::new(s, b), norm: (from as u32, out.buf.len() as u32), case: case_of(w) });
                start = None;
            }
            _ => {}
        }
        b += width;
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
    by_first: HashMap<String, Vec<Alias>, FxBuild>,
    /// Languages the statistical recognizer before this one was trained on. In any other
    /// language its spans are unreliable (the French model tags "The United States and
    /// Jordan" as one ORG), so a gazetteer name replaces the spans it overlaps.
    model_langs: Vec<String>,
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
            let mut skip = 0;
            while toks.len() - skip > 1 && toks[skip].case == Case::Any && ARTICLES.contains(&toks.n(skip)) {
                skip += 1;
            }
            let norms: Vec<String> = (skip..toks.len()).map(|i| toks.n(i).to_string()).collect();
            toks.v.drain(..skip);
            if toks.is_empty() {
                continue;
            }
            // the canonical name of a country is English; French text uses the listed aliases
            let _ = a;
            let k = (norms, toks.iter().map(|t| t.case as u8).collect::<Vec<_>>());
            let v = map.entry(k).or_default();
            if !v.contains(&ai) {
                v.push(ai);
            }
        }
        let mut by_first: HashMap<String, Vec<Alias>, FxBuild> = HashMap::default();
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
        GazetteerRecognizer { kb, by_first, model_langs: vec!["fr".into()] }
    }

    /// Set the languages the statistical recognizer run before this one was trained on
    /// (default `fr`); in other languages gazetteer names win over overlapping spans.
    pub fn with_model_langs(mut self, langs: &[&str]) -> Self {
        self.model_langs = langs.iter().map(|l| l.to_string()).collect();
        self
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
    fn label_for(&self, toks: &Toks, at: usize, actors: &[usize]) -> (EntityType, bool) {
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
            if at > 0 {
                let prev = toks.n(at - 1);
                let prev2 = if at > 1 { format!("{} {}", toks.n(at - 2), prev) } else { String::new() };
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
            if let Some(cands) = self.by_first.get(toks.n(i)) {
                'alias: for al in cands {
                    let n = al.toks.len();
                    if i + n > toks.len() {
                        continue;
                    }
                    for k in 0..n {
                        let t = &toks[i + k];
                        if toks.n(i + k) != al.toks[k] || !Self::case_ok(al.case[k], t.case) || (k > 0 && !Self::gap_ok(text, &toks[i + k - 1], t)) {
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
                if i > 0 && toks[i - 1].case != Case::Any && self.kb.name_prefixes.contains(toks.n(i - 1)) && Self::gap_ok(text, &toks[i - 1], &toks[i]) {
                    matched = None;
                }
            }
            if let Some((n, al)) = matched {
                let span = Span::new(toks[i].span.start, toks[i + n - 1].span.end);
                let (label, certain) = self.label_for(&toks, i, &al.actors);
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
                let s = if ff { full.n(0) } else { full.n(full.len() - 1) };
                surnames.insert(s.to_string(), ());
            }
        }
        if !surnames.is_empty() {
            // `out` is sorted and non-overlapping so far: walk it alongside the tokens
            let n_found = out.len();
            let mut next = 0;
            for (k, t) in toks.iter().enumerate() {
                let attached = |a: usize, b: usize| text[a..b].chars().all(|c| c == ' ' || c == '-' || c == '\u{a0}') && b - a <= 1;
                while next < n_found && out[next].0.span.end <= t.span.start {
                    next += 1;
                }
                let overlaps = next < n_found && out[next].0.span.start < t.span.end;
                // part of a longer name: "Jean-Philippe", "Philippe Martinez"
                let in_longer = (k > 0 && text[toks[k - 1].span.end..t.span.start] == *"-")
                    || (k + 1 < toks.len() && toks[k + 1].case != Case::Any && attached(t.span.end, toks[k + 1].span.start));
                if !in_longer && t.case == Case::Cap && surnames.contains_key(toks.n(k)) && !overlaps {
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
    /// is corrected where the knowledge base is certain of it. In a language outside
    /// [`Self::with_model_langs`] the gazetteer spans replace the recognizer's overlapping ones.
    pub fn merge_into(&self, doc: &mut Document) {
        let found = self.find(doc);
        let trusted = doc.meta.lang.as_deref().is_none_or(|l| self.model_langs.iter().any(|m| m == l));
        if !trusted {
            // an untrained language: the knowledge base's names replace overlapping model spans,
            // and a model span inside a temporal expression ("Monday") is not a name
            doc.entities.retain(|e| !found.iter().any(|(g, _)| g.span.overlap(&e.span) > 0));
            let timexes: Vec<_> = doc.timexes.iter().map(|t| t.span).collect();
            doc.entities.retain(|e| !timexes.iter().any(|t| t.contains(&e.span)));
        }
        // Nationality adjectives and demonyms are not names (FORMAT.md), whatever tagged them:
        // "North Korean", "The South Korean", "Russes".
        let text = &doc.text;
        doc.entities.retain(|e| {
            let surface = e.span.slice(text);
            let bare = surface.split_once(' ').filter(|(a, _)| ARTICLES.contains(&a.to_lowercase().as_str())).map_or(surface, |(_, rest)| rest);
            self.kb.country_of_adjective(bare).is_none()
        });
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
