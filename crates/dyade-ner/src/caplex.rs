//! Capitalization lexicon: how often a word is written with a capital inside a sentence in
//! a large unlabelled news corpus (OrangeSum). "russes", "défense", "sommet" are mostly
//! lowercase, so a capitalized "Russes" or "Défense" is weaker evidence of a name than
//! "Kremlin", which is always capitalized. Built reproducibly at training time and stored
//! in the model file; keys are the feature extractor's hash of the lowercased word.

use crate::features::TokInfo;
use crate::model::{ModelError, Result};
use crate::tokenize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::BufRead;
use std::path::Path;

/// Identity hasher: keys are already well-mixed hashes.
#[derive(Default)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("IdHasher only hashes u32 keys")
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = (v as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Word → capitalization class (1..=24), keyed by a 32-bit lowercase-form hash.
#[derive(Debug, Clone, Default)]
pub struct CapLex {
    map: HashMap<u32, u8, BuildHasherDefault<IdHasher>>,
}

fn key(lower_hash: u64) -> u32 {
    (lower_hash >> 32) as u32 ^ lower_hash as u32
}

impl CapLex {
    /// Class of a token (0 when the word was not seen often enough).
    #[inline]
    pub fn class(&self, info: &TokInfo) -> u64 {
        if self.map.is_empty() {
            return 0;
        }
        self.map.get(&key(info.lower_hash())).copied().unwrap_or(0) as u64
    }

    /// True when the corpus writes this word in lowercase in more than 80% of its
    /// in-sentence occurrences, over at least 10 occurrences.
    pub fn mostly_lowercase(&self, info: &TokInfo) -> bool {
        let c = self.class(info);
        c > 0 && (c - 1) / 4 <= 1 && (c - 1) % 4 >= 1
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Count capitalized vs lowercase occurrences (sentence-initial and all-caps words
    /// excluded) over the `title`, `heading` and `article` fields of a JSONL corpus, or over
    /// the lines of a plain-text file.
    pub fn build(path: &Path, min_count: u32) -> Result<CapLex> {
        let f = std::fs::File::open(path).map_err(|e| ModelError(format!("{}: {e}", path.display())))?;
        let mut counts: HashMap<u32, (u32, u32), BuildHasherDefault<IdHasher>> = HashMap::default();
        for (ln, line) in std::io::BufReader::new(f).lines().enumerate() {
            let line = line.map_err(|e| ModelError(format!("{}:{}: {e}", path.display(), ln + 1)))?;
            if line.starts_with('{') {
                let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| ModelError(format!("{}:{}: {e}", path.display(), ln + 1)))?;
                for k in ["title", "heading", "article"] {
                    if let Some(t) = v[k].as_str() {
                        count_text(t, &mut counts);
                    }
                }
            } else {
                count_text(&line, &mut counts);
            }
        }
        let mut map = HashMap::default();
        for (k, (low, cap)) in counts {
            let total = low + cap;
            if total < min_count {
                continue;
            }
            let r = cap as f64 / total as f64;
            let rb = [0.02, 0.2, 0.5, 0.8, 0.98].iter().take_while(|&&x| r >= x).count() as u8;
            let fb = [10, 100, 1000].iter().take_while(|&&x| total >= x).count() as u8;
            map.insert(k, 1 + rb * 4 + fb);
        }
        Ok(CapLex { map })
    }

    /// Serialize: `u32 n`, then `n` × (`u32 key`, `u8 class`) sorted by key.
    pub fn write(&self, o: &mut Vec<u8>) {
        let mut v: Vec<(u32, u8)> = self.map.iter().map(|(k, c)| (*k, *c)).collect();
        v.sort_unstable();
        o.extend_from_slice(&(v.len() as u32).to_le_bytes());
        for (k, c) in v {
            o.extend_from_slice(&k.to_le_bytes());
            o.push(c);
        }
    }

    /// Deserialize what [`CapLex::write`] wrote; returns the lexicon and the bytes read.
    pub fn read(b: &[u8]) -> Result<(CapLex, usize)> {
        let bad = || ModelError("truncated capitalization lexicon".into());
        let n = u32::from_le_bytes(b.get(..4).ok_or_else(bad)?.try_into().unwrap()) as usize;
        let body = b.get(4..4 + 5 * n).ok_or_else(bad)?;
        let mut map = HashMap::with_capacity_and_hasher(n, Default::default());
        for e in body.chunks_exact(5) {
            map.insert(u32::from_le_bytes(e[..4].try_into().unwrap()), e[4]);
        }
        Ok((CapLex { map }, 4 + 5 * n))
    }
}

fn count_text(text: &str, counts: &mut HashMap<u32, (u32, u32), BuildHasherDefault<IdHasher>>) {
    let toks = tokenize::tokenize(text);
    let mut initial = true;
    let mut prev_end = 0;
    for t in &toks {
        let w = t.span.slice(text);
        if text[prev_end..t.span.start].contains('\n') {
            initial = true;
        }
        prev_end = t.span.end;
        let mut cs = w.chars();
        let first = cs.next().unwrap_or(' ');
        if first.is_alphabetic() {
            let has_lower = w.chars().skip(1).any(char::is_lowercase);
            if !initial {
                let k = key(crate::features::tok_info(w).lower_hash());
                if first.is_uppercase() && has_lower {
                    counts.entry(k).or_default().1 += 1;
                } else if first.is_lowercase() {
                    counts.entry(k).or_default().0 += 1;
                }
            }
            initial = false;
        } else {
            initial = matches!(w, "." | "!" | "?" | "…" | ":" | "«" | "\"" | "“" | "—" | "–" | "-" | "...") || (initial && !first.is_numeric());
        }
    }
}
