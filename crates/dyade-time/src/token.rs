//! A fast, language-neutral tokenizer for temporal matching.
//!
//! Words are runs of letters, numbers runs of ASCII digits (a letter/digit change splits:
//! "10h24" → `10` `h` `24`), every other non-space character is a one-character token.
//! Each token keeps a lowercased form and an accent-folded form (for matching unaccented
//! input: "reveillon de noel"), stored in one shared buffer so tokenizing does not allocate
//! per token.

/// Token classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters.
    Word,
    /// ASCII digits.
    Num,
    /// One punctuation or symbol character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Byte start in the text.
    pub start: u32,
    /// Byte end in the text.
    pub end: u32,
    /// Class.
    pub kind: Kind,
    /// Lowercased form: range into [`Tokens::buf`].
    pub low: (u32, u32),
    /// Lowercased, accent-folded form: range into [`Tokens::buf`].
    pub fold: (u32, u32),
    /// Numeric value for numbers (saturating).
    pub num: u32,
    /// Digit count for numbers.
    pub ndig: u8,
    /// First letter is uppercase.
    pub cap: bool,
    /// A line break (or a sentence-final mark) separates this token from the previous one.
    pub brk: bool,
}

/// The tokens of a text.
#[derive(Debug, Default)]
pub struct Tokens {
    /// Tokens in text order.
    pub toks: Vec<Tok>,
    /// Backing store of the normalized forms.
    pub buf: String,
}

impl Tokens {
    /// The tokens inside the byte range `start..end`: (the first, one past the last).
    #[inline]
    pub fn within(&self, start: usize, end: usize) -> (usize, usize) {
        (self.toks.partition_point(|k| (k.start as usize) < start), self.toks.partition_point(|k| (k.end as usize) <= end))
    }

    /// Lowercased form of token `i`.
    pub fn low(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].low;
        &self.buf[a as usize..b as usize]
    }
    /// Folded form of token `i`.
    pub fn fold(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].fold;
        &self.buf[a as usize..b as usize]
    }
}

/// Fold one lowercase character to ASCII where it is a Latin letter with a diacritic.
#[inline]
pub fn fold_char(c: char, out: &mut String) {
    let r = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' | 'ý' => 'y',
        'ñ' => 'n',
        'œ' => {
            out.push_str("oe");
            return;
        }
        'æ' => {
            out.push_str("ae");
            return;
        }
        '’' | 'ʼ' | '‘' | '`' | '´' => '\'',
        '–' | '—' | '‑' | '‐' => '-',
        c => c,
    };
    out.push(r);
}

/// Fold a whole string (lowercase + [`fold_char`]).
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            fold_char(l, &mut out);
        }
    }
    out
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}'
}

/// Tokenize `text`.
pub fn tokenize(text: &str, out: &mut Tokens) {
    out.toks.clear();
    out.buf.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0usize;
    let mut brk = true;
    while i < n {
        let b = bytes[i];
        if b < 128 {
            if b == b'\n' || b == b'\r' {
                brk = true;
                i += 1;
                continue;
            }
            if b == b' ' || b == b'\t' {
                i += 1;
                continue;
            }
            if b.is_ascii_digit() {
                let s = i;
                let mut v: u32 = 0;
                while i < n && bytes[i].is_ascii_digit() {
                    v = v.saturating_mul(10).saturating_add((bytes[i] - b'0') as u32);
                    i += 1;
                }
                let a = out.buf.len() as u32;
                out.buf.push_str(&text[s..i]);
                let e = out.buf.len() as u32;
                out.toks.push(Tok { start: s as u32, end: i as u32, kind: Kind::Num, low: (a, e), fold: (a, e), num: v, ndig: (i - s).min(255) as u8, cap: false, brk });
                brk = false;
                continue;
            }
            if b.is_ascii_alphabetic() {
                // fast ASCII word path; falls into the general path on a non-ASCII letter
                let s = i;
                while i < n && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                if i < n && bytes[i] >= 128 && text[i..].chars().next().is_some_and(is_letter) {
                    i = word_general(text, s, out, brk);
                } else {
                    let a = out.buf.len() as u32;
                    for &c in &bytes[s..i] {
                        out.buf.push(c.to_ascii_lowercase() as char);
                    }
                    let e = out.buf.len() as u32;
                    out.toks.push(Tok { start: s as u32, end: i as u32, kind: Kind::Word, low: (a, e), fold: (a, e), num: 0, ndig: 0, cap: b.is_ascii_uppercase(), brk });
                }
                brk = false;
                continue;
            }
            // ASCII punctuation
            let a = out.buf.len() as u32;
            out.buf.push(b as char);
            let e = out.buf.len() as u32;
            out.toks.push(Tok { start: i as u32, end: i as u32 + 1, kind: Kind::Punct, low: (a, e), fold: (a, e), num: 0, ndig: 0, cap: false, brk });
            brk = false;
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap();
        if is_space(c) {
            if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                brk = true;
            }
            i += c.len_utf8();
            continue;
        }
        if is_letter(c) {
            i = word_general(text, i, out, brk);
            brk = false;
            continue;
        }
        let a = out.buf.len() as u32;
        let mut l = String::new();
        fold_char(c, &mut l);
        out.buf.push_str(&l);
        let e = out.buf.len() as u32;
        out.toks.push(Tok { start: i as u32, end: (i + c.len_utf8()) as u32, kind: Kind::Punct, low: (a, e), fold: (a, e), num: 0, ndig: 0, cap: false, brk });
        brk = false;
        i += c.len_utf8();
    }
}

/// Letter test with a fast path for ASCII and Latin-1/Latin Extended-A (French, English).
#[inline]
fn is_letter(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        c.is_ascii_alphabetic()
    } else if (0xC0..0x250).contains(&u) {
        u != 0xD7 && u != 0xF7
    } else {
        c.is_alphabetic()
    }
}

/// A word with non-ASCII letters starting at `s`; returns its end.
fn word_general(text: &str, s: usize, out: &mut Tokens, brk: bool) -> usize {
    let mut end = s;
    let mut cap = false;
    let mut ascii = true;
    let a = out.buf.len() as u32;
    for (k, c) in text[s..].char_indices() {
        if !is_letter(c) {
            break;
        }
        if k == 0 {
            cap = c.is_uppercase();
        }
        ascii &= c.is_ascii();
        end = s + k + c.len_utf8();
        let u = c as u32;
        if u < 0x80 {
            out.buf.push(c.to_ascii_lowercase());
        } else if (0xC0..=0xDE).contains(&u) && u != 0xD7 {
            // Latin-1 capitals lowercase by +0x20
            out.buf.push(char::from_u32(u + 0x20).unwrap_or(c));
        } else if (0xDF..0x100).contains(&u) {
            out.buf.push(c);
        } else {
            for l in c.to_lowercase() {
                out.buf.push(l);
            }
        }
    }
    let e = out.buf.len() as u32;
    let fold = if ascii {
        (a, e)
    } else {
        let fa = out.buf.len();
        let mut k = a as usize;
        while k < e as usize {
            let c = out.buf[k..].chars().next().unwrap_or(' ');
            k += c.len_utf8();
            fold_char(c, &mut out.buf);
        }
        (fa as u32, out.buf.len() as u32)
    };
    out.toks.push(Tok { start: s as u32, end: end as u32, kind: Kind::Word, low: (a, e), fold, num: 0, ndig: 0, cap, brk });
    end
}

/// Tokenize a resource phrase into folded token strings.
pub fn phrase_tokens(s: &str) -> Vec<String> {
    let mut t = Tokens::default();
    tokenize(s, &mut t);
    (0..t.toks.len()).map(|i| t.fold(i).to_string()).collect()
}
