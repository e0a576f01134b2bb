//! Gazetteer and linker throughput on OrangeSum, after segmentation and NER as in the
//! default pipeline (`crates/dyade/src/pipeline.rs`), single thread.
//!
//! `cargo run --release -p dyade-actors --example link_speed -- [--docs 5000] [--dump FILE] [--interleaved 1]`
//!
//! Only the `gazetteer` and `link` stages are timed (CPU of this thread, i.e. wall time on one
//! core). `--interleaved 1` instead runs NER, gazetteer and linker document by document, as
//! the pipeline does (caches cold), timing each call's wall time. `--dump FILE` also writes, for the five seed articles (oracle-free: gazetteer then
//! NER-free linking) and for the first 300 OrangeSum articles, every entity as
//! `doc<TAB>start<TAB>end<TAB>label<TAB>ref`: a regression file to diff before/after a change.
use dyade_actors::{eval, ActorKb, EntityLinker, GazetteerRecognizer};
use dyade_core::{Component, DateEstimate, Document};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

fn dump(out: &mut impl Write, d: &Document) {
    for e in &d.entities {
        writeln!(out, "{}\t{}\t{}\t{:?}\t{}", d.id, e.span.start, e.span.end, e.label, e.reference.as_deref().unwrap_or("")).unwrap();
    }
}

/// CPU time this thread ran, in seconds (Linux `schedstat`; wall time where unavailable), so
/// that other jobs on a shared machine do not count.
fn cpu_now(wall: &Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse::<f64>().ok()))
        .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let model = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner-fr.bin");
    let mut n_docs = 5000usize;
    let mut dump_to: Option<String> = None;
    let mut interleaved = false;
    let args: Vec<String> = std::env::args().skip(1).collect();
    for w in args.chunks(2) {
        match (w[0].as_str(), w.get(1)) {
            ("--docs", Some(v)) => n_docs = v.parse()?,
            ("--dump", Some(v)) => dump_to = Some(v.clone()),
            ("--interleaved", _) => interleaved = true,
            (o, _) => return Err(format!("unknown option or missing value: {o}").into()),
        }
    }
    let t = Instant::now();
    let kb = Arc::new(ActorKb::load_default());
    let gz = GazetteerRecognizer::new(kb.clone());
    let linker = EntityLinker::new(kb);
    println!("KB + gazetteer + linker built in {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let seg = dyade_text::Segmenter::default();
    let ner = dyade_ner::NerTagger::load_french(model)?;

    let f = std::fs::File::open(shared.join("data/corpus/orangesum/orangesum.jsonl"))?;
    let mut docs = Vec::new();
    for line in std::io::BufReader::new(f).lines().take(n_docs.max(300)) {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let text = format!("{}\n\n{}\n\n{}", v["title"].as_str().unwrap_or(""), v["heading"].as_str().unwrap_or(""), v["article"].as_str().unwrap_or(""));
        let mut d = Document::new(v["id"].to_string(), text);
        d.meta.lang = Some("fr".into());
        d.meta.published = v["date"].as_str().map(|s| DateEstimate { value: Some(s.to_string()), source: "meta".into(), ..Default::default() });
        seg.process(&mut d);
        ner.process(&mut d);
        docs.push(d);
    }

    if let Some(path) = &dump_to {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        // seeds: gazetteer-only recognition then linking (as link_eval), then oracle spans
        let gold = eval::read_gold(&shared.join("eval/seeds"), &shared.join("seeds"))?;
        for g in &gold {
            let mut d = eval::blank_doc(g);
            gz.process(&mut d);
            linker.process(&mut d);
            dump(&mut out, &d);
            // and after segmentation + NER, as in the pipeline
            let mut d = eval::blank_doc(g);
            d.meta.lang = Some("fr".into());
            seg.process(&mut d);
            ner.process(&mut d);
            gz.process(&mut d);
            linker.process(&mut d);
            dump(&mut out, &d);
        }
        let (ok, n, errs) = eval::link_oracle(&linker, &gold);
        writeln!(out, "# oracle {ok}/{n}")?;
        for e in errs {
            writeln!(out, "# {e:?}")?;
        }
        for d in docs.iter().take(300) {
            let mut d = d.clone();
            gz.process(&mut d);
            linker.process(&mut d);
            dump(&mut out, &d);
        }
        println!("wrote {path}");
    }

    docs.truncate(n_docs);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let n_ner: usize = docs.iter().map(|d| d.entities.len()).sum();
    if interleaved {
        // as the pipeline runs: every stage on one document before the next document, so
        // the KB's tables are cold again after the NER model's; wall time per stage call
        let (mut g, mut l) = (0.0, 0.0);
        for d in docs.iter_mut() {
            d.entities.clear();
            ner.process(d);
            let t = Instant::now();
            gz.process(d);
            g += t.elapsed().as_secs_f64();
            let t = Instant::now();
            linker.process(d);
            l += t.elapsed().as_secs_f64();
        }
        println!("interleaved with NER, {} docs, {mb:.1} MB", docs.len());
        println!("gazetteer: {g:.3} s = {:.1} MB/s, {:.0} µs/doc", mb / g, g * 1e6 / docs.len() as f64);
        println!("link:      {l:.3} s = {:.1} MB/s, {:.0} µs/doc", mb / l, l * 1e6 / docs.len() as f64);
        return Ok(());
    }
    let t0 = Instant::now();
    let (t, c) = (Instant::now(), cpu_now(&t0));
    for d in docs.iter_mut() {
        gz.process(d);
    }
    let (g, gc) = (t.elapsed().as_secs_f64(), cpu_now(&t0) - c);
    let n_ent: usize = docs.iter().map(|d| d.entities.len()).sum();
    let (t, c) = (Instant::now(), cpu_now(&t0));
    for d in docs.iter_mut() {
        linker.process(d);
    }
    let (l, lc) = (t.elapsed().as_secs_f64(), cpu_now(&t0) - c);
    let n = docs.len() as f64;
    println!("{} docs, {mb:.1} MB, {n_ner} NER entities, {n_ent} after gazetteer", docs.len());
    println!("gazetteer: cpu {gc:.3} s = {:.1} MB/s, {:.0} µs/doc (wall {g:.3} s = {:.1} MB/s)", mb / gc, gc * 1e6 / n, mb / g);
    println!("link:      cpu {lc:.3} s = {:.1} MB/s, {:.0} µs/doc (wall {l:.3} s = {:.1} MB/s)", mb / lc, lc * 1e6 / n, mb / l);
    Ok(())
}
