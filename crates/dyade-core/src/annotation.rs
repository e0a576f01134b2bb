//! The gold annotation format of `shared/eval/FORMAT.md`: code-point offsets, one JSON
//! object per article. Used for `dyade annotate` output and for reading gold files.

use crate::{CharIndex, Document, Span};
use serde::{Deserialize, Serialize};

/// One article's annotations in the gold format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Annotation {
    /// Document id (file stem).
    pub doc: String,
    /// Document creation time (`null` when unknown).
    pub dct: Option<String>,
    /// Language code.
    pub lang: Option<String>,
    /// Boilerplate spans.
    #[serde(default)]
    pub boilerplate: Vec<SpanA>,
    /// Entities.
    #[serde(default)]
    pub entities: Vec<EntityA>,
    /// Temporal expressions.
    #[serde(default)]
    pub timexes: Vec<TimexA>,
    /// Quotes.
    #[serde(default)]
    pub quotes: Vec<QuoteA>,
    /// Events.
    #[serde(default)]
    pub events: Vec<EventA>,
    /// Extra metadata dyade adds (title, inferred date window, duplicate group…). Absent in gold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Value>,
}

/// A plain span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SpanA {
    /// First code point, inclusive.
    pub start: usize,
    /// Last code point, exclusive.
    pub end: usize,
    /// The covered text.
    #[serde(default)]
    pub text: String,
}

/// An entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EntityA {
    /// First code point.
    pub start: usize,
    /// End code point (exclusive).
    pub end: usize,
    /// Covered text.
    #[serde(default)]
    pub text: String,
    /// PER, LOC, ORG, MISC.
    #[serde(rename = "type")]
    pub etype: String,
    /// Canonical ref.
    #[serde(rename = "ref", default)]
    pub reference: Option<String>,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct TimexA {
    /// First code point.
    pub start: usize,
    /// End code point (exclusive).
    pub end: usize,
    /// Covered text.
    #[serde(default)]
    pub text: String,
    /// DATE, TIME, DURATION, SET.
    #[serde(rename = "type")]
    pub ttype: String,
    /// Normalized value.
    #[serde(default)]
    pub value: Option<String>,
    /// TIMEX3 mod.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// A quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct QuoteA {
    /// First code point.
    pub start: usize,
    /// End code point (exclusive).
    pub end: usize,
    /// Covered text.
    #[serde(default)]
    pub text: String,
    /// direct, indirect, mixed.
    pub kind: String,
    /// Speaker ref.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Reporting cue.
    #[serde(default)]
    pub cue: Option<String>,
}

/// An event, as the gold format writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EventA {
    /// Sentence text.
    #[serde(default)]
    pub sentence: String,
    /// Trigger text.
    #[serde(default)]
    pub trigger: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub etype: String,
    /// PLOVER mode.
    #[serde(default)]
    pub mode: Option<String>,
    /// Actor country code.
    #[serde(default)]
    pub actor: Option<String>,
    /// Actor person ref.
    #[serde(default)]
    pub actor_person: Option<String>,
    /// Recipient country code.
    #[serde(default)]
    pub recipient: Option<String>,
    /// Recipient person ref.
    #[serde(default)]
    pub recipient_person: Option<String>,
    /// Event date.
    #[serde(default)]
    pub date: Option<String>,
    /// Location.
    #[serde(default)]
    pub location: Option<String>,
    /// Attribution ref.
    #[serde(default)]
    pub attribution: Option<String>,
    /// Historical background.
    #[serde(default)]
    pub historical: bool,
    /// Negated.
    #[serde(default)]
    pub negated: bool,
    /// high / medium / low.
    #[serde(default)]
    pub confidence: Option<String>,
    /// Fields this struct does not name (gold extras, CAMEO codes…).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Confidence in `[0,1]` → the gold's high/medium/low.
pub fn confidence_level(c: f32) -> &'static str {
    if c >= 0.7 {
        "high"
    } else if c >= 0.4 {
        "medium"
    } else {
        "low"
    }
}

impl Annotation {
    /// Convert a document's layers to the gold format (byte → code-point offsets).
    pub fn from_document(doc: &Document) -> Self {
        let ix = CharIndex::new(&doc.text);
        let sp = |s: Span| SpanA { start: ix.char_of(s.start), end: ix.char_of(s.end), text: doc.slice(s).to_string() };
        Annotation {
            doc: doc.id.clone(),
            dct: doc.dct().map(|d| d.get(..10).unwrap_or(d).to_string()),
            lang: doc.meta.lang.clone(),
            boilerplate: doc.boilerplate.iter().map(|b| sp(b.span)).collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| {
                    let s = sp(e.span);
                    EntityA { start: s.start, end: s.end, text: s.text, etype: e.label.as_str().into(), reference: e.reference.clone() }
                })
                .collect(),
            timexes: doc
                .timexes
                .iter()
                .map(|t| {
                    let s = sp(t.span);
                    TimexA {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        ttype: t.ttype.as_str().into(),
                        value: Some(t.value.clone()),
                        modifier: t.modifier.clone(),
                    }
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| {
                    let s = sp(q.span);
                    QuoteA { start: s.start, end: s.end, text: s.text, kind: q.kind.as_str().into(), speaker: q.speaker.clone(), cue: q.cue.clone() }
                })
                .collect(),
            events: doc
                .events
                .iter()
                .map(|e| EventA {
                    sentence: doc.slice(e.sentence).to_string(),
                    trigger: doc.slice(e.trigger).to_string(),
                    etype: e.event_type.clone(),
                    mode: e.mode.clone(),
                    actor: e.actor.clone(),
                    actor_person: e.actor_person.clone(),
                    recipient: e.recipient.clone(),
                    recipient_person: e.recipient_person.clone(),
                    date: e.date.clone(),
                    location: e.location.clone(),
                    attribution: e.attribution.clone(),
                    historical: e.historical,
                    negated: e.negated,
                    confidence: Some(confidence_level(e.confidence).into()),
                    extra: Default::default(),
                })
                .collect(),
            meta: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    #[test]
    fn offsets_are_code_points() {
        let mut d = Document::new("x", "l’URSS à Pyongyang");
        let b = d.text.find("Pyongyang").unwrap();
        d.entities.push(Entity { span: Span::new(b, b + 9), label: EntityType::LOC, reference: Some("Pyongyang".into()), confidence: 1.0 });
        let a = Annotation::from_document(&d);
        assert_eq!(a.entities[0].start, 9);
        assert_eq!(a.entities[0].end, 18);
        assert_eq!(a.entities[0].text, "Pyongyang");
    }
}
