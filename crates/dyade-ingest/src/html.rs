//! Article extraction from HTML pages: body text, title, publication date.
//!
//! A small tolerant tokenizer (no DOM library) builds a light element tree that keeps byte
//! offsets into the page, so every extracted run maps back to the original bytes
//! ([`HtmlExtract::source_map`]). The article container is the schema.org `articleBody` when
//! the page marks it, else the element that a Readability-style score prefers (many
//! paragraphs, commas, few links, content-like class names). Inside it, navigation, asides,
//! figures and captions, forms, share/related/comment blocks, ads and date/byline blocks are
//! dropped by tag and class/id words, and link-dominated paragraphs (related lists) too.

use dyade_core::DateEstimate;
use std::collections::HashMap;

/// What [`extract`] found in a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlExtract {
    /// Article text, one paragraph per line (`\n` between paragraphs).
    pub text: String,
    /// `(text_byte, page_byte)` at the start of every run copied verbatim from the page.
    pub source_map: Vec<(usize, usize)>,
    /// Title (`og:title`, `<title>` or the first `<h1>`).
    pub title: Option<String>,
    /// Publication date from the page's metadata.
    pub published: Option<DateEstimate>,
    /// `<html lang>` primary subtag.
    pub lang: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Site name (`og:site_name`).
    pub site_name: Option<String>,
    /// Section (`article:section`).
    pub section: Option<String>,
    /// Description / standfirst from the metadata.
    pub description: Option<String>,
    /// Author from the metadata.
    pub author: Option<String>,
}

#[derive(Debug)]
enum Node {
    Elem(usize),
    Text(usize, usize),
    Break,
}

#[derive(Debug)]
struct Elem {
    tag: Box<str>,
    parent: usize,
    children: Vec<Node>,
    /// Dropped inside the article: navigation, captions, share bars…
    negative: bool,
    /// Class/id words that suggest content ("article", "content", "texte"…).
    positive: bool,
    article_body: bool,
}

struct Dom {
    elems: Vec<Elem>,
    meta: HashMap<String, String>,
    times: Vec<(String, bool)>,
    jsonld: Vec<String>,
    title: Option<String>,
    lang: Option<String>,
    canonical: Option<String>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
];
/// Elements whose content is not markup (or is never article text): skipped to their end tag.
const RAW: &[&str] = &["script", "style", "textarea", "title", "noscript", "template", "iframe", "svg", "math", "xmp", "select", "object"];
const BLOCK: &[&str] = &[
    "p", "div", "section", "article", "header", "footer", "aside", "nav", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "dl", "dt", "dd", "figure", "figcaption", "form",
    "fieldset", "address", "main", "hr", "center", "details", "summary", "caption", "body", "html", "menu", "dialog",
];
const NEG_TAGS: &[&str] = &[
    "nav", "aside", "footer", "header", "form", "button", "figure", "figcaption", "video", "audio", "canvas", "input",
    "label", "menu", "dialog", "picture", "map",
];
/// Class/id words of page chrome (compared with whole words of the attribute, split on
/// non-alphanumerics).
const NEG_WORDS: &[&str] = &[
    "comment", "comments", "commentaire", "commentaires", "share", "sharing", "partage", "social", "socials", "related",
    "lire", "aussi", "voir", "caption", "legende", "legend", "credit", "credits", "promo", "pub", "publicite", "advert",
    "advertisement", "ad", "ads", "adsense", "sponsor", "sponsored", "newsletter", "breadcrumb", "breadcrumbs", "nav",
    "navbar", "navigation", "menu", "footer", "sidebar", "widget", "widgets", "tags", "tag", "author", "byline", "date",
    "dateline", "meta", "embed", "video", "player", "outbrain", "taboola", "popup", "modal", "cookie", "cookies",
    "consent", "subscribe", "subscription", "paywall", "print", "toolbar", "pagination", "pager", "lightbox", "signature",
    "hidden", "sr", "skip", "masthead", "banner", "rating", "reaction", "reactions", "recommended", "recirculation",
    "most", "popular", "trending", "teaser", "teasers", "pip", "photo", "image", "img", "figure", "gallery", "slideshow",
];
const POS_WORDS: &[&str] = &[
    "article", "articlebody", "body", "content", "contenu", "entry", "main", "post", "story", "text", "texte", "corps", "chapo",
];
/// Substrings that mark chrome even when glued into one class word ("lireaussi", "sharebar").
const NEG_SUBSTR: &[&str] = &[
    "comment", "share", "social", "related", "outbrain", "taboola", "advert", "sponsor", "newsletter", "breadcrumb",
    "cookie", "lireaussi", "voiraussi", "readmore", "caption", "promo", "paywall",
];

fn classify(tag: &str, attrs: &Attrs) -> (bool, bool) {
    let mut neg = NEG_TAGS.contains(&tag);
    let mut pos = tag == "article" || tag == "main";
    if attrs.hidden || attrs.role.as_deref().is_some_and(|r| matches!(r, "navigation" | "complementary" | "banner" | "contentinfo" | "dialog" | "alert" | "menu")) {
        neg = true;
    }
    for a in [&attrs.class, &attrs.id] {
        let Some(a) = a else { continue };
        let low = a.to_ascii_lowercase();
        for w in low.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            if NEG_WORDS.contains(&w) || NEG_SUBSTR.iter().any(|s| w.contains(s)) {
                neg = true;
            }
            if POS_WORDS.contains(&w) {
                pos = true;
            }
        }
    }
    (neg, pos)
}

#[derive(Default)]
struct Attrs {
    class: Option<String>,
    id: Option<String>,
    itemprop: Option<String>,
    property: Option<String>,
    name: Option<String>,
    content: Option<String>,
    datetime: Option<String>,
    lang: Option<String>,
    typ: Option<String>,
    role: Option<String>,
    rel: Option<String>,
    href: Option<String>,
    hidden: bool,
    pubdate: bool,
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(from);
    }
    let first = needle[0].to_ascii_lowercase();
    let upper = first.to_ascii_uppercase();
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let j = memchr::memchr2(first, upper, &hay[i..hay.len() - needle.len() + 1])? + i;
        if hay[j..j + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(j);
        }
        i = j + 1;
    }
    None
}

/// Parse attributes from `s[i..]` up to the tag's `>`; returns (attrs, index after '>', self-closing).
fn parse_attrs(s: &str, mut i: usize) -> (Attrs, usize, bool) {
    let b = s.as_bytes();
    let mut a = Attrs::default();
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            if b[i] == b'/' {
                self_closing = true;
            }
            i += 1;
        }
        if i >= b.len() {
            return (a, i, self_closing);
        }
        if b[i] == b'>' {
            return (a, i + 1, self_closing);
        }
        self_closing = false;
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = s[ns..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = None;
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = memchr::memchr(q, &b[vs..]).map(|p| vs + p).unwrap_or(b.len());
                value = Some(&s[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = Some(&s[vs..i]);
            }
        }
        let v = || value.map(|v| decode_entities(v).trim().to_string());
        match name.as_str() {
            "class" => a.class = v(),
            "id" => a.id = v(),
            "itemprop" => a.itemprop = v(),
            "property" => a.property = v(),
            "name" => a.name = v(),
            "content" => a.content = v(),
            "datetime" => a.datetime = v(),
            "lang" | "xml:lang" => a.lang = v(),
            "type" => a.typ = v(),
            "role" => a.role = v(),
            "rel" => a.rel = v(),
            "href" => a.href = v(),
            "hidden" => a.hidden = true,
            "aria-hidden" => a.hidden |= value.is_some_and(|v| v.trim() == "true"),
            "style" => {
                let st = value.unwrap_or("").to_ascii_lowercase().replace(' ', "");
                a.hidden |= st.contains("display:none") || st.contains("visibility:hidden");
            }
            "pubdate" => a.pubdate = true,
            _ => {}
        }
    }
}

fn parse(page: &str) -> Dom {
    let b = page.as_bytes();
    let mut dom = Dom {
        elems: vec![Elem { tag: "#root".into(), parent: 0, children: vec![], negative: false, positive: false, article_body: false }],
        meta: HashMap::new(),
        times: vec![],
        jsonld: vec![],
        title: None,
        lang: None,
        canonical: None,
    };
    let mut stack: Vec<usize> = vec![0];
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        let Some(lt) = memchr::memchr(b'<', &b[i..]).map(|p| p + i) else { break };
        let next = b.get(lt + 1).copied().unwrap_or(0);
        let is_markup = next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?';
        if !is_markup {
            i = lt + 1;
            continue;
        }
        let top = *stack.last().unwrap();
        if lt > text_start {
            dom.elems[top].children.push(Node::Text(text_start, lt));
        }
        if b[lt..].starts_with(b"<!--") {
            i = find_ci(b, lt + 4, b"-->").map(|p| p + 3).unwrap_or(b.len());
            text_start = i;
            continue;
        }
        if next == b'!' || next == b'?' {
            i = memchr::memchr(b'>', &b[lt..]).map(|p| lt + p + 1).unwrap_or(b.len());
            text_start = i;
            continue;
        }
        let closing = next == b'/';
        let ns = lt + 1 + closing as usize;
        let mut ne = ns;
        while ne < b.len() && (b[ne].is_ascii_alphanumeric() || b[ne] == b'-' || b[ne] == b':') {
            ne += 1;
        }
        let tag = page[ns..ne].to_ascii_lowercase();
        let (attrs, after, self_closing) = parse_attrs(page, ne);
        i = after;
        text_start = after;
        if tag.is_empty() {
            continue;
        }
        if closing {
            if tag == "br" {
                dom.elems[top].children.push(Node::Break);
                continue;
            }
            if let Some(pos) = stack.iter().rposition(|&e| *dom.elems[e].tag == *tag) {
                if pos > 0 {
                    stack.truncate(pos);
                }
            }
            continue;
        }
        // metadata
        match tag.as_str() {
            "meta" => {
                if let Some(c) = &attrs.content {
                    for k in [&attrs.property, &attrs.name, &attrs.itemprop].into_iter().flatten() {
                        dom.meta.entry(k.to_ascii_lowercase()).or_insert_with(|| c.clone());
                    }
                }
            }
            "link" => {
                if attrs.rel.as_deref().is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                    dom.canonical = attrs.href.clone();
                }
            }
            "html" => dom.lang = attrs.lang.clone(),
            "time" => {
                if let Some(d) = &attrs.datetime {
                    let strong = attrs.pubdate || attrs.itemprop.as_deref().is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                    dom.times.push((d.clone(), strong));
                }
            }
            _ => {}
        }
        if RAW.contains(&tag.as_str()) && !self_closing {
            let mut close = String::from("</");
            close.push_str(&tag);
            let end = find_ci(b, after, close.as_bytes()).unwrap_or(b.len());
            let inner = &page[after..end];
            if tag == "title" && dom.title.is_none() {
                dom.title = Some(collapse(&decode_entities(inner)));
            }
            if tag == "script" && attrs.typ.as_deref().is_some_and(|t| t.contains("ld+json")) {
                dom.jsonld.push(inner.to_string());
            }
            i = memchr::memchr(b'>', &b[end..]).map(|p| end + p + 1).unwrap_or(b.len());
            text_start = i;
            continue;
        }
        if tag == "br" {
            dom.elems[top].children.push(Node::Break);
            continue;
        }
        if VOID.contains(&tag.as_str()) {
            if tag == "hr" {
                dom.elems[top].children.push(Node::Break);
            }
            continue;
        }
        let is_block = BLOCK.contains(&tag.as_str());
        // implied end tags: a block closes an open <p>; <li> closes the previous <li>
        if is_block {
            let closes: &[&str] = if tag == "li" { &["li"] } else if matches!(tag.as_str(), "dt" | "dd") { &["dt", "dd"] } else { &["p"] };
            let barrier: &[&str] = &["div", "section", "article", "td", "th", "ul", "ol", "table", "body", "blockquote", "main", "dl"];
            for pos in (1..stack.len()).rev() {
                let t = &*dom.elems[stack[pos]].tag;
                if closes.contains(&t) {
                    stack.truncate(pos);
                    break;
                }
                if barrier.contains(&t) {
                    break;
                }
            }
        }
        let parent = *stack.last().unwrap();
        let (negative, positive) = classify(&tag, &attrs);
        let article_body = attrs.itemprop.as_deref().is_some_and(|p| p.split_whitespace().any(|w| w.eq_ignore_ascii_case("articleBody")));
        let id = dom.elems.len();
        dom.elems.push(Elem { tag: tag.into(), parent, children: vec![], negative, positive, article_body });
        dom.elems[parent].children.push(Node::Elem(id));
        if !self_closing {
            stack.push(id);
        }
    }
    if text_start < b.len() {
        let top = *stack.last().unwrap();
        dom.elems[top].children.push(Node::Text(text_start, b.len()));
    }
    dom
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Named entities common in news pages (the rest pass through as written).
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "sbquo" => '‚',
        "bdquo" => '„',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "shy" => '\u{ad}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "iexcl" => '¡',
        "iquest" => '¿',
        "sect" => '§',
        "para" => '¶',
        "ordf" => 'ª',
        "ordm" => 'º',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "szlig" => 'ß',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        _ => return latin_letter(name),
    })
}

/// `eacute`, `Agrave`, `ccedil`… composed from base letter and accent name.
fn latin_letter(name: &str) -> Option<char> {
    let (base, acc) = name.split_at(1);
    let base = base.chars().next()?;
    let table: &[(&str, &str, &str)] = &[
        ("acute", "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
        ("grave", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ("circ", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ("uml", "aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"),
        ("tilde", "anoANO", "ãñõÃÑÕ"),
        ("cedil", "cC", "çÇ"),
        ("ring", "aA", "åÅ"),
        ("slash", "oO", "øØ"),
    ];
    for (a, bases, out) in table {
        if *a == acc {
            let i = bases.chars().position(|c| c == base)?;
            return out.chars().nth(i);
        }
    }
    None
}

/// Decode one entity at the start of `s` (which begins with '&'): (char, bytes consumed).
fn entity_at(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let end = b.iter().take(34).position(|&c| c == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = if let Some(h) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(h, 16).ok()?
        } else {
            num.parse().ok()?
        };
        // Windows-1252 code points pages often write as &#146; and friends
        let n = match n {
            128 => 0x20ac,
            130 => 0x201a,
            132 => 0x201e,
            133 => 0x2026,
            145 => 0x2018,
            146 => 0x2019,
            147 => 0x201c,
            148 => 0x201d,
            150 => 0x2013,
            151 => 0x2014,
            156 => 0x153,
            n => n,
        };
        char::from_u32(n).filter(|c| *c != '\0')?
    } else {
        named_entity(body)?
    };
    Some((c, end + 1))
}

/// Decode entities in an attribute or title.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(p) = s[i..].find('&') {
        out.push_str(&s[i..i + p]);
        let at = i + p;
        match entity_at(&s[at..]) {
            Some((c, n)) => {
                out.push(c);
                i = at + n;
            }
            None => {
                out.push('&');
                i = at + 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

/// Builds paragraphs with their source map.
struct Builder<'a> {
    page: &'a str,
    out: String,
    map: Vec<(usize, usize)>,
    cur: String,
    cur_map: Vec<(usize, usize)>,
    /// source position the next char must have to continue the current run
    next_src: Option<usize>,
    pending_space: Option<usize>,
    link_depth: usize,
    link_chars: usize,
    chars: usize,
}

impl<'a> Builder<'a> {
    fn push_char(&mut self, c: char, src: usize, src_len: usize) {
        if let Some(sp) = self.pending_space.take() {
            if !self.cur.is_empty() {
                self.cur_map.push((self.cur.len(), sp));
                self.cur.push(' ');
                self.next_src = None;
            }
        }
        if self.next_src != Some(src) {
            self.cur_map.push((self.cur.len(), src));
        }
        self.cur.push(c);
        // an entity is several source bytes for one char: the next char starts a new run
        self.next_src = if src_len == c.len_utf8() { Some(src + src_len) } else { None };
        self.chars += 1;
        if self.link_depth > 0 {
            self.link_chars += 1;
        }
    }

    fn text(&mut self, start: usize, end: usize) {
        let s = &self.page[start..end];
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_ascii_whitespace() {
                if self.pending_space.is_none() {
                    self.pending_space = Some(start + i);
                }
                continue;
            }
            if c == '&' {
                if let Some((d, n)) = entity_at(&s[i..]) {
                    for _ in 1..n {
                        it.next();
                    }
                    if d == '\u{ad}' || d == '\u{200b}' {
                        continue; // soft hyphen / zero-width space: invisible
                    }
                    self.push_char(d, start + i, n);
                    continue;
                }
            }
            self.push_char(c, start + i, c.len_utf8());
        }
    }

    fn flush(&mut self, keep: bool) {
        let text = std::mem::take(&mut self.cur);
        let map = std::mem::take(&mut self.cur_map);
        let (chars, links) = (self.chars, self.link_chars);
        self.chars = 0;
        self.link_chars = 0;
        self.pending_space = None;
        self.next_src = None;
        if !keep || text.trim().is_empty() {
            return;
        }
        // link-dominated lines are menus and related-article lists
        if links * 2 > chars {
            return;
        }
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        let base = self.out.len();
        self.out.push_str(&text);
        self.map.extend(map.into_iter().map(|(t, o)| (t + base, o)));
    }
}

fn text_len(dom: &Dom, page: &str, e: usize, memo: &mut Vec<Option<usize>>) -> usize {
    if let Some(v) = memo[e] {
        return v;
    }
    let mut n = 0;
    for ch in &dom.elems[e].children {
        match ch {
            Node::Text(s, t) => n += page[*s..*t].trim().len(),
            Node::Elem(c) => n += text_len(dom, page, *c, memo),
            Node::Break => {}
        }
    }
    memo[e] = Some(n);
    n
}

fn walk(dom: &Dom, e: usize, b: &mut Builder, total: usize, memo: &mut Vec<Option<usize>>, root: bool) {
    let el = &dom.elems[e];
    if !root && el.negative {
        // a "negative" container that holds most of the article is a misnomer: keep it
        let len = text_len(dom, b.page, e, memo);
        if len * 2 < total {
            return;
        }
    }
    let block = BLOCK.contains(&&*el.tag);
    let is_link = &*el.tag == "a";
    if block {
        b.flush(true);
    }
    if is_link {
        b.link_depth += 1;
    }
    for ch in &el.children {
        match ch {
            Node::Text(s, t) => b.text(*s, *t),
            Node::Elem(c) => walk(dom, *c, b, total, memo, false),
            Node::Break => b.flush(true),
        }
    }
    if is_link {
        b.link_depth -= 1;
    } else if !block {
        // inline element boundaries are not spaces, but keep words of adjacent cells apart
    }
    if block {
        b.flush(true);
    }
}

/// Readability-style choice of the article container.
fn choose_root(dom: &Dom, page: &str, memo: &mut Vec<Option<usize>>) -> usize {
    // 1. schema.org articleBody, the one with most text
    let bodies: Vec<usize> = (0..dom.elems.len()).filter(|&e| dom.elems[e].article_body).collect();
    if let Some(&best) = bodies.iter().max_by_key(|&&e| text_len(dom, page, e, memo)) {
        if text_len(dom, page, best, memo) > 200 {
            return best;
        }
    }
    // 2. score paragraphs into their ancestors
    let mut score = vec![0f64; dom.elems.len()];
    for e in 1..dom.elems.len() {
        let el = &dom.elems[e];
        if !matches!(&*el.tag, "p" | "pre" | "td" | "blockquote") && !(&*el.tag == "div" && has_direct_text(dom, page, e)) {
            continue;
        }
        let txt = direct_text(dom, page, e);
        let len = txt.chars().count();
        if len < 25 {
            continue;
        }
        let s = 1.0 + txt.matches([',', '،']).count() as f64 + (len as f64 / 100.0).min(3.0);
        let mut a = el.parent;
        for div in [1.0, 2.0, 3.0] {
            if a == 0 {
                break;
            }
            score[a] += s / div;
            a = dom.elems[a].parent;
        }
    }
    let mut best = (0usize, 0f64);
    for e in 1..dom.elems.len() {
        if score[e] <= 0.0 {
            continue;
        }
        let el = &dom.elems[e];
        let mut s = score[e];
        if el.positive {
            s += 25.0;
        }
        if el.negative {
            s -= 25.0;
        }
        s *= 1.0 - link_density(dom, page, e);
        if s > best.1 {
            best = (e, s);
        }
    }
    if best.0 == 0 {
        // no paragraphs: the body (or everything)
        return (0..dom.elems.len()).find(|&e| &*dom.elems[e].tag == "body").unwrap_or(0);
    }
    best.0
}

fn has_direct_text(dom: &Dom, page: &str, e: usize) -> bool {
    dom.elems[e].children.iter().any(|c| matches!(c, Node::Text(s, t) if page[*s..*t].trim().len() >= 25))
}

/// Text of `e` including inline descendants (not nested blocks).
fn direct_text(dom: &Dom, page: &str, e: usize) -> String {
    let mut s = String::new();
    fn rec(dom: &Dom, page: &str, e: usize, s: &mut String) {
        for c in &dom.elems[e].children {
            match c {
                Node::Text(a, b) => s.push_str(&page[*a..*b]),
                Node::Elem(c) if !BLOCK.contains(&&*dom.elems[*c].tag) => rec(dom, page, *c, s),
                _ => {}
            }
        }
    }
    rec(dom, page, e, &mut s);
    s
}

fn link_density(dom: &Dom, page: &str, e: usize) -> f64 {
    fn rec(dom: &Dom, page: &str, e: usize, in_a: bool, tot: &mut usize, lk: &mut usize) {
        let a = in_a || &*dom.elems[e].tag == "a";
        for c in &dom.elems[e].children {
            match c {
                Node::Text(s, t) => {
                    let n = page[*s..*t].trim().len();
                    *tot += n;
                    if a {
                        *lk += n;
                    }
                }
                Node::Elem(c) => rec(dom, page, *c, a, tot, lk),
                Node::Break => {}
            }
        }
    }
    let (mut t, mut l) = (0, 0);
    rec(dom, page, e, false, &mut t, &mut l);
    if t == 0 {
        0.0
    } else {
        l as f64 / t as f64
    }
}

const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "article.published",
    "og:published_time",
];

fn published(dom: &Dom) -> Option<DateEstimate> {
    let mk = |raw: &str, what: String| {
        crate::date::normalize_date(raw).map(|v| DateEstimate {
            earliest: Some(v[..10].to_string()),
            latest: Some(v[..10].to_string()),
            value: Some(v),
            source: "html".into(),
            evidence: vec![format!("{what} = {raw}")],
        })
    };
    for k in DATE_KEYS {
        if let Some(v) = dom.meta.get(*k) {
            if let Some(d) = mk(v, format!("meta {k}")) {
                return Some(d);
            }
        }
    }
    for j in &dom.jsonld {
        if let Some(p) = j.find("\"datePublished\"") {
            let rest = &j[p + 15..];
            let rest = rest.trim_start().trim_start_matches(':').trim_start();
            if let Some(r) = rest.strip_prefix('"') {
                if let Some(e) = r.find('"') {
                    if let Some(d) = mk(&r[..e], "JSON-LD datePublished".into()) {
                        return Some(d);
                    }
                }
            }
        }
    }
    let t = dom.times.iter().find(|(_, strong)| *strong).or(dom.times.first())?;
    mk(&t.0, "<time datetime>".into())
}

/// Extract the article from an HTML page.
pub fn extract(page: &str) -> HtmlExtract {
    let dom = parse(page);
    let mut memo = vec![None; dom.elems.len()];
    let root = choose_root(&dom, page, &mut memo);
    let total = text_len(&dom, page, root, &mut memo);
    let mut b = Builder {
        page,
        out: String::new(),
        map: vec![],
        cur: String::new(),
        cur_map: vec![],
        next_src: None,
        pending_space: None,
        link_depth: 0,
        link_chars: 0,
        chars: 0,
    };
    walk(&dom, root, &mut b, total, &mut memo, true);
    b.flush(true);
    let meta = |k: &str| dom.meta.get(k).map(|s| collapse(s)).filter(|s| !s.is_empty());
    let title = meta("og:title").or_else(|| meta("twitter:title")).or_else(|| dom.title.clone().filter(|t| !t.is_empty()));
    HtmlExtract {
        text: b.out,
        source_map: b.map,
        title,
        published: published(&dom),
        lang: dom.lang.as_ref().and_then(|l| l.split(['-', '_']).next()).map(|l| l.to_ascii_lowercase()).filter(|l| !l.is_empty()),
        url: meta("og:url").or(dom.canonical.clone()),
        site_name: meta("og:site_name"),
        section: meta("article:section"),
        description: meta("og:description").or_else(|| meta("description")),
        author: meta("author").or_else(|| meta("article:author")),
    }
}

/// Map a byte offset of extracted text back to the page, using a source map.
pub fn to_source(source_map: &[(usize, usize)], text_byte: usize) -> Option<usize> {
    let i = source_map.partition_point(|&(t, _)| t <= text_byte);
    let (t, o) = *source_map.get(i.checked_sub(1)?)?;
    Some(o + (text_byte - t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_paragraphs_with_source_map() {
        let page = r##"<html lang="fr-FR"><head><title>T</title>
<meta property="article:published_time" content="2020-05-20T03:30:50+02:00">
<meta property="og:title" content="Le titre &amp; la suite"></head><body>
<nav><a href="/">Accueil</a> <a href="/x">Monde</a></nav>
<div class="article-content"><p class="date">publié le 20 mai</p>
<p>Le Brésil a dépassé mardi le cap des 1.000&nbsp;morts, selon l'OMS, ce qui inquiète.</p>
<p>Deuxième   paragraphe, avec <b>du gras</b> et <a href="#">un lien</a>, ici.<p>Troisième paragraphe sans fin
<figure><img src="x.jpg"><figcaption>Une légende (Photo: AFP)</figcaption></figure>
<div class="share">Partager</div></div>
<script>var x = "<p>pas du texte</p>";</script>
<footer>© Orange</footer></body></html>"##;
        let x = extract(page);
        let lines: Vec<&str> = x.text.lines().collect();
        assert_eq!(lines.len(), 3, "{:?}", x.text);
        assert!(lines[0].starts_with("Le Brésil a dépassé mardi le cap des 1.000\u{a0}morts"));
        assert_eq!(lines[1], "Deuxième paragraphe, avec du gras et un lien, ici.");
        assert_eq!(lines[2], "Troisième paragraphe sans fin");
        assert_eq!(x.title.as_deref(), Some("Le titre & la suite"));
        assert_eq!(x.lang.as_deref(), Some("fr"));
        assert_eq!(x.published.unwrap().value.as_deref(), Some("2020-05-20T03:30"));
        // every non-space text byte maps back to the same character in the page
        for (tb, c) in x.text.char_indices() {
            if c == '\n' || c == ' ' || c == '\u{a0}' {
                continue;
            }
            let ob = to_source(&x.source_map, tb).unwrap();
            assert!(page[ob..].starts_with(c), "byte {tb} {c:?} -> {ob}");
        }
    }
}

/// Bag-of-words F1 between two texts: lowercase alphanumeric runs, counted with multiplicity
/// (so paragraph gluing and punctuation do not matter). Used to score extraction.
pub fn bow_f1(pred: &str, gold: &str) -> f64 {
    fn bag(s: &str) -> HashMap<String, usize> {
        let mut m = HashMap::new();
        for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            *m.entry(w.to_lowercase()).or_insert(0) += 1;
        }
        m
    }
    let (p, g) = (bag(pred), bag(gold));
    let (np, ng): (usize, usize) = (p.values().sum(), g.values().sum());
    if np == 0 || ng == 0 {
        return if np == ng { 1.0 } else { 0.0 };
    }
    let tp: usize = p.iter().map(|(w, c)| (*c).min(*g.get(w).unwrap_or(&0))).sum();
    let (pr, rc) = (tp as f64 / np as f64, tp as f64 / ng as f64);
    if tp == 0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    }
}
