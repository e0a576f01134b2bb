//! Near-duplicate detection and story clustering for dyade.
//!
//! - **Duplicates** ([`minhash`], [`index`]): k = 128 MinHash over 5-word shingles of
//!   normalized tokens (xxh3, stable), LSH with 32 bands × 4 rows, candidates verified by
//!   estimated Jaccard ≥ 0.5, union-find groups whose canonical article is the earliest
//!   published (ties: the fullest). [`DedupIndex::insert`] is incremental.
//! - **Stories** ([`stories`]): single-pass incremental clustering over TF-IDF vectors of
//!   title + lead words and boosted entity references, with a time decay; labels from the
//!   heaviest entities and terms.
//! - **Store** ([`store`]): signatures, groups and stories in the dyade SQLite database;
//!   [`dedup_store`] and [`stories_store`] only process documents not done yet.
//! - **Evaluation** ([`eval`]): B-cubed and adjusted Rand index.

#![warn(missing_docs)]

pub mod eval;
pub mod index;
pub mod minhash;
pub mod stories;
pub mod store;
pub mod text;

pub use index::{DedupIndex, DupGroup, GroupAssignment, LshParams};
pub use minhash::{MinHashParams, MinHasher, Signature};
pub use stories::{Lexicon, StoryAssignment, StoryIndex, StoryInput, StoryLabel, StoryParams};
pub use store::{dedup_store, doc_metadata, list_groups, list_stories, stories_store, DedupError, DedupOptions, DedupStats, StoryStats};
