// Migration 006: periodic instructions (issue 11).
// - instructions.recurrence: how an instruction recurs (JSON: monthly / quarterly / yearly by a day,
//   or a custom RRULE), null for a one-off instruction — every instruction that existed.
// - instruction_periods: each period's report is its own due item: the period it covers, its due
//   date (the working-day rule applied), and the report that closed it. Generated ahead by
//   db/periods.ts; deleted with their instruction.
export const migration006 = `
ALTER TABLE instructions ADD COLUMN recurrence TEXT;
-- The periodic instructions, found on every open without reading the whole table.
CREATE INDEX instructions_recurring ON instructions(id) WHERE recurrence IS NOT NULL;

CREATE TABLE instruction_periods (
  id TEXT PRIMARY KEY NOT NULL,
  instruction_id TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  label TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  due_date TEXT NOT NULL,
  report_id TEXT REFERENCES reports(id) ON DELETE SET NULL,
  closed_at TEXT,
  UNIQUE (instruction_id, seq)
);
CREATE INDEX instruction_periods_due ON instruction_periods(due_date);
`;
