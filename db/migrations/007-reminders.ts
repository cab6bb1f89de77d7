// Migration 007: reminders (issue 11, "Reminders"). The store's reminder policy is a setting
// (db/reminders.ts); an instruction may follow it, follow its own, or have no reminders, and may be
// snoozed until a date (reminder_overrides). A reminder fires once per event: the instruction, the
// period (empty for a one-off instruction), the rule ("before:5", "day", "overdue:3") and the deadline
// in force when it fired; the unique key makes a second firing impossible across restarts, and an
// extension (a new deadline) makes new events.
export const migration007 = `
CREATE TABLE reminder_overrides (
  instruction_id TEXT PRIMARY KEY NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  mode           TEXT NOT NULL DEFAULT 'store' CHECK (mode IN ('store', 'custom', 'none')),
  policy         TEXT CHECK (policy IS NULL OR json_valid(policy)),
  snoozed_until  TEXT,
  updated_at     TEXT NOT NULL
);
CREATE TABLE fired_reminders (
  id             INTEGER PRIMARY KEY,
  instruction_id TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  period_key     TEXT NOT NULL DEFAULT '',
  rule           TEXT NOT NULL,
  due_date       TEXT NOT NULL,
  fired_on       TEXT NOT NULL,
  fired_at       TEXT NOT NULL,
  UNIQUE (instruction_id, period_key, rule, due_date)
);
`;
