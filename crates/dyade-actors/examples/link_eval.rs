//! Linking accuracy with oracle spans and gazetteer-only recognition on gold files.
//!
//! `cargo run -p dyade-actors --example link_eval [GOLD_DIR TEXT_DIR [PRED_DIR]]`
//! (defaults: ../shared/eval/seeds, ../shared/seeds; PRED_DIR receives the gazetteer-only
//! annotations for `python3 ../shared/eval/score.py GOLD_DIR PRED_DIR`).
use dyade_actors::{eval, ActorKb, EntityLinker, GazetteerRecognizer};
use std::path::PathBuf;
use std::sync::Arc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let gold_dir = args.get(1).map(PathBuf::from).unwrap_or(shared.join("eval/seeds"));
    let text_dir = args.get(2).map(PathBuf::from).unwrap_or(shared.join("seeds"));
    let t = std::time::Instant::now();
    let kb = Arc::new(ActorKb::load_default());
    let (c, p, o, pe, m) = kb.counts();
    println!("KB: {c} countries, {p} places, {o} organisations, {pe} people, {m} misc; loaded in {:?}", t.elapsed());
    let linker = EntityLinker::new(kb.clone());
    let t = std::time::Instant::now();
    let gz = GazetteerRecognizer::new(kb.clone());
    println!("gazetteer built in {:?}", t.elapsed());
    let docs = eval::read_gold(&gold_dir, &text_dir).expect("read gold");
    let (ok, n, errs) = eval::link_oracle(&linker, &docs);
    println!("linking accuracy (oracle spans): {ok}/{n} = {:.3}", ok as f64 / n.max(1) as f64);
    for (s, g, p) in &errs {
        println!("  {s:?}: gold {g:?}, predicted {p:?}");
    }
    let t = std::time::Instant::now();
    let preds = eval::gazetteer_annotations(&gz, &linker, &docs);
    let el = t.elapsed();
    let (pp, r, f, la) = eval::strict_prf(&docs, &preds);
    println!("gazetteer-only strict P {pp:.3} R {r:.3} F1 {f:.3}, linking on matched {la:.3} ({} docs in {el:?})", docs.len());
    if let Some(out) = args.get(3) {
        std::fs::create_dir_all(out).expect("create PRED_DIR");
        for a in &preds {
            std::fs::write(PathBuf::from(out).join(format!("{}.json", a.doc)), serde_json::to_string_pretty(a).unwrap()).unwrap();
        }
        println!("wrote {} annotations to {out}", preds.len());
    }
}
