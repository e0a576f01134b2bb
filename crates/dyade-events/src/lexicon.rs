//! Trigger lexicons: `resources/events/<lang>.txt` (format in `resources/events/README.md`).
//!
//! A lexicon maps token patterns (verbs in their inflected and compound forms, nouns) to a
//! PLOVER type and mode, with flags telling the coder how to read the arguments, and lists
//! of function words (prepositions, negation, modality, attribution cues) the language-neutral
//! engine needs.

use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// Errors reading a lexicon; each names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A malformed line.
    #[error("{file}:{line}: {msg}")]
    Line {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Pat {
    /// The folded token equals this.
    Word(String),
    /// The folded token starts with this.
    Prefix(String),
    /// Skip up to this many tokens (`...`), never across punctuation.
    Gap(usize),
}

/// How the coder reads a trigger's arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    /// A nominal trigger ("visite", "invasion"): agent from a genitive or adjective after it.
    pub noun: bool,
    /// Reciprocal act ("se féliciter mutuellement"): one event per direction.
    pub recip: bool,
    /// Joint act without a host (pacts, joint projects): coded once per pair, first-named first.
    pub joint: bool,
    /// A meeting/visit whose location's country is the host (recipient).
    pub host: bool,
    /// The type needs no recipient (parades, tests).
    pub norecip: bool,
    /// Weak trigger: lower confidence.
    pub weak: bool,
    /// Passive participle ("détenu", "ont été tués"): the subject undergoes the act.
    pub passive: bool,
    /// The country where it happens is the actor (parades, shows of force staged at home).
    pub locactor: bool,
}

/// A trigger entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// PLOVER type.
    pub event: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Pattern elements.
    pub pattern: Vec<Pat>,
    /// Flags.
    pub flags: Flags,
    /// PLOVER contexts given with `ctx=…`.
    pub context: Vec<String>,
    /// 1-based line in the resource (for diagnostics).
    pub line: usize,
}

/// A parsed lexicon.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Language code.
    pub lang: String,
    /// Entries.
    pub entries: Vec<Entry>,
    /// First-word index: folded word → entry indices.
    by_word: HashMap<String, Vec<usize>>,
    /// First-prefix index: first `PREFIX_KEY` chars of the prefix → entry indices.
    by_prefix: HashMap<String, Vec<usize>>,
    /// Word lists of `@` directives, folded (multiword items keep their spaces).
    pub lists: HashMap<String, HashSet<String>>,
}

const PREFIX_KEY: usize = 3;

/// Case-, accent- and apostrophe-insensitive form of a token or phrase.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            '’' | '‘' | 'ʼ' | '‛' | '`' => out.push('\''),
            'œ' | 'Œ' => out.push_str("oe"),
            '\u{a0}' | '\u{202f}' => out.push(' '),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

impl Lexicon {
    /// Parse lexicon text; `file` names it in errors.
    pub fn parse(file: &str, lang: &str, text: &str) -> Result<Self, LexiconError> {
        let mut lex = Lexicon { lang: lang.into(), ..Default::default() };
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let err = |msg: String| LexiconError::Line { file: file.into(), line, msg };
            let l = raw.trim_end();
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
            if let Some(key) = cols[0].strip_prefix('@') {
                let items = cols.get(1).ok_or_else(|| err(format!("directive @{key} needs a TAB and a |-list")))?;
                let set = lex.lists.entry(key.to_string()).or_default();
                for it in items.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                    set.insert(fold(it));
                }
                continue;
            }
            if cols.len() < 2 {
                return Err(err("expected TYPE[/mode] TAB pattern [TAB flags]".into()));
            }
            let (event, mode) = match cols[0].split_once('/') {
                Some((t, m)) => (t.to_string(), Some(m.to_string())),
                None => (cols[0].to_string(), None),
            };
            if !dyade_plover::PLOVER_TYPES.contains(&event.as_str()) {
                return Err(err(format!("unknown PLOVER type {event:?}")));
            }
            let mut pattern = vec![];
            for w in cols[1].split_whitespace() {
                if w == "..." {
                    pattern.push(Pat::Gap(3));
                } else if let Some(p) = w.strip_suffix('*') {
                    if p.is_empty() {
                        return Err(err("empty prefix".into()));
                    }
                    pattern.push(Pat::Prefix(fold(p)));
                } else {
                    pattern.push(Pat::Word(fold(w)));
                }
            }
            if !matches!(pattern.first(), Some(Pat::Word(_)) | Some(Pat::Prefix(_))) || matches!(pattern.last(), Some(Pat::Gap(_))) {
                return Err(err("a pattern starts and ends with a word".into()));
            }
            let mut flags = Flags::default();
            let mut context = vec![];
            if let Some(fs) = cols.get(2) {
                for f in fs.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match f {
                        "n" => flags.noun = true,
                        "recip" => flags.recip = true,
                        "joint" => flags.joint = true,
                        "host" => flags.host = true,
                        "norecip" => flags.norecip = true,
                        "weak" => flags.weak = true,
                        "passive" => flags.passive = true,
                        "locactor" => flags.locactor = true,
                        _ if f.starts_with("ctx=") => context.push(f[4..].to_string()),
                        _ => return Err(err(format!("unknown flag {f:?}"))),
                    }
                }
            }
            let idx = lex.entries.len();
            match &pattern[0] {
                Pat::Word(w) => lex.by_word.entry(w.clone()).or_default().push(idx),
                Pat::Prefix(p) => lex.by_prefix.entry(p.chars().take(PREFIX_KEY).collect()).or_default().push(idx),
                Pat::Gap(_) => unreachable!(),
            }
            lex.entries.push(Entry { event, mode, pattern, flags, context, line });
        }
        Ok(lex)
    }

    /// True when the `@name` list holds `w` (folded).
    pub fn has(&self, name: &str, w: &str) -> bool {
        self.lists.get(name).is_some_and(|s| s.contains(w))
    }

    /// Entries whose first element may match folded token `t`.
    pub fn candidates<'a>(&'a self, t: &str) -> impl Iterator<Item = usize> + 'a {
        let a = self.by_word.get(t).into_iter().flatten().copied();
        // the first PREFIX_KEY characters, sliced without allocating
        let cut = t.char_indices().nth(PREFIX_KEY).map_or(t.len(), |(i, _)| i);
        let b = self.by_prefix.get(&t[..cut]).into_iter().flatten().copied();
        a.chain(b)
    }

    /// Match entry `e` at token `i` of `toks` (folded tokens, `punct[i]` true for
    /// punctuation); returns the index of the last matched token.
    pub fn match_at(&self, e: usize, toks: &[String], punct: &[bool], i: usize) -> Option<usize> {
        fn go(p: &[Pat], toks: &[String], punct: &[bool], i: usize) -> Option<usize> {
            let (first, rest) = p.split_first()?;
            let t = toks.get(i)?;
            let ok = match first {
                Pat::Word(w) => t == w,
                Pat::Prefix(pre) => t.starts_with(pre.as_str()),
                Pat::Gap(n) => {
                    for skip in 0..=*n {
                        if skip > 0 && punct.get(i + skip - 1).copied().unwrap_or(true) {
                            break;
                        }
                        if let Some(end) = go(rest, toks, punct, i + skip) {
                            return Some(end);
                        }
                    }
                    return None;
                }
            };
            if !ok {
                return None;
            }
            if rest.is_empty() {
                Some(i)
            } else {
                go(rest, toks, punct, i + 1)
            }
        }
        go(&self.entries[e].pattern, toks, punct, i)
    }
}
