//! MinHash signatures over word shingles.
//!
//! A document is the set of its `w`-word shingles over normalized tokens ([`crate::text`]).
//! Each token is hashed once with xxh3 (stable across versions and platforms, so stored
//! signatures stay comparable); a shingle's hash is xxh3 of its `w` token hashes. The `k`
//! MinHash values come from one hash and `k` cheap permutations `h_i(x) = hi32(a_i·x + b_i)`
//! (multiply-shift, `a_i` odd), the classic trade of exactness for a 10–20× speed-up over `k`
//! independent hashes; the estimator stays unbiased in practice because `x` is already a
//! well-mixed 64-bit hash.

use crate::text::for_each_token;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Parameters of the signature: changing any of them makes stored signatures incomparable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MinHashParams {
    /// Number of MinHash values per signature.
    pub k: usize,
    /// Words per shingle.
    pub shingle: usize,
    /// Seed of the permutations.
    pub seed: u64,
}

impl Default for MinHashParams {
    fn default() -> Self {
        MinHashParams { k: 128, shingle: 5, seed: 0x6479_6164_6465_6475 }
    }
}

impl MinHashParams {
    /// A short string naming the parameters, stored next to signatures to detect a change.
    pub fn tag(&self) -> String {
        format!("minhash-v1 k={} w={} seed={:x}", self.k, self.shingle, self.seed)
    }
}

/// A document's MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The `k` minimum permuted hashes (`u32::MAX` everywhere for an empty document).
    pub values: Vec<u32>,
    /// Number of shingles hashed (0: the text had no token).
    pub shingles: u32,
    /// Number of normalized tokens (the "fullness" used to pick a canonical article).
    pub tokens: u32,
}

impl Signature {
    /// True when the document had no token to hash.
    pub fn is_empty(&self) -> bool {
        self.shingles == 0
    }

    /// Estimated Jaccard similarity: the fraction of equal positions.
    pub fn jaccard(&self, other: &Signature) -> f32 {
        jaccard(&self.values, &other.values)
    }

    /// Little-endian bytes of the values (the stored BLOB).
    pub fn to_blob(&self) -> Vec<u8> {
        self.values.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Decode a stored BLOB; `None` when its length is not a multiple of 4.
    pub fn values_from_blob(blob: &[u8]) -> Option<Vec<u32>> {
        (blob.len() % 4 == 0).then(|| blob.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
}

/// Fraction of equal positions of two value arrays (estimated Jaccard).
#[inline]
pub fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    let eq = a.iter().zip(b).filter(|(x, y)| x == y).count();
    eq as f32 / a.len().max(1) as f32
}

/// Computes signatures; holds the permutation coefficients.
#[derive(Debug, Clone)]
pub struct MinHasher {
    params: MinHashParams,
    a: Vec<u64>,
    b: Vec<u64>,
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl MinHasher {
    /// A hasher for `params`.
    pub fn new(params: MinHashParams) -> Self {
        let mut s = params.seed;
        let a = (0..params.k).map(|_| splitmix64(&mut s) | 1).collect();
        let b = (0..params.k).map(|_| splitmix64(&mut s)).collect();
        MinHasher { params, a, b }
    }

    /// The parameters.
    pub fn params(&self) -> &MinHashParams {
        &self.params
    }

    /// The signature of `text`. A text shorter than one shingle is hashed as one shingle of
    /// all its tokens, so very short articles still match their copies.
    pub fn signature(&self, text: &str) -> Signature {
        let mut toks: Vec<u64> = Vec::with_capacity(text.len() / 6);
        let mut buf = String::new();
        for_each_token(text, &mut buf, |t| toks.push(xxh3_64(t.as_bytes())));
        self.signature_of_token_hashes(&toks)
    }

    /// The signature of a sequence of token hashes (xxh3-64 of each normalized token).
    pub fn signature_of_token_hashes(&self, toks: &[u64]) -> Signature {
        let k = self.params.k;
        let w = self.params.shingle.max(1);
        let mut mins = vec![u32::MAX; k];
        if toks.is_empty() {
            return Signature { values: mins, shingles: 0, tokens: 0 };
        }
        let n = if toks.len() >= w { toks.len() - w + 1 } else { 1 };
        let mut bytes = Vec::with_capacity(8 * w);
        let mut hashes: Vec<u64> = Vec::with_capacity(n);
        for i in 0..n {
            bytes.clear();
            for t in &toks[i..(i + w).min(toks.len())] {
                bytes.extend_from_slice(&t.to_le_bytes());
            }
            hashes.push(xxh3_64_with_seed(&bytes, w as u64));
        }
        // Repeated shingles cannot change a minimum: drop them before the k-fold inner loop.
        hashes.sort_unstable();
        hashes.dedup();
        for &h in &hashes {
            for ((m, a), b) in mins.iter_mut().zip(&self.a).zip(&self.b) {
                let v = (a.wrapping_mul(h).wrapping_add(*b) >> 32) as u32;
                *m = (*m).min(v);
            }
        }
        Signature { values: mins, shingles: hashes.len() as u32, tokens: toks.len() as u32 }
    }
}

/// Exact Jaccard similarity of the `w`-shingle sets of two texts (for checks and evaluation).
pub fn exact_jaccard(a: &str, b: &str, w: usize) -> f32 {
    use std::collections::HashSet;
    let set = |t: &str| -> HashSet<Vec<String>> {
        let toks = crate::text::tokens(t);
        if toks.is_empty() {
            return HashSet::new();
        }
        if toks.len() < w {
            return std::iter::once(toks).collect();
        }
        toks.windows(w).map(|s| s.to_vec()).collect()
    };
    let (x, y) = (set(a), set(b));
    let inter = x.intersection(&y).count();
    let uni = x.len() + y.len() - inter;
    if uni == 0 {
        0.0
    } else {
        inter as f32 / uni as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimate_tracks_exact_jaccard() {
        let base: Vec<String> = (0..400).map(|i| format!("mot{}", i * 7 % 397)).collect();
        let a = base.join(" ");
        let mut edited = base.clone();
        for i in (0..400).step_by(40) {
            edited[i] = "autre".into();
        }
        let b = edited.join(" ");
        let h = MinHasher::new(MinHashParams::default());
        let (sa, sb) = (h.signature(&a), h.signature(&b));
        let exact = exact_jaccard(&a, &b, 5);
        let est = sa.jaccard(&sb);
        assert!((est - exact).abs() < 0.12, "estimate {est} vs exact {exact}");
        assert_eq!(sa.jaccard(&h.signature(&a.to_uppercase())), 1.0, "case-insensitive");
        assert_eq!(Signature::values_from_blob(&sa.to_blob()).unwrap(), sa.values);
    }

    #[test]
    fn stored_values_are_stable() {
        // Pins the hash: a change here invalidates every stored signature (bump the tag).
        let s = MinHasher::new(MinHashParams::default()).signature("Le président a annoncé une réforme des retraites jeudi.");
        assert_eq!(s.tokens, 9);
        assert_eq!(s.shingles, 5);
        assert_eq!(s.values[..2], PINNED);
    }
    const PINNED: [u32; 2] = [99_384_438, 802_868_633];
}
