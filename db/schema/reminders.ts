import { defineTable, notCarried, type DomainOf, type RowOf } from './columns';
import { REMINDER_MODES } from '../model';

const desk = notCarried("reminders are this desk's own prompts to its officials (when and whether to be reminded), not facts of the register another copy needs");
const fired = notCarried('which reminders this desk has already shown; another desk reminds its own officials');

export const reminderOverridesTable = defineTable('reminder_overrides', {
  instructionId: { sql: 'instruction_id', kind: 'text', exchange: desk },
  mode: { sql: 'mode', kind: 'text', values: REMINDER_MODES, exchange: desk },
  policy: { sql: 'policy', kind: 'text', nullable: true, exchange: desk },
  snoozedUntil: { sql: 'snoozed_until', kind: 'text', nullable: true, exchange: desk },
  updatedAt: { sql: 'updated_at', kind: 'text', exchange: desk },
});

export const firedRemindersTable = defineTable('fired_reminders', {
  id: { sql: 'id', kind: 'int', exchange: fired },
  instructionId: { sql: 'instruction_id', kind: 'text', exchange: fired },
  periodKey: { sql: 'period_key', kind: 'text', exchange: fired },
  rule: { sql: 'rule', kind: 'text', exchange: fired },
  dueDate: { sql: 'due_date', kind: 'text', exchange: fired },
  firedOn: { sql: 'fired_on', kind: 'text', exchange: fired },
  firedAt: { sql: 'fired_at', kind: 'text', exchange: fired },
});

export type ReminderOverrideRow = RowOf<typeof reminderOverridesTable>;
export type ReminderOverrideRecord = DomainOf<typeof reminderOverridesTable>;
export type FiredReminderRow = RowOf<typeof firedRemindersTable>;
