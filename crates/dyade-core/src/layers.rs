//! Annotation layers. Every span is a half-open **byte** range into [`crate::Document::text`].

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    /// First byte, inclusive.
    pub start: usize,
    /// Last byte, exclusive.
    pub end: usize,
}

impl Span {
    /// A new span; panics in debug builds if `start > end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end}");
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
    /// Number of bytes shared with `other`.
    pub fn overlap(&self, other: &Span) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }
    /// True when `other` lies within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The slice of `text` this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// What a token is, coarsely; enough for downstream features without re-scanning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes ("Jong-un", "aujourd'hui").
    Word,
    /// Digits, possibly with inner separators ("25.000", "3,5", "2023").
    Number,
    /// Punctuation, quotation marks included.
    Punct,
    /// Anything else (symbols, emoji, currency signs).
    Symbol,
}

/// One token. `norm` is set only when the analysis form differs from the surface form
/// (curly apostrophe → `'`, no-break space removed, ligatures…), so offsets never move.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// Coarse class.
    pub kind: TokenKind,
    /// Normalized form when it differs from the text.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub norm: Option<Box<str>>,
    /// True when whitespace follows the token in the text.
    pub space_after: bool,
}

impl Token {
    /// Normalized form, falling back to the surface text.
    pub fn norm<'a>(&'a self, text: &'a str) -> &'a str {
        self.norm.as_deref().unwrap_or_else(|| self.span.slice(text))
    }
}

/// A boilerplate span (site chrome, captions, comment forms) with the rule that found it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Boilerplate {
    /// Where it is.
    pub span: Span,
    /// Why it is boilerplate (rule or pattern name).
    pub label: String,
}

/// Entity types, as WikiNER and the gold format use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// Person.
    PER,
    /// Place.
    LOC,
    /// Organisation.
    ORG,
    /// Other proper names (wars, treaties, events).
    MISC,
}

impl EntityType {
    /// Parse "PER", "LOC", "ORG" or "MISC".
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PER" => EntityType::PER,
            "LOC" => EntityType::LOC,
            "ORG" => EntityType::ORG,
            "MISC" => EntityType::MISC,
            _ => return None,
        })
    }
    /// The type's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::PER => "PER",
            EntityType::LOC => "LOC",
            EntityType::ORG => "ORG",
            EntityType::MISC => "MISC",
        }
    }
}

/// A proper-name mention, with its canonical actor when linked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Where it is.
    pub span: Span,
    /// PER/LOC/ORG/MISC.
    pub label: EntityType,
    /// Canonical reference (ISO 3166 alpha-3 for countries, English name otherwise).
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// Model or linker confidence in `[0, 1]`.
    pub confidence: f32,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimexType {
    /// A calendar date or period.
    DATE,
    /// A time of day.
    TIME,
    /// A length of time.
    DURATION,
    /// A recurring time.
    SET,
}

impl TimexType {
    /// The type's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::DATE => "DATE",
            TimexType::TIME => "TIME",
            TimexType::DURATION => "DURATION",
            TimexType::SET => "SET",
        }
    }
}

/// A temporal expression normalized against the document creation time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Where it is.
    pub span: Span,
    /// DATE/TIME/DURATION/SET.
    pub ttype: TimexType,
    /// TIMEX3 value ("2023-07-26", "2025-SP", "P1Y", "XXXX-07-26", "PAST_REF").
    pub value: String,
    /// TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub modifier: Option<String>,
}

/// How a quote is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Inside quotation marks.
    Direct,
    /// Reported speech ("a déclaré que …"); the span is the reported content.
    Indirect,
    /// A quoted fragment inside reported speech.
    Mixed,
}

impl QuoteKind {
    /// The kind's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// A quote or attributed claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted or reported content (without quotation marks).
    pub span: Span,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The speaker's canonical ref, or `None` when the article does not say.
    pub speaker: Option<String>,
    /// Where the speaker is mentioned, when a mention was found.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker_span: Option<Span>,
    /// The reporting verb or phrase ("a affirmé", "selon").
    pub cue: Option<String>,
    /// Where the cue is.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cue_span: Option<Span>,
}

/// A PLOVER-coded event found in one sentence of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Event {
    /// The sentence that reports it.
    pub sentence: Span,
    /// The trigger word or phrase.
    pub trigger: Span,
    /// PLOVER event type ("CONSULT", "AGREE", …).
    pub event_type: String,
    /// PLOVER mode ("visit", "sign"…), when known.
    pub mode: Option<String>,
    /// PLOVER context labels, when clear.
    #[serde(default)]
    pub context: Vec<String>,
    /// Acting side (country code).
    pub actor: Option<String>,
    /// Acting person's ref.
    pub actor_person: Option<String>,
    /// Acting sector (GOV, MIL…).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub actor_sector: Option<String>,
    /// Receiving side (country code).
    pub recipient: Option<String>,
    /// Receiving person's ref.
    pub recipient_person: Option<String>,
    /// Receiving sector.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub recipient_sector: Option<String>,
    /// Normalized date of the event itself.
    pub date: Option<String>,
    /// Where it happened.
    pub location: Option<String>,
    /// Ref of the source the article credits, or `None` when stated as fact.
    pub attribution: Option<String>,
    /// A past happening recalled as background.
    pub historical: bool,
    /// Negated ("n'a pas rencontré").
    pub negated: bool,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}
