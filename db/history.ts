import { newId, type StoreContext } from './context';
import type { HistoryEntry } from './model';

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

const COLUMNS = 'uid, instruction_id, entity, entity_id, field, old_value, new_value, note, actor, at';

function values(change: Change, actor: string, at: string): unknown[] {
  return [newId(), change.instructionId, change.entity, change.entityId, change.field, asText(change.oldValue), asText(change.newValue), change.note ?? null, actor, at];
}

export function recordChange(ctx: StoreContext, change: Change): void {
  ctx.stmt(`INSERT INTO history (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values(change, ctx.actor(), ctx.timestamp()));
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

interface HistoryRow {
  id: number;
  uid: string;
  instruction_id: string | null;
  entity: string;
  entity_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  note: string | null;
  actor: string;
  at: string;
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    uid: row.uid,
    instructionId: row.instruction_id,
    entity: row.entity,
    entityId: row.entity_id,
    field: row.field,
    oldValue: row.old_value,
    newValue: row.new_value,
    note: row.note,
    actor: row.actor,
    at: row.at,
  };
}

export function listInstructionHistory(ctx: StoreContext, instructionId: string): HistoryEntry[] {
  const rows = ctx.stmt('SELECT * FROM history WHERE instruction_id = ? ORDER BY id').all(instructionId) as HistoryRow[];
  return rows.map(toEntry);
}
