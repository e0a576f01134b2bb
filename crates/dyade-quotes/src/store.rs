//! "All quotes of X" over a dyade SQLite store (tables `quotes` and `documents` of crate
//! dyade-store; offsets there are code points).

use dyade_actors::normalize::translit;
use rusqlite::{params_from_iter, Connection};

/// One stored quote with its document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StoredQuote {
    /// Document id given by the input.
    pub doc: String,
    /// Document title, when known.
    pub title: Option<String>,
    /// Publication date, when known.
    pub published: Option<String>,
    /// First code point of the quote in the document text.
    pub start: i64,
    /// End code point (exclusive).
    pub end: i64,
    /// The quote's text.
    pub text: String,
    /// direct, indirect or mixed.
    pub kind: String,
    /// The speaker's ref.
    pub speaker: Option<String>,
    /// The reporting cue.
    pub cue: Option<String>,
}

/// True when the speaker query `q` names the stored speaker `s`: same name up to case,
/// accents, punctuation and French/English transliteration ("poutine" = "Putin"), or every
/// word of the query is a word of the stored name ("Putin" finds "Vladimir Putin").
pub fn speaker_matches(q: &str, s: &str) -> bool {
    let (q, s) = (translit(q), translit(s));
    if q.is_empty() {
        return false;
    }
    if q == s {
        return true;
    }
    let st: Vec<&str> = s.split(' ').collect();
    q.split(' ').all(|w| st.contains(&w))
}

/// All quotes whose speaker matches `speaker` (see [`speaker_matches`]), newest documents
/// first, at most `limit`. Uses the `quotes_speaker` index: distinct speakers are matched in
/// Rust, then their quotes fetched.
pub fn quotes_by_speaker(conn: &Connection, speaker: &str, limit: usize) -> rusqlite::Result<Vec<StoredQuote>> {
    let mut st = conn.prepare("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL")?;
    let names: Vec<String> = st.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<_>>()?;
    let hits: Vec<String> = names.into_iter().filter(|n| speaker_matches(speaker, n)).collect();
    if hits.is_empty() || limit == 0 {
        return Ok(vec![]);
    }
    let marks = vec!["?"; hits.len()].join(",");
    let sql = format!(
        "SELECT d.doc, d.title, d.published, q.start, q.\"end\", q.text, q.kind, q.speaker, q.cue \
         FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.speaker IN ({marks}) \
         ORDER BY d.published DESC, d.id, q.start LIMIT {limit}"
    );
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map(params_from_iter(hits.iter()), |r| {
        Ok(StoredQuote {
            doc: r.get(0)?,
            title: r.get(1)?,
            published: r.get(2)?,
            start: r.get(3)?,
            end: r.get(4)?,
            text: r.get(5)?,
            kind: r.get(6)?,
            speaker: r.get(7)?,
            cue: r.get(8)?,
        })
    })?;
    rows.collect()
}
