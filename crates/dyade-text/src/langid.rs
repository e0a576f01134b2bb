//! Language identification from per-language profiles (model as data).
//!
//! A profile (`resources/lang/<code>.txt`) lists frequent words and character trigrams with
//! their log-probabilities in that language. A text is scored as a naive-Bayes sum over its
//! words (`w` lines) and the trigrams of its words padded with `_` (`t` lines): entries not
//! listed get one floor shared by every language, so words no profile knows (names, most
//! content words) cost nothing. A profile without trigrams abstains on trigrams (it gets
//! the mean of the languages that have them). Adding a language = adding a file.
//!
//! Profile format (UTF-8, `#` comments, TAB-separated):
//! ```text
//! lang  fr            ISO 639-1 code (required)
//! name  French
//! w     de  -3.05     word (lowercase) and natural-log probability
//! r     der           ranked word (hand-made lists): log-probability ln(0.08/(rank+2))
//! t     _de -5.2      trigram (lowercase, '_' = word boundary) and log-probability
//! ```
//! Only content is read: boilerplate spans are skipped, and reading stops after
//! [`MAX_WORDS`] words or once one language leads by a wide margin.

use crate::rules::ResourceError;
use dyade_core::{Component, Document};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

/// Log-probability of a word no profile lists for a language.
pub const WORD_FLOOR: f32 = -11.5;
/// Log-probability of a trigram no profile lists for a language.
pub const TRIGRAM_FLOOR: f32 = -12.0;
/// Weight of the trigram evidence relative to words (trigrams of one word are correlated).
pub const TRIGRAM_WEIGHT: f32 = 0.35;
/// At most this many words are read.
pub const MAX_WORDS: usize = 1000;
/// Stop once the best language leads the second by this many nats (after 40 words).
pub const STOP_MARGIN: f32 = 60.0;

/// A small fast hasher (FxHash) for the feature tables; keys are not attacker-controlled
/// in a way that matters here.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);
impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = 0u64;
            for (i, b) in chunk.iter().enumerate() {
                v |= (*b as u64) << (8 * i);
            }
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}
type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// One language's profile as read from its file.
#[derive(Debug, Clone, Default)]
pub struct LangProfile {
    /// ISO 639-1 code.
    pub code: String,
    /// English name.
    pub name: String,
    /// Words and log-probabilities.
    pub words: Vec<(String, f32)>,
    /// Trigrams and log-probabilities.
    pub trigrams: Vec<(String, f32)>,
}

impl LangProfile {
    /// Parse a profile; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, ResourceError> {
        let perr = |line: usize, msg: String| ResourceError::Parse { file: file.to_string(), line, msg };
        let mut p = LangProfile::default();
        let mut rank = 0usize;
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let num = |s: Option<&&str>| -> Result<f32, ResourceError> {
                s.and_then(|x| x.trim().parse::<f32>().ok()).ok_or_else(|| perr(n, "missing or bad log-probability".into()))
            };
            match f[0] {
                "lang" => p.code = f.get(1).ok_or_else(|| perr(n, "lang without code".into()))?.trim().to_string(),
                "name" => p.name = f.get(1).unwrap_or(&"").trim().to_string(),
                "w" if f.len() >= 3 => p.words.push((f[1].to_lowercase(), num(f.get(2))?)),
                "r" if f.len() >= 2 => {
                    p.words.push((f[1].to_lowercase(), (0.08 / (rank as f32 + 2.0)).ln()));
                    rank += 1;
                }
                "t" if f.len() >= 3 => {
                    if f[1].chars().count() != 3 {
                        return Err(perr(n, format!("trigram {:?} is not 3 characters", f[1])));
                    }
                    p.trigrams.push((f[1].to_lowercase(), num(f.get(2))?))
                }
                other => return Err(perr(n, format!("unknown or incomplete line kind {other:?}"))),
            }
        }
        if p.code.is_empty() {
            return Err(perr(0, "no `lang` line".into()));
        }
        Ok(p)
    }
}

/// The outcome of identification.
#[derive(Debug, Clone, PartialEq)]
pub struct LangGuess {
    /// ISO 639-1 code of the best language.
    pub lang: String,
    /// Posterior probability of the best language under the model, in `[0, 1]`.
    pub confidence: f32,
    /// Number of words read.
    pub words: usize,
}

/// Language identifier (component name `"langid"`). Sets `meta.lang` and
/// `meta.lang_confidence` when `meta.lang` is not already given.
#[derive(Debug, Clone)]
pub struct LanguageIdentifier {
    codes: Vec<String>,
    /// word → row of `word_lp` (one f32 per language).
    words: FxMap<Box<str>, u32>,
    word_lp: Vec<f32>,
    /// packed trigram → row of `tri_lp`.
    trigrams: FxMap<u64, u32>,
    tri_lp: Vec<f32>,
    /// The same trigram rows as a direct table, when the profiles' trigram alphabet is small.
    tri_index: Option<TriIndex>,
    /// Minimum confidence for setting `meta.lang`.
    pub min_confidence: f32,
}

macro_rules! profiles {
    ($($f:literal),*) => {
        &[$(($f, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../resources/lang/", $f)))),*]
    };
}

/// The profiles compiled in (`resources/lang/*.txt`).
pub const BUILTIN_PROFILES: &[(&str, &str)] = profiles!("fr.txt", "en.txt", "es.txt", "de.txt", "it.txt", "pt.txt");

#[inline]
fn pack(a: char, b: char, c: char) -> u64 {
    ((a as u64) << 42) | ((b as u64) << 21) | (c as u64)
}

impl Default for LanguageIdentifier {
    /// The built-in profiles (fr, en, es, de, it, pt).
    fn default() -> Self {
        let profiles: Vec<LangProfile> =
            BUILTIN_PROFILES.iter().map(|(f, t)| LangProfile::parse(f, t).expect("built-in profile parses")).collect();
        Self::from_profiles(profiles)
    }
}

impl LanguageIdentifier {
    /// Build from parsed profiles.
    pub fn from_profiles(profiles: Vec<LangProfile>) -> Self {
        let l = profiles.len();
        let codes: Vec<String> = profiles.iter().map(|p| p.code.clone()).collect();
        let mut words: FxMap<Box<str>, u32> = FxMap::default();
        let mut word_lp: Vec<f32> = Vec::new();
        for (li, p) in profiles.iter().enumerate() {
            for (w, lp) in &p.words {
                let row = *words.entry(w.as_str().into()).or_insert_with(|| {
                    word_lp.extend(std::iter::repeat_n(WORD_FLOOR, l));
                    (word_lp.len() / l - 1) as u32
                });
                let cell = &mut word_lp[row as usize * l + li];
                *cell = cell.max(*lp);
            }
        }
        let has_tri: Vec<bool> = profiles.iter().map(|p| !p.trigrams.is_empty()).collect();
        let mut trigrams: FxMap<u64, u32> = FxMap::default();
        let mut tri_lp: Vec<f32> = Vec::new();
        for (li, p) in profiles.iter().enumerate() {
            for (t, lp) in &p.trigrams {
                let mut cs = t.chars();
                let key = pack(cs.next().unwrap(), cs.next().unwrap(), cs.next().unwrap());
                let row = *trigrams.entry(key).or_insert_with(|| {
                    tri_lp.extend(std::iter::repeat_n(TRIGRAM_FLOOR, l));
                    (tri_lp.len() / l - 1) as u32
                });
                tri_lp[row as usize * l + li] = *lp;
            }
        }
        // Languages without trigrams abstain: they get the mean of those that have them.
        let n_with = has_tri.iter().filter(|&&h| h).count();
        if n_with > 0 && n_with < l {
            for row in tri_lp.chunks_mut(l) {
                let mean = row.iter().zip(&has_tri).filter(|(_, &h)| h).map(|(v, _)| *v).sum::<f32>() / n_with as f32;
                for (v, &h) in row.iter_mut().zip(&has_tri) {
                    if !h {
                        *v = mean;
                    }
                }
            }
        }
        let tri_index = TriIndex::build(&trigrams);
        LanguageIdentifier { codes, words, word_lp, trigrams, tri_lp, tri_index, min_confidence: 0.0 }
    }

    /// Load every `*.txt` profile in `dir`.
    pub fn from_dir(dir: &Path) -> Result<Self, ResourceError> {
        let io = |source| ResourceError::Io { path: dir.to_path_buf(), source };
        let mut profiles = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir(dir).map_err(io)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.extension().and_then(|e| e.to_str()) != Some("txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|source| ResourceError::Io { path: path.clone(), source })?;
            profiles.push(LangProfile::parse(&path.display().to_string(), &text)?);
        }
        Ok(Self::from_profiles(profiles))
    }

    /// Codes of the known languages.
    pub fn languages(&self) -> &[String] {
        &self.codes
    }

    /// Identify the language of `text`.
    pub fn identify(&self, text: &str) -> Option<LangGuess> {
        self.identify_parts(std::iter::once(text))
    }

    /// Identify the language of the concatenation of `parts` (e.g. content regions).
    pub fn identify_parts<'a>(&self, parts: impl IntoIterator<Item = &'a str>) -> Option<LangGuess> {
        let l = self.codes.len();
        if l == 0 {
            return None;
        }
        let mut scores = vec![0f32; l];
        let mut word = String::with_capacity(32);
        let mut n_words = 0usize;
        'outer: for part in parts {
            let mut chars = part.chars();
            while let Some(valid) = next_word(&mut chars, &mut word) {
                if !valid {
                    continue;
                }
                n_words += 1;
                if let Some(&row) = self.words.get(word.as_str()) {
                    add_row(&mut scores, &self.word_lp[row as usize * l..row as usize * l + l]);
                }
                for_trigrams(&word, |key| self.add_trigram(key, &mut scores));
                if n_words >= MAX_WORDS {
                    break 'outer;
                }
                if n_words % 40 == 0 {
                    let (b, s) = best_two(&scores);
                    if b - s > STOP_MARGIN {
                        break 'outer;
                    }
                }
            }
        }
        if n_words == 0 {
            return None;
        }
        let (bi, _) = scores.iter().enumerate().fold((0, f32::MIN), |a, (i, &s)| if s > a.1 { (i, s) } else { a });
        let max = scores[bi];
        let z: f32 = scores.iter().map(|s| (s - max).exp()).sum();
        Some(LangGuess { lang: self.codes[bi].clone(), confidence: 1.0 / z, words: n_words })
    }

    /// Row of a packed trigram in `tri_lp`, if any profile lists it.
    #[inline]
    fn trigram_row(&self, key: u64) -> Option<u32> {
        match &self.tri_index {
            Some(ti) => ti.get(key),
            None => self.trigrams.get(&key).copied(),
        }
    }

    #[inline]
    fn add_trigram(&self, key: u64, scores: &mut [f32]) {
        let l = scores.len();
        match self.trigram_row(key) {
            Some(row) => add_row_weighted(scores, &self.tri_lp[row as usize * l..row as usize * l + l]),
            None => {} // unknown to every profile: the same floor for all, no evidence.
        }
    }
}

/// `scores[i] += r[i]`; a fixed-size loop for the built-in six languages.
#[inline(always)]
fn add_row(scores: &mut [f32], r: &[f32]) {
    if let (Ok(s), Ok(r)) = (<&mut [f32; 6]>::try_from(&mut *scores), <&[f32; 6]>::try_from(r)) {
        for i in 0..6 {
            s[i] += r[i];
        }
    } else {
        for (s, v) in scores.iter_mut().zip(r) {
            *s += v;
        }
    }
}

/// `scores[i] += TRIGRAM_WEIGHT * r[i]`; a fixed-size loop for the built-in six languages.
#[inline(always)]
fn add_row_weighted(scores: &mut [f32], r: &[f32]) {
    if let (Ok(s), Ok(r)) = (<&mut [f32; 6]>::try_from(&mut *scores), <&[f32; 6]>::try_from(r)) {
        for i in 0..6 {
            s[i] += TRIGRAM_WEIGHT * r[i];
        }
    } else {
        for (s, v) in scores.iter_mut().zip(r) {
            *s += TRIGRAM_WEIGHT * v;
        }
    }
}

/// Read the next word of `chars` into `buf`, lowercased; an apostrophe right after letters
/// ends the word and is kept as `'` ("l'", "don'" + "t"). Returns `None` at the end,
/// `Some(false)` for a token with digits (not a word), `Some(true)` for a word.
pub fn next_word(chars: &mut std::str::Chars, buf: &mut String) -> Option<bool> {
    buf.clear();
    let mut has_digit = false;
    let mut any = false;
    for c in chars.by_ref() {
        // ASCII: the same tests and lowercase without the Unicode tables
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                buf.push(c.to_ascii_lowercase());
                any = true;
                continue;
            }
            if c.is_ascii_digit() {
                has_digit = true;
                any = true;
                continue;
            }
        }
        if c.is_alphabetic() {
            buf.extend(c.to_lowercase());
            any = true;
        } else if c.is_numeric() {
            has_digit = true;
            any = true;
        } else if any {
            if matches!(c, '\'' | '’' | 'ʼ') && !has_digit {
                buf.push('\'');
            }
            return Some(!has_digit);
        }
    }
    any.then_some(!has_digit)
}

/// Call `f` with each packed trigram of `_word_` (a final elision apostrophe excluded).
#[inline]
pub fn for_trigrams(word: &str, mut f: impl FnMut(u64)) {
    let w = word.strip_suffix('\'').unwrap_or(word);
    let (mut a, mut b) = ('\0', '_');
    for c in w.chars().chain(std::iter::once('_')) {
        if a != '\0' {
            f(pack(a, b, c));
        }
        a = b;
        b = c;
    }
}

/// Trigram rows in a direct table: each character of the profiles' trigram alphabet (at
/// most 63 of them) gets a 6-bit code, a trigram the 18-bit index of its three codes. A
/// trigram with a character outside the alphabet is listed by no profile.
#[derive(Debug, Clone)]
struct TriIndex {
    /// Code of characters below U+0180 (0: not in the alphabet).
    low: [u8; 0x180],
    /// Codes of the other characters of the alphabet.
    high: Vec<(u32, u8)>,
    /// Row + 1 by trigram index (0: not listed).
    table: Vec<u16>,
}

impl TriIndex {
    fn build(trigrams: &FxMap<u64, u32>) -> Option<TriIndex> {
        let m = (1u64 << 21) - 1;
        let mut ti = TriIndex { low: [0; 0x180], high: vec![], table: vec![] };
        let mut next = 1u8;
        for &key in trigrams.keys() {
            for x in [(key >> 42) & m, (key >> 21) & m, key & m] {
                let x = x as u32;
                if ti.code(x) == 0 {
                    if next > 63 {
                        return None;
                    }
                    if x < 0x180 {
                        ti.low[x as usize] = next;
                    } else {
                        ti.high.push((x, next));
                    }
                    next += 1;
                }
            }
        }
        if trigrams.values().any(|&r| r >= u16::MAX as u32) {
            return None;
        }
        ti.table = vec![0u16; 1 << 18];
        for (&key, &row) in trigrams {
            let i = ti.index(key)?;
            ti.table[i] = row as u16 + 1;
        }
        Some(ti)
    }

    #[inline]
    fn code(&self, x: u32) -> u8 {
        if x < 0x180 {
            self.low[x as usize]
        } else {
            self.high.iter().find(|(c, _)| *c == x).map_or(0, |(_, k)| *k)
        }
    }

    #[inline]
    fn index(&self, key: u64) -> Option<usize> {
        let m = (1u64 << 21) - 1;
        let a = self.code(((key >> 42) & m) as u32);
        let b = self.code(((key >> 21) & m) as u32);
        let c = self.code((key & m) as u32);
        (a != 0 && b != 0 && c != 0).then(|| ((a as usize) << 12) | ((b as usize) << 6) | c as usize)
    }

    #[inline]
    fn get(&self, key: u64) -> Option<u32> {
        let r = self.table[self.index(key)?];
        (r != 0).then(|| r as u32 - 1)
    }
}

/// Unpack a trigram key made by [`for_trigrams`].
pub fn unpack(key: u64) -> String {
    let m = (1u64 << 21) - 1;
    [(key >> 42) & m, (key >> 21) & m, key & m].iter().filter_map(|&x| char::from_u32(x as u32)).collect()
}

fn best_two(scores: &[f32]) -> (f32, f32) {
    let mut b = f32::MIN;
    let mut s = f32::MIN;
    for &x in scores {
        if x > b {
            s = b;
            b = x;
        } else if x > s {
            s = x;
        }
    }
    (b, s)
}

impl Component for LanguageIdentifier {
    fn name(&self) -> &'static str {
        "langid"
    }

    fn process(&self, doc: &mut Document) {
        if doc.meta.lang.is_some() {
            return;
        }
        let regions = crate::segment::content_regions_raw(&doc.text, &doc.boilerplate);
        let parts = regions.iter().map(|r| &doc.text[r.start..r.end]);
        if let Some(g) = self.identify_parts(parts) {
            if g.confidence >= self.min_confidence {
                doc.meta.lang = Some(g.lang);
                doc.meta.lang_confidence = Some(g.confidence);
            }
        }
    }
}

#[cfg(test)]
mod tri_tests {
    use super::*;

    /// The direct trigram table answers exactly as the hash map, for listed trigrams and
    /// for trigrams of real text.
    #[test]
    fn tri_index_equals_map() {
        let li = LanguageIdentifier::default();
        let ti = li.tri_index.as_ref().expect("built-in profiles fit the direct table");
        for (&key, &row) in &li.trigrams {
            assert_eq!(ti.get(key), Some(row), "{}", unpack(key));
        }
        let text = "L'État a décidé, à Paris, qu'une œuvre naïve coûte 3 € — ça ßt ĳ Ωμέγα Привет ärger façade";
        let mut chars = text.chars();
        let mut w = String::new();
        while let Some(_) = next_word(&mut chars, &mut w) {
            for_trigrams(&w, |key| assert_eq!(ti.get(key), li.trigrams.get(&key).copied(), "{}", unpack(key)));
        }
    }
}
