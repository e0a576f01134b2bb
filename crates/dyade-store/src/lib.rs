//! The dyade store: an embedded SQLite database of documents, their annotation layers and
//! the runs that produced them.
//!
//! - **Idempotent:** documents are keyed by a hash of their text; ingesting the same article
//!   twice stores it once. Re-ingesting it with a different pipeline version replaces its layers.
//! - **Crash-safe:** documents are written in batches, each batch one transaction in WAL
//!   mode, so a process killed at any point leaves every committed batch whole and nothing
//!   half-written; re-running the same ingest skips what is stored and completes the rest.
//!   Runs left `running` by a dead process are marked `interrupted` when the next run starts.

use dyade_core::{CharIndex, Document};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// Errors from the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or created.
    #[error("cannot open database {path}: {source} (check the path and that the directory is writable)")]
    Open {
        /// The database file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// The file exists but is not a dyade database.
    #[error("{path} is not a dyade database ({why}); pass another --db file")]
    NotDyade {
        /// The database file.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// An SQLite error.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// Stored JSON could not be decoded.
    #[error("corrupt stored layers for document {doc}: {source}")]
    Corrupt {
        /// Document id.
        doc: String,
        /// Why.
        source: serde_json::Error,
    },
}

/// Result alias.
pub type Result<T> = std::result::Result<T, StoreError>;

/// Schema version written to `PRAGMA user_version`.
pub const SCHEMA_VERSION: i64 = 1;
const APPLICATION_ID: i64 = 0x6479_6164; // "dyad"

/// What happened to a document on [`Store::put_documents`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// Stored for the first time.
    Added,
    /// Already stored with an older pipeline; its layers were replaced.
    Updated,
    /// Already stored with the same pipeline: nothing written.
    Unchanged,
}

/// A summary row of a stored document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DocSummary {
    /// Row id.
    pub id: i64,
    /// Document id given by the input.
    pub doc: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Source/outlet.
    pub source: Option<String>,
    /// Language.
    pub lang: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Where it was read from.
    pub origin: String,
}

/// Per-run counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Documents stored for the first time.
    pub added: u64,
    /// Documents whose layers were replaced.
    pub updated: u64,
    /// Documents already stored.
    pub unchanged: u64,
    /// Inputs skipped with an error.
    pub errors: u64,
}

/// Counts of the main tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Entity mentions.
    pub entities: u64,
    /// Temporal expressions.
    pub timexes: u64,
    /// Quotes.
    pub quotes: u64,
    /// Events.
    pub events: u64,
    /// Runs.
    pub runs: u64,
}

/// A hash of the text that identifies a document's content (xxh3-128, hex).
pub fn content_hash(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// Current UTC time as `YYYY-MM-DDTHH:MM:SSZ` (run bookkeeping only, never a document date).
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = dyade_core::calendar::civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// An open dyade database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Open (or create) the database at `path`, creating or checking the schema.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| StoreError::Open { path: path.into(), source: e })?;
        let store = Store { conn, path: path.into() };
        store.init()?;
        Ok(store)
    }

    /// An in-memory database (tests, one-shot annotation).
    pub fn open_in_memory() -> Result<Store> {
        let store = Store { conn: Connection::open_in_memory()?, path: PathBuf::from(":memory:") };
        store.init()?;
        Ok(store)
    }

    /// Open an existing database read-only (the HTTP server's default).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::NotDyade { path: path.into(), why: "no such file; run `dyade ingest` first".into() });
        }
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|e| StoreError::Open { path: path.into(), source: e })?;
        let store = Store { conn, path: path.into() };
        store.check_identity()?;
        Ok(store)
    }

    fn not_dyade(&self, why: impl Into<String>) -> StoreError {
        StoreError::NotDyade { path: self.path.clone(), why: why.into() }
    }

    fn check_identity(&self) -> Result<()> {
        let app: i64 = self.conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|e| self.not_dyade(e.to_string()))?;
        let ver: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if app != APPLICATION_ID {
            return Err(self.not_dyade(format!("application_id is {app:#x}")));
        }
        if ver > SCHEMA_VERSION {
            return Err(self.not_dyade(format!("schema version {ver} is newer than this dyade ({SCHEMA_VERSION}); upgrade dyade")));
        }
        Ok(())
    }

    fn init(&self) -> Result<()> {
        // A file that is not SQLite at all fails on the first statement.
        let app: i64 = self.conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|e| self.not_dyade(e.to_string()))?;
        let tables: i64 = self.conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if app != APPLICATION_ID && tables > 0 {
            return Err(self.not_dyade("it holds tables of another application"));
        }
        if self.path != Path::new(":memory:") {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        // NORMAL in WAL mode: a committed transaction survives a process kill; only an OS crash
        // can lose the last transactions, never corrupt the file.
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.conn.busy_timeout(std::time::Duration::from_secs(10))?;
        self.conn.execute_batch(include_str!("schema.sql"))?;
        self.conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        self.conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(())
    }

    /// The underlying connection, for read queries of other crates (query, API, export).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Start a run record; marks runs of dead processes as `interrupted` first.
    pub fn begin_run(&self, command: &str, args: &str, pipeline: &str) -> Result<i64> {
        let mut stmt = self.conn.prepare("SELECT id, pid FROM runs WHERE status = 'running'")?;
        let stale: Vec<(i64, i64)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        for (id, pid) in stale {
            if !process_alive(pid) {
                self.conn.execute("UPDATE runs SET status = 'interrupted' WHERE id = ?1", [id])?;
            }
        }
        self.conn.execute(
            "INSERT INTO runs(command, args, pipeline, pid, started_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![command, args, pipeline, std::process::id() as i64, now_utc()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Close a run record with its counters.
    pub fn finish_run(&self, run: i64, stats: RunStats) -> Result<()> {
        self.conn.execute(
            "UPDATE runs SET status='done', finished_at=?2, docs_added=docs_added+?3, docs_updated=docs_updated+?4, docs_unchanged=docs_unchanged+?5, errors=errors+?6 WHERE id=?1",
            params![run, now_utc(), stats.added as i64, stats.updated as i64, stats.unchanged as i64, stats.errors as i64],
        )?;
        Ok(())
    }

    /// Record an input that was skipped, with the error message.
    pub fn record_error(&self, run: i64, origin: &str, message: &str) -> Result<()> {
        self.conn.execute("INSERT INTO run_errors(run_id, origin, message) VALUES (?1, ?2, ?3)", params![run, origin, message])?;
        Ok(())
    }

    /// The stored pipeline version of the document with this content hash, if stored.
    pub fn stored_pipeline(&self, hash: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT pipeline FROM documents WHERE content_hash = ?1", [hash], |r| r.get(0)).optional()?)
    }

    /// Store a batch of annotated documents in one transaction.
    ///
    /// A document whose text is already stored with the same `pipeline` is left as it is;
    /// with another pipeline its metadata and layers are replaced.
    pub fn put_documents(&mut self, docs: &[Document], pipeline: &str, run: i64) -> Result<Vec<PutOutcome>> {
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(docs.len());
        for doc in docs {
            let hash = doc_hash(doc);
            let existing: Option<(i64, String)> =
                tx.query_row("SELECT id, pipeline FROM documents WHERE content_hash = ?1", [&hash], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
            let layers = layers_json(doc);
            let meta = serde_json::to_string(&doc.meta).expect("metadata serializes");
            let published = doc.meta.published.as_ref();
            let id = match existing {
                Some((_, ref p)) if p == pipeline => {
                    out.push(PutOutcome::Unchanged);
                    continue;
                }
                Some((id, _)) => {
                    tx.execute(
                        "UPDATE documents SET doc=?2, origin=?3, source=?4, url=?5, title=?6, lang=?7, published=?8, published_source=?9, meta_json=?10, layers_json=?11, pipeline=?12, run_id=?13 WHERE id=?1",
                        params![
                            id, doc.id, doc.meta.origin, doc.meta.source, doc.meta.url, doc.meta.title, doc.meta.lang,
                            published.and_then(|p| p.value.clone()), published.map(|p| p.source.clone()), meta, layers, pipeline, run
                        ],
                    )?;
                    for t in ["entities", "timexes", "quotes", "events"] {
                        tx.execute(&format!("DELETE FROM {t} WHERE doc_id = ?1"), [id])?;
                    }
                    out.push(PutOutcome::Updated);
                    id
                }
                None => {
                    tx.execute(
                        "INSERT INTO documents(doc, content_hash, origin, source, url, title, lang, published, published_source, text, meta_json, layers_json, pipeline, run_id, added_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                        params![
                            doc.id, hash, doc.meta.origin, doc.meta.source, doc.meta.url, doc.meta.title, doc.meta.lang,
                            published.and_then(|p| p.value.clone()), published.map(|p| p.source.clone()), doc.text, meta, layers, pipeline, run, now_utc()
                        ],
                    )?;
                    out.push(PutOutcome::Added);
                    tx.last_insert_rowid()
                }
            };
            insert_layers(&tx, id, doc)?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// Load a stored document with its layers (all but tokens, which are not stored: re-run
    /// the segmenter when they are needed), by row id, input id or content hash.
    pub fn get_document(&self, key: &str) -> Result<Option<Document>> {
        let row: Option<(String, String, String, String)> = self
            .conn
            .query_row(
                "SELECT doc, text, meta_json, layers_json FROM documents WHERE CAST(id AS TEXT) = ?1 OR doc = ?1 OR content_hash = ?1 ORDER BY id LIMIT 1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((doc, text, meta, layers)) = row else { return Ok(None) };
        let mut d: Document = serde_json::from_str(&layers).map_err(|e| StoreError::Corrupt { doc: doc.clone(), source: e })?;
        d.meta = serde_json::from_str(&meta).map_err(|e| StoreError::Corrupt { doc: doc.clone(), source: e })?;
        d.text = text;
        Ok(Some(d))
    }

    /// List stored documents, newest publication first.
    pub fn list_documents(&self, limit: usize, offset: usize) -> Result<Vec<DocSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, doc, title, source, lang, published, origin FROM documents ORDER BY published DESC, id LIMIT ?1 OFFSET ?2",
        )?;
        let rows = stmt.query_map(params![limit as i64, offset as i64], |r| {
            Ok(DocSummary { id: r.get(0)?, doc: r.get(1)?, title: r.get(2)?, source: r.get(3)?, lang: r.get(4)?, published: r.get(5)?, origin: r.get(6)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Row counts of the main tables.
    pub fn counts(&self) -> Result<Counts> {
        let c = |t: &str| -> Result<u64> { Ok(self.conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(Counts {
            documents: c("documents")?,
            entities: c("entities")?,
            timexes: c("timexes")?,
            quotes: c("quotes")?,
            events: c("events")?,
            runs: c("runs")?,
        })
    }

    /// SQLite's own consistency check ("ok" when sound).
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// The document's content hash: the one its reader recorded, else computed from the text.
pub fn doc_hash(doc: &Document) -> String {
    doc.meta.extra.get("content_hash").and_then(|v| v.as_str()).map(str::to_string).unwrap_or_else(|| content_hash(&doc.text))
}

fn layers_json(doc: &Document) -> String {
    // Everything but text and metadata, which have their own columns, and tokens: they are
    // ~90% of the layers' size (15x the text on OrangeSum) and the segmenter recomputes them
    // deterministically from the text in microseconds.
    let mut v = serde_json::to_value(doc).expect("document serializes");
    if let Some(o) = v.as_object_mut() {
        o.insert("text".into(), serde_json::Value::String(String::new()));
        o.remove("meta");
        o.remove("tokens");
    }
    v.to_string()
}

fn insert_layers(tx: &rusqlite::Transaction, id: i64, doc: &Document) -> Result<()> {
    let ix = CharIndex::new(&doc.text);
    let c = |b: usize| ix.char_of(b) as i64;
    let mut st = tx.prepare_cached("INSERT INTO entities(doc_id, start, \"end\", text, type, ref, confidence) VALUES (?1,?2,?3,?4,?5,?6,?7)")?;
    for e in &doc.entities {
        st.execute(params![id, c(e.span.start), c(e.span.end), doc.slice(e.span), e.label.as_str(), e.reference, e.confidence as f64])?;
    }
    let mut st = tx.prepare_cached("INSERT INTO timexes(doc_id, start, \"end\", text, type, value, mod) VALUES (?1,?2,?3,?4,?5,?6,?7)")?;
    for t in &doc.timexes {
        st.execute(params![id, c(t.span.start), c(t.span.end), doc.slice(t.span), t.ttype.as_str(), t.value, t.modifier])?;
    }
    let mut st = tx.prepare_cached("INSERT INTO quotes(doc_id, start, \"end\", text, kind, speaker, cue) VALUES (?1,?2,?3,?4,?5,?6,?7)")?;
    for q in &doc.quotes {
        st.execute(params![id, c(q.span.start), c(q.span.end), doc.slice(q.span), q.kind.as_str(), q.speaker, q.cue])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO events(doc_id, sentence_start, sentence_end, trigger_start, trigger_end, sentence, trigger, type, mode, context, actor, actor_person, actor_sector,
         recipient, recipient_person, recipient_sector, date, location, attribution, historical, negated, confidence)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22)",
    )?;
    for e in &doc.events {
        st.execute(params![
            id, c(e.sentence.start), c(e.sentence.end), c(e.trigger.start), c(e.trigger.end), doc.slice(e.sentence), doc.slice(e.trigger),
            e.event_type, e.mode, e.context.join(","), e.actor, e.actor_person, e.actor_sector, e.recipient, e.recipient_person,
            e.recipient_sector, e.date, e.location, e.attribution, e.historical, e.negated, e.confidence as f64
        ])?;
    }
    Ok(())
}

fn process_alive(pid: i64) -> bool {
    if pid == std::process::id() as i64 {
        return true;
    }
    // Linux: a live process has a /proc entry. Elsewhere assume alive (never wrongly interrupt).
    if Path::new("/proc/self").exists() {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyade_core::*;

    fn doc(id: &str, text: &str) -> Document {
        let mut d = Document::new(id, text);
        d.meta.origin = format!("{id}.txt");
        let b = text.find("Pyongyang").unwrap();
        d.entities.push(Entity { span: Span::new(b, b + 9), label: EntityType::LOC, reference: Some("Pyongyang".into()), confidence: 0.9 });
        d
    }

    #[test]
    fn same_text_is_stored_once_and_layers_round_trip() {
        let mut s = Store::open_in_memory().unwrap();
        let run = s.begin_run("test", "", "v1").unwrap();
        let mut a = doc("a", "Visite à Pyongyang.");
        a.sentences.push(Span::new(0, a.text.len()));
        assert_eq!(s.put_documents(&[a.clone()], "v1", run).unwrap(), vec![PutOutcome::Added]);
        assert_eq!(s.put_documents(&[a.clone()], "v1", run).unwrap(), vec![PutOutcome::Unchanged]);
        assert_eq!(s.put_documents(&[a.clone()], "v2", run).unwrap(), vec![PutOutcome::Updated]);
        let c = s.counts().unwrap();
        assert_eq!((c.documents, c.entities), (1, 1));
        let back = s.get_document("a").unwrap().unwrap();
        assert_eq!(back, a);
        // tokens are not stored
        let mut t = doc("t", "Retour à Pyongyang.");
        t.tokens.push(Token { span: Span::new(0, 6), kind: TokenKind::Word, norm: None, space_after: true });
        s.put_documents(&[t.clone()], "v1", run).unwrap();
        let back = s.get_document("t").unwrap().unwrap();
        assert!(back.tokens.is_empty());
        assert_eq!(back.entities, t.entities);
        // code-point offsets in the typed table
        let start: i64 = s.conn().query_row("SELECT start FROM entities", [], |r| r.get(0)).unwrap();
        assert_eq!(start, 9);
    }

    #[test]
    fn refuses_foreign_sqlite_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("other.db");
        Connection::open(&p).unwrap().execute_batch("CREATE TABLE t(x)").unwrap();
        let err = Store::open(&p).err().expect("must refuse").to_string();
        assert!(err.contains("not a dyade database"), "{err}");
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, b"this is not sqlite at all, not even close to a header....................................................").unwrap();
        assert!(Store::open(&junk).is_err());
    }

    #[test]
    fn utc_clock_format() {
        let t = now_utc();
        assert_eq!(t.len(), 20);
        assert!(t.starts_with("20"));
    }
}
