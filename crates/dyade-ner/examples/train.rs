//! Train the NER model.
//!
//! `cargo run --release -p dyade-ner --example train -- --train ../shared/data/ner/wikineural_fr_train.conllu --out models/ner-fr.bin`
//!
//! The shipped `models/ner-fr.bin` is reproduced byte for byte by:
//! `cargo run --release -p dyade-ner --example train -- --train ../shared/data/ner/wikineural_fr_train.conllu
//!  --io ../shared/data/ner/europeana_fr.bio --caplex ../shared/data/corpus/orangesum/orangesum.jsonl --out models/ner-fr.bin`
//! Options: `--io FILE` (extra IO-tagged corpus), `--hipe FILE`, `--epochs N`, `--bits B`,
//! `--seed S`, `--dev FILE` (print dev F1 after each epoch), `--caplex CORPUS.jsonl`
//! (capitalization lexicon from an unlabelled corpus, e.g. OrangeSum).
use dyade_ner::{train, Format, TrainConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut cfg = TrainConfig { verbose: true, ..Default::default() };
    let mut out = String::from("models/ner-fr.bin");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let v = args.get(i + 1).cloned().ok_or_else(|| format!("{} needs a value", args[i]))?;
        match args[i].as_str() {
            "--train" => cfg.train.push((v.into(), Format::Conll)),
            "--io" => cfg.train.push((v.into(), Format::Io)),
            "--hipe" => cfg.train.push((v.into(), Format::Hipe)),
            "--out" => out = v,
            "--epochs" => cfg.epochs = v.parse()?,
            "--bits" => cfg.bits = v.parse()?,
            "--seed" => cfg.seed = v.parse()?,
            "--dev" => cfg.dev = Some(v.into()),
            "--caplex" => cfg.caplex_corpus = Some(v.into()),
            o => return Err(format!("unknown option {o}").into()),
        }
        i += 2;
    }
    if cfg.train.is_empty() {
        return Err("give --train FILE".into());
    }
    let t = std::time::Instant::now();
    let m = train(&cfg)?;
    m.save(&out)?;
    let size = std::fs::metadata(&out)?.len();
    eprintln!("trained in {:.1}s; {} non-zero rows of 2^{}; wrote {} ({} bytes)", t.elapsed().as_secs_f64(), m.nonzero_rows(), m.bits, out, size);
    Ok(())
}
