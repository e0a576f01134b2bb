//! The sentence-level event coder.
//!
//! For each sentence: find triggers (longest lexicon match), collect actor candidates (linked
//! entities mapped to countries through the actor KB — people to their country, capitals to
//! theirs — and nationality adjectives), read each candidate's governing preposition, then pick
//! actor and recipient by position and preposition class (subject before a verb, genitive
//! after a noun, "à/avec/contre" for the recipient). Dates come from the sentence's timex
//! nearest the trigger with no other trigger between (relative clauses about something else
//! skipped), else the last date before the trigger in the sentence, else the narrative date of
//! the last three sentences (the same narrative), else null (FORMAT.md: undated is null); a
//! headline takes the lead's date, "cette visite, qui a eu lieu le …" dates the visit told
//! before. `DYADE_EVENT_DATES=dct|carry` switches to the older fallbacks (for measurement);
//! `DYADE_EVENT_TRACE=1` prints each trigger's sides to stderr.

use crate::lexicon::{fold, Entry, Lexicon};
use dyade_actors::{ActorKb, ActorKind};
use dyade_core::{Document, Event, EntityType, Span, TimexType, TokenKind};
use std::collections::HashMap;
use std::sync::Arc;

/// The embedded French lexicon.
pub const FR_LEXICON: &str = include_str!("../../../resources/events/fr.txt");
/// The embedded English lexicon.
pub const EN_LEXICON: &str = include_str!("../../../resources/events/en.txt");

/// PLOVER non-state actor codes an organisation may stand for.
const NON_STATE: &[&str] = &["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"];

/// PLOVER event coder: the `events` pipeline component.
pub struct EventCoder {
    lexicons: HashMap<String, Lexicon>,
    kb: Arc<ActorKb>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prep {
    None,
    To,
    Of,
    By,
    Loc,
    Src,
    Between,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CKind {
    Country,
    Person,
    Org,
    Capital,
    Place,
    Adj,
}

#[derive(Debug, Clone)]
struct Cand {
    /// Token range [s, e) (document token indices).
    s: usize,
    e: usize,
    country: String,
    person: Option<String>,
    kind: CKind,
    /// Place ref for locations (English name).
    place: Option<String>,
    prep: Prep,
}

impl Cand {
    fn actorlike(&self) -> bool {
        self.kind != CKind::Place
    }
}

/// An actor side: country codes with the person when one acts.
type Side = Vec<(String, Option<String>)>;

impl EventCoder {
    /// A coder with the embedded French and English lexicons.
    pub fn new(kb: Arc<ActorKb>) -> Self {
        let mut lexicons = HashMap::new();
        for (lang, text) in [("fr", FR_LEXICON), ("en", EN_LEXICON)] {
            let lex = Lexicon::parse(&format!("resources/events/{lang}.txt"), lang, text).expect("embedded event lexicon parses");
            lexicons.insert(lang.to_string(), lex);
        }
        EventCoder { lexicons, kb }
    }

    /// A coder with the default actor KB.
    pub fn load_default() -> Self {
        Self::new(Arc::new(ActorKb::load_default()))
    }

    /// Add or replace a language's lexicon.
    pub fn with_lexicon(mut self, lex: Lexicon) -> Self {
        self.lexicons.insert(lex.lang.clone(), lex);
        self
    }

    /// The actor KB in use.
    pub fn kb(&self) -> &ActorKb {
        &self.kb
    }

    fn entity_cand(&self, reference: &str, label: EntityType) -> Option<(String, Option<String>, CKind, Option<String>)> {
        match self.kb.get(reference) {
            Some(a) => match a.kind {
                ActorKind::Country => Some((a.id.clone(), None, CKind::Country, Some(a.name.clone()))),
                ActorKind::Person => a.country.clone().map(|c| (c, Some(a.id.clone()), CKind::Person, None)),
                ActorKind::Org => a
                    .agent
                    .clone()
                    .filter(|g| NON_STATE.contains(&g.as_str()))
                    .or_else(|| a.country.clone())
                    .map(|c| (c, None, CKind::Org, None)),
                ActorKind::Place => {
                    let k = if a.subtype == "capital" { CKind::Capital } else { CKind::Place };
                    a.country.clone().map(|c| (c, None, k, Some(a.id.clone())))
                }
                ActorKind::Misc => None,
            },
            None if label == EntityType::LOC && reference.len() == 3 && reference.chars().all(|c| c.is_ascii_uppercase()) => {
                Some((reference.to_string(), None, CKind::Country, None))
            }
            None => None,
        }
    }

    /// The subject of sentence `si` (first person not governed by a preposition, else the
    /// first such actor), for pronoun subjects in the next sentences.
    #[allow(clippy::too_many_arguments)]
    fn subject_of(&self, doc: &Document, si: usize, ents: &[Cand], folded: &[String], punct: &[bool], lex: &Lexicon) -> Option<Side> {
        let r = doc.tokens_in(doc.sentences[si]);
        let cs: Vec<Cand> = ents
            .iter()
            .filter(|c| c.s >= r.start && c.e <= r.end && c.actorlike())
            .map(|c| {
                let mut c = c.clone();
                c.prep = prep_of(&c, folded, punct, lex, r.start);
                c
            })
            .filter(|c| c.prep == Prep::None)
            .collect();
        let c = cs.iter().find(|c| c.person.is_some()).or_else(|| cs.first())?;
        Some(vec![(c.country.clone(), c.person.clone())])
    }

    /// Agent nouns of the actor KB ("police", "rebels", "security forces") as actors: one
    /// after a nationality adjective or a country ("Iraqi police", "Israel's army") extends
    /// that candidate over it; a bare one takes the country of an "in/of <country>" phrase
    /// right after it ("rebels in the Ivory Coast"), which it absorbs. A bare agent noun with
    /// no country in reach is not an actor (its country is unknown).
    #[allow(clippy::too_many_arguments)]
    fn agent_cands(&self, cands: &mut Vec<Cand>, doc: &Document, folded: &[String], punct: &[bool], lex: &Lexicon, r: std::ops::Range<usize>) {
        let mut i = r.start;
        while i < r.end {
            if doc.tokens[i].kind != TokenKind::Word || cands.iter().any(|c| c.s <= i && i < c.e) {
                i += 1;
                continue;
            }
            let two = (i + 1 < r.end && !punct[i + 1]).then(|| format!("{} {}", folded[i], folded[i + 1]));
            let len = if two.as_deref().and_then(|t| self.kb.agent_sector(&lex.lang, t)).is_some() {
                2
            } else if self.kb.agent_sector(&lex.lang, &folded[i]).is_some() {
                1
            } else {
                i += 1;
                continue;
            };
            let e = i + len;
            // a word between the nationality and the noun: modifiers and the possessive
            // "'s", never a preposition, coordination or punctuation other than an apostrophe
            let gap_ok = |j: usize| {
                let w = folded[j].as_str();
                matches!(w, "'" | "’" | "s" | "'s" | "’s") || (!punct[j] && prep_class(lex, w).is_none() && !lex.has("coord", w) && !lex.has("stop", w) && !lex.has("rel", w))
            };
            if let Some(k) = cands.iter().rposition(|c| c.e <= i && i - c.e <= 3 && c.actorlike() && (c.e..i).all(gap_ok)) {
                cands[k].e = e;
                if cands[k].kind == CKind::Adj {
                    cands[k].kind = CKind::Org;
                }
                i = e;
                continue;
            }
            // "rebels in the Ivory Coast", "police of Iraq"
            let mut j = e;
            let mut found: Option<usize> = None;
            if j < r.end && matches!(folded[j].as_str(), "in" | "of" | "from") {
                j += 1;
                while j < r.end && j <= e + 3 && !punct[j] {
                    if let Some(k) = cands.iter().position(|c| c.s == j && c.kind != CKind::Adj) {
                        found = Some(k);
                        break;
                    }
                    j += 1;
                }
            }
            if let Some(k) = found {
                let loc = cands.remove(k);
                cands.push(Cand { s: i, e: loc.e, country: loc.country, person: None, kind: CKind::Org, place: None, prep: Prep::None });
                cands.sort_by_key(|c| c.s);
                i = loc.e;
                continue;
            }
            i = e;
        }
    }

    /// Code the events of `doc`.
    pub fn code(&self, doc: &Document) -> Vec<Event> {
        let lang = doc.meta.lang.as_deref().unwrap_or("fr");
        let Some(lex) = self.lexicons.get(lang) else { return vec![] };
        let text = &doc.text;
        let ntok = doc.tokens.len();
        if ntok == 0 {
            return vec![];
        }
        let folded: Vec<String> = doc.tokens.iter().map(|t| fold(t.norm(text))).collect();
        let punct: Vec<bool> = doc.tokens.iter().map(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Symbol)).collect();
        let dct = doc.dct().map(|d| d.get(..10).unwrap_or(d).to_string());
        let dct_year: Option<i32> = dct.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok());

        // Trigger search first: most sentences have none, and nothing else is computed for them.
        let mut per_sentence: Vec<(usize, Vec<(usize, usize, usize)>)> = vec![];
        for (si, sent) in doc.sentences.iter().enumerate() {
            if doc.in_boilerplate(*sent) {
                continue;
            }
            let r = doc.tokens_in(*sent);
            let mut found: Vec<(usize, usize, usize)> = vec![];
            for i in r.clone() {
                if punct[i] {
                    continue;
                }
                // pattern prefixes are at least PREFIX_KEY long, so shorter tokens only match exactly
                for e in lex.candidates(&folded[i]) {
                    if let Some(end) = lex.match_at(e, &folded[..r.end], &punct[..r.end], i) {
                        found.push((i, end, e));
                    }
                }
            }
            if found.is_empty() {
                continue;
            }
            // longest first, then earliest; drop overlaps
            found.sort_by_key(|&(s, e, idx)| (std::cmp::Reverse(e - s), s, idx));
            let mut kept: Vec<(usize, usize, usize)> = vec![];
            for f in found {
                if kept.iter().all(|k| f.1 < k.0 || f.0 > k.1) {
                    kept.push(f);
                }
            }
            kept.sort();
            per_sentence.push((si, kept));
        }
        if per_sentence.is_empty() {
            return vec![];
        }

        // Document-level: entity candidates and the topic dyad (the two most mentioned
        // countries, in order of first mention), used for "les deux pays" and missing recipients.
        let mut ent_cands: Vec<Cand> = vec![];
        for e in &doc.entities {
            let Some(r) = e.reference.as_deref() else { continue };
            let Some((country, person, kind, place)) = self.entity_cand(r, e.label) else { continue };
            let tr = doc.tokens_in(e.span);
            if tr.is_empty() {
                continue;
            }
            ent_cands.push(Cand { s: tr.start, e: tr.end, country, person, kind, place, prep: Prep::None });
        }
        ent_cands.sort_by_key(|c| c.s);
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for c in &ent_cands {
            if c.kind == CKind::Place || c.country.len() != 3 {
                continue;
            }
            let n = counts.len();
            let x = counts.entry(c.country.as_str()).or_insert((0, n));
            x.0 += 1;
        }
        let mut top: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
        top.sort_by_key(|(_, (n, first))| (std::cmp::Reverse(*n), *first));
        top.truncate(2);
        top.sort_by_key(|(_, (_, first))| *first);
        let dyad: Vec<String> = if top.len() == 2 && top[1].1 .0 >= 2 { top.iter().map(|(c, _)| c.to_string()).collect() } else { vec![] };

        // Calendar timexes (token, value, inside a relative clause): a date in "…, qui
        // commémore … en 1945, …" describes something else and never sets the narrative time.
        let timex_tok: Vec<(usize, String, bool)> = doc
            .timexes
            .iter()
            .filter(|t| matches!(t.ttype, TimexType::DATE | TimexType::TIME))
            .filter_map(|t| {
                let v = calendar_date(&t.value)?;
                let tk = doc.tokens_in(t.span).start;
                let sr = doc.sentences.iter().map(|s| doc.tokens_in(*s)).find(|r| r.contains(&tk)).unwrap_or(tk..tk + 1);
                // a relative clause right after a trigger describes that event and does date it
                let trigs = per_sentence.iter().find(|(_, k)| k.first().is_some_and(|f| sr.contains(&f.0))).map(|(_, k)| k.as_slice()).unwrap_or(&[]);
                let rel = embedded(tk, usize::MAX, usize::MAX, &folded, &punct, lex, sr.start, sr.end)
                    && trigs.iter().all(|&(_, te, _)| embedded(tk, usize::MAX, te, &folded, &punct, lex, sr.start, sr.end));
                Some((tk, v, rel))
            })
            .collect();
        // The headline (first content paragraph: one sentence without final punctuation) is
        // dated like the lead, whose first date is the headline event's date.
        let headline = headline_sentence(doc, &punct);
        let lead_date: Option<String> = headline.and_then(|h| {
            let lo = doc.tokens_in(doc.sentences[h]).end;
            let hi = doc.sentences.get(h + 3).map(|s| doc.tokens_in(*s).end).unwrap_or(ntok);
            timex_tok.iter().find(|(t, _, rel)| *t >= lo && *t < hi && !rel).map(|(_, v, _)| v.clone())
        });
        let policy = date_policy();
        let mut events: Vec<Event> = vec![];
        // parallel to `events`: the date comes from the event's own sentence (not a fallback)
        let mut own_dates: Vec<bool> = vec![];
        for (si, trigs) in per_sentence {
            let sent = doc.sentences[si];
            let r = doc.tokens_in(sent);
            let mut cands: Vec<Cand> = ent_cands.iter().filter(|c| c.s >= r.start && c.e <= r.end).cloned().collect();
            // nationality adjectives and demonyms outside entities
            for i in r.clone() {
                if doc.tokens[i].kind != TokenKind::Word || cands.iter().any(|c| c.s <= i && i < c.e) {
                    continue;
                }
                let w = doc.tokens[i].norm(text);
                if w.len() < 4 {
                    continue;
                }
                if let Some(c) = self.kb.country_of_adjective(w) {
                    cands.push(Cand { s: i, e: i + 1, country: c.to_string(), person: None, kind: CKind::Adj, place: None, prep: Prep::None });
                }
            }
            cands.sort_by_key(|c| c.s);
            self.agent_cands(&mut cands, doc, &folded, &punct, lex, r.clone());
            let cands = merge_cands(cands, &folded, &punct, lex);
            let cands: Vec<Cand> = cands
                .into_iter()
                .map(|mut c| {
                    c.prep = prep_of(&c, &folded, &punct, lex, r.start);
                    c
                })
                .collect();
            let sent_dates: Vec<(usize, String)> = timex_tok.iter().filter(|(t, _, _)| *t >= r.start && *t < r.end).map(|(t, v, _)| (*t, v.clone())).collect();
            // the narrative time: the last date outside relative clauses in an earlier sentence,
            // with the index of the sentence that gave it
            let carried: Option<(String, usize)> = timex_tok
                .iter()
                .filter(|(t, _, rel)| *t < r.start && !rel)
                .last()
                .map(|(t, v, _)| (v.clone(), doc.sentences.iter().position(|s| doc.tokens_in(*s).contains(t)).unwrap_or(0)));
            let vague = doc.timexes.iter().any(|t| matches!(t.value.as_str(), "PAST_REF" | "PRESENT_REF") && sent.contains(&t.span));
            let hist_cue = (r.start..r.end).any(|i| lex.has("hist", &folded[i]));
            let attrib = attribution(&cands, &folded, lex, r.clone(), &self.kb, doc);
            // the trailing reporting clause (", the Israeli army said Friday", `@report`): its
            // parties report the events told before it, they are not their sides
            let report_from: Option<usize> = (r.start..r.end)
                .rev()
                .find(|&i| folded[i] == ",")
                .filter(|&c| (c + 1..r.end).any(|j| lex.has("report", &folded[j])));
            // bare agent nouns ("demonstrators", "police") outside every candidate: their
            // country is unknown, but they are a domestic act's other party
            let bare_agents: Vec<usize> = (r.clone())
                .filter(|&i| doc.tokens[i].kind == TokenKind::Word && !cands.iter().any(|c| c.s <= i && i < c.e) && self.kb.agent_sector(&lex.lang, &folded[i]).is_some())
                .collect();

            for (ti, &(ts, te, ei)) in trigs.iter().enumerate() {
                let entry = &lex.entries[ei];
                // a weak trigger right before another trigger is part of it ("lutte contre une invasion")
                if entry.flags.weak && trigs.get(ti + 1).is_some_and(|n| n.0 <= te + 3) {
                    continue;
                }
                let mut conf: f32 = if entry.flags.noun { 0.7 } else { 0.8 };
                if entry.flags.weak {
                    conf -= 0.2;
                }
                let reported = report_from.filter(|&c| te < c);
                let tcands: Vec<Cand> = match reported {
                    Some(c0) => cands
                        .iter()
                        .cloned()
                        .map(|mut c| {
                            if c.s > c0 {
                                c.prep = Prep::Src;
                            }
                            c
                        })
                        .collect(),
                    None => cands.clone(),
                };
                let bare_agent = bare_agents.iter().any(|&i| (i < ts || i > te) && reported.is_none_or(|c0| i < c0));
                let (mut actors, mut recips, between, mut domestic) = pick(&tcands, ts, te, entry, &folded, &punct, lex, r.clone(), bare_agent);
                if actors.is_empty() && reported.is_some() {
                    // no side outside the reporting clause: the reporter is the only actor named
                    (actors, recips, _, domestic) = pick(&cands, ts, te, entry, &folded, &punct, lex, r.clone(), bare_agent);
                }
                if entry.flags.norecip {
                    recips.clear();
                }
                // the date of the event this one is read from, if any
                let mut ref_date: Option<String> = None;
                if entry.flags.passive {
                    // "le soldat américain détenu en Corée du Nord": the subject undergoes the act
                    std::mem::swap(&mut actors, &mut recips);
                    // "600 soldats nord-coréens ont été tués dans ces combats": no agent named,
                    // the agent is the victims' opponent in the fighting told before
                    let agent_named = cands.iter().any(|c| c.prep == Prep::By && c.s > te && c.s - te <= 5);
                    if !agent_named && !recips.is_empty() {
                        if let Some(p) = events.iter().rev().find(|e| e.event_type == entry.event && matches!(e.event_type.as_str(), "ASSAULT" | "COERCE") && recips.iter().any(|v| Some(&v.0) == e.actor.as_ref())) {
                            actors = p.recipient.clone().map(|c| vec![(c, None)]).unwrap_or_default();
                            ref_date = p.date.clone();
                        }
                    }
                }
                // "ce qui leur impose des sanctions": a group before a relative pronoun is not
                // the trigger's subject
                // "les deux pays" subject: the topic dyad
                let group_subject = dyad.len() == 2 && group_before(&folded, lex, r.start, ts).is_some_and(|g_end| !(g_end..ts).any(|i| lex.has("rel", &folded[i])));
                let mut mutual = between;
                if group_subject && actors.len() < 2 {
                    actors = dyad.iter().map(|c| (c.clone(), None)).collect();
                    recips.clear();
                    mutual = true;
                }
                let demonstrative = ts > r.start && lex.has("demonstrative", &folded[ts - 1]);
                let possessive = ts > r.start && lex.has("poss", &folded[ts - 1]);
                let mut anaphor: Option<usize> = None;
                // "ces combats", "cette visite": a nominal anaphor takes the sides of the last
                // event of its type, whatever words stand around it
                if demonstrative && entry.flags.noun && events.iter().any(|e| e.event_type == entry.event) {
                    actors.clear();
                    recips.clear();
                }
                if actors.is_empty() && demonstrative {
                    // "cette visite": the last event of the same type
                    anaphor = events.iter().rposition(|e| e.event_type == entry.event);
                    if let Some(p) = anaphor.map(|k| &events[k]) {
                        actors = vec![(p.actor.clone().unwrap_or_default(), p.actor_person.clone())];
                        recips = p.recipient.clone().map(|r| vec![(r, p.recipient_person.clone())]).unwrap_or_default();
                        conf -= 0.1;
                    }
                }
                if actors.is_empty() && possessive {
                    // "son invasion …, la Russie": the sentence's subject
                    if let Some(c) = cands.iter().find(|c| c.actorlike() && c.prep == Prep::None && !recips.iter().any(|r| r.0 == c.country)) {
                        actors = vec![(c.country.clone(), c.person.clone())];
                    }
                }
                if actors.is_empty() {
                    // inside a quote: its speaker
                    let tspan = doc.tokens[ts].span;
                    if let Some(q) = doc.quotes.iter().find(|q| q.span.contains(&tspan) && q.speaker.is_some()) {
                        let sp = q.speaker.as_deref().unwrap();
                        if let Some((c, p, _, _)) = self.kb.get(sp).and_then(|_| self.entity_cand(sp, EntityType::PER)) {
                            actors = vec![(c, p)];
                            conf -= 0.1;
                        }
                    }
                }
                // a nominal trigger takes an earlier sentence's subject only through a possessive
                // ("son combat"); bare nouns (headings, topics) have no agent to carry over
                if actors.is_empty() && (!entry.flags.noun || possessive) {
                    // pronoun or elided subject: the subject of one of the two previous sentences
                    for back in 1..=2 {
                        if let Some(side) = si.checked_sub(back).and_then(|ps| self.subject_of(doc, ps, &ent_cands, &folded, &punct, lex)) {
                            actors = side;
                            conf -= 0.2;
                            break;
                        }
                    }
                }
                // a parade in Beijing is China's, whoever attends it
                if entry.flags.locactor {
                    if let Some(loc_c) = cands
                        .iter()
                        .filter(|c| matches!(c.prep, Prep::To | Prep::Loc) && place_prep(c, &folded, &punct, lex, r.start) && c.kind != CKind::Adj)
                        .min_by_key(|c| dist(c, ts, te))
                    {
                        actors = vec![(loc_c.country.clone(), None)];
                        recips.clear();
                    }
                }
                actors.retain(|a| !a.0.is_empty());
                if std::env::var_os("DYADE_EVENT_TRACE").is_some() {
                    eprintln!("TRACE {} {:?} {:?} -> {:?}", entry.event, &text[doc.tokens[ts].span.start..doc.tokens[te].span.end], actors, recips);
                }
                if actors.is_empty() {
                    continue;
                }
                if (!recips.is_empty() || mutual) && !domestic {
                    recips.retain(|r| !actors.iter().any(|a| a.0 == r.0));
                }
                // modality: intents, plans and promises are AGREE; the future tense too
                let mut event = entry.event.clone();
                let mut mode = entry.mode.clone();
                let negated = is_negated(&folded, lex, r.start, ts, te, r.end);
                if event != "AGREE" && is_intent(&folded, lex, r.start, ts, te, entry) {
                    // a promised material conflict ("will boycott", "plans to impose
                    // restrictions") is a threat; a promised cooperation an agreement
                    // (PLOVER: future-tense acts code as AGREE or THREATEN)
                    event = if matches!(event.as_str(), "PROTEST" | "SANCTION" | "MOBILIZE" | "COERCE" | "ASSAULT") { "THREATEN".into() } else { "AGREE".into() };
                    mode = None;
                }
                // "will not accept", "did not agree": a negated cooperation is a rejection
                let mut negated = negated;
                if negated && lex.lists.contains_key("neg.reject") && matches!(event.as_str(), "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" | "COOPERATE" | "AID" | "RETREAT") {
                    event = "REJECT".into();
                    mode = None;
                    negated = false;
                }
                // "…, to demand", "began a hunger strike to protest": a trigger in an
                // infinitive or participle clause after an earlier trigger is subordinate
                if ti > 0 && ts > r.start && (lex.has("inf", &folded[ts - 1]) || (ts > r.start + 1 && lex.has("inf", &folded[ts - 2]))) {
                    conf -= 0.25;
                }
                // location: a place introduced by a place preposition ("à", "en", "dans"; not
                // "contre", "avec")
                let at_place = |c: &Cand| matches!(c.prep, Prep::To | Prep::Loc) && place_prep(c, &folded, &punct, lex, r.start);
                let location = cands
                    .iter()
                    .filter(|c| at_place(c) && c.place.is_some())
                    .min_by_key(|c| dist(c, ts, te))
                    .and_then(|c| c.place.clone());
                // the host of a visit or meeting is the location's country
                let mut third_party: Option<Side> = None;
                if entry.flags.host {
                    if let Some(loc_c) = cands
                        .iter()
                        .filter(|c| at_place(c) && matches!(c.kind, CKind::Capital | CKind::Place | CKind::Country | CKind::Org))
                        .min_by_key(|c| dist(c, ts, te))
                    {
                        let host = loc_c.country.clone();
                        if actors.len() == 1 && actors[0].0 == host && recips.iter().any(|r| r.0 != host) {
                            std::mem::swap(&mut actors, &mut recips);
                        } else if actors.len() >= 2 && recips.is_empty() && actors.iter().any(|a| a.0 == host) {
                            let (h, v): (Side, Side) = actors.into_iter().partition(|a| a.0 == host);
                            actors = v;
                            recips = h;
                            mutual = false;
                        } else if recips.is_empty() && actors.iter().all(|a| a.0 != host) {
                            recips.push((host.clone(), None));
                        }
                        if actors.len() >= 2 && entry.flags.joint && actors.iter().all(|a| a.0 != host) {
                            // a meeting of several parties in a third country: each visits
                            // the host, and they meet each other (mode third-party)
                            third_party = Some(actors.clone());
                        }
                    }
                }
                let mut recip_fallback = false;
                if recips.is_empty() && !mutual && !entry.flags.norecip && dyad.len() == 2 && actors.len() == 1 && !entry.flags.joint {
                    if let Some(other) = dyad.iter().find(|c| **c != actors[0].0) {
                        if dyad.contains(&actors[0].0) {
                            recips.push((other.clone(), None));
                            recip_fallback = true;
                            conf -= 0.15;
                        }
                    }
                }
                // date: the nearest timex of the sentence that this trigger is the nearest
                // trigger to (so "la visite …, visite qui …, des accords conclus en septembre"
                // leaves the first visit undated); else the last date before the trigger in the
                // sentence; else the narrative time of earlier sentences (see `DatePolicy`)
                let tdist = |t: usize, a: usize, b: usize| if t >= a { t.saturating_sub(b) } else { a - t };
                let usable: Vec<&(usize, String)> = sent_dates.iter().filter(|(t, _)| !embedded(*t, ts, te, &folded, &punct, lex, r.start, r.end)).collect();
                let blocked = |t: usize| {
                    let (lo, hi) = if t < ts { (t, ts) } else { (te, t) };
                    trigs.iter().any(|&(s2, e2, e2i)| s2 > lo && e2 < hi && !lex.entries[e2i].flags.weak && (s2, e2) != (ts, te))
                };
                let owned = usable.iter().filter(|(t, _)| !blocked(*t)).min_by_key(|(t, _)| tdist(*t, ts, te)).map(|(_, v)| v.clone());
                let before = usable.iter().filter(|(t, _)| *t < ts).last().map(|(_, v)| v.clone());
                let own = owned.clone().or(before);
                let year = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok());
                let old_year = |d: &str| matches!((year(d), dct_year), (Some(y), Some(dy)) if y < dy - 2);
                let mut historical = hist_cue || own.as_deref().is_some_and(old_year);
                // the era the event belongs to (for historical names: Moscow before 1992 is the USSR)
                let mut era: Option<i32> = own.as_deref().and_then(year);
                let mut own_date = own.is_some();
                let date = match own {
                    Some(d) => Some(d),
                    None if historical => None,
                    None if Some(si) == headline => {
                        own_date = lead_date.is_some();
                        lead_date.clone().or_else(|| if policy == DatePolicy::Dct { dct.clone() } else { None })
                    }
                    None => {
                        conf -= 0.1;
                        match &carried {
                            _ if ref_date.is_some() => ref_date.clone(),
                            // "il y a quelques mois", "récemment": a vague past/present reference
                            // in the sentence dates the event in the publication year
                            _ if vague && policy != DatePolicy::Dct => dct.as_deref().and_then(|d| d.get(..4)).map(String::from),
                            // a historical narrative ("(en 1948) … Il avait également reçu …"):
                            // the event belongs to it, but its own date is unknown
                            Some((c, _)) if old_year(c) && policy != DatePolicy::Dct => {
                                historical = true;
                                era = year(c);
                                None
                            }
                            Some((c, from)) if !old_year(c) && (policy != DatePolicy::Near || si - from <= NARRATIVE_SPAN) => Some(c.clone()),
                            _ if policy == DatePolicy::Dct => dct.clone(),
                            _ => None,
                        }
                    }
                };
                if era.is_some_and(|y| y < 1992) {
                    for side in [&mut actors, &mut recips] {
                        for a in side.iter_mut() {
                            if let Some(h) = historical_code(&a.0, era.unwrap()) {
                                a.0 = h;
                            }
                        }
                    }
                }
                let _ = recip_fallback;
                let context = entry.context.clone();
                let trigger = Span::new(doc.tokens[ts].span.start, doc.tokens[te].span.end);
                let mk = |a: &(String, Option<String>), rcp: Option<&(String, Option<String>)>| {
                    let date_s = date.clone();
                    let sector = |p: &Option<String>| p.as_deref().and_then(|p| self.kb.person_sector(p, date_s.as_deref().unwrap_or("9999")).map(String::from));
                    Event {
                        sentence: sent,
                        trigger,
                        event_type: event.clone(),
                        mode: mode.clone(),
                        context: context.clone(),
                        actor: Some(a.0.clone()),
                        actor_person: a.1.clone(),
                        actor_sector: sector(&a.1),
                        recipient: rcp.map(|r| r.0.clone()),
                        recipient_person: rcp.and_then(|r| r.1.clone()),
                        recipient_sector: rcp.and_then(|r| sector(&r.1)),
                        date: date.clone(),
                        location: location.clone(),
                        attribution: attrib.clone(),
                        historical,
                        negated,
                        confidence: conf.clamp(0.1, 0.95),
                    }
                };
                let mut out: Vec<Event> = vec![];
                if entry.flags.recip || (mutual && !entry.flags.joint && recips.is_empty()) {
                    let mut all: Side = actors.clone();
                    if actors.len() < 2 {
                        all.extend(recips.iter().cloned());
                    }
                    dedup_side(&mut all);
                    for a in &all {
                        for b in &all {
                            if a.0 != b.0 {
                                out.push(mk(a, Some(b)));
                            }
                        }
                    }
                } else if entry.flags.joint && actors.len() >= 2 && recips.is_empty() {
                    for i in 0..actors.len() {
                        for j in i + 1..actors.len() {
                            if actors[i].0 != actors[j].0 {
                                out.push(mk(&actors[i], Some(&actors[j])));
                            }
                        }
                    }
                } else {
                    for a in &actors {
                        if recips.is_empty() {
                            out.push(mk(a, None));
                        }
                        for rc in &recips {
                            out.push(mk(a, if rc.0 == a.0 && !domestic { None } else { Some(rc) }));
                        }
                    }
                }
                if let Some(tp) = &third_party {
                    for i in 0..tp.len() {
                        for j in i + 1..tp.len() {
                            let mut e = mk(&tp[i], Some(&tp[j]));
                            e.mode = Some("third-party".into());
                            out.push(e);
                        }
                    }
                }
                // "Cette visite, qui a eu lieu du 15 au 17 janvier": the date belongs to the
                // event referred to, when that one had none of its own
                if let Some(k) = anaphor {
                    if own_date && !own_dates[k] && events[k].actor == out.first().and_then(|e| e.actor.clone()) {
                        events[k].date = date.clone();
                        own_dates[k] = true;
                        continue;
                    }
                }
                own_dates.extend(std::iter::repeat_n(own_date, out.len()));
                events.extend(out);
            }
        }
        let mut events = dedup_events(events, own_dates);
        // `@secondary.gap g`: in one sentence, an event `g` or more below the sentence's most
        // confident one (a subordinate, weak or pronoun-subject trigger beside a main one) is
        // a by-product of that event's wording, not an event of its own
        if let Some(gap) = lex.lists.get("secondary.gap").and_then(|s| s.iter().next()).and_then(|g| g.parse::<f32>().ok()) {
            let mut best: HashMap<Span, f32> = HashMap::new();
            for e in &events {
                let b = best.entry(e.sentence).or_insert(e.confidence);
                *b = b.max(e.confidence);
            }
            events.retain(|e| e.confidence > best[&e.sentence] - gap + 1e-4);
        }
        events
    }
}

impl dyade_core::Component for EventCoder {
    fn name(&self) -> &'static str {
        "events"
    }
    fn process(&self, doc: &mut Document) {
        doc.events = self.code(doc);
    }
}

/// Countries whose earlier state had its own code: (code, first year of the current state,
/// code before). `resources/events/historical.tsv`.
const HISTORICAL: &str = include_str!("../../../resources/events/historical.tsv");

/// The code of `code`'s predecessor state in `year` ("RUS" in 1950 → "SUN"), if any.
pub fn historical_code(code: &str, year: i32) -> Option<String> {
    HISTORICAL.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).find_map(|l| {
        let f: Vec<&str> = l.split('\t').collect();
        let from: i32 = f.get(1)?.trim().parse().ok()?;
        let since: i32 = f.get(2).and_then(|x| x.trim().parse().ok()).unwrap_or(i32::MIN);
        (f[0] == code && year < from && year >= since).then(|| f.get(3).map(|x| x.trim().to_string())).flatten()
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` prefix of a TIMEX3 value (seasons and weeks give the year).
pub fn calendar_date(v: &str) -> Option<String> {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.len() >= r.end && b[r].iter().all(u8::is_ascii_digit);
    if !digits(0..4) {
        return None;
    }
    if b.len() >= 10 && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) {
        return Some(v[..10].to_string());
    }
    if b.len() >= 7 && b[4] == b'-' && digits(5..7) {
        return Some(v[..7].to_string());
    }
    Some(v[..4].to_string())
}

fn dist(c: &Cand, ts: usize, te: usize) -> usize {
    if c.e <= ts {
        ts - c.e
    } else if c.s > te {
        c.s - te
    } else {
        0
    }
}

fn dedup_side(side: &mut Side) {
    let mut seen = std::collections::HashSet::new();
    side.retain(|(c, _)| seen.insert(c.clone()));
}

/// Merge a title adjective with the named person it describes ("le président russe Vladimir
/// Poutine", "Sergueï Choïgou, ministre russe de la Défense"): same country, close, nothing
/// but title words, articles and one comma between.
fn merge_cands(cands: Vec<Cand>, folded: &[String], punct: &[bool], lex: &Lexicon) -> Vec<Cand> {
    let mut out: Vec<Cand> = vec![];
    for c in cands {
        if let Some(last) = out.last_mut() {
            let gap = c.s.saturating_sub(last.e);
            // "la région frontalière russe de Koursk": a place keeps its adjective apart (the
            // adjective is the country, an actor; the place is not)
            let placeish = |k: CKind| matches!(k, CKind::Place | CKind::Capital);
            let joinable = (last.kind == CKind::Adj || c.kind == CKind::Adj || last.kind == CKind::Person || c.kind == CKind::Person)
                && !placeish(last.kind)
                && !placeish(c.kind)
                && last.country == c.country
                && gap <= 6
                && (last.e..c.s).all(|i| !lex.has("coord", &folded[i]) && (!punct[i] || folded[i] == ","))
                && (last.e..c.s).filter(|&i| punct[i]).count() <= 1;
            if joinable {
                if last.person.is_none() {
                    last.person = c.person.clone();
                }
                if last.kind == CKind::Adj {
                    last.kind = c.kind;
                    last.place = c.place.clone();
                }
                last.e = c.e.max(last.e);
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The preposition governing a candidate: the nearest listed word within four tokens to its
/// left (articles and title words are skipped; punctuation stops the search).
fn prep_of(c: &Cand, folded: &[String], punct: &[bool], lex: &Lexicon, start: usize) -> Prep {
    // inside a "selon …" phrase the candidate is a source, however long the phrase
    // ("selon les services de renseignement sud-coréens")
    let mut j = c.s;
    while j > start && !punct[j - 1] {
        j -= 1;
        if lex.has("prep.src", &folded[j]) {
            return Prep::Src;
        }
    }
    prep_near(c, folded, punct, lex, start)
}

fn prep_class(lex: &Lexicon, w: &str) -> Option<Prep> {
    for (name, p) in [("prep.src", Prep::Src), ("prep.between", Prep::Between), ("prep.by", Prep::By), ("prep.to", Prep::To), ("prep.loc", Prep::Loc), ("prep.of", Prep::Of)] {
        if lex.has(name, w) {
            return Some(p);
        }
    }
    None
}

fn prep_near(c: &Cand, folded: &[String], punct: &[bool], lex: &Lexicon, start: usize) -> Prep {
    let mut i = c.s;
    let mut n = 0;
    while i > start && n < 4 {
        i -= 1;
        n += 1;
        let w = folded[i].as_str();
        if punct[i] {
            return Prep::None;
        }
        if let Some(p) = prep_class(lex, w) {
            // "par des", "à des", "avec des": the partitive article is governed by the
            // preposition before it
            if p == Prep::Of && i > start && !punct[i - 1] {
                if let Some(q) = prep_class(lex, &folded[i - 1]).filter(|q| *q != Prep::Of) {
                    return q;
                }
            }
            return p;
        }
        if lex.has("stop", w) {
            return Prep::None;
        }
    }
    // two-word cues ("d'après", "according to")
    if c.s >= start + 2 {
        let two = format!("{} {}", folded[c.s - 2], folded[c.s - 1]);
        if lex.has("prep.src", &two) {
            return Prep::Src;
        }
    }
    Prep::None
}

/// True when the word governing `c` (within three tokens, articles skipped) is a place
/// preposition (`@prep.place`); without that list every "to"/locative preposition counts.
fn place_prep(c: &Cand, folded: &[String], punct: &[bool], lex: &Lexicon, start: usize) -> bool {
    if !lex.lists.contains_key("prep.place") {
        return true;
    }
    let mut i = c.s;
    let mut n = 0;
    while i > start && n < 3 {
        i -= 1;
        n += 1;
        if punct[i] {
            return false;
        }
        if lex.has("prep.place", &folded[i]) {
            return true;
        }
        if prep_class(lex, &folded[i]).is_some_and(|p| p != Prep::Of) {
            return false;
        }
    }
    false
}

/// Coordinated candidates around `k` ("la Russie et la Corée du Nord", "des États-Unis, du
/// Japon et de la République de Corée", "le chef d'État russe Vladimir Poutine et le dirigeant
/// nord-coréen Kim Jong-un"), walking left or right.
fn group(cands: &[Cand], k: usize, folded: &[String], punct: &[bool], lex: &Lexicon, left: bool) -> Vec<usize> {
    let mut g = vec![k];
    let mut cur = k;
    loop {
        let next = if left { cur.checked_sub(1) } else { Some(cur + 1).filter(|&n| n < cands.len()) };
        let Some(n) = next else { break };
        let (a, b) = if left { (&cands[n], &cands[cur]) } else { (&cands[cur], &cands[n]) };
        if !b.actorlike() || !a.actorlike() {
            break;
        }
        let between: Vec<usize> = (a.e..b.s).collect();
        let has_coord = between.iter().any(|&i| lex.has("coord", &folded[i]) && folded[i] != ",");
        let has_comma = between.iter().any(|&i| folded[i] == ",");
        let clean = between.iter().all(|&i| (!punct[i] || folded[i] == ",") && !lex.has("stop", &folded[i]) && !lex.has("rel", &folded[i]));
        let glue_only = between.iter().all(|&i| lex.has("coord", &folded[i]) || lex.has("glue", &folded[i]));
        // "A, B et C": a comma joins when a coordination follows further on
        // a comma alone joins only members governed alike ("des États-Unis, du Japon et de
        // la Corée"), not "à Moscou, Choe Son Hui"
        let ok = clean && between.len() <= 4 && (has_coord || (has_comma && glue_only && a.prep == b.prep));
        if ok {
            g.push(n);
            cur = n;
        } else {
            break;
        }
    }
    g.sort();
    g
}

fn side(cands: &[Cand], idx: &[usize]) -> Side {
    let mut s: Side = idx.iter().map(|&i| (cands[i].country.clone(), cands[i].person.clone())).collect();
    dedup_side(&mut s);
    s
}

/// Choose actor and recipient sides for a trigger; the third value tells whether the actors
/// come from a "between" phrase (a mutual act), the fourth whether the recipient is the
/// actor's own country (a domestic act, `@domestic`).
#[allow(clippy::too_many_arguments)]
fn pick(cands: &[Cand], ts: usize, te: usize, entry: &Entry, folded: &[String], punct: &[bool], lex: &Lexicon, r: std::ops::Range<usize>, bare_agent: bool) -> (Side, Side, bool, bool) {
    let win = 14;
    // a noun's left-hand subject never sits beyond a relative pronoun ("les deux pays sont
    // pointés du doigt par l'Occident, qui leur impose des sanctions")
    let is_left = |c: &Cand| c.e <= ts && ts - c.e <= 25 && !(entry.flags.noun && (c.e..ts).any(|i| lex.has("rel", &folded[i])));
    let is_right = |c: &Cand| c.s > te && c.s - te <= win;
    // no relative pronoun or conjunction between the trigger and a right-hand genitive
    let clear_right = |c: &Cand| (te + 1..c.s).all(|i| !lex.has("stop", &folded[i]));
    // a relative clause whose antecedent is the candidate: "la Corée du Sud, qui soupçonne"
    let rel_subject = |c: &Cand| c.e <= ts && ts - c.e <= 3 && (c.e..ts).any(|i| lex.has("rel", &folded[i])) && (c.e..ts).all(|i| punct[i] || lex.has("rel", &folded[i]));
    let mut actor: Option<Vec<usize>> = None;
    let mut between = false;
    // a passive agent belongs to the trigger only when close to it ("la visite effectuée par
    // X", "a été signé par X"); further on it belongs to a participle inside the object
    // ("reconnaître deux États soutenus par la Russie")
    let mut by_agent = false;
    if let Some(k) = cands.iter().position(|c| c.prep == Prep::By && c.actorlike() && c.s > te && c.s - te <= 5) {
        actor = Some(group(cands, k, folded, punct, lex, false));
        by_agent = true;
    }
    if actor.is_none() && entry.flags.noun {
        // genitive or adjective right after the noun: "la visite du ministre russe", "invasion russe"
        if let Some(k) = cands.iter().position(|c| {
            is_right(c) && c.actorlike() && clear_right(c) && (c.prep == Prep::Of || (c.kind == CKind::Adj && c.s <= te + 2 && c.prep == Prep::None))
        }) {
            actor = Some(group(cands, k, folded, punct, lex, false));
        }
    }
    // "son combat", "sa lutte": the possessor is the clause's subject, found by the caller
    let possessive = entry.flags.noun && ts > r.start && lex.has("poss", &folded[ts - 1]);
    if actor.is_none() && !possessive {
        if let Some(k) = cands.iter().rposition(|c| rel_subject(c) && c.actorlike()) {
            actor = Some(vec![k]);
        }
    }
    if actor.is_none() && !possessive {
        // subject: nearest actor-like candidate on the left not governed by a preposition,
        // else a genitive ("les envoyés spéciaux des États-Unis")
        for ok in [Prep::None, Prep::Of] {
            if let Some(k) = cands.iter().rposition(|c| is_left(c) && c.actorlike() && c.prep == ok) {
                actor = Some(group(cands, k, folded, punct, lex, true));
                break;
            }
        }
    }
    if actor.is_none() && !entry.flags.noun {
        // inverted or postponed subject ("Venu à Pyongyang, …, Sergueï Choïgou a …")
        if let Some(k) = cands.iter().position(|c| c.s > te && c.actorlike() && c.prep == Prep::None) {
            actor = Some(group(cands, k, folded, punct, lex, false));
        }
    }
    if actor.is_none() {
        // between-phrase: "entre Moscou et Pyongyang" gives both sides of a mutual act
        if let Some(k) = cands.iter().position(|c| c.prep == Prep::Between && c.actorlike() && !(entry.flags.noun && c.e <= ts && (c.e..ts).any(|i| lex.has("rel", &folded[i])))) {
            let g = group(cands, k, folded, punct, lex, false);
            if g.len() >= 2 {
                actor = Some(g);
                between = true;
            }
        }
    }
    // without an actor the recipient is still read: the caller may find the actor elsewhere
    let aidx = actor.unwrap_or_default();
    let actors = side(cands, &aidx);
    let acountries: Vec<&str> = actors.iter().map(|a| a.0.as_str()).collect();
    let ok = |i: usize, c: &Cand| !aidx.contains(&i) && c.actorlike() && c.prep != Prep::Src && !acountries.contains(&c.country.as_str()) && c.s >= r.start;
    let mut ridx: Option<Vec<usize>> = None;
    // the direct object of a verb ("attacked Israel", "rejected a U.S. request") or the subject
    // of a clause it governs ("demanded that the US cancel", "its demand today that Israel
    // ease"): right after the trigger, nothing but determiners and adverbs between
    let direct = |c: &Cand| {
        c.s > te
            && c.s - te <= 4
            && c.prep == Prep::None
            && (te + 1..c.s).all(|i| !punct[i] && prep_class(lex, &folded[i]).is_none() && !lex.has("coord", &folded[i]))
            && (!entry.flags.noun || (te + 1..c.s).any(|i| lex.has("rel", &folded[i])))
    };
    // "X was attacked by Y": Y acts, the subject undergoes
    // (a passive auxiliary, `@passive.aux`, right before the trigger: "calls by Kofi Annan"
    // after "rejected" is a noun's agent, not a passive)
    let aux = (ts.saturating_sub(3).max(r.start)..ts).any(|i| lex.has("passive.aux", &folded[i]));
    let passive_subject = |c: &Cand| by_agent && aux && !entry.flags.passive && c.e <= ts && ts - c.e <= 25 && c.prep == Prep::None;
    // material conflict happens to the country of its place when no party is named
    // ("killed 23 people in Tel Aviv"); verbal acts have no such target
    let material = matches!(entry.event.as_str(), "PROTEST" | "SANCTION" | "MOBILIZE" | "COERCE" | "ASSAULT");
    for pass in 0..8 {
        let found = cands.iter().enumerate().position(|(i, c)| {
            (if pass == 7 { c.kind == CKind::Place && !aidx.contains(&i) && !matches!(c.prep, Prep::Src | Prep::By) && !acountries.contains(&c.country.as_str()) } else { ok(i, c) })
                && match pass {
                    0 => passive_subject(c),
                    1 => direct(c) && !entry.flags.host,
                    2 => c.s > ts && c.e <= te + 1,
                    3 => is_right(c) && c.prep == Prep::To,
                    4 => is_right(c) && matches!(c.prep, Prep::None | Prep::Of | Prep::Loc | Prep::Between),
                    // a visit's host is not "contre l'Ukraine" before it
                    5 => c.e <= ts && matches!(c.prep, Prep::To) && ts - c.e <= win && !entry.flags.host,
                    6 => !entry.flags.norecip,
                    _ => material && !entry.flags.norecip,
                }
        });
        // the passive subject: the nearest one before the trigger
        let found = if pass == 0 { cands.iter().enumerate().rposition(|(i, c)| ok(i, c) && passive_subject(c)) } else { found };
        if let Some(k) = found {
            ridx = Some(if pass == 7 { vec![k] } else { group(cands, k, folded, punct, lex, pass == 0).into_iter().filter(|&i| ok(i, &cands[i])).collect() });
            break;
        }
    }
    let mut recips = ridx.map(|g| side(cands, &g)).unwrap_or_default();
    // a domestic act (government vs rebels, police vs protesters, a curfew in the capital):
    // with no foreign party in reach, another mention of the actor's own country — a person,
    // an agent, a place where it happens — gives a same-country recipient (PLOVER codes
    // "Egyptian police … demonstrators" EGY→EGY, sectors apart)
    let mut domestic = false;
    if recips.is_empty() && actors.len() == 1 && !entry.flags.norecip && !entry.flags.joint && !entry.flags.recip && !between && lex.has("domestic", "yes") {
        let a = &actors[0].0;
        if bare_agent || cands.iter().enumerate().any(|(i, c)| !aidx.contains(&i) && &c.country == a && c.prep != Prep::Src && !aidx.iter().any(|&k| cands[k].s <= c.s && c.e <= cands[k].e)) {
            recips.push((a.clone(), None));
            domestic = true;
        }
    }
    (actors, recips, between, domestic)
}

/// A group subject ("les deux pays") between the sentence start and the trigger: the token
/// index right after it.
fn group_before(folded: &[String], lex: &Lexicon, start: usize, ts: usize) -> Option<usize> {
    let set = lex.lists.get("group")?;
    let lo = ts.saturating_sub(12).max(start);
    (lo..ts).rev().find_map(|i| {
        set.iter().find_map(|g| {
            let parts: Vec<&str> = g.split(' ').collect();
            (parts.iter().enumerate().all(|(k, p)| folded.get(i + k).is_some_and(|w| w == p)) && i + parts.len() <= ts).then_some(i + parts.len())
        })
    })
}

fn is_intent(folded: &[String], lex: &Lexicon, start: usize, ts: usize, te: usize, entry: &Entry) -> bool {
    let lo = ts.saturating_sub(4).max(start);
    if (lo..ts).any(|i| lex.has("intent", &folded[i])) {
        return true;
    }
    // a future-tense verb matched by a stem pattern ("se rendra"); forms written out in the
    // lexicon ("n'oublieront jamais") were meant as they are
    if !entry.pattern.iter().any(|p| matches!(p, crate::lexicon::Pat::Prefix(_))) {
        return false;
    }
    if let Some(sfx) = lex.lists.get("future.suffix") {
        for w in &folded[ts..=te] {
            if w.len() > 6 && sfx.iter().any(|s| w.ends_with(s.as_str())) {
                return true;
            }
        }
    }
    false
}

/// True when the timex at token `t` sits in a relative clause (a comma-delimited segment
/// opened by "qui", "que"…) that does not hold the trigger: "…, qui commémore … 1945, …".
/// A relative clause right after the trigger describes it ("Cette visite, qui a eu lieu du 15
/// au 17 janvier") and is not embedded.
#[allow(clippy::too_many_arguments)]
fn embedded(t: usize, ts: usize, te: usize, folded: &[String], punct: &[bool], lex: &Lexicon, start: usize, end: usize) -> bool {
    // the sentence's token range may end past the last token (a sentence cut by boilerplate)
    let end = end.min(punct.len()).min(folded.len());
    if t >= end {
        return false;
    }
    let mut a = t;
    while a > start && !punct[a - 1] {
        a -= 1;
    }
    let mut b = t;
    while b < end && !punct[b] {
        b += 1;
    }
    let holds_trigger = a <= ts && ts < b;
    let after_trigger = te != usize::MAX && (a == te + 1 || (a == te + 2 && punct.get(te + 1).copied().unwrap_or(false)));
    !holds_trigger && !after_trigger && a < end && lex.has("rel", &folded[a])
}

/// How an event without a date in its own sentence is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DatePolicy {
    /// The last earlier date of the article, else the publication date.
    Dct,
    /// The last earlier date of the article, else null.
    Carry,
    /// A date from the last few sentences (the same narrative), else null.
    Near,
}

/// How many sentences back a date still dates a sentence that gives none.
const NARRATIVE_SPAN: usize = 3;

fn date_policy() -> DatePolicy {
    match std::env::var("DYADE_EVENT_DATES").as_deref() {
        Ok("dct") => DatePolicy::Dct,
        Ok("carry") => DatePolicy::Carry,
        _ => DatePolicy::Near,
    }
}

/// The headline: the first sentence outside boilerplate when it is alone in its paragraph,
/// ends without final punctuation and a body follows.
fn headline_sentence(doc: &Document, punct: &[bool]) -> Option<usize> {
    let (si, s) = doc.sentences.iter().enumerate().find(|(_, s)| !doc.in_boilerplate(**s))?;
    let para = doc.paragraphs.iter().find(|p| p.contains(s))?;
    let alone = doc.sentences.iter().filter(|x| para.contains(x)).count() == 1;
    let r = doc.tokens_in(*s);
    let last = r.end.checked_sub(1)?;
    let ends = punct[last] && matches!(doc.text[doc.tokens[last].span.start..doc.tokens[last].span.end].chars().next(), Some('.' | '!' | '?' | '…' | '»' | '"' | '”'));
    (alone && !ends && doc.sentences.len() > si + 1).then_some(si)
}

fn is_negated(folded: &[String], lex: &Lexicon, start: usize, ts: usize, te: usize, end: usize) -> bool {
    let lo = ts.saturating_sub(3).max(start);
    let before = (lo..ts).any(|i| lex.has("neg.before", &folded[i]));
    let after = (ts..(te + 3).min(end)).any(|i| lex.has("neg.after", &folded[i]));
    if lex.lists.contains_key("neg.after") {
        before && after
    } else {
        before
    }
}

fn attribution(cands: &[Cand], folded: &[String], lex: &Lexicon, r: std::ops::Range<usize>, kb: &ActorKb, doc: &Document) -> Option<String> {
    if let Some(c) = cands.iter().find(|c| c.prep == Prep::Src) {
        return Some(c.country.clone());
    }
    // the quote layer: a claim reported with "selon"-type cues
    let sent = Span::new(doc.tokens[r.start].span.start, doc.tokens[r.end - 1].span.end);
    for q in &doc.quotes {
        if q.span.overlap(&sent) == 0 {
            continue;
        }
        let cue = q.cue.as_deref().map(fold).unwrap_or_default();
        if lex.has("prep.src", &cue) {
            if let Some(sp) = &q.speaker {
                return Some(kb.person_country(sp, None).map(String::from).unwrap_or_else(|| sp.clone()));
            }
        }
    }
    let _ = folded;
    None
}

fn dates_compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.starts_with(y.as_str()) || y.starts_with(x.as_str()),
        _ => true,
    }
}

/// One event per happening per article: same type, sides and a compatible date are merged
/// (the more specific date and the higher confidence kept); an event dated only by a fallback
/// (narrative, publication date) merges with the same act dated in its own sentence.
fn dedup_events(events: Vec<Event>, own: Vec<bool>) -> Vec<Event> {
    let mut out: Vec<(Event, bool)> = vec![];
    for (e, eown) in events.into_iter().zip(own) {
        if let Some((x, xown)) = out.iter_mut().find(|(x, xown)| {
            x.event_type == e.event_type
                && x.actor == e.actor
                && x.recipient == e.recipient
                && (dates_compatible(&x.date, &e.date) || *xown != eown)
                && x.historical == e.historical
        }) {
            let take = if *xown != eown { eown } else { e.date.as_ref().map_or(0, |d| d.len()) > x.date.as_ref().map_or(0, |d| d.len()) };
            if take {
                x.date = e.date.clone();
                *xown = eown || *xown;
            }
            if x.actor_person.is_none() {
                x.actor_person = e.actor_person.clone();
            }
            if x.recipient_person.is_none() {
                x.recipient_person = e.recipient_person.clone();
            }
            if x.location.is_none() {
                x.location = e.location.clone();
            }
            x.confidence = x.confidence.max(e.confidence);
            continue;
        }
        out.push((e, eown));
    }
    out.into_iter().map(|(e, _)| e).collect()
}
