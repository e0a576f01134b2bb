//! Actor knowledge base, entity linking and gazetteer recognition for dyade.
//!
//! - [`ActorKb`]: countries (ISO alpha-3, historical states), places, organisations with
//!   agent codes, people with dated roles, role-title lexicons per language; loaded from
//!   `resources/actors/*.tsv` (embedded by [`ActorKb::load_default`], or a user directory
//!   with [`ActorKb::load_dir`] / [`ActorKb::extend_dir`]).
//! - [`EntityLinker`] (component `link`): sets `Entity::reference`, with in-document
//!   coreference for short names and role-by-date title resolution ([`EntityLinker::resolve_title`]).
//! - [`GazetteerRecognizer`] (component `gazetteer`): high-precision name matches merged
//!   with a statistical recognizer's output ([`GazetteerRecognizer::merge_into`]).

pub mod eval;
pub mod gazetteer;
pub mod kb;
pub mod linker;
pub mod normalize;

pub use gazetteer::GazetteerRecognizer;
pub use kb::{Actor, ActorKb, ActorKind, Candidate, KbError, MatchKind, Role, Title, TitleMatch};
pub use linker::EntityLinker;
