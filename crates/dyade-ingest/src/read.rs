//! Streaming readers: text files, folders, HTML pages, JSON Lines, standard input.
//!
//! [`read_inputs`] returns an iterator that opens one input at a time and reads JSON Lines one
//! line at a time, so memory does not grow with corpus size. Each bad file or line is yielded
//! as an [`IngestError`] and reading goes on with the next one.

use crate::charset;
use crate::date::normalize_date;
use crate::error::{ErrorKind, IngestError};
use crate::html;
use dyade_core::{DateEstimate, Document};
use serde_json::{Map, Value};
use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Fields that may carry the article text in a JSON object, in order of preference.
pub const TEXT_FIELDS: [&str; 4] = ["article", "text", "content", "body"];

/// Options for [`read_inputs`].
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Largest article accepted, in bytes (a text/HTML file, or one JSON line). Default 64 MiB.
    pub max_bytes: u64,
    /// An explicit metadata sidecar (JSON Lines with `doc`, `dct`, `lang`, `source`, `url`,
    /// `title`). When `None`, a `meta.jsonl` next to each input file is used if present.
    pub sidecar: Option<PathBuf>,
    /// Look for `meta.jsonl` beside inputs when no explicit sidecar is given. Default true.
    pub auto_sidecar: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_bytes: 64 << 20, sidecar: None, auto_sidecar: true }
    }
}

/// One sidecar record: metadata a crawler would give for a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SidecarMeta {
    /// Document creation time (publication date).
    pub dct: Option<String>,
    /// Language code.
    pub lang: Option<String>,
    /// Outlet name.
    pub source: Option<String>,
    /// Article URL.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
}

type Sidecar = Arc<HashMap<String, SidecarMeta>>;

/// Load a sidecar file (`doc` → metadata). Bad lines are skipped: the sidecar is advisory.
pub fn load_sidecar(path: &Path) -> Result<HashMap<String, SidecarMeta>, IngestError> {
    let f = File::open(path).map_err(|e| IngestError::new(path, ErrorKind::Unreadable(e.to_string())))?;
    let mut out = HashMap::new();
    for line in BufReader::new(f).lines() {
        let Ok(line) = line else { continue };
        let Ok(Value::Object(o)) = serde_json::from_str::<Value>(line.trim_start_matches('\u{feff}')) else {
            continue;
        };
        let Some(doc) = o.get("doc").and_then(scalar_string) else { continue };
        let s = |k: &str| o.get(k).and_then(scalar_string);
        out.insert(doc, SidecarMeta { dct: s("dct"), lang: s("lang"), source: s("source"), url: s("url"), title: s("title") });
    }
    Ok(out)
}

fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What an input file is, from its extension (or sniffed content when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Jsonl,
    /// `.json`: one object (possibly pretty-printed), an array of objects, or one per line.
    Json,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => Kind::Text,
        "html" | "htm" | "xhtml" => Kind::Html,
        "jsonl" | "ndjson" => Kind::Jsonl,
        "json" => Kind::Json,
        _ => return None,
    })
}

/// Read every input in `paths` (files, folders, or `-` for standard input), in order.
///
/// Folders are walked recursively in sorted order; inside folders only `.txt`, `.html`,
/// `.htm`, `.json`, `.jsonl` files are read (and `meta.jsonl` is a sidecar, not input).
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions) -> Reader {
    Reader::new(paths, opts.clone())
}

struct JsonlState {
    reader: Box<dyn BufRead + Send>,
    path: PathBuf,
    stem: String,
    line: u64,
    offset: u64,
    sidecar: Option<Sidecar>,
}

/// The streaming iterator behind [`read_inputs`].
pub struct Reader {
    queue: VecDeque<(PathBuf, bool)>,
    opts: ReadOptions,
    jsonl: Option<JsonlState>,
    pending: VecDeque<Result<Document, IngestError>>,
    sidecars: HashMap<PathBuf, Option<Sidecar>>,
    explicit_sidecar: Option<Result<Sidecar, IngestError>>,
    buf: Vec<u8>,
}

impl Reader {
    /// A reader over `paths`.
    pub fn new(paths: &[PathBuf], opts: ReadOptions) -> Self {
        let explicit_sidecar = opts.sidecar.as_ref().map(|p| load_sidecar(p).map(Arc::new));
        Reader {
            queue: paths.iter().map(|p| (p.clone(), true)).collect(),
            opts,
            jsonl: None,
            pending: VecDeque::new(),
            sidecars: HashMap::new(),
            explicit_sidecar,
            buf: Vec::new(),
        }
    }

    fn sidecar_for(&mut self, path: &Path) -> Option<Sidecar> {
        if let Some(s) = &self.explicit_sidecar {
            return s.as_ref().ok().cloned();
        }
        if !self.opts.auto_sidecar {
            return None;
        }
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        self.sidecars
            .entry(dir.clone())
            .or_insert_with(|| {
                let p = dir.join("meta.jsonl");
                p.is_file().then(|| load_sidecar(&p).ok().map(Arc::new)).flatten()
            })
            .clone()
    }

    /// Open one queued path; returns a document or error to yield, or None when it set up
    /// a JSONL stream or expanded a folder.
    fn open(&mut self, path: PathBuf, explicit: bool) -> Option<Result<Document, IngestError>> {
        if path.as_os_str() == "-" {
            return self.open_stdin();
        }
        let md = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(Err(IngestError::new(&path, ErrorKind::Unreadable(e.to_string())))),
        };
        if md.is_dir() {
            match list_dir(&path) {
                Ok(entries) => {
                    for e in entries.into_iter().rev() {
                        self.queue.push_front((e, false));
                    }
                    None
                }
                Err(e) => Some(Err(IngestError::new(&path, ErrorKind::Unreadable(e.to_string())))),
            }
        } else {
            let kind = match kind_of(&path) {
                Some(k) => k,
                None if explicit => Kind::Text, // sniffed below for HTML / JSON
                None => return None,
            };
            let sidecar = self.sidecar_for(&path);
            match kind {
                Kind::Jsonl => self.start_jsonl(path, sidecar),
                Kind::Json => self.open_json(path, md.len(), sidecar),
                Kind::Text | Kind::Html => Some(self.read_whole(&path, md.len(), kind, sidecar.as_deref())),
            }
        }
    }

    fn read_whole(&self, path: &Path, len: u64, kind: Kind, sidecar: Option<&HashMap<String, SidecarMeta>>) -> Result<Document, IngestError> {
        if len > self.opts.max_bytes {
            return Err(IngestError::new(path, ErrorKind::TooLarge { size: len, limit: self.opts.max_bytes }));
        }
        let bytes = std::fs::read(path).map_err(|e| IngestError::new(path, ErrorKind::Unreadable(e.to_string())))?;
        let maybe_html = kind == Kind::Html || kind_of(path).is_none();
        let (text, charset) = decode_text(&bytes, maybe_html).map_err(|k| IngestError::new(path, k))?;
        let stem = stem_of(path);
        let looks_html = kind == Kind::Html || (kind_of(path).is_none() && sniff_html(&text));
        let mut doc = if looks_html {
            html_document(&stem, &text).ok_or_else(|| IngestError::new(path, ErrorKind::NoHtmlText))?
        } else {
            Document::new(stem.clone(), text.as_ref())
        };
        if let Some(c) = charset {
            doc.meta.extra.insert("decoded_from".into(), c.name().into());
        }
        doc.meta.origin = path.display().to_string();
        if let Some(m) = sidecar.and_then(|s| s.get(&stem)) {
            apply_sidecar(&mut doc, m);
        }
        finish(&mut doc);
        Ok(doc)
    }

    fn start_jsonl(&mut self, path: PathBuf, sidecar: Option<Sidecar>) -> Option<Result<Document, IngestError>> {
        let f = match File::open(&path) {
            Ok(f) => f,
            Err(e) => return Some(Err(IngestError::new(&path, ErrorKind::Unreadable(e.to_string())))),
        };
        let mut reader = BufReader::with_capacity(1 << 16, f);
        // A binary file with a .jsonl name would otherwise give one error per "line".
        if let Ok(head) = reader.fill_buf() {
            if let Some(p) = memchr::memchr(0, head) {
                return Some(Err(IngestError::new(&path, ErrorKind::Binary { offset: p as u64 })));
            }
            if head.is_empty() {
                return Some(Err(IngestError::new(&path, ErrorKind::Empty)));
            }
        }
        let stem = stem_of(&path);
        self.jsonl = Some(JsonlState { reader: Box::new(reader), path, stem, line: 0, offset: 0, sidecar });
        None
    }

    /// `.json`: JSON Lines when the first line is a complete value, else one document
    /// (object) or several (array) from the whole file.
    fn open_json(&mut self, path: PathBuf, len: u64, sidecar: Option<Sidecar>) -> Option<Result<Document, IngestError>> {
        let first_line_complete = (|| -> io::Result<bool> {
            let mut r = BufReader::new(File::open(&path)?);
            let mut line = Vec::new();
            (&mut r).take(self.opts.max_bytes).read_until(b'\n', &mut line)?;
            let line = String::from_utf8_lossy(&line);
            let t = line.trim().trim_start_matches('\u{feff}');
            Ok(!t.is_empty() && serde_json::from_str::<Value>(t).is_ok())
        })();
        match first_line_complete {
            Err(e) => return Some(Err(IngestError::new(&path, ErrorKind::Unreadable(e.to_string())))),
            Ok(true) => return self.start_jsonl(path, sidecar),
            Ok(false) => {}
        }
        if len > self.opts.max_bytes {
            return Some(Err(IngestError::new(&path, ErrorKind::TooLarge { size: len, limit: self.opts.max_bytes })));
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => return Some(Err(IngestError::new(&path, ErrorKind::Unreadable(e.to_string())))),
        };
        let text = match check_text(&bytes) {
            Ok(t) => t,
            Err(k) => return Some(Err(IngestError::new(&path, k))),
        };
        let stem = stem_of(&path);
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                return Some(Err(IngestError::at_line(&path, e.line() as u64, ErrorKind::MalformedJson(e.to_string()))))
            }
        };
        let sc = sidecar.as_deref();
        match value {
            Value::Object(o) => {
                let origin = path.display().to_string();
                Some(json_document(o, &stem, None, &origin, sc).map_err(|k| IngestError::new(&path, k)))
            }
            Value::Array(items) => {
                for (i, item) in items.into_iter().enumerate() {
                    let origin = format!("{}#{}", path.display(), i + 1);
                    let r = match item {
                        Value::Object(o) => json_document(o, &stem, Some(i as u64 + 1), &origin, sc),
                        other => Err(ErrorKind::NotAnObject(value_kind(&other))),
                    };
                    self.pending.push_back(r.map_err(|k| IngestError::new(&origin, k)));
                }
                None
            }
            other => Some(Err(IngestError::new(&path, ErrorKind::NotAnObject(value_kind(&other))))),
        }
    }

    fn open_stdin(&mut self) -> Option<Result<Document, IngestError>> {
        let mut r = BufReader::with_capacity(1 << 16, io::stdin());
        let first = match r.fill_buf() {
            Ok(b) => {
                let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
                b.iter().find(|c| !c.is_ascii_whitespace()).copied()
            }
            Err(e) => return Some(Err(IngestError::new("-", ErrorKind::Unreadable(e.to_string())))),
        };
        if first == Some(b'{') {
            let sidecar = self.explicit_sidecar.as_ref().and_then(|s| s.as_ref().ok().cloned());
            self.jsonl = Some(JsonlState { reader: Box::new(r), path: "-".into(), stem: "stdin".into(), line: 0, offset: 0, sidecar });
            return None;
        }
        let mut bytes = Vec::new();
        if let Err(e) = (&mut r).take(self.opts.max_bytes + 1).read_to_end(&mut bytes) {
            return Some(Err(IngestError::new("-", ErrorKind::Unreadable(e.to_string()))));
        }
        if bytes.len() as u64 > self.opts.max_bytes {
            return Some(Err(IngestError::new("-", ErrorKind::TooLarge { size: bytes.len() as u64, limit: self.opts.max_bytes })));
        }
        let (text, charset) = match decode_text(&bytes, true) {
            Ok(t) => t,
            Err(k) => return Some(Err(IngestError::new("-", k))),
        };
        let mut doc = if sniff_html(&text) {
            match html_document("stdin", &text) {
                Some(d) => d,
                None => return Some(Err(IngestError::new("-", ErrorKind::NoHtmlText))),
            }
        } else {
            Document::new("stdin", text.as_ref())
        };
        if let Some(c) = charset {
            doc.meta.extra.insert("decoded_from".into(), c.name().into());
        }
        doc.meta.origin = "-".into();
        finish(&mut doc);
        Some(Ok(doc))
    }

    /// Next line of the current JSONL stream: Some(result) for a line, None at end of stream.
    fn next_jsonl(&mut self) -> Option<Result<Document, IngestError>> {
        let limit = self.opts.max_bytes;
        loop {
            let st = self.jsonl.as_mut()?;
            self.buf.clear();
            let (len, truncated) = match read_line_limited(&mut st.reader, &mut self.buf, limit as usize) {
                Ok(Some(x)) => x,
                Ok(None) => {
                    self.jsonl = None;
                    return None;
                }
                Err(e) => {
                    let err = IngestError::at_line(&st.path, st.line + 1, ErrorKind::Unreadable(e.to_string()));
                    self.jsonl = None;
                    return Some(Err(err));
                }
            };
            st.line += 1;
            let line_no = st.line;
            let line_offset = st.offset;
            st.offset += len as u64;
            if truncated {
                return Some(Err(IngestError::at_line(&st.path, line_no, ErrorKind::TooLarge { size: len as u64, limit })));
            }
            let mut bytes: &[u8] = &self.buf;
            if line_no == 1 {
                bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            }
            let line = match std::str::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => {
                    let off = line_offset + (self.buf.len() - bytes.len()) as u64 + e.valid_up_to() as u64;
                    return Some(Err(IngestError::at_line(&st.path, line_no, ErrorKind::InvalidUtf8 { offset: off })));
                }
            };
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let origin = format!("{}:{}", st.path.display(), line_no);
            let r = match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(o)) => json_document(o, &st.stem, Some(line_no), &origin, st.sidecar.as_deref()),
                Ok(Value::Array(items)) if items.iter().any(Value::is_object) => {
                    // a whole JSON array on one line: one document per object
                    for (i, item) in items.into_iter().enumerate() {
                        let origin = format!("{origin}#{}", i + 1);
                        let r = match item {
                            Value::Object(o) => json_document(o, &format!("{}:{line_no}", st.stem), Some(i as u64 + 1), &origin, st.sidecar.as_deref()),
                            other => Err(ErrorKind::NotAnObject(value_kind(&other))),
                        };
                        self.pending.push_back(r.map_err(|k| IngestError::at_line(&st.path, line_no, k)));
                    }
                    return self.pending.pop_front();
                }
                Ok(other) => Err(ErrorKind::NotAnObject(value_kind(&other))),
                Err(e) => Err(ErrorKind::MalformedJson(e.to_string())),
            };
            return Some(r.map_err(|k| IngestError::at_line(&st.path, line_no, k)));
        }
    }
}

impl Iterator for Reader {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.pending.pop_front() {
                return Some(r);
            }
            if self.jsonl.is_some() {
                if let Some(r) = self.next_jsonl() {
                    return Some(r);
                }
                continue;
            }
            if let Some(Err(e)) = &self.explicit_sidecar {
                // Report an unreadable explicit sidecar once, then read without it.
                let e = e.clone();
                self.explicit_sidecar = None;
                return Some(Err(e));
            }
            let (path, explicit) = self.queue.pop_front()?;
            if let Some(r) = self.open(path, explicit) {
                return Some(r);
            }
        }
    }
}

/// Read one line into `buf`, keeping at most `limit` bytes of it. Returns the line's full
/// length (newline included) and whether it was cut, or None at end of input.
fn read_line_limited(r: &mut dyn BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<Option<(usize, bool)>> {
    let mut total = 0usize;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(if total == 0 { None } else { Some((total, total > limit)) });
        }
        let (take, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if buf.len() < limit {
            let room = limit - buf.len();
            buf.extend_from_slice(&avail[..take.min(room)]);
        }
        total += take;
        r.consume(take);
        if done {
            return Ok(Some((total, total > limit + 1)));
        }
    }
}

/// List a folder's readable entries (sub-folders and known extensions), sorted by name.
fn list_dir(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "meta.jsonl" {
            continue;
        }
        let p = e.path();
        let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false) || p.is_dir();
        if is_dir || kind_of(&p).is_some() {
            v.push(p);
        }
    }
    v.sort();
    Ok(v)
}

fn stem_of(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

fn value_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Check raw bytes are usable text: not binary, UTF-8, not empty. Strips a UTF-8 BOM.
pub fn check_text(bytes: &[u8]) -> Result<&str, ErrorKind> {
    let bom = if bytes.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
    let bytes = &bytes[bom..];
    if let Some(p) = memchr::memchr(0, bytes) {
        return Err(ErrorKind::Binary { offset: (bom + p) as u64 });
    }
    // Many C0 control characters (other than tab, newlines, form feed) in the head: binary.
    let head = &bytes[..bytes.len().min(8192)];
    let ctrl: Vec<usize> = head
        .iter()
        .enumerate()
        .filter(|(_, &b)| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .map(|(i, _)| i)
        .take(head.len() / 20 + 1)
        .collect();
    if ctrl.len() > head.len() / 20 {
        return Err(ErrorKind::Binary { offset: (bom + ctrl[0]) as u64 });
    }
    let s = std::str::from_utf8(bytes).map_err(|e| ErrorKind::InvalidUtf8 { offset: (bom + e.valid_up_to()) as u64 })?;
    if s.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok(s)
}

/// [`check_text`], except that an HTML page (`maybe_html`: by extension or unknown) that is
/// not UTF-8 but declares a legacy charset in its head is decoded from it; the encoding used is
/// returned. Undeclared non-UTF-8 bytes stay an error: a guess would garble accented words.
pub fn decode_text(bytes: &[u8], maybe_html: bool) -> Result<(std::borrow::Cow<'_, str>, Option<charset::Legacy>), ErrorKind> {
    match check_text(bytes) {
        Ok(s) => Ok((std::borrow::Cow::Borrowed(s), None)),
        Err(ErrorKind::InvalidUtf8 { offset }) => {
            let enc = if maybe_html { charset::declared_charset(bytes) } else { None };
            let Some(enc) = enc else { return Err(ErrorKind::InvalidUtf8 { offset }) };
            let s = enc.decode(bytes);
            if s.trim().is_empty() {
                return Err(ErrorKind::Empty);
            }
            Ok((std::borrow::Cow::Owned(s), Some(enc)))
        }
        Err(k) => Err(k),
    }
}

fn sniff_html(text: &str) -> bool {
    let t = text.trim_start();
    let head: String = t.chars().take(15).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") || head.starts_with("<!--")
}

/// Build a document from an HTML page; None when no text was found.
fn html_document(id: &str, page: &str) -> Option<Document> {
    let x = html::extract(page);
    if x.text.trim().is_empty() {
        return None;
    }
    let mut doc = Document::new(id, x.text);
    doc.source_map = x.source_map;
    doc.meta.title = x.title;
    doc.meta.url = x.url;
    doc.meta.source = x.site_name;
    doc.meta.category = x.section;
    if let Some(l) = x.lang {
        doc.meta.lang = Some(l);
        // a page's declared language is often a site-wide template default
        doc.meta.lang_confidence = Some(0.8);
    }
    doc.meta.published = x.published;
    if let Some(d) = x.description {
        doc.meta.extra.insert("description".into(), Value::String(d));
    }
    if let Some(a) = x.author {
        doc.meta.extra.insert("author".into(), Value::String(a));
    }
    doc.meta.extra.insert("html_bytes".into(), Value::from(page.len()));
    Some(doc)
}

fn apply_sidecar(doc: &mut Document, m: &SidecarMeta) {
    if let Some(d) = &m.dct {
        doc.meta.published = Some(date_from_field(d, "meta", "meta.jsonl dct"));
    }
    if let Some(l) = &m.lang {
        doc.meta.lang = Some(l.clone());
        doc.meta.lang_confidence = Some(1.0);
    }
    if m.source.is_some() {
        doc.meta.source = m.source.clone();
    }
    if m.url.is_some() {
        doc.meta.url = m.url.clone();
    }
    if m.title.is_some() {
        doc.meta.title = m.title.clone();
    }
}

/// A date estimate from a metadata field; unparseable values are kept as evidence only.
fn date_from_field(raw: &str, source: &str, what: &str) -> DateEstimate {
    let v = normalize_date(raw);
    DateEstimate {
        earliest: v.as_ref().map(|s| s[..10].to_string()),
        latest: v.as_ref().map(|s| s[..10].to_string()),
        value: v,
        source: source.into(),
        evidence: vec![format!("{what}: {raw}")],
    }
}

/// Set the content hash (xxh3-64 of the text, 16 hex digits) the store dedups by.
fn finish(doc: &mut Document) {
    let h = xxhash_rust::xxh3::xxh3_64(doc.text.as_bytes());
    doc.meta.extra.insert("content_hash".into(), Value::String(format!("{h:016x}")));
}

/// The content hash [`read_inputs`] records in `meta.extra["content_hash"]`.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// Build a document from one JSON object.
fn json_document(
    mut o: Map<String, Value>,
    stem: &str,
    line: Option<u64>,
    origin: &str,
    sidecar: Option<&HashMap<String, SidecarMeta>>,
) -> Result<Document, ErrorKind> {
    let mut text_field = None;
    for f in TEXT_FIELDS {
        if let Some(Value::String(_)) = o.get(f) {
            let Some(Value::String(s)) = o.remove(f) else { unreachable!() };
            if !s.trim().is_empty() {
                text_field = Some(s);
                break;
            }
            if text_field.is_none() {
                // keep looking: another field may hold the text; remember the empty one
                o.insert(f.to_string(), Value::String(String::new()));
            }
        }
    }
    let text = match text_field {
        Some(t) => t.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(t),
        None => {
            if let Some(f) = TEXT_FIELDS.iter().find(|f| o.contains_key(**f)) {
                if matches!(o.get(*f), Some(Value::String(_))) {
                    return Err(ErrorKind::EmptyTextField(f.to_string()));
                }
            }
            return Err(ErrorKind::NoTextField { seen: o.keys().cloned().collect() });
        }
    };
    let mut take = |keys: &[&str]| -> Option<String> {
        for k in keys {
            if let Some(v) = o.get(*k) {
                if let Some(s) = scalar_string(v) {
                    o.remove(*k);
                    return Some(s);
                }
            }
        }
        None
    };
    let id = take(&["id", "doc", "doc_id"]).unwrap_or_else(|| match line {
        Some(l) => format!("{stem}:{l}"),
        None => stem.to_string(),
    });
    let mut doc = Document::new(id, text);
    doc.meta.origin = origin.to_string();
    doc.meta.url = take(&["url", "link"]);
    doc.meta.title = take(&["title", "headline"]);
    doc.meta.heading = take(&["heading", "lead", "summary", "description"]);
    doc.meta.category = take(&["category", "section"]);
    doc.meta.source = take(&["source", "site", "outlet", "publisher"]);
    if let Some(l) = take(&["lang", "language"]) {
        doc.meta.lang = Some(l);
        doc.meta.lang_confidence = Some(1.0);
    }
    if let Some(d) = take(&["date", "dct", "published", "datePublished", "date_published", "pubdate"]) {
        doc.meta.published = Some(date_from_field(&d, "json", "JSON date"));
    }
    for (k, v) in o {
        if !v.is_null() && !TEXT_FIELDS.contains(&k.as_str()) {
            doc.meta.extra.insert(k, v);
        }
    }
    if let Some(m) = sidecar.and_then(|s| s.get(&doc.id)) {
        apply_sidecar(&mut doc, m);
    }
    finish(&mut doc);
    Ok(doc)
}
