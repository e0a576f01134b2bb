//! Scoring against gold annotations with the rules of `shared/eval/FORMAT.md`.
//!
//! This is a faithful port of the reference scorer `shared/eval/score.py`: the same
//! matching rules, the same counts, the same rounding (Python's `round(x, 4)`), the same
//! output keys in the same order, so `dyade eval` and `score.py` print the same numbers.

use dyade_core::annotation::{Annotation, EventA};
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// Errors while reading gold or prediction files.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A directory could not be listed.
    #[error("cannot read directory {path}: {source}")]
    Dir {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file is not valid annotation JSON.
    #[error("{path} is not an annotation file in the FORMAT.md schema: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// Why.
        source: serde_json::Error,
    },
}

/// Precision, recall, F1 and counts, as score.py's `prf` returns them (field order kept).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
    /// Number of predictions.
    pub pred: usize,
    /// Number of gold items.
    pub gold: usize,
}

/// Round like Python's `round(x, 4)`: correctly rounded from the exact binary value.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

fn prf(tp_p: usize, n_p: usize, tp_g: usize, n_g: usize) -> Prf {
    let p = if n_p > 0 { tp_p as f64 / n_p as f64 } else { 0.0 };
    let r = if n_g > 0 { tp_g as f64 / n_g as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { p: round4(p), r: round4(r), f1: round4(f), pred: n_p, gold: n_g }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b > 0 {
        round4(a as f64 / b as f64)
    } else {
        0.0
    }
}

/// score.py's `norm`: NFKD, drop non-ASCII, lowercase, hyphens to spaces, collapse spaces.
pub fn norm(s: &str) -> String {
    let ascii: String = s.nfkd().filter(|c| c.is_ascii()).collect::<String>().to_lowercase().replace('-', " ");
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn norm_opt(s: &Option<String>) -> Option<String> {
    s.as_deref().map(norm)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Raw counts summed over documents; `Scores` is derived from them.
#[derive(Debug, Default, Clone)]
struct Totals {
    bp: Option<[usize; 6]>,   // correct, pred, covered, gold, gold_chars, covered_chars
    ent: Option<[usize; 5]>,  // strict, relaxed, pred, gold, linked
    tmx: Option<[usize; 8]>,  // strict, relaxed, pred, gold, untyped, type_ok, value_ok, value_loose
    quo: Option<[usize; 5]>,  // correct, pred, covered, gold, speaker_ok
    evt: Option<[usize; 5]>,  // tp, pred, gold, gold_high, tp_high
}

fn add<const N: usize>(slot: &mut Option<[usize; N]>, v: [usize; N]) {
    let s = slot.get_or_insert([0; N]);
    for (a, b) in s.iter_mut().zip(v) {
        *a += b;
    }
}

/// Typed span items, as `spans()` in score.py sees them.
struct Item<'a> {
    start: usize,
    end: usize,
    ty: &'a str,
}

/// Strict count, relaxed typed pairs, relaxed untyped pairs (indices into gold, pred).
fn spans(g: &[Item], p: &[Item]) -> (usize, Vec<(usize, usize)>, Vec<(usize, usize)>) {
    let strict = p.iter().filter(|x| g.iter().any(|y| x.start == y.start && x.end == y.end && x.ty == y.ty)).count();
    let mut pairs = Vec::new();
    let mut used = HashSet::new();
    for (pi, x) in p.iter().enumerate() {
        for (i, y) in g.iter().enumerate() {
            if !used.contains(&i) && overlap((x.start, x.end), (y.start, y.end)) > 0 && x.ty == y.ty {
                used.insert(i);
                pairs.push((i, pi));
                break;
            }
        }
    }
    let mut upairs = Vec::new();
    let mut uused = HashSet::new();
    for (pi, x) in p.iter().enumerate() {
        for (i, y) in g.iter().enumerate() {
            if !uused.contains(&i) && overlap((x.start, x.end), (y.start, y.end)) > 0 {
                uused.insert(i);
                upairs.push((i, pi));
                break;
            }
        }
    }
    (strict, pairs, upairs)
}

fn date_agrees(gold: &Option<String>, pred: &Option<String>) -> bool {
    match (gold, pred) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(g), Some(p)) => p.starts_with(g.as_str()),
    }
}

fn event_key_eq(x: &EventA, y: &EventA) -> bool {
    x.etype == y.etype && norm_opt(&x.actor) == norm_opt(&y.actor) && norm_opt(&x.recipient) == norm_opt(&y.recipient) && date_agrees(&y.date, &x.date)
}

fn confidence_is_high(e: &EventA) -> bool {
    e.confidence.as_deref().unwrap_or("high") == "high"
}

/// Which layers a gold file annotates (score.py only scores a layer when its key is present).
#[derive(Debug, Clone, Copy, Default)]
pub struct GoldLayers {
    /// `boilerplate` key present.
    pub boilerplate: bool,
    /// `entities` key present.
    pub entities: bool,
    /// `timexes` key present.
    pub timexes: bool,
    /// `quotes` key present.
    pub quotes: bool,
    /// `events` key present.
    pub events: bool,
}

impl GoldLayers {
    /// Every layer present.
    pub fn all() -> Self {
        GoldLayers { boilerplate: true, entities: true, timexes: true, quotes: true, events: true }
    }
    /// The layers whose keys appear in a parsed gold JSON object.
    pub fn of_json(v: &serde_json::Value) -> Self {
        let has = |k: &str| v.get(k).is_some();
        GoldLayers { boilerplate: has("boilerplate"), entities: has("entities"), timexes: has("timexes"), quotes: has("quotes"), events: has("events") }
    }
}

/// Accumulates counts over documents, then reports score.py's measures.
#[derive(Debug, Default, Clone)]
pub struct Scorer {
    t: Totals,
}

impl Scorer {
    /// A scorer with nothing counted.
    pub fn new() -> Self {
        Self::default()
    }

    /// Count one document. `pred` is `None` when the system wrote no file (counts as empty).
    pub fn add_document(&mut self, gold: &Annotation, layers: GoldLayers, pred: Option<&Annotation>) {
        let empty = Annotation::default();
        let pred = pred.unwrap_or(&empty);
        // boilerplate
        if layers.boilerplate {
            let gb: Vec<_> = gold.boilerplate.iter().map(|s| (s.start, s.end)).collect();
            let pb: Vec<_> = pred.boilerplate.iter().map(|s| (s.start, s.end)).collect();
            let correct = pb.iter().filter(|x| gb.iter().any(|y| overlap(**x, *y) > 0)).count();
            let covered = gb.iter().filter(|y| pb.iter().any(|x| overlap(*x, **y) > 0)).count();
            let gold_chars = gb.iter().map(|y| y.1 - y.0).sum();
            let covered_chars = gb.iter().map(|y| pb.iter().map(|x| overlap(*x, *y)).sum::<usize>()).sum();
            add(&mut self.t.bp, [correct, pb.len(), covered, gb.len(), gold_chars, covered_chars]);
        }
        // entities
        if layers.entities {
            let g: Vec<_> = gold.entities.iter().map(|e| Item { start: e.start, end: e.end, ty: &e.etype }).collect();
            let p: Vec<_> = pred.entities.iter().map(|e| Item { start: e.start, end: e.end, ty: &e.etype }).collect();
            let (strict, pairs, _) = spans(&g, &p);
            let linked = pairs.iter().filter(|(gi, pi)| norm_opt(&pred.entities[*pi].reference) == norm_opt(&gold.entities[*gi].reference)).count();
            add(&mut self.t.ent, [strict, pairs.len(), p.len(), g.len(), linked]);
        }
        // timexes
        if layers.timexes {
            let g: Vec<_> = gold.timexes.iter().map(|e| Item { start: e.start, end: e.end, ty: &e.ttype }).collect();
            let p: Vec<_> = pred.timexes.iter().map(|e| Item { start: e.start, end: e.end, ty: &e.ttype }).collect();
            let (strict, pairs, upairs) = spans(&g, &p);
            // score.py compares str(value): None prints "None" on both sides
            let sv = |v: &Option<String>| v.clone().unwrap_or_else(|| "None".into());
            let md = |m: &Option<String>| m.clone().filter(|s| !s.is_empty());
            let (mut type_ok, mut value_ok, mut value_loose) = (0, 0, 0);
            for (gi, pi) in &upairs {
                let (y, x) = (&gold.timexes[*gi], &pred.timexes[*pi]);
                type_ok += (x.ttype == y.ttype) as usize;
                let same = sv(&x.value) == sv(&y.value);
                value_ok += (same && md(&x.modifier) == md(&y.modifier)) as usize;
                value_loose += same as usize;
            }
            add(&mut self.t.tmx, [strict, pairs.len(), p.len(), g.len(), upairs.len(), type_ok, value_ok, value_loose]);
        }
        // quotes
        if layers.quotes {
            let gq = &gold.quotes;
            let top: Vec<_> = gq
                .iter()
                .enumerate()
                .filter(|(i, y)| {
                    !gq.iter().enumerate().any(|(j, z)| j != *i && z.start <= y.start && y.end <= z.end && (z.end - z.start) > (y.end - y.start))
                })
                .map(|(_, y)| y)
                .collect();
            let mut correct = Vec::new();
            let mut spk_ok = 0;
            for x in &pred.quotes {
                let length = (x.end.saturating_sub(x.start)).max(1);
                let inside: Vec<_> = gq.iter().filter(|y| overlap((x.start, x.end), (y.start, y.end)) * 2 >= length).collect();
                if !inside.is_empty() {
                    correct.push(x);
                    // Python's min() keeps the first of equal keys
                    let best = inside.iter().min_by_key(|y| y.end - y.start).unwrap();
                    spk_ok += (norm_opt(&x.speaker) == norm_opt(&best.speaker)) as usize;
                }
            }
            let covered = top.iter().filter(|y| correct.iter().any(|x| overlap((x.start, x.end), (y.start, y.end)) > 0)).count();
            add(&mut self.t.quo, [correct.len(), pred.quotes.len(), covered, top.len(), spk_ok]);
        }
        // events
        if layers.events {
            let (ge, pe) = (&gold.events, &pred.events);
            let mut used = HashSet::new();
            let mut tp = 0;
            for x in pe {
                for (i, y) in ge.iter().enumerate() {
                    if !used.contains(&i) && event_key_eq(x, y) {
                        used.insert(i);
                        tp += 1;
                        break;
                    }
                }
            }
            let gold_high = ge.iter().filter(|y| confidence_is_high(y)).count();
            let tp_high = used.iter().filter(|i| confidence_is_high(&ge[**i])).count();
            add(&mut self.t.evt, [tp, pe.len(), ge.len(), gold_high, tp_high]);
        }
    }

    /// The measures, as an ordered list of (name, JSON value), keys and order as score.py.
    pub fn report(&self) -> Vec<(String, serde_json::Value)> {
        let mut out: Vec<(String, serde_json::Value)> = Vec::new();
        let mut put = |k: &str, v: serde_json::Value| out.push((k.to_string(), v));
        let j = |p: Prf| serde_json::to_value(p).unwrap();
        if let Some([correct, pred, covered, gold, gold_chars, covered_chars]) = self.t.bp {
            if gold > 0 {
                put("boilerplate", j(prf(correct, pred, covered, gold)));
                put("boilerplate_char_recall", ratio(covered_chars, gold_chars).into());
            }
        }
        if let Some([strict, relaxed, pred, gold, linked]) = self.t.ent {
            put("entities_strict", j(prf(strict, pred, strict, gold)));
            put("entities_relaxed", j(prf(relaxed, pred, relaxed, gold)));
            put("entities_linking_acc", ratio(linked, gold).into());
        }
        if let Some([strict, _relaxed, pred, gold, untyped, type_ok, value_ok, value_loose]) = self.t.tmx {
            put("timexes_strict", j(prf(strict, pred, strict, gold)));
            put("timexes_relaxed", j(prf(untyped, pred, untyped, gold)));
            put("timexes_type_acc", ratio(type_ok, untyped).into());
            put("timexes_value_acc", ratio(value_ok, untyped).into());
            put("timexes_value_f1", j(prf(value_loose, pred, value_loose, gold)));
        }
        if let Some([correct, pred, covered, gold, speaker_ok]) = self.t.quo {
            put("quotes", j(prf(correct, pred, covered, gold)));
            put("quotes_speaker_acc", ratio(speaker_ok, correct).into());
        }
        if let Some([tp, pred, gold, gold_high, tp_high]) = self.t.evt {
            put("events", j(prf(tp, pred, tp, gold)));
            put("events_recall_high_conf", ratio(tp_high, gold_high).into());
        }
        out
    }

    /// The report as one JSON object (score.py `--json`).
    pub fn report_json(&self) -> serde_json::Value {
        serde_json::Value::Object(self.report().into_iter().collect())
    }

    /// The report as score.py prints it without `--json`: `name: value` lines.
    pub fn report_text(&self) -> String {
        let mut s = String::new();
        for (k, v) in self.report() {
            s.push_str(&format!("{k}: {}\n", py_json(&v)));
        }
        s
    }
}

/// JSON as Python's `json.dumps` writes it (", " and ": " separators).
pub fn py_json(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Object(m) => {
            let parts: Vec<String> = m.iter().map(|(k, v)| format!("{}: {}", serde_json::Value::String(k.clone()), py_json(v))).collect();
            format!("{{{}}}", parts.join(", "))
        }
        serde_json::Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap();
            if f.fract() == 0.0 && f.abs() < 1e16 {
                format!("{f:.1}")
            } else {
                n.to_string()
            }
        }
        other => other.to_string(),
    }
}

fn read_json(path: &Path) -> Result<serde_json::Value, EvalError> {
    let s = std::fs::read_to_string(path).map_err(|e| EvalError::Read { path: path.into(), source: e })?;
    serde_json::from_str(&s).map_err(|e| EvalError::Json { path: path.into(), source: e })
}

fn parse(path: &Path, v: serde_json::Value) -> Result<Annotation, EvalError> {
    serde_json::from_value(v).map_err(|e| EvalError::Json { path: path.into(), source: e })
}

/// Score every `<stem>.json` of `gold_dir` against the same name in `pred_dir`, as score.py.
pub fn score_dirs(gold_dir: &Path, pred_dir: &Path) -> Result<Scorer, EvalError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(gold_dir)
        .map_err(|e| EvalError::Dir { path: gold_dir.into(), source: e })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut scorer = Scorer::new();
    for gf in files {
        let gv = read_json(&gf)?;
        let layers = GoldLayers::of_json(&gv);
        let gold = parse(&gf, gv)?;
        let pf = pred_dir.join(gf.file_name().unwrap());
        let pred = if pf.exists() { Some(parse(&pf, read_json(&pf)?)?) } else { None };
        scorer.add_document(&gold, layers, pred.as_ref());
    }
    Ok(scorer)
}
