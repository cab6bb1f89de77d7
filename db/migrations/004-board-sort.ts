// Migration 004: a board keeps how it orders the cards within a column (db/model.ts BOARD_SORTS).
// Every board that existed keeps the order it had: by hand (the rank), `manual`.
export const migration004 = `
ALTER TABLE boards ADD COLUMN sort_by TEXT NOT NULL DEFAULT 'manual'
  CHECK (sort_by IN ('manual', 'deadline', 'number', 'overdue', 'updated'));
`;
