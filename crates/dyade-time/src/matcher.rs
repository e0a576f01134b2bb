//! The rule matcher: a depth-first walk of a rule's pattern elements over the tokens from
//! one start, reporting every end it reaches with the slots filled on the way.

use super::*;

pub(crate) fn default_slot(k: NumKind) -> Option<&'static str> {
    Some(match k {
        NumKind::D => "day",
        NumKind::M => "month",
        NumKind::Y => "year",
        NumKind::Y2 => "yy",
        NumKind::H => "hour",
        NumKind::MI => "minute",
        NumKind::N => "n",
        NumKind::CAP | NumKind::HM | NumKind::HM0 | NumKind::X | NumKind::YMD => return None,
    })
}

/// The `hour` and `minute` slot ids (looked up once).
fn clock_slots() -> (usize, usize) {
    static S: std::sync::OnceLock<(usize, usize)> = std::sync::OnceLock::new();
    *S.get_or_init(|| (lang::slot_id("hour").unwrap_or(usize::MAX), lang::slot_id("minute").unwrap_or(usize::MAX)))
}

/// The `frac` slot id (looked up once).
fn frac_slot() -> usize {
    static S: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *S.get_or_init(|| lang::slot_id("frac").unwrap_or(usize::MAX))
}

/// A number token can be the decimals of the number two tokens before ("3.5", "2,75"): glued
/// to its separator, itself glued to that number, and one or two digits without a leading
/// zero. Three digits are a thousands group in one convention or the other ("2.000 ans",
/// "4,500 years"), and a space makes two numbers ("en 1995. 23 ans plus tard").
fn decimals_at(t: &Tokens, pos: usize) -> bool {
    let tk = &t.toks;
    pos >= 2 && tk[pos].start == tk[pos - 1].end && tk[pos - 1].start == tk[pos - 2].end && (1..=2).contains(&tk[pos].ndig) && (tk[pos].ndig == 1 || tk[pos].num >= 10)
}

/// The rest of a pattern to match after a group ends.
pub(crate) struct Cont<'a> {
    pub(crate) elems: &'a [Elem],
    pub(crate) next: Option<&'a Cont<'a>>,
}

/// First-pass expressions seen by composition rules.
pub(crate) struct Refs<'a> {
    /// Token → index of the expression starting there (`u32::MAX`: none).
    pub(crate) at: &'a [u32],
    pub(crate) ms: &'a [Match],
    /// `$KIND` bits per expression ([`TimexTagger::ref_kinds`]).
    pub(crate) kinds: &'a [u8],
    /// The `base` slot (holds the index of the anchor expression while matching).
    pub(crate) base: usize,
    /// Slots of a part that do not pass to the composite (span conventions).
    pub(crate) skip: [usize; 5],
}

/// Matching state for one rule start.
pub(crate) struct Matcher<'a> {
    pub(crate) l: &'a Lang,
    pub(crate) p: &'a Prep,
    pub(crate) t: &'a Tokens,
    /// The first token: a match never crosses a line break after it.
    pub(crate) start: usize,
    /// First-pass expressions (composition pass only).
    pub(crate) refs: Option<&'a Refs<'a>>,
}

/// The best match so far at one start token.
pub(crate) struct Best {
    pub(crate) end: usize,
    pub(crate) rule: u32,
    /// Slots of the match (of part A for a split range).
    pub(crate) a: Slots,
    /// Split range: (end of A, start of B, slots of B).
    pub(crate) split: Option<(usize, usize, Slots)>,
}

impl Matcher<'_> {
    /// Match a split rule `A ~ connector ~ B` at `i`, updating `best` when longer.
    pub(crate) fn split(&self, r: &Rule, i: usize, work: &mut Slots, best: &mut Best, ri: u32) {
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
    pub(crate) fn dfs(&self, elems: &[Elem], cont: Option<&Cont>, pos: usize, sl: &mut Slots, on_end: &mut dyn FnMut(usize, &Slots)) {
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
                        // a number word renamed into a clock slot must fit it ("thirty" is no
                        // hour: "at thirty-six minutes past eight")
                        if let (Some(r), Some(&(_, v))) = (rename, en.set.first()) {
                            let (h, m) = clock_slots();
                            if (*r == h && v > 24) || (*r == m && v > 59) {
                                continue;
                            }
                        }
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
                if ok(pos) && num_ok(*k, &t.toks[pos]) && matches!(*k, NumKind::HM | NumKind::HM0) && rename.is_none() {
                    // "1140": hour 11, minute 40
                    let (h, m) = (lang::slot_id("hour").unwrap_or(0), lang::slot_id("minute").unwrap_or(0));
                    let (oh, om) = (sl[h], sl[m]);
                    let v = t.toks[pos].num as i32;
                    sl[h] = v / 100;
                    sl[m] = v % 100;
                    self.dfs(rest, cont, pos + 1, sl, on_end);
                    sl[h] = oh;
                    sl[m] = om;
                } else if ok(pos) && num_ok(*k, &t.toks[pos]) && *k == NumKind::YMD {
                    // "20161016": year 2016, month 10, day 16
                    let ids = [lang::slot_id("year").unwrap_or(0), lang::slot_id("month").unwrap_or(0), lang::slot_id("day").unwrap_or(0)];
                    let old = ids.map(|k| sl[k]);
                    let v = t.toks[pos].num as i32;
                    for (k, x) in ids.iter().zip([v / 10000, v / 100 % 100, v % 100]) {
                        sl[*k] = x;
                    }
                    self.dfs(rest, cont, pos + 1, sl, on_end);
                    for (k, o) in ids.iter().zip(old) {
                        sl[*k] = o;
                    }
                } else if ok(pos) && num_ok(*k, &t.toks[pos]) {
                    let slot = rename.or_else(|| default_slot(*k).and_then(lang::slot_id));
                    match slot {
                        Some(s) if s == frac_slot() && !decimals_at(t, pos) => {}
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
