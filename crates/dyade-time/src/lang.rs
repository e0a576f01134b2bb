//! Language packs: a lexicon (`<lang>.lex`) and rule patterns (`<lang>.rules`), parsed once.
//!
//! The formats are documented in the header of `resources/time/fr.lex` and `fr.rules`.
//! Everything language-specific lives there; this module only knows *semantic slots*
//! (`year`, `month`, `shift`, `unit`, `mod`…) that the resolver turns into TIMEX3 values.

use crate::token::{phrase_tokens, Kind, Tokens};
use std::collections::HashMap as StdMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (rustc's hasher): the lexicon keys are short strings looked up once per token, where
/// SipHash dominated the profile.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);
impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
type HashMap<K, V> = StdMap<K, V, BuildHasherDefault<Fx>>;

/// Semantic slots a lexicon entry or rule may set (language-neutral).
pub const SLOTS: &[&str] = &[
    "type", "ref", "mod", "year", "yy", "month", "day", "weekday", "season", "quarter", "half", "week", "weekend", "pod",
    "hour", "minute", "second", "n", "frac", "unit", "shift", "sign", "dir", "set", "anchor", "century", "decade", "easter",
    "pm", "drop", "nth", "ordinal", "tense", "dayword", "approx", "n2", "mult", "half_hour", "minus", "yearword", "now",
];

/// Number of slots.
pub const NSLOTS: usize = 42;

/// Slot index by name.
pub fn slot_id(name: &str) -> Option<usize> {
    SLOTS.iter().position(|s| *s == name)
}

/// Slot values: integers, or interned strings (`STR_BASE + index`); `NONE` when unset.
pub type Slots = [i32; NSLOTS];
/// The unset marker.
pub const NONE: i32 = i32::MIN;
/// Interned strings are stored as `STR_BASE + index`.
pub const STR_BASE: i32 = 1 << 28;

/// Built-in numeric token classes (language-neutral).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// Day of month, 1–31, one or two digits.
    D,
    /// Month number 1–12, one or two digits.
    M,
    /// Four-digit year 1000–2999.
    Y,
    /// Exactly two digits.
    Y2,
    /// Hour 0–24.
    H,
    /// Minute, exactly two digits 00–59.
    MI,
    /// Any number.
    N,
    /// A capitalized word (names: "la libération de Pyongyang").
    CAP,
}

/// One pattern element.
#[derive(Debug, Clone)]
pub enum Elem {
    /// Literal alternatives, each a token sequence (folded).
    Lit(Vec<Vec<String>>, bool),
    /// Lexicon class, optional slot rename, optional flag.
    Class(usize, Option<usize>, bool),
    /// Numeric class, slot, optional flag.
    Num(NumKind, Option<usize>, bool),
    /// A group, optional flag.
    Group(Vec<Elem>, bool),
}

/// A rule: up to three parts (`A ~ connector ~ B`, for split ranges) and slot assignments.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Pattern parts (1 or 3).
    pub parts: Vec<Vec<Elem>>,
    /// Constant slot assignments.
    pub set: Vec<(usize, i32)>,
    /// Line in the rules file (for debugging).
    pub line: usize,
}

/// A lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Class id.
    pub class: usize,
    /// Folded token sequence.
    pub toks: Vec<String>,
    /// Slot assignments.
    pub set: Vec<(usize, i32)>,
}

/// A parsed language pack.
#[derive(Debug)]
pub struct Lang {
    /// Language code.
    pub code: String,
    /// Class names.
    pub classes: Vec<String>,
    /// Classes matched on the lowercased (not accent-folded) form.
    pub exact: Vec<bool>,
    /// Weak classes (articles, numerals, markers): they never trigger matching on their own.
    pub weak: Vec<bool>,
    /// Lexicon entries.
    pub entries: Vec<Entry>,
    /// First token → entry indices (longest first).
    pub by_first: HashMap<String, Vec<u32>>,
    /// Rules in priority order.
    pub rules: Vec<Rule>,
    /// Interned strings.
    pub strings: Vec<String>,
    /// First folded token → rules that can start with it.
    pub rules_by_lit: HashMap<String, Vec<u32>>,
    /// Class → rules that can start with it.
    pub rules_by_class: Vec<Vec<u32>>,
    /// Rules that can start with a number.
    pub rules_by_num: Vec<u32>,
    /// Rules that can start with a capitalized word.
    pub rules_by_cap: Vec<u32>,
}

/// Per-text cache of the lexicon entries matching at each token.
#[derive(Debug, Default)]
pub struct EntryCache {
    starts: Vec<u32>,
    ents: Vec<(u32, u32)>,
}

/// An error in a resource file, naming the file and line.
#[derive(Debug)]
pub struct ResourceError(pub String);

impl std::fmt::Display for ResourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ResourceError {}

impl Lang {
    /// Parse a language pack from its lexicon and rules texts (`lex_name`/`rules_name` for errors).
    pub fn parse(code: &str, lex: &str, lex_name: &str, rules: &str, rules_name: &str) -> Result<Lang, ResourceError> {
        let mut l = Lang {
            code: code.into(),
            classes: vec![],
            exact: vec![],
            weak: vec![],
            entries: vec![],
            by_first: HashMap::default(),
            rules: vec![],
            strings: vec![],
            rules_by_lit: HashMap::default(),
            rules_by_class: vec![],
            rules_by_num: vec![],
            rules_by_cap: vec![],
        };
        let mut cur: Option<usize> = None;
        for (ln, raw) in lex.lines().enumerate() {
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: &str| ResourceError(format!("{lex_name}:{}: {m}: `{raw}`", ln + 1));
            if let Some(rest) = line.strip_prefix('@') {
                let mut it = rest.split_whitespace();
                let name = it.next().ok_or_else(|| err("empty class name"))?;
                let opts: Vec<&str> = it.collect();
                let id = l.class_id(name);
                l.exact[id] = opts.contains(&"exact");
                l.weak[id] = opts.contains(&"weak") || l.exact[id];
                cur = Some(id);
                continue;
            }
            let class = cur.ok_or_else(|| err("entry before any @CLASS header"))?;
            let (surf, sets) = match line.split_once("=>") {
                Some((a, b)) => (a, b),
                None => (line, ""),
            };
            let set = l.parse_sets(sets).map_err(|m| err(&m))?;
            for s in surf.split('|') {
                let s = s.trim();
                if s.is_empty() {
                    continue;
                }
                let toks = if l.exact[class] { s.split_whitespace().map(|w| w.to_lowercase()).collect() } else { phrase_tokens(s) };
                if toks.is_empty() {
                    return Err(err("empty surface"));
                }
                l.entries.push(Entry { class, toks, set: set.clone() });
            }
        }
        for (i, e) in l.entries.iter().enumerate() {
            l.by_first.entry(e.toks[0].clone()).or_default().push(i as u32);
        }
        for v in l.by_first.values_mut() {
            let entries = &l.entries;
            v.sort_by_key(|&i| std::cmp::Reverse(entries[i as usize].toks.len()));
        }
        for (ln, raw) in rules.lines().enumerate() {
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: &str| ResourceError(format!("{rules_name}:{}: {m}: `{raw}`", ln + 1));
            let (pat, sets) = line.split_once("=>").ok_or_else(|| err("missing `=>`"))?;
            let set = l.parse_sets(sets).map_err(|m| err(&m))?;
            let mut parts = vec![];
            for p in pat.split(" ~ ") {
                let words: Vec<&str> = p.split_whitespace().collect();
                let mut pos = 0;
                let elems = l.parse_elems(&words, &mut pos).map_err(|m| err(&m))?;
                if pos != words.len() {
                    return Err(err("unbalanced `)`"));
                }
                if elems.is_empty() {
                    return Err(err("empty pattern part"));
                }
                parts.push(elems);
            }
            if parts.len() != 1 && parts.len() != 3 {
                return Err(err("a split rule has exactly three parts `A ~ connector ~ B`"));
            }
            l.rules.push(Rule { parts, set, line: ln + 1 });
        }
        l.rules_by_class = vec![vec![]; l.classes.len()];
        for ri in 0..l.rules.len() {
            let mut firsts = vec![];
            first_set(&l.rules[ri].parts[0], &mut firsts);
            for f in firsts {
                match f {
                    First::Lit(s) => l.rules_by_lit.entry(s).or_default().push(ri as u32),
                    First::Class(c) => l.rules_by_class[c].push(ri as u32),
                    First::Num(false) => l.rules_by_num.push(ri as u32),
                    First::Num(true) => l.rules_by_cap.push(ri as u32),
                }
            }
        }
        for v in l.rules_by_lit.values_mut().chain(l.rules_by_class.iter_mut()) {
            v.dedup();
        }
        l.rules_by_num.dedup();
        Ok(l)
    }

    fn class_id(&mut self, name: &str) -> usize {
        if let Some(i) = self.classes.iter().position(|c| c == name) {
            return i;
        }
        self.classes.push(name.into());
        self.exact.push(false);
        self.weak.push(false);
        self.classes.len() - 1
    }

    /// Intern a string value.
    pub fn intern(&mut self, s: &str) -> i32 {
        if let Some(i) = self.strings.iter().position(|x| x == s) {
            return STR_BASE + i as i32;
        }
        self.strings.push(s.into());
        STR_BASE + self.strings.len() as i32 - 1
    }

    /// The string of an interned value.
    pub fn str_of(&self, v: i32) -> Option<&str> {
        (v >= STR_BASE).then(|| self.strings.get((v - STR_BASE) as usize).map(|s| s.as_str())).flatten()
    }

    fn parse_sets(&mut self, s: &str) -> Result<Vec<(usize, i32)>, String> {
        let mut out = vec![];
        for kv in s.split_whitespace() {
            let (k, v) = kv.split_once('=').ok_or_else(|| format!("`{kv}` is not key=value"))?;
            let id = slot_id(k).ok_or_else(|| format!("unknown slot `{k}`"))?;
            let val = match v.parse::<i32>() {
                Ok(n) => n,
                Err(_) => self.intern(v),
            };
            out.push((id, val));
        }
        Ok(out)
    }

    fn parse_elems(&mut self, w: &[&str], pos: &mut usize) -> Result<Vec<Elem>, String> {
        let mut out = vec![];
        while *pos < w.len() {
            let t = w[*pos];
            if t == ")" || t == ")?" {
                return Ok(out);
            }
            *pos += 1;
            if t == "(" {
                let g = self.parse_elems(w, pos)?;
                let close = w.get(*pos).ok_or("unclosed `(`")?;
                *pos += 1;
                out.push(Elem::Group(g, *close == ")?"));
                continue;
            }
            let (t, opt) = match t.strip_suffix('?') {
                Some(x) if !x.is_empty() => (x, true),
                _ => (t, false),
            };
            if let Some(c) = t.strip_prefix('@') {
                let (name, rename) = split_rename(c)?;
                let id = self.classes.iter().position(|x| x == name).ok_or_else(|| format!("unknown class @{name}"))?;
                out.push(Elem::Class(id, rename, opt));
            } else if let Some(c) = t.strip_prefix('#').filter(|c| !c.is_empty()) {
                let (name, rename) = split_rename(c)?;
                let k = match name {
                    "D" => NumKind::D,
                    "M" => NumKind::M,
                    "Y" => NumKind::Y,
                    "Y2" => NumKind::Y2,
                    "H" => NumKind::H,
                    "MI" => NumKind::MI,
                    "N" => NumKind::N,
                    "CAP" => NumKind::CAP,
                    _ => return Err(format!("unknown number class #{name}")),
                };
                out.push(Elem::Num(k, rename, opt));
            } else {
                let alts: Vec<Vec<String>> = t.split('|').map(phrase_tokens).filter(|v| !v.is_empty()).collect();
                if alts.is_empty() {
                    return Err(format!("empty literal `{t}`"));
                }
                out.push(Elem::Lit(alts, opt));
            }
        }
        Ok(out)
    }

    /// All lexicon entries matching at each token, computed once per text (matching then
    /// filters these small lists instead of hashing the token again for every rule).
    pub fn entry_cache(&self, t: &Tokens) -> EntryCache {
        let mut c = EntryCache { starts: Vec::with_capacity(t.toks.len() + 1), ents: vec![] };
        for i in 0..t.toks.len() {
            c.starts.push(c.ents.len() as u32);
            let f = t.fold(i);
            let lw = t.low(i);
            for key in [f, lw] {
                if key == lw && key == f && c.ents.len() > c.starts[i] as usize {
                    break;
                }
                if let Some(es) = self.by_first.get(key) {
                    for &ei in es {
                        let e = &self.entries[ei as usize];
                        let exact = self.exact[e.class];
                        if exact != (key == lw && (key != f || true)) && key != f {
                            continue;
                        }
                        if i + e.toks.len() > t.toks.len() {
                            continue;
                        }
                        let ok = e.toks.iter().enumerate().all(|(k, w)| {
                            let tk = &t.toks[i + k];
                            (k == 0 || !tk.brk) && (if exact { t.low(i + k) } else { t.fold(i + k) }) == w
                        });
                        if ok && !c.ents.iter().skip(c.starts[i] as usize).any(|x| x.0 == ei) {
                            c.ents.push((ei, (i + e.toks.len()) as u32));
                        }
                    }
                }
                if f == lw {
                    break;
                }
            }
        }
        c.starts.push(c.ents.len() as u32);
        c
    }

    /// Entries of `class` at token `i`, from the cache.
    pub fn cached<'a>(&'a self, c: &'a EntryCache, class: usize, i: usize) -> impl Iterator<Item = (usize, &'a Entry)> + 'a {
        let r = if i + 1 < c.starts.len() { c.starts[i] as usize..c.starts[i + 1] as usize } else { 0..0 };
        c.ents[r].iter().filter_map(move |&(ei, end)| {
            let e = &self.entries[ei as usize];
            (e.class == class).then_some((end as usize, e))
        })
    }

    /// Entries of `class` matching at token `i`: (end token, entry).
    pub fn class_at<'a>(&'a self, class: usize, t: &'a Tokens, i: usize) -> impl Iterator<Item = (usize, &'a Entry)> + 'a {
        let key = if self.exact[class] { t.low(i) } else { t.fold(i) };
        self.by_first.get(key).into_iter().flatten().filter_map(move |&ei| {
            let e = &self.entries[ei as usize];
            if e.class != class || i + e.toks.len() > t.toks.len() {
                return None;
            }
            for (k, w) in e.toks.iter().enumerate().skip(1) {
                let tk = &t.toks[i + k];
                if tk.brk {
                    return None;
                }
                let f = if self.exact[class] { t.low(i + k) } else { t.fold(i + k) };
                if f != w {
                    return None;
                }
            }
            Some((i + e.toks.len(), e))
        })
    }

    /// True when token `i` can anchor a temporal expression: a number, or the first token of
    /// an entry of a non-weak class. Matching is only tried near such tokens (speed).
    pub fn strong(&self, t: &Tokens, i: usize) -> bool {
        if t.toks[i].kind == Kind::Num {
            return true;
        }
        self.by_first.get(t.fold(i)).is_some_and(|es| es.iter().any(|&e| !self.weak[self.entries[e as usize].class]))
    }

    /// Candidate rules that may start at token `i`.
    pub fn candidates(&self, t: &Tokens, i: usize, out: &mut Vec<u32>) {
        out.clear();
        let tk = &t.toks[i];
        if tk.kind == Kind::Num {
            out.extend_from_slice(&self.rules_by_num);
        } else if tk.cap {
            out.extend_from_slice(&self.rules_by_cap);
        }
        let f = t.fold(i);
        if let Some(v) = self.rules_by_lit.get(f) {
            out.extend_from_slice(v);
        }
        for key in [f, t.low(i)] {
            if let Some(es) = self.by_first.get(key) {
                for &ei in es {
                    out.extend_from_slice(&self.rules_by_class[self.entries[ei as usize].class]);
                }
            }
        }
        if out.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

fn split_rename(c: &str) -> Result<(&str, Option<usize>), String> {
    match c.split_once(':') {
        Some((n, s)) => Ok((n, Some(slot_id(s).ok_or_else(|| format!("unknown slot `{s}`"))?))),
        None => Ok((c, None)),
    }
}

fn strip_comment(s: &str) -> &str {
    // `#` starts a comment only at line start or after whitespace and not before a class name letter
    // (number classes are written `#D`, `#Y`…, so comments are `# ` or a line starting with `#`).
    if s.trim_start().starts_with('#') && !s.trim_start().starts_with("#D") && !s.trim_start()[1..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return "";
    }
    match s.find(" # ") {
        Some(i) => &s[..i],
        None => s,
    }
}

enum First {
    Lit(String),
    Class(usize),
    Num(bool),
}

/// The possible first items of a sequence (through optional prefixes).
fn first_set(elems: &[Elem], out: &mut Vec<First>) -> bool {
    for e in elems {
        let opt = match e {
            Elem::Lit(alts, o) => {
                for a in alts {
                    out.push(First::Lit(a[0].clone()));
                }
                *o
            }
            Elem::Class(c, _, o) => {
                out.push(First::Class(*c));
                *o
            }
            Elem::Num(k, _, o) => {
                out.push(First::Num(*k == NumKind::CAP));
                *o
            }
            Elem::Group(g, o) => {
                let all_opt = first_set(g, out);
                *o || all_opt
            }
        };
        if !opt {
            return false;
        }
    }
    true
}
