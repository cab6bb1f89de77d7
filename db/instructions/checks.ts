// The rules every change of an instruction checks first: a version the caller saw, required texts,
// real dates, existing references; and `touch`, which marks an instruction changed.
import type { StoreContext } from '../context';
import { StoreError } from '../errors';
import { isIsoDate } from '../dates';
import type { Instruction, IsoDate } from '../model';

export function checkVersion(current: Instruction, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new StoreError(
      'conflict',
      `“${current.title}” was changed elsewhere in the meantime; reload it and try again.`,
      'staleVersion',
      { title: current.title },
    );
  }
}

export function touch(ctx: StoreContext, id: string): void {
  ctx.stmt('UPDATE instructions SET updated_at = ?, version = version + 1 WHERE id = ?').run(ctx.timestamp(), id);
}

export function requireText(value: string | undefined | null, what: string, key: string): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new StoreError('validation', `${what} is required.`, key);
  return text;
}

export function requireDate(value: string, key: string): IsoDate {
  if (!isIsoDate(value)) throw new StoreError('validation', `${value} is not a date (YYYY-MM-DD).`, key, { value });
  return value;
}

/**
 * The rules of a deadline being set: never before the meeting that gave the instruction, and in
 * the past only when the official confirmed it (`allowPast`; imports of historical records do).
 */
export function checkDeadline(ctx: StoreContext, due: IsoDate, meetingId: string | null | undefined, allowPast: boolean): void {
  if (meetingId) {
    const meeting = ctx.stmt('SELECT held_on FROM meetings WHERE id = ?').get(meetingId) as { held_on: string | null } | undefined;
    if (meeting?.held_on && due < meeting.held_on) {
      throw new StoreError('validation', `The deadline ${due} is before the meeting of ${meeting.held_on} that gave the instruction.`, 'deadlineBeforeMeeting', {
        date: due,
        meetingDate: meeting.held_on,
      });
    }
  }
  if (!allowPast && due < ctx.today()) {
    throw new StoreError('validation', `The deadline ${due} is in the past; confirm to set it anyway.`, 'deadlineInPast', { date: due });
  }
}

export function checkReference(ctx: StoreContext, table: 'organizations' | 'people' | 'meetings', id: string | null | undefined): void {
  if (id === null || id === undefined) return;
  const found = ctx.stmt(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  if (!found) throw new StoreError('not_found', `No ${table.replace(/s$/, '')} ${id}.`, 'referenceNotFound', { id });
}
