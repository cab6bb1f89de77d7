-- The schema at version 6, from sqlite_schema ordered by type and name.
-- index attachments_owner on attachments
CREATE INDEX attachments_owner ON attachments(owner_kind, owner_id);
-- index attachments_sha256 on attachments
CREATE INDEX attachments_sha256 ON attachments(sha256);
-- index coexecutors_instruction on coexecutors
CREATE INDEX coexecutors_instruction ON coexecutors(instruction_id);
-- index extensions_instruction on extensions
CREATE INDEX extensions_instruction ON extensions(instruction_id, created_at);
-- index history_entity on history
CREATE INDEX history_entity ON history(entity, entity_id, id);
-- index history_instruction on history
CREATE INDEX history_instruction ON history(instruction_id, id);
-- index instruction_tags_tag on instruction_tags
CREATE INDEX instruction_tags_tag ON instruction_tags(tag_id);
-- index instructions_archived_rank on instructions
CREATE INDEX instructions_archived_rank ON instructions(archived, rank, id);
-- index instructions_control_number on instructions
CREATE UNIQUE INDEX instructions_control_number ON instructions(control_number);
-- index instructions_due on instructions
CREATE INDEX instructions_due ON instructions(due_date);
-- index instructions_lead_org on instructions
CREATE INDEX instructions_lead_org ON instructions(lead_org_id, rank);
-- index instructions_meeting on instructions
CREATE INDEX instructions_meeting ON instructions(meeting_id, rank);
-- index instructions_rank on instructions
CREATE INDEX instructions_rank ON instructions(rank, id);
-- index instructions_status_rank on instructions
CREATE INDEX instructions_status_rank ON instructions(archived, status, rank);
-- index organizations_name on organizations
CREATE INDEX organizations_name ON organizations(name);
-- index people_organization on people
CREATE INDEX people_organization ON people(organization_id);
-- index profiles_name on profiles
CREATE INDEX profiles_name ON profiles(full_name);
-- index reports_instruction on reports
CREATE INDEX reports_instruction ON reports(instruction_id, submitted_at);
-- index sqlite_autoindex_attachments_1 on attachments
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_boards_1 on boards
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_boards_2 on boards
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_coexecutors_1 on coexecutors
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_extensions_1 on extensions
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_history_1 on history
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_instructions_1 on instructions
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_meetings_1 on meetings
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_organizations_1 on organizations
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_people_1 on people
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_profiles_1 on profiles
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_reports_1 on reports
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_settings_1 on settings
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_tags_1 on tags
-- (made by SQLite, no SQL)
-- index sqlite_autoindex_tags_2 on tags
-- (made by SQLite, no SQL)
-- table attachments on attachments
CREATE TABLE attachments (
  id TEXT PRIMARY KEY NOT NULL,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('meeting', 'instruction', 'report')),
  owner_id TEXT NOT NULL,
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0 AND size <= 52428800),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  removed_at TEXT,
  removed_by TEXT
  );
-- table boards on boards
CREATE TABLE boards (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT CHECK (name IS NULL AND builtin IS NOT NULL OR length(trim(name)) > 0),
  builtin TEXT UNIQUE,
  meeting_id TEXT REFERENCES meetings(id) ON DELETE CASCADE,
  column_field TEXT NOT NULL
  CHECK (column_field IN ('status', 'organization', 'topic', 'meeting', 'priority')),
  swimlane_field TEXT CHECK (swimlane_field IN ('organization', 'topic', 'meeting')),
  filter TEXT NOT NULL DEFAULT '',
  wip_limits TEXT NOT NULL DEFAULT '{}',
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  , sort_by TEXT NOT NULL DEFAULT 'manual'
  CHECK (sort_by IN ('manual', 'deadline', 'number', 'overdue', 'updated')));
-- table coexecutors on coexecutors
CREATE TABLE coexecutors (
  id TEXT PRIMARY KEY NOT NULL,
  instruction_id TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  organization_id TEXT REFERENCES organizations(id),
  person_id TEXT REFERENCES people(id),
  due_date TEXT,
  created_at TEXT NOT NULL,
  CHECK (organization_id IS NOT NULL OR person_id IS NOT NULL)
  );
-- table extensions on extensions
CREATE TABLE extensions (
  id TEXT PRIMARY KEY NOT NULL,
  instruction_id TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  old_date TEXT,
  new_date TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  decided_by TEXT NOT NULL,
  created_at TEXT NOT NULL
  , withdrawn_at TEXT, withdrawn_by TEXT);
-- table history on history
CREATE TABLE history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Stable across machines, so exchange files merge history from both sides without doubling it.
  uid TEXT NOT NULL UNIQUE,
  instruction_id TEXT,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  note TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
  , action_id TEXT);
-- table instruction_fts on instruction_fts
CREATE VIRTUAL TABLE instruction_fts USING fts5(
  title, body, reports,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
  );
-- table instruction_fts_config on instruction_fts_config
CREATE TABLE 'instruction_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table instruction_fts_content on instruction_fts_content
CREATE TABLE 'instruction_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2);
-- table instruction_fts_data on instruction_fts_data
CREATE TABLE 'instruction_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table instruction_fts_docsize on instruction_fts_docsize
CREATE TABLE 'instruction_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table instruction_fts_idx on instruction_fts_idx
CREATE TABLE 'instruction_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table instruction_search on instruction_search
CREATE VIRTUAL TABLE instruction_search USING fts5(
  title, body, reports,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
  );
-- table instruction_search_config on instruction_search_config
CREATE TABLE 'instruction_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- table instruction_search_content on instruction_search_content
CREATE TABLE 'instruction_search_content'(id INTEGER PRIMARY KEY, c0, c1, c2);
-- table instruction_search_data on instruction_search_data
CREATE TABLE 'instruction_search_data'(id INTEGER PRIMARY KEY, block BLOB);
-- table instruction_search_docsize on instruction_search_docsize
CREATE TABLE 'instruction_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- table instruction_search_idx on instruction_search_idx
CREATE TABLE 'instruction_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- table instruction_tags on instruction_tags
CREATE TABLE instruction_tags (
  instruction_id TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (instruction_id, tag_id)
  ) WITHOUT ROWID;
-- table instructions on instructions
CREATE TABLE instructions (
  id TEXT PRIMARY KEY NOT NULL,
  meeting_id TEXT REFERENCES meetings(id),
  item_number TEXT,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  lead_org_id TEXT REFERENCES organizations(id),
  lead_person_id TEXT REFERENCES people(id),
  controller_id TEXT REFERENCES people(id),
  due_date TEXT,
  original_due_date TEXT,
  priority TEXT NOT NULL DEFAULT 'normal'
  CHECK (priority IN ('low', 'normal', 'high', 'critical')),
  status TEXT NOT NULL DEFAULT 'assigned'
  CHECK (status IN ('assigned', 'in_progress', 'report_submitted', 'resolved')),
  on_control INTEGER NOT NULL DEFAULT 1 CHECK (on_control IN (0, 1)),
  rank INTEGER NOT NULL,
  resolved_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  -- Kept by the triggers below so a board of thousands of cards is one indexed scan; never
  -- written by application code.
  report_count INTEGER NOT NULL DEFAULT 0,
  coexecutor_count INTEGER NOT NULL DEFAULT 0,
  extension_count INTEGER NOT NULL DEFAULT 0,
  tag_list TEXT NOT NULL DEFAULT '',
  -- Long texts last: a board reads every column before them without touching overflow pages.
  body TEXT NOT NULL DEFAULT '',
  resolution TEXT, control_number TEXT,
  CHECK (status <> 'resolved' OR resolved_at IS NOT NULL)
  );
-- table meetings on meetings
CREATE TABLE meetings (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  held_on TEXT,
  place TEXT,
  participants TEXT,
  protocol_number TEXT,
  source_text TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  );
-- table organizations on organizations
CREATE TABLE organizations (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  short_name TEXT,
  country TEXT,
  merged_into TEXT REFERENCES organizations(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  );
-- table people on people
CREATE TABLE people (
  id TEXT PRIMARY KEY NOT NULL,
  full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
  position TEXT,
  organization_id TEXT REFERENCES organizations(id),
  merged_into TEXT REFERENCES people(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  );
-- table profiles on profiles
CREATE TABLE profiles (
  id TEXT PRIMARY KEY NOT NULL,
  full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
  position TEXT NOT NULL DEFAULT '',
  organization TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  );
-- table reports on reports
CREATE TABLE reports (
  id TEXT PRIMARY KEY NOT NULL,
  instruction_id TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('interim', 'final')),
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  author TEXT NOT NULL,
  submitted_at TEXT NOT NULL
  , superseded_at TEXT);
-- table search_index_queue on search_index_queue
CREATE TABLE search_index_queue (
  instruction_rowid INTEGER PRIMARY KEY NOT NULL
  );
-- table settings on settings
CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
  );
-- table sqlite_sequence on sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);
-- table tags on tags
CREATE TABLE tags (
  id TEXT PRIMARY KEY NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name_en TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_kk TEXT NOT NULL,
  name_ky TEXT NOT NULL
  );
-- trigger coexecutors_count_delete on coexecutors
CREATE TRIGGER coexecutors_count_delete AFTER DELETE ON coexecutors BEGIN
  UPDATE instructions SET coexecutor_count = coexecutor_count - 1 WHERE id = old.instruction_id;
  END;
-- trigger coexecutors_count_insert on coexecutors
CREATE TRIGGER coexecutors_count_insert AFTER INSERT ON coexecutors BEGIN
  UPDATE instructions SET coexecutor_count = coexecutor_count + 1 WHERE id = new.instruction_id;
  END;
-- trigger extensions_count_delete on extensions
CREATE TRIGGER extensions_count_delete AFTER DELETE ON extensions WHEN old.withdrawn_at IS NULL BEGIN
  UPDATE instructions SET extension_count = extension_count - 1 WHERE id = old.instruction_id;
  END;
-- trigger extensions_count_insert on extensions
CREATE TRIGGER extensions_count_insert AFTER INSERT ON extensions WHEN new.withdrawn_at IS NULL BEGIN
  UPDATE instructions SET extension_count = extension_count + 1 WHERE id = new.instruction_id;
  END;
-- trigger extensions_count_withdraw on extensions
CREATE TRIGGER extensions_count_withdraw AFTER UPDATE OF withdrawn_at ON extensions
  WHEN (old.withdrawn_at IS NULL) <> (new.withdrawn_at IS NULL) BEGIN
  UPDATE instructions
  SET extension_count = extension_count + CASE WHEN new.withdrawn_at IS NULL THEN 1 ELSE -1 END
  WHERE id = new.instruction_id;
  END;
-- trigger history_no_delete on history
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
-- trigger history_no_update on history
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
-- trigger instruction_tags_list_delete on instruction_tags
CREATE TRIGGER instruction_tags_list_delete AFTER DELETE ON instruction_tags BEGIN
  UPDATE instructions
  SET tag_list = (SELECT coalesce(group_concat(tag_id, ','), '') FROM (SELECT tag_id FROM instruction_tags WHERE instruction_id = old.instruction_id ORDER BY tag_id))
  WHERE id = old.instruction_id;
  END;
-- trigger instruction_tags_list_insert on instruction_tags
CREATE TRIGGER instruction_tags_list_insert AFTER INSERT ON instruction_tags BEGIN
  UPDATE instructions
  SET tag_list = (SELECT coalesce(group_concat(tag_id, ','), '') FROM (SELECT tag_id FROM instruction_tags WHERE instruction_id = new.instruction_id ORDER BY tag_id))
  WHERE id = new.instruction_id;
  END;
-- trigger instructions_attachments_delete on instructions
CREATE TRIGGER instructions_attachments_delete AFTER DELETE ON instructions BEGIN
  DELETE FROM attachments WHERE owner_kind = 'instruction' AND owner_id = old.id;
  END;
-- trigger instructions_fts_delete on instructions
CREATE TRIGGER instructions_fts_delete AFTER DELETE ON instructions BEGIN
  DELETE FROM instruction_fts WHERE rowid = old.rowid;
  END;
-- trigger instructions_fts_insert on instructions
CREATE TRIGGER instructions_fts_insert AFTER INSERT ON instructions BEGIN
  INSERT INTO instruction_fts(rowid, title, body, reports) VALUES (new.rowid, new.title, new.body, '');
  END;
-- trigger instructions_fts_update on instructions
CREATE TRIGGER instructions_fts_update AFTER UPDATE OF title, body ON instructions BEGIN
  UPDATE instruction_fts SET title = new.title, body = new.body WHERE rowid = new.rowid;
  END;
-- trigger instructions_search_delete on instructions
CREATE TRIGGER instructions_search_delete AFTER DELETE ON instructions BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT old.rowid WHERE NOT EXISTS (SELECT 1 FROM search_index_queue WHERE instruction_rowid = old.rowid);
  END;
-- trigger instructions_search_insert on instructions
CREATE TRIGGER instructions_search_insert AFTER INSERT ON instructions BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT new.rowid WHERE NOT EXISTS (SELECT 1 FROM search_index_queue WHERE instruction_rowid = new.rowid);
  END;
-- trigger instructions_search_update on instructions
CREATE TRIGGER instructions_search_update AFTER UPDATE OF title, body ON instructions BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT new.rowid WHERE NOT EXISTS (SELECT 1 FROM search_index_queue WHERE instruction_rowid = new.rowid);
  END;
-- trigger meetings_attachments_delete on meetings
CREATE TRIGGER meetings_attachments_delete AFTER DELETE ON meetings BEGIN
  DELETE FROM attachments WHERE owner_kind = 'meeting' AND owner_id = old.id;
  END;
-- trigger reports_attachments_delete on reports
CREATE TRIGGER reports_attachments_delete AFTER DELETE ON reports BEGIN
  DELETE FROM attachments WHERE owner_kind = 'report' AND owner_id = old.id;
  END;
-- trigger reports_count_delete on reports
CREATE TRIGGER reports_count_delete AFTER DELETE ON reports BEGIN
  UPDATE instructions SET report_count = report_count - 1 WHERE id = old.instruction_id;
  END;
-- trigger reports_count_insert on reports
CREATE TRIGGER reports_count_insert AFTER INSERT ON reports BEGIN
  UPDATE instructions SET report_count = report_count + 1 WHERE id = new.instruction_id;
  END;
-- trigger reports_fts_delete on reports
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  UPDATE instruction_fts
  SET reports = (SELECT coalesce(group_concat(body, char(10)), '') FROM reports WHERE instruction_id = old.instruction_id)
  WHERE rowid = (SELECT rowid FROM instructions WHERE id = old.instruction_id);
  END;
-- trigger reports_fts_insert on reports
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
  UPDATE instruction_fts
  SET reports = (SELECT coalesce(group_concat(body, char(10)), '') FROM reports WHERE instruction_id = new.instruction_id)
  WHERE rowid = (SELECT rowid FROM instructions WHERE id = new.instruction_id);
  END;
-- trigger reports_fts_update on reports
CREATE TRIGGER reports_fts_update AFTER UPDATE OF body ON reports BEGIN
  UPDATE instruction_fts
  SET reports = (SELECT coalesce(group_concat(body, char(10)), '') FROM reports WHERE instruction_id = new.instruction_id)
  WHERE rowid = (SELECT rowid FROM instructions WHERE id = new.instruction_id);
  END;
-- trigger reports_search_delete on reports
CREATE TRIGGER reports_search_delete AFTER DELETE ON reports BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT rowid FROM instructions WHERE id = old.instruction_id AND rowid NOT IN (SELECT instruction_rowid FROM search_index_queue);
  END;
-- trigger reports_search_insert on reports
CREATE TRIGGER reports_search_insert AFTER INSERT ON reports BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT rowid FROM instructions WHERE id = new.instruction_id AND rowid NOT IN (SELECT instruction_rowid FROM search_index_queue);
  END;
-- trigger reports_search_update on reports
CREATE TRIGGER reports_search_update AFTER UPDATE OF body, instruction_id ON reports BEGIN
  INSERT INTO search_index_queue (instruction_rowid) SELECT rowid FROM instructions WHERE id IN (old.instruction_id, new.instruction_id) AND rowid NOT IN (SELECT instruction_rowid FROM search_index_queue);
  END;
