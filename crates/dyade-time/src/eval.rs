//! Evaluation against the suites in `../shared` (used by the `time_eval` example and tests).
//!
//! Pass rules, one per suite:
//! - **TimeBank / seeds**: exactly `shared/eval/score.py`'s timex measures (strict span+type F1,
//!   relaxed untyped-overlap F1, value F1 = correct values (no mod) over predicted and over gold,
//!   value accuracy = value and mod right over untyped matched pairs).
//! - **Duckling** (`note`: "whole input must be one Time token (full-range match)"): one
//!   predicted timex must cover the whole input (tagged with [`SpanStyle::WithPrepositions`],
//!   Duckling's tokens include the preposition, and the case's `reference` instant as "now").
//!   Its value must then say what Duckling's answer says, as far as one TIMEX3 value can:
//!   - `datetime` (a point at a grain): the value's period starts at `start` and has the grain
//!     (a minute value `…T05:00` stands for grain hour; Duckling's month/year grains write
//!     `2013-02-00`, read as the first day); "now" at grain second ↔ `PRESENT_REF`; a year
//!     before the Christian era, TIMEX3 `BC2014`, is Duckling's year `-2014` (it negates the
//!     year told, "2014 BC");
//!   - `datetimeInterval`, and `datetimeIntervalHoliday` (a holiday that lasts, "Hanukkah
//!     2018", or a part of a holiday, "morning of xmas": Duckling's output is an interval
//!     all the same): the value's period is exactly `[start, end)`, with Duckling's own
//!     boundaries for named periods (matin 04–12 — its English morning is 00–12 and its
//!     English night, "tonight", 18–24 —, midi = lunch 12–14, après-midi 12–19, soir 18–24, seasons from
//!     the 20/21/23 of the solstice/equinox months, weekend Friday 18:00 → Monday); with a
//!     TIMEX3 `mod` START/MID/END (TIMEX3's finest positions inside a period) the interval must
//!     lie in the period, at least half of it in the period's first/middle/last third; a DURATION value ("2
//!     dernières minutes" → PT2M, anchored at the reference in TimeML) must have the
//!     interval's length;
//!     An interval from the reference instant to a bound ("by 2pm", "by the end of the
//!     year": Duckling's `[now, bound)`) is TIMEX3's open interval before that bound: the value
//!     with mod BEFORE ending at its start, or ON_OR_BEFORE ending at its end (a clock time,
//!     an instant, at itself);
//!   - `datetimeOpenInterval`: the value is the bound (`PRESENT_REF` for the reference
//!     instant, "as soon as possible") and `mod` is AFTER/ON_OR_AFTER
//!     (direction after) or BEFORE/ON_OR_BEFORE (direction before).
//!   - a named period that lasts (a multi-day holiday: "Hanukkah 2018", "Ramadan 2018", "lent
//!     2018") is valued at its start, as TIMEX3 values a named event's date, and the tagger
//!     resolves its end apart (its last day, from the lexicon's length: [`TimexTagger::tag_ranges_at`]),
//!     as for the ranges it fuses: it passes when the start's period starts at `start` and the
//!     end's finishes at `end`, neither with a mod (the start alone never passes); so does a
//!     period told as lasting from a point ("for 10 days from 18th Dec": 18 to 28 December, its
//!     end at the start's grain as for "18th Dec for 10 days" below);
//!   - a range ("du 13 au 15 juillet") is two TIMEX3 in TimeML: it passes when exactly two
//!     timexes tile the input (nothing but spaces or punctuation between them), the first's
//!     period starting at `start` and the second's ending at `end`; a start and how long it
//!     lasts ("4pm for 30 mins": a point, then the DURATION TimeML anchors at it; or the
//!     duration first, "for 30' starting from 4pm") end that long
//!     after the start, closed at the start's grain as Duckling closes its ranges ("18th Dec
//!     for 10 days" → up to 29 December 00:00).
//!
//!   A `mod` APPROX is accepted on points, intervals and ranges: Duckling drops approximations. Duckling's early /
//!   mid / late morning are fixed hours (07–09, 09–11, 10–12; its English early morning 00–09), accepted for `TMO` with mod
//!   START / MID / END; a range ending on a whole hour ("à 11h") ends at that hour's end.
//!   Duckling conventions one TIMEX3 value does not follow (left failing, not bent for):
//!   "le soir de noël" is its 24 December evening (TIMEX3: `XXXX-12-25TEV`); "le jour des
//!   morts" its 1 November (the feast is 2 November); "dans 7 jours" the reference hour 7 days
//!   on (TIMEX3: the day; "in 7 days", "7 days ago" likewise); holidays that last without a
//!   length in the lexicon, and other closed intervals without a TIMEX3 value ("all week",
//!   "this season" with its own bounds). Second grains are compared to the second where ours
//!   says seconds: a duration in seconds ("next 3 seconds", PT3S) must last exactly that many,
//!   and a range told to the second ("3pm - 6:00:00pm") must end at the second Duckling closes
//!   it on; elsewhere the check is at the minute.
//! - **Recognizers-Text**: the predicted spans' texts equal the `expected` texts (same count,
//!   in order; an empty `expected` requires no prediction); where an expected item carries a
//!   `value`, ours must equal that timex (`T22` ≡ `T22:00`; a day's `T24:00` ≡ the next day's `T00:00`) or agree with one of its
//!   `resolutions` (`date`/`timex`, `dateTime` at the minute, a `startDate`–`endDate` period our value spans exactly (a weekend `…-WE` spans its Saturday and Sunday, a century `14` its hundred years 1400–1499),
//!   `time`, or `duration` seconds (a duration's `value` in the model files); `dateTime` and `time` also at the second when ours has
//!   seconds; the model files write a period's bounds `start`/`end` and a date-time `value`;
//!   an open interval, `Mod` before/until/after/since with its `end`/`start`, is our value with a
//!   BEFORE/AFTER mod, as in the Duckling rule; "after" a day or longer period has the `start` where
//!   the period ends, its own convention: "after Feb 2018" → `start` 2018-03-01). Types are not compared (its taxonomy differs from TIMEX3).
//!   The TimeZone files (TimeZoneExtractor/Parser) test the time zones a text names, items of
//!   type `timezone`, not its timexes (a zone is no TIMEX3: no point, duration or set): their
//!   cases are judged on the tagger's zone layer ([`TimexTagger::zones`]) alone, its mentions'
//!   texts equal to the expected texts as above (so "1pm ACDT" names the zone "acdt" there,
//!   while the model files keep the zone inside the time's span, "1pm acdt", as the timex
//!   rules do), and where the expected `timezone_resolution` gives an offset (`UtcOffsetMins`,
//!   a number or a numeral string) ours must equal it; -10000, the suite's "UTC+XX:XX" for a
//!   zone whose offset it leaves open ("montreal time", "uk time"), compares nothing. A case
//!   of those files without items requires no zone mention ("Once upon a time...").
//!   In the model files, whether a zone counts follows the options the suite ran them with:
//!   DateTimeModelComplexCalendar has Recognizers' time zone recognition on (its items carry
//!   `timezone` resolutions), and there a zone after a time stays in the time's span ("1pm
//!   acdt", "between 9 to 10:30 cst") while a zone named apart from any time is an item of its
//!   own, without a value ("I'm in the pacific timezone": our zone mention, see above); the
//!   other files run without it ("TimeZone is not enabled", their comments say) and leave the
//!   zone out of the time's span, the same texts giving "between 9 to 10:30", "tuesday after
//!   1pm": our timex span less a zone mention that ends it. (All 43 zones of the first file's
//!   expected items are kept, all 11 of the others are left out.)
//!   A range `(start,end,PnX)` is one span in its style and two TIMEX3 in TimeML: our span
//!   must be valued at the range's start, and its end must be the range's end, either as the
//!   tagger resolves the end of each range it fuses ([`TimexTagger::tag_ranges_at`]) or as the
//!   same text tagged as two expressions (Duckling style) gives it (exactly two timexes inside
//!   the span, starting at the range's start and end); a clock range's bounds ("17:00:00")
//!   are on our value's day. The end bound is where our end starts (exclusive end: "from 4 to
//!   22" → the 22nd) or, as some files write a date range, where it finishes (inclusive end:
//!   "2014 to 2018" → `(2014-01-01,2019-01-01,P5Y)`). A bound told as a part of a period keeps
//!   that period's edge: a start with mod START begins where its period begins, an end with
//!   mod END finishes where its period finishes ("from April until the end of June" →
//!   `(XXXX-04-01,XXXX-07-01,P3M)`); other mods fail. Both bounds are always verified: a start
//!   alone never passes a range. "now" (`PRESENT_REF`) as a bound is the reference instant, or
//!   the reference day against a date bound ("between Jan 22 and now").
//!   The tasks-mode model file writes a set's value with its recurrence appended ("every
//!   Sunday" → `XXXX-WXX-7P1W`, its resolution giving `intervalSize` 1 and `intervalType` W):
//!   TIMEX3 keeps that period out of the value (`freq`/`quant`), so ours equals the value
//!   without it.
//!   A bare clock time or part of the day it leaves unanchored ("T23") equals ours anchored
//!   to the reference day (the case's, or the fixed one we tag cases without one against) or
//!   to the next day (the time's next occurrence when it is past, a scheduling reading); a
//!   season it leaves without a year ("SU") equals ours in the reference's year or the next; a
//!   part of the day on a weekday ("mardi soir", `XXXX-WXX-2TEV`) equals ours on the
//!   resolution's day; a period `(start,end,PnX)` told as a length ("les 3 derniers jours")
//!   equals our duration `PnX` (TimeML annotates it as a DURATION; or one as long in other
//!   units: `P3DE` for `P30Y`, `PT29H` for `P1DT5H`, `P3M16D` for `P3M2W2D`: the same calendar
//!   months and the same length besides); a duration `value` likewise equals ours as long in
//!   other units ("half year", `P0.5Y`, is our `P6M`).
//!   A part of a period, ours with TIMEX3's mod START/MID/END ("end of March" → `2018-03`
//!   END), equals a resolution period inside ours, at least half of it in the first/middle/last
//!   third, as in the Duckling rule (Recognizers writes "end of March" 16–31 March; "mid-November"
//!   10–20).
//!   The model files write a time of day's resolution as a `value` of type `time`
//!   ("12:00:00"): it is read as the parser files' `time` (ours at that clock time).
//!   Text comparison ignores case and surrounding whitespace. Tagged with [`SpanStyle::Bare`]
//!   (its spans leave out articles and prepositions) against the case's `reference`.
//!   Seven files were produced by Recognizers with non-default `DateTimeOptions`, as
//!   their names state: each is tagged with the matching [`crate::TagOptions`] (the others
//!   with none): `DateTimeModelSplitDateAndTime` with `split_date_time` (a date and its time,
//!   a range's bounds, given apart; a duration from now as its duration);
//!   `DateTimeModelTasksMode` with `tasks` (no years told alone, quarters, seasons, decades
//!   or the holidays it skips; "next month" its first day); `DateTimeModelCalendarMode`
//!   and `DateTimeModelComplexCalendar` (Recognizers' ComplexCalendar option set includes
//!   CalendarMode) with `calendar` (no lone "the year"); `DateTimeModelExperimentalMode`
//!   with `experimental` ("from 2014" is a since); the extractor file
//!   `MergedExtractorSkipFromTo` with `skip_from_to` ("from 9am to 11am" as its two bounds);
//!   `DateTimeModelExtendedTypes` and `DateTimeModelComplexCalendar` (whose option set
//!   includes ExtendedTypes) with `extended_types` (coordinated items completed from their
//!   neighbours, a lone "next" in "this week or next" an expression; the other files are
//!   tagged without it, Recognizers' default). Their pass rules are the same.

use crate::calendar::Date;
use crate::{SpanStyle, TagOptions, TimexTagger};
use dyade_core::{Annotation, DateEstimate, Document, Timex};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Precision / recall / F1.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

fn prf(tp: usize, n_p: usize, n_g: usize) -> Prf {
    let p = if n_p > 0 { tp as f64 / n_p as f64 } else { 0.0 };
    let r = if n_g > 0 { tp as f64 / n_g as f64 } else { 0.0 };
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { p, r, f1 }
}

/// Timex scores as `score.py` computes them.
#[derive(Debug, Clone, Default)]
pub struct TimexScores {
    /// Strict span + type.
    pub strict: Prf,
    /// Untyped overlap.
    pub relaxed: Prf,
    /// Value F1 (value only).
    pub value_f1: Prf,
    /// Value + mod accuracy over untyped pairs.
    pub value_acc: f64,
    /// Gold and predicted counts.
    pub n_gold: usize,
    /// Predicted count.
    pub n_pred: usize,
    /// Error lines: (kind, text, detail).
    pub errors: Vec<(String, String, String)>,
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Score annotations against gold the way `score.py` does (timexes only).
pub fn score_timexes(pairs: &[(Annotation, Annotation)]) -> TimexScores {
    let (mut strict, mut untyped, mut value_ok, mut value_loose, mut np, mut ng) = (0, 0, 0, 0, 0, 0);
    let mut errors = vec![];
    for (gold, pred) in pairs {
        let g = &gold.timexes;
        let p = &pred.timexes;
        np += p.len();
        ng += g.len();
        strict += p.iter().filter(|x| g.iter().any(|y| x.start == y.start && x.end == y.end && x.ttype == y.ttype)).count();
        let mut used = vec![false; g.len()];
        for x in p {
            let hit = (0..g.len()).find(|&i| !used[i] && overlap((x.start, x.end), (g[i].start, g[i].end)) > 0);
            match hit {
                Some(i) => {
                    used[i] = true;
                    untyped += 1;
                    let y = &g[i];
                    let vs = x.value == y.value;
                    if vs {
                        value_loose += 1;
                    }
                    if vs && x.modifier == y.modifier {
                        value_ok += 1;
                    }
                    if !(vs && x.modifier == y.modifier) {
                        errors.push(("value".into(), y.text.clone(), format!("gold {:?} {:?}, got {:?} {:?} ({})", y.value, y.modifier, x.value, x.modifier, gold.doc)));
                    } else if x.start != y.start || x.end != y.end {
                        errors.push(("span".into(), y.text.clone(), format!("got `{}`", x.text)));
                    } else if x.ttype != y.ttype {
                        errors.push(("type".into(), y.text.clone(), format!("gold {}, got {}", y.ttype, x.ttype)));
                    }
                }
                None => errors.push(("false positive".into(), x.text.clone(), format!("{} {:?} ({})", x.ttype, x.value, gold.doc))),
            }
        }
        for (i, y) in g.iter().enumerate() {
            if !used[i] {
                errors.push(("missed".into(), y.text.clone(), format!("{} {:?} ({})", y.ttype, y.value, gold.doc)));
            }
        }
    }
    TimexScores {
        strict: prf(strict, np, ng),
        relaxed: prf(untyped, np, ng),
        value_f1: prf(value_loose, np, ng),
        value_acc: if untyped > 0 { value_ok as f64 / untyped as f64 } else { 0.0 },
        n_gold: ng,
        n_pred: np,
        errors,
    }
}

/// Tag one text file into a gold-format annotation, with `dct` as given metadata.
pub fn annotate(tagger: &TimexTagger, id: &str, text: &str, dct: Option<&str>, lang: &str) -> (Annotation, Document) {
    let mut doc = Document::new(id, text);
    doc.meta.lang = Some(lang.into());
    doc.meta.published = dct.map(|d| DateEstimate { value: Some(d.into()), source: "meta".into(), ..Default::default() });
    dyade_core::Component::process(tagger, &mut doc);
    (Annotation::from_document(&doc), doc)
}

fn read_meta(path: &Path) -> BTreeMap<String, Value> {
    let mut m = BTreeMap::new();
    if let Ok(s) = std::fs::read_to_string(path) {
        for l in s.lines().filter(|l| !l.trim().is_empty()) {
            if let Ok(v) = serde_json::from_str::<Value>(l) {
                if let Some(d) = v["doc"].as_str() {
                    m.insert(d.to_string(), v.clone());
                }
            }
        }
    }
    m
}

/// Score a gold directory (`<stem>.json` gold, texts in `text_dir/<stem>.txt`, dct from
/// `meta`). When `pred_dir` is given, predictions are written there for `score.py`.
pub fn score_dir(tagger: &TimexTagger, gold_dir: &Path, text_dir: &Path, meta: &Path, pred_dir: Option<&Path>) -> TimexScores {
    let meta = read_meta(meta);
    let mut files: Vec<PathBuf> = std::fs::read_dir(gold_dir).map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut pairs = vec![];
    for f in files {
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        let gold: Annotation = serde_json::from_str(&std::fs::read_to_string(&f).expect("gold")).expect("gold json");
        let text = std::fs::read_to_string(text_dir.join(format!("{stem}.txt"))).expect("text");
        let m = meta.get(&stem);
        let dct = m.and_then(|m| m["dct"].as_str());
        let lang = m.and_then(|m| m["lang"].as_str()).unwrap_or("fr");
        let (mut pred, _) = annotate(tagger, &stem, &text, dct, lang);
        pred.dct = gold.dct.clone();
        if let Some(d) = pred_dir {
            std::fs::create_dir_all(d).ok();
            std::fs::write(d.join(format!("{stem}.json")), serde_json::to_string_pretty(&pred).unwrap()).ok();
        }
        pairs.push((gold, pred));
    }
    score_timexes(&pairs)
}

/// Result of a case suite.
#[derive(Debug, Clone, Default)]
pub struct SuiteResult {
    /// Cases passed.
    pub pass: usize,
    /// Cases run.
    pub total: usize,
    /// Failure kind → count.
    pub kinds: BTreeMap<String, usize>,
    /// A few failures: (kind, text, detail).
    pub examples: Vec<(String, String, String)>,
}

impl SuiteResult {
    /// Pass rate.
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.pass as f64 / self.total as f64
        }
    }
    fn fail(&mut self, kind: &str, text: &str, detail: String) {
        *self.kinds.entry(kind.into()).or_default() += 1;
        if self.examples.len() < 4000 {
            self.examples.push((kind.into(), text.into(), detail));
        }
    }
}

fn read_cases(path: &Path, suite: &str, lang: &str) -> Vec<Value> {
    let s = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    s.lines().filter_map(|l| serde_json::from_str::<Value>(l).ok()).filter(|v| v["suite"] == suite && v["lang"] == lang).collect()
}

/// Byte offset → char offset.
fn chars(text: &str, b: usize) -> usize {
    text[..b].chars().count()
}

/// Canonical start and grain of a TIMEX3 value: ("2013-02-12T04:30", "minute").
fn value_start(v: &str) -> Option<(String, &'static str)> {
    let b = v.as_bytes();
    if let Some(t) = v.find('T') {
        let (d, tm) = (&v[..t], &v[t + 1..]);
        let tb = tm.as_bytes();
        if tb.len() == 5 && tb[2] == b':' {
            return Some((format!("{d}T{tm}"), "minute"));
        }
        // "…T15:23:24": a point at the second grain, checked at this minute resolution
        if tb.len() == 8 && tb[2] == b':' && tb[5] == b':' {
            return Some((format!("{d}T{}", &tm[..5]), "second"));
        }
        return None;
    }
    if b.len() == 10 && Date::parse(v).is_some() {
        return Some((v.into(), "day"));
    }
    if b.len() == 7 && b[4] == b'-' && v[5..].chars().all(|c| c.is_ascii_digit()) {
        return Some((v.into(), "month"));
    }
    if b.len() == 4 && v.chars().all(|c| c.is_ascii_digit()) {
        return Some((v.into(), "year"));
    }
    if b.len() == 8 && &v[4..6] == "-W" {
        return Some((v.into(), "week"));
    }
    if b.len() == 7 && &v[4..6] == "-Q" {
        return Some((v.into(), "quarter"));
    }
    None
}

/// An instant in minutes since 0000-03-01 (Duckling times, lenient: "2013-02-00" is the month
/// grain's way of writing the month, read as day 1).
fn instant(s: &str) -> Option<i64> {
    let y: i32 = s.get(..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse::<u32>().ok()?.max(1);
    let d: u32 = s.get(8..10)?.parse::<u32>().ok()?.max(1);
    let (h, mi): (i64, i64) = match s.get(11..16) {
        Some(t) => (t[..2].parse().ok()?, t[3..5].parse().ok()?),
        None => (0, 0),
    };
    Some(Date::new(y, m, d)?.days() * 1440 + h * 60 + mi)
}

/// An instant in seconds, for Duckling's second grain ("2013-02-12T04:30:01").
fn instant_secs(s: &str) -> Option<i64> {
    let sec: i64 = match s.get(16..17) {
        Some(":") => s.get(17..19)?.parse().ok()?,
        _ => 0,
    };
    Some(instant(s)? * 60 + sec)
}

/// [`denote_in`] in seconds: a value told to the second ("…T18:00:00") is that second, any
/// other value its period.
fn denote_secs(v: &str, lang: &str) -> Option<(i64, i64)> {
    if let Some((_, t)) = v.split_once('T') {
        if t.len() == 8 && t.as_bytes()[5] == b':' {
            let x = instant_secs(v)?;
            return Some((x, x + 1));
        }
    }
    denote_in(v, lang).map(|(a, b)| (a * 60, b * 60))
}

fn day_min(d: Date) -> i64 {
    d.days() * 1440
}

/// The interval `[start, end)` (minutes) a TIMEX3 value denotes, with Duckling's boundaries for
/// named periods: parts of the day (matin 04–12, midi/lunch 12–14, après-midi 12–19, soir 18–24), seasons
/// (spring 03-20, summer 06-21, autumn 09-23, winter 12-21, per its corpus), the weekend
/// (Friday 18:00 to Monday 00:00).
fn denote(v: &str) -> Option<(i64, i64)> {
    denote_in(v, "fr")
}

/// [`denote`] with the parts of the day of Duckling's `lang` corpus: its English morning is
/// 00–12 and its English night ("tonight", "last night") 18–24, the evening's bounds.
fn denote_in(v: &str, lang: &str) -> Option<(i64, i64)> {
    if let Some((d, t)) = v.split_once('T') {
        let day = Date::parse(d)?;
        let base = day_min(day);
        // "HH:MM" or "HH:MM:SS" (seconds are below this minute resolution)
        if (t.len() == 5 || t.len() == 8 && t.as_bytes()[5] == b':') && t.as_bytes()[2] == b':' {
            let m = t[..2].parse::<i64>().ok()? * 60 + t[3..5].parse::<i64>().ok()?;
            return Some((base + m, base + m + 1));
        }
        let (a, b) = match t {
            "MO" if lang == "en" => (0, 12),
            "NI" if lang == "en" => (18, 24),
            "MO" => (4, 12),
            // midday as Duckling's lunch time ("à l'heure du déjeuner")
            "MI" => (12, 14),
            "AF" => (12, 19),
            "EV" => (18, 24),
            _ => return None,
        };
        return Some((base + a * 60, base + b * 60));
    }
    let b = v.as_bytes();
    if b.len() == 7 && &v[4..6] == "-Q" {
        let y: i32 = v[..4].parse().ok()?;
        let q: u32 = v[6..].parse().ok()?;
        let s = Date::new(y, 3 * q - 2, 1)?;
        return Some((day_min(s), day_min(s.add_months(3))));
    }
    if b.len() == 7 && matches!(&v[5..], "SP" | "SU" | "FA" | "WI") {
        let y: i32 = v[..4].parse().ok()?;
        let (s, e) = match &v[5..] {
            "SP" => (Date::new(y, 3, 20)?, Date::new(y, 6, 21)?),
            "SU" => (Date::new(y, 6, 21)?, Date::new(y, 9, 24)?),
            "FA" => (Date::new(y, 9, 23)?, Date::new(y, 12, 21)?),
            _ => (Date::new(y, 12, 21)?, Date::new(y + 1, 3, 21)?),
        };
        return Some((day_min(s), day_min(e)));
    }
    if b.len() == 11 && v.ends_with("-WE") {
        let (s, _) = period_bounds(&v[..8])?;
        return Some((day_min(s.add_days(4)) + 18 * 60, day_min(s.add_days(7))));
    }
    let (s, e) = period_bounds(v)?;
    Some((day_min(s), day_min(e)))
}

/// Length of a duration value in its own unit: (n, unit minutes, or months as negative).
fn duration_parts(v: &str) -> Option<(f64, i64)> {
    let s = v.strip_prefix('P')?;
    let (t, s) = match s.strip_prefix('T') {
        Some(x) => (true, x),
        None => (false, s),
    };
    let u = s.chars().last()?;
    let n: f64 = s[..s.len() - 1].parse().ok()?;
    let unit = match (u, t) {
        ('Y', false) => -12,
        ('M', false) => -1,
        ('W', false) => 7 * 1440,
        ('D', false) => 1440,
        ('H', true) => 60,
        ('M', true) => 1,
        ('S', true) => 0,
        _ => return None,
    };
    Some((n, unit))
}

/// Two calendar durations of the same length written in different units ("P3DE" = "P30Y",
/// TIMEX3 decades and centuries against years).
fn same_length(a: &str, b: &str) -> bool {
    let months = |v: &str| -> Option<f64> {
        let s = v.strip_prefix('P')?;
        let (n, k) = if let Some(n) = s.strip_suffix("DE") {
            (n, 120.0)
        } else if let Some(n) = s.strip_suffix("CE") {
            (n, 1200.0)
        } else {
            let (n, u) = duration_parts(v)?;
            return (u < 0).then_some(n * -u as f64);
        };
        Some(n.parse::<f64>().ok()? * k)
    };
    matches!((months(a), months(b)), (Some(x), Some(y)) if (x - y).abs() < 1e-9)
        || matches!((exact_secs(a), exact_secs(b)), (Some(x), Some(y)) if (x - y).abs() < 0.5)
        || matches!((months_and_secs(a), months_and_secs(b)), (Some(x), Some(y)) if (x.0 - y.0).abs() < 1e-9 && (x.1 - y.1).abs() < 0.5)
}

/// A duration value's fields: its years, its months, and the seconds of the rest (weeks, days,
/// clock units).
fn duration_fields(v: &str) -> Option<(f64, f64, f64)> {
    let body = v.strip_prefix('P')?;
    let (date, time) = body.split_once('T').unwrap_or((body, ""));
    let (mut years, mut months, mut secs, mut num) = (0.0, 0.0, 0.0, String::new());
    for (part, is_time) in [(date, false), (time, true)] {
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
                continue;
            }
            let n: f64 = std::mem::take(&mut num).parse().ok()?;
            match (c, is_time) {
                ('Y', false) => years += n,
                ('M', false) => months += n,
                ('W', false) => secs += 604800.0 * n,
                ('D', false) => secs += 86400.0 * n,
                ('H', true) => secs += 3600.0 * n,
                ('M', true) => secs += 60.0 * n,
                ('S', true) => secs += n,
                _ => return None,
            }
        }
    }
    num.is_empty().then_some((years, months, secs))
}

/// A duration's calendar months (years and months) and the seconds of the rest (weeks, days,
/// clock units): "P3M2W2D" and "P3M16D" are as long.
fn months_and_secs(v: &str) -> Option<(f64, f64)> {
    duration_fields(v).map(|(y, m, s)| (12.0 * y + m, s))
}

/// The seconds of a duration made of weeks, days and clock units only ("P1DT5H", "PT29H").
fn exact_secs(v: &str) -> Option<f64> {
    let body = v.strip_prefix('P')?;
    let date = body.split('T').next().unwrap_or("");
    if date.contains('Y') || date.contains('M') {
        return None;
    }
    duration_secs(v)
}

/// Duckling pass rule for one predicted value (see the module docs).
fn duckling_ok(t: &Timex, e: &Value, reference: &str, lang: &str) -> bool {
    let grain = e["grain"].as_str().unwrap_or("");
    let func = e["function"].as_str().unwrap_or("");
    let start = e["start"].as_str().and_then(instant);
    let end = e["end"].as_str().and_then(instant);
    let now = instant(reference);
    let v = t.value.as_str();
    let md = t.modifier.as_deref();
    // "now" at the second grain
    if grain == "second" && start == now && end.is_none() && (v == "PRESENT_REF" || md.is_none() && denote(v).map(|x| x.0) == now) {
        return true;
    }
    let denote = |v: &str| denote_in(v, lang);
    match func {
        // a holiday that lasts ("Hanukkah 2018", "morning of xmas") is an interval too
        "datetimeInterval" | "datetimeIntervalHoliday" => {
            let (Some(s), Some(en)) = (start, end) else { return false };
            if let Some((n, unit)) = duration_parts(v) {
                // "the last 2 minutes": TIMEX3 says PT2M (the anchor is the reference)
                let len = if unit < 0 {
                    let (a, b) = (Date::from_days(s.div_euclid(1440)), Date::from_days(en.div_euclid(1440)));
                    (((b.y - a.y) * 12 + b.m as i32 - a.m as i32) as f64) / (-unit) as f64
                } else if unit == 0 {
                    // seconds, compared to the second
                    let (Some(a), Some(b)) = (e["start"].as_str().and_then(instant_secs), e["end"].as_str().and_then(instant_secs)) else { return false };
                    return md.is_none() && grain == "second" && (b - a) as f64 == n;
                } else {
                    (en - s) as f64 / unit as f64
                };
                return md.is_none() && (len - n).abs() < 1e-9;
            }
            let Some((a, b)) = denote(v) else { return false };
            let day_start = a.div_euclid(1440) * 1440;
            // Duckling drops approximations ("tomorrow afternoonish"), as for points
            match md.filter(|&m| m != "APPROX") {
                None => a == s && b == en,
                // from now to a bound ("by 2pm", "by the end of the year"): TIMEX3's open interval
                // before it, ending at its start (BEFORE) or end (ON_OR_BEFORE; a clock time is
                // an instant)
                Some("BEFORE") => Some(s) == now && en == a,
                Some("ON_OR_BEFORE") => Some(s) == now && (en == b || (v.contains('T') && value_start(v).is_some() && en == a)),
                Some(m) if v.ends_with("TMO") && morning_part(m, lang).is_some_and(|(x, y)| s == day_start + x * 60 && en == day_start + y * 60) => true,
                Some(m) => {
                    // START / MID / END: TIMEX3's coarsest parts (thirds) of the period
                    let third = (b - a) / 3;
                    let part = match m {
                        "START" => (a, a + third),
                        "MID" => (a + third, b - third),
                        "END" => (b - third, b),
                        _ => return false,
                    };
                    // inside the period, mostly (at least half) in that third
                    let inside = (en.min(part.1) - s.max(part.0)).max(0);
                    s >= a && en <= b && en > s && 2 * inside >= en - s
                }
            }
        }
        "datetimeOpenInterval" => {
            let dir = e["direction"].as_str().unwrap_or("");
            // the bound may be the reference instant itself ("as soon as possible": from now on)
            let Some((a, _)) = denote(v).or_else(|| (v == "PRESENT_REF").then_some((now?, 0))) else { return false };
            match dir {
                "after" => start == Some(a) && matches!(md, Some("AFTER" | "ON_OR_AFTER")),
                "before" => end == Some(a) && matches!(md, Some("BEFORE" | "ON_OR_BEFORE")),
                _ => false,
            }
        }
        _ => {
            // a year before the Christian era: TIMEX3 `BC2014`, Duckling's year -2014
            if let Some(y) = v.strip_prefix("BC").filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())) {
                let want = format!("-{}-01-01T", y.trim_start_matches('0'));
                return md.is_none() && grain == "year" && e["start"].as_str().is_some_and(|s| s.starts_with(&want));
            }
            // a point at a grain: our value's period starts there and has that grain
            let Some(s) = start else { return false };
            // Duckling drops approximations ("vers 15 heures" → 15:00): APPROX is accepted
            if md.is_some_and(|m| m != "APPROX") {
                return false;
            }
            let Some((_, g)) = value_start(v) else { return false };
            let Some((a, _)) = denote(v) else { return false };
            let grain_ok = g == grain || (g == "minute" && matches!(grain, "hour" | "second") && a % 60 == s % 60);
            a == s && grain_ok
        }
    }
}

/// Duckling's own early / mid / late morning ("tôt le matin", "en début de matinée" 07–09,
/// "en milieu de matinée" 09–11, "en fin de matinée" 10–12): narrower than thirds of its
/// 04–12 morning, so they are listed (TIMEX3 has only `TMO` with mod START/MID/END). Its
/// English early morning ("early morning", "in the early hours of the morning") is 00–09.
fn morning_part(m: &str, lang: &str) -> Option<(i64, i64)> {
    match m {
        "START" if lang == "en" => Some((0, 9)),
        "START" => Some((7, 9)),
        "MID" => Some((9, 11)),
        "END" => Some((10, 12)),
        _ => None,
    }
}

/// A range as TimeML writes it: exactly two timexes that tile the input (only spaces or
/// punctuation between them), the first starting at `start`, the second ending at `end` (or,
/// a DURATION, lasting from the first up to `end`).
fn range_ok(text: &str, got: &[Timex], e: &Value, lang: &str) -> bool {
    let denote = |v: &str| denote_in(v, lang);
    let [a, b] = got else { return false };
    let n = text.len();
    let gap = &text[a.span.end.min(b.span.start)..b.span.start];
    if a.span.start != 0 || b.span.end != n || !gap.chars().all(|c| c.is_whitespace() || c.is_ascii_punctuation()) {
        return false;
    }
    let (Some(s), Some(en)) = (e["start"].as_str().and_then(instant), e["end"].as_str().and_then(instant)) else { return false };
    // a start and how long it lasts ("4pm for 30 mins", TimeML's DURATION anchored at the
    // point before it): the range ends that long after the start, closed at the start's grain
    // like Duckling's other ranges ("18th Dec for 10 days" ends with 28 December: 29 Dec 00:00)
    // ... or how long, then the start ("for 30' starting from 4pm"): the same range
    let (a, b) = match (duration_parts(&a.value), duration_parts(&b.value)) {
        (Some((_, unit)), None) if unit > 0 => (b, a),
        _ => (a, b),
    };
    let lasting = duration_parts(&b.value).filter(|&(_, unit)| unit > 0 && !a.value.starts_with('P'));
    let (Some((x, x_end)), Some((_, y))) = (denote(&a.value), lasting.map(|_| (0, 0)).or_else(|| denote(&b.value))) else { return false };
    let y = match lasting {
        Some((n, unit)) => x + (n * unit as f64).round() as i64 + (x_end - x),
        None => y,
    };
    // a whole-hour end ("à 11h", `T11:00`) stands for Duckling's hour grain, as for points
    let hour_end = b.value.ends_with(":00") && y + 59 == en;
    // Duckling drops approximations ("around 3-4pm"), as for points and intervals
    let plain = |t: &Timex| t.modifier.as_deref().is_none_or(|m| m == "APPROX");
    if plain(a) && plain(b) && x == s && (y == en || hour_end) {
        return true;
    }
    // a range told to the second ("3pm - 6:00:00pm": Duckling's second grain, its end closed
    // one second on), compared to the second: the start's period starts at `start` and the
    // end's second finishes at `end`
    let secs = |k: &str| e[k].as_str().and_then(instant_secs);
    let (Some(s), Some(en), None) = (secs("start"), secs("end"), lasting) else { return false };
    let (Some((x, _)), Some((_, y))) = (denote_secs(&a.value, lang), denote_secs(&b.value, lang)) else { return false };
    e["grain"] == "second" && plain(a) && plain(b) && x == s && y == en
}

/// A named period that lasts, valued at its start `t` with its last part `x` (the end the
/// tagger resolves for it: "Hanukkah 2018" → `2018-12-02` to `2018-12-09`): Duckling's
/// interval starts where `t` starts and ends where `x` finishes, with no mod on either.
fn period_ok(t: &Timex, x: &Timex, e: &Value, lang: &str) -> bool {
    let (Some(s), Some(en)) = (e["start"].as_str().and_then(instant), e["end"].as_str().and_then(instant)) else { return false };
    let (Some((a, _)), Some((_, b))) = (denote_in(&t.value, lang), denote_in(&x.value, lang)) else { return false };
    t.modifier.is_none() && x.modifier.is_none() && a == s && b == en
}

/// Run the Duckling cases of `lang` in `path`.
pub fn duckling(tagger: &TimexTagger, path: &Path, lang: &str) -> SuiteResult {
    let mut r = SuiteResult::default();
    for c in read_cases(path, "duckling", lang) {
        r.total += 1;
        let text = c["text"].as_str().unwrap_or("");
        let e = &c["expected"][0];
        let reference = c["reference"].as_str().unwrap_or("");
        let (got, ends): (Vec<Timex>, Vec<Option<Timex>>) = tagger.tag_ranges_at(text, lang, reference, SpanStyle::WithPrepositions).into_iter().unzip();
        let n = text.chars().count();
        let full: Vec<&Timex> = got.iter().filter(|t| chars(text, t.span.start) == 0 && chars(text, t.span.end) == n).collect();
        // a named period that lasts ("Hanukkah 2018"), valued at its start with the end the
        // tagger resolves for it: both bounds must be Duckling's
        let lasting = got.iter().zip(&ends).find(|(t, _)| chars(text, t.span.start) == 0 && chars(text, t.span.end) == n).and_then(|(t, x)| Some((t, x.as_ref()?)));
        if let Some((t, x)) = lasting {
            if matches!(e["function"].as_str(), Some("datetimeInterval" | "datetimeIntervalHoliday")) && period_ok(t, x, e, lang) {
                r.pass += 1;
                continue;
            }
        }
        if full.is_empty() && matches!(e["function"].as_str(), Some("datetimeInterval" | "datetimeIntervalHoliday")) && range_ok(text, &got, e, lang) {
            // TimeML writes a range as two TIMEX3 (start, end) that here tile the whole input
            r.pass += 1;
            continue;
        }
        let Some(t) = full.first() else {
            let kind = if got.is_empty() { "missed" } else { "partial span" };
            r.fail(kind, text, format!("got {:?}", got.iter().map(|t| (&text[t.span.start..t.span.end], &t.value)).collect::<Vec<_>>()));
            continue;
        };
        if duckling_ok(t, e, reference, lang) {
            r.pass += 1;
        } else {
            r.fail("value", text, format!("got {} {:?}, want {} – {} grain {} ({})", t.value, t.modifier, e["start"], e["end"], e["grain"], e["function"]));
        }
    }
    r
}

fn norm_time(v: &str) -> String {
    // "T22" ≡ "T22:00"; "XXXX-XX-XXT10" likewise; ":00" seconds dropped; a day's T24:00 is
    // the next day's T00:00 (ISO 8601)
    if let Some((d, "24:00" | "24")) = v.split_once('T') {
        if let Some(day) = Date::parse(d) {
            return format!("{}T00:00", day.add_days(1).iso());
        }
    }
    if let Some(t) = v.rfind('T') {
        let tm = &v[t + 1..];
        if tm.len() == 8 && tm.ends_with(":00") && tm.as_bytes()[2] == b':' {
            return v[..v.len() - 3].to_string();
        }
    }
    if let Some(t) = v.rfind('T') {
        let tm = &v[t + 1..];
        if tm.len() == 2 && tm.chars().all(|c| c.is_ascii_digit()) {
            return format!("{}:00", v);
        }
    }
    v.to_string()
}

fn period_bounds(v: &str) -> Option<(Date, Date)> {
    let b = v.as_bytes();
    if b.len() == 7 && &v[4..6] == "-Q" {
        // a quarter ("2016-Q3": July to September)
        let q: u32 = v[6..].parse().ok()?;
        let d = Date::new(v[..4].parse().ok()?, 3 * q.checked_sub(1)? + 1, 1)?;
        return Some((d, d.add_months(3)));
    }
    if b.len() == 2 && v.chars().all(|c| c.is_ascii_digit()) {
        // a century ("14" = the 15th century, 1400–1499)
        let c: i32 = v.parse().ok()?;
        return Some((Date::new(c * 100, 1, 1)?, Date::new(c * 100 + 100, 1, 1)?));
    }
    if b.len() == 3 && v.chars().all(|c| c.is_ascii_digit()) {
        // a decade ("197" = the 1970s)
        let d: i32 = v.parse().ok()?;
        return Some((Date::new(d * 10, 1, 1)?, Date::new(d * 10 + 10, 1, 1)?));
    }
    if b.len() == 7 && &v[4..6] == "-H" {
        // a half of a year ("2019-H2": July to December)
        let h: u32 = v[6..].parse().ok()?;
        let d = Date::new(v[..4].parse().ok()?, 6 * h.checked_sub(1)? + 1, 1)?;
        return Some((d, d.add_months(6)));
    }
    if b.len() == 7 && b[4] == b'-' {
        let d = Date::new(v[..4].parse().ok()?, v[5..7].parse().ok()?, 1)?;
        return Some((d, d.add_months(1)));
    }
    if b.len() == 4 {
        let d = Date::new(v.parse().ok()?, 1, 1)?;
        return Some((d, Date::new(d.y + 1, 1, 1)?));
    }
    if b.len() == 8 && &v[4..6] == "-W" {
        let y: i32 = v[..4].parse().ok()?;
        let w: i64 = v[6..8].parse().ok()?;
        let jan4 = Date::new(y, 1, 4)?;
        let mon = jan4.add_days(1 - jan4.weekday() as i64).add_days(7 * (w - 1));
        return Some((mon, mon.add_days(7)));
    }
    if b.len() == 11 && v.ends_with("-WE") {
        // a week's weekend: its Saturday and Sunday
        let (mon, _) = period_bounds(&v[..8])?;
        return Some((mon.add_days(5), mon.add_days(7)));
    }
    if b.len() == 10 {
        let d = Date::parse(v)?;
        return Some((d, d.add_days(1)));
    }
    None
}

/// The seconds of a duration, years of 365 days and months of 30.
fn duration_secs(v: &str) -> Option<f64> {
    duration_fields(v).map(|(y, m, s)| 31536000.0 * y + 2592000.0 * m + s)
}

fn recognizers_value_ok(ours: &str, md: Option<&str>, e: &Value, reference: Option<&str>) -> bool {
    let want = e["value"].as_str().unwrap_or("");
    if norm_time(ours) == norm_time(want) {
        return true;
    }
    // a duration of the same length in other calendar units ("3.5years": `P3.5Y` = our `P42M`)
    if want.starts_with('P') && ours.starts_with('P') && same_length(want, ours) {
        return true;
    }
    // a set whose value carries its recurrence (tasks mode: "every Sunday" →
    // `XXXX-WXX-7P1W`, with `intervalSize` 1 and `intervalType` W): TIMEX3 keeps the period
    // out of the value (`XXXX-WXX-7`, in `freq`/`quant`), so ours is the value without it
    if let Some(r) = e["resolutions"].as_array().and_then(|rs| rs.iter().find(|r| r["intervalType"].is_string())) {
        let period = format!("P{}{}", r["intervalSize"].as_str().unwrap_or("1"), r["intervalType"].as_str().unwrap_or(""));
        if let Some(v) = want.strip_suffix(period.as_str()).filter(|v| !v.is_empty()) {
            if norm_time(ours) == norm_time(v) || (v.starts_with('T') && reference.and_then(|rf| rf.get(..10)).is_some_and(|rd| norm_time(ours) == norm_time(&format!("{rd}{v}")))) {
                return true;
            }
        }
    }
    // Recognizers leaves a bare clock time or part of the day unanchored ("T23", "TEV"); we
    // anchor it to the reference day: same value once the reference day is prefixed
    // anchor it to the reference day, or to the next one (the next occurrence of a time of day
    // already past, as a scheduling reading takes it: "noonish" said at 13:00)
    if let (Some(rd), true) = (reference.and_then(|r| r.get(..10)), want.starts_with('T')) {
        let next = Date::parse(rd).map(|d| d.add_days(1).iso());
        if [Some(rd.to_string()), next].into_iter().flatten().any(|d| norm_time(ours) == norm_time(&format!("{d}{want}"))) {
            return true;
        }
    }
    // ... and a season it leaves without its year ("SU"): ours in the reference's year or the
    // next (the season's next occurrence)
    if let (Some(y), true) = (reference.and_then(|r| r.get(..4)).and_then(|y| y.parse::<i32>().ok()), matches!(want, "SP" | "SU" | "FA" | "WI")) {
        if [y, y + 1].iter().any(|y| ours == format!("{y:04}-{want}")) {
            return true;
        }
    }
    // a period written "(start,end,PnX)": TimeML says the duration ("les 3 prochaines
    // semaines" → P3W, anchored at the reference), as in the Duckling rule
    if want.starts_with('(') && ours.starts_with('P') && want.trim_end_matches(')').rsplit(',').next().is_some_and(|w| w == ours || same_length(w, ours)) {
        return true;
    }
    // a duration written in other units ("half year" → P0.5Y): ours as long (P6M)
    if want.starts_with('P') && ours.starts_with('P') && same_length(want, ours) {
        return true;
    }
    let Some(res) = e["resolutions"].as_array() else { return false };
    // a part of a period ("end of March": ours `2018-03` with mod END, the resolution 16 to 31
    // March): the resolution's period lies in ours, at least half of it in the part TIMEX3's
    // mod names (its first, middle or last third), as in the Duckling rule
    if let (Some(m @ ("START" | "MID" | "END")), Some((a, b))) = (md, denote(ours)) {
        let third = (b - a) / 3;
        let part = match m {
            "START" => (a, a + third),
            "MID" => (a + third, b - third),
            _ => (b - third, b),
        };
        let within = |s: i64, en: i64| {
            let inside = (en.min(part.1) - s.max(part.0)).max(0);
            s >= a && en <= b && en > s && 2 * inside >= en - s
        };
        let bound = |r: &Value, keys: [&str; 3]| keys.iter().find_map(|k| r[*k].as_str()).and_then(instant);
        if res.iter().any(|r| {
            matches!(r["Mod"].as_str(), None | Some("start" | "mid" | "end"))
                && matches!((bound(r, ["startDate", "startDateTime", "start"]), bound(r, ["endDate", "endDateTime", "end"])), (Some(s), Some(en)) if within(s, en))
        }) {
            return true;
        }
    }
    for r in res {
        // an open interval ("avant 17h": `Mod` before, its `end`): our value is the bound and
        // our mod says the direction, as in the Duckling rule
        let bound = match r["Mod"].as_str() {
            Some("before" | "until") if matches!(md, Some("BEFORE" | "ON_OR_BEFORE")) => r["end"].as_str(),
            Some("after" | "since") if matches!(md, Some("AFTER" | "ON_OR_AFTER")) => r["start"].as_str(),
            _ => None,
        };
        if let Some(b) = bound {
            let at = |v: &str| denote(v).map(|x| x.0);
            if instant(b).is_some_and(|x| Some(x) == at(ours)) || ours.rfind('T').is_some_and(|p| b.len() == 8 && ours.get(p + 1..) == b.get(..5)) {
                return true;
            }
            // "after" a day or longer period starts where that period ends ("after Feb 2018":
            // `start` 2018-03-01), so such a bound is our period's end
            let whole_days = denote(ours).is_some_and(|(a, z)| z - a >= 1440);
            if r["Mod"] == "after" && whole_days && instant(b).is_some_and(|x| Some(x) == denote(ours).map(|x| x.1)) {
                return true;
            }
        }
        // a date and time of day ("2017-10-14 08:00:00"; the model files name it `value`)
        if let Some(dt) = r["dateTime"].as_str().or(r["value"].as_str().filter(|v| v.as_bytes().get(10) == Some(&b' '))) {
            if ours.len() == 16 && dt.len() >= 16 && ours.get(..10) == dt.get(..10) && ours.get(11..16) == dt.get(11..16) && dt.get(16..).is_none_or(|x| x.is_empty() || x == ":00") {
                return true;
            }
            // ... at the second ("2017-10-14 08:00:31")
            if ours.len() == 19 && dt.len() == 19 && ours.get(..10) == dt.get(..10) && ours.get(11..) == dt.get(11..) {
                return true;
            }
        }
        // a part of the day on the resolution's day ("mardi soir" → XXXX-WXX-2TEV; the model
        // files name the period's start `start`)
        if let Some(sd) = r["startDateTime"].as_str().or(r["start"].as_str()) {
            if let Some((d, pod)) = ours.split_once('T') {
                if pod.len() == 2 && pod.bytes().all(|b| b.is_ascii_uppercase()) && sd.get(..10) == Some(d) && want.ends_with(&format!("T{pod}")) {
                    return true;
                }
            }
        }
        for k in ["date", "timex", "value"] {
            if let Some(v) = r[k].as_str() {
                if norm_time(v) == norm_time(ours) || v.starts_with(ours) && v.len() > ours.len() && v.as_bytes()[ours.len()] == b' ' {
                    return true;
                }
            }
        }
        // a period: `startDate`/`endDate` in the parser files, `start`/`end` in the model files
        if let (Some(s), Some(en)) = (r["startDate"].as_str().or(r["start"].as_str()), r["endDate"].as_str().or(r["end"].as_str())) {
            if let (Some(s), Some(en), Some((a, b))) = (Date::parse(s), Date::parse(en), period_bounds(ours)) {
                if s == a && en == b {
                    return true;
                }
            }
        }
        // a time of day: the parser files' `time`, the model files' `value` of a `time` entity
        // ("12:00:00"), checked alike
        let model_time = r["value"].as_str().filter(|v| r["type"] == "time" && v.len() == 8 && v.as_bytes()[2] == b':');
        if let Some(t) = r["time"].as_str().or(model_time) {
            if let Some(p) = ours.rfind('T') {
                let tm = &ours[p + 1..];
                // at the minute, or at the second when ours has seconds ("19:56:30")
                if (tm.len() == 5 && t.get(..5) == Some(tm)) || (tm.len() == 8 && t == tm) {
                    return true;
                }
            }
        }
        // a duration's seconds: `duration` in the parser files, `value` of a `type` duration
        // in the model files
        let secs = r["duration"].as_str().or(r["value"].as_str().filter(|_| r["type"].as_str() == Some("duration")));
        if let Some(d) = secs.and_then(|d| d.parse::<f64>().ok()) {
            if duration_secs(ours).is_some_and(|x| (x - d).abs() < 0.5) {
                return true;
            }
        }
    }
    false
}

/// A range Recognizers writes `(start,end,duration)` ("4 au 22 cette mois", "de 14h à 16h"):
/// one span in its style, two TIMEX3 in TimeML. It passes when our one span is valued at the
/// range's start and the same text tagged as two expressions (Duckling style, which keeps a
/// range's halves apart but a date and its time together) gives exactly two timexes over
/// that span, the first starting at the range's start and the second at its end.
fn recognizers_range_ok(tagger: &TimexTagger, text: &str, lang: &str, reference: &str, ours: &Timex, end: Option<&Timex>, e: &Value) -> bool {
    if !e["value"].as_str().is_some_and(|v| v.starts_with('(')) {
        return false;
    }
    let Some(res) = e["resolutions"].as_array() else { return false };
    // a clock range's bounds carry no day ("17:00:00"): they are on our value's day, and the
    // end may run past midnight ("22h à 2h")
    let day = ours.value.split_once('T').map(|(d, _)| d);
    let at = |v: &str| -> Option<i64> {
        match (v.len(), day) {
            (8, Some(d)) if v.as_bytes()[2] == b':' => instant(&format!("{d}T{}", &v[..5])),
            _ => instant(v),
        }
    };
    // "now" (PRESENT_REF) is the reference instant, or its day against a date bound
    let r_min = instant(reference);
    let is_now = |v: &str, b: i64| r_min.is_some_and(|m| b == m || (v.len() == 10 && b == m - m.rem_euclid(1440)));
    // (start, end, start may be "now", end may be "now")
    let bounds: Vec<(i64, i64, bool, bool)> = res
        .iter()
        .filter_map(|r| {
            let pair = |a: &str, b: &str| {
                let (va, vb) = (r[a].as_str()?, r[b].as_str()?);
                let (s, e) = (at(va)?, at(vb)?);
                Some((s, if e <= s { e + 1440 } else { e }, is_now(va, s), is_now(vb, e)))
            };
            pair("startDate", "endDate").or_else(|| pair("startDateTime", "endDateTime")).or_else(|| pair("start", "end")).or_else(|| pair("startTime", "endTime"))
        })
        .collect();
    const NOW: i64 = i64::MIN / 4;
    let start = |v: &str| if v == "PRESENT_REF" { Some(NOW) } else { denote(v).map(|x| x.0) };
    let same = |x: i64, b: i64, now_ok: bool| if x == NOW { now_ok } else { x == b };
    // the end bound: where the end starts, or where it finishes (inclusive end; an end told
    // as the END of a period only so: "until the end of June")
    let end_ok = |md: Option<&str>, se: i64, ee: Option<i64>, en: i64, now_ok: bool| match md {
        None => same(se, en, now_ok) || ee == Some(en),
        Some("END") => ee == Some(en),
        _ => false,
    };
    let start_ok = |md: Option<&str>| matches!(md, None | Some("START"));
    // an end past midnight is on the next day
    let wrap = |s: i64, e: i64| if s != NOW && e != NOW && e <= s && e + 1440 > s { e + 1440 } else { e };
    // our own reading of the range's end
    if let (Some(s0), Some(x)) = (start(&ours.value), end) {
        if let Some(se) = start(&x.value) {
            let se = wrap(s0, se);
            let ee = denote(&x.value).map(|v| v.1);
            if start_ok(ours.modifier.as_deref()) && bounds.iter().any(|&(s, en, sn, enn)| same(s0, s, sn) && end_ok(x.modifier.as_deref(), se, ee, en, enn)) {
                return true;
            }
        }
    }
    let parts: Vec<Timex> = tagger.tag_at(text, lang, reference, SpanStyle::WithPrepositions).into_iter().filter(|x| x.span.start < ours.span.end && x.span.end > ours.span.start).collect();
    let [a, b] = &parts[..] else { return false };
    let (Some(s0), Some(sa), Some(sb)) = (start(&ours.value), start(&a.value), start(&b.value)) else { return false };
    let sb = wrap(sa, sb);
    let eb = denote(&b.value).map(|x| x.1);
    matches!(a.modifier.as_deref(), None | Some("START")) && bounds.iter().any(|&(s, en, sn, enn)| same(s0, s, sn) && same(sa, s, sn) && end_ok(b.modifier.as_deref(), sb, eb, en, enn))
}

/// The output options a Recognizers-Text test file was produced with, as its name states
/// (`DateTimeModelSplitDateAndTime.json`: `DateTimeOptions.SplitDateAndTime`;
/// `DateTimeModelTasksMode.json`: `TasksMode`; `DateTimeModelCalendarMode.json`: `CalendarMode`,
/// and `DateTimeModelComplexCalendar.json`, whose options include it;
/// `DateTimeModelExperimentalMode.json`: `ExperimentalMode`; `MergedExtractorSkipFromTo.json`:
/// `SkipFromToMerge`; `DateTimeModelExtendedTypes.json` and `DateTimeModelComplexCalendar.json`:
/// `ExtendedTypes`); none for the others.
fn recognizers_options(file: &str) -> TagOptions {
    let name = file.rsplit('/').next().unwrap_or(file);
    TagOptions { split_date_time: name.contains("SplitDateAndTime"), tasks: name.contains("TasksMode"), calendar: name.contains("CalendarMode") || name.contains("ComplexCalendar"), experimental: name.contains("ExperimentalMode"), skip_from_to: name.contains("SkipFromTo"), extended_types: name.contains("ExtendedTypes") || name.contains("ComplexCalendar") }
}

/// Run the Recognizers-Text cases of `lang` in `path`.
pub fn recognizers(tagger: &TimexTagger, path: &Path, lang: &str) -> SuiteResult {
    let mut r = SuiteResult::default();
    for c in read_cases(path, "recognizers-text", lang) {
        r.total += 1;
        let text = c["text"].as_str().unwrap_or("");
        // extractor cases carry no reference time (only spans are checked): tag them against a
        // fixed one, as Recognizers-Text itself runs against "now", so that expressions which
        // need a year to resolve ("the first friday of july") are still produced
        let reference = c["reference"].as_str().unwrap_or("2016-11-07T00:00:00");
        let file = c["file"].as_str().unwrap_or("").to_string();
        // the time zone files test the zones a text names, not its timexes
        if file.contains("TimeZone") {
            match recognizers_zone_case(tagger, text, lang, &c) {
                Ok(()) => r.pass += 1,
                Err((kind, detail)) => r.fail(&format!("{kind} [{file}]"), text, detail),
            }
            continue;
        }
        let (got, ends): (Vec<Timex>, Vec<Option<Timex>>) = tagger.tag_ranges_with(text, lang, reference, SpanStyle::Bare, recognizers_options(&file)).into_iter().unzip();
        let exp = c["expected"].as_array().cloned().unwrap_or_default();
        let items = model_items(text, &got, &tagger.zones(text, lang), file.contains("ComplexCalendar"));
        let got_texts: Vec<&str> = items.iter().map(|&(a, b, _)| &text[a..b]).collect();
        if let Err((kind, detail)) = same_texts(&got_texts, &exp) {
            r.fail(&format!("{kind} [{file}]"), text, detail);
            continue;
        }
        // a zone item (no timex) answers an expected item without a value
        if let Some(e) = items.iter().zip(&exp).find(|((_, _, k), e)| k.is_none() && !e["value"].is_null()).map(|(_, e)| e) {
            r.fail(&format!("value [{file}]"), text, format!("got a time zone, want {}", e["value"]));
            continue;
        }
        let bad = items.iter().zip(&exp).filter_map(|(&(_, _, k), e)| Some((&got[k?], &ends[k?], e))).find(|(t, end, e)| {
            e["value"].as_str().is_some() && !recognizers_value_ok(&t.value, t.modifier.as_deref(), e, Some(reference)) && !recognizers_range_ok(tagger, text, lang, reference, t, end.as_ref(), e)
        });
        match bad {
            Some((t, end, e)) => {
                let end = end.as_ref().map_or(String::new(), |x| format!(" to {}", x.value));
                r.fail(&format!("value [{file}]"), text, format!("got {}{end}, want {} {}", t.value, e["value"], e["resolutions"]))
            }
            None => r.pass += 1,
        }
    }
    r
}

/// The items a Recognizers-Text model file lists for our timexes `got` and zone mentions
/// `zones`: (byte start, byte end, index in `got`, `None` for a zone item). With the time zone
/// option (`zoned`: DateTimeModelComplexCalendar) a zone named apart from any time is an item
/// of its own ("I'm in the pacific timezone") and a zone after a time stays in its span; without
/// it (the other files) a zone ending a time's span is left out ("between 9 to 10:30 cst" →
/// "between 9 to 10:30").
fn model_items(text: &str, got: &[Timex], zones: &[crate::ZoneMention], zoned: bool) -> Vec<(usize, usize, Option<usize>)> {
    let mut items: Vec<(usize, usize, Option<usize>)> = got.iter().enumerate().map(|(k, t)| (t.span.start, t.span.end, Some(k))).collect();
    if zoned {
        for z in zones {
            if !got.iter().any(|t| t.span.start < z.span.end && z.span.start < t.span.end) {
                items.push((z.span.start, z.span.end, None));
            }
        }
        items.sort_by_key(|&(a, b, _)| (a, b));
    } else {
        for it in &mut items {
            if let Some(z) = zones.iter().find(|z| z.span.end == it.1 && z.span.start > it.0) {
                let kept = text[it.0..z.span.start].trim_end().len();
                if kept > 0 {
                    it.1 = it.0 + kept;
                }
            }
        }
    }
    items
}

/// The Recognizers span check: our texts equal the expected items' texts, in order, ignoring
/// case (a few expected texts carry a stray leading space: " aujourd'hui jusqu'a demain");
/// otherwise the failure kind (missed / false positive / span) and what differs.
fn same_texts(got: &[&str], exp: &[Value]) -> Result<(), (&'static str, String)> {
    let want: Vec<&str> = exp.iter().map(|e| e["text"].as_str().unwrap_or("").trim()).collect();
    if got.len() == want.len() && got.iter().zip(&want).all(|(a, b)| a.eq_ignore_ascii_case(b)) {
        return Ok(());
    }
    let kind = if got.is_empty() {
        "missed"
    } else if exp.is_empty() {
        "false positive"
    } else {
        "span"
    };
    Err((kind, format!("want {want:?}, got {got:?}")))
}

/// A case of the TimeZone files: our zone mentions ([`TimexTagger::zones`]) against the
/// expected items, texts as for timexes, and the offset where the expected
/// `timezone_resolution` gives one (`UtcOffsetMins`, a number or a numeral string; -10000 is
/// the suite's "UTC+XX:XX", an offset it leaves open, not compared).
fn recognizers_zone_case(tagger: &TimexTagger, text: &str, lang: &str, c: &Value) -> Result<(), (&'static str, String)> {
    let got = tagger.zones(text, lang);
    let exp = c["expected"].as_array().cloned().unwrap_or_default();
    let got_texts: Vec<&str> = got.iter().map(|z| &text[z.span.start..z.span.end]).collect();
    same_texts(&got_texts, &exp)?;
    for (z, e) in got.iter().zip(&exp) {
        let res = &e["timezone_resolution"];
        let want = ["UtcOffsetMins", "utcOffsetMins"].iter().find_map(|k| match &res[*k] {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse::<i64>().ok(),
            _ => None,
        });
        if let Some(w) = want.filter(|&w| w != -10000) {
            if z.utc_offset_minutes.map(i64::from) != Some(w) {
                return Err(("value", format!("got offset {:?}, want {w} ({})", z.utc_offset_minutes, &text[z.span.start..z.span.end])));
            }
        }
    }
    Ok(())
}

/// The `../shared` directory next to the repository.
pub fn shared_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}
