//! Single-thread throughput of langid and segmentation on a JSONL corpus's `article` field:
//! `cargo run --release -p dyade-text --example throughput -- FILE.jsonl [FIELD]`.
//! Texts are loaded first; only the components' work is timed.

use dyade_core::{Component, Document};
use dyade_text::{LanguageIdentifier, Segmenter};
use std::io::BufRead;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or_else(|| anyhow::anyhow!("usage: throughput FILE.jsonl [FIELD]"))?;
    let field = args.get(1).map_or("article", String::as_str);
    let f = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        if let Some(t) = v.get(field).and_then(|x| x.as_str()) {
            docs.push(Document::new(i.to_string(), t));
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!("{} documents, {:.1} MB", docs.len(), mb);

    let id = LanguageIdentifier::default();
    let t0 = Instant::now();
    let mut fr = 0usize;
    for d in docs.iter_mut() {
        id.process(d);
        fr += (d.meta.lang.as_deref() == Some("fr")) as usize;
    }
    let s = t0.elapsed().as_secs_f64();
    println!("langid : {:8.1} MB/s  {:8.0} docs/s  ({fr} fr of {})", mb / s, docs.len() as f64 / s, docs.len());

    let seg = Segmenter::default();
    let t0 = Instant::now();
    let (mut ntok, mut nsent) = (0usize, 0usize);
    for d in docs.iter_mut() {
        seg.process(d);
        ntok += d.tokens.len();
        nsent += d.sentences.len();
        // Drop the layers as a pipeline would after storing them (memory is reused).
        d.tokens = Vec::new();
        d.sentences = Vec::new();
    }
    let s = t0.elapsed().as_secs_f64();
    println!("segment: {:8.1} MB/s  {:8.2} M tokens/s  ({ntok} tokens, {nsent} sentences)", mb / s, ntok as f64 / s / 1e6);

    // Tokenizer alone (into a reused buffer) and sentence splitting alone.
    let mut buf = Vec::new();
    let t0 = Instant::now();
    for d in &docs {
        buf.clear();
        seg.tokenize_into(&d.text, "fr", &mut buf);
    }
    let s = t0.elapsed().as_secs_f64();
    println!("  tokenize only : {:8.1} MB/s", mb / s);
    let mut s = 0.0;
    let mut n = 0;
    for d in &docs {
        buf.clear();
        seg.tokenize_into(&d.text, "fr", &mut buf);
        let t0 = Instant::now();
        n += seg.sentences(&d.text, &buf, "fr", &[dyade_core::Span::new(0, d.text.len())]).len();
        s += t0.elapsed().as_secs_f64();
    }
    println!("  sentences only: {:8.1} MB/s ({n})", mb / s);
    Ok(())
}
