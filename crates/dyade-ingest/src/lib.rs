//! dyade-ingest: turn input files into [`dyade_core::Document`]s and clean them.
//!
//! - [`read_inputs`] streams documents from `.txt` files, folders, HTML pages, JSON Lines
//!   (`.jsonl`, `.json`) and standard input (`-`), with a `meta.jsonl` sidecar; every bad
//!   file or line is an [`IngestError`] naming it, and reading goes on.
//! - [`html::extract`] pulls the article text, title and date out of a page, with a map back
//!   to the page's bytes.
//! - [`Cleaner`] (component `clean`) marks boilerplate, splits content paragraphs and finds
//!   a publication date line.
//! - [`date`] normalizes dates and reads "Publié le …" lines.

pub mod charset;
pub mod clean;
pub mod date;
pub mod error;
pub mod html;
pub mod read;

pub use clean::Cleaner;
pub use error::{ErrorKind, IngestError};
pub use read::{content_hash, load_sidecar, read_inputs, ReadOptions, Reader, SidecarMeta};
