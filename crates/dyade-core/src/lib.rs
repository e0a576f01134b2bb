//! The dyade document model.
//!
//! One [`Document`] holds an article's text as received, its metadata and annotation
//! layers. Layers are spans over [`Document::text`] in **byte offsets** (cheap to slice in
//! Rust); [`annotation`] converts them to the code-point offsets of the gold format
//! (`shared/eval/FORMAT.md`) on the way out. Pipeline stages are [`Component`]s that add
//! layers; the core knows nothing about how a layer is computed.

pub mod annotation;
pub mod calendar;
pub mod document;
pub mod layers;
pub mod offsets;
pub mod pipeline;

pub use annotation::Annotation;
pub use document::{DateEstimate, Document, Metadata};
pub use layers::*;
pub use offsets::CharIndex;
pub use pipeline::{Component, Pipeline};
