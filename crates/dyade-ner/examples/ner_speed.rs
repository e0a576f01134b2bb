//! NER inference speed over OrangeSum articles (single thread).
//!
//! `cargo run --release -p dyade-ner --example ner_speed -- [--model models/ner-fr.bin] [--docs 5000]`
//!
//! Tokenization and sentence splitting run first (timed apart); then the model alone
//! (features + emissions + Viterbi), then the full component (margins, post-processing).
use dyade_core::{Component, Document};
use dyade_ner::{tokenize, NerTagger, TokenSpan};
use std::io::BufRead;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
    let mut model_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner-fr.bin").to_string();
    let mut n_docs = 5000usize;
    let args: Vec<String> = std::env::args().skip(1).collect();
    for w in args.chunks(2) {
        match w[0].as_str() {
            "--model" => model_path = w[1].clone(),
            "--docs" => n_docs = w[1].parse()?,
            o => return Err(format!("unknown option {o}").into()),
        }
    }
    let tagger = NerTagger::load_french(&model_path)?;
    let f = std::fs::File::open(format!("{shared}/data/corpus/orangesum/orangesum.jsonl"))?;
    let mut docs = Vec::new();
    for line in std::io::BufReader::new(f).lines().take(n_docs) {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let text = format!("{}\n{}\n{}", v["title"].as_str().unwrap_or(""), v["heading"].as_str().unwrap_or(""), v["article"].as_str().unwrap_or(""));
        docs.push(Document::new(v["id"].to_string(), text));
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = Instant::now();
    for d in docs.iter_mut() {
        tokenize::segment(d);
    }
    let tok_s = t.elapsed().as_secs_f64();
    let n_tok: usize = docs.iter().map(|d| d.tokens.len()).sum();
    println!("{} docs, {:.1} MB, {} tokens; stand-in tokenizer+splitter: {:.2} s ({:.2} M tokens/s)", docs.len(), bytes as f64 / 1e6, n_tok, tok_s, n_tok as f64 / tok_s / 1e6);

    let mut out: Vec<TokenSpan> = Vec::new();
    let mut n_ent = 0usize;
    // warm-up pass so page faults on the weight table are not timed
    for d in docs.iter().take(200) {
        for s in &d.sentences {
            let r = d.tokens_in(*s);
            tagger.tag_tokens(&d.text, &d.tokens[r], false, &mut out);
        }
    }
    let t = Instant::now();
    for d in &docs {
        for s in &d.sentences {
            let r = d.tokens_in(*s);
            out.clear();
            tagger.tag_tokens(&d.text, &d.tokens[r], false, &mut out);
            n_ent += out.len();
        }
    }
    let m = t.elapsed().as_secs_f64();
    println!("model only (features+emissions+Viterbi): {:.2} s, {:.2} M tokens/s, {} entities", m, n_tok as f64 / m / 1e6, n_ent);
    let t = Instant::now();
    let mut n_ent = 0;
    for d in docs.iter_mut() {
        tagger.process(d);
        n_ent += d.entities.len();
    }
    let c = t.elapsed().as_secs_f64();
    println!("component (model+margins+rules, tokens given): {:.2} s, {:.2} M tokens/s, {} entities", c, n_tok as f64 / c / 1e6, n_ent);
    Ok(())
}
