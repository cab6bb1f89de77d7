// Periodic instructions: an instruction that recurs (a monthly report by the 5th, a quarterly one
// by the 5th of the month after the quarter, a yearly one, or a custom RRULE) has one due item per
// period, each closed by the report filed for it. The occurrences come from `rrule`; each period's
// due date follows the deadline rule (db/deadline-rule.ts) on the lead organization's calendar.
// Periods are generated twelve months ahead when the recurrence is set and whenever the store opens;
// the instruction's own due date is the earliest open period's, so boards, filters and overdue
// figures treat the period that is due like any deadline. A periodic instruction stays in control
// until it is removed from control (resolving it is removing it).
//
// For the reminders and the discipline dashboard: `listPeriodDueItems(ctx, from, to)`.
// rrule ships as CommonJS without named exports Node can see: take its default export.
import rrule, { type Options } from 'rrule';
import { newId, type StoreContext } from './context';
import { addDays } from './dates';
import { applyDeadlineRule } from './deadline-rule';
import { StoreError } from './errors';
import { recordChange } from './history';
import type { IsoDate, IsoTimestamp } from './model';

const { RRule } = rrule;

/** How an instruction recurs. Stored in instructions.recurrence as text (formatRecurrence). */
export type Recurrence =
  /** A report every month by day `day` of the month after the month reported on. */
  | { kind: 'monthly'; day: number }
  /** A report every quarter by day `day` of the month after the quarter. */
  | { kind: 'quarterly'; day: number }
  /** A report every year by `month`/`day` of the year after the year reported on. */
  | { kind: 'yearly'; month: number; day: number }
  /** Any RRULE (RFC 5545) with FREQ=YEARLY, MONTHLY, WEEKLY or DAILY: each occurrence is a due date. */
  | { kind: 'custom'; rrule: string };

/** How far ahead periods are generated. */
export const PERIODS_AHEAD_MONTHS = 12;
/** The most periods one generation adds (a daily rule over a year stays well within it). */
const MAX_NEW_PERIODS = 400;

/** Error keys: recurrenceDay (a day of the month out of 1–28), recurrenceYearly (no month/day),
 * recurrenceRule (a custom rule that is not an RRULE this app takes), recurrenceUnknown. */
function invalid(message: string, key: 'recurrenceDay' | 'recurrenceYearly' | 'recurrenceRule' | 'recurrenceUnknown', rule: string): StoreError {
  return new StoreError('validation', message, key, { rule });
}

function wholeNumber(text: string | undefined, min: number, max: number): number | null {
  if (text === undefined || !/^\d{1,2}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

const FREQUENCIES = new Map<number, string>([
  [RRule.YEARLY, 'YEARLY'],
  [RRule.MONTHLY, 'MONTHLY'],
  [RRule.WEEKLY, 'WEEKLY'],
  [RRule.DAILY, 'DAILY'],
]);

/** The options of a custom RRULE, or a clear refusal. DTSTART is the meeting's date, never the rule's. */
function customOptions(text: string): Partial<Options> {
  const rule = text.trim().replace(/^RRULE:/i, '');
  if (rule === '' || /DTSTART|\n/i.test(rule)) throw invalid(`The repeat rule "${text}" is not an RRULE this app takes (no DTSTART: periods start from the meeting date). Example: FREQ=MONTHLY;BYMONTHDAY=10.`, 'recurrenceRule', text);
  let options: Partial<Options>;
  try {
    options = RRule.parseString(rule);
  } catch (err) {
    throw invalid(`The repeat rule "${text}" is not an RRULE (${(err as Error).message}). Example: FREQ=MONTHLY;BYMONTHDAY=10.`, 'recurrenceRule', text);
  }
  if (options.freq === undefined || !FREQUENCIES.has(options.freq)) {
    throw invalid(`The repeat rule "${text}" needs FREQ=YEARLY, MONTHLY, WEEKLY or DAILY.`, 'recurrenceRule', text);
  }
  return options;
}

/**
 * Reads a stored or typed recurrence: `monthly:5`, `quarterly:5`, `yearly:01-15` or `rrule:<RRULE>`.
 * Throws a StoreError (`recurrenceInvalid`) that says what is wrong.
 */
export function parseRecurrence(text: string): Recurrence {
  const [kind, ...rest] = text.split(':');
  const value = rest.join(':');
  switch (kind) {
    case 'monthly':
    case 'quarterly': {
      const day = wholeNumber(value, 1, 28);
      if (day === null) throw invalid(`The day of the month must be a whole number from 1 to 28: "${value}".`, 'recurrenceDay', value);
      return { kind, day };
    }
    case 'yearly': {
      const [m, d] = value.split('-');
      const month = wholeNumber(m, 1, 12);
      const day = wholeNumber(d, 1, 28);
      if (month === null || day === null) throw invalid(`A yearly report needs a month (1–12) and a day (1–28): "${value}".`, 'recurrenceYearly', value);
      return { kind, month, day };
    }
    case 'rrule':
      customOptions(value);
      return { kind: 'custom', rrule: value.trim().replace(/^RRULE:/i, '') };
    default:
      throw invalid(`Unknown repeat "${text}": monthly, quarterly, yearly or a custom rule.`, 'recurrenceUnknown', text);
  }
}

export function formatRecurrence(r: Recurrence): string {
  switch (r.kind) {
    case 'monthly':
    case 'quarterly':
      return `${r.kind}:${r.day}`;
    case 'yearly':
      return `yearly:${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`;
    case 'custom':
      return `rrule:${r.rrule}`;
  }
}

function ruleOptions(r: Recurrence): Partial<Options> {
  switch (r.kind) {
    case 'monthly':
      return { freq: RRule.MONTHLY, bymonthday: r.day };
    case 'quarterly':
      return { freq: RRule.YEARLY, bymonth: [1, 4, 7, 10], bymonthday: r.day };
    case 'yearly':
      return { freq: RRule.YEARLY, bymonth: r.month, bymonthday: r.day };
    case 'custom':
      return customOptions(r.rrule);
  }
}

const utc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const iso = (date: Date): IsoDate => date.toISOString().slice(0, 10);

function monthStart(date: IsoDate, monthsBack: number): IsoDate {
  const d = utc(date);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1)));
}

function monthEnd(date: IsoDate): IsoDate {
  const d = utc(date);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

/** A period as a rule's occurrence gives it. `label` is language-neutral: `2027-01` (a month),
 * `2027-Q1` (a quarter), `2026` (a year) or the due date itself for a custom rule. */
interface PeriodShape {
  label: string;
  start: IsoDate;
  end: IsoDate;
  /** The occurrence, before the deadline rule. */
  due: IsoDate;
}

function shapeOf(r: Recurrence, occurrence: IsoDate, previous: IsoDate): PeriodShape {
  switch (r.kind) {
    case 'monthly': {
      const start = monthStart(occurrence, 1);
      return { label: start.slice(0, 7), start, end: monthEnd(start), due: occurrence };
    }
    case 'quarterly': {
      const start = monthStart(occurrence, 3);
      const quarter = Math.floor(Number(start.slice(5, 7)) / 3) + 1;
      return { label: `${start.slice(0, 4)}-Q${quarter}`, start, end: monthEnd(monthStart(occurrence, 1)), due: occurrence };
    }
    case 'yearly': {
      const year = Number(occurrence.slice(0, 4)) - 1;
      return { label: String(year), start: `${year}-01-01`, end: `${year}-12-31`, due: occurrence };
    }
    case 'custom':
      return { label: occurrence, start: addDays(previous, 1), end: occurrence, due: occurrence };
  }
}

/** The periods whose occurrence falls after `anchor` and on or before `until`, leaving out a period
 * that ended before `anchor` (a monthly report given on 1 November starts with November's). */
export function periodShapes(r: Recurrence, anchor: IsoDate, until: IsoDate): PeriodShape[] {
  if (until <= anchor) return [];
  const rule = new RRule({ ...ruleOptions(r), dtstart: utc(anchor) });
  const dates = rule.between(utc(anchor), utc(addDays(until, 1)), false).map(iso).filter((d) => d > anchor && d <= until);
  const shapes: PeriodShape[] = [];
  let previous = anchor;
  for (const d of dates.slice(0, MAX_NEW_PERIODS)) {
    const shape = shapeOf(r, d, previous);
    if (shape.end >= anchor) shapes.push(shape);
    previous = d;
  }
  return shapes;
}

export interface InstructionPeriod {
  id: string;
  instructionId: string;
  /** 1 for the first period, then 2, 3, … */
  seq: number;
  label: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** The report's due date, the deadline rule applied. */
  dueDate: IsoDate;
  /** The report that closed the period, null while it is open. */
  reportId: string | null;
  closedAt: IsoTimestamp | null;
}

interface PeriodRow {
  id: string;
  instruction_id: string;
  seq: number;
  label: string;
  period_start: string;
  period_end: string;
  due_date: string;
  report_id: string | null;
  closed_at: string | null;
}

const toPeriod = (r: PeriodRow): InstructionPeriod => ({
  id: r.id,
  instructionId: r.instruction_id,
  seq: r.seq,
  label: r.label,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  dueDate: r.due_date,
  reportId: r.report_id,
  closedAt: r.closed_at,
});

/** An instruction's periods, first to last. */
export function listPeriods(ctx: StoreContext, instructionId: string): InstructionPeriod[] {
  return (ctx.stmt('SELECT * FROM instruction_periods WHERE instruction_id = ? ORDER BY seq').all(instructionId) as PeriodRow[]).map(toPeriod);
}

interface Owner {
  id: string;
  recurrence: string | null;
  lead_org_id: string | null;
  meeting_id: string | null;
  created_at: string;
  due_date: string | null;
  original_due_date: string | null;
}

function ownerOf(ctx: StoreContext, instructionId: string): Owner | undefined {
  return ctx
    .stmt('SELECT id, recurrence, lead_org_id, meeting_id, created_at, due_date, original_due_date FROM instructions WHERE id = ?')
    .get(instructionId) as Owner | undefined;
}

/** Where the periods of an instruction start: the meeting's date, or the day it was recorded. */
function anchorOf(ctx: StoreContext, owner: Owner): IsoDate {
  const held = owner.meeting_id
    ? (ctx.stmt('SELECT held_on FROM meetings WHERE id = ?').get(owner.meeting_id) as { held_on: string | null } | undefined)?.held_on
    : null;
  return held ?? owner.created_at.slice(0, 10);
}

/** Twelve months after today. */
function horizon(ctx: StoreContext): IsoDate {
  const today = utc(ctx.today());
  return iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + PERIODS_AHEAD_MONTHS, today.getUTCDate())));
}

/**
 * Brings one instruction's periods up to date: adds the periods up to twelve months ahead that it
 * lacks, gives every open period its due date under today's deadline rule and calendar, and sets
 * the instruction's due date to the earliest open period's. Inside the caller's transaction.
 */
export function refreshPeriods(ctx: StoreContext, instructionId: string): void {
  const owner = ownerOf(ctx, instructionId);
  if (!owner || owner.recurrence === null) return;
  const recurrence = parseRecurrence(owner.recurrence);
  const existing = listPeriods(ctx, instructionId);
  const byLabel = new Map(existing.map((p) => [p.label, p]));
  // After a change of rule the periods already closed stay; new ones start after the last of them.
  const lastClosed = existing.filter((p) => p.closedAt !== null).at(-1);
  const anchor = lastClosed && lastClosed.periodEnd > anchorOf(ctx, owner) ? lastClosed.periodEnd : anchorOf(ctx, owner);
  let seq = existing.at(-1)?.seq ?? 0;
  const insert = ctx.stmt(
    'INSERT INTO instruction_periods (id, instruction_id, seq, label, period_start, period_end, due_date, report_id, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)',
  );
  const redate = ctx.stmt('UPDATE instruction_periods SET due_date = ? WHERE id = ?');
  for (const shape of periodShapes(recurrence, anchor, horizon(ctx))) {
    const due = applyDeadlineRule(ctx, shape.due, owner.lead_org_id).date;
    const known = byLabel.get(shape.label);
    if (!known) insert.run(newId(), instructionId, ++seq, shape.label, shape.start, shape.end, due);
    else if (known.closedAt === null && known.dueDate !== due) redate.run(due, known.id);
  }
  syncDueDate(ctx, owner);
}

/** The instruction's due date follows its earliest open period (history records the change). */
function syncDueDate(ctx: StoreContext, owner: Owner): void {
  const open = ctx
    .stmt('SELECT due_date, label FROM instruction_periods WHERE instruction_id = ? AND closed_at IS NULL ORDER BY seq LIMIT 1')
    .get(owner.id) as { due_date: string; label: string } | undefined;
  if (!open || open.due_date === owner.due_date) return;
  ctx.stmt('UPDATE instructions SET due_date = ?, original_due_date = coalesce(original_due_date, ?) WHERE id = ?').run(open.due_date, open.due_date, owner.id);
  recordChange(ctx, { entity: 'instruction', entityId: owner.id, instructionId: owner.id, field: 'dueDate', oldValue: owner.due_date, newValue: open.due_date, note: `period ${open.label}` });
}

/**
 * Sets or clears how an instruction recurs. Open periods are replaced by the new rule's; closed
 * ones stay with their reports. Clearing keeps the closed periods and drops the open ones; the
 * instruction keeps its current due date. Inside the caller's transaction.
 */
export function applyRecurrence(ctx: StoreContext, instructionId: string, recurrence: string | null): void {
  const before = ownerOf(ctx, instructionId);
  if (!before) return;
  const text = recurrence === null || recurrence.trim() === '' ? null : formatRecurrence(parseRecurrence(recurrence.trim()));
  if (text === before.recurrence) return;
  ctx.stmt('DELETE FROM instruction_periods WHERE instruction_id = ? AND closed_at IS NULL').run(instructionId);
  ctx.stmt('UPDATE instructions SET recurrence = ? WHERE id = ?').run(text, instructionId);
  recordChange(ctx, { entity: 'instruction', entityId: instructionId, instructionId, field: 'recurrence', oldValue: before.recurrence, newValue: text });
  if (text !== null) refreshPeriods(ctx, instructionId);
}

/** A report filed on a periodic instruction closes its earliest open period. Inside the caller's transaction. */
export function closePeriodWith(ctx: StoreContext, instructionId: string, reportId: string, at: IsoTimestamp): InstructionPeriod | null {
  const owner = ownerOf(ctx, instructionId);
  if (!owner || owner.recurrence === null) return null;
  const open = ctx.stmt('SELECT * FROM instruction_periods WHERE instruction_id = ? AND closed_at IS NULL ORDER BY seq LIMIT 1').get(instructionId) as
    | PeriodRow
    | undefined;
  if (!open) return null;
  ctx.stmt('UPDATE instruction_periods SET report_id = ?, closed_at = ? WHERE id = ?').run(reportId, at, open.id);
  recordChange(ctx, { entity: 'instruction', entityId: instructionId, instructionId, field: 'periodClosed', oldValue: null, newValue: open.label });
  refreshPeriods(ctx, instructionId);
  return toPeriod({ ...open, report_id: reportId, closed_at: at });
}

/** Generates ahead the periods of every periodic instruction in control (when the store opens, and
 * after the calendar or the deadline rule changed). */
export function refreshAllPeriods(ctx: StoreContext): void {
  const ids = ctx
    .stmt("SELECT id FROM instructions INDEXED BY instructions_recurring WHERE recurrence IS NOT NULL AND status <> 'resolved' AND archived = 0")
    .all() as { id: string }[];
  for (const { id } of ids) refreshPeriods(ctx, id);
}

/** One period's report as a due item. */
export interface PeriodDueItem {
  instructionId: string;
  periodId: string;
  /** `2027-01`, `2027-Q1`, `2026`, or the due date for a custom rule. */
  label: string;
  /** 1 for the instruction's first period, then 2, 3, … */
  seq: number;
  dueDate: IsoDate;
  leadOrgId: string | null;
  /** The period's report has been filed. */
  closed: boolean;
  closedAt: IsoTimestamp | null;
}

/**
 * The period due items whose due date is in [from, to] (ISO dates, both included), earliest first:
 * the periods of periodic instructions that are in control (not resolved, not archived), closed or
 * not. Open items due before today are overdue. One indexed query; call refreshAllPeriods first if
 * the range reaches past the twelve months generated ahead.
 */
export function listPeriodDueItems(ctx: StoreContext, from: IsoDate, to: IsoDate): PeriodDueItem[] {
  const rows = ctx
    .stmt(
      `SELECT p.id, p.instruction_id, p.label, p.seq, p.due_date, p.closed_at, i.lead_org_id
         FROM instruction_periods p JOIN instructions i ON i.id = p.instruction_id
        WHERE p.due_date BETWEEN ? AND ? AND i.status <> 'resolved' AND i.archived = 0 AND i.recurrence IS NOT NULL
        ORDER BY p.due_date, p.instruction_id, p.seq`,
    )
    .all(from, to) as { id: string; instruction_id: string; label: string; seq: number; due_date: string; closed_at: string | null; lead_org_id: string | null }[];
  return rows.map((r) => ({
    instructionId: r.instruction_id,
    periodId: r.id,
    label: r.label,
    seq: r.seq,
    dueDate: r.due_date,
    leadOrgId: r.lead_org_id,
    closed: r.closed_at !== null,
    closedAt: r.closed_at,
  }));
}

/** Sets how an instruction recurs (null or '' for a one-off), with the version the caller saw. */
export function setRecurrence(ctx: StoreContext, instructionId: string, recurrence: string | null, expectedVersion?: number): void {
  ctx.transaction(() => {
    const row = ctx.stmt('SELECT version, title, status FROM instructions WHERE id = ?').get(instructionId) as { version: number; title: string; status: string } | undefined;
    if (!row) throw new StoreError('not_found', `No instruction ${instructionId}.`, 'instructionNotFound');
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new StoreError('conflict', `“${row.title}” was changed elsewhere in the meantime; reload it and try again.`, 'staleVersion', { title: row.title });
    }
    const before = ownerOf(ctx, instructionId)?.recurrence ?? null;
    applyRecurrence(ctx, instructionId, recurrence);
    if ((ownerOf(ctx, instructionId)?.recurrence ?? null) !== before) {
      ctx.stmt('UPDATE instructions SET updated_at = ?, version = version + 1 WHERE id = ?').run(ctx.timestamp(), instructionId);
    }
  });
}
