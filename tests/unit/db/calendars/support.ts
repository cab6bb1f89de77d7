import { expect } from 'vitest';
import type { CalendarResult } from '../../../../db/calendars';

/** The value of a calculation that must succeed. */
export function value<T>(r: CalendarResult<T>): T {
  if (!r.ok) throw new Error(`expected a value, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function errorCode<T>(r: CalendarResult<T> | { ok: false; error: { code: string } } | { ok: true }): string {
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.code;
}
