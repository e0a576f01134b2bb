//! Quotes on OrangeSum: quotes per 1,000 articles, throughput of the quote stage alone,
//! and a fixed random sample of 50 quotes to review by hand.
//!
//! `cargo run --release -p dyade-quotes --example orangesum_quotes [N] [SAMPLE]` (N = 2000
//! articles by default, SAMPLE = 50).
use dyade_core::Component;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let sample: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(50);
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/corpus/orangesum/orangesum.jsonl"));
    // the stages before quotes, as the engine runs them; the quote stage is built here to be timed alone
    let p = dyade_pipeline::pipeline_until("link")?;
    let quotes = if std::env::var_os("QUOTES_NO_KB").is_some() {
        dyade_quotes::QuoteExtractor::new(dyade_quotes::Lexicon::builtin(), None)
    } else {
        dyade_quotes::QuoteExtractor::with_kb(Arc::new(dyade_actors::ActorKb::load_default()))
    };
    let docs: Vec<_> = dyade_ingest::read_inputs(&[path], &Default::default()).take(n).filter_map(|d| d.ok()).collect();
    eprintln!("annotating {} articles (upstream stages)…", docs.len());
    let mut docs: Vec<_> = docs
        .into_par_iter()
        .map(|mut d| {
            p.process(&mut d);
            d
        })
        .collect();
    // the quote stage alone, one core, timed
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // best of three passes (the machine is shared)
    let mut secs = f64::MAX;
    for _ in 0..3 {
        let t0 = Instant::now();
        for d in docs.iter_mut() {
            quotes.process(d);
        }
        secs = secs.min(t0.elapsed().as_secs_f64());
    }
    let total: usize = docs.iter().map(|d| d.quotes.len()).sum();
    let top: usize = docs.iter().map(|d| d.quotes.iter().filter(|q| q.kind != dyade_core::QuoteKind::Mixed).count()).sum();
    let by_kind = |k| docs.iter().map(|d| d.quotes.iter().filter(|q| q.kind == k).count()).sum::<usize>();
    let with_speaker: usize = docs.iter().map(|d| d.quotes.iter().filter(|q| q.speaker.is_some()).count()).sum();
    println!("articles: {}  text: {:.1} MB", docs.len(), bytes as f64 / 1e6);
    println!(
        "quotes: {total} ({:.0} per 1,000 articles; top-level {:.0}); direct {} indirect {} mixed {}; with speaker {:.1}%",
        total as f64 * 1000.0 / docs.len() as f64,
        top as f64 * 1000.0 / docs.len() as f64,
        by_kind(dyade_core::QuoteKind::Direct),
        by_kind(dyade_core::QuoteKind::Indirect),
        by_kind(dyade_core::QuoteKind::Mixed),
        100.0 * with_speaker as f64 / total.max(1) as f64
    );
    println!("quote stage: {:.3} s, {:.1} MB/s on one core", secs, bytes as f64 / 1e6 / secs);
    // fixed-seed sample (xorshift)
    let all: Vec<(usize, usize)> = docs.iter().enumerate().flat_map(|(i, d)| (0..d.quotes.len()).map(move |j| (i, j))).collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut picked = vec![];
    let mut seen = std::collections::HashSet::new();
    while picked.len() < sample.min(all.len()) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let k = (state % all.len() as u64) as usize;
        if seen.insert(k) {
            picked.push(all[k]);
        }
    }
    picked.sort();
    for (n, (i, j)) in picked.into_iter().enumerate() {
        let d = &docs[i];
        let q = &d.quotes[j];
        let ss = d.sentence_at(q.span.start).map(|s| d.sentences[s].start).unwrap_or(q.span.start);
        let ctx_end = (q.span.end + 120).min(d.text.len());
        let mut ce = ctx_end;
        while !d.text.is_char_boundary(ce) {
            ce -= 1;
        }
        let st = ss.min(q.span.start);
        println!("\n#{n} doc {} {} speaker={:?} cue={:?} speaker_text={:?}", d.id, q.kind.as_str(), q.speaker, q.cue, q.speaker_span.map(|s| d.slice(s)));
        println!("   QUOTE: {}", d.slice(q.span));
        println!("   CONTEXT: {}", &d.text[st..ce].replace('\n', " / "));
    }
    Ok(())
}
