import { newId, type StoreContext } from './context';
import type { HistoryEntry } from './model';
import { historyTable, toDomain, type HistoryRow } from './schema/index';

export interface Change {
  entity: string;
  entityId: string;
  instructionId: string | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  /** Why, where the rules ask for a reason (reopening, extending a deadline). */
  note?: string | null;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const COLUMNS = 'uid, instruction_id, entity, entity_id, field, old_value, new_value, note, actor, at, action_id';

function values(change: Change, actor: string, at: string, actionId: string): unknown[] {
  return [newId(), change.instructionId, change.entity, change.entityId, change.field, asText(change.oldValue), asText(change.newValue), change.note ?? null, actor, at, actionId];
}

export function recordChange(ctx: StoreContext, change: Change): void {
  ctx.stmt(`INSERT INTO history (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values(change, ctx.actor(), ctx.timestamp(), ctx.actionId()));
}

/** Records one history row per field whose value differs; returns the fields that changed. */
export function recordDiff(
  ctx: StoreContext,
  base: Omit<Change, 'field' | 'oldValue' | 'newValue'>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  const changed: string[] = [];
  for (const field of Object.keys(after)) {
    const oldValue = asText(before[field]);
    const newValue = asText(after[field]);
    if (oldValue === newValue) continue;
    changed.push(field);
    recordChange(ctx, { ...base, field, oldValue, newValue });
  }
  return changed;
}

const toEntry = toDomain(historyTable);

/**
 * Fields history keeps that are not the official's business: a card's position on a board (rows
 * written before version 2 recorded it). They stay in the file; no history view or report shows them.
 */
export const INTERNAL_HISTORY_FIELDS: readonly string[] = ['rank'];

/** An instruction's history as officials read it, oldest first, without internal fields. */
export function listInstructionHistory(ctx: StoreContext, instructionId: string): HistoryEntry[] {
  const rows = ctx
    .stmt(`SELECT * FROM history WHERE instruction_id = ? AND field NOT IN (${INTERNAL_HISTORY_FIELDS.map(() => '?').join(', ')}) ORDER BY id`)
    .all(instructionId, ...INTERNAL_HISTORY_FIELDS) as HistoryRow[];
  return rows.map(toEntry);
}
