//! The `clean` component: boilerplate spans, content paragraphs, publication date from text.
//!
//! Rules come from `resources/boilerplate/<lang>.txt` (format in the header of `fr.txt`):
//! exact lines, prefixes, regexes and "tail" markers that open an end-of-page zone (related
//! articles, comments). Structural cues add what lexicons cannot list: the outlet's name
//! alone on a line or as an `(AGENCY) -` tag, a 1–2 word line heading the page, captions
//! that repeat the title, short lines repeated in the article, and publication date lines.

use crate::date::find_dateline;
use dyade_core::{Boilerplate, Component, Document, Span};
use regex::Regex;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Embedded boilerplate resources, one per language.
pub const BOILERPLATE_RESOURCES: [(&str, &str); 2] = [
    ("fr", include_str!("../../../resources/boilerplate/fr.txt")),
    ("en", include_str!("../../../resources/boilerplate/en.txt")),
];

/// Lines longer than this (bytes) are never matched as whole-line chrome.
const MAX_CHROME_LINE: usize = 300;
/// Regex rules anchored at the line start (captions) are tried on lines up to this length.
const MAX_ANCHORED_LINE: usize = 600;

#[derive(Debug, Clone)]
struct Rules {
    exact: HashMap<String, (String, bool)>,
    prefix: Vec<(String, String)>,
    regex: Vec<(Regex, String, bool)>,
    /// All regex rules as one set, to find in one pass which ones match a line.
    regex_set: regex::RegexSet,
    /// The unanchored regex rules as one set (for lines too long for anchored rules), with
    /// their indexes in `regex`.
    unanchored_set: regex::RegexSet,
    unanchored_idx: Vec<usize>,
    /// The anchored regex rules as one set (for whole glued pieces), with their indexes.
    anchored_set: regex::RegexSet,
    anchored_idx: Vec<usize>,
    /// Indexes into `prefix` by the prefix's first byte, in `prefix` order (None when a
    /// prefix folds to nothing and so matches every line).
    prefix_by_byte: Option<Vec<Vec<u32>>>,
}

/// Fold for matching: NFKD without combining marks, lowercase, curly quotes straightened,
/// whitespace collapsed, trailing ":" "." "…" and spaces removed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] into `out` (cleared first), reusing its allocation.
///
/// Fast path: characters are decomposed one at a time, ASCII without any table. NFKD also
/// reorders runs of non-starters (canonical ordering), but starters never move, so when every
/// non-starter produced is a combining mark (dropped here) the per-character result equals
/// the whole-string one; otherwise the string is folded again through the full NFKD.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    let mut exact = true;
    {
        let mut emit = |c: char, out: &mut String| {
            if c.is_ascii() {
                if c.is_ascii_whitespace() || c == '\x0b' {
                    space = !out.is_empty();
                    return;
                }
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(if c == '`' { '\'' } else { c.to_ascii_lowercase() });
                return;
            }
            if unicode_normalization::char::is_combining_mark(c) {
                return;
            }
            if unicode_normalization::char::canonical_combining_class(c) != 0 {
                exact = false;
            }
            fold_char(c, out, &mut space);
        };
        for c in s.chars() {
            if c.is_ascii() {
                emit(c, out);
            } else {
                unicode_normalization::char::decompose_compatible(c, |d| emit(d, out));
            }
        }
    }
    if !exact {
        out.clear();
        space = false;
        for c in s.nfkd() {
            if unicode_normalization::char::is_combining_mark(c) {
                continue;
            }
            fold_char(c, out, &mut space);
        }
    }
    let t = out.trim_end_matches([':', '.', ' ', '*']).len();
    out.truncate(t);
    if out.ends_with("...") {
        out.truncate(out.len() - 3);
    }
}

/// One decomposed, non-mark character of [`fold`].
#[inline]
fn fold_char(c: char, out: &mut String, space: &mut bool) {
    if c.is_whitespace() {
        *space = !out.is_empty();
        return;
    }
    if *space {
        out.push(' ');
        *space = false;
    }
    let c = match c {
        '’' | '‘' | '`' => '\'',
        c => c,
    };
    out.extend(c.to_lowercase());
}

impl Rules {
    /// Label of the first (longest) prefix rule that folded line `f` starts with.
    fn find_prefix(&self, f: &str) -> Option<&str> {
        match &self.prefix_by_byte {
            Some(by) => {
                let first = *f.as_bytes().first()?;
                by[first as usize].iter().map(|&i| &self.prefix[i as usize]).find(|(p, _)| f.starts_with(p.as_str())).map(|(_, l)| l.as_str())
            }
            None => self.prefix.iter().find(|(p, _)| f.starts_with(p.as_str())).map(|(_, l)| l.as_str()),
        }
    }

    fn parse(texts: &[&str]) -> Result<Rules, String> {
        let mut r = Rules {
            exact: HashMap::new(),
            prefix: vec![],
            regex: vec![],
            regex_set: regex::RegexSet::empty(),
            unanchored_set: regex::RegexSet::empty(),
            unanchored_idx: vec![],
            anchored_set: regex::RegexSet::empty(),
            anchored_idx: vec![],
            prefix_by_byte: None,
        };
        let mut patterns: Vec<&str> = vec![];
        for text in texts {
            let (mut kind, mut label) = (String::new(), String::new());
            for (n, line) in text.lines().enumerate() {
                let t = line.trim();
                if t.is_empty() || t.starts_with('#') {
                    continue;
                }
                if t.starts_with('[') && t.ends_with(']') {
                    let mut it = t[1..t.len() - 1].split_whitespace();
                    kind = it.next().unwrap_or("").to_string();
                    label = it.next().unwrap_or(&kind).to_string();
                    continue;
                }
                match kind.as_str() {
                    "exact" | "tail" => {
                        r.exact.insert(fold(t), (format!("{kind}:{label}"), kind == "tail"));
                    }
                    "prefix" => r.prefix.push((fold(t), format!("prefix:{label}"))),
                    "regex" => {
                        let re = regex::RegexBuilder::new(t).dfa_size_limit(16 << 20).build().map_err(|e| format!("boilerplate resource line {}: bad regex: {e}", n + 1))?;
                        let anchored = t.trim_start_matches("(?i)").starts_with('^');
                        r.regex.push((re, format!("regex:{label}"), anchored));
                        patterns.push(t);
                    }
                    other => return Err(format!("boilerplate resource line {}: unknown section kind `{other}`", n + 1)),
                }
            }
        }
        // longest prefixes first so the most specific label wins
        r.prefix.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let set = |pats: &[&str]| {
            regex::RegexSetBuilder::new(pats).dfa_size_limit(16 << 20).build().map_err(|e| format!("boilerplate regex set: {e}"))
        };
        r.regex_set = set(&patterns)?;
        r.unanchored_idx = (0..r.regex.len()).filter(|&i| !r.regex[i].2).collect();
        r.unanchored_set = set(&r.unanchored_idx.iter().map(|&i| patterns[i]).collect::<Vec<_>>())?;
        r.anchored_idx = (0..r.regex.len()).filter(|&i| r.regex[i].2).collect();
        if r.prefix.iter().all(|(p, _)| !p.is_empty()) {
            let mut by: Vec<Vec<u32>> = vec![vec![]; 256];
            for (i, (p, _)) in r.prefix.iter().enumerate() {
                by[p.as_bytes()[0] as usize].push(i as u32);
            }
            r.prefix_by_byte = Some(by);
        }
        r.anchored_set = set(&r.anchored_idx.iter().map(|&i| patterns[i]).collect::<Vec<_>>())?;
        Ok(r)
    }
}

/// The cleaning component (name `clean`).
///
/// Adds `doc.boilerplate` (labelled spans), `doc.paragraphs` (content lines minus
/// boilerplate, split where paragraphs were glued without a space: "Bangladesh.Une"), and
/// `doc.meta.published` from a "Publié le …" line when metadata gave none.
#[derive(Debug, Clone)]
pub struct Cleaner {
    rules: Rules,
    agency: Regex,
}

impl Default for Cleaner {
    fn default() -> Self {
        Self::new()
    }
}

impl Cleaner {
    /// A cleaner with the embedded resources of every language.
    pub fn new() -> Self {
        Self::from_resources(&BOILERPLATE_RESOURCES.map(|(_, t)| t)).expect("embedded boilerplate resources parse")
    }

    /// A cleaner from resource texts (format in `resources/boilerplate/fr.txt`).
    pub fn from_resources(texts: &[&str]) -> Result<Self, String> {
        Ok(Cleaner {
            rules: Rules::parse(texts)?,
            // "(VOVWORLD) -", "(AFP) –": an upper-case source tag before a dash
            agency: Regex::new(r"^\(\s*([\p{Lu}\d][\p{Lu}\d&./ -]{1,30})\s*\)\s*[-–—]\s*").unwrap(),
        })
    }

    /// A cleaner from every `*.txt` in a folder (e.g. `resources/boilerplate`).
    pub fn from_dir(dir: &std::path::Path) -> Result<Self, String> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let texts: Vec<String> = files
            .iter()
            .map(|p| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display())))
            .collect::<Result<_, _>>()?;
        Self::from_resources(&texts.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// The label of a prefix or line-anchored regex rule matching all of `piece`, if any.
    fn piece_rule(&self, piece: &str) -> Option<String> {
        if piece.len() > MAX_CHROME_LINE {
            return None;
        }
        let f = fold(piece);
        if let Some((label, _)) = self.rules.exact.get(&f) {
            return Some(label.clone());
        }
        if let Some(label) = self.rules.find_prefix(&f) {
            return Some(label.to_string());
        }
        // only the rules the set says match somewhere can match the whole piece
        let hits = self.rules.anchored_set.matches(piece);
        if !hits.matched_any() {
            return None;
        }
        hits.into_iter()
            .map(|k| &self.rules.regex[self.rules.anchored_idx[k]])
            .find(|(re, _, anchored)| *anchored && re.find(piece).is_some_and(|m| m.start() == 0 && m.end() == piece.len()))
            .map(|(_, l, _)| l.clone())
    }

    /// Boilerplate spans of `text` (sorted, non-overlapping), given the outlet name if known.
    pub fn find_boilerplate(&self, text: &str, source: Option<&str>) -> Vec<Boilerplate> {
        let lines = line_spans(text);
        let source_f = source.map(fold).filter(|s| !s.is_empty());
        let mut out: Vec<Boilerplate> = vec![];
        let push = |out: &mut Vec<Boilerplate>, s: usize, e: usize, label: &str| {
            if e > s {
                out.push(Boilerplate { span: Span::new(s, e), label: label.to_string() });
            }
        };
        let nonempty: Vec<Span> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
        let first = nonempty.first().map(|l| l.slice(text));
        // the title line, for captions that repeat it (only a short first line can be a title)
        let first_f = first.filter(|f| f.len() <= MAX_CHROME_LINE).map(fold).unwrap_or_default();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut tail = false;
        // folded line and head, buffers reused across lines
        let mut f = String::new();
        let mut head = String::new();
        let source_tag = source_f.as_ref().map(|sf| format!("({sf})"));
        for (k, l) in nonempty.iter().enumerate() {
            let line = l.slice(text);
            let short = line.len() <= MAX_CHROME_LINE;
            if short {
                fold_into(line, &mut f);
            } else {
                f.clear();
            }
            if short {
                if let Some((label, is_tail)) = self.rules.exact.get(&f) {
                    push(&mut out, l.start, l.end, label);
                    tail |= *is_tail;
                    continue;
                }
                if let Some(label) = self.rules.find_prefix(&f) {
                    push(&mut out, l.start, l.end, label);
                    continue;
                }
                if source_f.as_deref() == Some(f.as_str()) {
                    push(&mut out, l.start, l.end, "site-name");
                    continue;
                }
            }
            // agency tag at the start of a paragraph
            // (the tag regex is anchored on "(": test that byte before running it)
            if let Some(m) = line.starts_with('(').then(|| self.agency.find(line)).flatten() {
                push(&mut out, l.start, l.start + m.end(), "agency-tag");
            } else if let Some(tag) = &source_tag {
                fold_into(&line[..floor(line, 60)], &mut head);
                if head.starts_with(tag.as_str()) {
                    if let Some(p) = line.find(')') {
                        let rest = &line[p + 1..];
                        let dash = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '-', '–', '—']).len();
                        push(&mut out, l.start, l.start + p + 1 + dash, "agency-tag");
                    }
                }
            }
            // publication date line ("Publié hier à 10 h 24", "AFP, publié le …")
            if short && line.len() < 140 {
                if let Some(d) = find_dateline(line, None) {
                    if d.span.start <= 30 && line.len() - d.span.end <= 30 {
                        push(&mut out, l.start, l.end, "dateline");
                        continue;
                    }
                }
            }
            let mut matched = false;
            // line-shaped rules (anchored at the start) only concern short lines; skipping
            // long ones keeps cleaning fast on unsplit articles. One pass of a regex set tells
            // which rules match at all; only those are run for their spans, in rule order.
            let long = line.len() > MAX_ANCHORED_LINE;
            let hits: Vec<usize> = if long {
                self.rules.unanchored_set.matches(line).into_iter().map(|k| self.rules.unanchored_idx[k]).collect()
            } else {
                self.rules.regex_set.matches(line).into_iter().collect()
            };
            for i in hits {
                let (re, label, _) = &self.rules.regex[i];
                for m in re.find_iter(line) {
                    push(&mut out, l.start + m.start(), l.start + m.end(), label);
                    matched = true;
                }
            }
            if matched {
                continue;
            }
            // a caption that repeats the page title: "Title - ảnh 1…", "Title | Photo…"
            if k > 0 && first_f.len() >= 20 && short && f.len() > first_f.len() && f.starts_with(&first_f) {
                push(&mut out, l.start, l.end, "caption:repeated-title");
                continue;
            }
            // long lines are never labels, headings or related-article titles
            let words = if short { line.split_whitespace().count() } else { usize::MAX };
            let punct = ends_sentence(line);
            // site name heading the page: 1-2 words alone on the first line
            if k == 0 && nonempty.len() > 2 && words <= 2 && line.len() < 30 && !punct {
                push(&mut out, l.start, l.end, "site-name");
                continue;
            }
            // a long sentence-punctuated paragraph: content goes on, the end zone was not one
            if punct && words >= 15 {
                tail = false;
            }
            // a short unpunctuated line repeated in the article is navigation or a label
            if short && !punct && words <= 8 && !line.ends_with(',') {
                let c = seen.entry(f.clone()).or_insert(0);
                *c += 1;
                if *c > 1 && k > 0 {
                    push(&mut out, l.start, l.end, "repeated-line");
                    continue;
                }
            }
            // end-of-page zone: headlines of related articles, category labels
            if tail && !punct && words <= 14 {
                push(&mut out, l.start, l.end, "tail");
                continue;
            }
        }
        out.sort_by_key(|b| (b.span.start, std::cmp::Reverse(b.span.end)));
        // drop spans inside earlier ones
        let mut merged: Vec<Boilerplate> = Vec::with_capacity(out.len());
        for b in out {
            if let Some(last) = merged.last() {
                if b.span.start < last.span.end {
                    continue;
                }
            }
            merged.push(b);
        }
        merged
    }
}

fn floor(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '»' | '”' | '’' | ')' | '*'));
    t.ends_with(['.', '!', '?', '…', ';', ':'])
}

fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Trimmed spans of every line (empty spans for blank lines).
pub fn line_spans(text: &str) -> Vec<Span> {
    let mut v = vec![];
    let mut start = 0;
    for part in text.split('\n') {
        let end = start + part.len();
        let lead = part.len() - part.trim_start_matches(is_ws).len();
        let trail = part.len() - part.trim_end_matches(is_ws).len();
        if lead == part.len() {
            v.push(Span::new(start, start));
        } else {
            v.push(Span::new(start + lead, end - trail));
        }
        start = end + 1;
    }
    v
}

/// Byte positions inside `s` where a paragraph starts right after the previous one's final
/// punctuation with no space ("Bangladesh.Une onde", "2019.Le", "l'AFP.Le", `juin."La`).
///
/// The character before the punctuation must be a lowercase letter, a digit, a closing
/// quote or bracket, or end a word of 2+ capitals (acronym): single capitals ("M.Poutine",
/// "U.S.") are initials. Straight double quotes are paired within the paragraph to tell a
/// closing quote (split after it) from an opening one (split before it).
pub fn glued_breaks(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let mut out = vec![];
    let mut quotes = 0usize;
    let mut counted = 0usize;
    let mut i = 0;
    // next '.', '!' or '?' and next E2 byte ('…' = E2 80 A6) at or after i
    let (mut n3, mut ne2) = (0usize, 0usize);
    let (mut k3, mut ke2) = (false, false);
    while i < b.len() {
        // skip to the next byte that can start final punctuation
        if !k3 || n3 < i {
            n3 = memchr::memchr3(b'.', b'!', b'?', &b[i..]).map_or(b.len(), |p| i + p);
            k3 = true;
        }
        if !ke2 || ne2 < i {
            ne2 = memchr::memchr(0xE2, &b[i..]).map_or(b.len(), |p| i + p);
            ke2 = true;
        }
        i = n3.min(ne2);
        if i >= b.len() {
            break;
        }
        let plen = punct_len(b, i);
        if plen == 0 || i == 0 {
            i += 1;
            continue;
        }
        // straight double quotes before the punctuation, for pairing
        quotes += memchr::memchr_iter(b'"', &b[counted..i]).count();
        counted = i;
        let prev = s[..i].chars().next_back().unwrap();
        let ok_prev = prev.is_lowercase()
            || prev.is_ascii_digit()
            || matches!(prev, '"' | '»' | '”' | ')' | '’')
            || (prev.is_uppercase() && {
                // a word of 2+ capitals (acronym), not an initial
                let word: Vec<char> = s[..i].chars().rev().take_while(|c| c.is_alphabetic()).take(3).collect();
                word.len() >= 2 && word.iter().all(|c| c.is_uppercase())
            });
        // the run of punctuation
        let mut j = i;
        loop {
            let l = punct_len(b, j);
            if l == 0 {
                break;
            }
            j += l;
        }
        if !ok_prev || j >= b.len() {
            i = j;
            continue;
        }
        let mut rest = s[j..].chars();
        let nc = rest.next().unwrap();
        let after = s[j + nc.len_utf8()..].chars().next();
        let mut split_at = None;
        if nc == '"' {
            if quotes % 2 == 1 {
                // a closing quote, then the next paragraph
                if starts_para(&s[j + 1..]) {
                    split_at = Some(j + 1);
                }
            } else if starts_para(&s[j + 1..]) {
                // an opening quote starts the next paragraph
                split_at = Some(j);
            }
        } else if matches!(nc, '»' | '”' | ')') {
            if starts_para(&s[j + nc.len_utf8()..]) {
                split_at = Some(j + nc.len_utf8());
            }
        } else if matches!(nc, '«' | '“') {
            if after.is_some_and(|c| c.is_uppercase() || c == ' ' || c == '\u{a0}') {
                split_at = Some(j);
            }
        } else if starts_para(&s[j..]) {
            split_at = Some(j);
        }
        if let Some(p) = split_at {
            if !looks_like_url(s, i, p) {
                out.push(p);
            }
        }
        i = j;
    }
    out
}

/// Length of sentence-final punctuation at byte `i` (`.`, `!`, `?`, `…`), else 0.
fn punct_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'.' | b'!' | b'?') => 1,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6) => 3,
        _ => 0,
    }
}

/// True when the punctuation at `dot` sits inside a web address ("www.Example.com").
fn looks_like_url(s: &str, dot: usize, next: usize) -> bool {
    let before = s[..dot].rsplit(char::is_whitespace).next().unwrap_or("");
    let after = s[next..].split(char::is_whitespace).next().unwrap_or("");
    let after = after.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"']);
    before.contains("//")
        || before.eq_ignore_ascii_case("www")
        || before.ends_with("www")
        || after.split_once('.').is_some_and(|(_, tld)| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()))
}

fn starts_para(rest: &str) -> bool {
    let mut it = rest.chars();
    // an upper-case letter, not an initial in a run like "S.A."
    it.next().is_some_and(|c| c.is_uppercase()) && it.next() != Some('.')
}

impl Component for Cleaner {
    fn name(&self) -> &'static str {
        "clean"
    }

    fn process(&self, doc: &mut Document) {
        let bp = self.find_boilerplate(&doc.text, doc.meta.source.as_deref());
        // content paragraphs: lines minus boilerplate, split at glued paragraph breaks
        let mut paras = vec![];
        let mut extra_bp = vec![];
        let mut bi = 0;
        for l in line_spans(&doc.text) {
            if l.is_empty() {
                continue;
            }
            let mut pieces = vec![];
            let mut cur = l.start;
            while bi < bp.len() && bp[bi].span.end <= l.start {
                bi += 1;
            }
            let mut j = bi;
            while j < bp.len() && bp[j].span.start < l.end {
                pieces.push(Span::new(cur, bp[j].span.start.max(cur)));
                cur = cur.max(bp[j].span.end);
                j += 1;
            }
            pieces.push(Span::new(cur.min(l.end), l.end));
            for p in pieces {
                let s = trim_span(&doc.text, p);
                if s.is_empty() {
                    continue;
                }
                let mut a = s.start;
                let breaks = glued_breaks(s.slice(&doc.text));
                let glued = !breaks.is_empty();
                for b in breaks.into_iter().map(|b| s.start + b).chain([s.end]) {
                    let piece = Span::new(a, b);
                    a = b;
                    // a caption or "Lire aussi" glued between paragraphs ("…R.Photo : Mercedes")
                    if glued {
                        if let Some(label) = self.piece_rule(piece.slice(&doc.text)) {
                            extra_bp.push(Boilerplate { span: piece, label });
                            continue;
                        }
                    }
                    paras.push(piece);
                }
            }
        }
        // publication date from a dateline, when metadata gave none
        if doc.meta.published.is_none() {
            let crawl = doc.meta.extra.get("crawled").or(doc.meta.extra.get("crawl_time")).and_then(|v| v.as_str()).map(str::to_string);
            let mut best: Option<crate::date::DateLine> = None;
            for b in bp.iter().filter(|b| b.label == "dateline") {
                if let Some(d) = find_dateline(b.span.slice(&doc.text), crawl.as_deref()) {
                    let better = match &best {
                        None => true,
                        Some(x) => x.update && !d.update,
                    };
                    if better {
                        best = Some(d);
                    }
                }
            }
            doc.meta.published = best.map(|d| d.estimate);
        }
        let mut bp = bp;
        if !extra_bp.is_empty() {
            bp.extend(extra_bp);
            bp.sort_by_key(|b| b.span.start);
        }
        doc.boilerplate = bp;
        doc.paragraphs = paras;
    }
}

fn trim_span(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    let lead = t.len() - t.trim_start_matches(|c: char| is_ws(c) || matches!(c, '-' | '–' | '—' | '|')).len();
    let t2 = &t[lead..];
    let trail = t2.len() - t2.trim_end_matches(is_ws).len();
    Span::new(s.start + lead, s.end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference fold: whole-string NFKD.
    fn fold_reference(s: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in s.nfkd() {
            if unicode_normalization::char::is_combining_mark(c) {
                continue;
            }
            fold_char(c, &mut out, &mut space);
        }
        let t = out.trim_end_matches([':', '.', ' ', '*']).len();
        out.truncate(t);
        if out.ends_with("...") {
            out.truncate(out.len() - 3);
        }
        out
    }

    #[test]
    fn fold_fast_path_equals_nfkd() {
        let cases = [
            "", "  ", "Partager\u{a0}:", "À LIRE AUSSI…", "Crédit photo : AFP", "\tÉté\x0b  İstanbul ﬁn ²…",
            "l’Œuvre `x` ‘y’ ...", "e\u{301}\u{327}a", "Ǆ ǅ ǆ Ⅻ ㎏ ﬀ", "한국어 텍스트", "a\u{0345}\u{0301}b",
            "ἄλφα ᾅ", "ß ẞ ﬆ", "x\u{200b}y\u{feff}z\u{2028}w", "…...", "*:. ",
        ];
        for c in cases {
            assert_eq!(fold(c), fold_reference(c), "{c:?}");
        }
        // every character of the first planes, alone and between letters
        for cp in (0..0x3_0000u32).filter_map(char::from_u32) {
            for s in [cp.to_string(), format!("A{cp}\u{301}b"), format!("{cp}\u{316}\u{301}")] {
                assert_eq!(fold(&s), fold_reference(&s), "U+{:04X}", cp as u32);
            }
        }
    }

    #[test]
    fn glued() {
        let s = "dans le pays.Une onde de choc. M.Poutine a dit. Les U.S.A. aussi, selon l'AFP.Le soir, \"il a dit.\"La suite.";
        let b = glued_breaks(s);
        let parts: Vec<&str> = {
            let mut v = vec![];
            let mut a = 0;
            for p in &b {
                v.push(&s[a..*p]);
                a = *p;
            }
            v.push(&s[a..]);
            v
        };
        assert_eq!(parts, vec!["dans le pays.", "Une onde de choc. M.Poutine a dit. Les U.S.A. aussi, selon l'AFP.", "Le soir, \"il a dit.\"", "La suite."]);
        assert_eq!(glued_breaks("2019.\"Nous irons\", dit-il."), vec![5]);
        assert!(glued_breaks("le site orange.fr et www.Example.").is_empty());
    }

    #[test]
    fn rules_and_structure() {
        let c = Cleaner::new();
        let text = "Le Site\n\nUn titre assez long pour un article\n\nPremier paragraphe. Il parle.\n\n(Photo: AFP)\n\nPartager\n\nLire aussi : un autre sujet\n\nFin du texte.\n\nSur le même sujet\n\nUn titre d'article lié\n";
        let bp = c.find_boilerplate(text, None);
        let got: Vec<(&str, &str)> = bp.iter().map(|b| (b.span.slice(text), b.label.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("Le Site", "site-name"),
                ("(Photo: AFP)", "regex:caption"),
                ("Partager", "exact:share"),
                ("Lire aussi : un autre sujet", "prefix:read-also"),
                ("Sur le même sujet", "tail:related"),
                ("Un titre d'article lié", "tail"),
            ]
        );
    }
}
