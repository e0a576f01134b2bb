//! PLOVER v2.0 event types: quad class and score (`shared/eval/plover.md`, from the manual).

/// One PLOVER event type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PloverType {
    /// Type name ("CONSULT").
    pub name: &'static str,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad: u8,
    /// The manual's PLOVER score (−10..+10) for the bare type.
    pub score: f32,
}

/// The 16 types of PLOVER v2.0. ACCUSE's score is printed "3" in the manual while its modes
/// score −2 to −3.5, so −3 is used.
pub const TYPES: &[PloverType] = &[
    PloverType { name: "AGREE", quad: 1, score: 2.5 },
    PloverType { name: "CONSULT", quad: 1, score: 2.5 },
    PloverType { name: "SUPPORT", quad: 1, score: 5.0 },
    PloverType { name: "CONCEDE", quad: 1, score: 4.5 },
    PloverType { name: "COOPERATE", quad: 2, score: 9.5 },
    PloverType { name: "AID", quad: 2, score: 10.0 },
    PloverType { name: "RETREAT", quad: 2, score: 6.5 },
    PloverType { name: "REQUEST", quad: 3, score: 0.0 },
    PloverType { name: "ACCUSE", quad: 3, score: -3.0 },
    PloverType { name: "REJECT", quad: 3, score: -2.0 },
    PloverType { name: "THREATEN", quad: 3, score: -3.5 },
    PloverType { name: "PROTEST", quad: 4, score: -5.0 },
    PloverType { name: "SANCTION", quad: 4, score: -6.0 },
    PloverType { name: "MOBILIZE", quad: 4, score: -5.5 },
    PloverType { name: "COERCE", quad: 4, score: -7.0 },
    PloverType { name: "ASSAULT", quad: 4, score: -9.0 },
];

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
    TYPES.iter().find(|t| t.name == n)
}

/// Quad class of a type name, if known.
pub fn quad(name: &str) -> Option<u8> {
    lookup(name).map(|t| t.quad)
}

/// Score of a type name, if known.
pub fn score(name: &str) -> Option<f32> {
    lookup(name).map(|t| t.score)
}

/// All type names of quad class `q` (older labels included, so stored data of any version matches).
pub fn types_of_quad(q: u8) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = TYPES.iter().filter(|t| t.quad == q).map(|t| t.name).collect();
    for (old, new) in [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT")] {
        if quad(new) == Some(q) {
            v.push(old);
        }
    }
    v
}
