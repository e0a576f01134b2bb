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
//!   publication date it infers a window from the text ([`TimexTagger::infer_publication`]).

pub mod calendar;
pub mod eval;
pub mod lang;
mod matcher;
mod modes;
pub mod resolve;
mod spans;
pub mod token;
pub mod zones;

use calendar::Date;
use dyade_core::{Component, DateEstimate, Document, Span, Timex};
use lang::{Elem, Lang, NumKind, Prep, Rule, Slots, NONE};
use matcher::{Best, Matcher, Refs};
use spans::{in_code, range_link};
use resolve::{Ctx, Ids, Resolved};
pub use resolve::Tense;
pub use modes::TagOptions;
use std::sync::OnceLock;
use token::{Kind, Tokens};
pub use zones::ZoneMention;

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

/// One raw match before resolution (the span steps and publication-date inference read it).
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
        let rf = Reference { calendar_weeks: style == SpanStyle::Bare, ..Reference::parse(reference, true) };
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
        let rf = Reference { calendar_weeks: style == SpanStyle::Bare, ..Reference::parse(reference, true) };
        let l = self.lang(lang);
        with_scratch(|toks, p| {
            token::tokenize(text, toks);
            let ms = self.find(l, toks, p, Some(style));
            let mut ends = Vec::new();
            let starts = self.resolve_all(l, toks, p, &ms, rf, &[], &[], Tense::Future, Some(&mut ends));
            starts.into_iter().map(|(t, _)| t).zip(ends).collect()
        })
    }

    /// The time zones `text` names ("PST", "UTC+4", "Beijing time", "1pm ACDT" → "ACDT"), with
    /// their UTC offsets, from the `@TZ…` classes of the pack for `lang` (see the `zones`
    /// module doc). A layer apart from [`TimexTagger::tag`]: a zone is no TIMEX3, and this
    /// never changes the timexes.
    pub fn zones(&self, text: &str, lang: &str) -> Vec<ZoneMention> {
        let l = self.lang(lang);
        with_scratch(|toks, p| {
            token::tokenize(text, toks);
            l.prepare(toks, p);
            zones::find(l, toks, p)
        })
    }

    /// Find all rule matches (leftmost-longest).
    fn find(&self, l: &Lang, t: &Tokens, p: &mut Prep, sched: Option<SpanStyle>) -> Vec<Match> {
        self.find_with(l, t, p, sched, true)
    }

    /// [`TimexTagger::find`]; without `lists` (Recognizers' default options, no `ExtendedTypes`),
    /// Recognizers-style spans read coordinated items each on its own: the list step that
    /// completes them from their neighbours ("next week on Tuesday or Thursday") is left out,
    /// its elliptic weekdays ("or Tue") standing as they are (bare ordinal days, "23rd", not).
    fn find_with(&self, l: &Lang, t: &Tokens, p: &mut Prep, sched: Option<SpanStyle>, lists: bool) -> Vec<Match> {
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
        let timepod = l.cls.timepod;
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
                if (r.sched_only && !sched_mode) || (r.news_only && sched_mode) || !r.req.iter().all(|m| m.meets(&win)) {
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
                Some((ea, ec, sb)) => {
                    let (mut sa, mut sb) = self.split_slots(l, r, best.a, sb);
                    // `lead=N` on a split rule: A's first N tokens ("du") stay out of TimeML spans
                    let lead = r.set.iter().find(|&&(k, _)| k == self.ids.lead).map_or(0, |&(_, v)| v as usize);
                    // (`keep=1`: Recognizers-style spans keep it, as for single matches: "in 2014
                    // through 2018")
                    let keep = r.set.iter().any(|&(k, v)| k == self.ids.keep && v > 0);
                    let kept = sched == Some(SpanStyle::WithPrepositions) || (sched == Some(SpanStyle::Bare) && keep);
                    let a0 = if lead > 0 && !kept { (i + lead).min(ea - 1) } else { i };
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
                let ms = self.offsets(l, p, ms);
                self.lists(l, t, p, ms)
            }
            Some(SpanStyle::Bare) => {
                let out = self.compose(l, t, p, out, sched);
                let out = self.sum_durations(l, t, p, out);
                let ms = self.years(l, t, p, out);
                let ms = self.merge_with(l, t, p, ms, true);
                let ms = self.bare(l, t, p, ms);
                let ms = self.fuse_ranges(l, t, p, ms);
                let ms = self.framed_ranges(l, ms);
                let ms = self.lasting(l, t, p, ms);
                // Recognizers keeps the prepositions that carry a mod ("avant 16h", "depuis 3 ans")
                let ms = self.leads(l, t, p, ms, true);
                let ms = self.offsets(l, p, ms);
                // a day and the clock time or range its lead bounds ("today before 4pm",
                // "tomorrow between 8am and 2pm") are one expression
                let ms = self.merge_with(l, t, p, ms, true);
                let ms = if lists {
                    self.lists(l, t, p, ms)
                } else {
                    // (a weekday stands alone, "or Tue"; a bare ordinal day does not, "23rd")
                    let mut ms = ms;
                    for m in ms.iter_mut().filter(|m| m.slots[self.ids.weekday] != NONE) {
                        m.slots[self.ids.ell] = NONE;
                    }
                    ms.retain(|m| m.slots[self.ids.ell] == NONE);
                    ms
                };
                self.years_as_days(l, ms)
            }
        }
    }

    /// The slots of the two halves of a split range (`A ~ C ~ B`): A borrows B's missing slots
    /// ("du 15 au 17 janvier"), a bare day B the month and year of A ("novembre 19 au 20"),
    /// and the halves of a clock range are read together.
    fn split_slots(&self, l: &Lang, r: &Rule, mut sa: Slots, mut sb: Slots) -> (Slots, Slots) {
        let id = &self.ids;
        let (month, year, day) = (id.month, id.year, id.day);
        // a bare clock time B takes the day of A ("Monday 8-9am", "this Thu 9 to 11am")
        let dated = [year, month, day, id.weekday, id.shift, id.unit, id.dir];
        if sb[id.hour] != NONE && dated.iter().all(|&k| sb[k] == NONE) {
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
        // a start with its own hour keeps its (whole) minutes: "1-2:30" starts at 1:00
        let own_hour = sa[id.hour] != NONE;
        // "9:30 and 3:00 pm": a start the end's half of the day would put after the
        // end keeps its own (morning) reading
        let (h, mi) = (id.hour, id.minute);
        let at = |s: &Slots| (s[h] + 12) * 60 + if s[mi] != NONE { s[mi] } else { 0 };
        let after_end = own_hour && sb[h] != NONE && (1..12).contains(&sa[h]) && (1..12).contains(&sb[h]) && at(&sa) > at(&sb);
        // ... and a start on the 12-hour clock before an end in the morning that it
        // would follow is the evening before ("from 11 to 3am": 23:00)
        let pod = id.pod;
        let bare = |s: &Slots| (1..12).contains(&s[h]) && s[id.pm] == NONE && s[pod] == NONE && s[id.h24] == NONE;
        let am = l.value("MO");
        let eve_before = bare(&sa) && sb[h] != NONE && Some(sb[pod]) == am && (1..12).contains(&sb[h]) && at(&sa) > at(&sb);
        if eve_before {
            sa[id.pm] = 1;
        }
        for k in 0..lang::NSLOTS {
            // "8am - 1pm": a start with its own half of the day keeps it; "7 to
            // 7:30pm": a start with its own hour keeps its minutes (none)
            let own = (k == id.pm && (sa[id.pod] != NONE || after_end)) || (own_hour && (k == id.minute || k == id.second)) || (k == pod && eve_before);
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
        // ... and so does the n-th weekday a clock range is on ("first Monday 1pm
        // to 3pm of next month": 3pm of that Monday too)
        if sb[id.sub] != NONE && sb[id.ordinal] == NONE && sb[id.hour] != NONE && sa[id.ordinal] != NONE {
            sb[id.ordinal] = sa[id.ordinal];
            sb[id.weekday] = sa[id.weekday];
        }
        // a clock range never runs backwards within the morning: "11h30-1h30"
        // ends at 13:30 (24-hour ranges such as "22h-2h" stay overnight)
        // (a start in the afternoon or evening, "from 11 pm to 3", runs to the end's
        // next occurrence: see `range_end`)
        let (h, pm) = (id.hour, id.pm);
        if sa[h] != NONE && sb[h] != NONE && sb[pm] == NONE && sb[id.pod] == NONE && sa[pm] == NONE && sa[h] <= 12 && sb[h] > 0 && sb[h] < sa[h] && sb[h] + 12 > sa[h] {
            sb[h] += 12;
        }
        // a start the end's half of the day would put after the end is in the
        // morning as written ("from 11 to 3pm": 11:00, not the next 11 o'clock)
        if after_end && sa[pm] == NONE && sa[pod] == NONE && sb[pm] != NONE {
            sa[id.h24] = 1;
        }
        (sa, sb)
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
        let Some(lasting) = l.cls.lasting else { return ms };
        let open = l.cls.range_open;
        let id = &self.ids;
        let (Some(shift), Some(dur)) = (l.value("shift"), l.value("DURATION")) else { return ms };
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

    /// Resolve matches in text order, tracking the last mentioned day.
    #[allow(clippy::too_many_arguments)]
    fn resolve_all(&self, l: &Lang, t: &Tokens, p: &Prep, ms: &[Match], rf: Reference, sentences: &[Span], skip: &[Span], bias: Tense, mut ends: Option<&mut Vec<Option<Timex>>>) -> Vec<(Timex, Resolved)> {
        let mut out = vec![];
        let mut last: Option<Date> = None;
        let mut last_year: Option<(i32, usize)> = None;
        let mut last_end: Option<usize> = None;
        let linked = |a: &Match, b: &Match| range_link(l, &self.ids, t, p, a, b);
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
            let mut ctx = Ctx { dct: rf.date, last, tense, now: rf.minute, forward: rf.forward, offset: rf.offset, calendar_weeks: rf.calendar_weeks };
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
            // 15 juillet"): it does not choose the year as it does alone ("Fri, Jul 18"); a
            // clock range on one day keeps it ("Tuesday May 22 between 9:30 and 3:00 pm": the
            // Tuesday that is a 22 May)
            if m.split && slots[id.day] != NONE && slots[id.month] != NONE && slots[id.hour] == NONE {
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
            let named = |s: &Slots| s[id.month] != NONE || s[id.season] != NONE;
            let tail = m.range.as_deref().or_else(|| ms.get(mi + 1).filter(|b| linked(m, b)));
            let bare_year = |s: &Slots| [id.month, id.day, id.weekday, id.season, id.quarter, id.half, id.shift, id.rf].iter().all(|&k| s[k] == NONE);
            let plain = ctx;
            // ... and so is a day of the month told alone before another ("du 3 au 15" said on
            // the 7th: from the 3rd of the month under way, not of the next)
            let lone_day = |s: &Slots| s[id.day] != NONE && [id.year, id.yy, id.month, id.weekday, id.shift, id.sign, id.rf, id.hour].iter().all(|&k| s[k] == NONE);
            let days = |b: &Match| lone_day(&slots) && lone_day(&b.slots) && (1..=28).contains(&slots[id.day]);
            if let Some(b) = tail.filter(|b| self.yearless(&slots) && (named(&slots) || days(b)) && self.datelike(l, &b.slots) && !bare_year(&b.slots)) {
                if let Some((mut d, _)) = self.resolve_match(l, b, &b.slots, &ctx).and_then(|rb| resolve::start_of(&rb, &ctx)) {
                    // (a start day after the end day is in the month before: "du 20 au 5")
                    if days(b) && slots[id.day] > d.d as i32 {
                        d = d.add_months(-1);
                    }
                    ctx = Ctx { dct: Some(d), forward: false, now: None, last: None, ..ctx };
                    if slots[id.dir] == NONE {
                        slots[id.dir] = l.value("past").unwrap_or(NONE);
                    }
                }
            }
            // a range up to now starts before it ("between eight o'clock and now": 08:00, not
            // the coming 20:00)
            if m.range.as_deref().is_some_and(|e| l.str_of(e.slots[id.rf]) == Some("PRESENT_REF")) {
                ctx.forward = false;
            }
            let mut r = match range_start.filter(|&(k, _)| k + 1 == mi) {
                Some((_, d)) => self.range_end(l, m, &slots, (d, None), &plain),
                // (a bound the range makes impossible, "2/29" before "3/1/2019", keeps its own reading)
                None => self.resolve_match(l, m, &slots, &ctx).filter(|r| !r.value.starts_with('X')).or_else(|| self.resolve_match(l, m, &m.slots, &plain)),
            };
            range_start = None;
            // "the rest of the week": where ranges are read (fused into one span), a range from
            // now to the period's last day
            let mut rest_end = None;
            if let Some(x) = r.as_ref().filter(|_| slots[id.rest] != NONE && ends.is_some()) {
                if let Some((s, e)) = resolve::rest_of(x, &ctx) {
                    r = Some(s);
                    rest_end = Some(e);
                }
            }
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
                    let end = end.or_else(|| self.lasting_end(l, m, &slots, start, &ctx)).or(rest_end);
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
    fn lasting_end(&self, l: &Lang, m: &Match, slots: &Slots, start: Option<(Date, Option<u32>)>, ctx: &Ctx) -> Option<Resolved> {
        let id = &self.ids;
        let (start, minute) = start?;
        if matches!(l.str_of(slots[id.comp]), Some("span" | "first" | "last")) {
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
            // (a start told at a clock time ends at that clock time: "a day starting this
            // Friday at 5 pm")
            let value = match minute {
                Some(mi) => format!("{}T{:02}:{:02}", end.iso(), mi / 60, mi % 60),
                None => end.iso(),
            };
            let ttype = if minute.is_some() { dyade_core::TimexType::TIME } else { dyade_core::TimexType::DATE };
            return (n > 0).then_some(Resolved { ttype, value, modifier: None, day: Some(end), relative: false });
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
                return Some(Self::after_start(r, start, now, slots, id));
            }
        }
        let named = slots[id.month] != NONE || slots[id.season] != NONE || slots[id.weekday] != NONE;
        if self.yearless(slots) && self.datelike(l, slots) && named {
            let mut sl = *slots;
            if sl[id.weekday] == NONE {
                sl[id.dir] = l.value("future").unwrap_or(NONE);
            }
            let c = Ctx { dct: Some(start), forward: true, now: None, last: None, ..*ctx };
            if let Some(r) = self.resolve_match(l, m, &sl, &c) {
                return Some(r);
            }
        }
        self.resolve_match(l, m, slots, ctx)
    }

    /// A range's bare clock end comes after its start ("from 11:01 am to 11": 23:00, "from
    /// 10:30 to 10": 22:00): an end at or before the start minute on the start's day is its
    /// next occurrence, 12 hours on for a 12-hour clock time without am/pm, else the next day.
    fn after_start(r: Resolved, start: Date, now: u32, slots: &Slots, id: &Ids) -> Resolved {
        let ctx = Ctx { dct: Some(start), last: None, tense: Tense::Unknown, now: Some(now), forward: true, offset: None, calendar_weeks: false };
        let Some((d, Some(m))) = resolve::start_of(&r, &ctx) else { return r };
        if d != start || m > now || r.value.len() < 16 {
            return r;
        }
        let ambiguous = (1..12).contains(&slots[id.hour]) && slots[id.pm] == NONE && slots[id.pod] == NONE && slots[id.h24] == NONE;
        let (d, m) = if ambiguous && m + 720 > now && m + 720 < 1440 { (d, m + 720) } else { (d.add_days(1), m) };
        let value = format!("{}T{:02}:{:02}{}", d.iso(), m / 60, m % 60, &r.value[16..]);
        Resolved { value, day: Some(d), ..r }
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
        // `comp=first` / `comp=last`: the first or last units of the anchor period ("the first
        // 2 weeks of 2021"), valued at their start (`lasting_end` gives their end)
        if let Some(op @ ("first" | "last")) = l.str_of(slots[self.ids.comp]) {
            let a = m.anchor.as_deref()?;
            let ra = self.resolve_match(l, a, &a.slots, ctx)?;
            let (start, _) = resolve::start_of(&ra, ctx)?;
            let end = resolve::period_end(&ra.value)?;
            let n = slots[self.ids.n];
            let d = resolve::part_start(op == "first", n as i64, l.str_of(slots[self.ids.unit])?, start, end)?;
            return (n > 0).then(|| Resolved { ttype: dyade_core::TimexType::DATE, value: d.iso(), modifier: None, day: Some(d), relative: ra.relative });
        }
        // `comp=weekend`: the weekend nearest the anchor day ("labor day weekend": the one
        // before that Monday; "weekend of thanksgiving": the one after that Thursday), a
        // year told after it being the anchor's ("halloween weekend 2021")
        if l.str_of(slots[self.ids.comp]) == Some("weekend") {
            let id = &self.ids;
            let a = m.anchor.as_deref()?;
            let mut asl = a.slots;
            if asl[id.year] == NONE && slots[id.year] != NONE {
                asl[id.year] = slots[id.year];
            }
            let ra = self.resolve_match(l, a, &asl, ctx)?;
            let d = ra.day.filter(|_| ra.value.len() == 10)?;
            let w = d.weekday() as i64;
            // the Saturday of the nearest weekend (ties go to the one after)
            let sat = if w >= 6 { d.add_days(6 - w) } else if w < 6 - w { d.add_days(-w - 1) } else { d.add_days(6 - w) };
            let (y, wk) = sat.iso_week();
            return Some(Resolved { ttype: dyade_core::TimexType::DATE, value: format!("{y}-W{wk:02}-WE"), modifier: None, day: Some(sat), relative: ra.relative });
        }
        // `comp=span`: a period that lasts a duration from its anchor ("for 10 days from 18th
        // Dec") is valued at the anchor, its start (`lasting_end` gives its end); without an
        // anchor it is counted from the reference day ("for 3 days from today")
        if l.str_of(slots[self.ids.comp]) == Some("span") {
            let Some(a) = m.anchor.as_deref() else {
                let d = ctx.dct?;
                return Some(Resolved { ttype: dyade_core::TimexType::DATE, value: d.iso(), modifier: None, day: Some(d), relative: true });
            };
            // (a clock time told after the start is the start's: "a day starting this Friday
            // at 5 pm")
            let mut asl = a.slots;
            let id = &self.ids;
            if asl[id.hour] == NONE {
                for k in [id.hour, id.minute, id.second, id.pm, id.pod] {
                    asl[k] = slots[k];
                }
            }
            return self.resolve_match(l, a, &asl, ctx);
        }
        let (day, minute) = match &m.anchor {
            Some(a) => {
                // a named day is taken as seen from before the shift (its occurrence the shift
                // brings after now); a day told from now ("two days from tomorrow") is as it is
                let id = &self.ids;
                let from_now = [id.shift, id.sign, id.offm, id.offd, id.rf].iter().any(|&k| a.slots[k] != NONE);
                let actx = if from_now { *ctx } else { resolve::anchor_reference(l, &self.ids, slots, ctx) };
                // a weekday placed by a count from now needs that day, not the count's grain
                // ("Thursday, two years from now": the Thursday of that week)
                let mut asl = a.slots;
                if l.str_of(slots[id.comp]) == Some("week") && asl[id.sign] != NONE && asl[id.anchor] == NONE && asl[id.comp] == NONE {
                    asl[id.anchor] = l.value("day").unwrap_or(NONE);
                }
                let ra = self.resolve_match(l, a, &asl, &actx)?;
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

/// True when the punctuation token `pos` is glued between two numbers ("4/22", "13.5").
fn glued_number(t: &Tokens, pos: usize) -> bool {
    let (Some(a), Some(c), Some(d)) = (pos.checked_sub(1).and_then(|k| t.toks.get(k)), t.toks.get(pos), t.toks.get(pos + 1)) else { return false };
    a.kind == Kind::Num && d.kind == Kind::Num && a.end == c.start && c.end == d.start
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
    /// 2016"), and a range is one span ("de 4pm à 5pm", value of its start); a count of years
    /// from now is the day that many years on ("in two years": Recognizers' day, where Duckling
    /// keeps the month), and the weeks of a month are those with at least two days in it ("the
    /// first week of Jan 2015" starts on 29 December; Duckling: the full weeks inside it).
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
    /// Weeks of a month counted as calendar weeks (see [`resolve::Ctx::calendar_weeks`]):
    /// Recognizers-style spans ([`SpanStyle::Bare`]).
    pub calendar_weeks: bool,
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
        Reference { date, minute: minute.filter(|_| s.as_bytes().get(10) == Some(&b'T')), forward, offset, calendar_weeks: false }
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
        let ctx = Ctx { dct: None, last: None, tense, now: None, forward: false, offset: None, calendar_weeks: false };
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
                let (a, b) = t.within(s.start, s.end);
                (a, b.max(a))
            }
            _ => sentence_bounds(t, ti),
        }
    } else {
        sentence_bounds(t, ti)
    };
    let (past_c, fut_c) = (l.cls.past_mark, l.cls.future_mark);
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
        if l.has(p, past_c, i) {
            best = Some((d, Tense::Past));
        } else if l.has(p, fut_c, i) {
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
        NumKind::HM0 => d == 4 && v < 1000 && v / 100 <= 23 && v % 100 <= 59,
        NumKind::YMD => d == 8 && (1000..=2999).contains(&(v / 10000)) && (1..=12).contains(&(v / 100 % 100)) && (1..=calendar::days_in_month((v / 10000) as i32, v / 100 % 100)).contains(&(v % 100)),
    }
}
