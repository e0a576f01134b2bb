//! Text normalization shared by near-duplicate detection and story clustering.
//!
//! Tokens are maximal runs of letters and digits after lowercasing and folding diacritics
//! ("Élysée" → "elysee", "cœur" → "coeur"); punctuation and apostrophes separate tokens.
//! The folding is language-neutral (Unicode decomposition), so it serves French and English alike.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Append the folded (lowercase, diacritic-free) form of `c` to `out`.
#[inline]
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        _ => {
            for l in c.to_lowercase() {
                decompose_canonical(l, |d| {
                    if !is_combining_mark(d) {
                        out.push(d)
                    }
                });
            }
        }
    }
}

/// Call `f` with each normalized token of `text`, in order. `buf` is scratch space reused
/// across calls to avoid allocating per token.
pub fn for_each_token(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    buf.clear();
    for c in text.chars() {
        if c.is_alphanumeric() {
            push_folded(c, buf);
        } else if !buf.is_empty() {
            f(buf);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        f(buf);
        buf.clear();
    }
}

/// The normalized tokens of `text` (allocating convenience form of [`for_each_token`]).
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for_each_token(text, &mut buf, |t| out.push(t.to_string()));
    out
}

/// Days since 1970-01-01 of an ISO date's leading `YYYY-MM-DD`, or `None` when it does not
/// start with one. Also accepts `D-M-YYYY` / `DD-MM-YYYY` (seen in scraped corpora).
pub fn day_number(date: &str) -> Option<i32> {
    let b = date.trim();
    let parts: Vec<&str> = b.get(..10.min(b.len()))?.split(|c| c == '-' || c == 'T').collect();
    let (y, m, d) = if parts.len() >= 3 && parts[0].len() == 4 {
        (parts[0].parse::<i32>().ok()?, parts[1].parse::<u32>().ok()?, parts[2].get(..2.min(parts[2].len()))?.parse::<u32>().ok()?)
    } else {
        // D-M-YYYY
        let p: Vec<&str> = b.split('-').collect();
        if p.len() != 3 || p[2].len() < 4 {
            return None;
        }
        (p[2].get(..4)?.parse().ok()?, p[1].parse().ok()?, p[0].parse().ok()?)
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(dyade_core::calendar::days_from_civil(y, m as u32, d as u32) as i32)
}

/// The ISO date `YYYY-MM-DD` of a day number (inverse of [`day_number`]).
pub fn day_to_iso(days: i32) -> String {
    let (y, m, d) = dyade_core::calendar::civil_from_days(days as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_ligatures_and_punctuation() {
        assert_eq!(tokens("L'Élysée a dit: «Cœur» — 25,3 %!"), ["l", "elysee", "a", "dit", "coeur", "25", "3"]);
        assert_eq!(tokens("  "), Vec::<String>::new());
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2020-07-02"), Some(18445));
        assert_eq!(day_number("2020-07-02T10:24"), Some(18445));
        assert_eq!(day_number("2-7-2020"), Some(18445));
        assert_eq!(day_number("hier"), None);
        assert_eq!(day_to_iso(18445), "2020-07-02");
        assert_eq!(day_to_iso(day_number("2016-02-29").unwrap()), "2016-02-29");
    }
}
