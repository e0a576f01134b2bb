//! The PLOVER v2.0 ontology, one source for every crate that codes, queries or exports
//! events: the 16 event types with their quad class and score (from the manual, as
//! `shared/eval/plover.md` summarizes it), the mapping of older PLOVER labels, and the CAMEO
//! code, GDELT quad class and Goldstein score of each type and mode (`cameo` module, loaded
//! from `resources/events/plover_cameo.tsv`).

mod cameo;

pub use cameo::{cameo_info, CameoInfo, CameoTable, PLOVER_TYPES, TABLE_TSV};
use std::sync::OnceLock;

/// One PLOVER event type with the manual's quad class and score for the bare type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PloverType {
    /// Type name ("CONSULT").
    pub name: &'static str,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad: u8,
    /// The manual's PLOVER score (−10..+10) for the bare type.
    pub score: f32,
}

/// The 16 types, in the manual's order, with quad and score from the table's type lines.
pub fn types() -> &'static [PloverType] {
    static T: OnceLock<Vec<PloverType>> = OnceLock::new();
    T.get_or_init(|| {
        PLOVER_TYPES
            .iter()
            .map(|&name| {
                let info = cameo_info(name, None).unwrap_or_else(|| panic!("plover_cameo.tsv has no line for type {name}"));
                PloverType { name, quad: info.plover_quad, score: info.plover_score }
            })
            .collect()
    })
}

/// Map labels of older PLOVER versions to v2.0 (DEMAND → REQUEST, DISAPPROVE/INVESTIGATE →
/// ACCUSE, FIGHT → ASSAULT); other names pass through.
pub fn canonical(name: &str) -> &str {
    match name {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// The type named `name` (older labels accepted), if it is a PLOVER type.
pub fn lookup(name: &str) -> Option<&'static PloverType> {
    let n = canonical(name);
    types().iter().find(|t| t.name == n)
}

/// Quad class of a type name, if known.
pub fn quad(name: &str) -> Option<u8> {
    lookup(name).map(|t| t.quad)
}

/// Score of a type name, if known.
pub fn score(name: &str) -> Option<f32> {
    lookup(name).map(|t| t.score)
}

/// Type names (older labels included) of quad class `q`, for filters over stored events.
pub fn types_of_quad(q: u8) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = types().iter().filter(|t| t.quad == q).map(|t| t.name).collect();
    for (old, new) in [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT")] {
        if quad(new) == Some(q) {
            v.push(old);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_quads_and_scores() {
        assert_eq!(types().len(), 16);
        assert_eq!(quad("CONSULT"), Some(1));
        assert_eq!(quad("AID"), Some(2));
        assert_eq!(quad("THREATEN"), Some(3));
        assert_eq!(quad("ASSAULT"), Some(4));
        assert_eq!(quad("FIGHT"), Some(4));
        assert_eq!(score("SUPPORT"), Some(5.0));
        assert!(types_of_quad(3).contains(&"DEMAND"));
        assert_eq!(lookup("NOPE"), None);
    }
}
