//! Time zone mentions: the zones a text names, on their own or after a clock time ("PST",
//! "UTC+4", "gmt-3", "MSK+7", "pacific daylight time", "Beijing time", "heure de Paris"),
//! each with its offset from UTC when it has one.
//!
//! This layer is separate from the TIMEX3 tagging (a zone is no point, duration or set of
//! time, and it never changes a timex). Its knowledge is the language pack's lexicon, the same
//! entries the timex rules read to convert a clock time told in a zone (`tz=` is the offset
//! in minutes, and each zone's offset is written once):
//!
//! - `@TZ`: zones named in full or abbreviated ("cet", "acdt", "pacific daylight time",
//!   "russia time zone 3");
//! - `@TZ_AMBIGUOUS`: surfaces of `@TZ` that are also ordinary words ("et", "pt", "eastern",
//!   "mountain"): a zone only in zone position, right after a clock time ("9-6 PT", "3pm
//!   pacific") or as the object of a `@TZ_LEAD` preposition that ends the clause ("at pt",
//!   not "at et al.");
//! - `@TZ_WORD`: abbreviations that are also words or common acronyms ("wet", "aft", "AST",
//!   "NFT", "lint"), with their offsets: after a clock time only when capitalized or ending
//!   the clause ("16:30 WET.", not "3PM get at"), or after a `@TZ_LEAD` preposition that ends
//!   the clause ("at aft");
//! - `@TZ_SIGNED`: zones an offset may follow, from `@TZ` ("UTC+4", "gmt-3", "UTC -12h",
//!   "utc4:30", "utc±0", "MSK+7" = Moscow + 7 h); a `@TZ_HOUR_MARK` may close the hours;
//! - `@TZ_PLACE` (and `@TZ_PLACE_CAP`, places that are also common words, "Nice", "Reading":
//!   capitalized only): cities, countries and regions with their standard offset (none for
//!   a country spanning several zones), a zone when a `@TZ_SUFFIX` follows ("Madrid time",
//!   "Sydney timezone", "St. Louis-time", "Afghanistan standard time") or a `@TZ_PREFIX`
//!   precedes ("heure de Pékin"; not after a numeral, "à une heure de Paris" is a distance,
//!   nor before a capitalized word that goes on with a name, "heure de France Inter"); a
//!   `@TZ_DAYLIGHT` suffix adds its `tz=` to the place's offset ("Sydney daylight time").
//!
//! A clock time, for zone position, is a number with a glued separator and minutes ("16:30",
//! "11.59", "16h30", the end of "9-6"), or a `@TIMEPOD` ("1pm") or `@TZ_CLOCK_END` word
//! ("heures", "o'clock") just before.
//!
//! At each token the longest reading wins; a mention never overlaps another, nor stands glued
//! to an identifier's joints ("Etc/UTC", "NFT_MSG", "irst-fay").

use crate::lang::{slot_id, Classes, Entry, Lang, Prep};
use crate::token::{Kind, Tokens};
use dyade_core::Span;

/// A time zone named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZoneMention {
    /// Byte span of the zone's words ("beijing time", "UTC -12h", "acdt" of "1pm ACDT").
    pub span: Span,
    /// Offset from UTC in minutes ("UTC+4:30" → 270, "PST" → -480); `None` for a zone whose
    /// offset the text leaves open (a country spanning several zones: "US time").
    pub utc_offset_minutes: Option<i32>,
}

/// The `tz=` an entry carries.
fn offset(e: &Entry) -> Option<i32> {
    let tz = slot_id("tz").expect("the tz slot");
    e.set.iter().find(|&&(k, _)| k == tz).map(|&(_, v)| v)
}

/// Where a reading must stand to be a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Need {
    /// Anywhere.
    Nothing,
    /// After a clock time, or after a `@TZ_LEAD` preposition at the end of a clause.
    Position,
    /// As [`Need::Position`], and after a clock time only capitalized or ending the clause.
    WordPosition,
}

/// A reading found at one token: (end token, offset, where it must stand).
type Reading = (usize, Option<i32>, Need);

/// The entries of an optional class at token `i`.
fn at<'a>(l: &'a Lang, p: &'a Prep, class: Option<usize>, i: usize) -> impl Iterator<Item = (usize, &'a Entry)> + 'a {
    class.into_iter().flat_map(move |c| l.cached(p, c, i))
}

/// Find the zone mentions of a tokenized, prepared text.
pub(crate) fn find(l: &Lang, t: &Tokens, p: &Prep) -> Vec<ZoneMention> {
    let c = &l.cls;
    if c.tz.is_none() && c.tz_place.is_none() {
        return vec![];
    }
    let n = t.toks.len();
    let mut out = vec![];
    let mut i = 0;
    while i < n {
        let best = readings(l, c, t, p, i)
            .into_iter()
            .filter(|&(end, _, need)| standalone(t, i, end) && (need == Need::Nothing || zone_position(l, c, t, p, i, end, need)))
            // longest first; on equal length the reading that needs the least (it is surer)
            .max_by_key(|&(end, _, need)| (end, std::cmp::Reverse(need)));
        match best {
            Some((end, off, _)) => {
                out.push(ZoneMention { span: Span::new(t.toks[i].start as usize, t.toks[end - 1].end as usize), utc_offset_minutes: off });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Every zone reading starting at token `i`.
fn readings(l: &Lang, c: &Classes, t: &Tokens, p: &Prep, i: usize) -> Vec<Reading> {
    let mut r: Vec<Reading> = vec![];
    let need = |end: usize| if at(l, p, c.tz_ambiguous, i).any(|(e, _)| e == end) { Need::Position } else { Need::Nothing };
    // named zones and abbreviations
    for (end, e) in at(l, p, c.tz, i) {
        r.push((end, offset(e), need(end)));
    }
    for (end, e) in at(l, p, c.tz_word, i) {
        r.push((end, offset(e), Need::WordPosition));
    }
    // an offset from a base zone ("UTC+4", "MSK-1")
    for (end, e) in at(l, p, c.tz_signed, i) {
        let base = at(l, p, c.tz, i).find(|&(x, _)| x == end).and_then(|(_, z)| offset(z)).or_else(|| offset(e));
        if let (Some(base), Some((e2, d))) = (base, signed_offset(l, c, t, p, end)) {
            r.push((e2, Some(base + d), Need::Nothing));
        }
    }
    // a place and the word that makes it a zone ("Madrid time", "Sydney daylight time")
    let cap = t.toks[i].cap;
    let places = at(l, p, c.tz_place, i).chain(at(l, p, c.tz_place_cap, i).filter(|_| cap));
    for (end, e) in places {
        let off = offset(e);
        for (e2, _) in at(l, p, c.tz_suffix, end) {
            r.push((e2, off, Need::Nothing));
        }
        for (e2, s) in at(l, p, c.tz_daylight, end) {
            r.push((e2, off.map(|o| o + offset(s).unwrap_or(0)), Need::Nothing));
        }
    }
    // ... or the words before it ("heure de Pékin"), not after a numeral ("à une heure de
    // Paris", a distance) nor going on with a name ("heure de France Inter")
    // (a number standing alone: "10h30 heure de Pékin" is a clock time)
    let lone_number = i > 0 && t.toks[i - 1].kind == Kind::Num && !(i >= 2 && t.toks[i - 2].end == t.toks[i - 1].start);
    let counted = lone_number || (i.saturating_sub(3)..i).any(|j| at(l, p, c.num, j).any(|(e, _)| e == i));
    for (end, _) in at(l, p, c.tz_prefix, i).filter(|_| !counted) {
        let cap = end < t.toks.len() && t.toks[end].cap;
        for (e2, e) in at(l, p, c.tz_place, end).chain(at(l, p, c.tz_place_cap, end).filter(|_| cap)) {
            if e2 < t.toks.len() && t.toks[e2].cap && t.toks[e2].kind == Kind::Word {
                continue;
            }
            r.push((e2, offset(e), Need::Nothing));
        }
    }
    r
}

/// A signed offset after a base zone ending before token `k`: `+4`, `- 3`, `-12h`, `+05:30`,
/// `+0530`, `±0`, or a number glued to the base ("utc4:30"). Returns its end token and minutes.
fn signed_offset(l: &Lang, c: &Classes, t: &Tokens, p: &Prep, k: usize) -> Option<(usize, i32)> {
    let n = t.toks.len();
    let glued = |a: usize, b: usize| t.toks[a].end == t.toks[b].start;
    if k >= n {
        return None;
    }
    let (sign, mut j) = match t.low(k) {
        "+" => (Some(1), k + 1),
        "-" | "−" => (Some(-1), k + 1),
        "±" => (Some(0), k + 1),
        _ => (None, k),
    };
    // without a sign, only a number glued to the base ("utc4:30", not "UTC 4 days")
    if j >= n || t.toks[j].kind != Kind::Num || (sign.is_none() && !glued(k - 1, j)) || t.toks[j].brk {
        return None;
    }
    let num = &t.toks[j];
    let (h, mut m) = match num.ndig {
        1 | 2 => (num.num as i32, 0),
        // "+0530"
        4 if sign.is_some() => ((num.num / 100) as i32, (num.num % 100) as i32),
        _ => return None,
    };
    j += 1;
    // ":30" glued to the hours
    if num.ndig <= 2 && j + 1 < n && t.low(j) == ":" && glued(j - 1, j) && glued(j, j + 1) && t.toks[j + 1].kind == Kind::Num && t.toks[j + 1].ndig == 2 {
        m = t.toks[j + 1].num as i32;
        j += 2;
    }
    if h > 14 || m > 59 || sign == Some(0) && (h, m) != (0, 0) {
        return None;
    }
    // a unit mark glued to the number ("-12h")
    if j < n && glued(j - 1, j) {
        if let Some((e, _)) = at(l, p, c.tz_hour_mark, j).max_by_key(|&(e, _)| e) {
            j = e;
        }
    }
    // the number must end there ("UTC+4.5" or "UTC+45678" is something else)
    if j < n && glued(j - 1, j) && (t.toks[j].kind != Kind::Punct || (j + 1 < n && glued(j, j + 1) && t.toks[j + 1].kind == Kind::Num)) {
        return None;
    }
    Some((j, sign.unwrap_or(1) * (h * 60 + m)))
}

/// True when tokens `i..end` are not glued to an identifier's joints: no `_`, `/`, `\`, `-`
/// or `.` glued before ("Etc/UTC"), none of `_`, `/`, `\`, `-` glued after ("NFT_MSG"), nor a
/// `.` glued between it and a glued word ("ast.rs").
fn standalone(t: &Tokens, i: usize, end: usize) -> bool {
    let n = t.toks.len();
    let glued = |a: usize, b: usize| t.toks[a].end == t.toks[b].start;
    let joint = |k: usize| matches!(t.low(k), "_" | "/" | "\\" | "-");
    let before = i > 0 && glued(i - 1, i) && (joint(i - 1) || t.low(i - 1) == ".");
    let after = end < n && glued(end - 1, end) && (joint(end) || (t.low(end) == "." && end + 1 < n && glued(end, end + 1) && t.toks[end + 1].kind != Kind::Punct));
    !before && !after
}

/// True when tokens `i..end` stand where a zone is told: right after a clock time ("16:30
/// WET", "1pm ET", "9-6 PT"; for a [`Need::WordPosition`] reading only capitalized or ending
/// the clause), or after a `@TZ_LEAD` preposition at the end of a clause ("at pt", "in ET,";
/// not "at et al.").
fn zone_position(l: &Lang, c: &Classes, t: &Tokens, p: &Prep, i: usize, end: usize, need: Need) -> bool {
    let n = t.toks.len();
    if i == 0 {
        return false;
    }
    let num = |k: usize| t.toks[k].kind == Kind::Num;
    // after am/pm or a clock time's closing word ("1pm", "7 p.m.", "seize heures")
    let after_pod = (i.saturating_sub(4)..i).any(|j| at(l, p, c.timepod, j).chain(at(l, p, c.tz_clock_end, j)).any(|(e, _)| e == i));
    // after minutes ("16:30", "11.59", "16h30") or the end of a clock range ("9-6"): numbers
    // glued to the separator between them
    let glued = |a: usize, b: usize| t.toks[a].end == t.toks[b].start;
    // (two-digit minutes, or a range's end hour: not "3.5 pt")
    let after_clock = i >= 3
        && num(i - 1)
        && num(i - 3)
        && glued(i - 3, i - 2)
        && glued(i - 2, i - 1)
        && if t.low(i - 2) == "-" { t.toks[i - 1].ndig <= 2 && t.toks[i - 1].num <= 24 } else { t.toks[i - 1].ndig == 2 && t.toks[i - 1].num <= 59 };
    let clause_end = end == n
        || match t.low(end) {
            "," | ";" | "!" | "?" | ")" => true,
            // a full stop, not an abbreviation's ("et al.")
            "." => end + 1 == n || t.toks[end + 1].cap || t.toks[end + 1].brk || t.toks[end + 1].kind == Kind::Punct,
            _ => false,
        };
    if (after_pod || after_clock) && (need == Need::Position || t.toks[i].cap || clause_end) {
        return true;
    }
    let after_lead = at(l, p, c.tz_lead, i - 1).any(|(e, _)| e == i);
    after_lead && clause_end
}
