//! Regression dump of clean + langid + segment, for checking that speed work keeps outputs
//! identical: per document, boilerplate spans and labels, paragraphs, publication date,
//! language and confidence (exact bits), tokens (span, kind, norm, space) and sentences.
//!
//! `cargo run --release -p dyade-ingest --example regress_dump -- OUT [N]`
//! reads the first N (default 2000) OrangeSum articles, the first 5N Gilets jaunes
//! articles, the OrangeSum raw HTML sample and the five seeds from `../shared`.
use dyade_core::Component;
use dyade_ingest::{read_inputs, Cleaner, ReadOptions};
use std::io::Write;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args.first().expect("usage: regress_dump OUT [N]");
    let n: usize = args.get(1).map_or(2000, |s| s.parse().expect("N is a number"));
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let corpus = shared.join("data/corpus");
    let inputs: Vec<(PathBuf, usize)> = vec![
        (corpus.join("orangesum/orangesum.jsonl"), n),
        (corpus.join("gilets_jaunes/gilets_jaunes_fr.jsonl"), n * 5),
        (corpus.join("orangesum/raw_html_sample"), usize::MAX),
        (shared.join("seeds"), usize::MAX),
    ];
    let cleaner = Cleaner::new();
    let langid = dyade_text::LanguageIdentifier::default();
    let seg = dyade_text::Segmenter::default();
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).expect("create OUT"));
    for (path, limit) in inputs {
        for r in read_inputs(&[path.clone()], &ReadOptions::default()).take(limit) {
            let Ok(mut d) = r else { continue };
            cleaner.process(&mut d);
            langid.process(&mut d);
            seg.process(&mut d);
            writeln!(w, "DOC {} {:?} {:?} {:?}", d.id, d.meta.lang, d.meta.lang_confidence.map(f32::to_bits), d.meta.published).unwrap();
            for b in &d.boilerplate {
                writeln!(w, "B {} {} {} {:?}", b.span.start, b.span.end, b.label, &d.text[b.span.start..b.span.end]).unwrap();
            }
            for p in &d.paragraphs {
                writeln!(w, "P {} {}", p.start, p.end).unwrap();
            }
            for s in &d.sentences {
                writeln!(w, "S {} {}", s.start, s.end).unwrap();
            }
            for t in &d.tokens {
                writeln!(w, "T {} {} {:?} {:?} {}", t.span.start, t.span.end, t.kind, t.norm, t.space_after as u8).unwrap();
            }
        }
    }
}
