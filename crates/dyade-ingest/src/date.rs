//! Publication dates: normalizing metadata date strings and finding "Publié le …" lines.
//!
//! Language knowledge (month names, cues) comes from `resources/dates/<lang>.txt`; all
//! embedded languages are loaded together because the language is often unknown here.

use dyade_core::DateEstimate;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Embedded date resources, one per language.
pub const DATE_RESOURCES: [(&str, &str); 2] = [
    ("fr", include_str!("../../../resources/dates/fr.txt")),
    ("en", include_str!("../../../resources/dates/en.txt")),
];

/// Date words of all loaded languages.
#[derive(Debug, Clone, Default)]
pub struct DateLexicon {
    /// Month name (lowercase, no trailing dot) → 1..=12.
    pub months: HashMap<String, u32>,
    /// Weekday names (lowercase).
    pub weekdays: Vec<String>,
    /// Relative day word → offset in days.
    pub relative: HashMap<String, i64>,
    /// Phrases introducing the publication date (lowercase).
    pub publish_cues: Vec<String>,
    /// Phrases introducing an update date (lowercase).
    pub update_cues: Vec<String>,
}

impl DateLexicon {
    /// Parse resource texts (format in `resources/dates/fr.txt`).
    pub fn parse(texts: &[&str]) -> Self {
        let mut lx = DateLexicon::default();
        for text in texts {
            let mut section = "";
            for line in text.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if line.starts_with('[') && line.ends_with(']') {
                    section = match &line[1..line.len() - 1] {
                        "month" => "month",
                        "weekday" => "weekday",
                        "relative" => "relative",
                        "publish-cue" => "publish",
                        "update-cue" => "update",
                        _ => "",
                    };
                    continue;
                }
                let kv = line.split_once('=').map(|(k, v)| (k.trim().to_lowercase(), v.trim()));
                match (section, kv) {
                    ("month", Some((k, v))) => {
                        if let Ok(n) = v.parse() {
                            lx.months.insert(k, n);
                        }
                    }
                    ("relative", Some((k, v))) => {
                        if let Ok(n) = v.parse() {
                            lx.relative.insert(k, n);
                        }
                    }
                    ("weekday", _) => lx.weekdays.push(line.to_lowercase()),
                    ("publish", _) => lx.publish_cues.push(line.to_lowercase()),
                    ("update", _) => lx.update_cues.push(line.to_lowercase()),
                    _ => {}
                }
            }
        }
        // longest first so regex alternations prefer "publié le" over "publié"
        for v in [&mut lx.publish_cues, &mut lx.update_cues, &mut lx.weekdays] {
            v.sort_by_key(|s| std::cmp::Reverse(s.len()));
            v.dedup();
        }
        lx
    }

    /// The embedded lexicon (all languages).
    pub fn embedded() -> &'static DateLexicon {
        static LX: OnceLock<DateLexicon> = OnceLock::new();
        LX.get_or_init(|| DateLexicon::parse(&DATE_RESOURCES.map(|(_, t)| t)))
    }
}

fn alternation(words: impl Iterator<Item = String>) -> String {
    let mut v: Vec<String> = words.collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

struct Patterns {
    iso: Regex,
    dmy_num: Regex,
    dmy_name: Regex,
    mdy_name: Regex,
    time: Regex,
    relative: Regex,
    cue: Regex,
}

/// Compiled date patterns. They avoid Unicode `\b` (it forces regex's slow NFA engine on
/// non-ASCII text): ASCII boundaries around digits, explicit classes elsewhere.
fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let lx = DateLexicon::embedded();
        let months = alternation(lx.months.keys().cloned());
        let wd = alternation(lx.weekdays.iter().cloned());
        let rel = alternation(lx.relative.keys().cloned());
        let cues = alternation(lx.publish_cues.iter().chain(&lx.update_cues).cloned());
        Patterns {
            iso: Regex::new(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?").unwrap(),
            dmy_num: Regex::new(r"(?-u:\b)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?-u:\b)").unwrap(),
            dmy_name: Regex::new(&format!(r"(?i)(?-u:\b)(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({months})\.?\s+(\d{{4}})(?-u:\b)")).unwrap(),
            mdy_name: Regex::new(&format!(r"(?i)(?-u:\b)({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)")).unwrap(),
            time: Regex::new(r"(?i)(?-u:\b)(\d{1,2})\s*(?:h|:)\s*(\d{2})(?-u:\b)").unwrap(),
            relative: Regex::new(&format!(r"(?i)^(?:(?:{wd})\s+)?({rel})(?:[^\p{{L}}]|$)")).unwrap(),
            cue: Regex::new(&format!(r"(?i)(?:^|[\s,|(])({cues})(?:[\s:]+|$)(?:(?:le|on|à|at)\s+)?")).unwrap(),
        }
    })
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1800..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// An absolute date found in a phrase: `(year, month, day, Some((hour, minute)))`.
pub type Ymd = (i32, u32, u32, Option<(u32, u32)>);

/// Find an absolute calendar date in `s` (ISO, D/M/Y, "27 juillet 2023", "July 27, 2023").
pub fn find_date(s: &str) -> Option<(Ymd, std::ops::Range<usize>)> {
    let p = patterns();
    let lx = DateLexicon::embedded();
    let month = |w: &str| lx.months.get(&w.to_lowercase()).copied();
    let mut best: Option<(Ymd, std::ops::Range<usize>)> = None;
    let mut consider = |ymd: Ymd, r: std::ops::Range<usize>| {
        if valid(ymd.0, ymd.1, ymd.2) && best.as_ref().map_or(true, |(_, b)| r.start < b.start) {
            best = Some((ymd, r));
        }
    };
    if let Some(c) = p.iso.captures(s) {
        let t = c.get(4).map(|h| (h.as_str().parse().unwrap_or(0), c[5].parse().unwrap_or(0)));
        consider((c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0), t), c.get(0).unwrap().range());
    }
    if let Some(c) = p.dmy_num.captures(s) {
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        // day first (European) unless the second number cannot be a month
        let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        consider((c[3].parse().unwrap_or(0), m, d, None), c.get(0).unwrap().range());
    }
    if let Some(c) = p.dmy_name.captures(s) {
        if let Some(m) = month(&c[2]) {
            consider((c[3].parse().unwrap_or(0), m, c[1].parse().unwrap_or(0), None), c.get(0).unwrap().range());
        }
    }
    if let Some(c) = p.mdy_name.captures(s) {
        if let Some(m) = month(&c[1]) {
            consider((c[3].parse().unwrap_or(0), m, c[2].parse().unwrap_or(0), None), c.get(0).unwrap().range());
        }
    }
    if let Some(((y, m, d, None), r)) = best.clone() {
        // a time of day right after the date ("à 10h24", "10:24")
        let rest = &s[r.end..];
        if let Some(c) = p.time.captures(rest) {
            if c.get(0).unwrap().start() <= 6 {
                let (h, mi): (u32, u32) = (c[1].parse().unwrap_or(99), c[2].parse().unwrap_or(99));
                if h < 24 && mi < 60 {
                    best = Some(((y, m, d, Some((h, mi))), r.start..r.end + c.get(0).unwrap().end()));
                }
            }
        }
    }
    best
}

fn iso(ymd: &Ymd) -> String {
    match ymd.3 {
        Some((h, m)) => format!("{:04}-{:02}-{:02}T{:02}:{:02}", ymd.0, ymd.1, ymd.2, h, m),
        None => format!("{:04}-{:02}-{:02}", ymd.0, ymd.1, ymd.2),
    }
}

/// Normalize a metadata date string to ISO 8601 (`2023-07-27` or `2023-07-27T10:24`), or None.
///
/// Accepts ISO dates and datetimes (offset dropped: the local time as published), D-M-Y and
/// D/M/Y, and month names of the loaded languages. A Unix timestamp is not guessed at.
pub fn normalize_date(raw: &str) -> Option<String> {
    find_date(raw.trim()).map(|(ymd, _)| iso(&ymd))
}

/// Add `days` to a date (proleptic Gregorian, no time zone).
pub fn add_days(y: i32, m: u32, d: u32, days: i64) -> (i32, u32, u32) {
    let n = days_from_civil(y, m, d) + days;
    civil_from_days(n)
}

use dyade_core::calendar::{civil_from_days, days_from_civil};

/// A publication-date line found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateLine {
    /// Byte range of the cue and its date phrase in the searched text.
    pub span: std::ops::Range<usize>,
    /// True for an update cue ("Mis à jour le"), false for a publication cue.
    pub update: bool,
    /// The estimate it gives.
    pub estimate: DateEstimate,
}

/// Look for a "Publié le 27/07/2023 à 10h24" / "Published July 27, 2023" / "Publié hier à
/// 10 h 24" phrase in `line`. A relative day is resolved only against `crawl` (an ISO date
/// the crawler recorded); without it the estimate keeps the evidence and no value.
pub fn find_dateline(line: &str, crawl: Option<&str>) -> Option<DateLine> {
    let p = patterns();
    let lx = DateLexicon::embedded();
    let c = p.cue.captures(line)?;
    let cue = c.get(1).unwrap();
    let update = lx.update_cues.iter().any(|u| u == &cue.as_str().to_lowercase());
    let after = c.get(0).unwrap().end();
    let rest = &line[after..];
    let window = &rest[..floor_char(rest, 80)];
    let what = if update { "update" } else { "publication" };
    if let Some((ymd, r)) = find_date(window).filter(|(_, r)| r.start <= 25) {
        let v = iso(&ymd);
        let day = v[..10].to_string();
        let estimate = if update {
            // an update time bounds the publication from above only
            DateEstimate { value: None, earliest: None, latest: Some(day), source: "text".into(), evidence: vec![format!("{what} line: {}", &line[cue.start()..after + r.end])] }
        } else {
            DateEstimate { value: Some(v), earliest: Some(day.clone()), latest: Some(day), source: "text".into(), evidence: vec![format!("{what} line: {}", &line[cue.start()..after + r.end])] }
        };
        return Some(DateLine { span: cue.start()..after + r.end, update, estimate });
    }
    if let Some(rc) = p.relative.captures(window) {
        let word = rc[1].to_lowercase();
        let off = *lx.relative.get(&word)?;
        let mut end = rc.get(0).unwrap().end();
        let mut time = None;
        if let Some(t) = p.time.captures(&window[end..]) {
            if t.get(0).unwrap().start() <= 6 {
                let (h, mi): (u32, u32) = (t[1].parse().unwrap_or(99), t[2].parse().unwrap_or(99));
                if h < 24 && mi < 60 {
                    time = Some((h, mi));
                    end += t.get(0).unwrap().end();
                }
            }
        }
        let evidence = format!("{what} line: {} (relative: {off:+} day)", &line[cue.start()..after + end]);
        let resolved = crawl.and_then(normalize_date).map(|c| {
            let y: i32 = c[..4].parse().unwrap_or(0);
            let m: u32 = c[5..7].parse().unwrap_or(1);
            let d: u32 = c[8..10].parse().unwrap_or(1);
            let (y, m, d) = add_days(y, m, d, off);
            iso(&(y, m, d, time))
        });
        let estimate = DateEstimate {
            value: if update { None } else { resolved.clone() },
            earliest: if update { None } else { resolved.as_ref().map(|s| s[..10].to_string()) },
            latest: resolved.as_ref().map(|s| s[..10].to_string()),
            source: "text".into(),
            evidence: vec![evidence],
        };
        return Some(DateLine { span: cue.start()..after + end, update, estimate });
    }
    None
}

fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_common_formats() {
        assert_eq!(normalize_date("2020-05-20T03:30:50+02:00").as_deref(), Some("2020-05-20T03:30"));
        assert_eq!(normalize_date("2020-07-02").as_deref(), Some("2020-07-02"));
        assert_eq!(normalize_date("7-12-2018").as_deref(), Some("2018-12-07"));
        assert_eq!(normalize_date("27 juillet 2023").as_deref(), Some("2023-07-27"));
        assert_eq!(normalize_date("July 27, 2023").as_deref(), Some("2023-07-27"));
        assert_eq!(normalize_date("yesterday"), None);
        assert_eq!(add_days(2023, 3, 1, -1), (2023, 2, 28));
        assert_eq!(add_days(2024, 3, 1, -1), (2024, 2, 29));
    }

    #[test]
    fn datelines() {
        let d = find_dateline("Publié le 27/07/2023 à 10h24", None).unwrap();
        assert_eq!(d.estimate.value.as_deref(), Some("2023-07-27T10:24"));
        let d = find_dateline("Published July 27, 2023", None).unwrap();
        assert_eq!(d.estimate.value.as_deref(), Some("2023-07-27"));
        let d = find_dateline("AFP, publié le mercredi 20 mai 2020 à 03h30", None).unwrap();
        assert_eq!(d.estimate.value.as_deref(), Some("2020-05-20T03:30"));
        let d = find_dateline("Publié hier à 10\u{a0}h\u{a0}24", None).unwrap();
        assert_eq!(d.estimate.value, None);
        assert!(d.estimate.evidence[0].contains("-1 day"));
        let d = find_dateline("Publié hier à 10\u{a0}h\u{a0}24", Some("2025-10-28")).unwrap();
        assert_eq!(d.estimate.value.as_deref(), Some("2025-10-27T10:24"));
        let d = find_dateline("Mis à jour le 28 juillet 2023", None).unwrap();
        assert!(d.update);
        assert_eq!(d.estimate.latest.as_deref(), Some("2023-07-28"));
        assert!(find_dateline("Le texte publié par le ministère", None).is_none());
    }
}
