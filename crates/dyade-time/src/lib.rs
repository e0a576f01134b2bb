//! Rule-based TIMEX3 tagging, HeidelTime-style, with language packs in `resources/time/`.
//!
//! The engine is language-neutral: it tokenizes, matches rule patterns built from named
//! lexicon classes (`@MONTH`, `@WEEKDAY`, `#D`…) and turns the slots a match fills
//! (`year`, `month`, `shift`, `unit`, `mod`…) into TIMEX3 values against the document
//! creation time (or the last mentioned day for anaphoric expressions such as "le
//! lendemain"). All words live in `resources/time/<lang>.lex` and `<lang>.rules`, embedded
//! with `include_str!` and parsed once by [`TimexTagger::new`].
//!
//! - [`tag`] / [`TimexTagger::tag`]: raw text → [`Timex`] list.
//! - [`TimexTagger`] is the pipeline [`Component`] `"timex"`; when the document has no
//!   publication date it infers a window from the text ([`infer_publication`]).

pub mod calendar;
pub mod eval;
pub mod lang;
pub mod resolve;
pub mod token;

use calendar::Date;
use dyade_core::{Component, DateEstimate, Document, Span, Timex};
use lang::{Elem, Lang, NumKind, Prep, Rule, Slots, NONE};
use resolve::{Ctx, Ids, Resolved};
pub use resolve::Tense;
use std::sync::OnceLock;
use token::{Kind, Tokens};

/// The embedded language packs: (code, lexicon, rules).
const PACKS: &[(&str, &str, &str)] = &[
    ("fr", include_str!("../../../resources/time/fr.lex"), include_str!("../../../resources/time/fr.rules")),
    ("en", include_str!("../../../resources/time/en.lex"), include_str!("../../../resources/time/en.rules")),
];

/// The temporal tagger: parsed language packs. Build once, share across threads.
pub struct TimexTagger {
    langs: Vec<Lang>,
    ids: Ids,
}

/// One raw match before resolution (exposed for debugging and inference).
#[derive(Debug, Clone)]
struct Match {
    span: Span,
    slots: Slots,
    tok: usize,
    /// Token after the match.
    end: usize,
    /// Part of a split range (never merged).
    split: bool,
    /// A whole range fused into one span (Recognizers style): its end (the start is the match
    /// itself). Such a match takes no open-interval lead.
    range: Option<Box<Match>>,
    /// A composite's anchor (`$TIME:base` of a composition rule): the expression its own
    /// slots are counted from ("3 days after <easter>", "third tuesday after <christmas 2014>").
    anchor: Option<Box<Match>>,
}

impl TimexTagger {
    /// Parse the embedded language packs. Panics with the file and line if a pack is malformed
    /// (they are compiled in, so this is a build defect, caught by the tests).
    pub fn new() -> Self {
        Self::try_new().unwrap_or_else(|e| panic!("dyade-time: {e}"))
    }

    /// Parse the embedded language packs, reporting resource errors.
    pub fn try_new() -> Result<Self, lang::ResourceError> {
        let mut langs = vec![];
        for (code, lex, rules) in PACKS {
            langs.push(Lang::parse(code, lex, &format!("resources/time/{code}.lex"), rules, &format!("resources/time/{code}.rules"))?);
        }
        Ok(TimexTagger { langs, ids: Ids::new() })
    }

    /// A shared instance.
    pub fn shared() -> &'static TimexTagger {
        static T: OnceLock<TimexTagger> = OnceLock::new();
        T.get_or_init(TimexTagger::new)
    }

    /// The pack for `lang` (falls back to French).
    fn lang(&self, code: &str) -> &Lang {
        let c = code.get(..2).unwrap_or(code);
        self.langs.iter().find(|l| l.code == c).unwrap_or(&self.langs[0])
    }

    /// Tag raw text. `dct` is an ISO date (`2023-07-27`, time part ignored); without it,
    /// expressions that need a reference stay underspecified (`XXXX-07-26`, `PAST_REF`).
    pub fn tag(&self, text: &str, lang: &str, dct: Option<&str>) -> Vec<Timex> {
        self.tag_opts(text, lang, dct.and_then(Date::parse), &[], &[])
    }

    /// Tag with sentence spans (for tense) and spans to skip (boilerplate).
    pub fn tag_opts(&self, text: &str, lang: &str, dct: Option<Date>, sentences: &[Span], skip: &[Span]) -> Vec<Timex> {
        self.tag_biased(text, lang, dct, sentences, skip, Tense::Unknown)
    }

    /// Like [`TimexTagger::tag_opts`], with the tense assumed where a sentence shows none
    /// (`Tense::Future` for scheduling-style inputs such as Duckling's corpus, where "lundi"
    /// means the coming Monday; news text keeps `Tense::Unknown`, i.e. the nearest day).
    pub fn tag_biased(&self, text: &str, lang: &str, dct: Option<Date>, sentences: &[Span], skip: &[Span], bias: Tense) -> Vec<Timex> {
        let l = self.lang(lang);
        with_scratch(|toks, p| {
            token::tokenize(text, toks);
            let ms = self.find(l, toks, p, None);
            self.resolve_all(l, toks, p, &ms, Reference { date: dct, ..Default::default() }, sentences, skip, bias, None).into_iter().map(|(t, _)| t).collect()
        })
    }

    /// Tag scheduling-style input against a full reference instant such as Duckling's
    /// `2013-02-12T04:30:00-02:00` (date, and time of day when given): the reference is "now",
    /// so underspecified expressions take their next occurrence ("lundi" on a Monday is the
    /// following one, "minuit" the coming midnight), clock shifts resolve to times ("dans une
    /// heure" → `…T05:30`), and a date and a time joined by `@JOIN` words make one expression.
    /// `style` sets the span convention.
    pub fn tag_at(&self, text: &str, lang: &str, reference: &str, style: SpanStyle) -> Vec<Timex> {
        let rf = Reference::parse(reference, true);
        let l = self.lang(lang);
        with_scratch(|toks, p| {
            token::tokenize(text, toks);
            let ms = self.find(l, toks, p, Some(style));
            self.resolve_all(l, toks, p, &ms, rf, &[], &[], Tense::Future, None).into_iter().map(|(t, _)| t).collect()
        })
    }

    /// Like [`TimexTagger::tag_at`], with the end of each range the span style fuses into one
    /// expression (Recognizers-style spans: "de 14h à 16h", "du 4 au 22 de ce mois"), resolved
    /// as its own expression; `None` for expressions that are not ranges.
    pub fn tag_ranges_at(&self, text: &str, lang: &str, reference: &str, style: SpanStyle) -> Vec<(Timex, Option<Timex>)> {
        let rf = Reference::parse(reference, true);
        let l = self.lang(lang);
        with_scratch(|toks, p| {
            token::tokenize(text, toks);
            let ms = self.find(l, toks, p, Some(style));
            let mut ends = Vec::new();
            let starts = self.resolve_all(l, toks, p, &ms, rf, &[], &[], Tense::Future, Some(&mut ends));
            starts.into_iter().map(|(t, _)| t).zip(ends).collect()
        })
    }

    /// Find all rule matches (leftmost-longest).
    fn find(&self, l: &Lang, t: &Tokens, p: &mut Prep, sched: Option<SpanStyle>) -> Vec<Match> {
        let mut out = vec![];
        let mut buf = Vec::new();
        let n = t.toks.len();
        l.prepare(t, p);
        // matching starts at most WINDOW tokens before a strong token (a number or a non-weak
        // lexicon word): weak words alone (articles, numerals, markers) never make an expression
        const WINDOW: usize = 6;
        // the DFS restores the slots it sets, so one work buffer serves every attempt
        let mut work = [NONE; lang::NSLOTS];
        let sched_mode = matches!(sched, Some(SpanStyle::WithPrepositions | SpanStyle::Bare));
        let timepod = l.classes.iter().position(|c| c == "TIMEPOD");
        let mut next_strong = usize::MAX;
        let mut i = 0;
        while i < n {
            if next_strong == usize::MAX || next_strong < i {
                // scheduling-style inputs are short: every token may start a match there
                // ("à sept", where the numeral is weak)
                next_strong = if sched.is_some() { i } else { (i..n).find(|&j| l.strong(t, p, j)).unwrap_or(usize::MAX) };
                if next_strong == usize::MAX {
                    break;
                }
            }
            if next_strong - i > WINDOW {
                i = next_strong - WINDOW;
                continue;
            }
            let cands = l.candidates(t, p, i, &mut buf);
            if cands.is_empty() {
                i += 1;
                continue;
            }
            let m = Matcher { l, p, t, start: i, refs: None };
            // longest match wins; on equal length the earlier rule (paths only count when longer)
            let mut best = Best { end: i, rule: u32::MAX, a: work, split: None };
            let win = l.window(p, i);
            for &ri in cands {
                let r = &l.rules[ri as usize];
                if (r.sched_only && !sched_mode) || !r.req.iter().all(|m| m.meets(&win)) {
                    continue;
                }
                // `endp=1`: the match must end the clause (punctuation or end of text next):
                // "en 97," is a year, "en 20 minutes" is not; punctuation glued between two
                // numbers ("4/22", "7.6") continues a number, it ends nothing; `endp=2`: a comma
                // must follow (a detached adverbial: "Aujourd'hui, la ville a changé")
                let endp = r.set.iter().find(|&&(k, _)| k == self.ids.endp).map_or(0, |&(_, v)| v);
                // no expression ends on a comma ("July 17th, 18th": the comma before an
                // optional year that is not there), nor on a numeric date that a half of the
                // day follows ("Monday 8-9am" is no 9 August: "8-9" is a clock range)
                // (negative rules may consume the punctuation that tells their reading)
                let drop = r.set.iter().any(|&(k, _)| k == self.ids.drop);
                // ... nor starts on one ("11/20, 12 of Nov": an optional weekday's comma)
                // (a rule whose lead is the comma leaves it out of the span)
                let led = r.set.iter().any(|&(k, v)| k == self.ids.lead && v > 0);
                let bad_start = !drop && !led && t.low(i) == ",";
                let bad_end = |pos: usize| bad_start || pos > i + 1 && !drop && (t.low(pos - 1) == "," || (glued_number(t, pos - 2) && matches!(t.low(pos - 2), "-" | "/") && timepod.is_some_and(|c| pos < n && l.cached(p, c, pos).next().is_some())));
                if r.parts.len() == 1 {
                    m.dfs(&r.parts[0], None, i, &mut work, &mut |pos, sl| {
                        let ends = match endp {
                            0 => true,
                            1 => pos == n || (t.toks[pos].kind == Kind::Punct && !glued_number(t, pos)),
                            _ => pos < n && t.low(pos) == ",",
                        };
                        if pos > best.end && !glued_clock(t, pos) && !bad_end(pos) && ends {
                            best = Best { end: pos, rule: ri, a: *sl, split: None };
                        }
                    });
                } else {
                    m.split(r, i, &mut work, &mut best, ri);
                }
            }
            if best.rule == u32::MAX || in_code(t, i, best.end) {
                i += 1;
                continue;
            }
            let r = &l.rules[best.rule as usize];
            let sp = |a: usize, b: usize| Span::new(t.toks[a].start as usize, t.toks[b - 1].end as usize);
            match best.split {
                None => {
                    let mut sl = best.a;
                    for &(k, v) in &r.set {
                        sl[k] = v;
                    }
                    // `lead=N`: the first N tokens (a preposition) disambiguate but stay out
                    // of TimeML spans
                    let lead = sl[self.ids.lead];
                    // `keep=1`: Recognizers-style spans keep that preposition too ("dans la soirée")
                    let kept = sched == Some(SpanStyle::WithPrepositions) || (sched == Some(SpanStyle::Bare) && sl[self.ids.keep] > 0);
                    let mut s0 = if lead > 0 && !kept { (i + lead as usize).min(best.end - 1) } else { i };
                    // a comma an optional element took at either edge is punctuation, not part
                    // of the expression ("July 1st, 17th times", "11/20, 12 of Nov")
                    let mut e = best.end;
                    while e > s0 + 1 && t.low(e - 1) == "," {
                        e -= 1;
                    }
                    while s0 + 1 < e && t.low(s0) == "," {
                        s0 += 1;
                    }
                    out.push(Match { span: sp(s0, e), slots: sl, tok: s0, end: e, split: false, range: None, anchor: None });
                }
                Some((ea, ec, mut sb)) => {
                    // split range: A borrows B's missing slots ("du 15 au 17 janvier"), and a
                    // bare day B the month and year of A ("novembre 19 au 20")
                    let mut sa = best.a;
                    let (month, year, day) = (self.ids.month, self.ids.year, self.ids.day);
                    // ... and a bare clock time B the day of A ("Monday 8-9am")
                    let dated = [year, month, day, self.ids.weekday, self.ids.shift, self.ids.unit, self.ids.dir];
                    if sb[self.ids.hour] != NONE && dated.iter().all(|&k| sb[k] == NONE) {
                        for k in dated {
                            sb[k] = sa[k];
                        }
                    }
                    if sb[day] != NONE && sb[month] == NONE && sa[month] != NONE {
                        sb[month] = sa[month];
                        if sb[year] == NONE {
                            sb[year] = sa[year];
                        }
                    }
                    // a clock time B ending a range whose start A names the day takes that day
                    // ("Thursday 9-11am", "this Thu 9 to 11am")
                    let id = &self.ids;
                    let dated = [id.year, id.month, id.day, id.weekday, id.shift, id.unit, id.dir];
                    if sb[id.hour] != NONE && sa[id.hour] != NONE && dated.iter().all(|&k| sb[k] == NONE) {
                        for k in dated {
                            sb[k] = sa[k];
                        }
                    }
                    // a start with its own hour keeps its (whole) minutes: "1-2:30" starts at 1:00
                    let own_hour = sa[self.ids.hour] != NONE;
                    // "9:30 and 3:00 pm": a start the end's half of the day would put after the
                    // end keeps its own (morning) reading
                    let (h, mi) = (self.ids.hour, self.ids.minute);
                    let at = |s: &Slots| (s[h] + 12) * 60 + if s[mi] != NONE { s[mi] } else { 0 };
                    let after_end = own_hour && sb[h] != NONE && (1..12).contains(&sa[h]) && (1..12).contains(&sb[h]) && at(&sa) > at(&sb);
                    for k in 0..lang::NSLOTS {
                        // "8am - 1pm": a start with its own half of the day keeps it; "7 to
                        // 7:30pm": a start with its own hour keeps its minutes (none)
                        let own = (k == self.ids.pm && (sa[self.ids.pod] != NONE || after_end)) || (own_hour && (k == self.ids.minute || k == self.ids.second));
                        if sa[k] == NONE && !own {
                            sa[k] = sb[k];
                        }
                    }
                    // the rule's constants hold for the whole range
                    for &(k, v) in &r.set {
                        sb[k] = v;
                        if sa[k] == NONE {
                            sa[k] = v;
                        }
                    }
                    // a clock range never runs backwards within the morning: "11h30-1h30"
                    // ends at 13:30 (24-hour ranges such as "22h-2h" stay overnight)
                    let (h, pm) = (self.ids.hour, self.ids.pm);
                    if sa[h] != NONE && sb[h] != NONE && sb[pm] == NONE && sb[self.ids.pod] == NONE && sa[h] <= 12 && sb[h] < sa[h] && sb[h] + 12 > sa[h] {
                        sb[h] += 12;
                    }
                    // `lead=N` on a split rule: A's first N tokens ("du") stay out of TimeML spans
                    let lead = r.set.iter().find(|&&(k, _)| k == self.ids.lead).map_or(0, |&(_, v)| v as usize);
                    let a0 = if lead > 0 && sched != Some(SpanStyle::WithPrepositions) { (i + lead).min(ea - 1) } else { i };
                    sa[self.ids.lead] = NONE;
                    sb[self.ids.lead] = NONE;
                    out.push(Match { span: sp(a0, ea), slots: sa, tok: a0, end: ea, split: true, range: None, anchor: None });
                    out.push(Match { span: sp(ec, best.end), slots: sb, tok: ec, end: best.end, split: true, range: None, anchor: None });
                }
            }
            i = best.end;
        }
        match sched {
            None | Some(SpanStyle::TimeMl) => out,
            Some(SpanStyle::WithPrepositions) => {
                let out = self.compose(l, t, p, out, sched);
                let out = self.sum_durations(l, t, p, out);
                // prepositions first: "le 20 à partir de 10h" merges across the absorbed
                // "à partir de" and keeps its mod
                let ms = self.years(l, t, p, out);
                let ms = self.leads(l, t, p, ms, false);
                let ms = self.closed_ranges(l, t, p, ms);
                let ms = self.merge(l, t, p, ms);
                let ms = self.offsets(l, t, p, ms);
                let mut ms = self.coordinate(l, t, p, ms);
                // elliptic list items only stand with the list step (Recognizers style)
                ms.retain(|m| m.slots[self.ids.ell] == NONE);
                ms
            }
            Some(SpanStyle::Bare) => {
                let out = self.compose(l, t, p, out, sched);
                let out = self.sum_durations(l, t, p, out);
                let ms = self.years(l, t, p, out);
                let ms = self.merge(l, t, p, ms);
                let ms = self.bare(l, t, p, ms);
                let ms = self.fuse_ranges(l, t, p, ms);
                let ms = self.framed_ranges(l, ms);
                let ms = self.lasting(l, t, p, ms);
                // Recognizers keeps the prepositions that carry a mod ("avant 16h", "depuis 3 ans")
                let ms = self.leads(l, t, p, ms, true);
                let ms = self.offsets(l, t, p, ms);
                // a day and the clock time or range its lead bounds ("today before 4pm",
                // "tomorrow between 8am and 2pm") are one expression
                let ms = self.merge(l, t, p, ms);
                let ms = self.coordinate(l, t, p, ms);
                self.lists(l, t, p, ms)
            }
        }
    }

    /// Composition (scheduling-style inputs): rules that refer to first-pass expressions
    /// (`$TIME`, `$DUR`…, see the header of `fr.rules`) join them with the words around into
    /// one expression, Duckling-style: "in 7 days at 5pm", "3 days after easter", "8 this
    /// evening". The slots of the parts are merged (a conflict rejects the match) except the
    /// `$KIND:base` part, kept whole as the composite's anchor. Up to three rounds, so that a
    /// composite can be part of another ("at 7" + "in 3 years").
    fn compose(&self, l: &Lang, t: &Tokens, p: &Prep, mut ms: Vec<Match>, sched: Option<SpanStyle>) -> Vec<Match> {
        if !l.rules.iter().any(|r| r.comp) || ms.is_empty() {
            return ms;
        }
        let n = t.toks.len();
        let id = &self.ids;
        for _round in 0..3 {
            let mut at = vec![u32::MAX; n + 1];
            let mut kinds = Vec::with_capacity(ms.len());
            for (k, m) in ms.iter().enumerate() {
                at[m.tok] = k as u32;
                kinds.push(self.ref_kinds(l, m));
            }
            let refs = Refs { at: &at, ms: &ms, kinds: &kinds, base: id.base, skip: [id.lead, id.keep, id.endp, id.sched, id.base] };
            let mut work = [NONE; lang::NSLOTS];
            let mut out: Vec<Match> = Vec::with_capacity(ms.len());
            let mut changed = false;
            let mut next = 0; // index of the next first-pass match not yet consumed
            let mut i = 0;
            while i < n {
                let m = Matcher { l, p, t, start: i, refs: Some(&refs) };
                let mut best = Best { end: i, rule: u32::MAX, a: work, split: None };
                for (ri, r) in l.rules.iter().enumerate().filter(|(_, r)| r.comp) {
                    m.dfs(&r.parts[0], None, i, &mut work, &mut |pos, sl| {
                        if pos > best.end {
                            best = Best { end: pos, rule: ri as u32, a: *sl, split: None };
                        }
                    });
                }
                // the composite must cover whole expressions, and more than the one at `i`
                let covers = best.rule != u32::MAX
                    && ms[next..].iter().take_while(|x| x.tok < best.end).all(|x| x.tok >= i && x.end <= best.end)
                    && (at[i] == u32::MAX || ms[at[i] as usize].end < best.end);
                if !covers {
                    if at[i] != u32::MAX {
                        let k = at[i] as usize;
                        out.push(ms[k].clone());
                        next = k + 1;
                        i = ms[k].end;
                    } else {
                        i += 1;
                    }
                    continue;
                }
                let r = &l.rules[best.rule as usize];
                let mut sl = best.a;
                for &(k, v) in &r.set {
                    sl[k] = v;
                }
                let anchor = (sl[id.base] != NONE).then(|| Box::new(ms[sl[id.base] as usize].clone()));
                sl[id.base] = NONE;
                // `lead=N`: the first N tokens stay out of the span, but in Duckling's style
                // (or with `keep=1` in Recognizers'), as in the first pass
                let lead = if sl[id.lead] > 0 { sl[id.lead] as usize } else { 0 };
                let kept = sched == Some(SpanStyle::WithPrepositions) || (sched == Some(SpanStyle::Bare) && sl[id.keep] > 0);
                let s0 = if lead > 0 && !kept { (i + lead).min(best.end - 1) } else { i };
                sl[id.lead] = NONE;
                let span = Span::new(t.toks[s0].start as usize, t.toks[best.end - 1].end as usize);
                // the end of a split range grown into "11:00 on Thursday": the start takes its day
                let split_end = ms.get(next).is_some_and(|x| x.split && x.tok >= i) && out.last().is_some_and(|x| x.split);
                if split_end {
                    let first = out.last_mut().unwrap();
                    let dated = [id.year, id.month, id.day, id.weekday, id.shift, id.unit, id.tz];
                    if dated.iter().all(|&k| first.slots[k] == NONE) {
                        for k in dated {
                            first.slots[k] = sl[k];
                        }
                        // ... and its part of the day ("between 7 and 9 last night")
                        if first.slots[id.pod] == NONE && first.slots[id.pm] == NONE && first.slots[id.hour] != NONE {
                            first.slots[id.pod] = sl[id.pod];
                        }
                    }
                }
                while next < ms.len() && ms[next].tok < best.end {
                    next += 1;
                }
                out.push(Match { span, slots: sl, tok: s0, end: best.end, split: split_end, range: None, anchor });
                changed = true;
                i = best.end;
            }
            ms = out;
            if !changed {
                break;
            }
        }
        ms
    }

    /// The `$KIND`s a first-pass expression can stand for (bit `1 << RefKind`).
    fn ref_kinds(&self, l: &Lang, m: &Match) -> u8 {
        let id = &self.ids;
        let s = &m.slots;
        if s[id.drop] != NONE {
            return 0;
        }
        let bit = |k: lang::RefKind| 1u8 << (k as u8);
        match s[id.ty] {
            v if l.str_of(v) == Some("DURATION") => return bit(lang::RefKind::Dur),
            v if l.str_of(v) == Some("SET") => return bit(lang::RefKind::Set),
            _ => {}
        }
        let mut k = bit(lang::RefKind::Time);
        let dated = [id.year, id.yy, id.month, id.day, id.weekday, id.easter, id.shift, id.sign, id.season, id.quarter, id.half, id.weekend, id.century, id.decade, id.rf, id.unit]
            .iter()
            .any(|&x| s[x] != NONE)
            || m.anchor.is_some();
        if s[id.hour] != NONE && !dated {
            k |= bit(lang::RefKind::Clock);
        }
        if s[id.hour] == NONE && s[id.minute] == NONE {
            k |= bit(lang::RefKind::Date);
            // one day at most: no period unit but the day's (a weekday of a given week is a day)
            let unit = l.str_of(s[id.unit]);
            let period = [id.season, id.quarter, id.half, id.weekend, id.century, id.decade].iter().any(|&x| s[x] != NONE)
                || (s[id.month] != NONE && s[id.day] == NONE && s[id.easter] == NONE)
                || (s[id.year] != NONE && s[id.month] == NONE && s[id.day] == NONE && s[id.weekday] == NONE && s[id.easter] == NONE)
                || matches!(l.str_of(s[id.sub]), Some("W" | "WE" | "M" | "Q"))
                || (matches!(unit, Some(u) if u != "D") && s[id.sign] == NONE && s[id.weekday] == NONE && s[id.day] == NONE && s[id.sub] == NONE);
            if !period {
                k |= bit(lang::RefKind::Day);
            }
        }
        k
    }

    /// A date without its year and a bare year next to it are one date: "january 12 of 2016",
    /// "28 june in 2020", "father's day of 2015" (`@YEAR_JOIN` words between them), "2016 Q3"
    /// (the year first, nothing between).
    fn years(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let Some(yj) = l.classes.iter().position(|c| c == "YEAR_JOIN") else { return ms };
        let id = &self.ids;
        let others = [id.month, id.day, id.weekday, id.season, id.quarter, id.half, id.easter, id.shift, id.unit, id.sign, id.ty, id.rf, id.hour, id.pod, id.century, id.decade, id.ordinal];
        // a year in digits, or in words (`yearword` and `yy`)
        let bare_year = |m: &Match| !m.split && (m.slots[id.year] != NONE || m.slots[id.yearword] != NONE) && others.iter().all(|&k| m.slots[k] == NONE);
        let dated = [id.month, id.season, id.quarter, id.half, id.easter];
        let yearless = |m: &Match| {
            m.slots[id.year] == NONE && m.slots[id.yy] == NONE && m.slots[id.yearword] == NONE && dated.iter().any(|&k| m.slots[k] != NONE)
                && [id.shift, id.sign, id.ty, id.rf, id.drop, id.dir].iter().all(|&k| m.slots[k] == NONE)
        };
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        for m in ms {
            if let Some(prev) = out.last_mut() {
                let gap_ok = |a: usize, b: usize, words: bool| {
                    b >= a && b - a <= 2 && (a..b).all(|k| !t.toks[k].brk && words && l.cached(p, yj, k).any(|(e, _)| e == k + 1)) && !t.toks[b].brk
                };
                let fill = if yearless(prev) && bare_year(&m) && gap_ok(prev.end, m.tok, true) {
                    Some(m.slots)
                } else if bare_year(prev) && yearless(&m) && gap_ok(prev.end, m.tok, false) {
                    Some(prev.slots)
                } else {
                    None
                };
                if let Some(y) = fill {
                    let mut sl = if yearless(prev) { prev.slots } else { m.slots };
                    for k in [id.year, id.yearword, id.yy] {
                        sl[k] = y[k];
                    }
                    prev.slots = sl;
                    prev.span = Span::new(prev.span.start, m.span.end);
                    prev.end = m.end;
                    // the end of a split range ("between 2 and 7 Feb 2018"): the start shares the year
                    if prev.split {
                        if let Some(first) = out.len().checked_sub(2).map(|k| &mut out[k]).filter(|f| f.split && yearless(f)) {
                            for k in [id.year, id.yearword, id.yy] {
                                first.slots[k] = y[k];
                            }
                        }
                    }
                    continue;
                }
            }
            out.push(m);
        }
        out
    }

    /// A duration counted from a day is that day moved by the duration: "three weeks from
    /// tomorrow", "2 weeks before Christmas" (an `@OFFSET` word between the two, or taken by
    /// the second as its lead), and durations in a row before a relative day add up ("2 years
    /// 1 month 21 days ago", "2 weeks and 2 days ago", `@DUR_JOIN` words between them). The
    /// result keeps the day's slots with the offset in `offm` / `offd` (calendar units only).
    fn offsets(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let class = |n: &str| l.classes.iter().position(|c| c == n);
        let Some(off) = class("OFFSET") else { return ms };
        let dj = class("DUR_JOIN");
        let id = &self.ids;
        let s = |v: i32| l.str_of(v);
        // (months, days) of n units
        let amount = |sl: &Slots| -> Option<(i32, i32)> {
            let mut n = sl[id.n];
            if n == NONE || sl[id.frac] != NONE || sl[id.half_hour] != NONE {
                return None;
            }
            if sl[id.n2] != NONE {
                n += sl[id.n2];
            }
            if sl[id.mult] != NONE {
                n *= sl[id.mult];
            }
            Some(match s(sl[id.unit])? {
                "Y" => (12 * n, 0),
                "M" => (n, 0),
                "Q" => (3 * n, 0),
                "DE" => (120 * n, 0),
                "W" => (0, 7 * n),
                "D" => (0, n),
                _ => return None,
            })
        };
        let duration = |m: &Match| !m.split && s(m.slots[id.ty]) == Some("DURATION") && matches!(s(m.slots[id.md]), None | Some("MORE_THAN" | "LESS_THAN")) && amount(&m.slots).is_some();
        let intern = |v: &str| l.strings.iter().position(|x| x == v).map(|i| lang::STR_BASE + i as i32);
        // the `@OFFSET` entry covering exactly tokens a..b (a < b)
        let offset_at = |a: usize, b: usize| l.cached(p, off, a).find(|&(e, _)| e == b).map(|(_, e)| e.set.first().map_or(1, |&(_, v)| v));
        let add = |sl: &mut Slots, (mo, d): (i32, i32), k: i32| {
            sl[id.offm] = if sl[id.offm] == NONE { 0 } else { sl[id.offm] } + k * mo;
            sl[id.offd] = if sl[id.offd] == NONE { 0 } else { sl[id.offd] } + k * d;
        };
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        for mut m in ms {
            while let Some(a) = out.last().filter(|a| duration(a) && a.end <= m.tok) {
                let amt = amount(&a.slots).unwrap_or((0, 0));
                let mut sl = m.slots;
                // "N units before/after/from <day>": the word between, or the second's lead
                let dir = if a.end < m.tok {
                    offset_at(a.end, m.tok)
                } else {
                    let lead = l.cached(p, off, m.tok).filter(|&(e, _)| e < m.end).map(|(e, en)| (e, en.set.first().map_or(1, |&(_, v)| v))).max();
                    lead.map(|(_, v)| {
                        sl[id.md] = NONE;
                        v
                    })
                };
                if let Some(k) = dir {
                    add(&mut sl, amt, k);
                    sl[id.md] = match (s(a.slots[id.md]), k > 0) {
                        (Some("MORE_THAN"), true) => intern("AFTER").unwrap_or(NONE),
                        (Some("MORE_THAN"), false) => intern("BEFORE").unwrap_or(NONE),
                        _ => sl[id.md],
                    };
                } else {
                    // "2 years 1 month 21 days ago": the durations before a relative day add up
                    let gap_ok = (a.end..m.tok).all(|k| dj.is_some_and(|c| l.cached(p, c, k).any(|(e, _)| e == k + 1)));
                    let counted = sl[id.offm] != NONE || sl[id.offd] != NONE;
                    let sign = sl[id.sign];
                    if !gap_ok || a.slots[id.md] != NONE || !(counted || (sign != NONE && s(sl[id.ty]).is_none())) {
                        break;
                    }
                    let k = if counted { if sl[id.offm] + sl[id.offd] < 0 { -1 } else { 1 } } else { sign };
                    if !counted {
                        // the relative day itself becomes an offset from the reference
                        let Some(own) = amount(&sl) else { break };
                        add(&mut sl, own, k);
                        for x in [id.n, id.n2, id.mult, id.sign] {
                            sl[x] = NONE;
                        }
                        sl[id.shift] = 0;
                        sl[id.unit] = intern("D").unwrap_or(NONE);
                    }
                    add(&mut sl, amt, k);
                }
                let a = out.pop().expect("checked");
                m = Match { span: Span::new(a.span.start, m.span.end), slots: sl, tok: a.tok, end: m.end, split: false, range: None, anchor: None };
            }
            out.push(m);
        }
        let _ = t;
        out
    }

    /// Durations in a row add up ("1 hour and 30 minutes", "2 days 1 hour 5 minutes 30
    /// seconds", "5 years 1 month": nothing or `@DUR_JOIN` words between, each unit smaller than
    /// the one before): one DURATION counted in the smallest unit (PT90M), calendar units
    /// (years, months) and clock-like units (weeks to seconds) apart.
    fn sum_durations(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let dj = l.classes.iter().position(|c| c == "DUR_JOIN");
        let id = &self.ids;
        // (scale, size in the smallest unit of the scale)
        let size = |u: Option<&str>| -> Option<(u8, i64)> {
            Some(match u? {
                "Y" => (0, 12),
                "M" => (0, 1),
                "W" => (1, 604800),
                "D" => (1, 86400),
                "H" => (1, 3600),
                "MIN" => (1, 60),
                "S" => (1, 1),
                _ => return None,
            })
        };
        let plain = |m: &Match| {
            !m.split && l.str_of(m.slots[id.ty]) == Some("DURATION") && m.slots[id.n] != NONE
                && [id.frac, id.half_hour, id.n2, id.mult, id.sign, id.shift, id.comp].iter().all(|&k| m.slots[k] == NONE)
        };
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        for m in ms {
            if let Some(a) = out.last_mut() {
                let (ua, ub) = (size(l.str_of(a.slots[id.unit])), size(l.str_of(m.slots[id.unit])));
                let gap = a.end <= m.tok && (a.end == m.tok || dj.is_some_and(|c| joined(l, t, p, c, a.end, m.tok)));
                if let (true, true, true, Some((sa, za)), Some((sb, zb))) = (plain(a), plain(&m) && m.slots[id.md] == NONE, gap, ua, ub) {
                    if sa == sb && za > zb {
                        let n = a.slots[id.n] as i64 * (za / zb) + m.slots[id.n] as i64;
                        if let Ok(n) = i32::try_from(n) {
                            a.slots[id.n] = n;
                            a.slots[id.unit] = m.slots[id.unit];
                            a.span = Span::new(a.span.start, m.span.end);
                            a.end = m.end;
                            continue;
                        }
                    }
                }
            }
            out.push(m);
        }
        out
    }

    /// A range of weekdays right after the week they are in is one expression, its bounds in
    /// that week: "next week between Wednesday and Friday", "this week from Tue to Thur".
    fn framed_ranges(&self, l: &Lang, ms: Vec<Match>) -> Vec<Match> {
        let id = &self.ids;
        let week = |m: &Match| m.range.is_none() && m.slots[id.shift] != NONE && l.str_of(m.slots[id.unit]) == Some("W") && m.slots[id.weekday] == NONE && m.slots[id.day] == NONE;
        let bare_day = |s: &Slots| s[id.weekday] != NONE && [id.shift, id.unit, id.day, id.month, id.year, id.dir, id.hour].iter().all(|&k| s[k] == NONE);
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        for mut m in ms {
            if let Some(prev) = out.last().filter(|p| week(p) && p.end == m.tok) {
                if m.range.as_deref().is_some_and(|e| bare_day(&e.slots)) && bare_day(&m.slots) {
                    let (s, u) = (prev.slots[id.shift], prev.slots[id.unit]);
                    let prev = out.pop().expect("checked");
                    m.slots[id.shift] = s;
                    m.slots[id.unit] = u;
                    if let Some(e) = m.range.as_deref_mut() {
                        e.slots[id.shift] = s;
                        e.slots[id.unit] = u;
                    }
                    m.span = Span::new(prev.span.start, m.span.end);
                    m.tok = prev.tok;
                }
            }
            out.push(m);
        }
        out
    }

    /// A clock time and how long it lasts, told with a `@LASTING` word ("from 2pm for 2 hours",
    /// "for 3 hours from 10 am"), are one range (Recognizers style): it starts at the clock time
    /// and its end is that time moved by the duration.
    fn lasting(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let Some(lasting) = l.classes.iter().position(|c| c == "LASTING") else { return ms };
        let open = l.classes.iter().position(|c| c == "RANGE_OPEN");
        let id = &self.ids;
        let intern = |v: &str| l.strings.iter().position(|x| x == v).map(|i| lang::STR_BASE + i as i32);
        let (Some(shift), Some(dur)) = (intern("shift"), intern("DURATION")) else { return ms };
        let clock = |m: &Match| m.slots[id.hour] != NONE && m.slots[id.ty] == NONE && m.range.is_none() && m.anchor.is_none();
        let is_dur = |m: &Match| m.slots[id.ty] == dur && m.slots[id.n] != NONE && m.range.is_none();
        // the end: the duration counted from the start
        let end_of = |d: &Match, start: &Match| {
            let mut e = d.clone();
            e.slots[id.ty] = NONE;
            e.slots[id.md] = NONE;
            e.slots[id.comp] = shift;
            e.slots[id.sign] = 1;
            e.anchor = Some(Box::new(start.clone()));
            Box::new(e)
        };
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        for m in ms {
            if let Some(prev) = out.last_mut() {
                // "from 2pm for 2 hours" (after a range opener: "at 2pm for 1 hr" is a time and
                // a length)
                let opener = open.and_then(|o| (prev.tok.saturating_sub(3)..prev.tok).find(|&j| l.cached(p, o, j).any(|(e, _)| e == prev.tok)));
                if let (true, Some(j)) = (clock(prev) && is_dur(&m) && prev.end < m.tok && l.cached(p, lasting, prev.end).any(|(e, _)| e == m.tok), opener) {
                    let mut start = prev.clone();
                    start.slots[id.md] = NONE;
                    let end = end_of(&m, &start);
                    prev.slots[id.md] = NONE;
                    prev.span = Span::new(t.toks[j].start as usize, m.span.end);
                    prev.tok = j;
                    prev.end = m.end;
                    prev.range = Some(end);
                    continue;
                }
            }
            // "for 3 hours from 10 am": a duration counted from a clock time, after the word
            let anchored = m.slots[id.comp] == shift && m.anchor.as_deref().is_some_and(clock);
            if let (true, Some(k)) = (anchored, m.tok.checked_sub(1)) {
                if l.cached(p, lasting, k).any(|(e, _)| e == m.tok) && !t.toks[m.tok].brk {
                    let start = m.anchor.as_deref().cloned().expect("checked");
                    let mut d = m.clone();
                    d.slots[id.ty] = dur;
                    let end = end_of(&d, &start);
                    let mut r = start;
                    r.span = Span::new(t.toks[k].start as usize, m.span.end);
                    r.tok = k;
                    r.end = m.end;
                    r.range = Some(end);
                    out.push(r);
                    continue;
                }
            }
            out.push(m);
        }
        out
    }

    /// Coordinated weekdays share the week the first one names: "next week on Tuesday or
    /// Thursday", "next week Mon, Wed, Fri" (`@COORD` words between them).
    fn coordinate(&self, l: &Lang, t: &Tokens, p: &Prep, mut ms: Vec<Match>) -> Vec<Match> {
        let Some(coord) = l.classes.iter().position(|c| c == "COORD") else { return ms };
        let id = &self.ids;
        for i in 1..ms.len() {
            let (a, b) = (&ms[i - 1], &ms[i]);
            let week = a.slots[id.weekday] != NONE && a.slots[id.shift] != NONE && l.str_of(a.slots[id.unit]) == Some("W");
            let bare = b.slots[id.weekday] != NONE && [id.shift, id.unit, id.day, id.month, id.year, id.dir, id.ty].iter().all(|&k| b.slots[k] == NONE);
            if week && bare && b.tok > a.end && joined(l, t, p, coord, a.end, b.tok) {
                let (s, u) = (a.slots[id.shift], a.slots[id.unit]);
                ms[i].slots[id.shift] = s;
                ms[i].slots[id.unit] = u;
            }
        }
        ms
    }

    /// Duckling-style spans: "from 3pm to 5pm" is a closed range written as two expressions,
    /// so the open-interval mod that the `@RANGE_OPEN` lead of its first half carries
    /// ("from" → AFTER, "depuis" → ON_OR_AFTER) does not apply when a `@RANGE_JOIN` word opens
    /// the very next expression.
    fn closed_ranges(&self, l: &Lang, _t: &Tokens, p: &Prep, mut ms: Vec<Match>) -> Vec<Match> {
        let class = |n: &str| l.classes.iter().position(|c| c == n);
        let (Some(join), Some(open)) = (class("RANGE_JOIN"), class("RANGE_OPEN")) else { return ms };
        for i in 1..ms.len() {
            let (a, b) = (&ms[i - 1], &ms[i]);
            // the connector opens the second expression ("to 5pm") or stands between ("3pm - 5pm")
            let linked = (b.tok == a.end && l.cached(p, join, b.tok).next().is_some()) || (b.tok > a.end && joined(l, _t, p, join, a.end, b.tok));
            // "from 4pm for 30 minutes": a start and the duration right after it close the range
            let lasting = b.tok == a.end && l.str_of(b.slots[self.ids.ty]) == Some("DURATION") && l.str_of(a.slots[self.ids.ty]) != Some("DURATION");
            let opened = (linked || lasting) && l.cached(p, open, a.tok).next().is_some();
            // "for 30 minutes starting from 4pm": a duration, then the point it runs from (its
            // lead's after-mod) start a closed range: the point is its start, no open interval
            let md_of = |m: &Match| l.str_of(m.slots[self.ids.md]);
            let runs_from = b.tok == a.end && l.str_of(a.slots[self.ids.ty]) == Some("DURATION") && l.str_of(b.slots[self.ids.ty]) != Some("DURATION") && matches!(md_of(b), Some("AFTER" | "ON_OR_AFTER"));
            // "9:30 till 11:00": the end of a closed range drops its connector's mod; so does
            // one of the same kind right after the start ("2014 through 2018", both dates)
            let same_kind = (a.slots[self.ids.hour] == NONE) == (b.slots[self.ids.hour] == NONE);
            let closed = b.tok == a.end && (a.split || opened || same_kind) && l.cached(p, join, b.tok).next().is_some();
            // "later than 3:30pm but before 6pm": a lower bound, then an upper one of the same
            // kind right after it, close a range (between them) rather than two open intervals
            let bounded = b.tok == a.end && same_kind && matches!(md_of(a), Some("AFTER" | "ON_OR_AFTER")) && matches!(md_of(b), Some("BEFORE" | "ON_OR_BEFORE"));
            if opened || bounded {
                ms[i - 1].slots[self.ids.md] = NONE;
            }
            if bounded {
                // a day told with the upper bound is the lower one's too ("later than 9:30 but
                // before 11:00 on Thursday"), as a range's first half takes its day
                let id = &self.ids;
                let days = [id.year, id.yy, id.month, id.day, id.weekday, id.easter, id.shift, id.unit, id.dir];
                let (a, b) = (ms[i - 1].slots, ms[i].slots);
                if days.iter().all(|&k| a[k] == NONE) && a[id.hour] != NONE {
                    for &k in &days {
                        ms[i - 1].slots[k] = b[k];
                    }
                }
            }
            if closed || runs_from || bounded {
                ms[i].slots[self.ids.md] = NONE;
            }
        }
        ms
    }

    /// Recognizers-style ranges are one expression: two matches joined by a `@RANGE_JOIN`
    /// word ("4pm à 5pm"), with a `@RANGE_OPEN` word before ("de", "entre"; not one that sets a
    /// slot, an open interval's "depuis"), become one span (value and slots of the first, the
    /// start of the range).
    fn fuse_ranges(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let class = |n: &str| l.classes.iter().position(|c| c == n);
        let (Some(join), open) = (class("RANGE_JOIN"), class("RANGE_OPEN")) else { return ms };
        let rc = RangeClasses::of(l);
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        for m in ms {
            if let Some(prev) = out.last_mut() {
                // the connector may be outside both ("4pm à 5pm") or the lead the second one
                // took with its mod ("today till tomorrow": "till tomorrow", BEFORE)
                if range_link(l, &self.ids, rc, t, p, prev, &m) {
                    // "2:00 - 2:30 pm": a start without its half of the day takes the end's
                    // when it then still comes first
                    let id = &self.ids;
                    let (a, b) = (&prev.slots, &m.slots);
                    let minutes = |s: &Slots, h: i32| h * 60 + if s[id.minute] != NONE { s[id.minute] } else { 0 };
                    if (1..12).contains(&a[id.hour]) && a[id.pm] == NONE && a[id.pod] == NONE && b[id.pm] != NONE && (1..12).contains(&b[id.hour]) && minutes(a, a[id.hour] + 12) <= minutes(b, b[id.hour] + 12) {
                        prev.slots[id.pm] = b[id.pm];
                    }
                    prev.span = Span::new(prev.span.start, m.span.end);
                    prev.end = m.end;
                    prev.split = true;
                    // a range is elliptic only when both its ends are ("6-8", not "6-8 next Monday")
                    if m.slots[self.ids.ell] == NONE {
                        prev.slots[self.ids.ell] = NONE;
                    } else if m.slots[self.ids.month] == NONE && prev.slots[self.ids.month] == NONE {
                        // ... and a range ending on an elliptic day is as elliptic ("between the
                        // 21st and 23rd" names no month)
                        prev.slots[self.ids.ell] = m.slots[self.ids.ell];
                    }
                    // a clock time ending a range that starts on a day is on that day too
                    // ("tomorrow 1-3 pm", "next Monday 1pm-3pm")
                    let mut m = m;
                    let id = &self.ids;
                    let dated = [id.year, id.month, id.day, id.weekday, id.shift, id.unit, id.dir];
                    if m.slots[id.hour] != NONE && prev.slots[id.hour] != NONE && dated.iter().all(|&k| m.slots[k] == NONE || m.slots[k] == prev.slots[k]) {
                        for k in dated {
                            if m.slots[k] == NONE {
                                m.slots[k] = prev.slots[k];
                            }
                        }
                    }
                    // "2:00 - 2:30 pm": a start without its half of the day, earlier than the
                    // end on the clock, is in the end's afternoon too
                    let (h0, h1) = (prev.slots[id.hour], m.slots[id.hour]);
                    let min = |s: &Slots| if s[id.minute] == NONE { 0 } else { s[id.minute] };
                    if h0 != NONE && h1 != NONE && m.slots[id.pm] != NONE && prev.slots[id.pm] == NONE && prev.slots[id.pod] == NONE && h0 < 12 && (h0 * 60 + min(&prev.slots)) < (h1 % 12) * 60 + min(&m.slots) {
                        prev.slots[id.pm] = m.slots[id.pm];
                    }
                    prev.range = Some(Box::new(m));
                    if let Some(o) = open {
                        let lo = prev.tok.saturating_sub(3);
                        if let Some(j) = (lo..prev.tok).find(|&j| l.cached(p, o, j).any(|(e, en)| e == prev.tok && en.set.is_empty())) {
                            prev.span = Span::new(t.toks[j].start as usize, prev.span.end);
                            prev.tok = j;
                        }
                    }
                    continue;
                }
            }
            out.push(m);
        }
        // "16-17 heures", "5 au 6 du soir": a bare number and a connector before a clock time
        // or a day open the range; the number takes the hour (or day) slot of the start
        let (hour, day, minute) = (self.ids.hour, self.ids.day, self.ids.minute);
        let mut prev_end = 0;
        for m in out.iter_mut() {
            let k = m.tok;
            if !m.split && k >= prev_end + 2 && t.toks[k - 2].kind == Kind::Num && !t.toks[k - 1].brk && l.cached(p, join, k - 1).any(|(e, _)| e == k) {
                let v = t.toks[k - 2].num as i32;
                let slot = if m.slots[hour] != NONE && v <= 24 && v % 12 != m.slots[hour] % 12 {
                    Some(hour)
                } else if m.slots[hour] == NONE && m.slots[day] != NONE && v <= 31 && v < m.slots[day] {
                    Some(day)
                } else {
                    None
                };
                if let Some(sl) = slot {
                    let end = Box::new(m.clone());
                    // "5 au 6 du soir": the start shares the end's half of the day
                    m.slots[sl] = if sl == hour && m.slots[hour] > 12 && v <= 12 && v + 12 < m.slots[hour] { v + 12 } else { v };
                    if sl == hour {
                        m.slots[minute] = NONE;
                    }
                    m.tok = k - 2;
                    m.span = Span::new(t.toks[k - 2].start as usize, m.span.end);
                    m.split = true;
                    m.range = Some(end);
                    if let Some(o) = open {
                        let lo = m.tok.saturating_sub(3).max(prev_end);
                        if let Some(j) = (lo..m.tok).find(|&j| l.cached(p, o, j).any(|(e, en)| e == m.tok && en.set.is_empty())) {
                            m.span = Span::new(t.toks[j].start as usize, m.span.end);
                            m.tok = j;
                        }
                    }
                }
            }
            prev_end = m.end;
        }
        out
    }

    /// Coordinated lists (Recognizers style): expressions joined by `@COORD` words ("or",
    /// "and", ",") share the context one of them states. An item takes from its neighbour the
    /// slots coarser than its own coarsest when the neighbour is parallel to it (states that
    /// level too): "next week on Tuesday or Thursday" (Thursday of next week), "July 17th, 18th"
    /// (July), "Mon 9 am or 1 pm" (1 pm on that Monday), "the 22nd, 23rd or 31st of March"
    /// (from the last item back); a bare weekday also takes the part of the day of the item
    /// after it ("Tuesday or Wednesday morning"); a relative week takes the weekday of the week
    /// before it ("Friday this week or next week"), a bare month the day counted inside the
    /// month before it ("the first Monday of September or December"); a range item's end
    /// shares what its start took. A lone `@NEXT_ADJ` / `@PAST_ADJ` / `@THIS`
    /// word coordinated with a relative unit names that unit ("this week or next", "this or
    /// next week"). Elliptic items (`ell=1`, "18th") stand only when the list completes them.
    /// A relative week and a weekday a plain preposition opens a few words later in the clause
    /// are one day ("next week, preferably on Tuesday").
    fn lists(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let id = &self.ids;
        let Some(join) = l.classes.iter().position(|c| c == "COORD") else {
            let mut ms = ms;
            ms.retain(|m| m.slots[id.ell] == NONE);
            return ms;
        };
        let s = |v: i32| l.str_of(v);
        // the level of a slot set: 0 year, 1 month, 2 week, 3 day, 4 time of day
        let unit_level = |u: i32| match s(u) {
            Some("Y" | "DE" | "CE") => Some(0),
            Some("M" | "Q") => Some(1),
            Some("W" | "WE") => Some(2),
            Some("D") => Some(3),
            _ => None,
        };
        let levels = |sl: &Slots| -> [bool; 5] {
            let mut lv = [false; 5];
            let any = |ks: &[usize]| ks.iter().any(|&k| sl[k] != NONE);
            lv[0] = any(&[id.year, id.yy]);
            lv[1] = any(&[id.month, id.season, id.quarter, id.half]);
            lv[3] = any(&[id.day, id.weekday, id.easter]);
            lv[4] = any(&[id.hour, id.minute, id.pod]);
            if sl[id.shift] != NONE {
                if let Some(k) = unit_level(sl[id.unit]) {
                    lv[k] = true;
                }
            }
            lv
        };
        // a relative unit ("this week", "last year"): a shift of a calendar unit, nothing finer
        let rel_unit = |m: &Match| {
            let sl = &m.slots;
            sl[id.shift] != NONE && unit_level(sl[id.unit]).is_some_and(|k| k < 3) && sl[id.ty] == NONE && [id.weekday, id.day, id.hour, id.pod, id.month].iter().all(|&k| sl[k] == NONE)
        };
        let adj: Vec<usize> = ["NEXT_ADJ", "PAST_ADJ", "THIS"].iter().filter_map(|n| l.classes.iter().position(|c| c == n)).collect();
        // the shift a lone direction word at token k gives, when it is one
        let dir_shift = |k: usize| -> Option<i32> {
            adj.iter().find_map(|&c| {
                l.cached(p, c, k).find(|&(e, _)| e == k + 1).and_then(|(_, en)| {
                    en.set.iter().find(|&&(sk, _)| sk == id.dir).and_then(|&(_, v)| match s(v) {
                        Some("future") => Some(1),
                        Some("past") => Some(-1),
                        Some("this") => Some(0),
                        _ => None,
                    })
                })
            })
        };
        let is_join = |a: usize, b: usize| b > a && b - a <= 2 && joined(l, t, p, join, a, b);
        let n = t.toks.len();
        // 1. lone direction words coordinated with a relative unit
        let mut ms = ms;
        let mut extra: Vec<Match> = vec![];
        for (k, m) in ms.iter().enumerate() {
            if !rel_unit(m) {
                continue;
            }
            let free = |j: usize| !ms.iter().any(|x| x.tok <= j && j < x.end) && t.toks[j].kind == Kind::Word;
            let mk = |j: usize, sh: i32| {
                let mut sl = m.slots;
                sl[id.shift] = sh;
                sl[id.md] = NONE;
                Match { span: Span::new(t.toks[j].start as usize, t.toks[j].end as usize), slots: sl, tok: j, end: j + 1, split: false, range: None, anchor: None }
            };
            // "this week or next": the word after the list connector, not opening another expression
            let next_tok = ms.get(k + 1).map_or(n, |x| x.tok);
            for j in m.end + 1..(m.end + 3).min(n) {
                if is_join(m.end, j) && free(j) && j < next_tok {
                    if let Some(sh) = dir_shift(j) {
                        extra.push(mk(j, sh));
                    }
                    break;
                }
            }
            // "this or next week": the word before, when the unit's own first word is one
            if dir_shift(m.tok).is_some() {
                let prev_end = if k > 0 { ms[k - 1].end } else { 0 };
                for j in (m.tok.saturating_sub(3)..m.tok.saturating_sub(1)).rev() {
                    if j >= prev_end && is_join(j + 1, m.tok) && free(j) {
                        if let Some(sh) = dir_shift(j) {
                            extra.push(mk(j, sh));
                        }
                        break;
                    }
                }
            }
        }
        if !extra.is_empty() {
            ms.extend(extra);
            ms.sort_by_key(|m| m.tok);
        }
        // "next week, preferably on Tuesday": a relative week and a weekday that a plain
        // preposition (`@LEAD` without a mod) opens a few words later in the same clause are one
        // day, that weekday of that week
        if let Some(lead) = l.lead_class {
            let mut k = 0;
            while k + 1 < ms.len() {
                // (negative matches in between, "how about", are filler too)
                let mut j = k + 1;
                while j + 1 < ms.len() && ms[j].slots[id.drop] != NONE {
                    j += 1;
                }
                let (a, b) = (&ms[k], &ms[j]);
                let wk = rel_unit(a) && l.str_of(a.slots[id.unit]) == Some("W");
                let bare_day = b.slots[id.weekday] != NONE && [id.shift, id.unit, id.day, id.month, id.hour, id.ty].iter().all(|&x| b.slots[x] == NONE);
                let gap_ok = b.tok > a.end + 1 && b.tok - a.end <= 5 && (a.end..b.tok).all(|j| !t.toks[j].brk && !matches!(t.low(j), "." | "?" | "!" | ";"));
                let opened = b.tok > 0 && l.cached(p, lead, b.tok - 1).any(|(e, en)| e == b.tok && en.set.is_empty());
                if wk && bare_day && gap_ok && opened {
                    let mut m = ms.remove(j);
                    ms.drain(k + 1..j);
                    let a = &ms[k];
                    m.slots[id.shift] = a.slots[id.shift];
                    m.slots[id.unit] = a.slots[id.unit];
                    m.span = Span::new(a.span.start, m.span.end);
                    m.tok = a.tok;
                    ms[k] = m;
                }
                k += 1;
            }
        }
        // 2. chains of items joined by list connectors
        // weekdays may follow each other without a connector ("on Tuesday Wednesday or Thursday")
        let weekday_only = |m: &Match| m.slots[id.weekday] != NONE && [id.day, id.month, id.hour, id.pod, id.ty].iter().all(|&k| m.slots[k] == NONE);
        let linked: Vec<bool> = (1..ms.len()).map(|k| is_join(ms[k - 1].end, ms[k].tok) || (ms[k - 1].end == ms[k].tok && weekday_only(&ms[k - 1]) && weekday_only(&ms[k]))).collect();
        let level_slots: [Vec<usize>; 4] = [vec![id.year, id.yy], vec![id.month, id.season, id.quarter, id.half], vec![], vec![id.day, id.weekday, id.easter]];
        let dated_slots = |lv: usize| -> &[usize] { &level_slots[lv.min(3)] };
        let carry = |from: &Slots, to: &mut Slots| -> bool {
            let lt = levels(to);
            let lf = levels(from);
            let Some(c) = (0..5).find(|&k| lt[k]) else { return false };
            if !lf[c] || (0..c).all(|k| !lf[k]) {
                return false;
            }
            for k in 0..c {
                for &x in dated_slots(k) {
                    to[x] = from[x];
                }
            }
            if from[id.shift] != NONE && unit_level(from[id.unit]).is_some_and(|u| u < c) && to[id.shift] == NONE {
                to[id.shift] = from[id.shift];
                to[id.unit] = from[id.unit];
            }
            // the direction that picks the day ("next Monday": the coming one) goes with it
            if to[id.dir] == NONE {
                to[id.dir] = from[id.dir];
            }
            true
        };
        let mut k = 0;
        while k < ms.len() {
            let mut e = k;
            while e < linked.len() && linked[e] {
                e += 1;
            }
            // items k..=e form a chain
            if e > k {
                for i in k + 1..=e {
                    let from = ms[i - 1].slots;
                    let before = ms[i].slots;
                    carry(&from, &mut ms[i].slots);
                    // "Friday this week or next week": the weekday of the week named first holds
                    // in the week coordinated with it
                    let to = &mut ms[i].slots;
                    let week = |x: &Slots| x[id.shift] != NONE && l.str_of(x[id.unit]) == Some("W");
                    if week(to) && to[id.weekday] == NONE && to[id.day] == NONE && week(&from) && from[id.weekday] != NONE {
                        to[id.weekday] = from[id.weekday];
                    }
                    // "the first Monday of September or December": a bare month takes the day
                    // counted inside the month named first
                    let bare_month = [id.day, id.weekday, id.sub, id.shift, id.hour, id.ty].iter().all(|&k| to[k] == NONE) && to[id.month] != NONE;
                    if bare_month && from[id.month] != NONE && from[id.sub] != NONE {
                        for k in [id.sub, id.ordinal, id.weekday] {
                            to[k] = from[k];
                        }
                    }
                    // a range item's end shares the day it took ("1-3 pm or 5-6 pm")
                    let after = ms[i].slots;
                    if let Some(end) = ms[i].range.as_deref_mut() {
                        for x in 0..lang::NSLOTS {
                            if before[x] == NONE && after[x] != NONE && end.slots[x] == NONE {
                                end.slots[x] = after[x];
                            }
                        }
                    }
                }
                for i in (k..e).rev() {
                    let from = ms[i + 1].slots;
                    let before = ms[i].slots;
                    carry(&from, &mut ms[i].slots);
                    let after = ms[i].slots;
                    if let Some(end) = ms[i].range.as_deref_mut() {
                        for x in 0..lang::NSLOTS {
                            if before[x] == NONE && after[x] != NONE && end.slots[x] == NONE {
                                end.slots[x] = after[x];
                            }
                        }
                    }
                    // "Tuesday or Wednesday morning": a bare weekday takes the part of the day
                    let to = &mut ms[i].slots;
                    let lt = levels(to);
                    if to[id.weekday] != NONE && !lt[4] && from[id.pod] != NONE && from[id.hour] == NONE && from[id.weekday] != NONE {
                        to[id.pod] = from[id.pod];
                    }
                    // ... or the clock range of the item after it ("Tuesday or Wednesday from
                    // 10-4"), when it is a bare weekday (no week or direction of its own)
                    let bare_wd = to[id.weekday] != NONE && [id.shift, id.dir, id.day, id.month, id.hour, id.pod, id.ty].iter().all(|&x| to[x] == NONE);
                    let end = ms[i + 1].range.clone();
                    if bare_wd && from[id.weekday] != NONE && from[id.hour] != NONE && end.is_some() {
                        let wd = ms[i].slots[id.weekday];
                        for x in [id.hour, id.minute, id.pm, id.pod] {
                            ms[i].slots[x] = from[x];
                        }
                        let mut e = end.expect("checked");
                        e.slots[id.weekday] = wd;
                        ms[i].range = Some(e);
                    }
                }
                // an elliptic item stands when an item next to it is parallel (its coarsest
                // level stated too) and it got its context ("18th" of "July 17th, 18th")
                for i in k..=e {
                    if ms[i].slots[id.ell] == NONE {
                        continue;
                    }
                    let own = levels(&ms[i].slots);
                    let Some(c) = (0..5).find(|&x| own[x]) else { continue };
                    let parallel = |j: usize| levels(&ms[j].slots)[c];
                    // (an elliptic day ends there: punctuation, a connector or a preposition next;
                    // "July 1st, 17th times" is a count of times)
                    let after = ms[i].end;
                    let ends = after >= n || t.toks[after].kind == Kind::Punct || l.cached(p, join, after).next().is_some() || l.lead_class.is_some_and(|c| l.cached(p, c, after).next().is_some());
                    let day_ok = ms[i].slots[id.day] == NONE || (ms[i].slots[id.month] != NONE && ends);
                    if day_ok && ((i > k && parallel(i - 1)) || (i < e && parallel(i + 1))) {
                        ms[i].slots[id.ell] = NONE;
                    }
                }
            }
            k = e + 1;
        }
        ms.retain(|m| m.slots[id.ell] == NONE);
        ms
    }

    /// Bare spans leave out an article (`@DET`) before a day number: "le 12 janvier" →
    /// "12 janvier" (Recognizers keeps it elsewhere: "la semaine prochaine", "les années 70"),
    /// and the final period of a month abbreviation that ends the text.
    fn bare(&self, l: &Lang, t: &Tokens, p: &Prep, mut ms: Vec<Match>) -> Vec<Match> {
        let det = l.classes.iter().position(|c| c == "DET");
        // a preposition it never keeps, taken by an optional first element of a rule ("at?
        // 2pm" → "2pm"; `@BARE_DROP`), unless the rule keeps its lead (`keep=1`) or it is part
        // of a fixed phrase ("at present")
        let drop = l.classes.iter().position(|c| c == "BARE_DROP");
        // ... and before a day or season name ("le vendredi", "le lendemain", "l'été")
        let named: Vec<usize> = ["WEEKDAY", "WEEKDAY_FULL", "ANAPHORIC_DAY", "HOLIDAY", "SEASON"].iter().filter_map(|n| l.classes.iter().position(|c| c == n)).collect();
        // a month abbreviation's period that ends the text is the sentence's ("1 janv.")
        let month = l.classes.iter().position(|c| c == "MONTH");
        // ... or of a half of the day's abbreviation ("at 9p.")
        let timepod = l.classes.iter().position(|c| c == "TIMEPOD");
        let n = t.toks.len();
        // ... and before a part of the day that a clock time follows ("l'après-midi 7:00")
        let pod = l.classes.iter().position(|c| c == "POD");
        // ... and a plural article before a count ("les 3 prochaines semaines", "des dix
        // derniers mois"): `@COUNT_DET` before a number or a `@NUM` word
        let (count_det, num) = (l.classes.iter().position(|c| c == "COUNT_DET"), l.classes.iter().position(|c| c == "NUM"));
        for m in ms.iter_mut() {
            if let (Some(cd), Some(nc)) = (count_det, num) {
                if let Some((e, _)) = l.cached(p, cd, m.tok).next() {
                    if e < m.end && t.toks[m.tok].start as usize == m.span.start && (t.toks[e].kind == Kind::Num || l.cached(p, nc, e).next().is_some()) {
                        m.tok = e;
                        m.span = Span::new(t.toks[e].start as usize, m.span.end);
                    }
                }
            }
            let last = m.end - 1;
            if m.end == n && last > m.tok && t.low(last) == "." && [month, timepod].iter().flatten().any(|&c| l.cached(p, c, last - 1).any(|(e, _)| e == m.end)) {
                m.end = last;
                m.span = Span::new(m.span.start, t.toks[last - 1].end as usize);
            }
            if let Some(e) = drop.and_then(|c| l.cached(p, c, m.tok).map(|(e, _)| e).max()) {
                if e < m.end && m.slots[self.ids.keep] == NONE && m.slots[self.ids.rf] == NONE && t.toks[m.tok].start as usize == m.span.start {
                    m.tok = e;
                    m.span = Span::new(t.toks[e].start as usize, m.span.end);
                }
            }
            if let Some((e, _)) = det.and_then(|d| l.cached(p, d, m.tok).next()) {
                let timed_pod = |e: usize| m.slots[self.ids.hour] != NONE && pod.is_some_and(|c| l.cached(p, c, e).next().is_some());
                let name = |e: usize| named.iter().any(|&c| l.cached(p, c, e).next().is_some()) || timed_pod(e);
                if e < m.end && t.toks[m.tok].start as usize == m.span.start && (t.toks[e].kind == Kind::Num || name(e)) {
                    m.tok = e;
                    m.span = Span::new(t.toks[e].start as usize, m.span.end);
                }
            }
        }
        ms
    }

    /// Scheduling-style spans include a leading preposition of the `@LEAD` class ("à 15h",
    /// "pour le 27", "à partir du 8" with its `mod`); TimeML spans leave it out. With
    /// `only_mod`, only the prepositions that set a slot (a mod: "avant", "depuis").
    fn leads(&self, l: &Lang, t: &Tokens, p: &Prep, mut ms: Vec<Match>, only_mod: bool) -> Vec<Match> {
        let Some(lead) = l.lead_class else { return ms };
        let mut prev_end = 0;
        for m in ms.iter_mut() {
            if (!m.split || m.span.start == t.toks[m.tok].start as usize) && !(only_mod && m.range.is_some()) {
                // the longest lead, "n'importe quand avant", is six tokens
                let lo = m.tok.saturating_sub(6).max(prev_end);
                // one lead, or a lead and a plain one that sets nothing ("at the", "before
                // the": "at the end of 2000", "before the year 2019"); bare spans never reach
                // over an article they leave out ("avant le 15.05.99" → "15.05.99")
                let det = l.classes.iter().position(|c| c == "DET").filter(|_| only_mod);
                let ends_at = |j: usize| l.cached(p, lead, j).find(|(end, e)| *end == m.tok && (!only_mod || !e.set.is_empty()));
                let hit = (lo..m.tok).find_map(|j| {
                    let (end, e) = ends_at(j).or_else(|| {
                        l.cached(p, lead, j).find(|&(k, e)| {
                            k < m.tok && (!only_mod || !e.set.is_empty()) && det.is_none_or(|d| l.cached(p, d, k).next().is_none()) && l.cached(p, lead, k).any(|(end2, e2)| end2 == m.tok && e2.set.is_empty())
                        })
                        .map(|(_, e)| (m.tok, e))
                    })?;
                    ((j + 1..end).all(|k| !t.toks[k].brk) && !t.toks[m.tok].brk).then_some((j, e))
                });
                if let Some((j, e)) = hit {
                    let md = self.ids.md;
                    // an expression that already carries a position or an approximation ("mid
                    // May", "the end of 1989", "around 1pm") keeps it under an open-interval lead
                    // ("after mid May", "from around 1pm"): one mod slot, the finer one stays
                    // (not a range's opener, "from mid 1989": it opens no bound of its own)
                    let opener = l.classes.iter().position(|c| c == "RANGE_OPEN").is_some_and(|o| l.cached(p, o, j).next().is_some());
                    let positioned = !opener && matches!(l.str_of(m.slots[md]), Some("START" | "MID" | "END" | "APPROX"));
                    let fits = |k: usize, v: i32| m.slots[k] == NONE || m.slots[k] == v || (k == md && positioned);
                    if e.set.iter().all(|&(k, v)| fits(k, v)) {
                        for &(k, v) in &e.set {
                            if m.slots[k] == NONE {
                                m.slots[k] = v;
                            }
                        }
                        m.span = Span::new(t.toks[j].start as usize, m.span.end);
                        m.tok = j;
                    }
                }
            }
            prev_end = m.end;
        }
        ms
    }

    /// Merge a date and a time of day that follow each other, joined only by `@JOIN` words
    /// ("le 2 mars à 5h", "13h30 samedi 21 septembre", "demain vers midi"): one expression.
    fn merge(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let Some(join) = l.join_class else { return ms };
        let id = &self.ids;
        let date_slots = [id.year, id.yy, id.month, id.day, id.weekday, id.easter, id.shift];
        let time_slots = [id.hour, id.minute, id.pod];
        let blocked = [id.rf, id.drop, id.sign, id.century, id.decade, id.season, id.quarter, id.half];
        let has = |m: &Match, ks: &[usize]| ks.iter().any(|&k| m.slots[k] != NONE);
        let is_str = |m: &Match, k: usize, v: &str| l.str_of(m.slots[k]) == Some(v);
        // a "N heures" duration next to a date reads as a clock time
        let clock = |m: &Match| -> Option<Slots> {
            if !is_str(m, id.ty, "DURATION") || !is_str(m, id.unit, "H") || m.slots[id.md] != NONE {
                return None;
            }
            let n = m.slots[id.n];
            if !(0..=24).contains(&n) || m.slots[id.half_hour] != NONE || m.slots[id.frac] != NONE || m.slots[id.n2] != NONE {
                return None;
            }
            let mut s = [NONE; lang::NSLOTS];
            s[id.hour] = n;
            Some(s)
        };
        // a half of a split clock range ("de 9h30 à 11h") may take a day next to the range
        let time_only = |m: &Match| has(m, &time_slots) && !has(m, &date_slots) && !has(m, &blocked) && m.slots[id.ty] == NONE;
        let usable = |m: &Match| -> Option<Slots> {
            if m.split && !time_only(m) {
                return None;
            }
            if let Some(s) = clock(m) {
                return Some(s);
            }
            if has(m, &blocked) || (m.slots[id.ty] != NONE && !is_str(m, id.ty, "TIME") && !is_str(m, id.ty, "DATE")) {
                return None;
            }
            // a unit other than the day blocks the merge, except a weekday of a given week
            // ("next Sunday" = Sunday of next week, "8pm next Sunday")
            if m.slots[id.unit] != NONE && !is_str(m, id.unit, "D") && !(is_str(m, id.unit, "W") && m.slots[id.weekday] != NONE) {
                return None;
            }
            Some(m.slots)
        };
        // a match opened by an `@UNTIL` word ("jusqu'à 16h") is the end of a range, its own
        // TIMEX3: "demain jusqu'à 16h" is not 16h tomorrow
        let until = l.classes.iter().position(|c| c == "UNTIL");
        let opens_until = |m: &Match| until.is_some_and(|u| l.cached(p, u, m.tok).next().is_some());
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        // the day a range's first half merged with, for its second half
        let mut carry: Option<Slots> = None;
        let range_join = l.classes.iter().position(|c| c == "RANGE_JOIN");
        for m in ms {
            let mut merged: Option<Option<Slots>> = None;
            // the last match ends a range: a time joined to the time before it by a range
            // connector ("entre 4pm et 5pm aujourd'hui"; its first half takes the day too)
            let n = out.len();
            let ranged = n >= 2 && time_only(&out[n - 2]) && range_join.is_some_and(|rj| out[n - 2].end < out[n - 1].tok && joined(l, t, p, rj, out[n - 2].end, out[n - 1].tok));
            if let Some(prev) = out.last_mut() {
                if let (false, Some(mut a), Some(mut b)) = (opens_until(&m), usable(prev), usable(&m)) {
                    let dated = |s: &Slots| date_slots.iter().any(|&k| s[k] != NONE);
                    // "today" implied by a bare part of the day ("le matin", shift=0) yields
                    // to an explicit date next to it ("le 15 février le matin")
                    // ("aujourd'hui" itself is a hard day; "en début de journée" is soft too)
                    let soft = |s: &Slots| s[id.shift] == 0 && date_slots.iter().filter(|&&k| s[k] != NONE).count() == 1 && (s[id.pod] != NONE || s[id.md] != NONE);
                    let hard = |x: &Slots| dated(x) && !soft(x);
                    if hard(&a) && soft(&b) {
                        b[id.shift] = NONE;
                        b[id.unit] = NONE;
                    } else if hard(&b) && soft(&a) {
                        a[id.shift] = NONE;
                        a[id.unit] = NONE;
                    }
                    let timed = |s: &Slots| time_slots.iter().any(|&k| s[k] != NONE) || s[id.md] != NONE;
                    // one side brings the day, the other the clock time or part of the day
                    // ("ce matin à 19h": the part of the day and the hour are compatible)
                    let hard2 = |x: &Slots| dated(x) && !soft(x);
                    let one_each = dated(&a) != dated(&b) || (hard2(&a) != hard2(&b));
                    let one_each = one_each && (timed(&a) || timed(&b)) && !(a[id.hour] != NONE && b[id.hour] != NONE) && (dated(&a) || dated(&b));
                    let conflict = (0..lang::NSLOTS).any(|k| a[k] != NONE && b[k] != NONE && a[k] != b[k]);
                    // a split half joins a plain day only (not another half or a time)
                    // (a part of the day is no time here: "yesterday afternoon from 3-8pm")
                    let clocked = |s: &Slots| s[id.hour] != NONE || s[id.minute] != NONE;
                    let halves = (prev.split && (m.split || !dated(&b) || clocked(&b))) || (m.split && (!dated(&a) || clocked(&a)));
                    if one_each && !conflict && !halves && joined(l, t, p, join, prev.end, m.tok) {
                        let mut s = a;
                        for k in 0..lang::NSLOTS {
                            if s[k] == NONE {
                                s[k] = b[k];
                            }
                        }
                        // a joining word may carry a slot ("demain avant 17h" → BEFORE)
                        for (k, v) in join_slots(l, p, join, prev.end, m.tok) {
                            if s[k] == NONE {
                                s[k] = v;
                            }
                        }
                        s[id.ty] = NONE;
                        // an elliptic clock range ("6-8") stands once a day anchors it
                        s[id.ell] = NONE;
                        // "le 17 entre 14h et 16h": the range's second half takes the day too
                        if m.split && !prev.split {
                            carry = Some(a);
                        }
                        let (split_tail, day) = (prev.split || ranged, b);
                        prev.slots = s;
                        prev.span = Span::new(prev.span.start, m.span.end);
                        prev.end = m.end;
                        prev.split |= m.split;
                        // a fused range merged with its day ("Friday afternoon between 1PM and 4
                        // PM", "from 3-8pm tomorrow"): the range's end is on that day too
                        if let Some(mut e) = prev.range.take().or_else(|| m.range.clone()) {
                            let day_side = if dated(&a) { a } else { b };
                            for &k in date_slots.iter().chain([&id.unit]) {
                                if e.slots[k] == NONE {
                                    e.slots[k] = day_side[k];
                                }
                            }
                            // ... and in its part of the day ("next evening from 7 to 9": 21:00)
                            if e.slots[id.hour] != NONE && e.slots[id.pm] == NONE && e.slots[id.pod] == NONE {
                                e.slots[id.pod] = s[id.pod];
                            }
                            prev.range = Some(e);
                        }
                        merged = Some(split_tail.then_some(day));
                    }
                }
            }
            if merged.is_none() {
                if let Some(day) = carry.take().filter(|_| m.split && time_only(&m)) {
                    let mut m = m;
                    // (and the day's part of the day: "next evening from 7 to 9" ends at 21:00)
                    for &k in date_slots.iter().chain([&id.unit, &id.pod]) {
                        if m.slots[k] == NONE && (k != id.pod || m.slots[id.pm] == NONE) {
                            m.slots[k] = day[k];
                        }
                    }
                    out.push(m);
                    continue;
                }
            }
            if let Some(fill) = merged {
                // "de 9h30 à 11h jeudi": the range's first half takes the day too
                if let (Some(day), n @ 2..) = (fill, out.len()) {
                    let first = &mut out[n - 2];
                    if (first.split || time_only(first)) && !has(first, &date_slots) {
                        // a relative day ("demain") brings its shift's unit along, and its
                        // part of the day ("between 7 and 9 last night": 19:00 to 21:00)
                        for &k in date_slots.iter().chain([&id.unit, &id.pod]) {
                            if first.slots[k] == NONE && (k != id.pod || (first.slots[id.hour] != NONE && first.slots[id.pm] == NONE)) {
                                first.slots[k] = day[k];
                            }
                        }
                    }
                }
                continue;
            }
            out.push(m);
        }
        out
    }

    /// Resolve matches in text order, tracking the last mentioned day.
    #[allow(clippy::too_many_arguments)]
    fn resolve_all(&self, l: &Lang, t: &Tokens, p: &Prep, ms: &[Match], rf: Reference, sentences: &[Span], skip: &[Span], bias: Tense, mut ends: Option<&mut Vec<Option<Timex>>>) -> Vec<(Timex, Resolved)> {
        let mut out = vec![];
        let mut last: Option<Date> = None;
        let mut last_year: Option<(i32, usize)> = None;
        let mut last_end: Option<usize> = None;
        let rc = RangeClasses::of(l);
        let linked = |a: &Match, b: &Match| range_link(l, &self.ids, rc, t, p, a, b);
        // where the range the previous expression opened starts (for its end)
        let mut range_start: Option<(usize, Date)> = None;
        for (mi, m) in ms.iter().enumerate() {
            if skip.iter().any(|s| s.overlap(&m.span) > 0) {
                continue;
            }
            let mut tense = sentence_tense(l, t, p, m.tok, sentences);
            if tense == Tense::Unknown {
                tense = bias;
            }
            let mut ctx = Ctx { dct: rf.date, last, tense, now: rf.minute, forward: rf.forward, offset: rf.offset };
            let id = &self.ids;
            let mut slots = m.slots;
            // "Vers 0 h 40, jeudi, deux voitures…", "à 18h30 samedi": a clock time with no day
            // of its own, right before a day (at most a comma between), is on that day
            let bare_clock = slots[id.hour] != NONE && m.range.is_none() && [id.year, id.yy, id.month, id.day, id.weekday, id.shift, id.sign, id.rf].iter().all(|&k| slots[k] == NONE);
            if bare_clock {
                if let Some(n) = ms.get(mi + 1).filter(|n| n.tok >= m.end && n.tok - m.end <= 1 && (m.end..n.tok).all(|k| t.low(k) == ",") && n.slots[id.hour] == NONE && n.slots[id.pod] == NONE) {
                    if let Some(d) = self.resolve_match(l, n, &n.slots, &ctx).filter(|r| r.ttype == dyade_core::TimexType::DATE && r.value.len() == 10).and_then(|r| r.day) {
                        ctx.last = Some(d);
                    }
                }
            }
            // the weekday of a date inside a range only describes it ("du samedi 13 au dimanche
            // 15 juillet"): it does not choose the year as it does alone ("Fri, Jul 18")
            if m.split && slots[id.day] != NONE && slots[id.month] != NONE {
                slots[id.weekday] = NONE;
            }
            // a bare month right after a year mention is in that year ("en 97 (en janvier…")
            if let Some((y, at)) = last_year {
                let bare_month = slots[id.month] != NONE && [id.year, id.yy, id.day, id.shift, id.weekday, id.dir].iter().all(|&k| slots[k] == NONE);
                if bare_month && m.span.start.saturating_sub(at) <= YEAR_REACH {
                    slots[id.year] = y;
                }
            }
            // "hier, au lendemain de la démission": an anaphoric day in apposition to the day
            // just mentioned (a comma between them) names that same day
            if l.str_of(slots[id.anchor]) == Some("last") && slots[id.unit] != NONE {
                if let Some(pe) = last_end.filter(|&pe| pe <= m.tok && m.tok - pe <= 2 && last.is_some()) {
                    if (pe..m.tok).any(|k| t.low(k) == ",") {
                        slots[id.shift] = 0;
                    }
                }
            }
            // a range's bounds are read together: an end without a year is the first one at
            // or after the start ("from next monday to friday"), a start without a year the
            // last one at or before the end ("from May to Oct 2020", "Nov-Feb 2017", and "May
            // to September" said in August: the one under way)
            let intern = |v: &str| l.strings.iter().position(|x| x == v).map_or(NONE, |i| lang::STR_BASE + i as i32);
            let named = |s: &Slots| s[id.month] != NONE || s[id.season] != NONE;
            let tail = m.range.as_deref().or_else(|| ms.get(mi + 1).filter(|b| linked(m, b)));
            let bare_year = |s: &Slots| [id.month, id.day, id.weekday, id.season, id.quarter, id.half, id.shift, id.rf].iter().all(|&k| s[k] == NONE);
            let plain = ctx;
            if let Some(b) = tail.filter(|b| self.yearless(&slots) && named(&slots) && self.datelike(l, &b.slots) && !bare_year(&b.slots)) {
                if let Some((d, _)) = self.resolve_match(l, b, &b.slots, &ctx).and_then(|rb| resolve::start_of(&rb, &ctx)) {
                    ctx = Ctx { dct: Some(d), forward: false, now: None, last: None, ..ctx };
                    if slots[id.dir] == NONE {
                        slots[id.dir] = intern("past");
                    }
                }
            }
            let r = match range_start.filter(|&(k, _)| k + 1 == mi) {
                Some((_, d)) => self.range_end(l, m, &slots, (d, None), &plain),
                // (a bound the range makes impossible, "2/29" before "3/1/2019", keeps its own reading)
                None => self.resolve_match(l, m, &slots, &ctx).filter(|r| !r.value.starts_with('X')).or_else(|| self.resolve_match(l, m, &m.slots, &plain)),
            };
            range_start = None;
            if let Some(r) = r {
                if ms.get(mi + 1).is_some_and(|b| linked(m, b)) && self.datelike(l, &slots) {
                    range_start = resolve::start_of(&r, &ctx).map(|(d, _)| (mi, d));
                }
                last_end = Some(m.end);
                if let Some(d) = r.day {
                    last = Some(d);
                }
                if slots[id.year] != NONE || slots[id.yy] != NONE {
                    if let Some(y) = r.value.get(..4).and_then(|v| v.parse::<i32>().ok()) {
                        last_year = Some((y, m.span.end));
                    }
                }
                if let Some(ends) = ends.as_deref_mut() {
                    // a fused range's end, in the context of its start (it borrowed the
                    // start's missing slots when the range was split: "du 4 au 22 mars")
                    let start = resolve::start_of(&r, &ctx);
                    let end = m.range.as_deref().and_then(|e| match start {
                        Some(d) => self.range_end(l, e, &e.slots, d, &plain),
                        None => self.resolve_match(l, e, &e.slots, &plain),
                    });
                    // a named period that lasts ("Hanukkah 2018", "Ramadan"): its last day
                    let end = end.or_else(|| self.lasting_end(l, m, &slots, start.map(|(d, _)| d), &ctx));
                    ends.push(end.map(|e| Timex { span: m.range.as_ref().map_or(m.span, |x| x.span), ttype: e.ttype, value: e.value, modifier: e.modifier }));
                }
                out.push((Timex { span: m.span, ttype: r.ttype, value: r.value.clone(), modifier: r.modifier.clone() }, r));
            }
        }
        out
    }

    /// The last day of a named period that lasts (lexicon `len` / `lenm`: a multi-day holiday)
    /// starting on `start`, resolved with the start's slots: `len` days on, or the day before
    /// the same day `lenm` months on in the period's own calendar (the eve of 1 Shawwal for
    /// Ramadan). `None` for a point, or when the expression only names a day counted from the
    /// period ("two days before Passover") or a part of it.
    fn lasting_end(&self, l: &Lang, m: &Match, slots: &Slots, start: Option<Date>, ctx: &Ctx) -> Option<Resolved> {
        let id = &self.ids;
        let start = start?;
        if l.str_of(slots[id.comp]) == Some("span") {
            // its end: the day the duration reaches from the start (days and longer units),
            // told at the start's grain as a range's end ("from 18 to 28 December"), as the
            // end a point and its duration close ("18th Dec for 10 days")
            let n = if slots[id.n] != NONE { slots[id.n] } else { slots[id.shift] } as i64;
            let end = match l.str_of(slots[id.unit])? {
                "D" => start.add_days(n),
                "W" => start.add_days(7 * n),
                "M" => start.add_months(n),
                "Y" => start.add_months(12 * n),
                _ => return None,
            };
            return (n > 0).then(|| Resolved { ttype: dyade_core::TimexType::DATE, value: end.iso(), modifier: None, day: Some(end), relative: false });
        }
        if slots[id.len] == NONE && slots[id.lenm] == NONE {
            return None;
        }
        if [id.offm, id.offd, id.comp, id.pod, id.md, id.shift].iter().any(|&k| slots[k] != NONE) {
            return None;
        }
        let mut sl = *slots;
        sl[id.len] = NONE;
        sl[id.lenm] = NONE;
        if slots[id.hour] != NONE {
            // a period told at a clock time lasts `len` minutes: its end is the clock time it
            // ends at, as a clock range's end ("earth hour": 20:30 to 21:30)
            let m = slots[id.hour] * 60 + slots[id.minute].max(0) + slots[id.len].max(0);
            if slots[id.len] == NONE || m >= 1440 {
                return None;
            }
            sl[id.hour] = m / 60;
            sl[id.minute] = m % 60;
            // (a named period's clock time is read with its length: see `resolve`)
            sl[id.len] = slots[id.len];
        } else if slots[id.len] != NONE {
            sl[id.offd] = slots[id.len] - 1;
        } else {
            // months of its own calendar: the same day that many months on (within its year)
            if sl[id.month] == NONE || sl[id.month] + slots[id.lenm] > 12 {
                return None;
            }
            sl[id.month] += slots[id.lenm];
            sl[id.offd] = -1;
        }
        let r = self.resolve_match(l, m, &sl, ctx)?;
        // the period runs forward from its start
        r.day.filter(|&d| d >= start)?;
        Some(r)
    }

    /// The end of a range that starts on `start` (a day, and a minute when it has a clock
    /// time): without a year, the first one at or after the start ("from next monday to
    /// friday", "from 10/1 to 11/7"); a bare clock time, the first one after the start's, on
    /// its day ("2018-09-23 1p.m. to 4": 16:00); otherwise as it reads.
    fn range_end(&self, l: &Lang, m: &Match, slots: &Slots, start: (Date, Option<u32>), ctx: &Ctx) -> Option<Resolved> {
        let id = &self.ids;
        let (start, minute) = start;
        // a length counted from the start's clock time ("from 9:30am for 7 hours"): from the
        // start itself, with the day it was given
        let clock_anchor = m.anchor.as_deref().is_some_and(|a| a.slots[id.hour] != NONE && [id.year, id.month, id.day, id.weekday, id.shift].iter().all(|&k| a.slots[k] == NONE));
        if let (true, Some(now)) = (slots[id.comp] != NONE && clock_anchor, minute) {
            if let Some(r) = resolve::relative_to(l, id, slots, start, Some(now)) {
                return Some(r);
            }
        }
        // (a day it borrowed from the start is no day of its own: "2018-09-23 1p.m. to 4")
        let same = |k: usize, v: i32| slots[k] == NONE || slots[k] == v;
        let own_day = !(same(id.year, start.y) && same(id.month, start.m as i32) && same(id.day, start.d as i32));
        let dated = own_day || [id.yy, id.weekday, id.shift, id.sign, id.easter, id.rf, id.comp, id.anchor].iter().any(|&k| slots[k] != NONE);
        if let (Some(now), false, true) = (minute, dated, slots[id.hour] != NONE) {
            let c = Ctx { dct: Some(start), now: Some(now), forward: true, last: None, ..*ctx };
            // the start's day is the reference now, the borrowed one is let go
            let mut sl = *slots;
            for k in [id.year, id.month, id.day] {
                sl[k] = NONE;
            }
            if let Some(r) = self.resolve_match(l, m, &sl, &c) {
                return Some(r);
            }
        }
        let named = slots[id.month] != NONE || slots[id.season] != NONE || slots[id.weekday] != NONE;
        if self.yearless(slots) && self.datelike(l, slots) && named {
            let mut sl = *slots;
            if sl[id.weekday] == NONE {
                sl[id.dir] = l.strings.iter().position(|x| x == "future").map_or(NONE, |i| lang::STR_BASE + i as i32);
            }
            let c = Ctx { dct: Some(start), forward: true, now: None, last: None, ..*ctx };
            if let Some(r) = self.resolve_match(l, m, &sl, &c) {
                return Some(r);
            }
        }
        self.resolve_match(l, m, slots, ctx)
    }

    /// No year and nothing relative: a date the reference must place ("May", "10/1", "Friday").
    fn yearless(&self, s: &Slots) -> bool {
        let id = &self.ids;
        [id.year, id.yy, id.yearword, id.shift, id.sign, id.offm, id.offd, id.rf, id.anchor, id.comp, id.hour, id.minute, id.century, id.decade, id.ty, id.dir]
            .iter()
            .all(|&k| s[k] == NONE)
    }

    /// A date or period without a clock time (or "now"): the kind of expression a date range
    /// is made of.
    fn datelike(&self, l: &Lang, s: &Slots) -> bool {
        let id = &self.ids;
        if l.str_of(s[id.rf]) == Some("PRESENT_REF") {
            return true;
        }
        let ty = l.str_of(s[id.ty]);
        s[id.hour] == NONE && s[id.minute] == NONE && s[id.pod] == NONE && matches!(ty, None | Some("DATE")) && s[id.drop] == NONE
            && [id.year, id.yy, id.month, id.day, id.weekday, id.season, id.shift, id.quarter, id.half].iter().any(|&k| s[k] != NONE)
    }

    /// Resolve one match: its slots, or for a composite with a `comp` operator, its slots
    /// counted from its anchor (the reference instant when it has none: "2 thursdays ago").
    fn resolve_match(&self, l: &Lang, m: &Match, slots: &Slots, ctx: &Ctx) -> Option<Resolved> {
        if slots[self.ids.comp] == NONE {
            return resolve::resolve(l, &self.ids, slots, ctx);
        }
        // `comp=span`: a period that lasts a duration from its anchor ("for 10 days from 18th
        // Dec") is valued at the anchor, its start (`lasting_end` gives its end)
        if l.str_of(slots[self.ids.comp]) == Some("span") {
            let a = m.anchor.as_deref()?;
            return self.resolve_match(l, a, &a.slots, ctx);
        }
        let (day, minute) = match &m.anchor {
            Some(a) => {
                // a named day is taken as seen from before the shift (its occurrence the shift
                // brings after now); a day told from now ("two days from tomorrow") is as it is
                let id = &self.ids;
                let from_now = [id.shift, id.sign, id.offm, id.offd, id.rf].iter().any(|&k| a.slots[k] != NONE);
                let actx = if from_now { *ctx } else { resolve::anchor_reference(l, &self.ids, slots, ctx) };
                let ra = self.resolve_match(l, a, &a.slots, &actx)?;
                // "now" stays the reference instant itself
                resolve::start_of(&ra, if ra.value == "PRESENT_REF" { ctx } else { &actx })?
            }
            None => (ctx.dct?, None),
        };
        resolve::relative_to(l, &self.ids, slots, day, minute)
    }

    /// Infer a publication window from the text (used when no date is given).
    pub fn infer_publication(&self, text: &str, lang: &str) -> Option<DateEstimate> {
        let l = self.lang(lang);
        let mut toks = Tokens::default();
        token::tokenize(text, &mut toks);
        let mut p = Prep::default();
        let ms = self.find(l, &toks, &mut p, None);
        infer_from(l, &self.ids, text, &toks, &p, &ms)
    }
}

impl Default for TimexTagger {
    fn default() -> Self {
        Self::new()
    }
}

/// How far (bytes) a year mention reaches a following bare month ("en 97 (en janvier").
const YEAR_REACH: usize = 40;

/// True when a match ending before token `pos` would cut a written clock time ("8" of
/// "8:00", "8:00" of "8:00:01"): the previous token is a number glued to a ':' glued to a number.
fn glued_clock(t: &Tokens, pos: usize) -> bool {
    let (Some(a), Some(c), Some(d)) = (pos.checked_sub(1).and_then(|k| t.toks.get(k)), t.toks.get(pos), t.toks.get(pos + 1)) else { return false };
    a.kind == Kind::Num && d.kind == Kind::Num && a.end == c.start && c.end == d.start && t.low(pos) == ":"
}

/// The range connector classes of a language (looked up once per text).
#[derive(Clone, Copy)]
struct RangeClasses {
    join: Option<usize>,
    and: Option<usize>,
    open: Option<usize>,
}

impl RangeClasses {
    fn of(l: &Lang) -> Self {
        let class = |n: &str| l.classes.iter().position(|c| c == n);
        RangeClasses { join: class("RANGE_JOIN"), and: class("RANGE_AND"), open: class("RANGE_OPEN") }
    }
}

/// True when a range connector links two expressions ("May to Oct 2020"): a `@RANGE_JOIN`
/// word between them, or the lead the second one took ("to friday", "till tomorrow"). A
/// coordinator (`@RANGE_AND`: "and") makes a range only after a `@RANGE_OPEN` word ("between
/// 3 and 5"); elsewhere it lists ("in 2007 and 2009", "the 6th and 13th").
fn range_link(l: &Lang, ids: &Ids, rc: RangeClasses, t: &Tokens, p: &Prep, a: &Match, b: &Match) -> bool {
    let Some(join) = rc.join else { return false };
    if b.tok < a.end || b.tok - a.end > 3 {
        return false;
    }
    let lead_join = a.end == b.tok && l.cached(p, join, b.tok).any(|(e, _)| e < b.end);
    if !(lead_join || a.end < b.tok && joined(l, t, p, join, a.end, b.tok)) {
        return false;
    }
    // a clock time alone and a week, month or year alone bound no range ("3pm - this week")
    let clock_only = |m: &Match| m.slots[ids.hour] != NONE && [ids.year, ids.month, ids.day, ids.weekday, ids.shift].iter().all(|&k| m.slots[k] == NONE);
    let period_only = |m: &Match| m.slots[ids.hour] == NONE && matches!(l.str_of(m.slots[ids.unit]), Some("W" | "M" | "Y")) && m.slots[ids.weekday] == NONE && m.slots[ids.day] == NONE;
    if (clock_only(a) && period_only(b)) || (period_only(a) && clock_only(b)) {
        return false;
    }
    let Some(and) = rc.and else { return true };
    let conn = if lead_join { b.tok } else { a.end };
    if l.cached(p, and, conn).next().is_none() {
        return true;
    }
    // the opener right before the start, or inside it ("le 17 entre 14h": a day merged with
    // the start)
    rc.open.is_some_and(|o| (a.tok.saturating_sub(3)..a.end).any(|j| l.cached(p, o, j).any(|(e, _)| e == a.tok || (j >= a.tok && e < a.end))))
}

/// The slots set by the `join` class entries that tile tokens `a..b` (see [`joined`]).
fn join_slots<'a>(l: &'a Lang, p: &'a Prep, join: usize, a: usize, b: usize) -> Vec<(usize, i32)> {
    let mut out = vec![];
    let mut i = a;
    while i < b {
        let Some((e, en)) = l.cached(p, join, i).filter(|&(e, _)| e <= b).max_by_key(|&(e, _)| e) else { break };
        out.extend_from_slice(&en.set);
        i = e;
    }
    out
}

/// True when the digits of tokens `a..b` continue, across punctuation glued between numbers,
/// into a number no date part has (three digits, or five and more): a phone number, a code
/// or an identifier ("138-2010-2015", "555-1212", "133-03-03-2020"), not a date; or when the
/// match starts with the decimals of a number or the minutes of a ratio ("37.1", "a 1:1"), or
/// ends on a number's integer part ("30/4.85").
fn in_code(t: &Tokens, a: usize, b: usize) -> bool {
    let odd = |k: usize| t.toks[k].kind == Kind::Num && (t.toks[k].ndig == 3 || t.toks[k].ndig >= 5);
    // ... or the digits after a decimal point ("37.1 in the morning")
    let decimal = |k: usize| matches!(t.low(k), "." | ":") && glued_number(t, k);
    (t.toks[a].kind == Kind::Num && a >= 2 && glued_number(t, a - 1) && (odd(a - 2) || decimal(a - 1)))
        || (t.toks[b - 1].kind == Kind::Num && b + 1 < t.toks.len() && glued_number(t, b) && (odd(b + 1) || t.low(b) == "."))
}

/// True when the punctuation token `pos` is glued between two numbers ("4/22", "13.5").
fn glued_number(t: &Tokens, pos: usize) -> bool {
    let (Some(a), Some(c), Some(d)) = (pos.checked_sub(1).and_then(|k| t.toks.get(k)), t.toks.get(pos), t.toks.get(pos + 1)) else { return false };
    a.kind == Kind::Num && d.kind == Kind::Num && a.end == c.start && c.end == d.start
}

/// True when tokens `a..b` are exactly a sequence of `join` class entries (or empty) on one line.
fn joined(l: &Lang, t: &Tokens, p: &Prep, join: usize, a: usize, b: usize) -> bool {
    let mut i = a;
    let mut n = 0;
    while i < b {
        if t.toks[i].brk {
            return false;
        }
        match l.cached(p, join, i).map(|(e, _)| e).filter(|&e| e <= b).max() {
            Some(e) => i = e,
            None => return false,
        }
        n += 1;
        if n > 3 {
            return false;
        }
    }
    true
}

thread_local! {
    /// Per-thread token and preparation buffers, reused across texts (no per-text allocation).
    static SCRATCH: std::cell::RefCell<(Tokens, Prep)> = std::cell::RefCell::new(Default::default());
}

fn with_scratch<R>(f: impl FnOnce(&mut Tokens, &mut Prep) -> R) -> R {
    SCRATCH.with(|c| match c.try_borrow_mut() {
        Ok(mut g) => {
            let (t, p) = &mut *g;
            f(t, p)
        }
        Err(_) => f(&mut Tokens::default(), &mut Prep::default()),
    })
}

/// Span conventions for [`TimexTagger::tag_at`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanStyle {
    /// TimeML: articles inside, prepositions outside, date and time kept apart.
    TimeMl,
    /// Duckling: the leading preposition (`@LEAD`) inside ("à 15h", "à partir du 8").
    WithPrepositions,
    /// Recognizers-Text: neither article (before a day number) nor preposition ("12 janvier
    /// 2016"), and a range is one span ("de 4pm à 5pm", value of its start).
    Bare,
}

/// The reference point of a tagging call.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reference {
    /// Reference day (document creation time).
    pub date: Option<Date>,
    /// Time of day of the reference, in minutes, when known.
    pub minute: Option<u32>,
    /// Scheduling-style input (Duckling, Recognizers-Text): underspecified expressions take
    /// their next occurrence, and a date and a time of day joined by `@JOIN` words make one
    /// expression (TimeML news annotation keeps "samedi 4 janvier, 18h30" as two).
    pub forward: bool,
    /// UTC offset of the reference, in minutes ("-02:00" → -120), when given: a clock time
    /// with a time zone ("8:00 GMT") is converted to it.
    pub offset: Option<i32>,
}

impl Reference {
    /// Parse `YYYY-MM-DD[THH:MM[:SS][zone]]`.
    pub fn parse(s: &str, forward: bool) -> Reference {
        let date = Date::parse(s);
        let minute = s.get(11..16).and_then(|t| Some(t.get(..2)?.parse::<u32>().ok()? * 60 + t.get(3..5)?.parse::<u32>().ok()?));
        // the zone after the time: "Z" or "±HH:MM"
        let offset = s.get(11..).and_then(|t| {
            let z = t.find(['+', '-', 'Z'])?;
            let (sign, hm) = match &t[z..z + 1] {
                "Z" => return Some(0),
                "+" => (1, &t[z + 1..]),
                _ => (-1, &t[z + 1..]),
            };
            Some(sign * (hm.get(..2)?.parse::<i32>().ok()? * 60 + hm.get(3..5).and_then(|m| m.parse::<i32>().ok()).unwrap_or(0)))
        });
        Reference { date, minute: minute.filter(|_| s.as_bytes().get(10) == Some(&b'T')), forward, offset }
    }
}

/// Tag raw text with the shared tagger (see [`TimexTagger::tag`]).
pub fn tag(text: &str, lang: &str, dct: Option<&str>) -> Vec<Timex> {
    TimexTagger::shared().tag(text, lang, dct)
}

impl Component for TimexTagger {
    fn name(&self) -> &'static str {
        "timex"
    }

    fn process(&self, doc: &mut Document) {
        let lang = doc.meta.lang.clone().unwrap_or_else(|| "fr".into());
        let l = self.lang(&lang);
        with_scratch(|toks, p| {
            token::tokenize(&doc.text, toks);
            let ms = self.find(l, toks, p, None);
            if doc.meta.published.is_none() {
                if let Some(est) = infer_from(l, &self.ids, &doc.text, toks, p, &ms) {
                    doc.meta.published = Some(est);
                }
            }
            let dct = doc.dct().and_then(Date::parse);
            let skip: Vec<Span> = doc.boilerplate.iter().map(|b| b.span).collect();
            let res = self.resolve_all(l, toks, p, &ms, Reference { date: dct, ..Default::default() }, &doc.sentences, &skip, Tense::Unknown, None);
            doc.timexes = res.into_iter().map(|(t, _)| t).collect();
        })
    }
}

/// Publication-date inference from absolute dates and relative expressions.
///
/// Evidence, strongest first: an expression that ties a relative word to a full date
/// ("hier mercredi 26 juillet 2023" → published 2023-07-27); otherwise the window runs from the
/// latest fully specified date the article mentions outside future-tense sentences (an article
/// is written after what it reports) to one year later (news reports recent events).
fn infer_from(l: &Lang, ids: &Ids, text: &str, t: &Tokens, p: &Prep, ms: &[Match]) -> Option<DateEstimate> {
    let mut evidence = vec![];
    let mut latest_abs: Option<(Date, &str)> = None;
    for m in ms {
        let sl = &m.slots;
        let tense = sentence_tense(l, t, p, m.tok, &[]);
        let ctx = Ctx { dct: None, last: None, tense, now: None, forward: false, offset: None };
        let Some(r) = resolve::resolve(l, ids, sl, &ctx) else { continue };
        let sh = sl[ids.shift];
        let unit = (sl[ids.unit] != NONE).then(|| l.str_of(sl[ids.unit])).flatten();
        let (y, mo, d) = (sl[ids.year], sl[ids.month], sl[ids.day]);
        let snippet = &text[m.span.start..m.span.end];
        if sh != NONE && unit == Some("D") && y != NONE && mo != NONE && d != NONE {
            if let Some(date) = Date::new(y, mo as u32, d as u32) {
                let p = date.add_days(-(sh as i64));
                evidence.push(format!("\"{snippet}\": relative day tied to a full date"));
                return Some(DateEstimate { value: Some(p.iso()), earliest: Some(p.iso()), latest: Some(p.iso()), source: "inferred".into(), evidence });
            }
        }
        if r.relative || tense == Tense::Future {
            continue;
        }
        // day, month or year precision absolute dates; periods count from their start
        let v = &r.value;
        let date = Date::parse(v)
            .or_else(|| (v.len() == 7 && v.as_bytes()[4] == b'-').then(|| Date::new(v[..4].parse().ok()?, v[5..7].parse().ok()?, 1)).flatten())
            .or_else(|| (v.len() == 4).then(|| Date::new(v.parse().ok()?, 1, 1)).flatten());
        if let Some(dt) = date {
            if latest_abs.is_none_or(|(x, _)| dt > x) {
                latest_abs = Some((dt, snippet));
            }
        }
    }
    let (d, s) = latest_abs?;
    evidence.push(format!("latest absolute date mentioned: \"{s}\" ({}) — published on or after it", d.iso()));
    evidence.push("latest bound: one year after it (news reports recent events)".into());
    Some(DateEstimate { value: None, earliest: Some(d.iso()), latest: Some(d.add_days(365).iso()), source: "inferred".into(), evidence })
}

/// Tense of the sentence around token `ti`, from the pack's `@PAST_MARK` / `@FUTURE_MARK` words.
fn sentence_tense(l: &Lang, t: &Tokens, p: &Prep, ti: usize, sentences: &[Span]) -> Tense {
    let (a, b) = if !sentences.is_empty() {
        let pos = t.toks[ti].start as usize;
        let k = sentences.partition_point(|s| s.end <= pos);
        match sentences.get(k) {
            Some(s) if s.start <= pos => {
                let a = t.toks.partition_point(|x| (x.start as usize) < s.start);
                let b = t.toks.partition_point(|x| (x.end as usize) <= s.end);
                (a, b.max(a))
            }
            _ => sentence_bounds(t, ti),
        }
    } else {
        sentence_bounds(t, ti)
    };
    let (past_c, fut_c) = l.tense_classes;
    // the marker nearest to the expression decides (verbs govern the adjacent time phrase)
    let mut best: Option<(usize, Tense)> = None;
    for i in a..b {
        if t.toks[i].kind != Kind::Word {
            continue;
        }
        let d = i.abs_diff(ti);
        // a marker far away in a long sentence governs another clause
        if d > MAX_MARKER_DIST || best.is_some_and(|(bd, _)| bd <= d) {
            continue;
        }
        if past_c.is_some_and(|c| l.cached(p, c, i).next().is_some()) {
            best = Some((d, Tense::Past));
        } else if fut_c.is_some_and(|c| l.cached(p, c, i).next().is_some()) {
            best = Some((d, Tense::Future));
        }
    }
    best.map(|b| b.1).unwrap_or(Tense::Unknown)
}

/// Farthest a tense marker may be from the expression (tokens).
const MAX_MARKER_DIST: usize = 20;

fn is_final(t: &Tokens, i: usize) -> bool {
    let s = t.fold(i);
    (s == "." || s == "!" || s == "?") && t.toks.get(i + 1).is_none_or(|n| n.cap || n.brk || n.kind == Kind::Punct)
}

fn sentence_bounds(t: &Tokens, ti: usize) -> (usize, usize) {
    let mut a = ti;
    while a > 0 && !t.toks[a].brk && !is_final(t, a - 1) && ti - a < 80 {
        a -= 1;
    }
    let mut b = ti + 1;
    while b < t.toks.len() && !t.toks[b].brk && !is_final(t, b - 1) && b - ti < 80 {
        b += 1;
    }
    (a, b)
}

pub(crate) fn num_ok(k: NumKind, tk: &token::Tok) -> bool {
    if k == NumKind::CAP {
        return tk.kind == Kind::Word && tk.cap;
    }
    if tk.kind != Kind::Num {
        return false;
    }
    let (v, d) = (tk.num, tk.ndig);
    match k {
        NumKind::D => d <= 2 && (1..=31).contains(&v),
        NumKind::M => d <= 2 && (1..=12).contains(&v),
        NumKind::Y => d == 4 && (1000..=2999).contains(&v),
        NumKind::Y2 => d == 2,
        NumKind::H => d <= 2 && v <= 24,
        NumKind::MI => d == 2 && v <= 59,
        NumKind::N => d <= 9,
        NumKind::CAP => false,
        NumKind::HM => (3..=4).contains(&d) && v / 100 <= 23 && v % 100 <= 59,
        NumKind::X => d == 3 || (d == 2 && v > 31) || d >= 5,
    }
}

fn default_slot(k: NumKind) -> Option<&'static str> {
    Some(match k {
        NumKind::D => "day",
        NumKind::M => "month",
        NumKind::Y => "year",
        NumKind::Y2 => "yy",
        NumKind::H => "hour",
        NumKind::MI => "minute",
        NumKind::N => "n",
        NumKind::CAP | NumKind::HM | NumKind::X => return None,
    })
}

/// The rest of a pattern to match after a group ends.
struct Cont<'a> {
    elems: &'a [Elem],
    next: Option<&'a Cont<'a>>,
}

/// First-pass expressions seen by composition rules.
struct Refs<'a> {
    /// Token → index of the expression starting there (`u32::MAX`: none).
    at: &'a [u32],
    ms: &'a [Match],
    /// `$KIND` bits per expression ([`TimexTagger::ref_kinds`]).
    kinds: &'a [u8],
    /// The `base` slot (holds the index of the anchor expression while matching).
    base: usize,
    /// Slots of a part that do not pass to the composite (span conventions).
    skip: [usize; 5],
}

/// Matching state for one rule start.
struct Matcher<'a> {
    l: &'a Lang,
    p: &'a Prep,
    t: &'a Tokens,
    /// The first token: a match never crosses a line break after it.
    start: usize,
    /// First-pass expressions (composition pass only).
    refs: Option<&'a Refs<'a>>,
}

/// The best match so far at one start token.
struct Best {
    end: usize,
    rule: u32,
    /// Slots of the match (of part A for a split range).
    a: Slots,
    /// Split range: (end of A, start of B, slots of B).
    split: Option<(usize, usize, Slots)>,
}

impl Matcher<'_> {
    /// Match a split rule `A ~ connector ~ B` at `i`, updating `best` when longer.
    fn split(&self, r: &Rule, i: usize, work: &mut Slots, best: &mut Best, ri: u32) {
        let mut w1 = [NONE; lang::NSLOTS];
        let mut w2 = [NONE; lang::NSLOTS];
        self.dfs(&r.parts[0], None, i, work, &mut |ea, sa| {
            if ea == i {
                return;
            }
            self.dfs(&r.parts[1], None, ea, &mut w1, &mut |ec, _| {
                if ec == ea {
                    return;
                }
                self.dfs(&r.parts[2], None, ec, &mut w2, &mut |eb, sb| {
                    // a range never ends inside a number glued on ("until 12-05-2019")
                    if eb > ec && eb > best.end && !glued_number(self.t, eb) {
                        *best = Best { end: eb, rule: ri, a: *sa, split: Some((ea, ec, *sb)) };
                    }
                });
            });
        });
    }

    /// Depth-first match of `elems` (then `cont`) from token `pos`, without allocating: slots
    /// are set in place and restored on backtrack; `on_end` sees every complete path.
    fn dfs(&self, elems: &[Elem], cont: Option<&Cont>, pos: usize, sl: &mut Slots, on_end: &mut dyn FnMut(usize, &Slots)) {
        let Some((e, rest)) = elems.split_first() else {
            match cont {
                Some(c) => self.dfs(c.elems, c.next, pos, sl, on_end),
                None => on_end(pos, sl),
            }
            return;
        };
        let t = self.t;
        let n = t.toks.len();
        let ok = |p: usize| p < n && (p == self.start || !t.toks[p].brk);
        let opt = match e {
            Elem::Lit(_, o) | Elem::Class(_, _, o) | Elem::Num(_, _, o) | Elem::Group(_, o) | Elem::Ref(_, _, o) => *o,
            Elem::Not(_) => false,
        };
        match e {
            Elem::Lit(alts, _) => {
                for a in alts {
                    if a.iter().enumerate().all(|(k, &w)| ok(pos + k) && self.p.fid[pos + k] == w) {
                        self.dfs(rest, cont, pos + a.len(), sl, on_end);
                    }
                }
            }
            Elem::Class(c, rename, _) => {
                if ok(pos) {
                    for (end, en) in self.l.cached(self.p, *c, pos) {
                        // save only the slots this entry sets (copying all slots dominated)
                        let mut saved = [(0usize, 0i32); lang::MAX_ENTRY_SETS];
                        for (k, &(id, v)) in en.set.iter().enumerate() {
                            let target = match rename {
                                Some(r) if k == 0 => *r,
                                _ => id,
                            };
                            saved[k] = (target, sl[target]);
                            sl[target] = v;
                        }
                        self.dfs(rest, cont, end, sl, on_end);
                        for &(target, old) in saved[..en.set.len()].iter().rev() {
                            sl[target] = old;
                        }
                    }
                }
            }
            Elem::Num(k, rename, _) => {
                if ok(pos) && num_ok(*k, &t.toks[pos]) && *k == NumKind::HM && rename.is_none() {
                    // "1140": hour 11, minute 40
                    let (h, m) = (lang::slot_id("hour").unwrap_or(0), lang::slot_id("minute").unwrap_or(0));
                    let (oh, om) = (sl[h], sl[m]);
                    let v = t.toks[pos].num as i32;
                    sl[h] = v / 100;
                    sl[m] = v % 100;
                    self.dfs(rest, cont, pos + 1, sl, on_end);
                    sl[h] = oh;
                    sl[m] = om;
                } else if ok(pos) && num_ok(*k, &t.toks[pos]) {
                    let slot = rename.or_else(|| default_slot(*k).and_then(lang::slot_id));
                    match slot {
                        Some(s) => {
                            let old = sl[s];
                            sl[s] = t.toks[pos].num.min(i32::MAX as u32) as i32;
                            self.dfs(rest, cont, pos + 1, sl, on_end);
                            sl[s] = old;
                        }
                        None => self.dfs(rest, cont, pos + 1, sl, on_end),
                    }
                }
            }
            Elem::Not(inner) => {
                // any way the element matches here rejects the path; it is tried on empty slots
                // (whether it is there, not whether its slots agree with the match's)
                let mut hit = false;
                let mut fresh = [NONE; lang::NSLOTS];
                self.dfs(std::slice::from_ref(&**inner), None, pos, &mut fresh, &mut |_, _| hit = true);
                if !hit {
                    self.dfs(rest, cont, pos, sl, on_end);
                }
            }
            Elem::Group(g, _) => {
                let c = Cont { elems: rest, next: cont };
                self.dfs(g, Some(&c), pos, sl, on_end);
            }
            Elem::Ref(kind, base, _) => {
                if let Some(r) = self.refs.filter(|_| ok(pos)) {
                    let k = r.at[pos];
                    if k != u32::MAX && r.kinds[k as usize] & (1 << (*kind as u8)) != 0 {
                        let m = &r.ms[k as usize];
                        let saved = *sl;
                        if *base {
                            if sl[r.base] == NONE {
                                sl[r.base] = k as i32;
                                self.dfs(rest, cont, m.end, sl, on_end);
                            }
                        } else if m.anchor.is_none() {
                            // merge the part's slots; a conflicting value rejects the path
                            let mut clash = false;
                            for (j, &v) in m.slots.iter().enumerate() {
                                if v == NONE || r.skip.contains(&j) {
                                    continue;
                                }
                                if sl[j] != NONE && sl[j] != v {
                                    clash = true;
                                    break;
                                }
                                sl[j] = v;
                            }
                            if !clash {
                                self.dfs(rest, cont, m.end, sl, on_end);
                            }
                        }
                        *sl = saved;
                    }
                }
            }
        }
        if opt {
            self.dfs(rest, cont, pos, sl, on_end);
        }
    }
}
