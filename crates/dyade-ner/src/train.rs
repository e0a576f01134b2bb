//! Training: averaged structured perceptron (Collins 2002) over hashed features, with
//! BIO-constrained Viterbi decoding. Deterministic: sentence order is shuffled each epoch
//! by a seeded xorshift generator, and nothing else is random.

use crate::data::{self, Sentence};
use crate::features::{self, NF};
use crate::model::{viterbi, Model, ModelError, Result, L};
use std::path::PathBuf;

/// Format of a training corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CoNLL columns, IOB2 tags in the last column (WikiNEuRal).
    Conll,
    /// `word TAG` lines with IO tags, no sentence breaks (Europeana).
    Io,
    /// HIPE TSV, coarse literal column.
    Hipe,
}

/// What to train on and how.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Training corpora.
    pub train: Vec<(PathBuf, Format)>,
    /// Passes over the data.
    pub epochs: u32,
    /// log2 of the number of weight rows (18 → 262,144 rows: the table, 4.7 MB in memory,
    /// stays in cache; 2^20 scores the same on WikiNEuRal dev and tags at half the speed).
    pub bits: u32,
    /// Shuffling seed.
    pub seed: u64,
    /// Print per-epoch progress to stderr.
    pub verbose: bool,
    /// Optional dev set (CoNLL) scored after every epoch when `verbose` (does not affect the model).
    pub dev: Option<PathBuf>,
    /// Unlabelled corpus (JSONL with title/heading/article, or plain text) for the
    /// capitalization lexicon ([`crate::caplex`]); `None` turns those features off.
    pub caplex_corpus: Option<PathBuf>,
    /// Minimum occurrences for a word to enter the capitalization lexicon.
    pub caplex_min_count: u32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { train: Vec::new(), epochs: 12, bits: 18, seed: 0x5eed_d1ade, verbose: false, dev: None, caplex_corpus: None, caplex_min_count: 3 }
    }
}

impl TrainConfig {
    /// Default settings on one CoNLL file.
    pub fn conll(path: impl Into<PathBuf>) -> Self {
        TrainConfig { train: vec![(path.into(), Format::Conll)], ..Default::default() }
    }
}

/// Load the corpora named in `config`.
pub fn load_corpora(config: &TrainConfig) -> Result<Vec<Sentence>> {
    let mut all = Vec::new();
    for (p, f) in &config.train {
        let mut s = match f {
            Format::Conll => data::read_conll(p)?,
            Format::Io => data::read_io(p)?,
            Format::Hipe => data::read_hipe(p)?,
        };
        all.append(&mut s);
    }
    if all.is_empty() {
        return Err(ModelError("no training sentences".into()));
    }
    Ok(all)
}

struct Avg {
    w: Vec<f32>,
    u: Vec<f32>,
    c: f32,
}

impl Avg {
    #[inline]
    fn add(&mut self, i: usize, d: f32) {
        self.w[i] += d;
        self.u[i] += self.c * d;
    }
    fn averaged(&self) -> Vec<f32> {
        self.w.iter().zip(&self.u).map(|(w, u)| w - u / self.c).collect()
    }
}

/// Train a model as `config` says.
pub fn train(config: &TrainConfig) -> Result<Model> {
    let sents = load_corpora(config)?;
    let dev = match (&config.dev, config.verbose) {
        (Some(p), true) => Some(data::read_conll(p)?),
        _ => None,
    };
    train_on(&sents, config, dev.as_deref())
}

/// Train on already-loaded sentences; `dev` (if any) is scored after each epoch to stderr.
pub fn train_on(sents: &[Sentence], config: &TrainConfig, dev: Option<&[Sentence]>) -> Result<Model> {
    let bits = config.bits;
    if !(8..=26).contains(&bits) {
        return Err(ModelError(format!("bits must be in 8..=26, got {bits}")));
    }
    let mut template = Model::empty(bits);
    if let Some(p) = &config.caplex_corpus {
        template.caplex = crate::caplex::CapLex::build(p, config.caplex_min_count)?;
        if config.verbose {
            eprintln!("capitalization lexicon: {} words from {}", template.caplex.len(), p.display());
        }
    }
    // Features are fixed per sentence: extract once.
    let mut feats: Vec<u32> = Vec::new();
    let mut offs = vec![0usize];
    let mut buf = Vec::new();
    for s in sents {
        let infos: Vec<_> = s.words.iter().map(|w| template.info(w)).collect();
        features::extract(&infos, bits, &mut buf);
        feats.extend_from_slice(&buf);
        offs.push(feats.len());
    }
    let mut w = Avg { w: vec![0.0; (1usize << bits) * L], u: vec![0.0; (1usize << bits) * L], c: 1.0 };
    let mut t = Avg { w: template.trans.clone(), u: vec![0.0; (L + 1) * L], c: 1.0 };
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = config.seed | 1;
    let (mut emis, mut alpha, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for epoch in 0..config.epochs {
        // Fisher–Yates with xorshift64*
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let j = (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        let mut tokens = 0usize;
        for &si in &order {
            let s = &sents[si];
            let f = &feats[offs[si]..offs[si + 1]];
            let n = s.words.len();
            emis.clear();
            for i in 0..n {
                let mut acc = [0f32; L];
                for &b in &f[i * NF..(i + 1) * NF] {
                    let row = &w.w[b as usize * L..b as usize * L + L];
                    for l in 0..L {
                        acc[l] += row[l];
                    }
                }
                emis.extend_from_slice(&acc);
            }
            viterbi(&emis, &t.w, &mut alpha, &mut back, &mut pred);
            tokens += n;
            for i in 0..n {
                let (g, p) = (s.tags[i] as usize, pred[i] as usize);
                if g != p {
                    errors += 1;
                    for &b in &f[i * NF..(i + 1) * NF] {
                        w.add(b as usize * L + g, 1.0);
                        w.add(b as usize * L + p, -1.0);
                    }
                }
                let (gp, pp) = if i == 0 { (L, L) } else { (s.tags[i - 1] as usize, pred[i - 1] as usize) };
                if (gp, g) != (pp, p) {
                    t.add(gp * L + g, 1.0);
                    t.add(pp * L + p, -1.0);
                }
            }
            w.c += 1.0;
            t.c += 1.0;
        }
        if config.verbose {
            eprint!("epoch {}: {} token errors / {} ({:.2}%)", epoch + 1, errors, tokens, 100.0 * errors as f64 / tokens as f64);
            if let Some(dev) = dev {
                let m = finish(&w, &t, &template);
                let sc = crate::eval::score_sentences(&m, dev);
                eprint!("  dev F1 {:.4} (P {:.4} R {:.4})", sc.overall.f1(), sc.overall.p(), sc.overall.r());
            }
            eprintln!();
        }
    }
    Ok(finish(&w, &t, &template))
}

/// Average, quantize to `i16`, and keep the BIO constraints in the transitions.
fn finish(w: &Avg, t: &Avg, template: &Model) -> Model {
    let avg = w.averaged();
    let maxabs = avg.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-9);
    let scale = maxabs / 32767.0;
    let mut m = template.clone();
    for (q, &x) in m.weights.iter_mut().zip(&avg) {
        *q = (x / scale).round() as i16;
    }
    m.scale = scale;
    let tavg = t.averaged();
    for (i, tv) in m.trans.iter_mut().enumerate() {
        if tv.is_finite() {
            *tv = tavg[i];
        }
    }
    // confidence temperature: the typical size of one feature's contribution
    let nz: Vec<f32> = avg.iter().filter(|x| **x != 0.0).map(|x| x.abs()).collect();
    m.conf_temp = if nz.is_empty() { 1.0 } else { (nz.iter().sum::<f32>() / nz.len() as f32).max(1e-6) };
    m
}
