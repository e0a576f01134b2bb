//! Output options, after Recognizers-Text's `DateTimeOptions`: the same expressions, told the
//! way an application that asked for them wants them.
//!
//! - **split date and time** (`SplitDateAndTime`): an expression that joins a date and a time
//!   of day, or fuses the two bounds of a range, is given as its parts, each one an expression
//!   of its own ("tomorrow from 5pm to 7pm" → "tomorrow", "5pm", "7pm"): the parts are the
//!   expressions the TimeML span style finds inside it (it keeps dates, times and bounds
//!   apart) that stand as expressions on their own (the "20" of "November 19-20" does not: the
//!   range stays whole); the date comes first, then the times, valued at their time of day
//!   only (`T17:00`: the day is the date part's). A point or period told as a duration from
//!   now ("next 5 minutes", "2 hours later", "2 minutes ago") is given as that duration, its
//!   number and unit ("5 minutes", `PT5M`).
//! - **tasks mode** (`TasksMode`, for to-do and reminder texts): kinds of expressions that
//!   schedule nothing are not recognized — a year told alone ("2000 pieces", "sales of 2007"),
//!   quarters, halves of a year, seasons, decades and centuries, and the expressions holding a
//!   word of the pack's `@TASKS_SKIP` class (holidays such an application does not schedule;
//!   what follows that word is read on its own: "the independence day of this year" → "this
//!   year"), or a `@TASKS_SKIP_GLUED` word glued to a number ("7p");
//!   "next week / month / year" (a shift of one week, month or year) is the first day of that
//!   period, and a time of day right after it (`@JOIN` words between) is on that day ("next
//!   month at 6pm" → the 1st at 18:00, one expression); so are a holiday or a meal time, which
//!   the plain output keeps apart (`@HOLIDAY`, `@APART`), and the day or time next to it
//!   ("easter after 5pm", "after dinner tomorrow"); a time of day told without a day that
//!   has already begun (a part of the day) or passed (a clock time) is the next day's.
//! - **calendar mode** (`CalendarMode`): an expression that is nothing but a lone period term
//!   of the pack's `@CALENDAR_SKIP` class ("the year" of "partner of the year", "have a great
//!   week") is left out; after a `@CALENDAR_DURING` word it is that period's length ("for the
//!   day": `P1D`, the word in the span).
//! - **experimental mode** (`ExperimentalMode`): a `@WEAK_SINCE` range opener ("from") before
//!   a single expression, which the default reading leaves out, is its "since": it joins the
//!   span (over a plain `@LEAD` word: "from the end of 1989") with mod AFTER unless the
//!   expression has a position of its own ("end of", "mid", "around").
//! - **skip from-to merge** (`SkipFromToMerge`): a range opened by a `@WEAK_SINCE` word
//!   ("from 9am to 11am") is given as its bounds ("9am", "11am"): the expressions the TimeML
//!   style finds inside it that stand alone, each with its own value.
//! - **extended types** (`ExtendedTypes`): the list step completes coordinated items from
//!   their neighbours ("next week on Tuesday or Thursday", "July 17th, 18th") and reads a lone
//!   direction word as the period it is coordinated with ("this week or next"), as
//!   [`TimexTagger::tag_ranges_at`] does; without it each item is read on its own (an elliptic
//!   weekday, "or Tue", stands; a bare ordinal, "18th", and a lone "next" do not).
//!
//! The options are post-steps over the tagged expressions, chosen by their kind (their slots
//! and TIMEX3 values), but extended types, which chooses whether the list step runs: no rule
//! and no word changes with them; the other tagging calls
//! ([`TimexTagger::tag`], [`TimexTagger::tag_at`], [`TimexTagger::tag_ranges_at`]) are
//! untouched.
#![allow(clippy::too_many_arguments)]

use super::*;
use spans::joined;

/// Output options of [`TimexTagger::tag_ranges_with`], after Recognizers-Text's
/// `DateTimeOptions` (all off: its default options; [`TimexTagger::tag_ranges_at`]'s output is
/// that of `extended_types` alone).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TagOptions {
    /// Give a date and its time of day, and a range's bounds, as separate expressions, and a
    /// duration told from now as the duration (Recognizers' `SplitDateAndTime`).
    pub split_date_time: bool,
    /// Tasks mode (Recognizers' `TasksMode`): leave out years told alone, quarters, halves,
    /// seasons, decades and the `@TASKS_SKIP` words' expressions; "next month" is its first
    /// day and joins the time of day after it; a bare time of day already begun is tomorrow's.
    pub tasks: bool,
    /// Calendar mode (Recognizers' `CalendarMode`): leave out the expressions that are nothing
    /// but a lone period term of the pack's `@CALENDAR_SKIP` class ("the year" of "partner of
    /// the year"), or read them as one such period's length after a `@CALENDAR_DURING` word
    /// ("for the day": `P1D`).
    pub calendar: bool,
    /// Experimental mode (Recognizers' `ExperimentalMode`): a `@WEAK_SINCE` opener ("from")
    /// before a single expression is its "since" ("from 2014", "from the end of 1989").
    pub experimental: bool,
    /// Keep "from X to Y" apart (Recognizers' `SkipFromToMerge`): a range opened by a
    /// `@WEAK_SINCE` word ("from") is given as its bounds, each as it stands alone.
    pub skip_from_to: bool,
    /// Extended types (Recognizers' `ExtendedTypes`): coordinated items are completed from
    /// their neighbours ("next week on Tuesday or Thursday": Thursday of next week; "July 17th,
    /// 18th": July 18th) and a lone direction word stands for the period it is coordinated
    /// with ("this week or next"); without it each item is read on its own ("Thursday": the
    /// coming one; no "next").
    pub extended_types: bool,
}

/// Hour at which each TIMEX3 part of the day begins (for "already begun" in tasks mode).
fn pod_start(pod: &str) -> Option<u32> {
    Some(match pod {
        "MO" => 6,
        "DT" => 8,
        "MI" | "AF" => 12,
        "EV" => 18,
        "NI" | "NT" => 21,
        _ => return None,
    })
}

/// The date part and the time part of a TIMEX3 value (`2016-11-08T17:00` → both; `T17:00` →
/// only the time; `2016-11-08` → only the date).
fn date_time_parts(v: &str) -> (Option<&str>, Option<&str>) {
    match v.find('T') {
        Some(0) => (None, Some(v)),
        Some(k) if v.as_bytes()[k - 1].is_ascii_digit() || v.as_bytes()[k - 1] == b'X' => (Some(&v[..k]), Some(&v[k..])),
        _ => (Some(v), None),
    }
}

impl TimexTagger {
    /// Like [`TimexTagger::tag_ranges_at`], with the output options `opts` (see the module
    /// doc of `modes`): each expression with its fused range end, if any.
    pub fn tag_ranges_with(&self, text: &str, lang: &str, reference: &str, style: SpanStyle, opts: TagOptions) -> Vec<(Timex, Option<Timex>)> {
        if opts == (TagOptions { extended_types: true, ..Default::default() }) {
            return self.tag_ranges_at(text, lang, reference, style);
        }
        let rf = Reference { calendar_weeks: style == SpanStyle::Bare, ..Reference::parse(reference, true) };
        let l = self.lang(lang);
        let (mut out, firsts, bare, rest) = with_scratch(|toks, p| {
            token::tokenize(text, toks);
            let mut ms = self.find_with(l, toks, p, Some(style), opts.extended_types);
            let (mut firsts, mut bare, mut rest) = (vec![], vec![], vec![]);
            if opts.tasks {
                ms = self.tasks_matches(l, toks, p, ms, &mut firsts, &mut bare, &mut rest);
            }
            let mut ends = Vec::new();
            let starts = self.resolve_all(l, toks, p, &ms, rf, &[], &[], Tense::Future, Some(&mut ends));
            let out: Vec<(Timex, Option<Timex>)> = starts.into_iter().map(|(t, _)| t).zip(ends).collect();
            (out, firsts, bare, rest)
        });
        // the rest of an expression cut at a skipped word, tagged on its own
        for r in rest {
            for (mut x, mut e) in self.tag_ranges_with(&text[r.start..r.end], lang, reference, style, opts) {
                x.span = Span::new(x.span.start + r.start, x.span.end + r.start);
                if let Some(e) = e.as_mut() {
                    e.span = Span::new(e.span.start + r.start, e.span.end + r.start);
                }
                let at = out.partition_point(|(y, _)| y.span.start < x.span.start);
                out.insert(at, (x, e));
            }
        }
        // the steps below tokenize again: they re-tag parts of the text (nested scratch use)
        let mut toks = Tokens::default();
        let mut p = Prep::default();
        token::tokenize(text, &mut toks);
        l.prepare(&toks, &mut p);
        if opts.tasks {
            out = tasks_first_days(out, &firsts);
            out = tasks_next_day(out, &bare, rf);
            out = tasks_join(l, &toks, &p, out, &firsts, rf);
        }
        if opts.calendar {
            out = calendar_filter(l, &toks, &p, out);
        }
        if opts.experimental {
            out = experimental_since(l, &toks, &p, out);
        }
        if opts.skip_from_to {
            out = self.skip_from_to(l, &toks, &p, text, lang, reference, out);
        }
        if opts.split_date_time {
            out = self.split_date_time(l, &toks, &p, text, lang, reference, out);
        }
        out
    }

    /// Recognizers-style spans: a count of years from now ("in two years", "5 years ago") is
    /// the day that many years on, as Recognizers-Text resolves it (Duckling, the other
    /// scheduling style, keeps the month: its grain).
    pub(crate) fn years_as_days(&self, l: &Lang, mut ms: Vec<Match>) -> Vec<Match> {
        let Some(day) = l.value("day") else { return ms }; // (always there: lang::ENGINE_STRINGS)
        let id = &self.ids;
        for m in ms.iter_mut() {
            let s = &mut m.slots;
            if s[id.sign] != NONE && l.str_of(s[id.unit]) == Some("Y") && [id.hour, id.anchor, id.ty, id.comp].iter().all(|&k| s[k] == NONE) && m.range.is_none() {
                s[id.anchor] = day;
            }
        }
        ms
    }

    /// Tasks mode over the matches: drop the kinds it does not recognize, make "next
    /// week/month/year" its first day (their spans in `firsts`), and note the times of day told
    /// without a day (`bare`).
    fn tasks_matches(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>, firsts: &mut Vec<Span>, bare: &mut Vec<Span>, rest: &mut Vec<Span>) -> Vec<Match> {
        let id = &self.ids;
        let skip = l.cls.tasks_skip;
        let glued = l.cls.tasks_skip_glued;
        let unit_c = l.cls.unit;
        let (rel_day, this) = (l.cls.rel_day, l.cls.this);
        let has = |c: Option<usize>, m: &Match| c.is_some_and(|c| (m.tok..m.end).any(|i| l.cached(p, c, i).next().is_some()));
        let periods = ["Q", "DE", "CE"];
        let dated = [id.month, id.day, id.weekday, id.shift, id.unit, id.hour, id.minute, id.pod, id.rf, id.easter, id.comp, id.anchor, id.n, id.sign, id.offm, id.offd, id.ordinal];
        let unsupported = |m: &Match| {
            let s = &m.slots;
            if l.str_of(s[id.ty]) == Some("SET") {
                return false;
            }
            let kind = [id.quarter, id.half, id.season, id.decade, id.century].iter().any(|&k| s[k] != NONE) || l.str_of(s[id.unit]).is_some_and(|u| periods.contains(&u));
            // a year told alone (a number or a year in words; "the year 2016" names it)
            let year = [id.year, id.yy, id.yearword].iter().any(|&k| s[k] != NONE) && dated.iter().all(|&k| s[k] == NONE) && !has(unit_c, m);
            kind || year
        };
        let mut out = Vec::with_capacity(ms.len());
        for m in ms {
            // a `@TASKS_SKIP_GLUED` word glued to the number before it and to nothing after
            // ("7p", not "7p.m.")
            let glued_skip = glued.is_some_and(|c| {
                (m.tok.max(1)..m.end).any(|i| {
                    let (a, b) = (&t.toks[i - 1], &t.toks[i]);
                    a.kind == Kind::Num && a.end == b.start && t.toks.get(i + 1).is_none_or(|n| n.start > b.end) && l.cached(p, c, i).any(|(e, _)| e == i + 1)
                })
            });
            if unsupported(&m) || m.range.as_deref().is_some_and(unsupported) || glued_skip {
                continue;
            }
            // an expression with a skipped word: what follows the word is read on its own ("the
            // independence day of this year" → "this year")
            if let Some(e) = skip.and_then(|c| (m.tok..m.end).find_map(|i| l.cached(p, c, i).map(|(e, _)| e).max())) {
                if e < m.end {
                    rest.push(Span::new(t.toks[e].start as usize, m.span.end));
                }
                continue;
            }
            let s = &m.slots;
            let whole = matches!(l.str_of(s[id.unit]), Some("W" | "M" | "Y"));
            let own = [id.day, id.weekday, id.month, id.year, id.hour, id.minute, id.pod, id.n, id.sign, id.comp, id.anchor, id.offm, id.offd, id.md];
            if s[id.shift] == 1 && whole && m.range.is_none() && own.iter().all(|&k| s[k] == NONE) {
                firsts.push(m.span);
            }
            // told without a day: no day slot but the reference day the scheduling rules put
            // (shift 0 in days), and no word naming the day ("today", "this")
            let today = s[id.shift] == NONE || (s[id.shift] == 0 && l.str_of(s[id.unit]) == Some("D"));
            let no_day = today && [id.year, id.yy, id.month, id.day, id.weekday, id.rf, id.easter, id.comp, id.offd].iter().all(|&k| s[k] == NONE) && !has(rel_day, &m) && !has(this, &m);
            if no_day && (s[id.hour] != NONE || s[id.pod] != NONE) && m.range.is_none() {
                bare.push(m.span);
            }
            out.push(m);
        }
        out
    }

    /// Skip from-to merge (see the module doc).
    fn skip_from_to(&self, l: &Lang, t: &Tokens, p: &Prep, text: &str, lang: &str, reference: &str, out: Vec<(Timex, Option<Timex>)>) -> Vec<(Timex, Option<Timex>)> {
        let Some(from) = l.cls.weak_since else { return out };
        let apart = self.tag_at(text, lang, reference, SpanStyle::TimeMl);
        let mut res = Vec::with_capacity(out.len());
        for (x, end) in out {
            let a = t.toks.partition_point(|k| (k.start as usize) < x.span.start);
            let opened = a < t.toks.len() && l.cached(p, from, a).next().is_some();
            if end.is_some() && opened {
                let parts: Vec<&Timex> = apart.iter().filter(|y| y.span.start >= x.span.start && y.span.end <= x.span.end && self.stands_alone(text, lang, reference, y)).collect();
                if parts.len() >= 2 {
                    res.extend(parts.into_iter().map(|y| (y.clone(), None)));
                    continue;
                }
            }
            res.push((x, end));
        }
        res
    }

    /// True when the text of `x` tagged alone is one expression, all of it.
    fn stands_alone(&self, text: &str, lang: &str, reference: &str, x: &Timex) -> bool {
        self.alone(text, lang, reference, x.span).is_some()
    }

    /// The text of `span` tagged alone (Recognizers style), when it is one expression, all of
    /// it: that expression, placed in the whole text.
    fn alone(&self, text: &str, lang: &str, reference: &str, span: Span) -> Option<Timex> {
        let sub = &text[span.start..span.end];
        match &self.tag_at(sub, lang, reference, SpanStyle::Bare)[..] {
            [y] if y.span.start == 0 && y.span.end == sub.len() => Some(Timex { span, ..y.clone() }),
            _ => None,
        }
    }

    /// Split date and time (see the module doc).
    fn split_date_time(&self, l: &Lang, t: &Tokens, p: &Prep, text: &str, lang: &str, reference: &str, out: Vec<(Timex, Option<Timex>)>) -> Vec<(Timex, Option<Timex>)> {
        let apart = self.tag_at(text, lang, reference, SpanStyle::TimeMl);
        // a part stands on its own when tagged alone it is one expression, all of it
        let alone = |x: &Timex| self.stands_alone(text, lang, reference, x);
        let mut res = Vec::with_capacity(out.len());
        for (x, end) in out {
            let inner: Vec<&Timex> = apart.iter().filter(|y| y.span.start >= x.span.start && y.span.end <= x.span.end && alone(y)).collect();
            let joined = end.is_some() || matches!(date_time_parts(&x.value), (Some(_), Some(_)));
            if joined && inner.len() >= 2 {
                let dated = inner.iter().any(|y| date_time_parts(&y.value).1.is_none());
                let (dates, times): (Vec<&Timex>, Vec<&Timex>) = inner.into_iter().partition(|y| date_time_parts(&y.value).1.is_none());
                for y in dates {
                    res.push((y.clone(), None));
                }
                for y in times {
                    let mut y = y.clone();
                    if dated {
                        if let (Some(_), Some(tm)) = date_time_parts(&y.value) {
                            y.value = tm.to_string();
                        }
                    }
                    res.push((y, None));
                }
                continue;
            }
            if let (true, None, Some(parts)) = (joined, &end, self.date_then_time(l, t, p, text, lang, reference, &x)) {
                res.extend(parts.into_iter().map(|y| (y, None)));
                continue;
            }
            if let Some(d) = self.duration_part(l, t, p, text, lang, reference, &x) {
                res.push((d, None));
                continue;
            }
            res.push((x, end));
        }
        res
    }

    /// A date and time told by one rule ("tomorrow at 7pm"), where the TimeML style finds no
    /// parts: the first tokens that alone make a date, and the rest that alone makes a time of
    /// day (after `@JOIN` words), valued at the expression's time.
    fn date_then_time(&self, l: &Lang, t: &Tokens, p: &Prep, text: &str, lang: &str, reference: &str, x: &Timex) -> Option<[Timex; 2]> {
        let join = l.cls.join;
        let (_, Some(tm)) = date_time_parts(&x.value) else { return None };
        let (a, b) = t.within(x.span.start, x.span.end);
        let alone = |s: usize, e: usize| self.alone(text, lang, reference, Span::new(s, e));
        for k in a + 1..b {
            let Some(d) = alone(x.span.start, t.toks[k - 1].end as usize).filter(|d| date_time_parts(&d.value).1.is_none()) else { continue };
            // the time part starts after the joining words
            let mut s = k;
            while s < b && join.is_some_and(|c| l.cached(p, c, s).any(|(e, _)| e == s + 1)) {
                s += 1;
            }
            if s >= b {
                continue;
            }
            if let Some(y) = alone(t.toks[s].start as usize, x.span.end).filter(|y| date_time_parts(&y.value).1.is_some()) {
                return Some([d, Timex { value: tm.to_string(), ..y }]);
            }
        }
        None
    }

    /// The duration an expression is counted by from now ("next 5 minutes", "2 hours later"):
    /// its number and `@UNIT` word, valued as a duration; `None` when it has none.
    fn duration_part(&self, l: &Lang, t: &Tokens, p: &Prep, text: &str, lang: &str, reference: &str, x: &Timex) -> Option<Timex> {
        let unit_c = l.cls.unit?;
        let num_c = l.cls.num;
        let (a, b) = t.within(x.span.start, x.span.end);
        let (u, ue) = (a..b).find_map(|i| l.cached(p, unit_c, i).map(|(e, _)| e).find(|&e| e <= b).map(|e| (i, e)))?;
        let mut s = u;
        while s > a && (t.toks[s - 1].kind == Kind::Num || num_c.is_some_and(|c| l.cached(p, c, s - 1).any(|(e, _)| e <= u))) {
            s -= 1;
        }
        let span = Span::new(t.toks[s].start as usize, t.toks[ue - 1].end as usize);
        if span == x.span {
            return None;
        }
        if x.value.starts_with('P') {
            return Some(Timex { span, ttype: x.ttype, value: x.value.clone(), modifier: None });
        }
        self.alone(text, lang, reference, span).filter(|y| y.value.starts_with('P')).map(|y| Timex { modifier: None, ..y })
    }
}

/// Tasks mode: a time of day told without a day, once begun (a part of the day) or past (a
/// clock time) at the reference instant, is the next day's.
fn tasks_next_day(out: Vec<(Timex, Option<Timex>)>, bare: &[Span], rf: Reference) -> Vec<(Timex, Option<Timex>)> {
    let (Some(day), Some(now)) = (rf.date, rf.minute) else { return out };
    let today = day.iso();
    let next = day.add_days(1).iso();
    out.into_iter()
        .map(|(mut x, end)| {
            if end.is_none() && bare.contains(&x.span) {
                if let (Some(d), Some(tm)) = date_time_parts(&x.value) {
                    let tm = &tm[1..];
                    let at = match tm.len() {
                        2 => pod_start(tm).map(|h| h * 60),
                        _ => tm.get(..2).and_then(|h| h.parse::<u32>().ok()).zip(tm.get(3..5).and_then(|m| m.parse::<u32>().ok())).map(|(h, m)| h * 60 + m),
                    };
                    if d == today && at.is_some_and(|a| a < now) {
                        x.value = format!("{next}T{tm}");
                    }
                }
            }
            (x, end)
        })
        .collect()
}

/// Tasks mode: a period read as its first day ("next month"), or a holiday or meal time kept
/// apart in the plain output (`@HOLIDAY`, `@APART`: "christmas", "after dinner"), and the day or
/// time of day right next to it (nothing but `@JOIN` words between) are one expression: the
/// day's date with the other's time of day ("next month at 6pm", "easter after 5pm", "after
/// dinner tomorrow").
fn tasks_join(l: &Lang, t: &Tokens, p: &Prep, out: Vec<(Timex, Option<Timex>)>, firsts: &[Span], rf: Reference) -> Vec<(Timex, Option<Timex>)> {
    let join = l.cls.join;
    let apart_cs = [l.cls.apart, l.cls.holiday];
    let days: Vec<String> = rf.date.map(|d| vec![d.iso(), d.add_days(1).iso()]).unwrap_or_default();
    // a time of day the reference placed (on its day or the next): no day of its own
    let placed = |v: &str| matches!(date_time_parts(v), (Some(d), Some(_)) if days.iter().any(|x| x == d));
    let date_only = |v: &str| matches!(date_time_parts(v), (Some(_), None));
    let toks = |x: &Timex| t.within(x.span.start, x.span.end);
    let holds_apart = |x: &Timex| {
        let (a, b) = toks(x);
        (a..b).any(|i| apart_cs.iter().any(|&c| l.has(p, c, i)))
    };
    let mut res: Vec<(Timex, Option<Timex>)> = Vec::with_capacity(out.len());
    for (y, end) in out {
        if let Some((x, xend)) = res.last() {
            let (_, a) = toks(x);
            let (b, _) = toks(&y);
            let gap = a <= b && (a..b).all(|i| join.is_some_and(|c| l.cached(p, c, i).any(|(e, _)| e <= b)));
            let first = firsts.contains(&x.span) || holds_apart(x) || holds_apart(&y);
            // (or one the resolver already put on that day: "easter after 5pm")
            let on_day = |v: &str, day: &str| placed(v) || matches!(date_time_parts(v), (Some(d), Some(_)) if d == day);
            // a part of the day after a date and clock time ("christmas at 9:00 early morning")
            let pod_only = |v: &str| matches!(date_time_parts(v), (_, Some(tm)) if tm.len() == 3 && tm[1..].bytes().all(|b| b.is_ascii_uppercase()));
            // (the day, the timed one, the timed one's range end)
            let pair = if date_only(&x.value) && xend.is_none() && on_day(&y.value, &x.value) && end.as_ref().is_none_or(|e| on_day(&e.value, &x.value)) {
                Some((x.clone(), y.clone(), end.clone()))
            } else if holds_apart(x) || holds_apart(&y) {
                if date_only(&y.value) && end.is_none() && on_day(&x.value, &y.value) && xend.as_ref().is_none_or(|e| on_day(&e.value, &y.value)) {
                    Some((y.clone(), x.clone(), xend.clone()))
                } else if let ((Some(d), Some(_)), true, None, None) = (date_time_parts(&x.value), placed(&y.value) && pod_only(&y.value), xend, &end) {
                    // the clock time stays: the day is the date's, the time the clock's
                    let day = Timex { value: d.to_string(), ..x.clone() };
                    Some((day, Timex { value: x.value[d.len()..].to_string(), ..x.clone() }, None))
                } else {
                    None
                }
            } else {
                None
            };
            if let (true, true, Some((day, timed, tend))) = (first, gap, pair) {
                let span = Span::new(x.span.start, y.span.end);
                res.pop();
                let on = |v: &str| format!("{}{}", day.value, date_time_parts(v).1.unwrap_or(""));
                let tend = tend.map(|e| Timex { value: on(&e.value), ..e });
                res.push((Timex { span, ttype: timed.ttype, value: on(&timed.value), modifier: timed.modifier }, tend));
                continue;
            }
        }
        res.push((y, end));
    }
    res
}

/// Tasks mode: "next week / month / year" is the first day of that period (its Monday, its
/// 1st, its 1 January).
fn tasks_first_days(out: Vec<(Timex, Option<Timex>)>, firsts: &[Span]) -> Vec<(Timex, Option<Timex>)> {
    out.into_iter()
        .map(|(mut x, end)| {
            if end.is_none() && firsts.contains(&x.span) {
                let v = &x.value;
                let first = match v.len() {
                    4 => Date::new(v.parse().unwrap_or(0), 1, 1),
                    7 if v.as_bytes()[4] == b'-' => Date::new(v[..4].parse().unwrap_or(0), v[5..7].parse().unwrap_or(0), 1),
                    8 if &v[4..6] == "-W" => (|| {
                        let (y, w): (i32, i64) = (v[..4].parse().ok()?, v[6..8].parse().ok()?);
                        let jan4 = Date::new(y, 1, 4)?;
                        Some(jan4.add_days(1 - jan4.weekday() as i64 + 7 * (w - 1)))
                    })(),
                    _ => None,
                };
                if let Some(d) = first {
                    x.value = d.iso();
                    x.ttype = dyade_core::TimexType::DATE;
                }
            }
            (x, end)
        })
        .collect()
}

/// Calendar mode: leave out the expressions that are exactly one `@CALENDAR_SKIP` term; after
/// a `@CALENDAR_DURING` word ("for the day") the term is one unit's length, that word in its span.
fn calendar_filter(l: &Lang, t: &Tokens, p: &Prep, out: Vec<(Timex, Option<Timex>)>) -> Vec<(Timex, Option<Timex>)> {
    let Some(c) = l.cls.calendar_skip else { return out };
    let during = l.cls.calendar_during;
    let mut res = Vec::with_capacity(out.len());
    for (x, end) in out {
        let (a, b) = t.within(x.span.start, x.span.end);
        if end.is_some() || a >= b || !l.cached(p, c, a).any(|(e, _)| e == b) {
            res.push((x, end));
            continue;
        }
        // the unit its value names: a day, an ISO week, a month, a year
        let v = x.value.as_bytes();
        let unit = match v.len() {
            10 if v[4] == b'-' && v[7] == b'-' => "D",
            8 if &x.value[4..6] == "-W" => "W",
            7 if v[4] == b'-' => "M",
            4 if v.iter().all(u8::is_ascii_digit) => "Y",
            _ => continue,
        };
        let word = during.and_then(|d| (a.saturating_sub(2)..a).find(|&j| l.cached(p, d, j).any(|(e, _)| e == a)));
        if let Some(j) = word {
            let span = Span::new(t.toks[j].start as usize, x.span.end);
            res.push((Timex { span, ttype: dyade_core::TimexType::DURATION, value: format!("P1{unit}"), modifier: None }, None));
        }
    }
    res
}

/// Experimental mode: "from" before a single expression is its "since".
fn experimental_since(l: &Lang, t: &Tokens, p: &Prep, out: Vec<(Timex, Option<Timex>)>) -> Vec<(Timex, Option<Timex>)> {
    let (Some(since), Some(lead)) = (l.cls.weak_since, l.cls.lead) else { return out };
    let join = l.cls.range_join;
    let mut prev_end = 0;
    let mut res = Vec::with_capacity(out.len());
    let starts: Vec<usize> = out.iter().map(|(x, _)| x.span.start).collect();
    for (i, (mut x, end)) in out.into_iter().enumerate() {
        let (a, b) = t.within(x.span.start, x.span.end);
        // "from 2015 and 2016": the opener of a (loose) range is no "since"
        let c = starts.get(i + 1).map(|&s| t.toks.partition_point(|k| (k.start as usize) < s));
        let ranged = c.is_some_and(|c| c > b && join.is_some_and(|j| joined(l, t, p, j, b, c)));
        // the opener right before, or before a plain lead word ("the") right before
        let opener_to = |k: usize| (k.saturating_sub(3)..k).find(|&j| l.cached(p, since, j).any(|(e, _)| e == k));
        let plain = (a.saturating_sub(3)..a).find(|&j| l.cached(p, lead, j).any(|(e, en)| e == a && en.set.is_empty()));
        let start = opener_to(a).or_else(|| plain.and_then(opener_to));
        if let (None, Some(j), false) = (&end, start, ranged) {
            if t.toks[j].start as usize >= prev_end {
                x.span = Span::new(t.toks[j].start as usize, x.span.end);
                if x.modifier.is_none() {
                    x.modifier = Some("AFTER".into());
                }
            }
        }
        prev_end = x.span.end;
        res.push((x, end));
    }
    res
}
