//! Name normalization: the keys every lookup goes through.
//!
//! Three levels, each coarser than the last:
//! - [`norm`]: NFKD, marks stripped, lowercase, every non-alphanumeric run becomes one space
//!   (so "Jong-un", "Jong un" and "Jong Un" agree, and "l’ONU" gives "l onu");
//! - [`key`]: `norm` without a leading article ("la Corée du Nord" = "Corée du Nord");
//! - [`translit`]: `key` with French/English transliteration variants folded
//!   ("Choïgou" = "Shoigu", "Sergueï" = "Sergei", "Poutine" = "Putin", "Koursk" = "Kursk").

#[cfg(test)]
use unicode_normalization::UnicodeNormalization;

/// Leading articles dropped by [`key`]. French and English; an article here never starts a
/// name on its own.
const ARTICLES: &[&str] = &["le", "la", "les", "l", "the"];

/// Lowercase, accent-free, one space between alphanumeric runs.
pub fn norm(s: &str) -> String {
    if s.is_ascii() {
        return norm_ascii(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    // NFKD char by char: the string-level form only adds canonical reordering of
    // combining marks, and every mark is dropped below (the `norm_per_char_is_nfkd` test
    // checks that all chars of non-zero combining class are marks)
    let mut push = |c: char| fold_char(&mut out, &mut pending_space, c);
    for c in s.chars() {
        if c.is_ascii() {
            push(c);
        } else {
            unicode_normalization::char::decompose_compatible(c, &mut push);
        }
    }
    out
}

/// One decomposed char into [`norm`]'s output: marks dropped, alphanumerics lowercased
/// (ligatures spelled out), any other run becomes one pending space. The fast path and the
/// string-level reference differ only in how they decompose, not in this step.
#[inline]
fn fold_char(out: &mut String, pending_space: &mut bool, c: char) {
    if unicode_normalization::char::is_combining_mark(c) {
        return;
    }
    if c.is_alphanumeric() {
        if *pending_space && !out.is_empty() {
            out.push(' ');
        }
        *pending_space = false;
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            _ => out.extend(c.to_lowercase()),
        }
    } else {
        *pending_space = true;
    }
}

/// The reference [`norm`]: string-level NFKD (kept for the equivalence test).
#[cfg(test)]
fn norm_nfkd(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfkd() {
        fold_char(&mut out, &mut pending_space, c);
    }
    out
}

/// [`norm`] of an ASCII string (NFKD is the identity there): same result, no decomposition.
fn norm_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(b.to_ascii_lowercase() as char);
        } else {
            pending_space = true;
        }
    }
    out
}

/// [`norm`] without one leading article.
pub fn key(s: &str) -> String {
    strip_article(norm(s))
}

/// Drop one leading article from a normalized string (when something follows it).
pub fn strip_article(n: String) -> String {
    for a in ARTICLES {
        if let Some(rest) = n.strip_prefix(a) {
            if let Some(rest) = rest.strip_prefix(' ') {
                if !rest.is_empty() {
                    return rest.to_string();
                }
            }
        }
    }
    n
}

/// Transliteration-insensitive key of a name: [`key`] with each token folded by
/// [`translit_token`].
pub fn translit(s: &str) -> String {
    key(s).split(' ').map(translit_token).collect::<Vec<_>>().join(" ")
}

/// Fold one normalized token. The rules cover the usual French vs English renderings of
/// Russian, Ukrainian, Arabic and Korean names: French "tch/ch/j/ou/gue" vs English
/// "ch/sh/zh/u/ge", y/i, w/v, doubled letters and a French silent final e.
pub fn translit_token(t: &str) -> String {
    let mut s = t.to_string();
    for (a, b) in TRANSLIT_RULES {
        // a plain byte scan: tokens are short, a substring searcher costs more to set up
        if contains_bytes(s.as_bytes(), a.as_bytes()) {
            s = s.replace(a, b);
        }
    }
    // collapse doubled letters ("Ahmadinejad"/"Ahmadinedjad" aside, "Hassan"/"Hasan")
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    // French silent final e after a consonant ("Poutine" = "Putin", "Staline" = "Stalin")
    if out.len() > 3 && out.ends_with('e') {
        let before = out[..out.len() - 1].chars().last().unwrap_or('a');
        if !"aeiou".contains(before) {
            out.pop();
        }
    }
    out
}

/// True when `needle` (non-empty) occurs in `hay`.
fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    let n = needle.len();
    // byte loops, not slice equality (which calls memcmp for each window)
    hay.len() >= n && (0..=hay.len() - n).any(|i| hay[i] == needle[0] && (1..n).all(|k| hay[i + k] == needle[k]))
}

/// The replacements of [`translit_token`], applied in this order, each to the result of the
/// previous one.
const TRANSLIT_RULES: [(&str, &str); 13] = [
    ("tch", "ch"),
    ("sch", "ch"),
    ("sh", "ch"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "h"),
    ("ph", "f"),
    ("ou", "u"),
    ("gue", "ge"),
    ("gui", "gi"),
    ("y", "i"),
    ("w", "v"),
    ("ck", "k"),
];

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    // names are short: work on the stack when both fit, allocate otherwise
    const N: usize = 48;
    let (mut ab, mut bb) = (['\0'; N], ['\0'; N]);
    let (mut la, mut lb) = (0, 0);
    for c in a.chars() {
        if la == N {
            return edit_distance_heap(a, b);
        }
        ab[la] = c;
        la += 1;
    }
    for c in b.chars() {
        if lb == N {
            return edit_distance_heap(a, b);
        }
        bb[lb] = c;
        lb += 1;
    }
    let (a, b) = (&ab[..la], &bb[..lb]);
    // one row, updated in place (`diag` keeps the previous row's value at j - 1)
    let mut row = [0u16; N + 1];
    for (j, r) in row.iter_mut().enumerate().take(lb + 1) {
        *r = j as u16;
    }
    for i in 1..=la {
        let mut diag = row[0];
        row[0] = i as u16;
        for j in 1..=lb {
            let cost = u16::from(a[i - 1] != b[j - 1]);
            let v = (row[j] + 1).min(row[j - 1] + 1).min(diag + cost);
            diag = row[j];
            row[j] = v;
        }
    }
    row[lb] as usize
}

fn edit_distance_heap(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// A surface form cleaned for use as a new ref: whitespace collapsed, typographic
/// apostrophes straightened.
pub fn clean_surface(s: &str) -> String {
    // one pass: apostrophes straightened, whitespace runs to one space, ends trimmed
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(if matches!(c, '’' | '‘' | 'ʼ') { '\'' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_per_char_is_nfkd() {
        use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert!(canonical_combining_class(c) == 0 || is_combining_mark(c), "{c:?} reorders but is kept");
            let s = format!("a{c}\u{301}\u{316}b {c}");
            assert_eq!(norm(&s), norm_nfkd(&s), "{c:?}");
        }
        for s in ["Sergueï Choïgou", "Œuvre d’Ærø", "ḳ́", "ﬁn ½", "한국 조선"] {
            assert_eq!(norm(s), norm_nfkd(s), "{s}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(norm("Conseil de sécurité de l’ONU"), "conseil de securite de l onu");
        assert_eq!(key("la Corée du Nord"), "coree du nord");
        assert_eq!(norm("Kim Jong-un"), norm("Kim Jong Un"));
        assert_eq!(translit("Sergueï Choïgou"), translit("Sergei Shoigu"));
        assert_eq!(translit("Poutine"), translit("Putin"));
        assert_eq!(translit("Dmitri"), translit("Dmitry"));
        assert_eq!(translit("Khrouchtchev"), translit("Khrushchev"));
        assert_eq!(translit("Koursk"), translit("Kursk"));
        assert_eq!(edit_distance("peskok", "peskov"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("sitting", "kitten"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("flaw", "lawn"), 2);
        assert_eq!(translit_token("tchaikovski"), "chaikovski");
        assert_eq!(translit_token("khrouchtchev"), "hruchchev");
        let long = "a".repeat(60);
        assert_eq!(edit_distance(&long, "ab"), 59);
        assert_eq!(norm("L'ONU, Jong-un 2024"), "l onu jong un 2024");
        assert_eq!(clean_surface("  l’ONU \n  de  Kim\u{a0}Jong "), "l'ONU de Kim Jong");
    }
}
