//! The document: text, metadata and layers.

use crate::layers::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A publication date, given or inferred, with how sure we are and why.
///
/// Dates are ISO 8601 strings (`2023-07-27`, or `2023-07-27T10:24` when a time is known).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DateEstimate {
    /// Best single value, when there is one.
    pub value: Option<String>,
    /// Earliest plausible date (inclusive).
    pub earliest: Option<String>,
    /// Latest plausible date (inclusive).
    pub latest: Option<String>,
    /// Where it came from: `meta`, `html`, `json`, `text` (a dateline, "Publié le…"), `inferred`.
    pub source: String,
    /// Human-readable evidence (the matched text, the rule).
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// Article metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Metadata {
    /// Where the article was read from (file path, `file.jsonl:LINE`, `-` for stdin).
    pub origin: String,
    /// Outlet or source name.
    pub source: Option<String>,
    /// URL of the article.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Lead paragraph / heading when the input separates it from the body.
    pub heading: Option<String>,
    /// Section or category.
    pub category: Option<String>,
    /// ISO 639-1 language code, given or detected.
    pub lang: Option<String>,
    /// Confidence of language identification (1.0 when given).
    pub lang_confidence: Option<f32>,
    /// Publication date (the document creation time of TIMEX3).
    pub published: Option<DateEstimate>,
    /// Anything else the input carried.
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One article and its annotation layers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Stable identifier: the file stem, the JSON `id`, or a content hash.
    pub id: String,
    /// The article text every span points into. For plain text this is the input exactly;
    /// for HTML it is the extracted text (see `source_map`).
    #[serde(default)]
    pub text: String,
    /// For extracted inputs (HTML): pairs `(text_byte, original_byte)` marking where each
    /// run of extracted text starts in the original input, sorted by `text_byte`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_map: Vec<(usize, usize)>,
    /// Metadata.
    #[serde(default)]
    pub meta: Metadata,
    /// Boilerplate spans (not article content).
    #[serde(default)]
    pub boilerplate: Vec<Boilerplate>,
    /// Paragraphs of content.
    #[serde(default)]
    pub paragraphs: Vec<Span>,
    /// Sentences.
    #[serde(default)]
    pub sentences: Vec<Span>,
    /// Tokens.
    #[serde(default)]
    pub tokens: Vec<Token>,
    /// Named entities.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Temporal expressions.
    #[serde(default)]
    pub timexes: Vec<Timex>,
    /// Quotes and attributions.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Events.
    #[serde(default)]
    pub events: Vec<Event>,
}

impl Document {
    /// A document with `id` and `text` and no layers.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document { id: id.into(), text: text.into(), ..Default::default() }
    }

    /// The text of `span`.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The document creation time used to resolve relative dates: the publication date's
    /// value when known, else `None` (never today's date).
    pub fn dct(&self) -> Option<&str> {
        self.meta.published.as_ref().and_then(|d| d.value.as_deref())
    }

    /// True when `span` overlaps a boilerplate span.
    pub fn in_boilerplate(&self, span: Span) -> bool {
        self.boilerplate.iter().any(|b| b.span.overlap(&span) > 0)
    }

    /// Indices of the tokens inside `span` (tokens are sorted by position).
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }

    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }
}
