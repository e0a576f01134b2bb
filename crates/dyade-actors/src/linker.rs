//! Entity linking and in-document coreference: sets `Entity::reference` on every entity.

use crate::kb::{ActorKb, ActorKind, Candidate, MatchKind, TitleMatch};
use crate::normalize::{clean_surface, key, translit_token};
use dyade_core::{Component, Document, EntityType, Span};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Links entities to the actor knowledge base (component name `link`).
///
/// Per entity: exact/alias key, transliteration key, then fuzzy for person names; short
/// person names ("Poutine", "M. Kim") take the ref of a fuller in-document mention before
/// any knowledge-base guess; ambiguous names are settled by context (roles of people named
/// in the same sentence, countries named in the document); unknown names get the longest
/// in-document full form of the name as a new ref.
#[derive(Clone)]
pub struct EntityLinker {
    kb: Arc<ActorKb>,
}

struct Mention {
    surface: String,
    /// [`key`] of the surface, computed once.
    key: String,
    /// Translit-folded tokens of `key`.
    toks: Vec<String>,
    /// The same tokens as ids unique within the document (cheap containment tests).
    ids: Vec<u32>,
    label: EntityType,
    span: Span,
    reference: Option<String>,
    from_kb: bool,
}

fn compatible(label: EntityType, kind: ActorKind, subtype: &str) -> bool {
    match label {
        EntityType::PER => kind == ActorKind::Person,
        EntityType::LOC => matches!(kind, ActorKind::Country | ActorKind::Place) || subtype == "seat",
        EntityType::ORG => kind == ActorKind::Org,
        EntityType::MISC => matches!(kind, ActorKind::Misc | ActorKind::Org),
    }
}

impl EntityLinker {
    /// A linker over `kb`.
    pub fn new(kb: Arc<ActorKb>) -> Self {
        EntityLinker { kb }
    }

    /// A linker over the embedded default knowledge base.
    pub fn load_default() -> Self {
        Self::new(Arc::new(ActorKb::load_default()))
    }

    /// The knowledge base.
    pub fn kb(&self) -> &ActorKb {
        &self.kb
    }

    /// Resolve a title phrase to its role, country and holder on `date` (see
    /// [`ActorKb::resolve_title`]); for the quote and event stages.
    pub fn resolve_title(&self, text_span: &str, date: Option<&str>) -> Option<TitleMatch> {
        self.kb.resolve_title(text_span, date)
    }

    /// Strip honorifics ("M.", "Mme", "Mr") that an upstream recognizer left in the span.
    fn surface_of<'a>(&self, s: &'a str) -> &'a str {
        let mut s = s.trim();
        loop {
            let Some((first, rest)) = s.split_once(char::is_whitespace) else { return s };
            if self.kb.is_honorific(first) {
                s = rest.trim_start();
            } else {
                return s;
            }
        }
    }

    /// Set `reference` on every entity of `doc`.
    pub fn link(&self, doc: &mut Document) {
        let date = doc.dct().map(|d| d.get(..10).unwrap_or(d).to_string());
        let mut tok_ids: HashMap<String, u32> = HashMap::new();
        let mut ms: Vec<Mention> = doc
            .entities
            .iter()
            .map(|e| {
                let surface = self.surface_of(doc.slice(e.span)).to_string();
                let key = key(&surface);
                let toks: Vec<String> = key.split(' ').filter(|t| !t.is_empty()).map(translit_token).collect();
                let ids = toks.iter().map(|t| {
                    let n = tok_ids.len() as u32;
                    *tok_ids.entry(t.clone()).or_insert(n)
                }).collect();
                Mention { surface, key, toks, ids, label: e.label, span: e.span, reference: None, from_kb: false }
            })
            .collect();
        let kb = &*self.kb;
        // the same name recurs in a document: look each distinct key up once
        let mut memo: HashMap<&str, Vec<Candidate>> = HashMap::new();
        let cands: Vec<Vec<Candidate>> = ms
            .iter()
            .map(|m| memo.entry(m.key.as_str()).or_insert_with(|| kb.lookup_keys(&m.key, &m.toks.join(" "))).clone())
            .collect();
        drop(memo);
        let compat = |m: &Mention, c: &[Candidate<'_>]| -> Vec<usize> {
            let v: Vec<usize> = c.iter().filter(|c| compatible(m.label, c.actor.kind, &c.actor.subtype)).map(|c| c.index).collect();
            if !v.is_empty() {
                return v;
            }
            // a mislabelled mention still links when the name is unambiguous in the KB
            // (persons excepted: "Washington" the city is not George Washington)
            let v: Vec<usize> = c.iter().filter(|c| (c.actor.kind == ActorKind::Person) == (m.label == EntityType::PER)).map(|c| c.index).collect();
            v
        };
        // pass 1: unambiguous knowledge-base names (single-token person names wait for
        // in-document antecedents)
        let mut pending = vec![];
        for (i, m) in ms.iter_mut().enumerate() {
            let c = compat(m, &cands[i]);
            let short_person = m.label == EntityType::PER && m.toks.len() == 1;
            if c.len() == 1 && !short_person {
                m.reference = Some(kb.actors[c[0]].id.clone());
                m.from_kb = true;
            } else if c.len() > 1 && !short_person {
                pending.push((i, c));
            }
        }
        // pass 2: ambiguous names, by context
        let doc_countries: HashSet<String> =
            ms.iter().filter_map(|m| m.reference.as_deref()).filter_map(|r| kb.get(r)).filter_map(|a| a.country.clone()).collect();
        for (i, c) in pending {
            let window = sentence_window(doc, ms[i].span);
            let mut best = (i64::MIN, c[0]);
            for &ci in &c {
                let a = &kb.actors[ci];
                let mut s = -(ci as i64) / 1_000_000; // file order breaks ties
                // a country named in the document favours its people and places; not its
                // organisations ("Conseil de sécurité" in an article about Russia is still
                // usually the UN's)
                if a.kind != ActorKind::Org && a.country.as_ref().is_some_and(|x| doc_countries.contains(x)) {
                    s += 1_000_000;
                }
                // roles of people named in the same sentence point to their organisation
                for o in ms.iter() {
                    if o.span.start >= window.start && o.span.end <= window.end && o.label == EntityType::PER {
                        if let Some(r) = o.reference.as_deref() {
                            if kb.person_roles(r, date.as_deref().unwrap_or("9999-12-31")).iter().any(|ro| ro.org.as_deref() == Some(a.id.as_str())) {
                                s += 10_000_000;
                            }
                        }
                    }
                }
                if s > best.0 {
                    best = (s, ci);
                }
            }
            ms[i].reference = Some(kb.actors[best.1].id.clone());
            ms[i].from_kb = true;
        }
        // pass 3: unknown multi-token person names: fuzzy KB match, else own ref
        for i in 0..ms.len() {
            if ms[i].reference.is_some() || ms[i].label != EntityType::PER || ms[i].toks.len() < 2 {
                continue;
            }
            let f = kb.fuzzy_person_tokens(&ms[i].toks);
            if f.len() == 1 {
                ms[i].reference = Some(kb.actors[f[0]].id.clone());
                ms[i].from_kb = true;
            }
        }
        for i in 0..ms.len() {
            if ms[i].reference.is_some() || ms[i].label != EntityType::PER || ms[i].toks.len() < 2 {
                continue;
            }
            // the longest in-document form containing this one
            let longest = longest_form(&ms, i);
            ms[i].reference = Some(match longest {
                Some(j) if ms[j].reference.is_some() => ms[j].reference.clone().unwrap(),
                Some(j) => clean_surface(&ms[j].surface),
                None => clean_surface(&ms[i].surface),
            });
        }
        // pass 4: short person names: in-document antecedent, else KB, else fuzzy, else own
        for i in 0..ms.len() {
            if ms[i].reference.is_some() || ms[i].label != EntityType::PER {
                continue;
            }
            if let Some(j) = antecedent(&ms, i) {
                ms[i].reference = ms[j].reference.clone();
                continue;
            }
            let c = compat(&ms[i], &cands[i]);
            if let Some(&ci) = c.first() {
                ms[i].reference = Some(kb.actors[ci].id.clone());
                continue;
            }
            let f = kb.fuzzy_person_tokens(&ms[i].toks);
            ms[i].reference = Some(if f.len() == 1 { kb.actors[f[0]].id.clone() } else { clean_surface(&ms[i].surface) });
        }
        // pass 5: other unknown names
        let mut initials: Option<Vec<String>> = None;
        for i in 0..ms.len() {
            if ms[i].reference.is_some() {
                continue;
            }
            let r = self.contextual_part(&ms, i).or_else(|| acronym_of(&ms, i, &mut initials)).or_else(|| {
                // fuzzy for long place/organisation names only (one typo)
                let k = &ms[i].key;
                if k.chars().count() < 8 {
                    return None;
                }
                let mut hits = kb.names_one_edit_from(k).filter(|&ai| {
                    let a = &kb.actors[ai];
                    compatible(ms[i].label, a.kind, &a.subtype)
                });
                let first = hits.next()?;
                hits.next().is_none().then(|| kb.actors[first].id.clone())
            });
            ms[i].reference = Some(r.unwrap_or_else(|| clean_surface(&ms[i].surface)));
        }
        for (e, m) in doc.entities.iter_mut().zip(ms) {
            if m.from_kb && e.confidence < 1.0 {
                // keep the recognizer's confidence; linking itself is not scored here
            }
            e.reference = m.reference;
        }
    }

    /// "Sud"/"Nord" (a bare part of a country name) in a document naming the other part:
    /// "Sud" with "Corée du Nord" in the text is "Corée du Sud". General for any country
    /// whose names differ by one final word (Soudan du Sud, Korea North/South).
    fn contextual_part(&self, ms: &[Mention], i: usize) -> Option<String> {
        let k = &ms[i].key;
        if k.contains(' ') || k.is_empty() {
            return None;
        }
        let kb = &*self.kb;
        let parts = kb.country_parts(k);
        if parts.is_empty() {
            return None;
        }
        let present: HashSet<&str> = ms.iter().filter_map(|m| m.reference.as_deref()).collect();
        let mut found: Option<&str> = None;
        for (ci, prefix) in parts {
            let a = &kb.actors[*ci];
            if present.contains(a.id.as_str()) {
                continue;
            }
            // a present country shares the prefix ("coree du")
            let sibling = present.iter().filter_map(|r| kb.country_index(r)).any(|c| {
                kb.name_keys(c).iter().any(|ck| ck.starts_with(prefix.as_str()) && ck.len() > prefix.len() + 1 && ck.get(prefix.len() + 1..).is_some_and(|r| !r.contains(' ')))
            });
            if sibling {
                if found.is_some_and(|f| f != a.id) {
                    return None;
                }
                found = Some(&a.id);
            }
        }
        found.map(String::from)
    }
}

/// Index of the mention whose full form this short person mention abbreviates: nearest
/// preceding mention with more tokens containing all of its tokens, else nearest following.
fn antecedent(ms: &[Mention], i: usize) -> Option<usize> {
    let m = &ms[i];
    let fits = |j: usize| {
        let o = &ms[j];
        j != i && o.label == EntityType::PER && o.ids.len() > m.ids.len() && o.reference.is_some() && m.ids.iter().all(|t| o.ids.contains(t))
    };
    (0..i).rev().find(|&j| fits(j)).or_else(|| (i + 1..ms.len()).find(|&j| fits(j)))
}

/// The longest in-document person mention that contains all tokens of mention `i`.
fn longest_form(ms: &[Mention], i: usize) -> Option<usize> {
    let m = &ms[i];
    (0..ms.len())
        .filter(|&j| j != i && ms[j].label == EntityType::PER && ms[j].ids.len() > m.ids.len() && m.ids.iter().all(|t| ms[j].ids.contains(t)))
        .max_by_key(|&j| ms[j].toks.len())
}

/// An all-caps mention that spells the initials of a longer in-document name gets its ref.
/// `initials` caches the initials of every mention (computed on first use).
fn acronym_of(ms: &[Mention], i: usize, initials: &mut Option<Vec<String>>) -> Option<String> {
    let s = ms[i].surface.trim();
    if s.chars().count() < 2 || !s.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    let want = key(s).replace(' ', "");
    let initials = initials.get_or_insert_with(|| {
        ms.iter()
            .map(|o| {
                if o.toks.len() < 2 {
                    return String::new();
                }
                o.surface.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().next().is_some_and(char::is_uppercase)).filter_map(|w| key(w).chars().next()).collect()
            })
            .collect()
    });
    ms.iter().enumerate().find_map(|(j, o)| {
        if j == i || o.toks.len() < 2 {
            return None;
        }
        (initials[j] == want).then(|| o.reference.clone().unwrap_or_else(|| clean_surface(&o.surface)))
    })
}

/// The sentence around `span`: the document's sentence layer when present, else the text
/// between the nearest line breaks or sentence-final punctuation.
pub fn sentence_window(doc: &Document, span: Span) -> Span {
    if let Some(i) = doc.sentence_at(span.start) {
        return doc.sentences[i];
    }
    let t = doc.text.as_bytes();
    let is_end = |k: usize| -> bool {
        t[k] == b'\n' || (matches!(t[k], b'.' | b'!' | b'?') && t.get(k + 1).is_some_and(|c| *c == b' ' || *c == b'\n') && !(k >= 1 && t[k - 1] == b'M' && (k < 2 || !t[k - 2].is_ascii_alphabetic())))
    };
    let mut a = span.start;
    while a > 0 && !is_end(a - 1) {
        a -= 1;
    }
    let mut b = span.end;
    while b < t.len() && !is_end(b) {
        b += 1;
    }
    Span::new(a, b)
}

impl Component for EntityLinker {
    fn name(&self) -> &'static str {
        "link"
    }
    fn process(&self, doc: &mut Document) {
        self.link(doc);
    }
}

#[allow(dead_code)]
fn _assert_send_sync() {
    fn f<T: Send + Sync>() {}
    f::<EntityLinker>();
    let _ = MatchKind::Exact;
}
