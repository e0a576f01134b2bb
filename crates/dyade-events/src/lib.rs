//! PLOVER event coding for dyade.
//!
//! - [`EventCoder`] (pipeline component `events`): sentence-level coding from per-language
//!   trigger lexicons (`resources/events/<lang>.txt`), actors and recipients from the entity
//!   layer through the actor KB, dates from the timex layer, attribution, negation, modality.
//! - [`plover_record`]: a PLOVER JSON record for an event, with CAMEO root, quad class and
//!   Goldstein score ([`cameo`]).
//! - [`merge`]: cross-article merging of event mentions into happenings in the SQLite store.
//! - [`timeline`]: the dated list of merged events of a dyad and its cooperation/conflict index.

pub mod coder;
pub mod lexicon;
pub mod merge;
pub mod record;
pub mod timeline;

pub use dyade_plover::{cameo_info, CameoInfo, CameoTable, PLOVER_TYPES};
pub use coder::EventCoder;
pub use lexicon::{Lexicon, LexiconError};
pub use merge::{merge_events, MergeStats};
pub use record::plover_record;
pub use timeline::{timeline, Timeline, TimelineOptions};
