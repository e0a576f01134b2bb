//! Per-language quote lexicons (`resources/quotes/<lang>.txt`): reporting verbs, sources,
//! channels, pronouns and the small closed classes the engine needs. The format is
//! documented in the header of `resources/quotes/fr.txt`.

use std::collections::{HashMap, HashSet};

/// Errors reading a lexicon; each names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A line outside any section, in an unknown section, or malformed.
    #[error("{file}:{line}: {msg}")]
    Line {
        /// Lexicon name or path.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// The file could not be read.
    #[error("cannot read quote lexicon {file}: {source}")]
    Io {
        /// Path.
        file: String,
        /// Why.
        source: std::io::Error,
    },
}

/// The sections a lexicon may have (see the format header of `resources/quotes/fr.txt`).
pub const SECTIONS: &[&str] = &[
    "marks",
    "verbs",
    "auxiliaries",
    "participles",
    "complementizers",
    "sources",
    "weak_sources",
    "relative_sources",
    "postposed",
    "channels",
    "speaker_nouns",
    "pronouns",
    "prepositions",
    "determiners",
    "breakers",
    "leading",
    "title_nouns",
    "not_sources",
    "infinitive_leads",
    "infinitive_endings",
    "passives",
];

/// One language's quote lexicon. Word entries are stored lowercased with `'` apostrophes.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// ISO 639-1 code.
    pub lang: String,
    /// Quotation mark pairs (open, close).
    pub marks: Vec<(char, char)>,
    /// Personal pronouns with gender `m`, `f`, `p` (plural) or `x` (indefinite).
    pub pronouns: HashMap<String, char>,
    /// Every other section: name → entries.
    pub sets: HashMap<String, Vec<String>>,
}

/// Lowercase and fold typographic apostrophes to `'`.
pub fn fold(s: &str) -> String {
    // Most text is ASCII: one allocation, no per-char case tables.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | 'ʼ' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

impl Lexicon {
    /// Parse lexicon text; `file` names it in errors.
    pub fn parse(lang: &str, file: &str, text: &str) -> Result<Self, LexiconError> {
        let mut lex = Lexicon { lang: lang.to_string(), ..Default::default() };
        let mut section: Option<String> = None;
        let err = |line: usize, msg: String| LexiconError::Line { file: file.to_string(), line, msg };
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                if !SECTIONS.contains(&name) {
                    return Err(err(i + 1, format!("unknown section [{name}] (known: {})", SECTIONS.join(", "))));
                }
                section = Some(name.to_string());
                continue;
            }
            let Some(sec) = section.as_deref() else {
                return Err(err(i + 1, "entry before any [section] header".into()));
            };
            match sec {
                "marks" => {
                    let cs: Vec<char> = line.split_whitespace().flat_map(|w| w.chars()).collect();
                    if cs.len() != 2 {
                        return Err(err(i + 1, format!("a [marks] entry is two characters \"OPEN CLOSE\", got {line:?}")));
                    }
                    lex.marks.push((cs[0], cs[1]));
                }
                "pronouns" => {
                    let mut it = line.split_whitespace();
                    let (Some(w), Some(g), None) = (it.next(), it.next(), it.next()) else {
                        return Err(err(i + 1, format!("a [pronouns] entry is \"FORM GENDER\", got {line:?}")));
                    };
                    let g = g.chars().next().unwrap_or(' ');
                    if !matches!(g, 'm' | 'f' | 'p' | 'x') {
                        return Err(err(i + 1, format!("pronoun gender must be m, f, p or x, got {g:?}")));
                    }
                    lex.pronouns.insert(fold(w), g);
                }
                _ => lex.sets.entry(sec.to_string()).or_default().push(fold(line)),
            }
        }
        if lex.marks.is_empty() {
            return Err(err(0, "no [marks] section: direct quotes need quotation marks".into()));
        }
        if lex.set("verbs").is_empty() {
            return Err(err(0, "no [verbs] section: nothing can cue a quote".into()));
        }
        Ok(lex)
    }

    /// Read a lexicon file; the language is the file stem (`fr.txt` → `fr`).
    pub fn load(path: &std::path::Path) -> Result<Self, LexiconError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io { file: file.clone(), source })?;
        let lang = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        Self::parse(&lang, &file, &text)
    }

    /// The built-in lexicons (French and English), embedded at build time.
    pub fn builtin() -> Vec<Lexicon> {
        [("fr", include_str!("../../../resources/quotes/fr.txt")), ("en", include_str!("../../../resources/quotes/en.txt"))]
            .into_iter()
            .map(|(l, t)| Self::parse(l, &format!("resources/quotes/{l}.txt"), t).expect("built-in quote lexicon is valid"))
            .collect()
    }

    /// Entries of a section (empty when absent).
    pub fn set(&self, name: &str) -> &[String] {
        self.sets.get(name).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// Entries of a section as a set.
    pub fn hash(&self, name: &str) -> HashSet<String> {
        self.set(name).iter().cloned().collect()
    }
}
