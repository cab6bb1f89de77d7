// Migration 1: the whole data model of DESIGN.md.
// Identifiers are UUIDs (stable across machines, so exchange files merge by them); the implicit
// rowid of `instructions` keys the full-text index.

export const migration001 = `
CREATE TABLE organizations (
  id          TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  short_name  TEXT,
  country     TEXT,
  merged_into TEXT REFERENCES organizations(id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX organizations_name ON organizations(name);

CREATE TABLE people (
  id              TEXT PRIMARY KEY NOT NULL,
  full_name       TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
  position        TEXT,
  organization_id TEXT REFERENCES organizations(id),
  merged_into     TEXT REFERENCES people(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX people_organization ON people(organization_id);

CREATE TABLE meetings (
  id              TEXT PRIMARY KEY NOT NULL,
  title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
  held_on         TEXT,
  place           TEXT,
  participants    TEXT,
  protocol_number TEXT,
  source_text     TEXT,
  is_demo         INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE instructions (
  id                TEXT PRIMARY KEY NOT NULL,
  meeting_id        TEXT REFERENCES meetings(id),
  item_number       TEXT,
  title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
  lead_org_id       TEXT REFERENCES organizations(id),
  lead_person_id    TEXT REFERENCES people(id),
  controller_id     TEXT REFERENCES people(id),
  due_date          TEXT,
  original_due_date TEXT,
  priority          TEXT NOT NULL DEFAULT 'normal'
                    CHECK (priority IN ('low', 'normal', 'high', 'critical')),
  status            TEXT NOT NULL DEFAULT 'assigned'
                    CHECK (status IN ('assigned', 'in_progress', 'report_submitted', 'resolved')),
  on_control        INTEGER NOT NULL DEFAULT 1 CHECK (on_control IN (0, 1)),
  rank              INTEGER NOT NULL,
  resolved_at       TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  archived          INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  is_demo           INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  version           INTEGER NOT NULL DEFAULT 1,
  -- Kept by the triggers below so a board of thousands of cards is one indexed scan; never
  -- written by application code.
  report_count      INTEGER NOT NULL DEFAULT 0,
  coexecutor_count  INTEGER NOT NULL DEFAULT 0,
  extension_count   INTEGER NOT NULL DEFAULT 0,
  tag_list          TEXT NOT NULL DEFAULT '',
  -- Long texts last: a board reads every column before them without touching overflow pages.
  body              TEXT NOT NULL DEFAULT '',
  resolution        TEXT,
  CHECK (status <> 'resolved' OR resolved_at IS NOT NULL)
);
CREATE INDEX instructions_status_rank ON instructions(archived, status, rank);
CREATE INDEX instructions_meeting ON instructions(meeting_id, rank);
CREATE INDEX instructions_lead_org ON instructions(lead_org_id, rank);
CREATE INDEX instructions_due ON instructions(due_date);
CREATE INDEX instructions_rank ON instructions(rank, id);
CREATE INDEX instructions_archived_rank ON instructions(archived, rank, id);

CREATE TABLE coexecutors (
  id              TEXT PRIMARY KEY NOT NULL,
  instruction_id  TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  organization_id TEXT REFERENCES organizations(id),
  person_id       TEXT REFERENCES people(id),
  due_date        TEXT,
  created_at      TEXT NOT NULL,
  CHECK (organization_id IS NOT NULL OR person_id IS NOT NULL)
);
CREATE INDEX coexecutors_instruction ON coexecutors(instruction_id);

CREATE TABLE reports (
  id             TEXT PRIMARY KEY NOT NULL,
  instruction_id TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('interim', 'final')),
  body           TEXT NOT NULL CHECK (length(trim(body)) > 0),
  author         TEXT NOT NULL,
  submitted_at   TEXT NOT NULL
);
CREATE INDEX reports_instruction ON reports(instruction_id, submitted_at);

CREATE TABLE extensions (
  id             TEXT PRIMARY KEY NOT NULL,
  instruction_id TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  old_date       TEXT,
  new_date       TEXT NOT NULL,
  reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  decided_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX extensions_instruction ON extensions(instruction_id, created_at);

CREATE TABLE tags (
  id      TEXT PRIMARY KEY NOT NULL,
  code    TEXT NOT NULL UNIQUE,
  name_en TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_kk TEXT NOT NULL,
  name_ky TEXT NOT NULL
);

CREATE TABLE instruction_tags (
  instruction_id TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  tag_id         TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (instruction_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX instruction_tags_tag ON instruction_tags(tag_id);

CREATE TRIGGER reports_count_insert AFTER INSERT ON reports BEGIN
  UPDATE instructions SET report_count = report_count + 1 WHERE id = new.instruction_id;
END;
CREATE TRIGGER reports_count_delete AFTER DELETE ON reports BEGIN
  UPDATE instructions SET report_count = report_count - 1 WHERE id = old.instruction_id;
END;
CREATE TRIGGER coexecutors_count_insert AFTER INSERT ON coexecutors BEGIN
  UPDATE instructions SET coexecutor_count = coexecutor_count + 1 WHERE id = new.instruction_id;
END;
CREATE TRIGGER coexecutors_count_delete AFTER DELETE ON coexecutors BEGIN
  UPDATE instructions SET coexecutor_count = coexecutor_count - 1 WHERE id = old.instruction_id;
END;
CREATE TRIGGER extensions_count_insert AFTER INSERT ON extensions BEGIN
  UPDATE instructions SET extension_count = extension_count + 1 WHERE id = new.instruction_id;
END;
CREATE TRIGGER extensions_count_delete AFTER DELETE ON extensions BEGIN
  UPDATE instructions SET extension_count = extension_count - 1 WHERE id = old.instruction_id;
END;
CREATE TRIGGER instruction_tags_list_insert AFTER INSERT ON instruction_tags BEGIN
  UPDATE instructions
     SET tag_list = (SELECT coalesce(group_concat(tag_id, ','), '') FROM (SELECT tag_id FROM instruction_tags WHERE instruction_id = new.instruction_id ORDER BY tag_id))
   WHERE id = new.instruction_id;
END;
CREATE TRIGGER instruction_tags_list_delete AFTER DELETE ON instruction_tags BEGIN
  UPDATE instructions
     SET tag_list = (SELECT coalesce(group_concat(tag_id, ','), '') FROM (SELECT tag_id FROM instruction_tags WHERE instruction_id = old.instruction_id ORDER BY tag_id))
   WHERE id = old.instruction_id;
END;

-- Append-only audit: every change of every field.
CREATE TABLE history (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Stable across machines, so exchange files merge history from both sides without doubling it.
  uid            TEXT NOT NULL UNIQUE,
  instruction_id TEXT,
  entity         TEXT NOT NULL,
  entity_id      TEXT NOT NULL,
  field          TEXT NOT NULL,
  old_value      TEXT,
  new_value      TEXT,
  note           TEXT,
  actor          TEXT NOT NULL,
  at             TEXT NOT NULL
);
CREATE INDEX history_instruction ON history(instruction_id, id);
CREATE INDEX history_entity ON history(entity, entity_id, id);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- Built-in boards may leave the name empty: the UI then shows the translated default.
CREATE TABLE boards (
  id             TEXT PRIMARY KEY NOT NULL,
  name           TEXT CHECK (name IS NULL AND builtin IS NOT NULL OR length(trim(name)) > 0),
  builtin        TEXT UNIQUE,
  meeting_id     TEXT REFERENCES meetings(id) ON DELETE CASCADE,
  column_field   TEXT NOT NULL
                 CHECK (column_field IN ('status', 'organization', 'topic', 'meeting', 'priority')),
  swimlane_field TEXT CHECK (swimlane_field IN ('organization', 'topic', 'meeting')),
  filter         TEXT NOT NULL DEFAULT '',
  wip_limits     TEXT NOT NULL DEFAULT '{}',
  position       INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

-- Full-text index over titles, texts and reports, one row per instruction (rowid = instructions.rowid).
CREATE VIRTUAL TABLE instruction_fts USING fts5(
  title, body, reports,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
-- Titles weigh most, then texts, then reports.
INSERT INTO instruction_fts (instruction_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0)');

CREATE TRIGGER instructions_fts_insert AFTER INSERT ON instructions BEGIN
  INSERT INTO instruction_fts(rowid, title, body, reports) VALUES (new.rowid, new.title, new.body, '');
END;
CREATE TRIGGER instructions_fts_update AFTER UPDATE OF title, body ON instructions BEGIN
  UPDATE instruction_fts SET title = new.title, body = new.body WHERE rowid = new.rowid;
END;
CREATE TRIGGER instructions_fts_delete AFTER DELETE ON instructions BEGIN
  DELETE FROM instruction_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
  UPDATE instruction_fts
     SET reports = (SELECT coalesce(group_concat(body, char(10)), '') FROM reports WHERE instruction_id = new.instruction_id)
   WHERE rowid = (SELECT rowid FROM instructions WHERE id = new.instruction_id);
END;
CREATE TRIGGER reports_fts_update AFTER UPDATE OF body ON reports BEGIN
  UPDATE instruction_fts
     SET reports = (SELECT coalesce(group_concat(body, char(10)), '') FROM reports WHERE instruction_id = new.instruction_id)
   WHERE rowid = (SELECT rowid FROM instructions WHERE id = new.instruction_id);
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  UPDATE instruction_fts
     SET reports = (SELECT coalesce(group_concat(body, char(10)), '') FROM reports WHERE instruction_id = old.instruction_id)
   WHERE rowid = (SELECT rowid FROM instructions WHERE id = old.instruction_id);
END;
`;
