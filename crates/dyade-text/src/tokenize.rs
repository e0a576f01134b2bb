//! The tokenizer: one left-to-right pass over the text with a hand-written character
//! scanner (no regex), driven by a [`LangRules`].
//!
//! Choices, following spaCy's French and English tokenizers where they agree with news use:
//! - Elisions are split after the apostrophe ("l’URSS" → "l’" + "URSS"); words kept whole
//!   are those whose prefix is not an elision ("aujourd’hui", "prud’hommes") or that are
//!   listed as exceptions ("presqu’île").
//! - English clitics are split before the clitic ("don't" → "do" + "n't").
//! - Hyphenated words stay one token ("Jong-un", "Nord-Est"); listed pronoun suffixes are
//!   split as spaCy does ("a-t-il" → "a" + "-t-il", "dit-elle" → "dit" + "-elle"), but a
//!   capitalized base is split only before "-t-" or after a verb-like final t/d ("Faut-il",
//!   "Est-ce"), so names such as "Kim Jong-il" stay whole.
//! - Numbers keep their inner separators ("25.000", "3,5", "10h24", "2023-07-26",
//!   "27/07/2023", "1er"); digit groups separated by a no-break or thin space are one token
//!   ("25 000", norm "25000"); "%" is its own token; "10 h 24" is three tokens.
//! - Runs of "." "!" "?" "…" are one token ("...", "?!"); every other punctuation or symbol
//!   character is its own token (quotes included).
//! - A "." glued between a word and an uppercase word ("Bangladesh.Une") is split off;
//!   abbreviations, initials and acronyms keep their period ("M.", "J.", "U.S.").
//! - URLs and e-mail addresses are one token.

use crate::rules::{is_apostrophe, LangRules};
use dyade_core::{Span, Token, TokenKind};

/// Whitespace between tokens: Unicode White_Space plus zero-width characters.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return class(c as u8) == C_SPACE;
    }
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Byte classes of ASCII for the scanner's fast paths (bytes >= 0x80 are 0: decode them).
const C_SPACE: u8 = 1;
const C_ALPHA: u8 = 2;
const C_DIGIT: u8 = 4;
const C_ALNUM: u8 = C_ALPHA | C_DIGIT;
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        // char::is_whitespace on ASCII: '\t' '\n' '\x0b' '\x0c' '\r' ' '
        if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            t[b] = C_SPACE;
        } else if c.is_ascii_alphabetic() {
            t[b] = C_ALPHA;
        } else if c.is_ascii_digit() {
            t[b] = C_DIGIT;
        }
        b += 1;
    }
    t
};

#[inline(always)]
fn class(b: u8) -> u8 {
    ASCII_CLASS[b as usize]
}

/// No-break and thin spaces, which may group digits ("25 000").
#[inline]
fn is_digit_group_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Latin-1 and Latin Extended-A/B letters without the Unicode table lookup.
    if ('\u{C0}'..='\u{24F}').contains(&c) {
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&c)
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Coarse class of a non-alphanumeric character.
pub fn punct_kind(c: char) -> TokenKind {
    match c {
        '!' | '"' | '#' | '%' | '&' | '\'' | '(' | ')' | '*' | ',' | '-' | '.' | '/' | ':' | ';' | '?' | '@'
        | '[' | '\\' | ']' | '_' | '{' | '}' => TokenKind::Punct,
        '«' | '»' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '‛' | '‹' | '›' | '–' | '—' | '‐' | '‑' | '―'
        | '…' | '·' | '•' | '¡' | '¿' | '§' | '¶' | '′' | '″' => TokenKind::Punct,
        _ => TokenKind::Symbol,
    }
}

/// The analysis form of `s` when it differs from `s`: typographic apostrophes and quotes
/// made ASCII, digit-group spaces removed, presentation ligatures (ﬁ, ﬂ) expanded,
/// Unicode hyphens made ASCII. "œ" is kept (it is a French letter, not a ligature).
#[inline]
pub fn normalize(s: &str) -> Option<Box<str>> {
    // All characters to map are encoded with one of these lead bytes; "é" (C3) is not, nor
    // is any ASCII byte: most tokens are done after this one pass.
    if !s.bytes().any(|b| matches!(b, 0xC2 | 0xCA | 0xE2 | 0xEF)) {
        return None;
    }
    normalize_slow(s)
}

#[cold]
fn normalize_slow(s: &str) -> Option<Box<str>> {
    let needs = |c: char| {
        matches!(c, '’' | '‘' | 'ʼ' | '‛' | '«' | '»' | '“' | '”' | '„' | '‟' | '\u{00A0}' | '\u{202F}' | '\u{2009}'
            | 'ﬁ' | 'ﬂ' | 'ﬀ' | 'ﬃ' | 'ﬄ' | '‐' | '‑')
    };
    if !s.chars().any(needs) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' | 'ʼ' | '‛' => out.push('\''),
            '«' | '»' | '“' | '”' | '„' | '‟' => out.push('"'),
            '\u{00A0}' | '\u{202F}' | '\u{2009}' => {}
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬀ' => out.push_str("ff"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            '‐' | '‑' => out.push('-'),
            c => out.push(c),
        }
    }
    Some(out.into_boxed_str())
}

#[inline]
fn push(text: &str, out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    push_n(text, out, start, end, kind, true)
}

/// [`push`], with `may_norm` false when the token is known to have no analysis form (all
/// ASCII, or only characters [`normalize`] keeps), which skips [`normalize`].
#[inline(always)]
fn push_n(text: &str, out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind, may_norm: bool) {
    if start >= end {
        return;
    }
    let space_after = match text.as_bytes().get(end) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_whitespace(),
        Some(_) => char_at(text, end).is_some_and(is_space),
    };
    let norm = if may_norm { normalize(&text[start..end]) } else { None };
    out.push(Token { span: Span::new(start, end), kind, norm, space_after });
}

#[inline]
fn word_kind(s: &str) -> TokenKind {
    word_kind_at(s, 0)
}

/// [`word_kind`] of the word starting at byte `i` of `text`.
#[inline]
fn word_kind_at(text: &str, i: usize) -> TokenKind {
    let b = text.as_bytes()[i];
    if b.is_ascii_digit() || (b >= 0x80 && char_at(text, i).is_some_and(|c| c.is_numeric())) {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// Case-insensitive, apostrophe-insensitive comparison of `s` with lowercase `pat`
/// (whose apostrophes are `'`). Returns true when equal.
fn eq_ci(s: &str, pat: &str) -> bool {
    let mut a = s.chars();
    let mut b = pat.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                let x = if is_apostrophe(x) { '\'' } else { x };
                if x != y && x.to_lowercase().next() != Some(y) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// If `word` ends with lowercase `pat` (case- and apostrophe-insensitively), the byte index
/// in `word` where it starts.
fn ends_with_ci(word: &str, pat: &str) -> Option<usize> {
    let mut a = word.char_indices().rev();
    let mut start = word.len();
    for y in pat.chars().rev() {
        let (i, x) = a.next()?;
        let x = if is_apostrophe(x) { '\'' } else { x };
        if x != y && x.to_lowercase().next() != Some(y) {
            return None;
        }
        start = i;
    }
    Some(start)
}

fn looks_like_url(s: &str) -> bool {
    let b = s.as_bytes();
    let starts = |p: &str| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    starts("http://") || starts("https://") || starts("www.")
}

/// End of a URL or e-mail starting at `start`: up to whitespace, minus trailing punctuation.
fn url_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let mut end = start + rest.find(is_space).unwrap_or(rest.len());
    while let Some(c) = char_before(text, end) {
        if end > start + 1 && matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '»' | '"' | '”' | '’' | '\'') {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// True when the whitespace-delimited chunk at `start` is an e-mail address.
fn looks_like_email(text: &str, start: usize) -> bool {
    let rest = &text[start..];
    let chunk = &rest[..rest.find(is_space).unwrap_or(rest.len())];
    match chunk.find('@') {
        Some(at) if at > 0 => chunk[at + 1..].contains('.') && chunk[..at].chars().all(|c| c.is_alphanumeric() || ".-_+".contains(c)),
        _ => false,
    }
}

/// Tokenize `text` with `rules`, appending to `out`.
pub fn tokenize_into(text: &str, rules: &LangRules, out: &mut Vec<Token>) {
    let mut i = 0;
    let n = text.len();
    // Position of the next '@' at or after `i` (n when none), for the e-mail test.
    let mut next_at = 0usize;
    let mut at_known = false;
    while i < n {
        let b = text.as_bytes()[i];
        // ASCII spaces: the most common byte class here
        if class(b) == C_SPACE {
            i += 1;
            continue;
        }
        // ASCII fast path for the common cases.
        let c = if b < 0x80 { b as char } else { char_at(text, i).unwrap() };
        let cl = c.len_utf8();
        if is_space(c) {
            i += cl;
            continue;
        }
        if is_alnum(c) {
            // "http" and "www" have 't' or 'w' second: most h/w words fail on that byte
            if matches!(b, b'h' | b'w' | b'H' | b'W')
                && text.as_bytes().get(i + 1).is_some_and(|&x| matches!(x | 0x20, b't' | b'w'))
                && looks_like_url(&text[i..])
            {
                let e = url_end(text, i);
                push(text, out, i, e, TokenKind::Symbol);
                i = e;
                continue;
            }
            if !at_known || next_at < i {
                next_at = memchr::memchr(b'@', &text.as_bytes()[i..]).map_or(n, |p| i + p);
                at_known = true;
            }
            if next_at < n && looks_like_email_fast(text, i, next_at) && looks_like_email(text, i) {
                let e = url_end(text, i);
                push(text, out, i, e, TokenKind::Symbol);
                i = e;
                continue;
            }
            i = scan_word(text, i, rules, out);
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + cl;
            while let Some(d) = char_at(text, j) {
                if matches!(d, '.' | '!' | '?' | '…') {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            // "." "!" "?" "…" have no analysis form
            push_n(text, out, i, j, TokenKind::Punct, false);
            i = j;
            continue;
        }
        push_n(text, out, i, i + cl, punct_kind(c), cl > 1);
        i += cl;
    }
}

/// Cheap pre-check: an '@' before the next whitespace within 64 bytes of `start`, given
/// `at`, the position of the first '@' at or after `start`.
#[inline]
fn looks_like_email_fast(text: &str, start: usize, at: usize) -> bool {
    at - start < 64 && !text.as_bytes()[start..at].iter().any(|&x| x == b' ' || x == b'\n' || x == b'\t')
}

/// End of the run of ASCII letters and digits starting at `i` in `bytes`.
///
/// Sixteen bytes at a time with SSE2 (part of the x86-64 baseline): the end of a word is
/// then found without a data-dependent loop exit, which a byte loop mispredicts once per
/// word.
#[inline(always)]
fn alnum_run(bytes: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        while i + 16 <= bytes.len() {
            // SAFETY: SSE2 is always available on x86-64; the load reads bytes[i..i + 16],
            // in bounds by the loop condition, unaligned.
            let non = unsafe {
                let v = _mm_loadu_si128(bytes.as_ptr().add(i) as *const __m128i);
                // letters: (b | 0x20) in 'a'..='z'; digits: b in '0'..='9'; both tested as
                // signed bytes after shifting the range to start at -128
                let lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
                let a = _mm_add_epi8(lower, _mm_set1_epi8((128u8 - b'a') as i8));
                let alpha = _mm_cmplt_epi8(a, _mm_set1_epi8((-128i32 + 26) as i8));
                let d = _mm_add_epi8(v, _mm_set1_epi8((128u8 - b'0') as i8));
                let digit = _mm_cmplt_epi8(d, _mm_set1_epi8((-128i32 + 10) as i8));
                !(_mm_movemask_epi8(_mm_or_si128(alpha, digit)) as u32) & 0xFFFF
            };
            if non != 0 {
                return i + non.trailing_zeros() as usize;
            }
            i += 16;
        }
    }
    while i < bytes.len() && class(bytes[i]) & C_ALNUM != 0 {
        i += 1;
    }
    i
}

/// Scan a word or number starting at `start` (an alphanumeric character), push its
/// token(s), return the end.
#[inline(always)]
fn scan_word(text: &str, start: usize, rules: &LangRules, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    // the first run of ASCII letters and digits: the word loop below goes on from there
    let mut j = alnum_run(bytes, start);
    // Listed abbreviations with inner punctuation ("J.-C.", "e.g.") first; they all have a
    // '.' right after their first run of ASCII letters, which is cheap to test.
    if !rules.multi_abbrevs.is_empty() {
        let r = j;
        if r < bytes.len() && bytes[r] == b'.' && r > start && bytes[start..r].iter().all(|&x| class(x) & C_ALPHA != 0) {
            for m in &rules.multi_abbrevs {
                if m.as_bytes()[0] == bytes[start] && text[start..].starts_with(&**m) && !char_at(text, start + m.len()).is_some_and(is_alnum) {
                    push(text, out, start, start + m.len(), TokenKind::Word);
                    return start + m.len();
                }
            }
        }
    }
    let mut word_start = start;
    // '-' seen in the word (for pronoun suffixes), tracked instead of searched afterwards
    let mut last_hyphen: Option<usize> = None;
    // a character `normalize` may map seen in the word (else no token of it has an
    // analysis form, which spares the check per token)
    let mut may_norm = false;
    // Start of the current dot-separated segment, for acronyms ("U.S.A.").
    let mut seg_start = start;
    // Start of the current digit group, for "25 000".
    let mut group_start = start;
    loop {
        // ASCII letters and digits: the common case, no decoding.
        j = alnum_run(bytes, j);
        let Some(&b) = bytes.get(j) else { break };
        // ASCII characters that never join a word: done without decoding around them.
        if b < 0x80 && !matches!(b, b'\'' | b'-' | b'.' | b',' | b':' | b'/' | b'&') {
            break;
        }
        // "-" "." "," ":" "/" "&" join only before an alphanumeric character (the apostrophe
        // may end an elision): "mot, " and "mot. " are done here without decoding.
        if b < 0x80 && b != b'\'' && bytes.get(j + 1).is_none_or(|&x| x < 0x80 && class(x) & C_ALNUM == 0) {
            break;
        }
        // "à" "é" "è" "ç" ... (U+00C0..=U+00FF but × ÷): letters, none with an analysis form
        if b == 0xC3 && bytes.get(j + 1).is_some_and(|&x| x != 0x97 && x != 0xB7) {
            j += 2;
            continue;
        }
        let Some(c) = char_at(text, j) else { break };
        let cl = c.len_utf8();
        // the lead bytes of every character `normalize` maps
        may_norm |= matches!(b, 0xC2 | 0xCA | 0xE2 | 0xEF);
        if is_alnum(c) {
            j += cl;
            continue;
        }
        let prev = char_before(text, j);
        let next = char_at(text, j + cl);
        let prev_alnum = prev.is_some_and(is_alnum);
        let next_alnum = next.is_some_and(is_alnum);
        let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
        let next_digit = next.is_some_and(|p| p.is_ascii_digit());
        if is_apostrophe(c) {
            let seg = &text[word_start..j];
            if prev.is_some_and(char::is_alphabetic)
                && seg.len() <= 8
                && rules.elisions.iter().any(|e| seg.eq_ignore_ascii_case(e))
                && !is_elision_exception(text, word_start, rules)
            {
                push_n(text, out, word_start, j + cl, TokenKind::Word, may_norm);
                word_start = j + cl;
                seg_start = word_start;
                group_start = word_start;
                j = word_start;
                if next_alnum {
                    continue;
                }
                return j;
            }
            if prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) {
                j += cl;
                continue;
            }
            break;
        }
        match c {
            '-' | '‐' | '‑' if prev_alnum && next_alnum => {}
            '.' if prev_digit && next_digit => {}
            // Acronym: single letter, '.', letter followed by '.' ("U.S.", "e.g.").
            '.' if prev.is_some_and(char::is_alphabetic)
                && text[seg_start..j].chars().count() == 1
                && next.is_some_and(char::is_alphabetic)
                && char_at(text, j + cl + next.unwrap().len_utf8()) == Some('.') =>
            {
                j += cl;
                seg_start = j;
                continue;
            }
            ',' | ':' if prev_digit && next_digit => {}
            '/' if prev_alnum && next_alnum => {}
            '&' if prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase) => {}
            c if is_digit_group_space(c)
                && prev_digit
                && text.as_bytes()[word_start].is_ascii_digit()
                && (1..=3).contains(&(j - group_start))
                && text[group_start..j].bytes().all(|d| d.is_ascii_digit())
                && digit_group_follows(text, j + cl) =>
            {
                j += cl;
                group_start = j;
                continue;
            }
            _ => break,
        }
        if c == '-' {
            last_hyphen = Some(j);
        }
        j += cl;
        if matches!(c, ',' | '.' | ':' | '/' | '-') {
            group_start = j;
        }
    }
    let mut end = j;
    if word_start == end {
        return end;
    }
    // A period belongs to listed abbreviations, initials and acronyms.
    if bytes.get(end) == Some(&b'.') {
        let w = &text[word_start..end];
        let with_dot = &text[word_start..end + 1];
        let mut chars = w.chars();
        let first = chars.next().unwrap();
        let single_upper = first.is_uppercase() && chars.next().is_none();
        let acronym = w.contains('.') && !first.is_ascii_digit();
        if single_upper || acronym || rules.abbreviations.contains_key(with_dot) {
            end += 1;
        }
    }
    // French pronoun suffixes ("a-t-il").
    if last_hyphen.is_some_and(|h| h >= word_start)
        && !rules.hyphen_suffixes.is_empty()
        && end - word_start > 2
    {
        let word = &text[word_start..end];
        for suf in &rules.hyphen_suffixes {
            // every suffix starts with '-': test that byte before comparing the rest
            if word.len() > suf.len() && word.as_bytes()[word.len() - suf.len()] == b'-' && word.ends_with(&**suf) {
                // listed words are kept whole; tested only once a suffix matches, as most
                // hyphenated words ("Jean-Luc", "Nord-Est") end with none
                if rules.hyphen_exceptions.iter().any(|e| eq_ci(word, e)) {
                    break;
                }
                let base = &word[..word.len() - suf.len()];
                let last = base.chars().next_back().unwrap();
                let first = base.chars().next().unwrap();
                let ok = last.is_alphabetic()
                    && (!first.is_uppercase() && !base.chars().any(char::is_uppercase)
                        || suf.starts_with("-t-")
                        || (first.is_uppercase() && !base[first.len_utf8()..].chars().any(char::is_uppercase) && matches!(last, 't' | 'd'))
                        || (base.len() <= 3 && matches!(&**suf, "-ce")));
                if ok {
                    let cut = word_start + base.len();
                    push_n(text, out, word_start, cut, word_kind(base), may_norm);
                    push_n(text, out, cut, end, TokenKind::Word, may_norm);
                    return end;
                }
            }
        }
    }
    // English clitics ("don't", "Russia's").
    if !rules.clitics.is_empty() && text[word_start..end].contains(is_apostrophe) {
        let word = &text[word_start..end];
        for cl in &rules.clitics {
            if let Some(cut) = ends_with_ci(word, cl) {
                if cut > 0 {
                    push_n(text, out, word_start, word_start + cut, word_kind(word), may_norm);
                    push_n(text, out, word_start + cut, end, TokenKind::Word, may_norm);
                    return end;
                }
            }
        }
    }
    push_n(text, out, word_start, end, word_kind_at(text, word_start), may_norm);
    end
}

/// Exactly three ASCII digits at `i`, not followed by another digit.
fn digit_group_follows(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    i + 3 <= b.len() && b[i..i + 3].iter().all(u8::is_ascii_digit) && !b.get(i + 3).is_some_and(u8::is_ascii_digit)
}

/// True when the word at `start` is listed as kept whole ("presqu’île", "c’est-à-dire").
fn is_elision_exception(text: &str, start: usize, rules: &LangRules) -> bool {
    if rules.elision_exceptions.is_empty() {
        return false;
    }
    // Cheap test first: does an exception start with this word's first letter?
    let first = text.as_bytes()[start].to_ascii_lowercase();
    if !rules.elision_exceptions.iter().any(|e| e.as_bytes()[0] == first) {
        return false;
    }
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| !(is_alnum(c) || is_apostrophe(c) || c == '-'))
        .map_or(rest.len(), |(i, _)| i);
    let w = &rest[..end];
    rules.elision_exceptions.iter().any(|e| eq_ci(w, e))
}

#[cfg(test)]
mod run_tests {
    use super::*;

    /// The vector scan agrees with the byte table on every byte value and position.
    #[test]
    fn alnum_run_matches_byte_table() {
        for b in 0..=255u8 {
            for pos in 0..40 {
                let mut v = vec![b'a'; 40];
                v[pos] = b;
                let expect = if class(b) & C_ALNUM != 0 { 40 } else { pos };
                assert_eq!(alnum_run(&v, 0), expect, "byte {b:#x} at {pos}");
                if pos > 3 {
                    assert_eq!(alnum_run(&v, 3), expect, "byte {b:#x} at {pos} from 3");
                }
            }
        }
    }
}
