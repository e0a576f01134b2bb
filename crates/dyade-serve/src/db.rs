//! Database access for the server: a small pool of read-only connections and the indexes the
//! queries need (full-text search over documents, an event-date index).

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Create or update what the queries need, on a **writable** connection:
///
/// - `documents_fts`, an FTS5 index over `documents(title, text)` (external content, diacritics
///   removed so "economie" finds "économie"), kept in sync by triggers on `documents`, so
///   later ingests update it by themselves; it is rebuilt when it is created or when its
///   triggers are missing;
/// - `events_date`, an index on `events(date)` for date-ordered event pages.
///
/// Idempotent and cheap when everything exists. Returns true when the FTS index was (re)built.
pub fn ensure_fts(conn: &Connection) -> rusqlite::Result<bool> {
    let has = |name: &str| -> rusqlite::Result<bool> {
        Ok(conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = ?1", [name], |r| r.get::<_, i64>(0))? > 0)
    };
    let had_table = has("documents_fts")?;
    let had_triggers = has("documents_fts_ai")? && has("documents_fts_ad")? && has("documents_fts_au")?;
    conn.execute_batch(
        "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
         CREATE TRIGGER IF NOT EXISTS documents_fts_ai AFTER INSERT ON documents BEGIN
           INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
         END;
         CREATE TRIGGER IF NOT EXISTS documents_fts_ad AFTER DELETE ON documents BEGIN
           INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
         END;
         CREATE TRIGGER IF NOT EXISTS documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN
           INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
           INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
         END;
         CREATE INDEX IF NOT EXISTS events_date ON events(date);",
    )?;
    if !had_table || !had_triggers {
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')", [])?;
        return Ok(true);
    }
    Ok(false)
}

/// True when a table named `name` exists (feature detection of tables other stages add).
pub fn has_table(conn: &Connection, name: &str) -> bool {
    conn.query_row("SELECT count(*) FROM sqlite_master WHERE type IN ('table','view') AND name = ?1", [name], |r| r.get::<_, i64>(0))
        .map(|n| n > 0)
        .unwrap_or(false)
}

/// A pool of read-only connections to one database file. Connections are opened on demand
/// and kept (up to `max_idle`) for reuse; each request borrows one for its blocking query.
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    max_idle: usize,
}

/// A borrowed connection, returned to the pool on drop.
pub struct Pooled<'a> {
    pool: &'a Pool,
    conn: Option<Connection>,
}

impl std::ops::Deref for Pooled<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn.as_ref().expect("connection present until drop")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(c) = self.conn.take() {
            let mut idle = self.pool.idle.lock().unwrap_or_else(|e| e.into_inner());
            if idle.len() < self.pool.max_idle {
                idle.push(c);
            }
        }
    }
}

impl Pool {
    /// A pool over the dyade database at `path`; checks once that it opens as a dyade store.
    pub fn new(path: &Path) -> anyhow::Result<Pool> {
        dyade_store::Store::open_read_only(path)?;
        Ok(Pool { path: path.into(), idle: Mutex::new(Vec::new()), max_idle: 32 })
    }

    /// Borrow a connection.
    pub fn get(&self) -> rusqlite::Result<Pooled<'_>> {
        let c = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match c {
            Some(c) => c,
            None => open_read_only(&self.path)?,
        };
        Ok(Pooled { pool: self, conn: Some(conn) })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    c.busy_timeout(std::time::Duration::from_secs(5))?;
    // Belt and braces: the API never writes, even if the file is writable.
    c.pragma_update(None, "query_only", true)?;
    Ok(c)
}
