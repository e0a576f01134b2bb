//! Post-processing to the gold-format conventions (`shared/eval/FORMAT.md`), and the
//! gazetteer hook.
//!
//! General rules, with the language's words in `resources/ner/<lang>.tsv`:
//! - titles ("M.", "Mme", "président") opening a PER span are cut off;
//! - a span opened by a state-form word ("République", "Royaume") is typed LOC;
//! - punctuation at either end of a span is cut off;
//! - a span without any uppercase letter is dropped (nationality adjectives such as
//!   "russe", "nord-coréen", and common nouns);
//! - one-word spans on the `not_entity` list are dropped;
//! - adjacent PER spans are joined ("Kim" + "Jong-un" → "Kim Jong-un");
//! - (in [`crate::NerTagger`]) a one-word span the corpus mostly writes in lowercase is
//!   dropped ([`crate::caplex::CapLex::mostly_lowercase`]).

use crate::model::{ModelError, Result};
use crate::TokenSpan;
use dyade_core::{Entity, EntityType, Span, Token, TokenKind};
use std::collections::{HashMap, HashSet};

/// The post-processing lexicon.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    titles: HashSet<String>,
    not_entity: HashSet<String>,
    state_head: HashSet<String>,
}

impl Rules {
    /// Parse a rules file (`KIND<TAB>VALUE` lines, `#` comments).
    pub fn parse(src: &str) -> Result<Rules> {
        let mut r = Rules::default();
        for (ln, line) in src.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((kind, val)) = line.split_once('\t') else {
                return Err(ModelError(format!("NER rules line {}: expected KIND<TAB>VALUE", ln + 1)));
            };
            let v = val.trim().to_lowercase().replace('’', "'");
            match kind {
                "title" => r.titles.insert(v),
                "not_entity" => r.not_entity.insert(v),
                "state_head" => r.state_head.insert(v),
                _ => return Err(ModelError(format!("NER rules line {}: unknown kind {kind:?}", ln + 1))),
            };
        }
        Ok(r)
    }

    fn is_title(&self, w: &str) -> bool {
        self.titles.contains(&w.to_lowercase())
    }

    /// Apply the rules to one sentence's predicted spans (token indices into `toks`).
    pub fn apply(&self, text: &str, toks: &[Token], spans: &mut Vec<TokenSpan>) {
        for s in spans.iter_mut() {
            if s.label == EntityType::PER {
                while s.end - s.start > 1 && self.is_title(toks[s.start].norm(text)) {
                    s.start += 1;
                }
            }
            while s.start < s.end && toks[s.start].kind == TokenKind::Punct {
                s.start += 1;
            }
            // a trailing period belongs to a name only as part of an initial ("J.")
            while s.end > s.start && toks[s.end - 1].kind == TokenKind::Punct {
                s.end -= 1;
            }
        }
        for s in spans.iter_mut() {
            if s.start < s.end && s.label != EntityType::LOC && self.state_head.contains(&toks[s.start].norm(text).to_lowercase()) {
                s.label = EntityType::LOC;
            }
        }
        spans.retain(|s| {
            if s.start >= s.end {
                return false;
            }
            let words = &toks[s.start..s.end];
            if !words.iter().any(|t| t.norm(text).chars().any(char::is_uppercase)) {
                return false;
            }
            if words.len() == 1 {
                let w = words[0].norm(text).to_lowercase();
                if self.not_entity.contains(&w) || (s.label == EntityType::PER && self.titles.contains(&w)) {
                    return false;
                }
            }
            true
        });
        // join adjacent PER spans split by the model
        let mut k = 1;
        while k < spans.len() {
            let (a, b) = (spans[k - 1], spans[k]);
            if a.label == EntityType::PER && b.label == EntityType::PER && a.end == b.start {
                spans[k - 1].end = b.end;
                spans[k - 1].confidence = a.confidence.min(b.confidence);
                spans.remove(k);
            } else {
                k += 1;
            }
        }
    }
}

/// A source of known names (the actor knowledge base, a list file). Matches override
/// overlapping model predictions, except when a longer model span contains them (the
/// outer name wins).
pub trait Gazetteer: Send + Sync {
    /// Names found in `text`, whose tokens are `tokens`, as entities (byte spans).
    fn find(&self, text: &str, tokens: &[Token]) -> Vec<Entity>;
}

/// A simple [`Gazetteer`]: exact, case-sensitive token-sequence matches of listed names,
/// longest first.
#[derive(Debug, Clone, Default)]
pub struct NameList {
    names: HashMap<String, EntityType>,
    max_len: usize,
}

impl NameList {
    /// Add a name.
    pub fn insert(&mut self, name: &str, label: EntityType) {
        let toks = crate::tokenize::tokenize(name);
        if toks.is_empty() {
            return;
        }
        let key = toks.iter().map(|t| t.norm(name)).collect::<Vec<_>>().join(" ");
        self.max_len = self.max_len.max(toks.len());
        self.names.insert(key, label);
    }

    /// Parse `NAME<TAB>TYPE[<TAB>…]` lines (`#` comments; TYPE is PER, LOC, ORG or MISC;
    /// lines whose second column is not a type are skipped, so wider TSVs can be read).
    pub fn parse(src: &str) -> NameList {
        let mut n = NameList::default();
        for line in src.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            if let (Some(name), Some(ty)) = (cols.next(), cols.next()) {
                if let Some(t) = EntityType::parse(ty.trim()) {
                    n.insert(name.trim(), t);
                }
            }
        }
        n
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

impl Gazetteer for NameList {
    fn find(&self, text: &str, tokens: &[Token]) -> Vec<Entity> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut key = String::new();
        while i < tokens.len() {
            let mut hit = None;
            for len in (1..=self.max_len.min(tokens.len() - i)).rev() {
                key.clear();
                for (k, t) in tokens[i..i + len].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(t.norm(text));
                }
                if let Some(&l) = self.names.get(&key) {
                    hit = Some((len, l));
                    break;
                }
            }
            if let Some((len, label)) = hit {
                let span = Span::new(tokens[i].span.start, tokens[i + len - 1].span.end);
                out.push(Entity { span, label, reference: None, confidence: 1.0 });
                i += len;
            } else {
                i += 1;
            }
        }
        out
    }
}

/// Merge gazetteer matches into model entities (see [`Gazetteer`]); result sorted by start.
pub fn merge_gazetteer(ents: &mut Vec<Entity>, gaz: Vec<Entity>) {
    for g in gaz {
        if ents.iter().any(|e| e.span.contains(&g.span) && e.span.len() > g.span.len()) {
            continue;
        }
        ents.retain(|e| e.span.overlap(&g.span) == 0);
        ents.push(g);
    }
    ents.sort_by_key(|e| (e.span.start, e.span.end));
}
