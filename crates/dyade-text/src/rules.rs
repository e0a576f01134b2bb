//! Per-language tokenization rules, read from `resources/text/<kind>.<lang>.txt`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// An error reading a resource file; names the file and the problem.
#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line could not be parsed.
    #[error("{file}:{line}: {msg}")]
    Parse {
        /// The file (name or path).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
}

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Never ends a sentence ("M.", "Dr."): a name follows.
    Title,
    /// Ends a sentence only at a line break ("av.", "U.S.").
    Inner,
    /// May end a sentence when an uppercase word follows ("etc.", "J.-C.").
    Final,
}

/// Tokenization and sentence rules of one language.
#[derive(Debug, Clone, Default)]
pub struct LangRules {
    /// Abbreviations, exactly as written, with their class.
    pub abbreviations: HashMap<Box<str>, AbbrevClass>,
    /// Abbreviations containing inner punctuation ("J.-C.", "e.g."), matched as a whole.
    pub multi_abbrevs: Vec<Box<str>>,
    /// Elided prefixes without apostrophe, lowercase ("l", "qu", "jusqu").
    pub elisions: Vec<Box<str>>,
    /// Words kept whole although they start with an elision, lowercase, apostrophe as `'`.
    pub elision_exceptions: HashSet<Box<str>>,
    /// Word-final clitics, lowercase, apostrophe as `'` ("n't", "'s").
    pub clitics: Vec<Box<str>>,
    /// Hyphenated suffixes split off ("-t-il"), longest first.
    pub hyphen_suffixes: Vec<Box<str>>,
    /// Hyphenated words kept whole although they end with a listed suffix, lowercase.
    pub hyphen_exceptions: HashSet<Box<str>>,
}

/// The kinds of rule file, as named in `resources/text/<kind>.<lang>.txt`.
pub const RULE_FILES: [&str; 4] = ["abbreviations", "elisions", "clitics", "hyphen_suffixes"];

macro_rules! builtin {
    ($name:literal) => {
        ($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../resources/text/", $name)))
    };
}

/// The rule files compiled into the binary: `(file name, content)`.
pub const BUILTIN: &[(&str, &str)] = &[
    builtin!("abbreviations.fr.txt"),
    builtin!("abbreviations.en.txt"),
    builtin!("elisions.fr.txt"),
    builtin!("clitics.en.txt"),
    builtin!("hyphen_suffixes.fr.txt"),
];

fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Apostrophe variants, all read as `'`.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn norm_apos(s: &str) -> String {
    s.chars().map(|c| if is_apostrophe(c) { '\'' } else { c }).collect::<String>().to_lowercase()
}

impl LangRules {
    /// Add the content of one rule file of kind `kind` (see [`RULE_FILES`]); `file` names
    /// it in errors.
    pub fn add_file(&mut self, kind: &str, file: &str, text: &str) -> Result<(), ResourceError> {
        let perr = |line: usize, msg: String| ResourceError::Parse { file: file.to_string(), line, msg };
        for (n, line) in content_lines(text) {
            match kind {
                "abbreviations" => {
                    let mut it = line.split('\t');
                    let abbr = it.next().unwrap_or("").trim();
                    let class = match it.next().map(str::trim) {
                        None | Some("") | Some("inner") => AbbrevClass::Inner,
                        Some("title") => AbbrevClass::Title,
                        Some("final") => AbbrevClass::Final,
                        Some(o) => return Err(perr(n, format!("unknown class {o:?} (title|inner|final)"))),
                    };
                    if abbr.is_empty() || abbr.contains(char::is_whitespace) {
                        return Err(perr(n, format!("bad abbreviation {abbr:?}")));
                    }
                    // "J.-C." or "e.g.": punctuation before the last char → matched as a whole.
                    let body = abbr.trim_end_matches('.');
                    if body.chars().any(|c| !c.is_alphanumeric()) {
                        self.multi_abbrevs.push(abbr.into());
                    }
                    self.abbreviations.insert(abbr.into(), class);
                }
                "elisions" => {
                    if let Some(w) = line.strip_prefix('=') {
                        self.elision_exceptions.insert(norm_apos(w.trim()).into());
                    } else {
                        let w = line.trim();
                        if !w.chars().all(char::is_alphabetic) {
                            return Err(perr(n, format!("elision {w:?} must be letters only")));
                        }
                        self.elisions.push(w.to_lowercase().into());
                    }
                }
                "clitics" => {
                    let w = norm_apos(line.trim());
                    if !w.contains('\'') {
                        return Err(perr(n, format!("clitic {w:?} has no apostrophe")));
                    }
                    self.clitics.push(w.into());
                }
                "hyphen_suffixes" => {
                    if let Some(w) = line.strip_prefix('=') {
                        self.hyphen_exceptions.insert(norm_apos(w.trim()).into());
                        continue;
                    }
                    let w = line.trim();
                    if !w.starts_with('-') || w.len() < 2 {
                        return Err(perr(n, format!("suffix {w:?} must start with '-'")));
                    }
                    self.hyphen_suffixes.push(w.into());
                }
                _ => return Err(perr(0, format!("unknown rule file kind {kind:?}"))),
            }
        }
        // Longest first, so "-t-il" wins over "-il" and "J.-C." over "J.".
        self.hyphen_suffixes.sort_by_key(|s| std::cmp::Reverse(s.len()));
        self.multi_abbrevs.sort_by_key(|s| std::cmp::Reverse(s.len()));
        self.clitics.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Ok(())
    }

    /// Class of an abbreviation token (ending in "."), if listed.
    pub fn abbrev_class(&self, s: &str) -> Option<AbbrevClass> {
        self.abbreviations.get(s).copied()
    }
}

/// Split a rule file name `<kind>.<lang>.txt` into `(kind, lang)`.
pub fn parse_rule_file_name(name: &str) -> Option<(&str, &str)> {
    let stem = name.strip_suffix(".txt")?;
    let (kind, lang) = stem.rsplit_once('.')?;
    RULE_FILES.contains(&kind).then_some((kind, lang))
}

/// Rules of every language found in `files` (`(file name, content)` pairs).
pub fn load_rules<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<HashMap<String, LangRules>, ResourceError> {
    let mut out: HashMap<String, LangRules> = HashMap::new();
    for (name, text) in files {
        let Some((kind, lang)) = parse_rule_file_name(name) else { continue };
        out.entry(lang.to_string()).or_default().add_file(kind, name, text)?;
    }
    Ok(out)
}

/// Rules of every language with a file in `dir` (`<kind>.<lang>.txt`).
pub fn load_rules_dir(dir: &Path) -> Result<HashMap<String, LangRules>, ResourceError> {
    let io = |source| ResourceError::Io { path: dir.to_path_buf(), source };
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).map_err(io)? {
        let path = e.map_err(io)?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_string) else { continue };
        if parse_rule_file_name(&name).is_none() {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|source| ResourceError::Io { path: path.clone(), source })?;
        files.push((name, text));
    }
    load_rules(files.iter().map(|(a, b)| (a.as_str(), b.as_str())))
}
