//! Fast statistical named-entity recognition for dyade.
//!
//! A BIO sequence labeller (PER, LOC, ORG, MISC): averaged structured perceptron over
//! hashed features (word window, affixes, shapes, bigrams), first-order transitions and
//! BIO-constrained Viterbi decoding. The model is data: a sparse, `i16`-quantized weight
//! table in one file (`models/ner-fr.bin`), loaded once with [`Model::load`] or
//! [`Model::from_bytes`]. [`NerTagger`] is the pipeline [`Component`] (name `"ner"`): it
//! reads `doc.tokens`/`doc.sentences` (segmenting with [`tokenize`] when they are empty),
//! tags each sentence, applies the gold-format conventions of [`post`] (titles outside
//! spans, no lowercase-only names such as nationality adjectives), merges
//! [`Gazetteer`] matches, and fills `doc.entities` with `reference: None` and a confidence
//! from the decoding margins.

#![warn(missing_docs)]

pub mod caplex;
pub mod data;
pub mod eval;
pub mod features;
pub mod model;
pub mod post;
pub mod tokenize;
pub mod train;

pub use model::{Model, ModelError, Result, Scratch};
pub use post::{Gazetteer, NameList, Rules};
pub use train::{train, Format, TrainConfig};

use dyade_core::{Component, Document, Entity, Span, Token};
use std::cell::RefCell;

thread_local! {
    static SCRATCH: RefCell<(Scratch, Vec<u8>, Vec<f32>)> = RefCell::new(Default::default());
}

/// The French post-processing lexicon (`resources/ner/fr.tsv`), embedded.
pub const FR_RULES: &str = include_str!("../../../resources/ner/fr.tsv");

/// The trained French model, embedded (feature `embed-model`).
#[cfg(feature = "embed-model")]
pub fn french_model() -> Model {
    Model::from_bytes(include_bytes!("../../../models/ner-fr.bin")).expect("embedded models/ner-fr.bin is valid")
}

/// The NER pipeline component.
pub struct NerTagger {
    model: Model,
    rules: Rules,
    gazetteer: Option<Box<dyn Gazetteer>>,
}

/// A raw model prediction: token range, type, confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TokenSpan {
    /// First token index (into the token slice tagged).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type.
    pub label: dyade_core::EntityType,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

impl NerTagger {
    /// A tagger using `model` and the post-processing `rules`.
    pub fn new(model: Model, rules: Rules) -> Self {
        NerTagger { model, rules, gazetteer: None }
    }

    /// A tagger loading the model at `path`, with the embedded French rules.
    pub fn load_french(path: impl AsRef<std::path::Path>) -> Result<Self> {
        Ok(NerTagger::new(Model::load(path)?, Rules::parse(FR_RULES)?))
    }

    /// Add a gazetteer whose matches override overlapping model predictions.
    pub fn with_gazetteer(mut self, g: Box<dyn Gazetteer>) -> Self {
        self.gazetteer = Some(g);
        self
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tag one sentence's tokens (the model only, no post-processing), appending entity
    /// token spans to `out`. Allocation-free once the thread's scratch buffers have grown.
    pub fn tag_tokens(&self, text: &str, tokens: &[Token], with_confidence: bool, out: &mut Vec<TokenSpan>) {
        SCRATCH.with(|cell| {
            let (scratch, labels, margins) = &mut *cell.borrow_mut();
            scratch.infos.clear();
            scratch.infos.extend(tokens.iter().map(|t| self.model.info(t.norm(text))));
            self.model.tag_infos(scratch, labels);
            if with_confidence {
                self.model.margins(scratch, labels, margins);
            }
            for (s, e, t) in data::spans(labels) {
                let confidence = if with_confidence {
                    let m = margins[s..e].iter().copied().fold(f32::INFINITY, f32::min);
                    1.0 / (1.0 + (-m / (4.0 * self.model.conf_temp)).exp())
                } else {
                    1.0
                };
                out.push(TokenSpan { start: s, end: e, label: model::TYPES[t as usize - 1], confidence });
            }
        });
    }

    /// Entities of `doc` (without writing them), given tokens and sentences.
    pub fn entities(&self, doc: &Document, tokens: &[Token], sentences: &[Span]) -> Vec<Entity> {
        let mut ents = Vec::new();
        let mut spans = Vec::new();
        for sent in sentences {
            if doc.boilerplate.iter().any(|b| b.span.contains(sent)) {
                continue;
            }
            let a = tokens.partition_point(|t| t.span.start < sent.start);
            let b = tokens.partition_point(|t| t.span.end <= sent.end).max(a);
            if a == b {
                continue;
            }
            let toks = &tokens[a..b];
            spans.clear();
            self.tag_tokens(&doc.text, toks, true, &mut spans);
            self.rules.apply(&doc.text, toks, &mut spans);
            // A one-word "name" that the corpus mostly writes in lowercase is a capitalized
            // common noun or demonym ("Russes", "Défense", "Sommet"), not an entity.
            spans.retain(|s| s.end - s.start > 1 || !self.model.caplex.mostly_lowercase(&self.model.info(toks[s.start].norm(&doc.text))));
            for s in &spans {
                let span = Span::new(toks[s.start].span.start, toks[s.end - 1].span.end);
                ents.push(Entity { span, label: s.label, reference: None, confidence: s.confidence });
            }
        }
        if let Some(g) = &self.gazetteer {
            post::merge_gazetteer(&mut ents, g.find(&doc.text, tokens));
        }
        ents.retain(|e| !doc.in_boilerplate(e.span));
        ents
    }
}

impl Component for NerTagger {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn process(&self, doc: &mut Document) {
        let ents = if doc.tokens.is_empty() {
            let toks = tokenize::tokenize(&doc.text);
            let sents = if doc.sentences.is_empty() { tokenize::sentences(&doc.text, &toks) } else { doc.sentences.clone() };
            self.entities(doc, &toks, &sents)
        } else if doc.sentences.is_empty() {
            let sents = tokenize::sentences(&doc.text, &doc.tokens);
            self.entities(doc, &doc.tokens, &sents)
        } else {
            self.entities(doc, &doc.tokens, &doc.sentences)
        };
        doc.entities = ents;
    }
}
