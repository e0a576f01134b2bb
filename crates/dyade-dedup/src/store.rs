//! Persistence in the dyade SQLite store: signatures, duplicate groups and stories, with
//! incremental runs (only documents not processed yet are read and hashed).
//!
//! Tables (created here with `CREATE TABLE IF NOT EXISTS`, over `dyade_store`'s `documents`):
//! - `doc_signatures(doc_id, minhash BLOB, shingles, tokens, params, computed_at)`: one MinHash
//!   signature per document (k little-endian u32), with the parameter tag it was made with.
//! - `dup_groups(doc_id, group_id, canonical_id, similarity, size)`: one row per document that
//!   has near-duplicates; `group_id` is the group's first document, `similarity` the member's
//!   best estimated Jaccard to another member.
//! - `story_clusters(id, label, entities, terms, size, first_published, last_published,
//!   centroid, updated_at)`, `story_members(doc_id, story_id, similarity)`,
//!   `story_df(term, df)`: stories, their members, and the document frequencies of the
//!   incremental TF-IDF.
//! - `dedup_meta(key, value)`: the signature parameter tag and the story document count.

use crate::index::{DedupIndex, LshParams};
use crate::minhash::{MinHashParams, MinHasher, Signature};
use crate::stories::{Lexicon, StoryIndex, StoryInput, StoryParams};
use crate::text::{day_number, day_to_iso};
use rayon::prelude::*;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};

/// Errors of the store functions.
#[derive(Debug, thiserror::Error)]
pub enum DedupError {
    /// An SQLite error.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A stored row could not be decoded.
    #[error("corrupt {table} row for document {doc_id}: {why}")]
    Corrupt {
        /// Table.
        table: &'static str,
        /// Document row id.
        doc_id: i64,
        /// What is wrong.
        why: String,
    },
    /// The database has no `documents` table.
    #[error("the database has no documents table; run `dyade ingest` first")]
    NoDocuments,
}

/// Result alias.
pub type Result<T> = std::result::Result<T, DedupError>;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS dedup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS doc_signatures (
  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  minhash BLOB NOT NULL,
  shingles INTEGER NOT NULL,
  tokens INTEGER NOT NULL,
  params TEXT NOT NULL,
  computed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dup_groups (
  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL,
  canonical_id INTEGER NOT NULL,
  similarity REAL NOT NULL,
  size INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS dup_groups_group ON dup_groups(group_id);
CREATE TABLE IF NOT EXISTS story_clusters (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  entities TEXT NOT NULL,
  terms TEXT NOT NULL,
  size INTEGER NOT NULL,
  first_published TEXT,
  last_published TEXT,
  centroid TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_clusters_last ON story_clusters(last_published);
CREATE TABLE IF NOT EXISTS story_members (
  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  story_id INTEGER NOT NULL REFERENCES story_clusters(id),
  similarity REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story_id);
CREATE TABLE IF NOT EXISTS story_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
";

/// Create the tables of this crate if missing. Fails with [`DedupError::NoDocuments`] on a
/// database without dyade's `documents` table.
pub fn ensure_schema(conn: &Connection) -> Result<()> {
    let has_docs: bool = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='documents'", [], |r| r.get::<_, i64>(0))?
        > 0;
    if !has_docs {
        return Err(DedupError::NoDocuments);
    }
    conn.execute_batch(SCHEMA)?;
    Ok(())
}

fn now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) as i64;
    format!("{}T{:02}:{:02}:{:02}Z", day_to_iso(secs.div_euclid(86_400) as i32), secs % 86_400 / 3600, secs % 3600 / 60, secs % 60)
}

fn meta_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM dedup_meta WHERE key=?1", [key], |r| r.get(0)).optional()?)
}

fn meta_set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute("INSERT INTO dedup_meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value=excluded.value", [key, value])?;
    Ok(())
}

/// Options of [`dedup_store`].
#[derive(Debug, Clone, Copy, Default)]
pub struct DedupOptions {
    /// Signature parameters.
    pub minhash: MinHashParams,
    /// LSH and verification parameters.
    pub lsh: LshParams,
}

/// What a [`dedup_store`] run did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct DedupStats {
    /// Documents in the store.
    pub documents: u64,
    /// Signatures computed in this run (documents not seen before).
    pub new_signatures: u64,
    /// Of those, documents without any token (never grouped).
    pub empty: u64,
    /// True when stored signatures had other parameters and were all recomputed.
    pub recomputed_all: bool,
    /// Groups of two or more near-duplicates.
    pub groups: u64,
    /// Documents in such groups.
    pub grouped_documents: u64,
    /// New documents of this run that joined or formed a group.
    pub new_grouped: u64,
    /// Wall time, seconds.
    pub seconds: f64,
}

/// Compute signatures of the documents that have none yet, add them to the LSH index rebuilt
/// from the stored signatures, and rewrite `dup_groups`. Running it twice does nothing new.
pub fn dedup_store(conn: &Connection, opts: &DedupOptions) -> Result<DedupStats> {
    let start = std::time::Instant::now();
    ensure_schema(conn)?;
    let tag = opts.minhash.tag();
    let mut stats = DedupStats::default();
    if meta_get(conn, "signature_params")?.is_some_and(|t| t != tag) {
        // Signatures of other parameters cannot be compared with new ones: start over.
        conn.execute_batch("DELETE FROM dup_groups; DELETE FROM doc_signatures;")?;
        stats.recomputed_all = true;
    }
    meta_set(conn, "signature_params", &tag)?;
    let mut index = DedupIndex::new(opts.minhash.k, opts.lsh);
    // 1. Reload the stored state: signatures into the LSH index, groups into union-find.
    {
        let mut st = conn.prepare("SELECT s.doc_id, s.minhash, s.shingles, s.tokens, d.published FROM doc_signatures s JOIN documents d ON d.id = s.doc_id ORDER BY s.doc_id")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let blob: Vec<u8> = r.get(1)?;
            let values = Signature::values_from_blob(&blob)
                .filter(|v| v.len() == opts.minhash.k)
                .ok_or_else(|| DedupError::Corrupt { table: "doc_signatures", doc_id: id, why: format!("minhash blob of {} bytes", blob.len()) })?;
            let sig = Signature { values, shingles: r.get::<_, i64>(2)? as u32, tokens: r.get::<_, i64>(3)? as u32 };
            let published: Option<String> = r.get(4)?;
            index.insert_known(id as u64, &sig, published.as_deref());
        }
        let mut st = conn.prepare("SELECT doc_id, group_id, similarity FROM dup_groups")?;
        let links: Vec<(i64, i64, f64)> = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
        for (d, g, s) in links {
            index.restore_link(d as u64, g as u64, s as f32);
        }
    }
    // 2. Hash the new documents in parallel, insert them in id order (deterministic groups).
    let todo: Vec<i64> = {
        let mut st = conn.prepare("SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM doc_signatures s WHERE s.doc_id = d.id) ORDER BY d.id")?;
        let ids = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        ids
    };
    let hasher = MinHasher::new(opts.minhash);
    let computed = now();
    for chunk in todo.chunks(2048) {
        let mut rows: Vec<(i64, String, Option<String>)> = Vec::with_capacity(chunk.len());
        {
            let mut st = conn.prepare_cached("SELECT text, published FROM documents WHERE id = ?1")?;
            for &id in chunk {
                let (text, published): (String, Option<String>) = st.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.push((id, text, published));
            }
        }
        let sigs: Vec<Signature> = rows.par_iter().map(|(_, text, _)| hasher.signature(text)).collect();
        let tx = conn.unchecked_transaction()?;
        {
            let mut ins = tx.prepare_cached("INSERT INTO doc_signatures(doc_id, minhash, shingles, tokens, params, computed_at) VALUES (?1,?2,?3,?4,?5,?6)")?;
            for ((id, _, published), sig) in rows.iter().zip(&sigs) {
                ins.execute(params![id, sig.to_blob(), sig.shingles, sig.tokens, tag, computed])?;
                stats.new_signatures += 1;
                stats.empty += sig.is_empty() as u64;
                if index.insert(*id as u64, sig, published.as_deref()).is_some() {
                    stats.new_grouped += 1;
                }
            }
        }
        tx.commit()?;
    }
    // 3. Rewrite the groups (merges can change group ids and canonicals of old rows).
    let groups = index.groups();
    let tx = conn.unchecked_transaction()?;
    tx.execute("DELETE FROM dup_groups", [])?;
    {
        let mut ins = tx.prepare_cached("INSERT INTO dup_groups(doc_id, group_id, canonical_id, similarity, size) VALUES (?1,?2,?3,?4,?5)")?;
        for g in &groups {
            for &(m, s) in &g.members {
                ins.execute(params![m as i64, g.group as i64, g.canonical as i64, s as f64, g.members.len() as i64])?;
            }
        }
    }
    tx.commit()?;
    stats.groups = groups.len() as u64;
    stats.grouped_documents = groups.iter().map(|g| g.members.len() as u64).sum();
    stats.documents = conn.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))? as u64;
    stats.seconds = start.elapsed().as_secs_f64();
    Ok(stats)
}

/// What a [`stories_store`] run did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct StoryStats {
    /// Documents clustered in this run.
    pub clustered: u64,
    /// Stories created in this run.
    pub new_stories: u64,
    /// Stories that gained members in this run (new ones included).
    pub touched_stories: u64,
    /// Stories in the store.
    pub stories: u64,
    /// Wall time, seconds.
    pub seconds: f64,
}

fn parse_centroid(id: i64, json: &str) -> Result<Vec<(String, f32)>> {
    serde_json::from_str(json).map_err(|e| DedupError::Corrupt { table: "story_clusters", doc_id: id, why: e.to_string() })
}

/// Cluster into stories the documents not in a story yet (published on or after `since`
/// when given, an ISO date prefix), in publication order, joining stored stories when
/// similar enough. Updates `story_clusters`, `story_members` and `story_df`.
pub fn stories_store(conn: &Connection, since: Option<&str>, opts: &StoryParams) -> Result<StoryStats> {
    let start = std::time::Instant::now();
    ensure_schema(conn)?;
    let mut ix = StoryIndex::new(*opts, Lexicon::builtin());
    // Reload document frequencies and stories.
    let n_docs: u32 = meta_get(conn, "story_docs")?.and_then(|v| v.parse().ok()).unwrap_or(0);
    {
        let mut st = conn.prepare("SELECT term, df FROM story_df")?;
        let df: Vec<(String, u32)> = st.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u32)))?.collect::<rusqlite::Result<_>>()?;
        ix.restore_df(n_docs, df);
    }
    let mut story_ids: Vec<i64> = Vec::new();
    {
        let mut st = conn.prepare("SELECT id, centroid, first_published, last_published FROM story_clusters ORDER BY id")?;
        let rows: Vec<(i64, String, Option<String>, Option<String>)> =
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?;
        let mut mem = conn.prepare("SELECT doc_id, similarity FROM story_members WHERE story_id = ?1")?;
        for (id, centroid, first, last) in rows {
            let c = parse_centroid(id, &centroid)?;
            let members: Vec<(u64, f32)> = mem.query_map([id], |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, f64>(1)? as f32)))?.collect::<rusqlite::Result<_>>()?;
            let days = match (first.as_deref().and_then(day_number), last.as_deref().and_then(day_number)) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            };
            ix.restore_story(id as u64, &c, members, days);
            story_ids.push(id);
        }
    }
    let restored = story_ids.len();
    // The documents to cluster, in publication order (undated last).
    let todo: Vec<(i64, String, String, Option<String>)> = {
        let mut st = conn.prepare(
            "SELECT d.id, COALESCE(d.title, ''), d.text, d.published FROM documents d
             WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.doc_id = d.id)
               AND (?1 IS NULL OR d.published >= ?1)
             ORDER BY d.published IS NULL, d.published, d.id",
        )?;
        let rows = st.query_map([since], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?;
        rows
    };
    let mut ent_st = conn.prepare("SELECT COALESCE(ref, text) FROM entities WHERE doc_id = ?1")?;
    let mut touched: HashSet<usize> = HashSet::new();
    let mut stats = StoryStats::default();
    let mut assigned: Vec<(i64, usize, f32)> = Vec::with_capacity(todo.len());
    for (id, title, text, published) in &todo {
        let entities: Vec<String> = ent_st.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let a = ix.insert(&StoryInput { key: *id as u64, title, text, published: published.as_deref(), entities: &entities });
        touched.insert(a.story);
        stats.new_stories += a.new_story as u64;
        assigned.push((*id, a.story, a.similarity));
    }
    stats.clustered = todo.len() as u64;
    stats.touched_stories = touched.len() as u64;
    // Write back the touched stories, the new members and the frequencies.
    let tx = conn.unchecked_transaction()?;
    let updated = now();
    let mut new_ids: HashMap<usize, i64> = HashMap::new();
    {
        let mut touched: Vec<usize> = touched.into_iter().collect();
        touched.sort_unstable();
        for sid in touched {
            let s = &ix.stories()[sid];
            let label = ix.label(sid, 3, 4);
            let centroid = serde_json::to_string(&ix.centroid_terms(sid)).expect("centroid serializes");
            let (first, last) = s.days.map_or((None, None), |(a, b)| (Some(day_to_iso(a)), Some(day_to_iso(b))));
            let ents = serde_json::to_string(&label.entities).expect("serializes");
            let terms = serde_json::to_string(&label.terms).expect("serializes");
            if sid < restored {
                tx.execute(
                    "UPDATE story_clusters SET label=?2, entities=?3, terms=?4, size=?5, first_published=?6, last_published=?7, centroid=?8, updated_at=?9 WHERE id=?1",
                    params![story_ids[sid], label.text(), ents, terms, s.members.len() as i64, first, last, centroid, updated],
                )?;
            } else {
                tx.execute(
                    "INSERT INTO story_clusters(label, entities, terms, size, first_published, last_published, centroid, updated_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                    params![label.text(), ents, terms, s.members.len() as i64, first, last, centroid, updated],
                )?;
                new_ids.insert(sid, tx.last_insert_rowid());
            }
        }
        let mut ins = tx.prepare_cached("INSERT INTO story_members(doc_id, story_id, similarity) VALUES (?1,?2,?3)")?;
        for (doc, sid, sim) in &assigned {
            let story = if *sid < restored { story_ids[*sid] } else { new_ids[sid] };
            ins.execute(params![doc, story, *sim as f64])?;
        }
        let (n, df) = ix.document_frequencies();
        let mut up = tx.prepare_cached("INSERT INTO story_df(term, df) VALUES (?1, ?2) ON CONFLICT(term) DO UPDATE SET df=excluded.df")?;
        if !assigned.is_empty() {
            for (t, d) in df {
                up.execute(params![t, d as i64])?;
            }
        }
        meta_set(&tx, "story_docs", &n.to_string())?;
    }
    tx.commit()?;
    stats.stories = conn.query_row("SELECT count(*) FROM story_clusters", [], |r| r.get::<_, i64>(0))? as u64;
    stats.seconds = start.elapsed().as_secs_f64();
    Ok(stats)
}

/// A stored document as shown in listings.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DocRef {
    /// Row id in `documents`.
    pub id: i64,
    /// Input id.
    pub doc: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Similarity (dup: best estimated Jaccard in its group; story: similarity when it joined).
    pub similarity: f64,
}

/// A stored duplicate group.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct GroupRow {
    /// Group id (its first document's row id).
    pub group_id: i64,
    /// Row id of the canonical document.
    pub canonical_id: i64,
    /// Members, canonical first, then by publication.
    pub members: Vec<DocRef>,
}

/// A stored story.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StoryRow {
    /// Story id.
    pub id: i64,
    /// Label ("entities — terms").
    pub label: String,
    /// Members.
    pub size: i64,
    /// Date range.
    pub first_published: Option<String>,
    /// Date range end.
    pub last_published: Option<String>,
    /// Up to `sample` members, most similar first.
    pub members: Vec<DocRef>,
}

fn doc_refs(conn: &Connection, sql: &str, key: i64) -> Result<Vec<DocRef>> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map([key], |r| {
        Ok(DocRef { id: r.get(0)?, doc: r.get(1)?, title: r.get(2)?, source: r.get(3)?, published: r.get(4)?, similarity: r.get(5)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The largest duplicate groups (up to `limit`), with their members.
pub fn list_groups(conn: &Connection, limit: usize) -> Result<Vec<GroupRow>> {
    ensure_schema(conn)?;
    let mut st = conn.prepare("SELECT group_id, canonical_id FROM dup_groups GROUP BY group_id ORDER BY max(size) DESC, group_id LIMIT ?1")?;
    let heads: Vec<(i64, i64)> = st.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    heads
        .into_iter()
        .map(|(g, c)| {
            let members = doc_refs(
                conn,
                "SELECT d.id, d.doc, d.title, d.source, d.published, g.similarity FROM dup_groups g JOIN documents d ON d.id = g.doc_id
                 WHERE g.group_id = ?1 ORDER BY d.id = g.canonical_id DESC, d.published, d.id",
                g,
            )?;
            Ok(GroupRow { group_id: g, canonical_id: c, members })
        })
        .collect()
}

/// The largest stories (up to `limit`) active on or after `since`, with `sample` members each.
pub fn list_stories(conn: &Connection, since: Option<&str>, limit: usize, sample: usize) -> Result<Vec<StoryRow>> {
    ensure_schema(conn)?;
    let mut st = conn.prepare(
        "SELECT id, label, size, first_published, last_published FROM story_clusters
         WHERE ?1 IS NULL OR last_published >= ?1 ORDER BY size DESC, id LIMIT ?2",
    )?;
    let rows: Vec<(i64, String, i64, Option<String>, Option<String>)> =
        st.query_map(params![since, limit as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?.collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, label, size, first_published, last_published)| {
            let mut members = doc_refs(
                conn,
                "SELECT d.id, d.doc, d.title, d.source, d.published, m.similarity FROM story_members m JOIN documents d ON d.id = m.doc_id
                 WHERE m.story_id = ?1 ORDER BY m.similarity DESC, d.id",
                id,
            )?;
            members.truncate(sample);
            Ok(StoryRow { id, label, size, first_published, last_published, members })
        })
        .collect()
}

/// Dedup and story facts of one stored document, as JSON for `annotate`/`show` metadata:
/// `{"duplicates": {"group", "canonical", "canonical_doc", "similarity", "size"},
///   "story": {"id", "label", "size", "similarity"}}` (absent parts are omitted).
pub fn doc_metadata(conn: &Connection, doc_id: i64) -> Result<serde_json::Value> {
    ensure_schema(conn)?;
    let mut out = serde_json::Map::new();
    let dup: Option<(i64, i64, f64, i64, String)> = conn
        .query_row(
            "SELECT g.group_id, g.canonical_id, g.similarity, g.size, d.doc FROM dup_groups g JOIN documents d ON d.id = g.canonical_id WHERE g.doc_id = ?1",
            [doc_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    if let Some((g, c, s, n, cd)) = dup {
        out.insert("duplicates".into(), serde_json::json!({"group": g, "canonical": c, "canonical_doc": cd, "similarity": s, "size": n}));
    }
    let story: Option<(i64, String, i64, f64)> = conn
        .query_row(
            "SELECT c.id, c.label, c.size, m.similarity FROM story_members m JOIN story_clusters c ON c.id = m.story_id WHERE m.doc_id = ?1",
            [doc_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    if let Some((id, label, size, sim)) = story {
        out.insert("story".into(), serde_json::json!({"id": id, "label": label, "size": size, "similarity": sim}));
    }
    Ok(serde_json::Value::Object(out))
}
