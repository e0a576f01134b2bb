//! Evaluation: CoNLL-style entity-level precision/recall/F1 (exact span and type), and the
//! strict/relaxed entity scores of `shared/eval/score.py` on gold-format annotations.

use crate::data::{spans, Sentence};
use crate::model::{Model, Scratch};
use dyade_core::annotation::EntityA;

/// True positives, predictions and gold counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// Correct predictions.
    pub tp: usize,
    /// Predictions.
    pub pred: usize,
    /// Gold items.
    pub gold: usize,
}

impl Counts {
    /// Precision.
    pub fn p(&self) -> f64 {
        if self.pred == 0 { 0.0 } else { self.tp as f64 / self.pred as f64 }
    }
    /// Recall.
    pub fn r(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.tp as f64 / self.gold as f64 }
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    /// Add another count.
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
}

/// Overall and per-type scores (types in [`crate::model::TYPES`] order).
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// All types.
    pub overall: Counts,
    /// PER, LOC, ORG, MISC.
    pub per_type: [Counts; 4],
}

impl Scores {
    /// Add one sentence's gold and predicted BIO labels.
    pub fn add_labels(&mut self, gold: &[u8], pred: &[u8]) {
        let g = spans(gold);
        let p = spans(pred);
        for &(s, e, t) in &p {
            let ok = g.contains(&(s, e, t));
            let c = Counts { tp: ok as usize, pred: 1, gold: 0 };
            self.overall.add(c);
            self.per_type[t as usize - 1].add(c);
        }
        for &(_, _, t) in &g {
            let c = Counts { tp: 0, pred: 0, gold: 1 };
            self.overall.add(c);
            self.per_type[t as usize - 1].add(c);
        }
    }

    /// A printable table.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let row = |name: &str, c: &Counts| format!("{name:<8} P {:.4}  R {:.4}  F1 {:.4}  (pred {}, gold {})\n", c.p(), c.r(), c.f1(), c.pred, c.gold);
        s += &row("overall", &self.overall);
        for (k, n) in ["PER", "LOC", "ORG", "MISC"].iter().enumerate() {
            s += &row(n, &self.per_type[k]);
        }
        s
    }
}

/// Tag every sentence with `model` and score against its labels. `drop_misc` removes MISC
/// predictions (for corpora without MISC, such as HIPE's coarse PER/LOC/ORG).
pub fn score_sentences_with(model: &Model, sents: &[Sentence], drop_misc: bool) -> Scores {
    let mut sc = Scores::default();
    let mut scratch = Scratch::default();
    let mut pred = Vec::new();
    for s in sents {
        model.tag_words(&s.words, &mut scratch, &mut pred);
        if drop_misc {
            for l in pred.iter_mut() {
                if *l >= 7 {
                    *l = 0;
                }
            }
        }
        sc.add_labels(&s.tags, &pred);
    }
    sc
}

/// [`score_sentences_with`] keeping MISC.
pub fn score_sentences(model: &Model, sents: &[Sentence]) -> Scores {
    score_sentences_with(model, sents, false)
}

/// Strict and relaxed entity counts as `score.py` computes them for one document: strict
/// counts predictions with an identical (start, end, type) gold entity; relaxed pairs each
/// prediction with the first unused overlapping gold entity of the same type.
pub fn strict_relaxed(gold: &[EntityA], pred: &[EntityA]) -> (Counts, Counts) {
    let strict = pred.iter().filter(|x| gold.iter().any(|y| x.start == y.start && x.end == y.end && x.etype == y.etype)).count();
    let mut used = vec![false; gold.len()];
    let mut relaxed = 0;
    for x in pred {
        for (i, y) in gold.iter().enumerate() {
            let ov = x.end.min(y.end).saturating_sub(x.start.max(y.start));
            if !used[i] && ov > 0 && x.etype == y.etype {
                used[i] = true;
                relaxed += 1;
                break;
            }
        }
    }
    (
        Counts { tp: strict, pred: pred.len(), gold: gold.len() },
        Counts { tp: relaxed, pred: pred.len(), gold: gold.len() },
    )
}
