// Control (registration) numbers: every instruction has one, unique in the store, made from the
// store's pattern (a setting) when the instruction is created on any path, and editable by the
// official with the uniqueness checked. `{protocol}/{item}` gives `12/3` for item 3 of protocol 12.
import type { StoreContext } from '../context';
import { StoreError } from '../errors';
import { getSetting, setSetting } from '../settings';

export const CONTROL_NUMBER_SETTING = 'controlNumberPattern';
export const DEFAULT_CONTROL_PATTERN = '{protocol}/{item}';
/** The placeholders a pattern may use: the meeting's protocol number, the item number, the meeting's year, a running number. */
export const CONTROL_PATTERN_TOKENS = ['protocol', 'item', 'year', 'n'] as const;
export const CONTROL_NUMBER_MAX = 60;

export function controlNumberPattern(ctx: StoreContext): string {
  const pattern = getSetting<unknown>(ctx, CONTROL_NUMBER_SETTING, DEFAULT_CONTROL_PATTERN);
  return typeof pattern === 'string' && pattern.trim() !== '' ? pattern : DEFAULT_CONTROL_PATTERN;
}

/** Stores a new pattern for numbers given from now on; numbers already given stay. */
export function setControlNumberPattern(ctx: StoreContext, pattern: string): string {
  const text = pattern.trim();
  const unknown = [...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string).filter((t) => !(CONTROL_PATTERN_TOKENS as readonly string[]).includes(t));
  if (text === '' || unknown.length > 0 || !/\{(protocol|item|year|n)\}/.test(text)) {
    throw new StoreError('validation', `The control number pattern “${text}” needs {protocol}, {item}, {year} or {n} and nothing else in braces.`, 'controlPatternInvalid', { pattern: text });
  }
  setSetting(ctx, CONTROL_NUMBER_SETTING, text);
  return text;
}

/** A control number as typed: trimmed, "№ 12/3" or "No. 12/3" read as "12/3". */
export function normalizeControlNumber(value: string): string {
  return value.trim().replace(/^(№|No\.?|N\.?)\s*/i, '').trim();
}

function isRunning(value: string): boolean {
  return /^[0-9]+$/.test(value);
}

/**
 * Gives the numbers of one write (a form, an import batch, a merge): each proposal is free in the
 * store and in the batch. A pattern whose parts are missing (a meeting without a protocol number)
 * falls back to the running number; a pattern number already taken gets a suffix (`12/3-2`), a
 * running number the next number.
 */
export class ControlNumbers {
  private readonly pattern: string;
  private readonly meetings = new Map<string, { protocol: string; year: string }>();
  private readonly given = new Set<string>();
  private running: number | null = null;

  constructor(private readonly ctx: StoreContext) {
    this.pattern = controlNumberPattern(ctx);
  }

  private meeting(id: string | null | undefined): { protocol: string; year: string } {
    if (!id) return { protocol: '', year: '' };
    let m = this.meetings.get(id);
    if (!m) {
      const row = this.ctx.stmt('SELECT protocol_number, held_on FROM meetings WHERE id = ?').get(id) as { protocol_number: string | null; held_on: string | null } | undefined;
      m = { protocol: row?.protocol_number ? normalizeControlNumber(row.protocol_number) : '', year: row?.held_on?.slice(0, 4) ?? '' };
      this.meetings.set(id, m);
    }
    return m;
  }

  private nextRunning(): number {
    if (this.running === null) {
      const row = this.ctx
        .stmt("SELECT max(CAST(control_number AS INTEGER)) AS n FROM instructions WHERE control_number GLOB '[0-9]*' AND control_number NOT GLOB '*[^0-9]*'")
        .get() as { n: number | null };
      this.running = row.n ?? 0;
    }
    this.running += 1;
    return this.running;
  }

  /** Whether a number is held by another instruction of the store or was given in this batch. */
  taken(number: string, exceptId?: string): boolean {
    if (this.given.has(number)) return true;
    const row = this.ctx.stmt('SELECT id FROM instructions WHERE control_number = ?').get(number) as { id: string } | undefined;
    return row !== undefined && row.id !== exceptId;
  }

  /** Marks a number as used by this batch (after a clash found by the UNIQUE index, or a number kept as it came). */
  use(number: string): void {
    this.given.add(number);
  }

  private fromPattern(meetingId: string | null | undefined, itemNumber: string | null | undefined): string | null {
    const m = this.meeting(meetingId);
    const values: Record<string, string> = { protocol: m.protocol, item: itemNumber?.trim() ?? '', year: m.year };
    let missing = false;
    const text = this.pattern.replace(/\{(protocol|item|year|n)\}/g, (_, token: string) => {
      if (token === 'n') return '{n}';
      const value = values[token] ?? '';
      if (value === '') missing = true;
      return value;
    });
    if (missing) return null;
    if (text.includes('{n}')) return text.replace('{n}', String(this.nextRunning())).slice(0, CONTROL_NUMBER_MAX);
    return text.slice(0, CONTROL_NUMBER_MAX);
  }

  /** A free number for a new instruction; `wanted` (an imported file's number) is kept when free. */
  propose(meetingId: string | null | undefined, itemNumber: string | null | undefined, wanted?: string | null): string {
    const kept = wanted ? normalizeControlNumber(wanted) : '';
    if (kept !== '' && !this.taken(kept)) return this.give(kept);
    const base = kept !== '' ? kept : this.fromPattern(meetingId, itemNumber);
    if (base === null || isRunning(base)) {
      for (;;) {
        const n = String(this.nextRunning());
        if (!this.taken(n)) return this.give(n);
      }
    }
    if (!this.taken(base)) return this.give(base);
    for (let suffix = 2; ; suffix++) {
      const candidate = `${base}-${suffix}`;
      if (!this.taken(candidate)) return this.give(candidate);
    }
  }

  private give(number: string): string {
    this.given.add(number);
    return number;
  }
}

/** The UNIQUE index on control numbers refused a write (another connection took the number meanwhile). */
export function isControlNumberClash(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && String(e.message).includes('instructions.control_number');
}

/** Checks an official's edit of a control number: not empty, not another instruction's. */
export function checkControlNumber(ctx: StoreContext, id: string, value: string): string {
  const number = normalizeControlNumber(value);
  if (number === '') throw new StoreError('validation', 'A control number is required.', 'controlNumberRequired');
  if (number.length > CONTROL_NUMBER_MAX) throw new StoreError('validation', `A control number has at most ${CONTROL_NUMBER_MAX} characters.`, 'controlNumberTooLong', { max: CONTROL_NUMBER_MAX });
  const other = ctx.stmt('SELECT id, title FROM instructions WHERE control_number = ? AND id <> ?').get(number, id) as { id: string; title: string } | undefined;
  if (other) {
    throw new StoreError('conflict', `No. ${number} is already the control number of “${other.title}”.`, 'controlNumberTaken', { number, title: other.title });
  }
  return number;
}
