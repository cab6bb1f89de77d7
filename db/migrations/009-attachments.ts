// Migration 009: attachments (issue 12). Any file (a scanned protocol, a letter, a spreadsheet) can
// be attached to a meeting, an instruction or a report. The bytes are not in the database: they
// live content-addressed beside it (<data folder>/attachments/ab/abcdef…, named by their SHA-256),
// so the same file attached twice is stored once; this table says which file belongs to what.
//
// A removed attachment keeps its row with removed_at/removed_by set (a tombstone), so an exchange
// package from another desk that still lists it does not bring it back; its file is deleted as soon
// as no row that is not removed refers to its hash (backups keep their own copies).
// The owner is one of three tables, so there is no foreign key: the triggers below remove the
// attachments of a meeting, instruction or report that is deleted.
export const migration009 = `
CREATE TABLE attachments (
  id          TEXT PRIMARY KEY NOT NULL,
  owner_kind  TEXT NOT NULL CHECK (owner_kind IN ('meeting', 'instruction', 'report')),
  owner_id    TEXT NOT NULL,
  file_name   TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  media_type  TEXT NOT NULL,
  size        INTEGER NOT NULL CHECK (size >= 0 AND size <= 52428800),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  added_at    TEXT NOT NULL,
  added_by    TEXT NOT NULL,
  removed_at  TEXT,
  removed_by  TEXT
);
CREATE INDEX attachments_owner ON attachments(owner_kind, owner_id);
CREATE INDEX attachments_sha256 ON attachments(sha256);

CREATE TRIGGER meetings_attachments_delete AFTER DELETE ON meetings BEGIN
  DELETE FROM attachments WHERE owner_kind = 'meeting' AND owner_id = old.id;
END;
CREATE TRIGGER instructions_attachments_delete AFTER DELETE ON instructions BEGIN
  DELETE FROM attachments WHERE owner_kind = 'instruction' AND owner_id = old.id;
END;
CREATE TRIGGER reports_attachments_delete AFTER DELETE ON reports BEGIN
  DELETE FROM attachments WHERE owner_kind = 'report' AND owner_id = old.id;
END;
`;
