//! Slots → TIMEX3 value, against a reference date (language-neutral).

use crate::calendar::{chinese_new_year, easter, hebrew, hijri_in_year, hindu_lunar_day, nakshatra_day, orthodox_easter, sankranti_day, shahenshahi_in_year, Date};
use crate::lang::{slot_id, Lang, Slots, NONE};
use dyade_core::TimexType;

/// Sentence tense, as far as the language pack's markers tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Past markers dominate.
    Past,
    /// No evidence.
    Unknown,
    /// Future markers dominate.
    Future,
}

/// Resolution context.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// Document creation time (reference), when known.
    pub dct: Option<Date>,
    /// The last fully specified day mentioned before the expression.
    pub last: Option<Date>,
    /// Tense of the sentence.
    pub tense: Tense,
    /// Time of day of the reference (minutes), when known.
    pub now: Option<u32>,
    /// Scheduling context: the next occurrence of underspecified expressions.
    pub forward: bool,
    /// UTC offset of the reference (minutes), when known.
    pub offset: Option<i32>,
    /// The weeks of a month are the Monday–Sunday weeks with at least two of their days in it
    /// (Recognizers-Text: "the first week of Jan 2015" starts on 29 December); otherwise the
    /// full weeks inside it (Duckling, TimeML: 5 January).
    pub calendar_weeks: bool,
}

/// A resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// TIMEX3 type.
    pub ttype: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 mod.
    pub modifier: Option<String>,
    /// The day it denotes, when it denotes one day (for anchoring later expressions).
    pub day: Option<Date>,
    /// True when the value needed the reference date (relative or underspecified expression).
    pub relative: bool,
}

/// Fixed slot ids, looked up once.
pub struct Ids {
    pub(crate) ty: usize,
    pub(crate) rf: usize,
    pub(crate) md: usize,
    pub(crate) year: usize,
    pub(crate) yy: usize,
    pub(crate) month: usize,
    pub(crate) day: usize,
    pub(crate) weekday: usize,
    pub(crate) season: usize,
    pub(crate) quarter: usize,
    pub(crate) half: usize,
    pub(crate) weekend: usize,
    pub(crate) pod: usize,
    pub(crate) hour: usize,
    pub(crate) minute: usize,
    /// seconds of a clock time ("19:56:30")
    pub(crate) second: usize,
    pub(crate) n: usize,
    pub(crate) frac: usize,
    pub(crate) unit: usize,
    pub(crate) shift: usize,
    pub(crate) sign: usize,
    pub(crate) dir: usize,
    pub(crate) anchor: usize,
    pub(crate) century: usize,
    pub(crate) decade: usize,
    pub(crate) easter: usize,
    pub(crate) pm: usize,
    pub(crate) drop: usize,
    pub(crate) n2: usize,
    pub(crate) minus: usize,
    pub(crate) half_hour: usize,
    pub(crate) mult: usize,
    pub(crate) lead: usize,
    pub(crate) nth: usize,
    pub(crate) ordinal: usize,
    pub(crate) sub: usize,
    pub(crate) keep: usize,
    pub(crate) endp: usize,
    /// composition operator of a composite expression (`comp=nth`, `comp=shift`)
    pub(crate) comp: usize,
    /// index of a composite's anchor part while matching
    pub(crate) base: usize,
    pub(crate) sched: usize,
    /// a 24-hour clock notation ("3h18" is 03:18, never 15:18)
    pub(crate) h24: usize,
    /// UTC offset of a clock time's time zone, minutes ("GMT" 0, "PST" -480)
    pub(crate) tz: usize,
    /// calendar of the month/day or Easter offset: `OR` (Orthodox Easter), `IS` (Islamic)
    pub(crate) cal: usize,
    /// A year in words: its hundreds ("nineteen seventy eight" = 19 × 100 + `yy` 78)
    pub(crate) yearword: usize,
    /// An offset in months added to the day the other slots name ("3 months after Easter")
    pub(crate) offm: usize,
    /// An offset in days added to the day the other slots name ("two days before yesterday")
    pub(crate) offd: usize,
    /// An elliptic item of a coordinated list ("18th" in "July 17th, 18th"): kept only when
    /// the list step completes it from a neighbour
    pub(crate) ell: usize,
    /// `roll=1`: in scheduling inputs, the start of the current period once its first third
    /// is over means the next period's (Duckling fr's "début du mois" late in the month)
    pub(crate) roll: usize,
    /// Observance of a fixed-date holiday that falls on given weekdays: moves of `Sa-1Su+1`
    /// form (Saturday to the Friday before, Sunday to the Monday after)
    pub(crate) obs: usize,
    /// A named period that lasts (a multi-day holiday): its length in days, from the day the
    /// other slots name ("Hanukkah": 8); the end is resolved apart (`TimexTagger::tag_ranges_at`)
    pub(crate) len: usize,
    /// ... or in months of its own calendar: it ends the day before the same day `lenm`
    /// months on ("Ramadan": 1 Ramadan to the eve of 1 Shawwal)
    pub(crate) lenm: usize,
    /// `era=BC`: a year before the Christian era ("2014 BC" → TIMEX3 `BC2014`); `FY` / `SY`: a
    /// fiscal / school year ("fiscal year 2008" → `FY2008`)
    pub(crate) era: usize,
    /// `rest=1`: the rest of the period the match names ("the rest of the week"), read as a
    /// range from now to the period's last day (see [`rest_of`])
    pub(crate) rest: usize,
    /// A duration's calendar part in months, beside its clock part in `n`/`unit` ("1 year 1
    /// month 21 days" → `durm=13`, 21 D → P1Y1M21D)
    pub(crate) durm: usize,
}

impl Ids {
    /// Look up the slot ids.
    pub fn new() -> Ids {
        let s = |n| slot_id(n).expect("slot");
        Ids {
            ty: s("type"),
            rf: s("ref"),
            md: s("mod"),
            year: s("year"),
            yy: s("yy"),
            month: s("month"),
            day: s("day"),
            weekday: s("weekday"),
            season: s("season"),
            quarter: s("quarter"),
            half: s("half"),
            weekend: s("weekend"),
            pod: s("pod"),
            hour: s("hour"),
            minute: s("minute"),
            n: s("n"),
            frac: s("frac"),
            unit: s("unit"),
            shift: s("shift"),
            sign: s("sign"),
            dir: s("dir"),
            anchor: s("anchor"),
            century: s("century"),
            decade: s("decade"),
            easter: s("easter"),
            pm: s("pm"),
            drop: s("drop"),
            n2: s("n2"),
            second: s("second"),
            minus: s("minus"),
            half_hour: s("half_hour"),
            mult: s("mult"),
            lead: s("lead"),
            nth: s("nth"),
            ordinal: s("ordinal"),
            sub: s("sub"),
            keep: s("keep"),
            endp: s("endp"),
            comp: s("comp"),
            base: s("base"),
            sched: s("sched"),
            h24: s("h24"),
            tz: s("tz"),
            cal: s("cal"),
            yearword: s("yearword"),
            offm: s("offm"),
            offd: s("offd"),
            ell: s("ell"),
            roll: s("roll"),
            obs: s("obs"),
            len: s("len"),
            lenm: s("lenm"),
            era: s("era"),
            rest: s("rest"),
            durm: s("durm"),
        }
    }
}

impl Default for Ids {
    fn default() -> Self {
        Self::new()
    }
}

fn season_months(s: &str) -> (u32, u32) {
    match s {
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        _ => (12, 2),
    }
}

/// Pick the year for a (month, day): the nearest occurrence to the reference, unless the
/// tense (or an explicit "dernier"/"prochain") points the other way: the past by more than two
/// months (news often reports in the past tense what is scheduled for the coming weeks), the
/// future by more than a month ("le festival débutera le 2 juin" told in July: next June).
fn pick_year(dct: Date, m: u32, d: Option<u32>, dir: Option<&str>, tense: Tense) -> i32 {
    let mid = |y: i32| match d {
        Some(d) => Date::new(y, m, d).unwrap_or(Date { y, m, d: 1 }).days(),
        None => Date { y, m, d: 15 }.days(),
    };
    let r = dct.days();
    let cands = [dct.y - 1, dct.y, dct.y + 1];
    let near = *cands.iter().min_by_key(|&&y| (mid(y) - r).abs()).unwrap();
    let slack = if d.is_some() { 0 } else { 16 };
    match dir {
        Some("this") => return dct.y,
        Some("past") => return *cands.iter().rev().find(|&&y| mid(y) <= r + slack).unwrap_or(&near),
        Some("future") => return *cands.iter().find(|&&y| mid(y) >= r - slack).unwrap_or(&near),
        _ => {}
    }
    let delta = mid(near) - r;
    match tense {
        Tense::Past if delta > 60 => near - 1,
        Tense::Future if delta < -30 => near + 1,
        _ => near,
    }
}

fn unit_str(u: &str) -> (&'static str, bool) {
    match u {
        "Y" => ("Y", false),
        "M" => ("M", false),
        "W" => ("W", false),
        "D" => ("D", false),
        "DE" => ("DE", false),
        "CE" => ("CE", false),
        "Q" => ("Q", false),
        "H" => ("H", true),
        "MIN" => ("M", true),
        "S" => ("S", true),
        "WE" => ("WE", false),
        "BD" => ("BD", false),
        // a weekday (Monday to Friday) as a recurrence's step ("every weekday": P1WD)
        "WD" => ("WD", false),
        _ => ("X", false),
    }
}

/// A day, week or weekday counted inside a month (`ordinal` = 1, 2…, -1 for the last; 0 =
/// the week containing the day): "le 3e jour d'octobre", "la dernière semaine de septembre",
/// "le premier mercredi du mois prochain", "la semaine du 6 octobre", or a week, month or
/// quarter inside a year ("la troisième semaine de 2027", ISO weeks). `sub` is `D`, `W`,
/// `WD` (the match's weekday) or `WE` (a weekend, counted by its Friday); inside a year, `W`
/// (ISO weeks), `M` or `Q`. Weeks are the full Monday–Sunday weeks inside the month.
fn counted(lang: &Lang, ids: &Ids, sl: &Slots, ctx: &Ctx, pos: i32, sub: &str) -> Option<Resolved> {
    let mut inner = *sl;
    inner[ids.ordinal] = NONE;
    inner[ids.sub] = NONE;
    inner[ids.sign] = NONE;
    if sub == "WD" {
        inner[ids.weekday] = NONE;
    }
    let r = resolve(lang, ids, &inner, ctx)?;
    let v = r.value.as_str();
    let done = |d: Date, week: bool| {
        let value = if week {
            let (y, w) = d.iso_week();
            format!("{y:04}-W{w:02}")
        } else {
            d.iso()
        };
        Some(Resolved { ttype: TimexType::DATE, value, modifier: r.modifier.clone(), day: (!week).then_some(d), relative: r.relative })
    };
    if pos == 0 {
        // the week containing a day; a week named by a Sunday is the one that Sunday begins
        // (weeks are named by their first day: "the week of October 6th", a Sunday, is 7–13)
        let d = Date::parse(v).filter(|_| v.len() == 10)?;
        let d = if sub == "W" && d.weekday() == 7 { d.add_days(1) } else { d };
        return done(d, sub == "W");
    }
    // inside a year ("the third week of 2027" = ISO week 3, "the 9th month of next year",
    // "the third quarter this year"; -1 = the last)
    if v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()) && matches!(sub, "W" | "M" | "Q") {
        let y: i32 = v.parse().ok()?;
        let k = pos;
        let value = match sub {
            "W" => {
                let n = Date::new(y, 12, 28)?.iso_week().1 as i32;
                let w = if k > 0 { k } else { n + k + 1 };
                (1..=n).contains(&w).then(|| format!("{y:04}-W{w:02}"))?
            }
            "M" => {
                let m = if k > 0 { k } else { 13 + k };
                (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}"))?
            }
            "Q" => {
                let q = if k > 0 { k } else { 5 + k };
                (1..=4).contains(&q).then(|| format!("{y:04}-Q{q}"))?
            }
            _ => return None,
        };
        return Some(Resolved { ttype: TimexType::DATE, value, modifier: r.modifier.clone(), day: None, relative: r.relative });
    }
    // the month ("2013-10") or the year ("2018")
    let (first, last) = if v.len() == 7 && v.as_bytes()[4] == b'-' {
        let first = Date::new(v[..4].parse().ok()?, v[5..].parse().ok()?, 1)?;
        (first, first.add_months(1).add_days(-1))
    } else if v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()) {
        let y = v.parse().ok()?;
        (Date::new(y, 1, 1)?, Date::new(y, 12, 31)?)
    } else {
        return None;
    };
    let k = pos as i64;
    match sub {
        "D" if k > 0 => done(first.add_days(k - 1), false).filter(|x| x.day.is_some_and(|d| d <= last)),
        "D" => done(last.add_days(k + 1), false),
        "W" => {
            // (the days a week must hold: all seven, or two with calendar weeks)
            let (first_in, last_in) = if ctx.calendar_weeks { (first.add_days(1), last.add_days(-1)) } else { (first.add_days(6), last.add_days(-6)) };
            let monday = |x: Date| x.add_days(1 - x.weekday() as i64);
            let (mon, last_mon) = if ctx.calendar_weeks { (monday(first_in), monday(last_in)) } else {
                (first.add_days((8 - first.weekday() as i64) % 7), last.add_days(-6).add_days(-((last.add_days(-6).weekday() as i64 + 6) % 7)))
            };
            let d = if k > 0 { mon.add_days(7 * (k - 1)) } else { last_mon.add_days(7 * (k + 1)) };
            (d.add_days(6) >= first_in && d <= last_in).then_some(())?;
            done(d, true)
        }
        "WD" | "WE" => {
            // a weekend counts by its Friday evening (Duckling's and TIMEX3's `-WE` start)
            let w = if sub == "WE" { 5 } else { get_weekday(sl, ids)? };
            let d = if k > 0 {
                first.add_days((w as i64 - first.weekday() as i64).rem_euclid(7) + 7 * (k - 1))
            } else {
                last.add_days(-(last.weekday() as i64 - w as i64).rem_euclid(7) + 7 * (k + 1))
            };
            (d >= first && d <= last).then_some(())?;
            if sub == "WE" {
                let (y, wk) = d.iso_week();
                return Some(Resolved { ttype: TimexType::DATE, value: format!("{y:04}-W{wk:02}-WE"), modifier: r.modifier.clone(), day: None, relative: r.relative });
            }
            done(d, false)
        }
        _ => None,
    }
}

/// The day a holiday on `d` is observed, by its `obs` moves ("Sa-1Su+1": a Saturday moves to
/// the Friday before, a Sunday to the Monday after; weekdays `Mo Tu We Th Fr Sa Su`).
fn observed(d: Date, obs: Option<&str>) -> Date {
    let Some(o) = obs else { return d };
    // `E-1-7`: the day Easter+k (here Holy Saturday, k = -1) moves by n days (Earth Hour, the
    // last Saturday of March, is held a week earlier when that is Holy Saturday)
    if let Some(e) = o.strip_prefix('E') {
        let split = e.char_indices().skip(1).find(|&(_, c)| c == '+' || c == '-').map(|(i, _)| i);
        if let Some((k, n)) = split.and_then(|i| Some((e[..i].parse::<i64>().ok()?, e[i..].parse::<i64>().ok()?))) {
            return if d == easter(d.y).add_days(k) { d.add_days(n) } else { d };
        }
    }
    let code = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][d.weekday() as usize - 1];
    let Some(at) = o.find(code) else { return d };
    let rest = &o[at + 2..];
    let end = rest.char_indices().skip(1).find(|&(_, c)| !c.is_ascii_digit()).map_or(rest.len(), |(i, _)| i);
    rest[..end].parse::<i64>().map_or(d, |k| d.add_days(k))
}

fn get_weekday(sl: &Slots, ids: &Ids) -> Option<i32> {
    (sl[ids.weekday] != NONE).then_some(sl[ids.weekday])
}

/// Resolve the slots of one match.
pub fn resolve(lang: &Lang, ids: &Ids, sl: &Slots, ctx: &Ctx) -> Option<Resolved> {
    let get = |i: usize| (sl[i] != NONE).then_some(sl[i]);
    let gs = |i: usize| get(i).and_then(|v| lang.str_of(v));
    if get(ids.drop).is_some() {
        return None;
    }
    // a year before the Christian era: TIMEX3 prefixes it with "BC" ("2014 BC" → BC2014); a
    // fiscal or school year likewise with "FY" / "SY" ("fiscal year 2008" → FY2008)
    if let Some(era) = gs(ids.era) {
        let mut inner = *sl;
        inner[ids.era] = NONE;
        // a fiscal or school year told without its year ("in fiscal year"): unspecified
        let told = [ids.year, ids.yy, ids.shift, ids.yearword].iter().any(|&k| sl[k] != NONE);
        if !told && era != "BC" {
            return Some(Resolved { ttype: TimexType::DATE, value: format!("{era}XXXX"), modifier: None, day: None, relative: false });
        }
        let r = resolve(lang, ids, &inner, ctx)?;
        let year = r.value.len() == 4 && r.value.bytes().all(|b| b.is_ascii_digit());
        return year.then(|| Resolved { ttype: TimexType::DATE, value: format!("{era}{}", r.value), modifier: r.modifier, day: None, relative: r.relative && era != "BC" });
    }
    // a day counted from another ("three weeks from tomorrow", "2 years 1 month 21 days ago")
    if get(ids.offm).is_some() || get(ids.offd).is_some() {
        let mut inner = *sl;
        inner[ids.offm] = NONE;
        inner[ids.offd] = NONE;
        let r = resolve(lang, ids, &inner, ctx)?;
        let d = r.day?.add_months(get(ids.offm).unwrap_or(0) as i64).add_days(get(ids.offd).unwrap_or(0) as i64);
        // (an instant counted from now keeps its clock time: "1 month 2 days 2 hours ago")
        let time = r.value.get(10..).filter(|t| t.starts_with('T') && r.value.len() > 10).unwrap_or("");
        let ttype = if time.is_empty() { TimexType::DATE } else { r.ttype };
        return Some(Resolved { ttype, value: format!("{}{time}", d.iso()), modifier: r.modifier, day: Some(d), relative: r.relative });
    }
    // a fixed-date holiday observed on another day when it falls on given weekdays ("King's
    // Day": 27 April, or the 26th when the 27th is a Sunday)
    if let (Some(o), None) = (gs(ids.obs), gs(ids.cal)) {
        let mut inner = *sl;
        inner[ids.obs] = NONE;
        let r = resolve(lang, ids, &inner, ctx)?;
        let d = observed(r.day?, Some(o));
        // a clock time told with the day stays with it ("earth hour": 20:30)
        let time = r.value.get(10..).filter(|t| t.starts_with('T')).unwrap_or("");
        return Some(Resolved { ttype: r.ttype, value: format!("{}{time}", d.iso()), modifier: r.modifier, day: Some(d), relative: r.relative });
    }
    // a named period on a day counted inside a month, at the 24-hour clock time the lexicon
    // gives it ("earth hour": the last Saturday of March at 20:30, for an hour)
    if let (Some(_), Some(_), Some(h), Some(_)) = (get(ids.ordinal), gs(ids.sub), get(ids.hour), get(ids.len)) {
        let mut inner = *sl;
        inner[ids.hour] = NONE;
        inner[ids.minute] = NONE;
        let r = resolve(lang, ids, &inner, ctx)?;
        let d = r.day?;
        let mi = get(ids.minute).unwrap_or(0);
        return Some(Resolved { ttype: TimexType::TIME, value: format!("{}T{h:02}:{mi:02}", d.iso()), modifier: r.modifier, day: Some(d), relative: r.relative });
    }
    // a part of the day of a day counted inside a month ("the first Monday evening of next
    // month"): that day's
    // ... or its clock time ("first Monday 1pm to 3pm of next month"): the day, then the
    // time told on it
    let timed = get(ids.pod).is_some() || get(ids.hour).is_some();
    if let (Some(_), Some("D" | "WD"), true, None) = (get(ids.ordinal), gs(ids.sub), timed, get(ids.len)) {
        let mut inner = *sl;
        for k in [ids.pod, ids.hour, ids.minute, ids.second, ids.pm] {
            inner[k] = NONE;
        }
        let r = resolve(lang, ids, &inner, ctx)?;
        let d = r.day.filter(|_| r.value.len() == 10)?;
        let mut on_day = [NONE; crate::lang::NSLOTS];
        for k in [ids.pod, ids.hour, ids.minute, ids.second, ids.pm, ids.md] {
            on_day[k] = sl[k];
        }
        on_day[ids.year] = d.y;
        on_day[ids.month] = d.m as i32;
        on_day[ids.day] = d.d as i32;
        let t = resolve(lang, ids, &on_day, ctx)?;
        return Some(Resolved { day: Some(d), relative: r.relative, ..t });
    }
    if let (Some(pos), Some(sub)) = (get(ids.ordinal), gs(ids.sub)) {
        // "the third last week": counted from the end
        let pos = if get(ids.sign) == Some(-1) { -pos } else { pos };
        return counted(lang, ids, sl, ctx, pos, sub);
    }
    // "le lendemain du 13 février": the day counted from the date it names
    if let (Some("last"), Some(k), Some("D"), true) = (gs(ids.anchor), get(ids.shift), gs(ids.unit), get(ids.day).is_some() && get(ids.month).is_some()) {
        let mut inner = *sl;
        for i in [ids.anchor, ids.shift, ids.unit] {
            inner[i] = NONE;
        }
        let r = resolve(lang, ids, &inner, ctx)?;
        let d = r.day?.add_days(k as i64);
        return Some(Resolved { ttype: TimexType::DATE, value: d.iso(), modifier: r.modifier, day: Some(d), relative: r.relative });
    }
    let modifier = gs(ids.md).map(String::from);
    // a day of another calendar ("Eid al-Fitr 2018", "orthodox easter"): its Gregorian day in
    // the year given, else the next (scheduling) or nearest occurrence
    if let Some(cal @ ("IS" | "OR" | "HE" | "CN" | "SO" | "HI" | "ZO" | "NK")) = gs(ids.cal) {
        let obs = gs(ids.obs);
        let on = |y: i32| match cal {
            "OR" => Some(orthodox_easter(y).add_days(get(ids.easter).unwrap_or(0) as i64)),
            // Hebrew days begin at sunset: a feast is given as the civil day on whose evening
            // it begins (Yom Kippur, 10 Tishri 5779 = 19 September 2018 → 18 September),
            // after its observance moves ("Sa+1": Tisha b'Av from a Saturday to the Sunday)
            "HE" => {
                let (m, d) = (get(ids.month)? as u32, get(ids.day)? as u32);
                let hy = (y + 3759..y + 3763).find(|&h| observed(hebrew(h, m, d), obs).add_days(-1).y == y)?;
                Some(observed(hebrew(hy, m, d), obs).add_days(-1))
            }
            // the Parsi (Zoroastrian Shahenshahi) calendar
            "ZO" => shahenshahi_in_year(y, get(ids.month)? as u32, get(ids.day)? as u32),
            // Hindu lunar months: the day a lunar day prevails at the festival's hour (`obs`,
            // IST; sunrise by default)
            "HI" => hindu_lunar_day(y, get(ids.month)? as u32, get(ids.day)? as u32, get(ids.obs).filter(|&h| (0..=24).contains(&h)).unwrap_or(6) as f64),
            // Indian sidereal solar months: days counted from the month's first (0 = its eve)
            // (`obs=BN`: Bengali months, begun the day after the Sun's transit)
            "SO" => sankranti_day(y, get(ids.month)? as u32, gs(ids.obs) == Some("BN")).map(|d| d.add_days(get(ids.day).unwrap_or(1) as i64 - 1)),
            // a lunar mansion's day in a sidereal solar month (`day` = the mansion, 1–27)
            "NK" => nakshatra_day(y, get(ids.month)? as u32, get(ids.day)? as u32, get(ids.obs).filter(|&h| (0..=24).contains(&h)).unwrap_or(6) as f64),
            // the Chinese lunar calendar: days of its first month, counted from the new year
            "CN" => (get(ids.month) == Some(1)).then(|| chinese_new_year(y).add_days(get(ids.day).unwrap_or(1) as i64 - 1)),
            // with a weekday: the last one before that day ("Jumu'atul-Wida", the last Friday
            // of Ramadan: the Friday before 1 Shawwal)
            _ => hijri_in_year(y, get(ids.month)? as u32, get(ids.day)? as u32).map(|d| match get(ids.weekday) {
                Some(w) => d.add_days(-((d.weekday() as i64 - w as i64 - 1).rem_euclid(7) + 1)),
                None => d,
            }),
        };
        // a year in digits or in words ("two thousand eighteen"), or shifted from the
        // reference's ("diwali in five years")
        let shifted = (gs(ids.unit) == Some("Y")).then(|| Some(ctx.dct?.y + get(ids.shift)?)).flatten();
        let year = get(ids.year).or_else(|| Some(get(ids.yearword)? * 100 + get(ids.yy).unwrap_or(0))).or(shifted);
        let d = match year {
            Some(y) => on(y)?,
            None => {
                let a = ctx.dct?;
                let mut c: Vec<Date> = (a.y - 1..=a.y + 1).filter_map(on).collect();
                // "last Chinese New Year": the latest before the reference; "next": the coming one
                let past = gs(ids.dir) == Some("past");
                let future = ctx.forward || gs(ids.dir) == Some("future");
                c.sort_by_key(|d| match (past, future) {
                    (true, _) if *d < a => a.days() - d.days(),
                    (true, _) => i64::MAX,
                    (_, true) if *d >= a => d.days() - a.days(),
                    (_, true) => i64::MAX,
                    _ => (d.days() - a.days()).abs(),
                });
                *c.first()?
            }
        };
        return Some(Resolved { ttype: TimexType::DATE, value: d.iso(), modifier, day: Some(d), relative: year.is_none() });
    }
    let ty = gs(ids.ty);
    let mk = |ttype, value: String, day, relative| Some(Resolved { ttype, value, modifier: modifier.clone(), day, relative });
    let ttype_of = |default: TimexType| match ty {
        Some("DATE") => TimexType::DATE,
        Some("TIME") => TimexType::TIME,
        Some("DURATION") => TimexType::DURATION,
        Some("SET") => TimexType::SET,
        _ => default,
    };
    if let Some(r) = gs(ids.rf) {
        return mk(ttype_of(TimexType::DATE), r.to_string(), None, false);
    }
    // numbers: n (+ fraction, + n2 for "vingt-cinq" style sums, × mult)
    let num = get(ids.n).map(|n| {
        let mut n = n as f64;
        if let Some(m) = get(ids.mult) {
            n *= m as f64;
        }
        if let Some(n2) = get(ids.n2) {
            n += n2 as f64;
        }
        if let Some(f) = get(ids.frac) {
            let fs = f.to_string();
            n += f as f64 / 10f64.powi(fs.len() as i32);
        }
        if get(ids.half_hour).is_some() {
            n += 0.5;
        }
        n
    });
    let fmt_num = |n: f64| {
        if n.fract() == 0.0 {
            format!("{}", n as i64)
        } else {
            let s = format!("{:.3}", n);
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    let unit = gs(ids.unit);
    match ty {
        Some("DURATION") => {
            let (u, t) = unit_str(unit.unwrap_or("X"));
            let mut n = num.map(fmt_num).unwrap_or_else(|| "X".into());
            let mut u = u.to_string();
            // fractional units are rewritten in the next smaller unit ("1.5H" → "90M"); years
            // keep their fraction ("P3.5Y": ISO 8601 allows it in the last component, and a
            // month is no twelfth of a year)
            if n.contains('.') {
                if let Some(v) = num {
                    let (nu, f) = match u.as_str() {
                        "H" if t => ("M", 60.0),
                        "D" => ("H", 24.0),
                        "M" if t => ("S", 60.0),
                        _ => ("", 0.0),
                    };
                    if f > 0.0 && (v * f).fract() == 0.0 {
                        n = fmt_num(v * f);
                        let t2 = t || nu == "H";
                        return mk(TimexType::DURATION, format!("P{}{}{}", if t2 { "T" } else { "" }, n, nu), None, false);
                    }
                }
            }
            // a calendar part beside the clock part ("1 year 1 month 21 days" → P1Y1M21D; ISO
            // 8601 writes each unit apart, years before months)
            if let (Some(cm), false) = (get(ids.durm), n.contains('.')) {
                let mut v = String::from("P");
                if cm >= 12 {
                    v.push_str(&format!("{}Y", cm / 12));
                }
                if cm % 12 != 0 {
                    v.push_str(&format!("{}M", cm % 12));
                }
                v.push_str(&format!("{}{}{}", if t { "T" } else { "" }, n, u));
                return mk(TimexType::DURATION, v, None, false);
            }
            // quarters are written in months, as ISO 8601 has no quarter unit ("2 quarters" → P6M)
            if let (true, Some(v)) = (u == "Q", num.filter(|v| v.fract() == 0.0)) {
                n = fmt_num(3.0 * v);
                u = "M".into();
            }
            return mk(TimexType::DURATION, format!("P{}{}{}", if t { "T" } else { "" }, n, u), None, false);
        }
        Some("SET") => {
            // a clock time on a recurring day or every day ("9 heures chaque dimanche" →
            // XXXX-WXX-7T09, "3pm each day" → T15)
            let pod = gs(ids.pod);
            let clock = get(ids.hour).filter(|h| (0..=24).contains(h)).map(|h| {
                // "chaque nuit à 9" is 21:00, as for single times (below)
                let late = matches!(pod, Some("EV") | Some("AF") | Some("NI")) && !(pod == Some("NI") && h < 6);
                let h = if (get(ids.pm).is_some() || late) && h < 12 { h + 12 } else { h };
                match get(ids.minute) {
                    Some(m) if m > 0 => format!("T{h:02}:{m:02}"),
                    _ => format!("T{h:02}"),
                }
            });
            if let Some(w) = get(ids.weekday) {
                let mut v = format!("XXXX-WXX-{w}");
                if let Some(c) = &clock {
                    v.push_str(c);
                } else if let Some(p) = gs(ids.pod) {
                    v.push_str(&format!("T{p}"));
                }
                return mk(TimexType::SET, v, None, false);
            }
            // a yearly date ("chaque 15 avril" → XXXX-04-15) or a day of every month ("the
            // 19th of every month" → XXXX-XX-19)
            let yearly = match (get(ids.month), get(ids.year)) {
                (Some(mo), None) => Some(match get(ids.day) {
                    Some(d) => format!("XXXX-{mo:02}-{d:02}"),
                    None => format!("XXXX-{mo:02}"),
                }),
                _ => None,
            };
            let monthly = match (get(ids.day), get(ids.month), unit) {
                (Some(d), None, None | Some("M")) => Some(format!("XXXX-XX-{d:02}")),
                _ => None,
            };
            if let Some(mut v) = yearly.or(monthly) {
                if let Some(c) = &clock {
                    v.push_str(c);
                }
                return mk(TimexType::SET, v, None, false);
            }
            if let (Some(c), None | Some("D")) = (clock, unit) {
                return mk(TimexType::SET, c, None, false);
            }
            // a part of every day ("every morning" → TMO)
            if let (Some(p), None | Some("D"), None) = (gs(ids.pod), unit, num) {
                return mk(TimexType::SET, format!("T{p}"), None, false);
            }
            let (mut u, t) = unit_str(unit.unwrap_or("D"));
            let mut n = num.map(fmt_num).unwrap_or_else(|| "1".into());
            // every quarter: every three months (ISO 8601 has no quarter unit)
            if u == "Q" {
                n = fmt_num(3.0 * num.unwrap_or(1.0));
                u = "M";
            }
            return mk(TimexType::SET, format!("P{}{}{}", if t { "T" } else { "" }, n, u), None, false);
        }
        _ => {}
    }
    // scheduling: bare names mean the coming one ("ce/cet" + month or season: this year's)
    let dir = match gs(ids.dir) {
        None if ctx.forward => Some("future"),
        d => d,
    };
    let use_last = gs(ids.anchor) == Some("last");
    let anchor = if use_last { ctx.last.or(ctx.dct) } else { ctx.dct };
    let mut relative = false;
    let mut day: Option<Date> = None;
    // the date part
    let mut date: Option<String> = None;
    // "dans un an et demi": a count of years with a fraction shifts by months
    let (unit, num) = match (unit, num) {
        (Some("Y"), Some(v)) if get(ids.sign).is_some() && v.fract() != 0.0 && (v * 12.0).fract() == 0.0 => (Some("M"), Some(v * 12.0)),
        other => other,
    };
    let shift = get(ids.shift).or_else(|| Some(get(ids.sign)? * num? as i32));
    let explicit = get(ids.month).is_some() || get(ids.year).is_some();
    if let (Some(u), true, false) = (unit, get(ids.shift).is_some() || get(ids.sign).is_some(), explicit) {
        relative = true;
        let Some(k) = shift else {
            let s = get(ids.sign).unwrap_or(-1);
            return mk(ttype_of(TimexType::DATE), if s < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(), None, true);
        };
        let Some(a) = anchor else {
            let v = match k.signum() {
                -1 => "PAST_REF",
                1 => "FUTURE_REF",
                _ => "PRESENT_REF",
            };
            return mk(ttype_of(TimexType::DATE), v.into(), None, true);
        };
        let mut k = k as i64;
        // scheduling: the start of this month once its first third is over means next month's
        if ctx.forward && k == 0 && u == "M" && modifier.as_deref() == Some("START") && a.d > 10 && get(ids.roll).is_some() {
            k = 1;
        }
        // ("2 weeks later" with no day told before: from now)
        let from_now = !use_last || ctx.last.is_none();
        if ctx.forward && get(ids.sign).is_some() && from_now && get(ids.weekday).is_none() {
            // scheduling: "dans une semaine" is the day a week from now
            match u {
                "W" => {
                    let d = a.add_days(7 * k);
                    return mk(ttype_of(TimexType::DATE), d.iso(), Some(d), true);
                }
                "M" => {
                    let d = a.add_months(k);
                    return mk(ttype_of(TimexType::DATE), d.iso(), Some(d), true);
                }
                // counted from a day ("3 years from today", `anchor=day`): that day of the year
                "Y" if get(ids.hour).is_none() && gs(ids.anchor) == Some("day") => {
                    let d = a.add_months(12 * k);
                    return mk(ttype_of(TimexType::DATE), d.iso(), Some(d), true);
                }
                "Y" if get(ids.hour).is_none() => {
                    let d = a.add_months(12 * k);
                    return mk(ttype_of(TimexType::DATE), format!("{:04}-{:02}", d.y, d.m), None, true);
                }
                "Y" => {
                    // a clock time in that month: its first occurrence ("at 7 in 3 years")
                    let d = a.add_months(12 * k);
                    let d = Date { y: d.y, m: d.m, d: 1 };
                    day = Some(d);
                    date = Some(d.iso());
                }
                _ => {}
            }
        }
        let shifted = date.take();
        date = shifted.or(Some(match u {
            "D" => {
                let d = a.add_days(k);
                day = Some(d);
                d.iso()
            }
            // business days skip Saturdays and Sundays ("in four business days")
            "BD" => {
                let mut d = a;
                let mut left = k.abs();
                while left > 0 {
                    d = d.add_days(k.signum());
                    if d.weekday() <= 5 {
                        left -= 1;
                    }
                }
                day = Some(d);
                d.iso()
            }
            "W" => {
                let (y, w) = a.add_days(7 * k).iso_week();
                format!("{y:04}-W{w:02}")
            }
            "WE" => {
                // "ce week-end" told in the past early in the week (Monday to Thursday) is the
                // one just gone ("se sont rendus ce week-end à Saint-Gervais")
                let k = if k == 0 && ctx.tense == Tense::Past && (1..=4).contains(&a.weekday()) { -1 } else { k };
                let (y, w) = a.add_days(7 * k).iso_week();
                format!("{y:04}-W{w:02}-WE")
            }
            "M" => {
                let d = a.add_months(k);
                format!("{:04}-{:02}", d.y, d.m)
            }
            "Q" => {
                let d = a.add_months(3 * k);
                format!("{:04}-Q{}", d.y, (d.m - 1) / 3 + 1)
            }
            "Y" => format!("{:04}", a.y as i64 + k),
            "DE" => format!("{:03}", (a.y as i64).div_euclid(10) + k),
            "CE" => format!("{:02}", (a.y as i64).div_euclid(100) + k),
            "H" | "MIN" | "S" if ctx.now.is_some() && from_now => {
                // a clock shift from a known time of day, in seconds: fractions count ("in 2.5
                // hours"), and a shift in seconds is told to the second ("in a sec")
                let per = match u {
                    "H" => 3600,
                    "MIN" => 60,
                    _ => 1,
                };
                let exact = match (get(ids.shift), get(ids.sign), num) {
                    (None, Some(sg), Some(n)) => (sg as f64 * n * per as f64).round() as i64,
                    _ => k * per,
                };
                let t = a.days() * 86400 + ctx.now.unwrap_or(0) as i64 * 60 + exact;
                let d = Date::from_days(t.div_euclid(86400));
                let sec = t.rem_euclid(86400);
                let value = if sec % 60 != 0 {
                    format!("{}T{:02}:{:02}:{:02}", d.iso(), sec / 3600, sec / 60 % 60, sec % 60)
                } else {
                    format!("{}T{:02}:{:02}", d.iso(), sec / 3600, sec / 60 % 60)
                };
                return mk(ttype_of(TimexType::TIME), value, Some(d), true);
            }
            "H" | "MIN" | "S" => {
                return mk(ttype_of(TimexType::TIME), if k < 0 { "PAST_REF" } else if k > 0 { "FUTURE_REF" } else { "PRESENT_REF" }.into(), None, true)
            }
            _ => return None,
        }));
        if let (Some(w), Some(d0)) = (get(ids.weekday), day.or(if u == "W" { Some(a.add_days(7 * k)) } else { None })) {
            // "mardi de la semaine prochaine": the weekday inside the shifted week
            let d = d0.add_days(w as i64 - d0.weekday() as i64);
            day = Some(d);
            date = Some(d.iso());
        }
    } else if let (Some(w), None) = (get(ids.weekday), get(ids.day)) {
        relative = true;
        match anchor {
            None => date = Some(format!("XXXX-WXX-{w}")),
            Some(a) => {
                let mut diff = w as i64 - a.weekday() as i64;
                let past = matches!(dir, Some("past"));
                let fut = matches!(dir, Some("future")) || (ctx.forward && !past);
                if past {
                    if diff >= 0 {
                        diff -= 7;
                    }
                } else if fut {
                    // today's weekday with a clock time still ahead is today ("Monday at 3pm"
                    // said on Monday morning); without one, the next week's
                    let later_today = diff == 0 && gs(ids.dir).is_none() && get(ids.hour).zip(ctx.now).is_some_and(|(h, now)| {
                        let h = if get(ids.pm).is_some() && h < 12 { h + 12 } else { h };
                        h * 60 + get(ids.minute).unwrap_or(0) > now as i32
                    });
                    if diff <= 0 && !later_today {
                        diff += 7;
                    }
                } else if diff.abs() <= 2 || matches!(dir, Some("this")) {
                    // "ce lundi", or a day close enough that the nearest reading wins
                    if diff > 3 {
                        diff -= 7;
                    } else if diff < -3 {
                        diff += 7;
                    }
                } else {
                    match ctx.tense {
                        Tense::Past if diff > 0 => diff -= 7,
                        Tense::Future if diff < 0 => diff += 7,
                        Tense::Unknown if diff > 3 => diff -= 7,
                        Tense::Unknown if diff < -3 => diff += 7,
                        _ => {}
                    }
                }
                // "mardi en huit": that weekday from today on, `nth` weeks later
                if let Some(k) = get(ids.nth) {
                    diff = (w as i64 - a.weekday() as i64).rem_euclid(7) + 7 * k as i64;
                }
                let d = a.add_days(diff);
                day = Some(d);
                date = Some(d.iso());
            }
        }
    } else {
        // absolute or underspecified calendar expression
        let mut year: Option<i32> = get(ids.year);
        if let (None, Some(h)) = (year, get(ids.yearword)) {
            year = Some(h * 100 + get(ids.yy).unwrap_or(0));
        }
        // "MLK day of last year": a date of the year shifted from the reference's
        if let (None, Some("Y"), Some(k), Some(a)) = (year, unit, get(ids.shift), anchor) {
            year = Some(a.y + k);
        }
        if year.is_none() {
            if let Some(yy) = get(ids.yy) {
                let base = anchor.map(|a| a.y).unwrap_or(2000);
                let c1 = 1900 + yy;
                let c2 = 2000 + yy;
                year = Some(if (c1 - base).abs() <= (c2 - base).abs() { c1 } else { c2 });
            }
        }
        if let Some(c) = get(ids.century) {
            date = Some(format!("{:02}", c - 1));
        } else if let Some(dec) = get(ids.decade) {
            // a decade whose century is said apart ("the nineteen seventies" read as yearword 19
            // and decade 70) is that full year's decade
            let dec = match get(ids.yearword) {
                Some(h) if dec < 100 => h * 100 + dec,
                _ => dec,
            };
            let d3 = if dec >= 100 {
                dec / 10
            } else {
                // two-digit decade ("les années 60"): the nearest century before the reference
                let base = anchor.map(|a| a.y).unwrap_or(2000);
                let c = if 1900 + dec <= base { 1900 + dec } else { 1800 + dec };
                c / 10
            };
            date = Some(format!("{d3:03}"));
        } else {
            let month = get(ids.month).map(|m| m as u32);
            let dd = get(ids.day).map(|d| d as u32);
            let season = gs(ids.season);
            let eas = get(ids.easter);
            if year.is_none() && (month.is_some() || season.is_some() || eas.is_some() || dd.is_some()) {
                relative = true;
                if let Some(a) = anchor {
                    let m = month.or(season.map(|s| season_months(s).0)).or(eas.map(|e| easter(a.y).add_days(e as i64).m));
                    match m {
                        Some(_) if month.is_none() && season.is_some_and(|s| {
                            let (b, e) = season_months(s);
                            if b <= e { (b..=e).contains(&a.m) } else { a.m >= b || a.m <= e }
                        }) && !matches!(dir, Some("past")) =>
                        {
                            // the season we are in ("cet hiver" in February: the one that began in December)
                            let (b, _) = season_months(season.unwrap_or("SP"));
                            year = Some(if a.m < b { a.y - 1 } else { a.y });
                        }
                        Some(m) => {
                            let dd2 = dd.or(eas.map(|e| easter(a.y).add_days(e as i64).d));
                            let mut y = pick_year(a, m, dd2, dir.or(ctx.forward.then_some("future")), ctx.tense);
                            // scheduling: a weekday named with the date picks the year they agree
                            // in, from the reference's on ("Fri, Jul 18" → the next July 18 that
                            // is a Friday; "Sunday, Feb 10" on 12 February 2013 → 10 February 2013),
                            // up to the year after the one picked (further, the weekday is more
                            // likely a slip than the date that far)
                            if let (true, Some(w), Some(d)) = (ctx.forward, get(ids.weekday), dd) {
                                let on = |y: i32| Date::new(y, m, d).is_some_and(|x| x.weekday() == w as u32);
                                if !on(y) {
                                    y = (a.y..=y + 1).find(|&k| on(k)).unwrap_or(y);
                                }
                            } else if let (false, Some(w), Some(d)) = (ctx.forward, get(ids.weekday), dd) {
                                // news: a weekday the picked year disagrees with picks the
                                // neighbouring year it agrees in, when that date is within eight
                                // months of the reference ("ce vendredi 7 décembre" told in
                                // February 2019 is 7 December 2018, a Friday)
                                let at = |y: i32| Date::new(y, m, d).filter(|x| x.weekday() == w as u32).map(|x| (x.days() - a.days()).abs());
                                if at(y).is_none() {
                                    if let Some((k, _)) = [y - 1, y + 1].into_iter().filter_map(|k| at(k).map(|g| (k, g))).filter(|&(_, g)| g <= 240).min_by_key(|&(_, g)| g) {
                                        y = k;
                                    }
                                }
                            }
                            // "March after next": `nth` occurrences after the next one
                            if let (Some(k), None) = (get(ids.nth), dd) {
                                y += k;
                            }
                            year = Some(y);
                        }
                        None if dd.is_none() => year = Some(a.y),
                        None => {}
                    }
                }
            } else if year.is_none() {
                if let Some(s) = get(ids.shift) {
                    // "l'an dernier" written as year shift without unit
                    year = anchor.map(|a| a.y + s);
                } else if ctx.forward && (get(ids.quarter).is_some() || get(ids.half).is_some()) {
                    // scheduling: "the third quarter" is this year's
                    year = anchor.map(|a| a.y);
                } else if let (Some(a), Some(first)) = (anchor, get(ids.quarter).map(|q| 3 * (if q < 0 { 5 + q } else { q }) - 2).or(get(ids.half).map(|h| 6 * h - 5))) {
                    // news: a quarter or half without a year is the reference year's (TimeML
                    // anchors it to the document date), the year before's when it has not begun
                    // yet and the sentence tells of the past ("au quatrième trimestre, les ventes
                    // ont reculé" in February)
                    year = Some(if ctx.tense == Tense::Past && first > a.m as i32 { a.y - 1 } else { a.y });
                }
            }
            let ys = year.map(|y| format!("{y:04}")).unwrap_or_else(|| "XXXX".into());
            date = if let Some(e) = eas {
                match year {
                    Some(y) => {
                        let d = easter(y).add_days(e as i64);
                        day = Some(d);
                        Some(d.iso())
                    }
                    None => Some("XXXX-XX-XX".into()),
                }
            } else if let Some(m) = month {
                match dd {
                    Some(d) => match year.map(|y| Date::new(y, m, d)) {
                        Some(Some(x)) => {
                            day = Some(x);
                            Some(format!("{ys}-{m:02}-{d:02}"))
                        }
                        // a 29 February in a year picked for it that is not a leap year
                        // ("29/2"): the day of no particular year
                        Some(None) if relative && crate::calendar::days_in_month(2000, m) >= d => Some(format!("XXXX-{m:02}-{d:02}")),
                        Some(None) => return None,
                        None => Some(format!("{ys}-{m:02}-{d:02}")),
                    },
                    None => Some(format!("{ys}-{m:02}")),
                }
            } else if let Some(d) = dd {
                // a day number alone: month from the anchor
                match anchor {
                    Some(a) if year.is_none() => {
                        let mut m = a.m;
                        let mut y = a.y;
                        if let (Some(w), false) = (get(ids.weekday), use_last) {
                            // "jeudi 15": the nearest month (the next one when scheduling)
                            // whose 15th is a Thursday
                            // (in a past-tense sentence, the last one: "I went back Thursday the 21st")
                            let past = ctx.tense == Tense::Past;
                            let ks: &[i64] = if past {
                                &[0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12]
                            } else if ctx.forward {
                                &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
                            } else {
                                &[0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6]
                            };
                            for &k in ks {
                                let b = Date { y: a.y, m: a.m, d: 1 }.add_months(k);
                                if let Some(x) = Date::new(b.y, b.m, d) {
                                    if x.weekday() == w as u32 && (if past { x <= a } else { !ctx.forward || x >= a }) {
                                        m = x.m;
                                        y = x.y;
                                        break;
                                    }
                                }
                            }
                        } else if (matches!(dir, Some("future")) || ctx.forward) && d < a.d {
                            let n = a.add_months(1);
                            m = n.m;
                            y = n.y;
                        }
                        // a day the month lacks ("le 31" in November) is in the nearest month that
                        // has it: the next one looking ahead, else the one before
                        if Date::new(y, m, d).is_none() && (29..=31).contains(&d) {
                            let ahead = (matches!(dir, Some("future")) || ctx.forward) && !matches!(dir, Some("past"));
                            let b = Date { y, m, d: 1 }.add_months(if ahead { 1 } else { -1 });
                            if Date::new(b.y, b.m, d).is_some() {
                                (y, m) = (b.y, b.m);
                            }
                        }
                        day = Date::new(y, m, d);
                        Some(format!("{y:04}-{m:02}-{d:02}"))
                    }
                    _ => Some(format!("XXXX-XX-{d:02}")),
                }
            } else if let Some(s) = season {
                Some(format!("{ys}-{s}"))
            } else if let Some(q) = get(ids.quarter).map(|q| if q < 0 { 5 + q } else { q }) {
                // (an ordinal counted from the end: "the last quarter of 2019" is Q4)
                Some(format!("{ys}-Q{q}"))
            } else if let Some(h) = get(ids.half) {
                Some(format!("{ys}-H{h}"))
            } else if get(ids.weekend).is_some() {
                anchor.map(|a| {
                    let (y, w) = a.iso_week();
                    format!("{y:04}-W{w:02}-WE")
                })
            } else {
                year.map(|_| ys.clone())
            };
        }
    }
    // the time part
    let hour = get(ids.hour);
    let pod = gs(ids.pod);
    let mut time: Option<String> = None;
    let mut clock: Option<i32> = None;
    if let Some(mut h) = hour {
        let mut mi = get(ids.minute).unwrap_or(0);
        if get(ids.half_hour).is_some() && get(ids.minute).is_none() {
            mi = 30;
        }
        // "nine fifty nine": the units word adds to the tens of the minutes
        if let (Some(u), Some(_)) = (get(ids.n2), get(ids.minute)) {
            if (1..10).contains(&u) && mi % 10 == 0 {
                mi += u;
            }
        }
        if get(ids.pm).is_some() && h < 12 {
            h += 12;
        }
        if matches!(pod, Some("EV") | Some("AF") | Some("NI")) && h < 12 && !(pod == Some("NI") && h < 6) {
            h += 12;
        }
        // lunch time (`MEL`, 11:00–13:00): a small hour is the afternoon's ("1 o'clock
        // lunchtime" is 13:00), 11 and 12 stay
        if pod == Some("MEL") && h < 6 {
            h += 12;
        }
        // twelve in the morning ("12am") is midnight starting the day, twelve in the evening or
        // at night the one ending it (T24:00)
        if h == 12 && get(ids.pm).is_none() && get(ids.minute).is_none_or(|m| m == 0) {
            match pod {
                Some("MO") => h = 0,
                Some("EV" | "NI") => h = 24,
                _ => {}
            }
        }
        if let Some(q) = get(ids.minus) {
            // "midi moins le quart"
            let t = h * 60 + mi - q;
            h = t.div_euclid(60).rem_euclid(24);
            mi = t.rem_euclid(60);
        }
        if h > 24 || mi > 59 {
            return None;
        }
        // the small hours of the night of a day counted from another are the next day's ("la
        // nuit dernière à 3h", "last night at 3": this morning's 03:00); "tonight at 2", "cette
        // nuit à 2h" stay as they are (told in the morning, the night just past), and so does a
        // weekday's night ("samedi dans la nuit, vers 3 heures" is often Saturday's small hours)
        if pod == Some("NI") && h < 6 && get(ids.pm).is_none() && get(ids.weekday).is_none() && get(ids.shift).is_some_and(|k| k != 0) {
            if let Some(d) = date.as_deref().and_then(Date::parse) {
                let d = d.add_days(1);
                day = Some(d);
                date = Some(d.iso());
            }
        }
        // a clock time in a named time zone, told in the reference's ("8:00 GMT" at -02:00 → 06:00)
        if let (Some(tz), Some(off)) = (get(ids.tz), ctx.offset) {
            let t = h * 60 + mi - tz + off;
            let days = t.div_euclid(1440) as i64;
            h = t.rem_euclid(1440) / 60;
            mi = t.rem_euclid(60);
            if days != 0 {
                if let Some(d) = date.as_deref().and_then(Date::parse) {
                    let d = d.add_days(days);
                    day = Some(d);
                    date = Some(d.iso());
                }
            }
        }
        // seconds told, even ":00" ("6:00:00pm"), keep the second's precision
        time = Some(match get(ids.second).filter(|s| (0..60).contains(s)) {
            Some(sec) => format!("T{h:02}:{mi:02}:{sec:02}"),
            None => format!("T{h:02}:{mi:02}"),
        });
        clock = Some(h * 60 + mi);
    } else if let Some(p) = pod {
        time = Some(format!("T{p}"));
    }
    if let Some(mut t) = time {
        let d = match date {
            Some(d) => Some(d),
            None => {
                relative = true;
                let mut a = ctx.last.or(ctx.dct);
                // scheduling: a time already past today means tomorrow ("minuit"); the current
                // hour is not past yet ("at 4:23" at 4:30); a 12-hour clock time without am/pm
                // is its next occurrence ("3:30" at 4:30 → 15:30)
                if let (true, None, Some(now), Some(c)) = (ctx.forward, ctx.last, ctx.now, clock) {
                    let past = |c: i32| (c as u32) / 60 < now / 60;
                    let ambiguous = hour.is_some_and(|h| (1..12).contains(&h)) && get(ids.pm).is_none() && pod.is_none() && get(ids.h24).is_none();
                    if past(c) && ambiguous && !past(c + 720) {
                        t = format!("T{:02}{}", c / 60 + 12, &t[3..]);
                    } else if past(c) {
                        a = a.map(|x| x.add_days(1));
                    }
                }
                day = a;
                a.map(|a| a.iso())
            }
        };
        let value = match d {
            Some(d) => format!("{d}{t}"),
            None => t,
        };
        return mk(ttype_of(TimexType::TIME), value, day, relative);
    }
    let date = date?;
    mk(ttype_of(TimexType::DATE), date, day, relative)
}

/// The rest of a period `r` ("the rest of the week", "rest of the day"), as a range: it starts
/// now (the reference day; for a day, the reference minute when known) and ends on the
/// period's last day (for a day, at its last minute), as a closed range names its end by its
/// last unit ("from Monday to Sunday"). `None` when `r` is no period holding the reference.
pub fn rest_of(r: &Resolved, ctx: &Ctx) -> Option<(Resolved, Resolved)> {
    let today = ctx.dct?;
    let (first, _) = start_of(r, ctx)?;
    let v = r.value.as_str();
    let b = v.as_bytes();
    let last = match b.len() {
        10 => first,
        8 if &v[4..6] == "-W" => first.add_days(6),
        7 if b[4] == b'-' && b[5].is_ascii_digit() => first.add_months(1).add_days(-1),
        7 if &v[4..6] == "-Q" => first.add_months(3).add_days(-1),
        4 => first.add_months(12).add_days(-1),
        _ => return None,
    };
    if today < first || today > last {
        return None;
    }
    let mk = |value: String, day: Option<Date>| Resolved { ttype: TimexType::DATE, value, modifier: None, day, relative: true };
    if b.len() == 10 {
        // a day's rest: from the reference minute to the day's last one
        let now = ctx.now?;
        let start = mk(format!("{}T{:02}:{:02}", today.iso(), now / 60, now % 60), Some(today));
        let start = Resolved { ttype: TimexType::TIME, ..start };
        return Some((start, Resolved { ttype: TimexType::TIME, ..mk(format!("{}T23:59", today.iso()), Some(today)) }));
    }
    Some((mk(today.iso(), Some(today)), mk(last.iso(), Some(last))))
}

/// The instant a resolved expression starts at: its first day, and the minute of the day when
/// it has a clock time (`PRESENT_REF` is the reference instant itself).
pub fn start_of(r: &Resolved, ctx: &Ctx) -> Option<(Date, Option<u32>)> {
    let v = r.value.as_str();
    if v == "PRESENT_REF" {
        return Some((ctx.dct?, ctx.now));
    }
    if let Some((d, t)) = v.split_once('T') {
        let day = Date::parse(d)?;
        let tb = t.as_bytes();
        let m = (tb.len() >= 5 && tb[2] == b':').then(|| Some(t[..2].parse::<u32>().ok()? * 60 + t[3..5].parse::<u32>().ok()?)).flatten();
        return Some((day, m));
    }
    if let Some(d) = Date::parse(v) {
        return Some((d, None));
    }
    let b = v.as_bytes();
    let y: i32 = v.get(..4)?.parse().ok()?;
    let day = match b.len() {
        4 => Date::new(y, 1, 1)?,
        7 if b[4] == b'-' && b[5].is_ascii_digit() => Date::new(y, v[5..7].parse().ok()?, 1)?,
        7 if &v[4..6] == "-Q" => Date::new(y, 3 * v[6..].parse::<u32>().ok()? - 2, 1)?,
        8 | 11 if &v[4..6] == "-W" => {
            let jan4 = Date::new(y, 1, 4)?;
            let mon = jan4.add_days(1 - jan4.weekday() as i64).add_days(7 * (v[6..8].parse::<i64>().ok()? - 1));
            if b.len() == 11 { mon.add_days(5) } else { mon }
        }
        _ => return None,
    };
    Some((day, None))
}

/// The day after the last day of a period value (`2021`, `2021-09`, `2021-Q3`, `2021-W05`,
/// `2021-09-04`): where the period ends, exclusive.
pub fn period_end(v: &str) -> Option<Date> {
    let b = v.as_bytes();
    let y: i32 = v.get(..4)?.parse().ok()?;
    if !v[..4].bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(match b.len() {
        4 => Date::new(y + 1, 1, 1)?,
        7 if b[4] == b'-' && b[5].is_ascii_digit() => Date::new(y, v[5..7].parse().ok()?, 1)?.add_months(1),
        7 if &v[4..6] == "-Q" => Date::new(y, 3 * v[6..].parse::<u32>().ok()? - 2, 1)?.add_months(3),
        8 if &v[4..6] == "-W" => {
            let jan4 = Date::new(y, 1, 4)?;
            jan4.add_days(1 - jan4.weekday() as i64).add_days(7 * v[6..8].parse::<i64>().ok()?)
        }
        10 => Date::parse(v)?.add_days(1),
        _ => return None,
    })
}

/// The first day of the first (`first`) or last (`last`) `n` `unit`s of the period
/// `[start, end)` ("the first 2 weeks of 2021", "the last four months of 2021"); weeks are
/// the Monday-to-Sunday weeks that have most of their days in the period (ISO weeks for a year).
pub fn part_start(first: bool, n: i64, unit: &str, start: Date, end: Date) -> Option<Date> {
    let monday = |d: Date| d.add_days(1 - d.weekday() as i64);
    Some(match (first, unit) {
        (true, "W") => monday(start.add_days(3)),
        (true, "D" | "M" | "Y") => start,
        (false, "W") => monday(end.add_days(-4)).add_days(-7 * (n - 1)),
        (false, "D") => end.add_days(-n),
        (false, "M") => end.add_months(-n),
        (false, "Y") => end.add_months(-12 * n),
        _ => return None,
    })
}

/// The reference a composite's anchor is resolved against, in scheduling inputs: the next
/// occurrence of the *result* is meant, so a shift of `k` units moves the reference back by
/// as much ("a year after christmas" on 2013-02-12: christmas 2012 + 1 year).
pub fn anchor_reference(lang: &Lang, ids: &Ids, sl: &Slots, ctx: &Ctx) -> Ctx {
    let get = |i: usize| (sl[i] != NONE).then_some(sl[i]);
    let mut c = *ctx;
    let k = get(ids.shift).or_else(|| Some(get(ids.sign)? * get(ids.n)?));
    if let (true, Some(k), Some(u), Some(d)) = (ctx.forward, k, get(ids.unit).and_then(|u| lang.str_of(u)), ctx.dct) {
        let k = k as i64;
        c.dct = Some(match u {
            "D" => d.add_days(-k),
            "W" => d.add_days(-7 * k),
            "M" => d.add_months(-k),
            "Y" => d.add_months(-12 * k),
            _ => d,
        });
    }
    c
}

/// Resolve a composite's own slots from its anchor instant (`comp` slot): `comp=shift` moves it
/// by `shift` (or `sign` × `n`) `unit`s ("3 days after easter", "15 minutes from 1pm");
/// `comp=nth` counts the `ordinal`-th `weekday` after it (before it when negative: "third
/// tuesday after christmas", "2 thursdays ago"); `comp=week` takes the `weekday` of the ISO week
/// the anchor falls in ("Monday two weeks from now"). The value keeps the anchor's precision (a
/// day, or a clock time when the anchor or the unit has one).
pub fn relative_to(lang: &Lang, ids: &Ids, sl: &Slots, day: Date, minute: Option<u32>) -> Option<Resolved> {
    let get = |i: usize| (sl[i] != NONE).then_some(sl[i]);
    let gs = |i: usize| get(i).and_then(|v| lang.str_of(v));
    let modifier = gs(ids.md).map(String::from);
    let out = |d: Date, m: Option<i64>| {
        let (value, ttype) = match m {
            Some(m) => (format!("{}T{:02}:{:02}", d.iso(), m / 60, m % 60), TimexType::TIME),
            None => (d.iso(), TimexType::DATE),
        };
        Some(Resolved { ttype, value, modifier: modifier.clone(), day: Some(d), relative: true })
    };
    match gs(ids.comp)? {
        "nth" => {
            let w = get(ids.weekday)? as i64;
            let k = get(ids.ordinal)? as i64 * get(ids.sign).unwrap_or(1) as i64;
            let d = if k > 0 {
                let first = day.add_days(1 + (w - day.add_days(1).weekday() as i64).rem_euclid(7));
                first.add_days(7 * (k - 1))
            } else if k < 0 {
                let last = day.add_days(-1 - (day.add_days(-1).weekday() as i64 - w).rem_euclid(7));
                last.add_days(7 * (k + 1))
            } else {
                return None;
            };
            out(d, None)
        }
        // the n-th closest occurrence of a weekday or a yearly date to the anchor ("the closest
        // Monday to Oct 5th", "the second closest xmas to today"); ties go to the earlier one
        "closest" => {
            let k = get(ids.ordinal).unwrap_or(1).max(1) as i64;
            let mut cands: Vec<Date> = match (get(ids.weekday), get(ids.month), get(ids.day)) {
                (Some(w), None, None) => (-7 * k - 7..=7 * k + 7).map(|i| day.add_days(i)).filter(|d| d.weekday() == w as u32).collect(),
                (None, Some(m), Some(dd)) => (day.y - k as i32 - 2..=day.y + k as i32 + 2).filter_map(|y| Date::new(y, m as u32, dd as u32)).collect(),
                _ => return None,
            };
            cands.sort_by_key(|d| ((d.days() - day.days()).abs(), d.days()));
            out(*cands.get(k as usize - 1)?, None)
        }
        // the weekday of the (ISO) week the anchor falls in ("Monday two weeks from now", "in
        // 3 days on Friday", "3 weeks after Christmas on Friday")
        "week" => {
            let w = get(ids.weekday)? as i64;
            out(day.add_days(w - day.weekday() as i64), None)
        }
        "shift" => {
            // (a decimal fraction counts too: "2.5 hours" from a clock time)
            let frac = get(ids.frac).map_or(0.0, |f| f as f64 / 10f64.powi(f.to_string().len() as i32));
            let num = get(ids.n).map(|n| n as f64 + frac + if get(ids.half_hour).is_some() { 0.5 } else { 0.0 });
            let k = get(ids.shift).map(|s| s as f64).or_else(|| Some(get(ids.sign).unwrap_or(1) as f64 * num?))?;
            let u = gs(ids.unit)?;
            let per = match u {
                "H" => 60.0,
                "MIN" => 1.0,
                _ => 0.0,
            };
            if per > 0.0 {
                let t = day.days() * 1440 + minute.unwrap_or(0) as i64 + (k * per).round() as i64;
                return out(Date::from_days(t.div_euclid(1440)), Some(t.rem_euclid(1440)));
            }
            if k.fract() != 0.0 {
                return None;
            }
            let k = k as i64;
            let d = match u {
                "D" => day.add_days(k),
                "W" => day.add_days(7 * k),
                "M" => day.add_months(k),
                "Y" => day.add_months(12 * k),
                _ => return None,
            };
            out(d, minute.map(|m| m as i64))
        }
        _ => None,
    }
}
