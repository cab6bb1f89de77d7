// Migration 2: the figures a control department is judged on (issue 10).
// - extensions: an undone deadline change is withdrawn (who, when), never deleted; the trigger-kept
//   extension_count counts only the extensions that stand.
// - reports: a final report is superseded when its instruction is reopened (kept, marked).
// - history: one action (a resolve writes status, report and dates) shares one action_id.
// - instructions: a store-wide unique control (registration) number, backfilled here as
//   `{protocol}/{item}` (the default pattern, a leading № of the protocol number left out) where the meeting has a protocol number and the
//   instruction an item number, and as a running number where it has not or where that number is
//   taken already (the oldest instruction keeps `{protocol}/{item}`).

export const migration002 = `
ALTER TABLE extensions ADD COLUMN withdrawn_at TEXT;
ALTER TABLE extensions ADD COLUMN withdrawn_by TEXT;
DROP TRIGGER extensions_count_insert;
DROP TRIGGER extensions_count_delete;
CREATE TRIGGER extensions_count_insert AFTER INSERT ON extensions WHEN new.withdrawn_at IS NULL BEGIN
  UPDATE instructions SET extension_count = extension_count + 1 WHERE id = new.instruction_id;
END;
CREATE TRIGGER extensions_count_delete AFTER DELETE ON extensions WHEN old.withdrawn_at IS NULL BEGIN
  UPDATE instructions SET extension_count = extension_count - 1 WHERE id = old.instruction_id;
END;
CREATE TRIGGER extensions_count_withdraw AFTER UPDATE OF withdrawn_at ON extensions
  WHEN (old.withdrawn_at IS NULL) <> (new.withdrawn_at IS NULL) BEGIN
  UPDATE instructions
     SET extension_count = extension_count + CASE WHEN new.withdrawn_at IS NULL THEN 1 ELSE -1 END
   WHERE id = new.instruction_id;
END;

ALTER TABLE reports ADD COLUMN superseded_at TEXT;

ALTER TABLE history ADD COLUMN action_id TEXT;

ALTER TABLE instructions ADD COLUMN control_number TEXT;
CREATE TEMP TABLE control_number_base AS
  SELECT i.id AS id,
         CASE WHEN nullif(ltrim(trim(m.protocol_number), '№ '), '') IS NOT NULL AND nullif(trim(i.item_number), '') IS NOT NULL
              THEN ltrim(trim(m.protocol_number), '№ ') || '/' || trim(i.item_number) END AS base,
         i.created_at AS created_at, i.rowid AS rid
    FROM instructions i LEFT JOIN meetings m ON m.id = i.meeting_id;
CREATE TEMP TABLE control_number_pick AS
  SELECT id, base, created_at, rid,
         row_number() OVER (PARTITION BY base ORDER BY created_at, rid) AS nth
    FROM control_number_base;
CREATE TEMP TABLE control_number_new AS
  SELECT id, base AS number FROM control_number_pick WHERE base IS NOT NULL AND nth = 1
  UNION ALL
  SELECT id, CAST(row_number() OVER (ORDER BY created_at, rid) AS TEXT)
    FROM control_number_pick WHERE base IS NULL OR nth > 1;
UPDATE instructions SET control_number = (SELECT number FROM control_number_new n WHERE n.id = instructions.id);
DROP TABLE control_number_new;
DROP TABLE control_number_pick;
DROP TABLE control_number_base;
CREATE UNIQUE INDEX instructions_control_number ON instructions(control_number);
`;
