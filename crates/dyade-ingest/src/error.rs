//! Errors that name the input, the place in it and what to do about the problem.

use std::fmt;
use std::path::PathBuf;

/// What went wrong with one input file or one JSON line.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// The file or directory could not be opened or read (I/O message).
    Unreadable(String),
    /// The bytes are not UTF-8; `offset` is the first bad byte (from the start of the file).
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence in the file.
        offset: u64,
    },
    /// The input looks binary (NUL bytes or many control characters).
    Binary {
        /// Byte offset of the first NUL or control byte that gave it away.
        offset: u64,
    },
    /// Nothing but whitespace.
    Empty,
    /// Over the size limit of [`crate::ReadOptions::max_bytes`].
    TooLarge {
        /// Size seen (at least this many bytes).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A JSON line (or JSON file) does not parse.
    MalformedJson(String),
    /// JSON that parses but is not an object (or array of objects).
    NotAnObject(&'static str),
    /// A JSON object without a usable text field; lists the fields it has.
    NoTextField {
        /// The fields the object has.
        seen: Vec<String>,
    },
    /// The text field exists but is empty.
    EmptyTextField(String),
    /// An HTML page from which no article text could be extracted.
    NoHtmlText,
}

/// An input problem, with the file (and line for JSON Lines) it came from.
///
/// One error concerns one file or one line: the reader reports it and goes on with the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct IngestError {
    /// The input path (`-` for standard input).
    pub path: PathBuf,
    /// 1-based line number for JSON Lines input.
    pub line: Option<u64>,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl IngestError {
    /// An error about `path` (no line).
    pub fn new(path: impl Into<PathBuf>, kind: ErrorKind) -> Self {
        IngestError { path: path.into(), line: None, kind }
    }
    /// An error about line `line` of `path`.
    pub fn at_line(path: impl Into<PathBuf>, line: u64, kind: ErrorKind) -> Self {
        IngestError { path: path.into(), line: Some(line), kind }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        write!(f, ": ")?;
        match &self.kind {
            ErrorKind::Unreadable(m) => write!(f, "cannot read: {m}"),
            ErrorKind::InvalidUtf8 { offset } => write!(
                f,
                "not valid UTF-8 (first bad byte at offset {offset}); convert it first, e.g. \
                 `iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8` (or -f ISO-8859-1)"
            ),
            ErrorKind::Binary { offset } => write!(
                f,
                "looks like a binary file (NUL or control byte at offset {offset}), not text; \
                 give a .txt, .html or .jsonl file"
            ),
            ErrorKind::Empty => write!(f, "empty (no text); skipped"),
            ErrorKind::TooLarge { size, limit } => write!(
                f,
                "too large ({size} bytes, limit {limit}); split it or raise the size limit"
            ),
            ErrorKind::MalformedJson(m) => write!(f, "malformed JSON: {m}"),
            ErrorKind::NotAnObject(what) => {
                write!(f, "JSON value is {what}, expected an object with a text field")
            }
            ErrorKind::NoTextField { seen } => write!(
                f,
                "JSON object has no text field (expected one of `article`, `text`, `content`, \
                 `body`); fields seen: {}",
                if seen.is_empty() { "none".to_string() } else { seen.join(", ") }
            ),
            ErrorKind::EmptyTextField(field) => write!(f, "text field `{field}` is empty; skipped"),
            ErrorKind::NoHtmlText => write!(
                f,
                "HTML page with no extractable article text (malformed, or only scripts/navigation)"
            ),
        }
    }
}

impl std::error::Error for IngestError {}
