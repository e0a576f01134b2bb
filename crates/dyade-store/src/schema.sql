-- dyade store schema, version 1. Offsets in the typed tables are code points (as the gold
-- format and every export); layers_json keeps the full layers with byte offsets.
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  args TEXT NOT NULL,
  pipeline TEXT NOT NULL,
  pid INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running',  -- running | done | interrupted
  docs_added INTEGER NOT NULL DEFAULT 0,
  docs_updated INTEGER NOT NULL DEFAULT 0,
  docs_unchanged INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS run_errors (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  origin TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  origin TEXT NOT NULL,
  source TEXT,
  url TEXT,
  title TEXT,
  lang TEXT,
  published TEXT,
  published_source TEXT,
  text TEXT NOT NULL,
  meta_json TEXT NOT NULL,
  layers_json TEXT NOT NULL,
  pipeline TEXT NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_doc ON documents(doc);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE TABLE IF NOT EXISTS entities (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  type TEXT NOT NULL, ref TEXT, confidence REAL
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities(doc_id);
CREATE INDEX IF NOT EXISTS entities_ref ON entities(ref);
CREATE TABLE IF NOT EXISTS timexes (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT
);
CREATE INDEX IF NOT EXISTS timexes_doc ON timexes(doc_id);
CREATE TABLE IF NOT EXISTS quotes (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  kind TEXT NOT NULL, speaker TEXT, cue TEXT
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
  sentence TEXT NOT NULL, trigger TEXT NOT NULL,
  type TEXT NOT NULL, mode TEXT, context TEXT,
  actor TEXT, actor_person TEXT, actor_sector TEXT,
  recipient TEXT, recipient_person TEXT, recipient_sector TEXT,
  date TEXT, location TEXT, attribution TEXT,
  historical INTEGER NOT NULL, negated INTEGER NOT NULL, confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_dyad ON events(actor, recipient, date);
