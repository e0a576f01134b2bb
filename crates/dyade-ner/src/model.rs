//! The model: a hashed weight table (quantized to `i16`), BIO transition scores, Viterbi
//! decoding with BIO constraints, and the binary file format.
//!
//! File format (little-endian), version 1:
//! `b"DYNERv1\0"`, `u32 feature_version`, `u32 bits`, `u32 n_labels`, `f32 scale`,
//! `f32 conf_temp`, `(n_labels + 1) * n_labels` `f32` transitions (last row: sentence start),
//! `u32 n_rows`, then for each non-zero row: varint bucket delta, `n_labels` zigzag varint
//! weights; then the capitalization lexicon ([`CapLex::write`]). Zero rows are not stored, which keeps a sparse table small without a
//! compression library.

use crate::caplex::CapLex;
use crate::features::{self, TokInfo, FEATURE_VERSION, NF};
use dyade_core::EntityType;
use std::path::Path;

/// Number of BIO labels: O, then B/I for PER, LOC, ORG, MISC.
pub const L: usize = 9;

/// Entity types in label order (`B-X` = `1 + 2k`, `I-X` = `2 + 2k`).
pub const TYPES: [EntityType; 4] = [EntityType::PER, EntityType::LOC, EntityType::ORG, EntityType::MISC];

/// Label names, index = label id.
pub const LABELS: [&str; L] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

const MAGIC: &[u8; 8] = b"DYNERv1\0";

/// Label id of a tag string ("O", "B-PER", "I-LOC", ...); unknown types map to "O".
pub fn label_id(tag: &str) -> u8 {
    LABELS.iter().position(|l| *l == tag).unwrap_or(0) as u8
}

/// Entity type of a non-O label.
pub fn label_type(l: u8) -> Option<EntityType> {
    (l > 0).then(|| TYPES[(l as usize - 1) / 2])
}

/// True for a `B-` label.
pub fn is_begin(l: u8) -> bool {
    l > 0 && l % 2 == 1
}

/// Whether label `cur` may follow label `prev` (`prev == L` is the sentence start):
/// `I-X` only after `B-X` or `I-X`.
pub fn allowed(prev: usize, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    prev < L && prev != 0 && (prev + 1) / 2 == cur / 2
}

/// Errors reading a model.
#[derive(Debug)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ModelError {}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, ModelError>;

/// A trained NER model.
#[derive(Clone, Debug)]
pub struct Model {
    /// log2 of the number of weight rows.
    pub bits: u32,
    /// `(1 << bits) * L` quantized weights, row-major by bucket.
    pub weights: Vec<i16>,
    /// Multiply a summed `i16` score by this to get the trained float score.
    pub scale: f32,
    /// Temperature turning a decoding margin into a confidence (`sigmoid(margin / conf_temp)`).
    pub conf_temp: f32,
    /// Transition scores `[(prev) * L + cur]`, prev = L for the sentence start.
    pub trans: Vec<f32>,
    /// Capitalization lexicon feeding the `cap` features (empty = feature off).
    pub caplex: CapLex,
}

/// Reusable buffers for tagging (one per thread).
#[derive(Default, Debug)]
pub struct Scratch {
    /// Per-token hashes.
    pub infos: Vec<TokInfo>,
    /// Feature buckets.
    pub feats: Vec<u32>,
    emis: Vec<f32>,
    alpha: Vec<f32>,
    beta: Vec<f32>,
    back: Vec<u8>,
}

/// Viterbi over emission scores `emis` (`n * L`) and transitions (`(L+1) * L`), BIO-constrained.
/// Writes the best labels to `out`; `alpha`/`back` are scratch (alpha keeps forward max scores).
pub fn viterbi(emis: &[f32], trans: &[f32], alpha: &mut Vec<f32>, back: &mut Vec<u8>, out: &mut Vec<u8>) {
    let n = emis.len() / L;
    out.clear();
    if n == 0 {
        return;
    }
    alpha.clear();
    alpha.resize(n * L, f32::NEG_INFINITY);
    back.clear();
    back.resize(n * L, 0);
    for l in 0..L {
        if allowed(L, l) {
            alpha[l] = trans[L * L + l] + emis[l];
        }
    }
    for i in 1..n {
        let (prev, cur) = alpha.split_at_mut(i * L);
        let prev = &prev[(i - 1) * L..];
        for l in 0..L {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..L {
                if !allowed(p, l) {
                    continue;
                }
                let s = prev[p] + trans[p * L + l];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            cur[l] = best + emis[i * L + l];
            back[i * L + l] = arg;
        }
    }
    let last = &alpha[(n - 1) * L..];
    let mut l = (0..L).fold(0, |b, k| if last[k] > last[b] { k } else { b });
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = l as u8;
        if i > 0 {
            l = back[i * L + l] as usize;
        }
    }
}

impl Model {
    /// An all-zero model with `2^bits` rows.
    pub fn empty(bits: u32) -> Self {
        let mut trans = vec![0.0; (L + 1) * L];
        for p in 0..=L {
            for c in 0..L {
                if !allowed(p, c) {
                    trans[p * L + c] = f32::NEG_INFINITY;
                }
            }
        }
        Model { bits, weights: vec![0; (1usize << bits) * L], scale: 1.0, conf_temp: 1.0, trans, caplex: CapLex::default() }
    }

    /// Load a model file.
    pub fn load(path: impl AsRef<Path>) -> Result<Model> {
        let p = path.as_ref();
        let bytes = std::fs::read(p).map_err(|e| ModelError(format!("{}: {e}", p.display())))?;
        Model::from_bytes(&bytes).map_err(|e| ModelError(format!("{}: {}", p.display(), e.0)))
    }

    /// Decode a model from the bytes of a model file (e.g. `include_bytes!`).
    pub fn from_bytes(b: &[u8]) -> Result<Model> {
        let mut r = Reader { b, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError("not a dyade NER model (bad magic)".into()));
        }
        let fv = r.u32()?;
        if fv != FEATURE_VERSION {
            return Err(ModelError(format!("feature version {fv}, this build expects {FEATURE_VERSION}: retrain")));
        }
        let bits = r.u32()?;
        if !(8..=26).contains(&bits) {
            return Err(ModelError(format!("bad table size 2^{bits}")));
        }
        let nl = r.u32()? as usize;
        if nl != L {
            return Err(ModelError(format!("{nl} labels, expected {L}")));
        }
        let mut m = Model::empty(bits);
        m.scale = r.f32()?;
        m.conf_temp = r.f32()?;
        for t in m.trans.iter_mut() {
            *t = r.f32()?;
        }
        let rows = r.u32()? as usize;
        let mut bucket = 0usize;
        for k in 0..rows {
            let d = r.varint()? as usize;
            bucket = if k == 0 { d } else { bucket + d };
            if bucket >= 1usize << bits {
                return Err(ModelError(format!("row {bucket} out of range")));
            }
            for l in 0..L {
                let z = r.varint()?;
                let v = ((z >> 1) as i64) ^ -((z & 1) as i64);
                m.weights[bucket * L + l] = v as i16;
            }
        }
        let (lex, used) = CapLex::read(&b[r.pos..]).map_err(|e| ModelError(format!("{e}")))?;
        m.caplex = lex;
        r.pos += used;
        if r.pos != b.len() {
            return Err(ModelError("trailing bytes".into()));
        }
        Ok(m)
    }

    /// Serialize (see the module docs for the format).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut o = Vec::new();
        o.extend_from_slice(MAGIC);
        o.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        o.extend_from_slice(&self.bits.to_le_bytes());
        o.extend_from_slice(&(L as u32).to_le_bytes());
        o.extend_from_slice(&self.scale.to_le_bytes());
        o.extend_from_slice(&self.conf_temp.to_le_bytes());
        for t in &self.trans {
            o.extend_from_slice(&t.to_le_bytes());
        }
        let nz: Vec<usize> = (0..1usize << self.bits).filter(|&b| self.weights[b * L..b * L + L].iter().any(|&w| w != 0)).collect();
        o.extend_from_slice(&(nz.len() as u32).to_le_bytes());
        let mut prev = 0usize;
        for (k, &b) in nz.iter().enumerate() {
            put_varint(&mut o, if k == 0 { b as u64 } else { (b - prev) as u64 });
            prev = b;
            for &w in &self.weights[b * L..b * L + L] {
                let w = w as i64;
                put_varint(&mut o, ((w << 1) ^ (w >> 63)) as u64);
            }
        }
        self.caplex.write(&mut o);
        o
    }

    /// Write the model to `path`.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let p = path.as_ref();
        std::fs::write(p, self.to_bytes()).map_err(|e| ModelError(format!("{}: {e}", p.display())))
    }

    /// Number of non-zero weight rows.
    pub fn nonzero_rows(&self) -> usize {
        self.weights.chunks_exact(L).filter(|r| r.iter().any(|&w| w != 0)).count()
    }

    /// Fill `s.emis` with emission scores from `s.feats`.
    fn emissions(&self, n: usize, s: &mut Scratch) {
        s.emis.clear();
        s.emis.reserve(n * L);
        for i in 0..n {
            let mut acc = [0i32; L];
            for &b in &s.feats[i * NF..(i + 1) * NF] {
                let row = &self.weights[b as usize * L..b as usize * L + L];
                for l in 0..L {
                    acc[l] += row[l] as i32;
                }
            }
            s.emis.extend(acc.iter().map(|&a| a as f32 * self.scale));
        }
    }

    /// Tag one sentence given its words. Labels go to `out` (one per word).
    pub fn tag_words<S: AsRef<str>>(&self, words: &[S], s: &mut Scratch, out: &mut Vec<u8>) {
        s.infos.clear();
        s.infos.extend(words.iter().map(|w| self.info(w.as_ref())));
        self.tag_infos(s, out);
    }

    /// Per-token hashes of `word`, with its capitalization class.
    #[inline]
    pub fn info(&self, word: &str) -> TokInfo {
        let mut i = features::tok_info(word);
        i.cap = self.caplex.class(&i);
        i
    }

    /// Tag the sentence whose per-token hashes are in `s.infos`.
    pub fn tag_infos(&self, s: &mut Scratch, out: &mut Vec<u8>) {
        let n = s.infos.len();
        features::extract(&s.infos, self.bits, &mut s.feats);
        self.emissions(n, s);
        viterbi(&s.emis, &self.trans, &mut s.alpha, &mut s.back, out);
    }

    /// After [`Model::tag_infos`], the per-token margin between the best path and the best
    /// path giving that token another label (max-marginals from a backward pass), written to
    /// `margins`. A small margin means an uncertain token.
    pub fn margins(&self, s: &mut Scratch, labels: &[u8], margins: &mut Vec<f32>) {
        let n = labels.len();
        margins.clear();
        if n == 0 {
            return;
        }
        s.beta.clear();
        s.beta.resize(n * L, f32::NEG_INFINITY);
        for l in 0..L {
            s.beta[(n - 1) * L + l] = 0.0;
        }
        for i in (0..n - 1).rev() {
            for p in 0..L {
                let mut best = f32::NEG_INFINITY;
                for l in 0..L {
                    if allowed(p, l) {
                        let v = self.trans[p * L + l] + s.emis[(i + 1) * L + l] + s.beta[(i + 1) * L + l];
                        best = best.max(v);
                    }
                }
                s.beta[i * L + p] = best;
            }
        }
        for i in 0..n {
            let mm = |l: usize| s.alpha[i * L + l] + s.beta[i * L + l];
            let best = mm(labels[i] as usize);
            let other = (0..L).filter(|&l| l != labels[i] as usize).map(mm).fold(f32::NEG_INFINITY, f32::max);
            margins.push(best - other);
        }
    }
}

fn put_varint(o: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        o.push((v as u8) | 0x80);
        v >>= 7;
    }
    o.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8]> {
        let s = self.b.get(self.pos..self.pos + n).ok_or_else(|| ModelError("truncated model".into()))?;
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn varint(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            v |= ((byte & 0x7f) as u64) << shift;
            if byte < 0x80 {
                return Ok(v);
            }
        }
        Err(ModelError("bad varint".into()))
    }
}
