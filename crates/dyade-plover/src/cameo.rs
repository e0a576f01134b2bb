//! PLOVER type/mode → CAMEO code, root, GDELT quad class and Goldstein score, for GDELT users,
//! plus PLOVER's own quad and score. Loaded from `resources/events/plover_cameo.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The 16 PLOVER v2.0 event types.
pub const PLOVER_TYPES: &[&str] = &[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

/// The embedded table.
pub const TABLE_TSV: &str = include_str!("../../../resources/events/plover_cameo.tsv");

/// CAMEO/GDELT view of a PLOVER type and mode.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CameoInfo {
    /// CAMEO code (most specific the mode allows).
    pub cameo: String,
    /// CAMEO root code (two digits).
    pub root: String,
    /// GDELT quad class of the CAMEO code (1 verbal coop … 4 material conflict).
    pub quad_class: u8,
    /// Goldstein score (−10..+10).
    pub goldstein: f32,
    /// PLOVER quad of the type (manual v2.0).
    pub plover_quad: u8,
    /// PLOVER score of the type/mode (manual v2.0).
    pub plover_score: f32,
}

/// The lookup table.
#[derive(Debug, Clone, Default)]
pub struct CameoTable {
    map: HashMap<(String, String), CameoInfo>,
}

impl CameoTable {
    /// Parse the TSV (format in its header); errors name the line.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut map = HashMap::new();
        for (i, l) in text.lines().enumerate() {
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            let c: Vec<&str> = l.split('\t').collect();
            if c.len() != 8 {
                return Err(format!("plover_cameo.tsv:{}: expected 8 TAB-separated columns", i + 1));
            }
            let num = |s: &str| s.trim().parse::<f32>().map_err(|_| format!("plover_cameo.tsv:{}: bad number {s:?}", i + 1));
            let info = CameoInfo {
                cameo: c[2].into(),
                root: c[3].into(),
                quad_class: num(c[4])? as u8,
                goldstein: num(c[5])?,
                plover_quad: num(c[6])? as u8,
                plover_score: num(c[7])?,
            };
            map.insert((c[0].to_string(), c[1].to_string()), info);
        }
        Ok(CameoTable { map })
    }

    /// The embedded default table.
    pub fn default_table() -> &'static CameoTable {
        static T: OnceLock<CameoTable> = OnceLock::new();
        T.get_or_init(|| CameoTable::parse(TABLE_TSV).expect("embedded plover_cameo.tsv parses"))
    }

    /// Info for a type and mode (the type's line when the mode is not listed).
    pub fn get(&self, event: &str, mode: Option<&str>) -> Option<&CameoInfo> {
        if let Some(m) = mode {
            if let Some(i) = self.map.get(&(event.to_string(), m.to_string())) {
                return Some(i);
            }
        }
        self.map.get(&(event.to_string(), String::new()))
    }
}

/// Shortcut on the default table.
pub fn cameo_info(event: &str, mode: Option<&str>) -> Option<&'static CameoInfo> {
    CameoTable::default_table().get(event, mode)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn every_type_has_a_line() {
        for t in PLOVER_TYPES {
            assert!(cameo_info(t, None).is_some(), "{t}");
        }
        let v = cameo_info("CONSULT", Some("visit")).unwrap();
        assert_eq!((v.root.as_str(), v.quad_class, v.goldstein), ("04", 1, 1.9));
        assert_eq!(cameo_info("ASSAULT", Some("nonexistent")).unwrap().root, "19");
    }
}
