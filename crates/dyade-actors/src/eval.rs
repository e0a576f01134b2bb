//! Evaluation helpers on gold files in the format of `shared/eval/FORMAT.md`: linking
//! accuracy with oracle spans, and gazetteer-only recognition.

use crate::{EntityLinker, GazetteerRecognizer};
use dyade_core::{Annotation, CharIndex, DateEstimate, Document, Entity, EntityType, Span};
use std::path::Path;

/// score.py's `norm`: NFKD, ASCII only, lowercase, hyphens to spaces, whitespace collapsed.
pub fn score_norm(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let a: String = s.nfkd().filter(|c| c.is_ascii()).collect::<String>().to_lowercase().replace('-', " ");
    a.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One gold article: its annotation, text and the crawler's dct (from `meta.jsonl`).
pub struct GoldDoc {
    /// The gold annotation.
    pub gold: Annotation,
    /// The article text.
    pub text: String,
    /// Input metadata dct, when given.
    pub dct: Option<String>,
}

/// Read `GOLD_DIR/*.json` with texts in `TEXT_DIR/<stem>.txt` and `TEXT_DIR/meta.jsonl`.
pub fn read_gold(gold_dir: &Path, text_dir: &Path) -> std::io::Result<Vec<GoldDoc>> {
    let meta = std::fs::read_to_string(text_dir.join("meta.jsonl")).unwrap_or_default();
    let mut out = vec![];
    let mut files: Vec<_> = std::fs::read_dir(gold_dir)?.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    for f in files {
        let gold: Annotation = serde_json::from_str(&std::fs::read_to_string(&f)?).map_err(std::io::Error::other)?;
        let text = std::fs::read_to_string(text_dir.join(format!("{}.txt", gold.doc)))?;
        let dct = meta.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()).find(|v| v["doc"] == gold.doc.as_str()).and_then(|v| v["dct"].as_str().map(String::from));
        out.push(GoldDoc { gold, text, dct });
    }
    Ok(out)
}

/// A document with text and dct and no layers.
pub fn blank_doc(g: &GoldDoc) -> Document {
    let mut d = Document::new(g.gold.doc.clone(), g.text.clone());
    d.meta.lang = g.gold.lang.clone();
    d.meta.published = g.dct.as_ref().map(|v| DateEstimate { value: Some(v.clone()), source: "meta".into(), ..Default::default() });
    d
}

/// Linking with oracle spans: (correct, total, list of (surface, gold, predicted) errors).
pub fn link_oracle(linker: &EntityLinker, docs: &[GoldDoc]) -> (usize, usize, Vec<(String, String, String)>) {
    let (mut ok, mut n, mut errs) = (0, 0, vec![]);
    for g in docs {
        let mut d = blank_doc(g);
        let ix = CharIndex::new(&g.text);
        for e in &g.gold.entities {
            d.entities.push(Entity {
                span: Span::new(ix.byte_of(e.start), ix.byte_of(e.end)),
                label: EntityType::parse(&e.etype).unwrap_or(EntityType::MISC),
                reference: None,
                confidence: 1.0,
            });
        }
        linker.link(&mut d);
        for (e, p) in g.gold.entities.iter().zip(&d.entities) {
            n += 1;
            let pr = p.reference.clone().unwrap_or_default();
            if score_norm(&pr) == score_norm(e.reference.as_deref().unwrap_or("")) {
                ok += 1;
            } else {
                errs.push((e.text.clone(), e.reference.clone().unwrap_or_default(), pr));
            }
        }
    }
    (ok, n, errs)
}

/// Gazetteer-only recognition then linking, as gold-format annotations.
pub fn gazetteer_annotations(gz: &GazetteerRecognizer, linker: &EntityLinker, docs: &[GoldDoc]) -> Vec<Annotation> {
    docs.iter()
        .map(|g| {
            let mut d = blank_doc(g);
            gz.merge_into(&mut d);
            linker.link(&mut d);
            let mut a = Annotation::from_document(&d);
            a.dct = g.dct.clone();
            a
        })
        .collect()
}

/// Strict (same span and type) entity precision/recall/F1 and linking accuracy on matched
/// mentions, as score.py computes them: (p, r, f1, link_acc).
pub fn strict_prf(gold: &[GoldDoc], pred: &[Annotation]) -> (f64, f64, f64, f64) {
    let (mut tp, mut np, mut ng, mut lok) = (0usize, 0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(pred) {
        np += p.entities.len();
        ng += g.gold.entities.len();
        for ge in &g.gold.entities {
            if let Some(pe) = p.entities.iter().find(|pe| pe.start == ge.start && pe.end == ge.end && pe.etype == ge.etype) {
                tp += 1;
                if score_norm(pe.reference.as_deref().unwrap_or("")) == score_norm(ge.reference.as_deref().unwrap_or("")) {
                    lok += 1;
                }
            }
        }
    }
    let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
    let r = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f, if tp > 0 { lok as f64 / tp as f64 } else { 0.0 })
}
