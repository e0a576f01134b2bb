//! `dyade train ner`: train the NER model, reproducibly (crate dyade-ner).

use crate::Outcome;
use anyhow::Context;
use dyade_ner::{train, Format, TrainConfig};
use std::path::PathBuf;

/// Options of `dyade train ner`.
#[derive(clap::Args, Debug)]
pub struct NerArgs {
    /// Training corpus in CoNLL/CoNLL-U with IOB2 tags (e.g. ../shared/data/ner/wikineural_fr_train.conllu); repeatable.
    #[arg(long, value_name = "FILE", required = true)]
    pub train: Vec<PathBuf>,
    /// Extra corpus with IO tags, one token per line (e.g. europeana_fr.bio); repeatable.
    #[arg(long, value_name = "FILE")]
    pub io: Vec<PathBuf>,
    /// Extra corpus in HIPE TSV format; repeatable.
    #[arg(long, value_name = "FILE")]
    pub hipe: Vec<PathBuf>,
    /// Unlabelled corpus (JSON Lines with title/heading/article, or text) for the
    /// capitalization lexicon features (e.g. OrangeSum).
    #[arg(long, value_name = "FILE")]
    pub caplex: Option<PathBuf>,
    /// CoNLL dev file scored after each epoch (does not change the model).
    #[arg(long, value_name = "FILE")]
    pub dev: Option<PathBuf>,
    /// Passes over the data.
    #[arg(long, default_value_t = 12)]
    pub epochs: u32,
    /// log2 of the weight table's rows.
    #[arg(long, default_value_t = 18)]
    pub bits: u32,
    /// Shuffling seed (training is deterministic for a given seed and inputs).
    #[arg(long, default_value_t = 0x5eed_d1ade)]
    pub seed: u64,
    /// Where to write the model.
    #[arg(long, value_name = "FILE", default_value = "models/ner-fr.bin")]
    pub out: PathBuf,
}

/// Train and save the model.
pub fn run_ner(a: &NerArgs) -> anyhow::Result<Outcome> {
    let mut cfg = TrainConfig { verbose: true, epochs: a.epochs, bits: a.bits, seed: a.seed, dev: a.dev.clone(), caplex_corpus: a.caplex.clone(), ..Default::default() };
    cfg.train.extend(a.train.iter().map(|p| (p.clone(), Format::Conll)));
    cfg.train.extend(a.io.iter().map(|p| (p.clone(), Format::Io)));
    cfg.train.extend(a.hipe.iter().map(|p| (p.clone(), Format::Hipe)));
    let t = std::time::Instant::now();
    let model = train(&cfg).map_err(|e| anyhow::anyhow!("{e}")).context("training the NER model")?;
    model.save(&a.out).map_err(|e| anyhow::anyhow!("{e}")).with_context(|| format!("writing {}", a.out.display()))?;
    let size = std::fs::metadata(&a.out).map(|m| m.len()).unwrap_or(0);
    eprintln!("dyade: trained in {:.1} s, {} non-zero rows of 2^{}; wrote {} ({size} bytes)", t.elapsed().as_secs_f64(), model.nonzero_rows(), model.bits, a.out.display());
    Ok(Outcome::Done)
}
