//! Quote extraction and speaker attribution for dyade.
//!
//! [`QuoteExtractor`] (component `quotes`) fills [`Document::quotes`] with
//! - **direct** quotes: text inside quotation marks (« », “ ”, " ", ‘ ’), content without the
//!   marks, spanning sentences and paragraphs when the marks do; short quoted words with no
//!   reporting cue in their sentence (scare quotes) and quoted titles are left out;
//! - **indirect** quotes: the reported clause after a cue and its complementizer ("a déclaré
//!   que …", "assurant que …"), before a postposed cue ("…, explique X", "…, comme l'a relevé
//!   X"), or attributed by a source ("selon X", "d'après X", sentence-initial "Pour X, …");
//! - **mixed** quotes: quoted fragments inside a reported clause (both levels are kept).
//!
//! Speakers are resolved to entity `ref`s through the entity layer: the subject before a
//! cue or the inverted subject after it, pronouns ("il", "a-t-elle") to the latest speaker,
//! short forms ("M. Kim") to an earlier full name, titles ("le ministre russe de la
//! Défense") through [`dyade_actors::ActorKb::resolve_title`] or an earlier apposition,
//! groups with a nationality ("les responsables américains") to their country. Channels
//! ("selon un rapport de KCNA, M. Poutine a déclaré…") are not speakers when the clause has
//! its own. All language knowledge is in [`Lexicon`] files; the engine is language-neutral.
//!
//! [`quotes_by_speaker`] answers "all quotes of X" over a dyade SQLite store.

pub mod lexicon;
pub mod store;

pub use lexicon::{Lexicon, LexiconError};
pub use store::{quotes_by_speaker, StoredQuote};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dyade_actors::{ActorKb, ActorKind};
use dyade_core::{Component, Document, EntityType, Quote, QuoteKind, Span};
use lexicon::fold;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// What a lexicon pattern found in the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pat {
    Verb,
    Participle,
    Source,
    WeakSource,
    RelSource,
    Mark(char),
}

/// One language's lexicon compiled for scanning.
struct Compiled {
    lex: Lexicon,
    ac: AhoCorasick,
    pats: Vec<Pat>,
    /// mark char → (opens, closes) pair indices
    marks: HashMap<char, (Vec<usize>, Vec<usize>)>,
    aux: HashSet<String>,
    verbs: HashSet<String>,
    participles: HashSet<String>,
    comp: HashSet<String>,
    preps: HashSet<String>,
    dets: HashSet<String>,
    channels: HashSet<String>,
    speaker_nouns: HashSet<String>,
    leading: HashSet<String>,
    title_nouns: HashSet<String>,
    inf_leads: Vec<String>,
    inf_endings: Vec<String>,
    postposed: Vec<String>,
    breakers: Vec<String>,
    not_sources: Vec<String>,
}

impl Compiled {
    fn new(lex: Lexicon) -> Self {
        let mut patterns: Vec<String> = vec![];
        let mut pats = vec![];
        let mut add = |forms: &[String], p: Pat| {
            for f in forms {
                patterns.push(f.clone());
                pats.push(p);
                if f.contains('\'') {
                    patterns.push(f.replace('\'', "’"));
                    pats.push(p);
                }
            }
        };
        add(lex.set("verbs"), Pat::Verb);
        add(lex.set("participles"), Pat::Participle);
        add(lex.set("sources"), Pat::Source);
        add(lex.set("weak_sources"), Pat::WeakSource);
        add(lex.set("relative_sources"), Pat::RelSource);
        let mut marks: HashMap<char, (Vec<usize>, Vec<usize>)> = HashMap::new();
        for (i, &(o, c)) in lex.marks.iter().enumerate() {
            marks.entry(o).or_default().0.push(i);
            marks.entry(c).or_default().1.push(i);
        }
        for &c in marks.keys() {
            patterns.push(c.to_string());
            pats.push(Pat::Mark(c));
        }
        // Also match capitalised first letters of accented forms ("Selon", "D'après" are
        // ASCII-case-insensitive already; "À" never starts a cue).
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("quote lexicon patterns compile");
        let h = |n: &str| lex.hash(n);
        Compiled {
            ac,
            pats,
            marks,
            aux: h("auxiliaries"),
            verbs: h("verbs"),
            participles: h("participles"),
            comp: h("complementizers"),
            preps: h("prepositions"),
            dets: h("determiners"),
            channels: h("channels"),
            speaker_nouns: h("speaker_nouns"),
            leading: h("leading"),
            title_nouns: h("title_nouns"),
            inf_leads: lex.set("infinitive_leads").to_vec(),
            inf_endings: lex.set("infinitive_endings").to_vec(),
            postposed: lex.set("postposed").to_vec(),
            breakers: lex.set("breakers").to_vec(),
            not_sources: lex.set("not_sources").to_vec(),
            lex,
        }
    }
}

/// The quote extraction component (`quotes`). Holds the compiled lexicons and, optionally,
/// the actor knowledge base used to resolve titles and organisation names.
pub struct QuoteExtractor {
    langs: HashMap<String, Compiled>,
    kb: Option<Arc<ActorKb>>,
    /// Language used when the document's is unknown.
    default_lang: String,
}

impl QuoteExtractor {
    /// An extractor with the given lexicons and knowledge base.
    pub fn new(lexicons: Vec<Lexicon>, kb: Option<Arc<ActorKb>>) -> Self {
        let langs = lexicons.into_iter().map(|l| (l.lang.clone(), Compiled::new(l))).collect();
        QuoteExtractor { langs, kb, default_lang: "fr".into() }
    }

    /// The built-in French and English lexicons with `kb` for title resolution.
    pub fn with_kb(kb: Arc<ActorKb>) -> Self {
        Self::new(Lexicon::builtin(), Some(kb))
    }

    /// The built-in lexicons and the default actor knowledge base.
    pub fn load_default() -> Self {
        Self::with_kb(Arc::new(ActorKb::load_default()))
    }

    /// Quotes of `doc` (does not modify it).
    pub fn extract(&self, doc: &Document) -> Vec<Quote> {
        let lang = doc.meta.lang.as_deref().filter(|l| self.langs.contains_key(*l)).unwrap_or(&self.default_lang);
        let Some(c) = self.langs.get(lang) else { return vec![] };
        Run::new(c, self.kb.as_deref(), doc).run()
    }
}

impl Component for QuoteExtractor {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn process(&self, doc: &mut Document) {
        doc.quotes = self.extract(doc);
    }
}

// ---------------------------------------------------------------------------------------
// text helpers

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}'
}
fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// A word or punctuation token found around a position.
#[derive(Debug, Clone, Copy)]
struct W {
    s: usize,
    e: usize,
    word: bool,
}

/// The token ending at or before `pos` (skipping spaces), if any after `floor`.
/// Words keep a trailing apostrophe ("qu'"); "qu'il" gives "il" then "qu'".
fn prev_tok(t: &str, pos: usize, floor: usize) -> Option<W> {
    if floor >= pos {
        return None;
    }
    let b = &t[floor..pos];
    let trimmed = b.trim_end_matches(is_space);
    if trimmed.is_empty() {
        return None;
    }
    let end = floor + trimmed.len();
    let last = trimmed.chars().next_back()?;
    if is_apos(last) {
        let before = &trimmed[..trimmed.len() - last.len_utf8()];
        let ws = before.trim_end_matches(|c: char| c.is_alphanumeric()).len();
        if ws < before.len() {
            return Some(W { s: floor + ws, e: end, word: true });
        }
        return Some(W { s: end - last.len_utf8(), e: end, word: false });
    }
    if is_word_char(last) {
        let ws = trimmed.trim_end_matches(is_word_char).len();
        return Some(W { s: floor + ws, e: end, word: true });
    }
    Some(W { s: end - last.len_utf8(), e: end, word: false })
}

/// The token starting at or after `pos` (skipping spaces), before `ceil`.
fn next_tok(t: &str, pos: usize, ceil: usize) -> Option<W> {
    let ceil = floor_char(t, ceil.min(t.len()));
    if pos >= ceil {
        return None;
    }
    let b = &t[pos..ceil];
    let lead = b.len() - b.trim_start_matches(is_space).len();
    let s = pos + lead;
    let rest = &t[s..ceil];
    let first = rest.chars().next()?;
    if is_word_char(first) {
        let mut e = s;
        for (i, ch) in rest.char_indices() {
            if is_word_char(ch) {
                e = s + i + ch.len_utf8();
            } else if is_apos(ch) {
                // "qu'il": the word keeps its apostrophe
                e = s + i + ch.len_utf8();
                break;
            } else {
                break;
            }
        }
        return Some(W { s, e, word: true });
    }
    Some(W { s, e: s + first.len_utf8(), word: false })
}

fn words_in(t: &str, a: usize, b: usize) -> Vec<W> {
    let mut out = vec![];
    let mut p = a;
    while let Some(w) = next_tok(t, p, b) {
        out.push(w);
        p = w.e;
    }
    out
}

fn lower(t: &str, w: W) -> String {
    fold(&t[w.s..w.e])
}

/// Trim spaces and the given extra characters from both ends of `[a, b)`. An inverted range
/// (a clause boundary found past its end) is empty: callers test `b > a`.
fn trim_span(t: &str, a: usize, b: usize, extra: &[char]) -> (usize, usize) {
    if b <= a {
        return (a, a);
    }
    let s = &t[a..b];
    let l = s.trim_start_matches(|c: char| is_space(c) || extra.contains(&c));
    let a2 = a + (s.len() - l.len());
    let r = l.trim_end_matches(|c: char| is_space(c) || extra.contains(&c));
    (a2, a2 + r.len())
}

// ---------------------------------------------------------------------------------------
// one document

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// A reporting verb; `post` when its content comes before it.
    Verb { post: bool },
    /// A present participle ("assurant que").
    Participle,
    /// A source preposition ("selon X"); `pre` when the content follows the source phrase.
    Source { pre: bool },
    /// A relative source ("selon lesquels …").
    RelSource,
}

#[derive(Debug, Clone)]
struct Cue {
    kind: CueKind,
    /// The cue phrase (aux + verb, or the preposition).
    span: Span,
    /// The subject/inverted pronoun when the cue carries one ("a-t-il").
    inverted: Option<char>,
    /// The source noun phrase, for sources.
    np: Option<Span>,
    /// The reported clause, when the cue has one.
    clause: Option<Span>,
    /// For sources: the clause has its own cue, so the source is a channel.
    channel: bool,
    speaker: Option<String>,
    speaker_span: Option<Span>,
}

#[derive(Debug, Clone, Copy)]
struct Pair {
    open: usize,
    close: usize,
    content: Span,
}

struct Run<'a> {
    c: &'a Compiled,
    kb: Option<&'a ActorKb>,
    doc: &'a Document,
    t: &'a str,
    pairs: Vec<Pair>,
    cues: Vec<Cue>,
    /// (position of the mention, ref) of resolved speakers, in resolution order.
    history: Vec<(usize, String)>,
    /// Memo of [`Run::entity_ref`] (KB lookups are the costly part).
    refs: std::cell::RefCell<HashMap<usize, Option<String>>>,
}

impl<'a> Run<'a> {
    fn new(c: &'a Compiled, kb: Option<&'a ActorKb>, doc: &'a Document) -> Self {
        Run { c, kb, doc, t: &doc.text, pairs: vec![], cues: vec![], history: vec![], refs: Default::default() }
    }

    fn sentence(&self, pos: usize) -> (usize, usize) {
        if let Some(i) = self.doc.sentence_at(pos) {
            let s = self.doc.sentences[i];
            return (s.start, s.end);
        }
        // no sentence layer: the line
        let a = self.t[..pos].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let b = self.t[pos..].find('\n').map(|i| pos + i).unwrap_or(self.t.len());
        (a, b)
    }

    fn in_pair(&self, pos: usize) -> Option<&Pair> {
        let i = self.pairs.partition_point(|p| p.close <= pos);
        self.pairs.get(i).filter(|p| p.open < pos && pos < p.close)
    }

    fn run(mut self) -> Vec<Quote> {
        // 1. one scan: lexicon hits and quotation marks
        let mut hits: Vec<(usize, usize, Pat)> = vec![];
        for m in self.c.ac.find_iter(self.t) {
            let p = self.c.pats[m.pattern().as_usize()];
            let (s, e) = (m.start(), m.end());
            if !matches!(p, Pat::Mark(_)) {
                let before = self.t[..s].chars().next_back();
                let after = self.t[e..].chars().next();
                let last = self.t[s..e].chars().next_back().unwrap_or(' ');
                if before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                    || (!is_apos(last) && after.is_some_and(|c| c.is_alphanumeric()))
                {
                    continue;
                }
            }
            hits.push((s, e, p));
        }
        self.pair_marks(&hits);
        let hits: Vec<(usize, usize, Pat)> = hits
            .into_iter()
            .filter(|h| !matches!(h.2, Pat::Mark(_)) && self.in_pair(h.0).is_none() && !self.doc.in_boilerplate(Span::new(h.0, h.1)))
            .collect();
        // 2. cues: sources first (their noun phrases hide the words inside them)
        let mut np_regions: Vec<Span> = vec![];
        for &(s, e, p) in &hits {
            match p {
                Pat::Source | Pat::WeakSource => {
                    if let Some(cue) = self.source_cue(s, e, p == Pat::WeakSource) {
                        np_regions.push(cue.np.unwrap());
                        self.cues.push(cue);
                    }
                }
                Pat::RelSource => {
                    let (_, se) = self.sentence(s);
                    let ce = self.clause_end(e, se);
                    if ce > e {
                        let (a, b) = trim_span(self.t, e, ce, &[]);
                        self.cues.push(Cue { kind: CueKind::RelSource, span: Span::new(s, e), inverted: None, np: None, clause: Some(Span::new(a, b)), channel: false, speaker: None, speaker_span: None });
                    }
                }
                _ => {}
            }
        }
        for &(s, e, p) in &hits {
            if np_regions.iter().any(|r| r.start <= s && e <= r.end) {
                continue;
            }
            match p {
                Pat::Verb => {
                    if let Some(cue) = self.verb_cue(s, e) {
                        self.cues.push(cue);
                    }
                }
                Pat::Participle => {
                    if let Some(cue) = self.participle_cue(s, e) {
                        self.cues.push(cue);
                    }
                }
                _ => {}
            }
        }
        self.cues.sort_by_key(|c| c.span.start);
        self.cues.dedup_by_key(|c| c.span.start);
        // a source whose clause has its own verb cue is a channel
        for i in 0..self.cues.len() {
            if let (CueKind::Source { .. }, Some(cl)) = (self.cues[i].kind, self.cues[i].clause) {
                let own = self.cues.iter().any(|o| matches!(o.kind, CueKind::Verb { .. } | CueKind::Participle) && cl.start <= o.span.start && o.span.end <= cl.end + 1);
                // "X a déclaré…, selon Y": the verb before a postposed source
                self.cues[i].channel = own;
            }
        }
        // 3. speakers, in text order (pronouns refer back)
        for i in 0..self.cues.len() {
            let (sp, span) = self.resolve_cue(i);
            if let (Some(r), Some(s)) = (&sp, span) {
                if self.is_person(r, s) {
                    self.history.push((s.start, r.clone()));
                }
            }
            self.cues[i].speaker = sp;
            self.cues[i].speaker_span = span;
        }
        // 4. quotes
        self.build()
    }

    // -- quotation marks ---------------------------------------------------------------

    fn pair_marks(&mut self, hits: &[(usize, usize, Pat)]) {
        let t = self.t;
        let mut stack: Vec<(usize, usize, char)> = vec![]; // (open byte, pair idx, char)
        for &(s, e, p) in hits {
            let Pat::Mark(ch) = p else { continue };
            let (opens, closes) = &self.c.marks[&ch];
            let prev = t[..s].chars().next_back();
            let next = t[e..].chars().next();
            let letter_before = prev.is_some_and(|c| c.is_alphanumeric());
            let letter_after = next.is_some_and(|c| c.is_alphanumeric());
            // a closer for the innermost open pair?
            if let Some(&(o, pi, _)) = stack.last() {
                if closes.contains(&pi) {
                    let same = self.c.lex.marks[pi].0 == self.c.lex.marks[pi].1;
                    // symmetric marks and ’ close only when not glued to a following letter
                    let apostrophe_like = ch == '’' && letter_before && letter_after;
                    let ok = !apostrophe_like && (!same || !letter_after || prev.is_some_and(|c| !is_space(c)));
                    if ok {
                        stack.pop();
                        if stack.is_empty() {
                            let (a, b) = trim_span(t, e.min(s), s, &[]);
                            let (a, b) = trim_span(t, o + t[o..].chars().next().map_or(1, |c| c.len_utf8()), b.max(a), &[]);
                            if b > a && s - o < 6000 {
                                self.pairs.push(Pair { open: o, close: s, content: Span::new(a, b) });
                            }
                        }
                        continue;
                    }
                }
            }
            if opens.is_empty() || ch == '’' {
                continue;
            }
            // an opener: not glued to a preceding letter (apostrophes, inch marks)
            if letter_before || next.map_or(true, is_space) {
                // « followed by a space is fine in French typography
                if !(ch == '«' && !letter_before) {
                    continue;
                }
            }
            let pi = opens[0];
            if let Some(&(o, top, _)) = stack.last() {
                // a paragraph starting with the same opener continues the open quote
                if top == pi && t[o..s].contains('\n') {
                    continue;
                }
                // symmetric marks do not nest
                if self.c.lex.marks[pi].0 == self.c.lex.marks[pi].1 && top == pi {
                    continue;
                }
            }
            // a symmetric mark left open at a paragraph break was not a quote
            if let Some(&(o, top, _)) = stack.first() {
                if self.c.lex.marks[top].0 == self.c.lex.marks[top].1 && t[o..s].contains('\n') {
                    stack.clear();
                }
            }
            if stack.len() < 4 {
                stack.push((s, pi, ch));
            }
        }
        self.pairs.sort_by_key(|p| p.open);
    }

    // -- cues --------------------------------------------------------------------------

    fn is_det(&self, w: &str) -> bool {
        self.c.dets.contains(w)
    }

    fn source_cue(&self, s: usize, e: usize, weak: bool) -> Option<Cue> {
        let t = self.t;
        let (ss, se) = self.sentence(s);
        let after = fold(&t[e..floor_char(t, se.min(e + 24))]);
        let after = after.trim_start();
        if self.c.not_sources.iter().any(|n| after.starts_with(n.as_str()) && after[n.len()..].chars().next().map_or(true, |c| !c.is_alphanumeric())) {
            return None;
        }
        // the source noun phrase: up to the next comma or clause punctuation or quote
        let mut np_end = se;
        for (i, ch) in t[e..se].char_indices() {
            if matches!(ch, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '\n') || self.c.marks.contains_key(&ch) {
                np_end = e + i;
                break;
            }
        }
        let (na, nb) = trim_span(t, e, np_end, &[]);
        if nb <= na {
            return None;
        }
        let np = Span::new(na, nb);
        let np_words = words_in(t, na, nb);
        if np_words.len() > 14 {
            return None;
        }
        let after_np = &t[nb..se];
        let followed_by_comma = after_np.trim_start().starts_with(',');
        let before_words = words_in(t, ss, s).iter().filter(|w| w.word).count();
        let before_trim = t[ss..s].trim_end_matches(is_space);
        let sentence_initial = before_words == 0 || (before_trim.ends_with(',') && before_words <= 4);
        if weak {
            // "Pour X, …" only sentence-initially, before a pronoun, a name or a source noun
            if !(sentence_initial && followed_by_comma && np_words.len() <= 6) {
                return None;
            }
            let ok = np_words.iter().any(|w| {
                let l = lower(t, *w);
                self.c.lex.pronouns.get(&l).is_some_and(|g| *g != 'x') || self.c.speaker_nouns.contains(&l)
            }) || self.entities_in(na, nb).any(|i| matches!(self.doc.entities[i].label, EntityType::PER | EntityType::ORG));
            if !ok {
                return None;
            }
        }
        let clause;
        let pre = sentence_initial && followed_by_comma;
        if pre {
            let cs = nb + after_np.find(',').unwrap() + 1;
            let ce = self.clause_end(cs, se);
            let (a, b) = trim_span(t, cs, ce, &[]);
            clause = (b > a).then(|| Span::new(a, b));
        } else {
            // "CLAUSE, selon X": the clause before the comma
            if !before_trim.ends_with(',') {
                return None;
            }
            let cs = self.clause_start(ss, s);
            let (a, b) = trim_span(t, cs, ss + before_trim.len() - 1, &[]);
            clause = (b > a).then(|| Span::new(a, b));
        }
        Some(Cue { kind: CueKind::Source { pre }, span: Span::new(s, e), inverted: None, np: Some(np), clause, channel: false, speaker: None, speaker_span: None })
    }

    /// Inverted subject pronoun glued to a verb: "-t-il", "-elle".
    fn inverted_after(&self, e: usize) -> Option<(char, usize)> {
        let window = &self.t[e..floor_char(self.t, self.t.len().min(e + 12))];
        let (skip, rest) = if let Some(r) = window.strip_prefix("-t-") { (3, r) } else { (1, window.strip_prefix('-')?) };
        let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if rest[w.len()..].chars().next().is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        let g = *self.c.lex.pronouns.get(&fold(&w))?;
        Some((g, e + skip + w.len()))
    }

    fn verb_cue(&self, s: usize, e: usize) -> Option<Cue> {
        let t = self.t;
        let (ss, se) = self.sentence(s);
        // a determiner right before makes the form a noun ("l'annonce", "le juge")
        if let Some(w) = prev_tok(t, s, ss) {
            if w.word && self.is_det(&lower(t, w)) {
                return None;
            }
        }
        // a passive ("est jugé", "is considered") is not speech
        if let Some(w) = prev_tok(t, s, ss) {
            let reflexive = t[..w.s].ends_with(['\'', '’']);
            if w.word && !reflexive && self.c.lex.set("passives").contains(&lower(t, w)) {
                return None;
            }
        }
        let mut start = s;
        let mut inverted = None;
        // auxiliary within four words before, inside the same clause
        let mut p = s;
        for _ in 0..4 {
            let Some(w) = prev_tok(t, p, ss) else { break };
            if !w.word {
                break;
            }
            let l = lower(t, w);
            if self.c.aux.contains(&l) {
                start = w.s;
                break;
            }
            if let Some((head, _)) = l.split_once('-') {
                if self.c.aux.contains(head) {
                    if let Some((g, _)) = self.inverted_after(w.s + head.len()) {
                        inverted = Some(g);
                        start = w.s;
                        break;
                    }
                }
            }
            if let Some(g) = self.c.lex.pronouns.get(&l) {
                // "il a dit": stop at the subject
                let _ = g;
                break;
            }
            p = w.s;
        }
        let mut end = e;
        if let Some((g, pe)) = self.inverted_after(e) {
            inverted = Some(g);
            end = pe;
        }
        let before = fold(t[ss..start].trim_end_matches(is_space));
        let prefixed = self.c.postposed.iter().any(|pp| {
            let pp = pp.trim_end();
            before.ends_with(pp) && {
                let k = before.len() - pp.len();
                k == 0 || !before[..k].chars().next_back().is_some_and(|c| c.is_alphanumeric())
            }
        });
        let after_comma = before.ends_with(',') || before.chars().next_back().is_some_and(|c| self.c.lex.marks.iter().any(|m| m.1 == c));
        // complement: complementizer (or infinitive) within ten words, same clause
        let mut clause = None;
        let mut q = end;
        for k in 0..10 {
            let Some(w) = next_tok(t, q, se) else { break };
            if !w.word {
                if t[w.s..w.e] == *"," {
                    q = w.e;
                    continue;
                }
                break;
            }
            let l = lower(t, w);
            if self.c.participles.contains(&l) || (k > 0 && self.c.verbs.contains(&l)) {
                break;
            }
            if self.c.comp.contains(&l) {
                let ce = self.clause_end(w.e, se);
                let (a, b) = trim_span(t, w.e, ce, &[]);
                if b > a {
                    clause = Some(Span::new(a, b));
                }
                break;
            }
            if k == 0 && !inverted.is_some() && self.is_infinitive(w) {
                let ce = self.clause_end(w.s, se);
                let (a, b) = trim_span(t, w.s, ce, &[]);
                if b > a {
                    clause = Some(Span::new(a, b));
                }
                break;
            }
            if self.c.pronouns_contains(&l) && k == 0 {
                // "a-t-il dit" handled above; "dit-il"
            }
            q = w.e;
        }
        let mut post = false;
        if clause.is_none() && (inverted.is_some() || prefixed || after_comma) {
            post = inverted.is_some() || prefixed || self.subject_after(end, se).is_some();
        }
        if post {
            // content before: up to the comma (or the closing mark) before the cue
            let mut ce = ss + t[ss..start].trim_end_matches(is_space).len();
            if prefixed {
                // drop the prefix words ("comme l'")
                let raw = t[ss..start].trim_end_matches(is_space);
                let folded = fold(raw);
                let pp = self.c.postposed.iter().filter(|pp| folded.ends_with(pp.trim_end())).map(|pp| pp.trim_end().len()).max().unwrap_or(0);
                ce = ss + raw.len();
                let mut k = ce;
                let mut n = 0;
                while n < pp && k > ss {
                    let ch = t[..k].chars().next_back().unwrap();
                    k -= ch.len_utf8();
                    n += fold(&ch.to_string()).len();
                }
                ce = k;
            }
            let cs = self.clause_start(ss, ce);
            let (a, b) = trim_span(t, cs, ce, &[',']);
            clause = (b > a).then(|| Span::new(a, b));
        }
        Some(Cue { kind: CueKind::Verb { post }, span: Span::new(start, end), inverted, np: None, clause, channel: false, speaker: None, speaker_span: None })
    }

    fn is_infinitive(&self, w: W) -> bool {
        let l = lower(self.t, w);
        if self.c.inf_leads.iter().any(|x| x.split(' ').next() == Some(l.as_str())) {
            return true;
        }
        let first_lower = self.t[w.s..].chars().next().is_some_and(|c| c.is_lowercase());
        first_lower
            && l.chars().count() >= 5
            && !self.c.preps.contains(&l)
            && self.c.inf_endings.iter().any(|x| l.ends_with(x.as_str()))
            && !self.doc.timexes.iter().any(|x| x.span.start <= w.s && w.e <= x.span.end)
    }

    fn participle_cue(&self, s: usize, e: usize) -> Option<Cue> {
        let t = self.t;
        let (_, se) = self.sentence(s);
        let mut q = e;
        for _ in 0..4 {
            let w = next_tok(t, q, se)?;
            if !w.word {
                return None;
            }
            if self.c.comp.contains(&lower(t, w)) {
                let ce = self.clause_end(w.e, se);
                let (a, b) = trim_span(t, w.e, ce, &[]);
                return (b > a).then(|| Cue { kind: CueKind::Participle, span: Span::new(s, e), inverted: None, np: None, clause: Some(Span::new(a, b)), channel: false, speaker: None, speaker_span: None });
            }
            q = w.e;
        }
        None
    }

    /// Start of the content of a postposed cue: the sentence start, after a preposed source
    /// phrase or a semicolon, without leading connectives.
    fn clause_start(&self, ss: usize, limit: usize) -> usize {
        let t = self.t;
        let mut a = ss;
        if let Some(i) = t[ss..limit].rfind(';') {
            a = ss + i + 1;
        }
        for c in &self.cues {
            if let (CueKind::Source { pre: true }, Some(np)) = (c.kind, c.np) {
                if a <= c.span.start && np.end < limit {
                    if let Some(i) = t[np.end..limit].find(',') {
                        a = np.end + i + 1;
                    }
                }
            }
        }
        // skip leading connectives and a dateline in parentheses
        loop {
            let Some(w) = next_tok(t, a, limit) else { break };
            if w.word && self.c.leading.contains(&lower(t, w)) {
                a = w.e;
                if let Some(n) = next_tok(t, a, limit) {
                    if !n.word && &t[n.s..n.e] == "," {
                        a = n.e;
                    }
                }
                continue;
            }
            break;
        }
        a
    }

    /// End of a reported clause starting at `a` inside a sentence ending at `se`.
    fn clause_end(&self, a: usize, se: usize) -> usize {
        let t = self.t;
        let mut depth = 0i32;
        let mut it = t[a..se].char_indices().peekable();
        while let Some((i, ch)) = it.next() {
            let p = a + i;
            let pair = if self.c.marks.contains_key(&ch) {
                let k = self.pairs.partition_point(|q| q.open < p);
                self.pairs.get(k).filter(|q| q.open == p)
            } else {
                None
            };
            if let Some(pair) = pair {
                // skip over a quotation; ", " right after it ends the clause
                let close_len = t[pair.close..].chars().next().map_or(1, |c| c.len_utf8());
                let after = pair.close + close_len;
                if after >= se {
                    return se.min(after).max(p);
                }
                let rest = t[after..se].trim_start_matches(is_space);
                if rest.starts_with(',') {
                    return after;
                }
                while let Some(&(j, _)) = it.peek() {
                    if a + j < after {
                        it.next();
                    } else {
                        break;
                    }
                }
                continue;
            }
            match ch {
                '(' => depth += 1,
                ')' => depth -= 1,
                ';' | ':' if depth <= 0 => return p,
                '—' | '–' if depth <= 0 && t[..p].ends_with(' ') => return p,
                ',' if depth <= 0 => {
                    let rest = fold(t[p + 1..floor_char(t, se.min(p + 40))].trim_start_matches(is_space));
                    let brk = self.c.breakers.iter().any(|b| rest.starts_with(b.as_str()) && rest[b.len()..].chars().next().map_or(true, |c| !c.is_alphanumeric()));
                    // a postposed cue ends the clause too
                    let cue_next = self.cues.iter().any(|c| c.span.start > p && c.span.start <= p + 4 && t[p + 1..c.span.start].trim_matches(is_space).is_empty());
                    if brk || cue_next || self.postposed_verb_at(p + 1, se) {
                        return p;
                    }
                }
                _ => {}
            }
        }
        // drop the final punctuation
        let (_, b) = trim_span(t, a, se, &['.', '!', '?', '…']);
        b.max(a)
    }

    /// A reporting verb (with its auxiliary) right at `p`, followed by an inverted subject.
    fn postposed_verb_at(&self, p: usize, se: usize) -> bool {
        let t = self.t;
        let Some(w) = next_tok(t, p, se) else { return false };
        if !w.word {
            return false;
        }
        let l = lower(t, w);
        let head = l.split('-').next().unwrap_or("");
        if self.c.aux.contains(head) || self.c.aux.contains(&l) {
            if l.contains('-') {
                return true;
            }
            if let Some(n) = next_tok(t, w.e, se) {
                let nl = lower(t, n);
                return self.c.verbs.contains(&nl) && self.subject_after(n.e, se).is_some();
            }
            return false;
        }
        let v = self.c.verbs.contains(&l) || self.c.verbs.contains(head) || self.c.participles.contains(&l) || self.c.participles.contains(head);
        v && (l.contains('-') || self.c.participles.contains(&l))
    }

    // -- speakers ----------------------------------------------------------------------

    fn entities_in(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        let ents = &self.doc.entities;
        let i = ents.partition_point(|e| e.span.start < a);
        (i..ents.len()).take_while(move |&j| ents[j].span.start < b).filter(move |&j| ents[j].span.end <= b && ents[j].label != EntityType::MISC)
    }

    /// True when the word before the entity (articles skipped) is a preposition.
    fn prepositional(&self, e: Span, floor: usize) -> bool {
        let mut p = e.start;
        for _ in 0..2 {
            let Some(w) = prev_tok(self.t, p, floor) else { return false };
            if !w.word {
                return false;
            }
            let l = lower(self.t, w);
            if self.c.preps.contains(&l) {
                return true;
            }
            if !self.is_det(&l) {
                return false;
            }
            p = w.s;
        }
        false
    }

    /// A person's ref from the KB when the entity's span stops one word short of a known
    /// name ("Kim Jong" + "un"), or is itself a known name the linker missed.
    fn repaired(&self, i: usize) -> Option<String> {
        let kb = self.kb?;
        let e = &self.doc.entities[i];
        let surface = self.doc.slice(e.span);
        let person = |name: &str| kb.lookup_strict(name).into_iter().find(|c| c.actor.kind == ActorKind::Person).map(|c| c.actor.id.clone());
        if let Some(w) = next_tok(self.t, e.span.end, self.t.len().min(e.span.end + 40)) {
            if w.word && w.s - e.span.end <= 1 {
                if let Some(r) = person(&self.t[e.span.start..w.e]) {
                    return Some(r);
                }
            }
        }
        (e.label == EntityType::PER).then(|| person(surface)).flatten()
    }

    /// True when `r` is a ref the knowledge base knows (always true without a KB).
    fn known(&self, r: &str) -> bool {
        self.kb.map_or(true, |kb| kb.get(r).is_some())
    }

    /// The ref of entity `i`, with short forms resolved to an earlier full name ("M. Kim")
    /// and names cut short by the recognizer repaired from the KB.
    fn entity_ref(&self, i: usize) -> Option<String> {
        if let Some(r) = self.refs.borrow().get(&i) {
            return r.clone();
        }
        let r = self.entity_ref_uncached(i);
        self.refs.borrow_mut().insert(i, r.clone());
        r
    }

    fn entity_ref_uncached(&self, i: usize) -> Option<String> {
        let e = &self.doc.entities[i];
        let surface = self.doc.slice(e.span);
        let r = e.reference.clone();
        if r.as_deref().is_some_and(|r| self.known(r)) && e.label == EntityType::PER {
            return r;
        }
        if let Some(x) = self.repaired(i) {
            return Some(x);
        }
        let single = !surface.contains(|c: char| is_space(c) || c == '-');
        let honorific = prev_tok(self.t, e.span.start, 0).is_some_and(|w| {
            // "M." ends with a dot token: look one further
            let ww = if !w.word && &self.t[w.s..w.e] == "." { prev_tok(self.t, w.s, 0) } else { Some(w) };
            ww.is_some_and(|ww| ww.word && self.kb.is_some_and(|kb| kb.is_honorific(&self.t[ww.s..w.e])))
        });
        let unknown = r.as_deref().map_or(true, |r| !self.known(r));
        if (e.label == EntityType::PER || honorific) && (unknown || (single && e.label != EntityType::PER)) {
            let key = fold(surface);
            for j in (0..i).rev() {
                let f = &self.doc.entities[j];
                if f.label != EntityType::PER || f.reference.is_none() {
                    continue;
                }
                let fs = fold(self.doc.slice(f.span));
                let same_ref = f.reference == r && r.is_some();
                if same_ref || (single && fs != key && fs.split(|c: char| is_space(c) || c == '-').any(|tok| tok == key)) {
                    if let Some(x) = self.repaired(j) {
                        return Some(x);
                    }
                    if f.reference.as_deref().is_some_and(|x| self.known(x)) {
                        return f.reference.clone();
                    }
                }
            }
        }
        r
    }

    /// True when the speaker mention is a person (for pronoun antecedents).
    fn is_person(&self, r: &str, span: Span) -> bool {
        if let Some(a) = self.kb.and_then(|kb| kb.get(r)) {
            return a.kind == ActorKind::Person;
        }
        let i = self.doc.entities.partition_point(|e| e.span.end <= span.start);
        self.doc.entities.get(i).is_some_and(|e| e.span.overlap(&span) > 0 && e.label == EntityType::PER)
    }

    fn pronoun_speaker(&self, g: char, pos: usize) -> Option<String> {
        if g == 'x' {
            return None;
        }
        if let Some((p, r)) = self.history.iter().rev().find(|(p, _)| *p < pos) {
            if pos - p < 1500 {
                return Some(r.clone());
            }
        }
        let i = self.doc.entities.partition_point(|e| e.span.start < pos);
        (0..i).rev().find(|&j| self.doc.entities[j].label == EntityType::PER && self.doc.entities[j].reference.is_some()).and_then(|j| self.entity_ref(j))
    }

    /// Resolve a noun phrase to a ref: KB name, entity, title, apposition, nationality.
    fn resolve_np(&self, a: usize, b: usize, allow_prep: bool) -> Option<(String, Span)> {
        let t = self.t;
        let ws = words_in(t, a, b);
        let mut core = a;
        let mut k = 0;
        while k < ws.len() && ws[k].word && self.is_det(&lower(t, ws[k])) {
            k += 1;
        }
        let mut channel = false;
        if k < ws.len() && ws[k].word && self.c.channels.contains(&lower(t, ws[k])) {
            channel = true;
            // the issuer: after the first "de/du/des/d'"
            if let Some(d) = ws[k..].iter().find(|w| w.word && matches!(lower(t, **w).as_str(), "de" | "du" | "des" | "d'" | "of" | "from" | "by")) {
                core = d.e;
            }
        } else if k < ws.len() {
            core = ws[k].s;
        }
        let allow_prep = allow_prep || channel;
        let (ca, cb) = trim_span(t, core, b, &[]);
        if cb <= ca {
            return None;
        }
        if let Some(kb) = self.kb {
            let text = &t[ca..cb];
            if text.len() < 80 && ws.len() - k <= 7 {
                if let Some(c) = kb.lookup_strict(text).first() {
                    if matches!(c.actor.kind, ActorKind::Org | ActorKind::Country | ActorKind::Person) {
                        return Some((c.actor.id.clone(), Span::new(ca, cb)));
                    }
                }
            }
        }
        let ents: Vec<usize> = self.entities_in(ca, cb).collect();
        if let Some(&i) = ents.iter().find(|&&i| !self.prepositional(self.doc.entities[i].span, a)) {
            if let Some(r) = self.entity_ref(i) {
                return Some((r, self.doc.entities[i].span));
            }
        }
        if let Some(kb) = self.kb {
            let text = &t[a..b];
            if text.len() < 100 {
                if let Some(m) = kb.resolve_title(text, self.doc.dct()) {
                    if let Some(h) = m.holder {
                        return Some((h, Span::new(ca, cb)));
                    }
                }
            }
        }
        // "le ministre": the latest person given that title in an apposition
        let head = ws.get(k).filter(|w| w.word).map(|w| lower(t, *w));
        if let Some(h) = head.as_deref().filter(|h| self.c.speaker_nouns.contains(*h)) {
            let i = self.doc.entities.partition_point(|e| e.span.start < a);
            for j in (0..i).rev() {
                let e = &self.doc.entities[j];
                if e.label != EntityType::PER || e.reference.is_none() {
                    continue;
                }
                let lo = e.span.start.saturating_sub(60);
                let hi = (e.span.end + 60).min(t.len());
                let (lo, hi) = (floor_char(t, lo), floor_char(t, hi));
                let win = fold(&t[lo..hi]);
                if win.split(|c: char| !c.is_alphanumeric() && c != '-').any(|x| x == h) {
                    return self.entity_ref(j).map(|r| (r, e.span));
                }
            }
        }
        if allow_prep {
            if let Some(&i) = ents.first() {
                if let Some(r) = self.entity_ref(i) {
                    return Some((r, self.doc.entities[i].span));
                }
            }
        }
        if let Some(kb) = self.kb {
            for w in ws.iter().filter(|w| w.word) {
                if let Some(code) = kb.country_of_adjective(&t[w.s..w.e]) {
                    return Some((code.to_string(), Span::new(ca, cb)));
                }
            }
        }
        None
    }

    /// The subject of a preposed cue starting at `cs` in a clause starting at `floor`.
    fn subject_before(&self, floor: usize, cs: usize) -> Option<(String, Span)> {
        let t = self.t;
        // pronoun or relative right before
        if let Some(w) = prev_tok(t, cs, floor) {
            if w.word {
                let l = lower(t, w);
                let after_prep = prev_tok(t, w.s, floor).is_some_and(|p| p.word && self.c.preps.contains(&lower(t, p)));
                if let (Some(&g), false) = (self.c.lex.pronouns.get(&l), after_prep) {
                    return self.pronoun_speaker(g, w.s).map(|r| (r, Span::new(w.s, w.e)));
                }
            }
        }
        // the segment after the last comma (not inside an apposition)
        let seg_start = t[floor..cs].rfind([',', '(', ')']).map(|i| floor + i + 1).unwrap_or(floor);
        let in_region = |s: Span| self.in_pair(s.start).is_some() || self.cues.iter().any(|c| c.np.is_some_and(|np| np.start <= s.start && s.end <= np.end));
        let seg_ents: Vec<usize> = self.entities_in(seg_start, cs).filter(|&i| !in_region(self.doc.entities[i].span)).collect();
        if let Some(&i) = seg_ents.iter().rev().find(|&&i| !self.prepositional(self.doc.entities[i].span, floor)) {
            if let Some(r) = self.entity_ref(i) {
                return Some((r, self.doc.entities[i].span));
            }
        }
        let (sa, sb) = trim_span(t, seg_start, cs, &[]);
        let seg_words = words_in(t, sa, sb);
        if sb > sa && seg_words.len() <= 8 && seg_words.first().is_some_and(|w| w.word && self.is_det(&lower(t, *w))) {
            if let Some(x) = self.resolve_np(sa, sb, false) {
                return Some(x);
            }
        }
        // "X, ministre de…, a déclaré": the rightmost subject-like entity in the clause
        let all: Vec<usize> = self.entities_in(floor, cs).filter(|&i| !in_region(self.doc.entities[i].span)).collect();
        if let Some(&i) = all.iter().rev().find(|&&i| !self.prepositional(self.doc.entities[i].span, floor)) {
            if let Some(r) = self.entity_ref(i) {
                return Some((r, self.doc.entities[i].span));
            }
        }
        if sb > sa && seg_words.len() <= 8 {
            return self.resolve_np(sa, sb, false);
        }
        None
    }

    /// The inverted subject after a postposed cue ending at `e`.
    fn subject_after(&self, e: usize, se: usize) -> Option<(String, Span)> {
        let t = self.t;
        // stop at a source phrase or the second comma
        let mut end = se;
        let mut commas = 0;
        for (i, ch) in t[e..se].char_indices() {
            if ch == ',' || ch == ';' || ch == '(' {
                commas += 1;
                if commas == 2 || ch != ',' {
                    end = e + i;
                    break;
                }
            }
        }
        for c in &self.cues {
            if c.span.start > e && c.span.start < end {
                end = c.span.start;
            }
        }
        let first = t[e..end].find(',').map(|i| e + i).unwrap_or(end);
        let ws = words_in(t, e, first);
        if ws.is_empty() || ws.len() > 12 {
            return None;
        }
        if let Some(&i) = self.entities_in(e, first).collect::<Vec<_>>().iter().find(|&&i| !self.prepositional(self.doc.entities[i].span, e)) {
            if let Some(r) = self.entity_ref(i) {
                return Some((r, self.doc.entities[i].span));
            }
        }
        // skip adverbials up to a determiner: "a déclaré lundi le ministre"
        let np_start = ws.iter().find(|w| w.word && (self.is_det(&lower(t, **w)) || self.c.speaker_nouns.contains(&lower(t, **w)))).map(|w| w.s);
        if let Some(ns) = np_start {
            if let Some(x) = self.resolve_np(ns, first, false) {
                return Some(x);
            }
        }
        // the apposition after the comma: "le porte-parole du Kremlin, Dmitri Peskov"
        if first < end && np_start.is_some() {
            if let Some(&i) = self.entities_in(first, end).collect::<Vec<_>>().first() {
                if self.doc.entities[i].label == EntityType::PER {
                    return self.entity_ref(i).map(|r| (r, self.doc.entities[i].span));
                }
            }
        }
        None
    }

    fn resolve_cue(&self, i: usize) -> (Option<String>, Option<Span>) {
        let c = &self.cues[i];
        let (ss, se) = self.sentence(c.span.start);
        if let Some(g) = c.inverted {
            return (self.pronoun_speaker(g, c.span.start), None);
        }
        let split = |x: Option<(String, Span)>| match x {
            Some((r, s)) => (Some(r), Some(s)),
            None => (None, None),
        };
        match c.kind {
            CueKind::Source { .. } => {
                let np = c.np.unwrap();
                // a pronoun source ("selon lui", "pour elle")
                let ws = words_in(self.t, np.start, np.end);
                if ws.len() == 1 {
                    if let Some(&g) = self.c.lex.pronouns.get(&lower(self.t, ws[0])) {
                        return (self.pronoun_speaker(g, np.start), Some(np));
                    }
                }
                split(self.resolve_np(np.start, np.end, false))
            }
            CueKind::RelSource => {
                // the noun phrase before: "des avertissements du nord, selon lesquels"
                let seg_end = self.t[ss..c.span.start].trim_end_matches([' ', ',']).len() + ss;
                let seg_start = self.t[ss..seg_end].rfind(',').map(|k| ss + k + 1).unwrap_or(ss);
                split(self.resolve_np(seg_start, seg_end, true))
            }
            CueKind::Participle => {
                // the subject of the main clause: the latest cue of the sentence, else the subject
                if let Some(p) = self.cues[..i].iter().rev().find(|p| p.span.start >= ss && matches!(p.kind, CueKind::Verb { .. })) {
                    if p.speaker.is_some() {
                        return (p.speaker.clone(), p.speaker_span);
                    }
                }
                split(self.subject_before(self.floor(ss, c.span.start), c.span.start))
            }
            CueKind::Verb { post } => {
                if post {
                    if let Some(x) = self.subject_after(c.span.end, se) {
                        return split(Some(x));
                    }
                }
                split(self.subject_before(self.floor(ss, c.span.start), c.span.start))
            }
        }
    }

    /// Where the subject search for a cue at `pos` starts: the sentence, after a preposed
    /// source phrase and after the previous cue's clause.
    fn floor(&self, ss: usize, pos: usize) -> usize {
        let mut f = ss;
        for c in &self.cues {
            if c.span.start >= pos || c.span.start < ss {
                continue;
            }
            if let (CueKind::Source { pre: true }, Some(np)) = (c.kind, c.np) {
                if let Some(k) = self.t[np.end..pos].find(',') {
                    f = f.max(np.end + k + 1);
                }
            }
        }
        f
    }

    // -- quotes ------------------------------------------------------------------------

    fn is_title(&self, p: &Pair) -> bool {
        let t = self.t;
        if let Some(w) = prev_tok(t, p.open, 0) {
            if w.word && self.c.title_nouns.contains(&lower(t, w)) {
                return true;
            }
        }
        let ws: Vec<W> = words_in(t, p.content.start, p.content.end).into_iter().filter(|w| w.word).collect();
        !ws.is_empty()
            && ws.len() <= 4
            && ws.iter().all(|w| {
                let s = &t[w.s..w.e];
                let l = fold(s);
                s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()) || self.is_det(&l) || self.c.preps.contains(&l)
            })
            && t[ws[0].s..].chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// A short quotation inside a dash-delimited intertitle ("- Etats-Unis : poussées
    /// « préoccupantes » -"), which news wires glue to the paragraphs around them.
    fn in_heading(&self, p: &Pair) -> bool {
        let t = self.t;
        let lo = floor_char(t, p.open.saturating_sub(60));
        let hi = floor_char(t, (p.close + 60).min(t.len()));
        let before = &t[lo..p.open];
        let after = &t[p.close..hi];
        let Some(b) = before.rfind("- ").or_else(|| before.rfind(" -")) else { return false };
        let seg = &before[b..];
        if seg.contains(['.', '!', '?', '»', '"', '”']) && !seg.ends_with(['"', '«', '“']) {
            return false;
        }
        let head_start = lo + b;
        let line_start = head_start == 0 || t[..head_start].ends_with(['.', '\n', '"', '»', '-']) || t[..head_start].trim_end_matches(is_space).ends_with(['.', '\n']);
        let close_len = t[p.close..].chars().next().map_or(1, |c| c.len_utf8());
        let rest = &after[close_len.min(after.len())..];
        let dash_after = rest.find(" -").or_else(|| rest.find("- ")).is_some_and(|k| !rest[..k].contains(['.', ',', ';']));
        line_start && dash_after
    }

    /// A lowercase quotation that continues its sentence's predicate ("M. Kim a quant à lui
    /// « insisté sur… »"): not after an article or preposition (a quoted term, a legal
    /// charge) and with a subject before it.
    fn clause_like(&self, p: &Pair, ss: usize) -> bool {
        let t = self.t;
        let Some(w) = prev_tok(t, p.open, ss) else { return false };
        if w.word {
            let l = lower(t, w);
            if self.is_det(&l) || self.c.preps.contains(&l) || self.c.comp.contains(&l) {
                return false;
            }
        }
        self.subject_before(ss, p.open).is_some()
    }

    fn quote(&self, span: Span, kind: QuoteKind, cue: Option<&Cue>) -> Quote {
        Quote {
            span,
            kind,
            speaker: cue.and_then(|c| c.speaker.clone()),
            speaker_span: cue.and_then(|c| c.speaker_span),
            cue: cue.map(|c| self.t[c.span.start..c.span.end].to_string()),
            cue_span: cue.map(|c| c.span),
        }
    }

    fn build(&self) -> Vec<Quote> {
        let t = self.t;
        let mut out: Vec<Quote> = vec![];
        // reported clauses
        let mut clauses: Vec<(Span, usize)> = vec![];
        for (i, c) in self.cues.iter().enumerate() {
            let Some(cl) = c.clause else { continue };
            if c.channel || self.doc.in_boilerplate(cl) {
                continue;
            }
            if words_in(t, cl.start, cl.end).iter().filter(|w| w.word).count() < 3 {
                continue;
            }
            // a clause that is one quotation is that direct quote
            let (a, b) = trim_span(t, cl.start, cl.end, &[]);
            if self.pairs.iter().any(|p| p.open <= a + 1 && b <= p.close + 4 && p.open + 3 >= a) {
                continue;
            }
            clauses.push((cl, i));
        }
        // keep the outermost clauses
        clauses.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut kept: Vec<(Span, usize)> = vec![];
        for (s, i) in clauses {
            if kept.iter().any(|(k, _)| k.overlap(&s) * 2 > s.len()) {
                continue;
            }
            kept.push((s, i));
        }
        for (s, i) in &kept {
            out.push(self.quote(*s, QuoteKind::Indirect, Some(&self.cues[*i])));
        }
        // quotations
        let mut last_direct: Option<(usize, Option<String>, Option<Span>)> = None;
        for p in &self.pairs {
            if self.doc.in_boilerplate(p.content) {
                continue;
            }
            if let Some((_, i)) = kept.iter().find(|(s, _)| s.start <= p.content.start && p.content.end <= s.end) {
                out.push(self.quote(p.content, QuoteKind::Mixed, Some(&self.cues[*i])));
                continue;
            }
            if self.is_title(p) || self.in_heading(p) {
                continue;
            }
            let (ss, _) = self.sentence(p.open);
            let (_, se) = self.sentence(p.close);
            let close_end = p.close + t[p.close..].chars().next().map_or(1, |c| c.len_utf8());
            // the cue: postposed right after, a source or verb of the sentence before, after
            let right_after = self.cues.iter().find(|c| {
                c.span.start >= close_end && c.span.start <= se && t[close_end..c.span.start].chars().all(|ch| is_space(ch) || ch == ',' || ch == '\u{2026}')
            });
            let source = self.cues.iter().find(|c| matches!(c.kind, CueKind::Source { .. } | CueKind::RelSource) && c.clause.is_some_and(|cl| cl.start <= p.open + 3 && close_end <= cl.end + 3) && !c.channel);
            let before = self.cues.iter().rev().find(|c| c.span.end <= p.open && c.span.start >= ss && matches!(c.kind, CueKind::Verb { .. } | CueKind::Participle));
            let after = self.cues.iter().find(|c| c.span.start >= close_end && c.span.start < se && matches!(c.kind, CueKind::Verb { .. }));
            let colon = {
                let pre = t[..p.open].trim_end_matches(is_space);
                pre.ends_with(':')
            };
            let prev_sentence_cue = if colon && before.is_none() {
                let (ps, _) = self.sentence(t[..p.open].trim_end_matches(is_space).len().saturating_sub(1));
                self.cues.iter().rev().find(|c| c.span.start >= ps && c.span.end <= p.open && matches!(c.kind, CueKind::Verb { .. }))
            } else {
                None
            };
            let cue = right_after.or(source).or(before).or(prev_sentence_cue).or(after);
            let nwords = words_in(t, p.content.start, p.content.end).iter().filter(|w| w.word).count();
            let q = if let Some(c) = cue {
                self.quote(p.content, QuoteKind::Direct, Some(c))
            } else if nwords >= 6 && (colon || t[p.content.start..].chars().next().is_some_and(|c| c.is_uppercase()) || self.clause_like(p, ss)) {
                // a full quotation without a cue: the subject before it, or the previous speaker
                let (sp, span) = match self.subject_before(ss, p.open) {
                    Some((r, s)) => (Some(r), Some(s)),
                    None => match &last_direct {
                        Some((end, sp, span)) if p.open - end < 400 => (sp.clone(), *span),
                        _ => (None, None),
                    },
                };
                Quote { span: p.content, kind: QuoteKind::Direct, speaker: sp, speaker_span: span, cue: None, cue_span: None }
            } else {
                continue;
            };
            last_direct = Some((close_end, q.speaker.clone(), q.speaker_span));
            out.push(q);
        }
        out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
        out
    }
}

fn floor_char(t: &str, mut i: usize) -> usize {
    while i > 0 && !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Compiled {
    fn pronouns_contains(&self, w: &str) -> bool {
        self.lex.pronouns.contains_key(w)
    }
}
