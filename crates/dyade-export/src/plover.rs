//! PLOVER v2.0 event types, quad classes and scores: re-exported from `dyade-plover`, the one
//! source shared with the event coder and the API.

pub use dyade_plover::{canonical, lookup, quad, score, types, types_of_quad, PloverType};
