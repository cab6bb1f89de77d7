// Migration 005: search by word forms. The search box matches a word in any of its forms in
// English, Russian, Kazakh and Kyrgyz ("уголь" finds "угля", "Бишкеке" finds "Бишкек",
// "министрлігіне" finds "министрлігі"). SQLite's tokenizers know no stemming and an FTS5 tokenizer
// cannot be written in JavaScript, so the app stems the text itself (db/stemmers) and keeps the
// words with their stems in a second full-text table, `instruction_search`, one row per instruction
// (rowid = instructions.rowid), which the search reads instead of `instruction_fts`.
//
// The triggers never rely on a conflict clause (an outer INSERT … ON CONFLICT or OR REPLACE would
// override theirs): they add a row only when it is not there yet.
// The triggers stay plain SQL: they only note which instructions changed, in `search_index_queue`,
// and the app brings their rows of `instruction_search` up to date before it searches
// (db/search-index.ts). A trigger calling an application function would make every change to
// instructions or reports fail in the sqlite3 shell or any other tool ("no such function"); this
// way the file stays writable by plain SQLite tools, and what they change is re-indexed the next
// time the app searches. `instruction_fts` (migration 001) is kept as it was: a plain full-text
// index of the texts, usable from any tool.
//
// Every existing instruction is queued here, so the first search after the upgrade builds the new
// index (about 7 s for 100,000 instructions; a desk's few thousand take well under a second).
export const migration005 = `
CREATE VIRTUAL TABLE instruction_search USING fts5(
  title, body, reports,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
INSERT INTO instruction_search (instruction_search, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0)');

-- Instructions (by rowid) whose row of instruction_search is out of date or to be removed.
CREATE TABLE search_index_queue (
  instruction_rowid INTEGER PRIMARY KEY NOT NULL
);
INSERT INTO search_index_queue (instruction_rowid) SELECT rowid FROM instructions;

CREATE TRIGGER instructions_search_insert AFTER INSERT ON instructions BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT new.rowid WHERE NOT EXISTS (SELECT 1 FROM search_index_queue WHERE instruction_rowid = new.rowid);
END;
CREATE TRIGGER instructions_search_update AFTER UPDATE OF title, body ON instructions BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT new.rowid WHERE NOT EXISTS (SELECT 1 FROM search_index_queue WHERE instruction_rowid = new.rowid);
END;
CREATE TRIGGER instructions_search_delete AFTER DELETE ON instructions BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT old.rowid WHERE NOT EXISTS (SELECT 1 FROM search_index_queue WHERE instruction_rowid = old.rowid);
END;
CREATE TRIGGER reports_search_insert AFTER INSERT ON reports BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT rowid FROM instructions WHERE id = new.instruction_id AND rowid NOT IN (SELECT instruction_rowid FROM search_index_queue);
END;
CREATE TRIGGER reports_search_update AFTER UPDATE OF body, instruction_id ON reports BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT rowid FROM instructions WHERE id IN (old.instruction_id, new.instruction_id) AND rowid NOT IN (SELECT instruction_rowid FROM search_index_queue);
END;
CREATE TRIGGER reports_search_delete AFTER DELETE ON reports BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT rowid FROM instructions WHERE id = old.instruction_id AND rowid NOT IN (SELECT instruction_rowid FROM search_index_queue);
END;
`;
