//! Text basics for dyade: language identification, tokenization, sentence splitting.
//!
//! Three pieces, each a [`dyade_core::Component`]:
//! - [`LanguageIdentifier`] (`"langid"`): sets `meta.lang` / `meta.lang_confidence` from
//!   per-language word and character-trigram profiles (`resources/lang/<code>.txt`).
//! - [`Segmenter`] (`"segment"`): fills `doc.tokens` and `doc.sentences` with a hand-written
//!   character scanner driven by per-language rule files (`resources/text/*.<lang>.txt`).
//!
//! Free functions [`tokenize`] and [`split_sentences`] use the built-in resources, for crates
//! that only need tokens (NER training on CoNLL-U, the temporal tagger).
//!
//! Language knowledge lives in the resource files; the code is language-neutral. A language
//! without rule files is tokenized with the generic rules (no elisions, no clitics, no
//! abbreviations except initials).

pub mod langid;
pub mod rules;
pub mod segment;
pub mod sentences;
pub mod tokenize;

pub use langid::{LangProfile, LanguageIdentifier, LangGuess};
pub use rules::{AbbrevClass, LangRules, ResourceError};
pub use segment::Segmenter;

use dyade_core::{Span, Token};
use std::sync::OnceLock;

fn default_segmenter() -> &'static Segmenter {
    static S: OnceLock<Segmenter> = OnceLock::new();
    S.get_or_init(Segmenter::default)
}

/// Tokenize `text` with the built-in rules of `lang` (ISO 639-1; unknown → generic rules).
pub fn tokenize(text: &str, lang: &str) -> Vec<Token> {
    default_segmenter().tokenize(text, lang)
}

/// Split `text`, already tokenized into `tokens` (sorted, e.g. from [`tokenize`]), into
/// sentences with the built-in rules of `lang`. The whole text is one region.
pub fn split_sentences(text: &str, tokens: &[Token], lang: &str) -> Vec<Span> {
    default_segmenter().sentences(text, tokens, lang, &[Span::new(0, text.len())])
}
