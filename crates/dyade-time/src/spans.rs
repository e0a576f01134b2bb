//! Span steps after rule matching: the expressions found by the rules are composed, merged,
//! fused into ranges, completed from coordinated lists and trimmed to a span style
//! (TimeML, Duckling or Recognizers-Text conventions). Each step is a pass over the matches
//! in text order; the words they look for are lexicon classes of the language pack.
#![allow(clippy::too_many_arguments)]

use super::*;

impl TimexTagger {
    /// Composition (scheduling-style inputs): rules that refer to first-pass expressions
    /// (`$TIME`, `$DUR`…, see the header of `fr.rules`) join them with the words around into
    /// one expression, Duckling-style: "in 7 days at 5pm", "3 days after easter", "8 this
    /// evening". The slots of the parts are merged (a conflict rejects the match) except the
    /// `$KIND:base` part, kept whole as the composite's anchor. Up to three rounds, so that a
    /// composite can be part of another ("at 7" + "in 3 years").
    pub(crate) fn compose(&self, l: &Lang, t: &Tokens, p: &Prep, mut ms: Vec<Match>, sched: Option<SpanStyle>) -> Vec<Match> {
        if !l.rules.iter().any(|r| r.comp) || ms.is_empty() {
            return ms;
        }
        let n = t.toks.len();
        let id = &self.ids;
        let holiday = l.cls.holiday;
        let holds_apart = |x: &Match| x.slots[id.easter] != NONE || (x.tok..x.end).any(|k| l.has(p, holiday, k));
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
                // Recognizers-style spans keep a holiday apart from the clock time next to it
                // ("christmas eve", "6 p.m.", as in `merge_with`) unless the composite counts
                // from it ("3 weeks after Christmas on Friday"); tasks mode joins them
                let covers = covers && !(sched == Some(SpanStyle::Bare) && best.a[id.comp] == NONE && !l.rules[best.rule as usize].set.iter().any(|&(k, _)| k == id.comp) && {
                    let parts: Vec<&Match> = ms[next..].iter().take_while(|x| x.tok < best.end).collect();
                    parts.iter().any(|x| holds_apart(x) && x.slots[id.hour] == NONE) && parts.iter().any(|x| !holds_apart(x) && x.slots[id.hour] != NONE)
                });
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
                // an expression that opens the composite with the preposition its style keeps
                // keeps it there too ("at 8.30pm" + "today")
                if at[s0] != u32::MAX && ms[at[s0] as usize].slots[id.keep] > 0 && sl[id.keep] == NONE {
                    sl[id.keep] = ms[at[s0] as usize].slots[id.keep];
                }
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
    pub(crate) fn ref_kinds(&self, l: &Lang, m: &Match) -> u8 {
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
                || (s[id.month] != NONE && s[id.day] == NONE && s[id.easter] == NONE && l.str_of(s[id.sub]) != Some("WD"))
                || (s[id.year] != NONE && s[id.month] == NONE && s[id.day] == NONE && s[id.weekday] == NONE && s[id.easter] == NONE)
                || matches!(l.str_of(s[id.sub]), Some("W" | "WE" | "M" | "Q"))
                || (matches!(unit, Some(u) if u != "D") && s[id.sign] == NONE && s[id.weekday] == NONE && s[id.day] == NONE && s[id.sub] == NONE);
            if !period {
                k |= bit(lang::RefKind::Day);
                // counted by a number of units from now or from another expression
                let counted = s[id.sign] != NONE || (l.str_of(s[id.comp]) == Some("shift") && m.anchor.is_some());
                if counted && s[id.pod] == NONE && s[id.n] != NONE {
                    k |= bit(lang::RefKind::Count);
                }
            }
        }
        k
    }

    /// A date without its year and a bare year next to it are one date: "january 12 of 2016",
    /// "28 june in 2020", "father's day of 2015" (`@YEAR_JOIN` words between them), "2016 Q3"
    /// (the year first, nothing between).
    pub(crate) fn years(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let Some(yj) = l.cls.year_join else { return ms };
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

    /// A duration right before a day it counts from, joined to it by an `@OFFSET` word ("3
    /// days earlier than Christmas") or by the lead the day took ("more than 2 weeks after
    /// today"), is that day moved by the duration: the day's slots with the offset in `offm` /
    /// `offd` (calendar units only); "more than" becomes the after / before mod. (Composition
    /// rules read most such counts, `comp=shift`, before the leads are taken; this step reads
    /// those they leave.)
    pub(crate) fn offsets(&self, l: &Lang, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let Some(off) = l.cls.offset else { return ms };
        let id = &self.ids;
        let s = |v: i32| l.str_of(v);
        let duration = |m: &Match| !m.split && s(m.slots[id.ty]) == Some("DURATION") && matches!(s(m.slots[id.md]), None | Some("MORE_THAN" | "LESS_THAN"));
        let sign = |e: &lang::Entry| e.set.first().map_or(1, |&(_, v)| v);
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        for mut m in ms {
            while let Some(a) = out.last().filter(|a| duration(a) && a.end <= m.tok) {
                let Some((mo, d)) = self.calendar_amount(l, &a.slots) else { break };
                let mut sl = m.slots;
                // the word between, or the second's lead
                let k = if a.end < m.tok {
                    l.cached(p, off, a.end).find(|&(e, _)| e == m.tok).map(|(_, e)| sign(e))
                } else {
                    sl[id.md] = NONE;
                    l.cached(p, off, m.tok).filter(|&(e, _)| e < m.end).map(|(e, en)| (e, sign(en))).max().map(|(_, k)| k)
                };
                let Some(k) = k else { break };
                for (x, v) in [(id.offm, mo), (id.offd, d)] {
                    sl[x] = if sl[x] == NONE { 0 } else { sl[x] } + k * v;
                }
                if s(a.slots[id.md]) == Some("MORE_THAN") {
                    sl[id.md] = l.value(if k > 0 { "AFTER" } else { "BEFORE" }).unwrap_or(NONE);
                }
                let a = out.pop().expect("checked");
                m = Match { span: Span::new(a.span.start, m.span.end), slots: sl, tok: a.tok, end: m.end, split: false, range: None, anchor: None };
            }
            out.push(m);
        }
        out
    }

    /// (months, days) of the n calendar units a duration's slots count, as an offset from a
    /// day (none for clock units or fractions).
    fn calendar_amount(&self, l: &Lang, sl: &Slots) -> Option<(i32, i32)> {
        let id = &self.ids;
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
        Some(match l.str_of(sl[id.unit])? {
            "Y" => (12 * n, 0),
            "M" => (n, 0),
            "Q" => (3 * n, 0),
            "DE" => (120 * n, 0),
            "W" => (0, 7 * n),
            "D" => (0, n),
            _ => return None,
        })
    }

    /// Durations in a row add up (nothing or `@DUR_JOIN` words between them):
    /// - into one DURATION counted in the smallest unit ("1 hour and 30 minutes": PT90M; "2
    ///   days 1 hour 5 minutes 30 seconds", each unit smaller than the one before), calendar
    ///   units (years, months) in `durm` beside clock-like ones (weeks to seconds): "5 years 1
    ///   month", "1 year 1 month 21 days";
    /// - with an instant counted from now after them: in a clock unit, into its count ("1 day 2
    ///   hours later", "2 months 1 day 2 hours ago"), the calendar part a month offset the same
    ///   way; a relative day ("2 years 1 month 21 days ago", "2 weeks and 2 days ago"), into
    ///   the day counted from the reference by the whole, in `offm` / `offd` (calendar units).
    pub(crate) fn sum_durations(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let dj = l.cls.dur_join;
        let id = &self.ids;
        let s = |v: i32| l.str_of(v);
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
        let amount = |sl: &Slots| self.calendar_amount(l, sl);
        let plain = |m: &Match| {
            !m.split && s(m.slots[id.ty]) == Some("DURATION") && m.slots[id.n] != NONE
                && [id.frac, id.half_hour, id.n2, id.mult, id.sign, id.shift, id.comp, id.durm].iter().all(|&k| m.slots[k] == NONE)
        };
        // a duration already made of a calendar and a clock part (its clock part goes on adding)
        let mixed = |m: &Match| m.slots[id.durm] != NONE && { let mut c = m.clone(); c.slots[id.durm] = NONE; plain(&c) };
        // an instant counted from now in a clock unit ("2 hours later", "30 mins ago")
        let from_now = |m: &Match| {
            !m.split && s(m.slots[id.ty]).is_none() && m.slots[id.n] != NONE && m.slots[id.sign] != NONE && m.anchor.is_none()
                && [id.frac, id.half_hour, id.n2, id.mult, id.shift, id.comp, id.md, id.offm, id.offd, id.durm, id.rf].iter().all(|&k| m.slots[k] == NONE)
                && size(s(m.slots[id.unit])).is_some_and(|(sc, z)| sc == 1 && z < 86400)
        };
        // a duration in calendar units that counts towards a relative day (a period told with
        // its direction is no part of the count: "for the last 3 months and 2 days ago")
        let offset = |m: &Match| !m.split && s(m.slots[id.ty]) == Some("DURATION") && m.slots[id.md] == NONE && m.slots[id.dir] == NONE && amount(&m.slots).is_some();
        let add = |sl: &mut Slots, (mo, d): (i32, i32), k: i32| {
            sl[id.offm] = if sl[id.offm] == NONE { 0 } else { sl[id.offm] } + k * mo;
            sl[id.offd] = if sl[id.offd] == NONE { 0 } else { sl[id.offd] } + k * d;
        };
        let gap = |a: &Match, m: &Match| a.end <= m.tok && (a.end == m.tok || dj.is_some_and(|c| joined(l, t, p, c, a.end, m.tok)));
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        for mut m in ms {
            if let Some(a) = out.last_mut() {
                let (ua, ub) = (size(s(a.slots[id.unit])), size(s(m.slots[id.unit])));
                let gap = gap(a, &m);
                if let (true, true, true, Some((sa, za)), Some((sb, zb))) = (plain(a) || mixed(a), plain(&m) && m.slots[id.md] == NONE, gap, ua, ub) {
                    if sa != sb && a.slots[id.durm] == NONE {
                        // a calendar part and a clock part ("1 year 1 month 21 days", "2 days 1
                        // month"), in either order: the calendar months in `durm` beside the
                        // clock part
                        let (cal, clock) = if sa == 0 { (a.slots[id.n] as i64 * za, &m) } else { (m.slots[id.n] as i64 * zb, &*a) };
                        if let Ok(cm) = i32::try_from(cal) {
                            let (n, u) = (clock.slots[id.n], clock.slots[id.unit]);
                            a.slots[id.durm] = cm;
                            a.slots[id.n] = n;
                            a.slots[id.unit] = u;
                            a.span = Span::new(a.span.start, m.span.end);
                            a.end = m.end;
                            continue;
                        }
                    } else if sa == sb && za > zb {
                        // one scale: counted in the smaller unit
                        if let Ok(n) = i32::try_from(a.slots[id.n] as i64 * (za / zb) + m.slots[id.n] as i64) {
                            a.slots[id.n] = n;
                            a.slots[id.unit] = m.slots[id.unit];
                            a.span = Span::new(a.span.start, m.span.end);
                            a.end = m.end;
                            continue;
                        }
                    }
                }
                // an instant counted from now in a clock unit: the clock parts in its count, the
                // calendar part a month offset
                if let (true, true, true, Some((sa, za)), Some((1, zb))) = (plain(a) || mixed(a), from_now(&m), gap, ua, ub) {
                    let sign = m.slots[id.sign];
                    let (cal, clock) = if sa == 0 { (a.slots[id.n] as i64 * za, 0) } else { (a.slots[id.durm].max(0) as i64, a.slots[id.n] as i64 * (za / zb)) };
                    if (sa == 0 || za > zb) && (sign == 1 || sign == -1) {
                        if let (Ok(cm), Ok(n)) = (i32::try_from(cal), i32::try_from(clock + m.slots[id.n] as i64)) {
                            let a = out.pop().expect("checked");
                            m.slots[id.n] = n;
                            if cm != 0 {
                                m.slots[id.offm] = sign * cm;
                            }
                            m.span = Span::new(a.span.start, m.span.end);
                            m.tok = a.tok;
                        }
                    }
                }
            }
            // a relative day (or one already counted so): the durations before it, one by one
            while let Some(a) = out.last().filter(|a| offset(a) && gap(a, &m)) {
                let mut sl = m.slots;
                let counted = sl[id.offm] != NONE || sl[id.offd] != NONE;
                let sign = sl[id.sign];
                if !(counted || (sign != NONE && s(sl[id.ty]).is_none())) {
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
                    sl[id.unit] = l.value("D").unwrap_or(NONE);
                }
                add(&mut sl, amount(&a.slots).unwrap_or((0, 0)), k);
                let a = out.pop().expect("checked");
                m = Match { span: Span::new(a.span.start, m.span.end), slots: sl, tok: a.tok, end: m.end, split: false, range: None, anchor: None };
            }
            out.push(m);
        }
        out
    }

    /// Duckling-style spans: "from 3pm to 5pm" is a closed range written as two expressions,
    /// so the open-interval mod that the `@RANGE_OPEN` lead of its first half carries
    /// ("from" → AFTER, "depuis" → ON_OR_AFTER) does not apply when a `@RANGE_JOIN` word opens
    /// the very next expression.
    pub(crate) fn closed_ranges(&self, l: &Lang, t: &Tokens, p: &Prep, mut ms: Vec<Match>) -> Vec<Match> {
        let (Some(join), Some(open)) = (l.cls.range_join, l.cls.range_open) else { return ms };
        for i in 1..ms.len() {
            let (a, b) = (&ms[i - 1], &ms[i]);
            // the connector opens the second expression ("to 5pm") or stands between ("3pm - 5pm")
            let linked = (b.tok == a.end && l.cached(p, join, b.tok).next().is_some()) || (b.tok > a.end && joined(l, t, p, join, a.end, b.tok));
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
    pub(crate) fn fuse_ranges(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let (Some(join), open) = (l.cls.range_join, l.cls.range_open) else { return ms };
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        for m in ms {
            if let Some(prev) = out.last_mut() {
                // the connector may be outside both ("4pm à 5pm") or the lead the second one
                // took with its mod ("today till tomorrow": "till tomorrow", BEFORE)
                if range_link(l, &self.ids, t, p, prev, &m) {
                    // "2:00 - 2:30 pm": a start without its half of the day takes the end's
                    // when it then still comes first (not later on the 12-hour clock, or
                    // earlier than the end's hour on it)
                    let id = &self.ids;
                    let (a, b) = (&prev.slots, &m.slots);
                    let (h0, h1) = (a[id.hour], b[id.hour]);
                    let min = |s: &Slots| if s[id.minute] == NONE { 0 } else { s[id.minute] };
                    let twelve = (1..12).contains(&h0) && (1..12).contains(&h1) && h0 * 60 + min(a) <= h1 * 60 + min(b);
                    let earlier = h0 != NONE && h1 != NONE && h0 < 12 && h0 * 60 + min(a) < (h1 % 12) * 60 + min(b);
                    if a[id.pm] == NONE && a[id.pod] == NONE && b[id.pm] != NONE && (twelve || earlier) {
                        prev.slots[id.pm] = b[id.pm];
                    }
                    // ... and one the end's half of the day would put after the end is in the
                    // morning as written ("half past seven to 4pm tomorrow": 7:30, not 19:30)
                    if (1..12).contains(&h0) && prev.slots[id.pm] == NONE && prev.slots[id.pod] == NONE && m.slots[id.pm] != NONE {
                        prev.slots[id.h24] = 1;
                    }
                    prev.span = Span::new(prev.span.start, m.span.end);
                    prev.end = m.end;
                    prev.split = true;
                    // a range is elliptic only when both its ends are ("6-8", not "6-8 next Monday")
                    if m.slots[id.ell] == NONE {
                        prev.slots[id.ell] = NONE;
                    } else if m.slots[id.month] == NONE && prev.slots[id.month] == NONE {
                        // ... and a range ending on an elliptic day is as elliptic ("between the
                        // 21st and 23rd" names no month)
                        prev.slots[id.ell] = m.slots[id.ell];
                    }
                    // a clock time ending a range that starts on a day is on that day too
                    // ("tomorrow 1-3 pm", "next Monday 1pm-3pm")
                    let mut m = m;
                    let dated = [id.year, id.month, id.day, id.weekday, id.shift, id.unit, id.dir];
                    if m.slots[id.hour] != NONE && prev.slots[id.hour] != NONE && dated.iter().all(|&k| m.slots[k] == NONE || m.slots[k] == prev.slots[k]) {
                        for k in dated {
                            if m.slots[k] == NONE {
                                m.slots[k] = prev.slots[k];
                            }
                        }
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

    /// A lone `@NEXT_ADJ` / `@PAST_ADJ` / `@THIS` word coordinated with a relative unit names
    /// that unit ("this week or next", "this or next week"): a match of its own.
    fn list_directions(&self, l: &Lang, t: &Tokens, p: &Prep, join: usize, mut ms: Vec<Match>) -> Vec<Match> {
        let id = &self.ids;
        let adj = [l.cls.next_adj, l.cls.past_adj, l.cls.this];
        // the shift a lone direction word at token k gives, when it is one
        let dir_shift = |k: usize| -> Option<i32> {
            adj.iter().flatten().find_map(|&c| {
                l.cached(p, c, k).find(|&(e, _)| e == k + 1).and_then(|(_, en)| {
                    en.set.iter().find(|&&(sk, _)| sk == id.dir).and_then(|&(_, v)| match l.str_of(v) {
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
        let mut extra: Vec<Match> = vec![];
        for (k, m) in ms.iter().enumerate() {
            if !self.rel_unit(l, m) {
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
        ms
    }

    /// "next week, preferably on Tuesday": a relative week and a weekday that a plain
    /// preposition (`@LEAD` without a mod) opens a few words later in the same clause are one
    /// day, that weekday of that week.
    fn week_then_weekday(&self, l: &Lang, t: &Tokens, p: &Prep, mut ms: Vec<Match>) -> Vec<Match> {
        let id = &self.ids;
        let Some(lead) = l.cls.lead else { return ms };
        let mut k = 0;
        while k + 1 < ms.len() {
            // (negative matches in between, "how about", are filler too)
            let mut j = k + 1;
            while j + 1 < ms.len() && ms[j].slots[id.drop] != NONE {
                j += 1;
            }
            let (a, b) = (&ms[k], &ms[j]);
            let wk = self.rel_unit(l, a) && l.str_of(a.slots[id.unit]) == Some("W");
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
        ms
    }

    /// The level of a relative unit: 0 year, 1 month, 2 week, 3 day (see `lists`).
    fn unit_level(&self, l: &Lang, u: i32) -> Option<usize> {
        match l.str_of(u) {
            Some("Y" | "DE" | "CE") => Some(0),
            Some("M" | "Q") => Some(1),
            Some("W" | "WE") => Some(2),
            Some("D") => Some(3),
            _ => None,
        }
    }

    /// A relative unit ("this week", "last year"): a shift of a calendar unit, nothing finer.
    fn rel_unit(&self, l: &Lang, m: &Match) -> bool {
        let (id, sl) = (&self.ids, &m.slots);
        sl[id.shift] != NONE && self.unit_level(l, sl[id.unit]).is_some_and(|k| k < 3) && sl[id.ty] == NONE && [id.weekday, id.day, id.hour, id.pod, id.month].iter().all(|&k| sl[k] == NONE)
    }

    /// Coordinated lists (scheduling-style spans): expressions joined by `@COORD` words ("or",
    /// "and", ",") share the context one of them states. An item takes from its neighbour the
    /// slots coarser than its own coarsest when the neighbour is parallel to it (states that
    /// level too): "next week on Tuesday or Thursday" (Thursday of next week), "July 17th, 18th"
    /// (July), "Mon 9 am or 1 pm" (1 pm on that Monday), "the 22nd, 23rd or 31st of March"
    /// (from the last item back); a bare weekday also takes the part of the day of the item
    /// after it ("Tuesday or Wednesday morning"); a relative week takes the weekday of the week
    /// before it ("Friday this week or next week"), a bare month the day counted inside the
    /// month before it ("the first Monday of September or December"); a range item's end
    /// shares what its start took. Elliptic items (`ell=1`, "18th") stand only when the list
    /// completes them. Before the chains: lone direction words ("this week or next":
    /// [`TimexTagger::list_directions`]) and a weekday after its week
    /// ([`TimexTagger::week_then_weekday`]).
    pub(crate) fn lists(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        let id = &self.ids;
        let Some(join) = l.cls.coord else {
            let mut ms = ms;
            ms.retain(|m| m.slots[id.ell] == NONE);
            return ms;
        };
        // the level of a slot set: 0 year, 1 month, 2 week, 3 day, 4 time of day
        let levels = |sl: &Slots| -> [bool; 5] {
            let mut lv = [false; 5];
            let any = |ks: &[usize]| ks.iter().any(|&k| sl[k] != NONE);
            lv[0] = any(&[id.year, id.yy]);
            lv[1] = any(&[id.month, id.season, id.quarter, id.half]);
            lv[3] = any(&[id.day, id.weekday, id.easter]);
            lv[4] = any(&[id.hour, id.minute, id.pod]);
            if sl[id.shift] != NONE {
                if let Some(k) = self.unit_level(l, sl[id.unit]) {
                    lv[k] = true;
                }
            }
            lv
        };
        let is_join = |a: usize, b: usize| b > a && b - a <= 2 && joined(l, t, p, join, a, b);
        let n = t.toks.len();
        let ms = self.list_directions(l, t, p, join, ms);
        let mut ms = self.week_then_weekday(l, t, p, ms);
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
            if from[id.shift] != NONE && self.unit_level(l, from[id.unit]).is_some_and(|u| u < c) && to[id.shift] == NONE {
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
                    if let Some(mut e) = end.filter(|_| bare_wd && from[id.weekday] != NONE && from[id.hour] != NONE) {
                        let wd = ms[i].slots[id.weekday];
                        for x in [id.hour, id.minute, id.pm, id.pod] {
                            ms[i].slots[x] = from[x];
                        }
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
                    let ends = after >= n || t.toks[after].kind == Kind::Punct || l.cached(p, join, after).next().is_some() || l.has(p, l.cls.lead, after);
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
    pub(crate) fn bare(&self, l: &Lang, t: &Tokens, p: &Prep, mut ms: Vec<Match>) -> Vec<Match> {
        let det = l.cls.det;
        // a preposition it never keeps, taken by an optional first element of a rule ("at?
        // 2pm" → "2pm"; `@BARE_DROP`), unless the rule keeps its lead (`keep=1`) or it is part
        // of a fixed phrase ("at present")
        let drop = l.cls.bare_drop;
        // ... and before a day or season name ("le vendredi", "le lendemain", "l'été")
        let named = [l.cls.weekday, l.cls.weekday_full, l.cls.anaphoric_day, l.cls.holiday, l.cls.season];
        // a month abbreviation's period that ends the text is the sentence's ("1 janv.")
        let month = l.cls.month;
        // ... or of a half of the day's abbreviation ("at 9p.")
        let timepod = l.cls.timepod;
        let n = t.toks.len();
        // ... and before a part of the day that a clock time follows ("l'après-midi 7:00")
        let pod = l.cls.pod;
        // ... and a plural article before a count ("les 3 prochaines semaines", "des dix
        // derniers mois"): `@COUNT_DET` before a number or a `@NUM` word
        let (count_det, num) = (l.cls.count_det, l.cls.num);
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
                let timed_pod = |e: usize| m.slots[self.ids.hour] != NONE && l.has(p, pod, e);
                let name = |e: usize| named.iter().any(|&c| l.has(p, c, e)) || timed_pod(e);
                // a day of a month in number words is a day number too ("le quatre octobre")
                let dated = m.slots[self.ids.day] != NONE && m.slots[self.ids.month] != NONE;
                let day_word = |e: usize| dated && l.has(p, num, e);
                if e < m.end && t.toks[m.tok].start as usize == m.span.start && (t.toks[e].kind == Kind::Num || name(e) || day_word(e)) {
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
    pub(crate) fn leads(&self, l: &Lang, t: &Tokens, p: &Prep, mut ms: Vec<Match>, only_mod: bool) -> Vec<Match> {
        let Some(lead) = l.cls.lead else { return ms };
        // bare spans never reach over an article they leave out (see below)
        let det = l.cls.det.filter(|_| only_mod);
        let range_open = l.cls.range_open;
        let weak_since = l.cls.weak_since;
        let mut prev_end = 0;
        for m in ms.iter_mut() {
            if (!m.split || m.span.start == t.toks[m.tok].start as usize) && !(only_mod && m.range.is_some()) {
                // the longest lead, "n'importe quand avant", is six tokens
                let lo = m.tok.saturating_sub(6).max(prev_end);
                // one lead, or a lead and a plain one that sets nothing ("at the", "before
                // the": "at the end of 2000", "before the year 2019"); bare spans never reach
                // over an article they leave out ("avant le 15.05.99" → "15.05.99")
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
                    let opener = l.has(p, range_open, j);
                    // bare spans: a `@WEAK_SINCE` range opener before a single expression
                    // ("from 2014", "from October") opens no interval there (Recognizers-Text's
                    // default reading; its experimental mode keeps it: `TagOptions::experimental`)
                    if only_mod && m.range.is_none() && l.has(p, weak_since, j) {
                        prev_end = m.end;
                        continue;
                    }
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
    pub(crate) fn merge(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>) -> Vec<Match> {
        self.merge_with(l, t, p, ms, false)
    }

    /// [`TimexTagger::merge`]; with `apart` (Recognizers-style spans), a holiday (`@HOLIDAY`,
    /// Easter) or a meal time (`@APART`) stays apart from the day or time next to it ("christmas
    /// eve", "6 p.m."; "after dinner", "tomorrow"): its tasks mode joins them
    /// (`TagOptions::tasks`).
    pub(crate) fn merge_with(&self, l: &Lang, t: &Tokens, p: &Prep, ms: Vec<Match>, apart: bool) -> Vec<Match> {
        let Some(join) = l.cls.join else { return ms };
        let id = &self.ids;
        let apart_cs = [l.cls.apart, l.cls.holiday];
        let kept_apart = |m: &Match| apart && (m.slots[id.easter] != NONE || (m.tok..m.end).any(|i| apart_cs.iter().any(|&c| l.has(p, c, i))));
        let date_slots = [id.year, id.yy, id.month, id.day, id.weekday, id.easter, id.shift];
        let time_slots = [id.hour, id.minute, id.pod];
        let blocked = [id.rf, id.drop, id.sign, id.century, id.decade, id.season, id.quarter, id.half];
        let has = |m: &Match, ks: &[usize]| ks.iter().any(|&k| m.slots[k] != NONE);
        let is_str = |m: &Match, k: usize, v: &str| l.str_of(m.slots[k]) == Some(v);
        // a "N heures" duration next to a date reads as a clock time, where the pack says its
        // hour word also tells the time of day (`@CLOCK_UNIT`: French "heures"; English "1 hour
        // on Tuesday" stays a length)
        let clock_unit = l.cls.clock_unit;
        let clock = |m: &Match| -> Option<Slots> {
            if !is_str(m, id.ty, "DURATION") || !is_str(m, id.unit, "H") || m.slots[id.md] != NONE {
                return None;
            }
            if !clock_unit.is_some_and(|c| (m.tok..m.end).any(|i| l.cached(p, c, i).next().is_some())) {
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
        let until = l.cls.until;
        let opens_until = |m: &Match| l.has(p, until, m.tok);
        let mut out: Vec<Match> = Vec::with_capacity(ms.len());
        // the day a range's first half merged with, for its second half
        let mut carry: Option<Slots> = None;
        let range_join = l.cls.range_join;
        for m in ms {
            let mut merged: Option<Option<Slots>> = None;
            // the last match ends a range: a time joined to the time before it by a range
            // connector ("entre 4pm et 5pm aujourd'hui"; its first half takes the day too)
            let n = out.len();
            let ranged = n >= 2 && time_only(&out[n - 2]) && range_join.is_some_and(|rj| out[n - 2].end < out[n - 1].tok && joined(l, t, p, rj, out[n - 2].end, out[n - 1].tok));
            if let Some(prev) = out.last_mut() {
                if let (false, false, Some(mut a), Some(mut b)) = (opens_until(&m), kept_apart(prev) || kept_apart(&m), usable(prev), usable(&m)) {
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
                    let one_each = dated(&a) != dated(&b) || (hard(&a) != hard(&b));
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
}

/// True when a range connector links two expressions ("May to Oct 2020"): a `@RANGE_JOIN`
/// word between them, or the lead the second one took ("to friday", "till tomorrow"). A
/// coordinator (`@RANGE_AND`: "and") makes a range only after a `@RANGE_AND_OPEN` word
/// ("between 3 and 5"; not "from 2015 and 2016"); elsewhere it lists ("in 2007 and 2009", "the
/// 6th and 13th").
pub(crate) fn range_link(l: &Lang, ids: &Ids, t: &Tokens, p: &Prep, a: &Match, b: &Match) -> bool {
    let Some(join) = l.cls.range_join else { return false };
    if b.tok < a.end || b.tok - a.end > 3 {
        return false;
    }
    let lead_join = a.end == b.tok && l.cached(p, join, b.tok).any(|(e, _)| e < b.end);
    if !(lead_join || a.end < b.tok && joined(l, t, p, join, a.end, b.tok)) {
        return false;
    }
    // a recurrence bounds no range ("daily until April 27th": a set, then its bound)
    let set = |m: &Match| l.str_of(m.slots[ids.ty]) == Some("SET");
    if set(a) || set(b) {
        return false;
    }
    // a clock time alone and a week, month or year alone bound no range ("3pm - this week")
    let clock_only = |m: &Match| m.slots[ids.hour] != NONE && [ids.year, ids.month, ids.day, ids.weekday, ids.shift].iter().all(|&k| m.slots[k] == NONE);
    let period_only = |m: &Match| m.slots[ids.hour] == NONE && matches!(l.str_of(m.slots[ids.unit]), Some("W" | "M" | "Y")) && m.slots[ids.weekday] == NONE && m.slots[ids.day] == NONE;
    if (clock_only(a) && period_only(b)) || (period_only(a) && clock_only(b)) {
        return false;
    }
    let Some(and) = l.cls.range_and else { return true };
    let conn = if lead_join { b.tok } else { a.end };
    if l.cached(p, and, conn).next().is_none() {
        return true;
    }
    // the opener right before the start, or inside it ("le 17 entre 14h": a day merged with
    // the start)
    l.cls.range_and_open.or(l.cls.range_open).is_some_and(|o| (a.tok.saturating_sub(3)..a.end).any(|j| l.cached(p, o, j).any(|(e, _)| e == a.tok || (j >= a.tok && e < a.end))))
}

/// The slots set by the `join` class entries that tile tokens `a..b` (see [`joined`]).
pub(crate) fn join_slots<'a>(l: &'a Lang, p: &'a Prep, join: usize, a: usize, b: usize) -> Vec<(usize, i32)> {
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
pub(crate) fn in_code(t: &Tokens, a: usize, b: usize) -> bool {
    let odd = |k: usize| t.toks[k].kind == Kind::Num && (t.toks[k].ndig == 3 || t.toks[k].ndig >= 5);
    // ... or the digits after a decimal point ("37.1 in the morning")
    let decimal = |k: usize| matches!(t.low(k), "." | ":") && glued_number(t, k);
    (t.toks[a].kind == Kind::Num && a >= 2 && glued_number(t, a - 1) && (odd(a - 2) || decimal(a - 1)))
        || (t.toks[b - 1].kind == Kind::Num && b + 1 < t.toks.len() && glued_number(t, b) && (odd(b + 1) || t.low(b) == "."))
}

/// True when tokens `a..b` are exactly a sequence of `join` class entries (or empty) on one line.
pub(crate) fn joined(l: &Lang, t: &Tokens, p: &Prep, join: usize, a: usize, b: usize) -> bool {
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
