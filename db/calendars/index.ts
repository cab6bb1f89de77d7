// Working days: production calendars of Kyrgyzstan and Kazakhstan and the deadline rules built on
// them. Pure functions over plain values (no SQL, no node APIs): a calendar is the built-in data of
// a country plus the store's edits, and every calculation answers a CalendarResult that names the
// years it had no data for (reckoned with weekends only) instead of failing.
import { addDays, daysBetween, isIsoDate } from '../dates';
import type { IsoDate } from '../model';
import { KG_YEARS } from './data-kg';
import { KZ_YEARS } from './data-kz';
import {
  type CalendarEdits,
  type CalendarError,
  type CalendarResult,
  type CalendarYearData,
  type CountryCode,
  type DayInfo,
  type DayReason,
  type HolidayKey,
  NO_EDITS,
} from './types';

export * from './types';

interface ResolvedYear {
  data: CalendarYearData;
  /** Days off besides weekends, with why. */
  nonWorking: Map<IsoDate, { reason: DayReason; holiday?: HolidayKey; estimated?: boolean }>;
  /** Weekend days (or observed days) made working days by a transfer. */
  working: Set<IsoDate>;
}

export interface Calendar {
  country: CountryCode;
  years: ReadonlyMap<number, ResolvedYear>;
  edits: CalendarEdits;
  /** Lookup tables of the edits. */
  added: { nonWorking: Map<IsoDate, string>; working: Map<IsoDate, string> };
  removed: { nonWorking: Set<IsoDate>; working: Set<IsoDate> };
}

/** The most days a search for a working day looks through before it gives up (a whole year of
 * days off, which only edits can make). */
const SEARCH_LIMIT = 400;
/** The most working days a deadline can be set ahead. */
export const MAX_WORKING_DAYS = 3650;
export const URGENT_WORKING_DAYS = 3;

function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function isWeekend(date: IsoDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The law's holidays, their observed days (a holiday on a weekend moved to the next working day)
 * and the year's transfers, as lookup tables. */
export function resolveYear(data: CalendarYearData): ResolvedYear {
  const nonWorking: ResolvedYear['nonWorking'] = new Map();
  const holidays = [...data.holidays].sort((a, b) => a.date.localeCompare(b.date));
  const holidayDates = new Set(holidays.map((x) => x.date));
  for (const x of holidays) nonWorking.set(x.date, x.estimated ? { reason: 'holiday', holiday: x.key, estimated: true } : { reason: 'holiday', holiday: x.key });
  if (data.weekendRule === 'next-working-day') {
    for (const x of holidays) {
      if (!x.movesOffWeekend || !isWeekend(x.date)) continue;
      let d = addDays(x.date, 1);
      while (isWeekend(d) || holidayDates.has(d) || nonWorking.get(d)?.reason === 'observed') d = addDays(d, 1);
      nonWorking.set(d, { reason: 'observed', holiday: x.key });
    }
  }
  const working = new Set<IsoDate>();
  for (const t of data.transfers) {
    if (t.dayOff) nonWorking.set(t.dayOff, { reason: 'transfer-day-off' });
    if (t.workDay) working.add(t.workDay);
  }
  return { data, nonWorking, working };
}

const BUILT_IN: Record<CountryCode, CalendarYearData[]> = { KG: KG_YEARS, KZ: KZ_YEARS };

/** The built-in data of a country, year by year (for the settings screen and the README). */
export function calendarYears(country: CountryCode): readonly CalendarYearData[] {
  return BUILT_IN[country];
}

function make(country: CountryCode, years: ReadonlyMap<number, ResolvedYear>, edits: CalendarEdits): Calendar {
  return {
    country,
    years,
    edits,
    added: {
      nonWorking: new Map(edits.nonWorking.add.map((x) => [x.date, x.label])),
      working: new Map(edits.workingDays.add.map((x) => [x.date, x.label])),
    },
    removed: { nonWorking: new Set(edits.nonWorking.remove), working: new Set(edits.workingDays.remove) },
  };
}

const resolvedCache = new Map<CountryCode, ReadonlyMap<number, ResolvedYear>>();

/** The calendar a country ships with, without the store's edits. */
export function builtInCalendar(country: CountryCode): Calendar {
  let years = resolvedCache.get(country);
  if (!years) {
    years = new Map(BUILT_IN[country].map((y) => [y.year, resolveYear(y)]));
    resolvedCache.set(country, years);
  }
  return make(country, years, NO_EDITS);
}

function err(code: CalendarError['code'], message: string): { ok: false; error: CalendarError } {
  return { ok: false, error: { code, message } };
}

/**
 * Checks a value meant as the store's calendar edits: every date a real ISO date, every label a
 * string of at most 200 characters, no date both added and removed on the same side, no date added
 * both as a day off and as a working day.
 */
export function validateEdits(value: unknown): { ok: true; value: CalendarEdits } | { ok: false; error: CalendarError } {
  const bad = (why: string) => err('calendar.invalidEdits', `calendar edits: ${why}`);
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(value)) return bad('not an object');
  const sides = ['nonWorking', 'workingDays'] as const;
  const out: CalendarEdits = { nonWorking: { add: [], remove: [] }, workingDays: { add: [], remove: [] } };
  for (const key of Object.keys(value)) if (!sides.includes(key as (typeof sides)[number])) return bad(`unknown key ${key}`);
  for (const side of sides) {
    const s = value[side];
    if (!isObj(s)) return bad(`${side} is not an object`);
    for (const key of Object.keys(s)) if (key !== 'add' && key !== 'remove') return bad(`unknown key ${side}.${key}`);
    if (!Array.isArray(s.add) || !Array.isArray(s.remove)) return bad(`${side}.add and ${side}.remove must be lists`);
    for (const a of s.add as unknown[]) {
      if (!isObj(a) || typeof a.date !== 'string' || !isIsoDate(a.date)) return bad(`${side}.add has an entry without an ISO date (YYYY-MM-DD)`);
      if (typeof a.label !== 'string' || a.label.length > 200) return bad(`${side}.add ${a.date}: the label must be text of at most 200 characters`);
      out[side].add.push({ date: a.date, label: a.label });
    }
    for (const r of s.remove as unknown[]) {
      if (typeof r !== 'string' || !isIsoDate(r)) return bad(`${side}.remove has ${JSON.stringify(r)}, not an ISO date (YYYY-MM-DD)`);
      out[side].remove.push(r);
    }
    const added = new Set(out[side].add.map((a) => a.date));
    const both = out[side].remove.find((r) => added.has(r));
    if (both) return bad(`${both} is both added and removed in ${side}`);
  }
  const offs = new Set(out.nonWorking.add.map((a) => a.date));
  const clash = out.workingDays.add.find((a) => offs.has(a.date));
  if (clash) return bad(`${clash.date} is added both as a day off and as a working day`);
  return { ok: true, value: out };
}

/** A calendar with the store's edits applied on top of `base`'s built-in data (replacing any edits
 * `base` had). Edits that do not validate are refused with a clear error, never half applied. */
export function withEdits(base: Calendar, edits: unknown): { ok: true; value: Calendar } | { ok: false; error: CalendarError } {
  const checked = validateEdits(edits);
  if (!checked.ok) return checked;
  return { ok: true, value: make(base.country, base.years, checked.value) };
}

/** What a valid ISO date is on this calendar, and why. */
function info(cal: Calendar, date: IsoDate): DayInfo {
  const year = cal.years.get(yearOf(date));
  const noCalendarForYear = !year;
  const addedWorking = cal.added.working.get(date);
  if (addedWorking !== undefined) return { date, working: true, reason: 'edit-working', label: addedWorking, noCalendarForYear };
  const addedOff = cal.added.nonWorking.get(date);
  if (addedOff !== undefined) return { date, working: false, reason: 'edit-non-working', label: addedOff, noCalendarForYear };
  if (year) {
    if (year.working.has(date) && !cal.removed.working.has(date)) return { date, working: true, reason: 'transfer-working-day', noCalendarForYear };
    const off = year.nonWorking.get(date);
    if (off && !cal.removed.nonWorking.has(date)) {
      const day: DayInfo = { date, working: false, reason: off.reason, noCalendarForYear };
      if (off.holiday) day.holiday = off.holiday;
      if (off.estimated) day.estimated = true;
      return day;
    }
  }
  return isWeekend(date)
    ? { date, working: false, reason: 'weekend', noCalendarForYear }
    : { date, working: true, reason: 'weekday', noCalendarForYear };
}

/** The years a date given to the calendar may have: wide enough for any deadline, narrow enough
 * that every date reckoned from it keeps four digits. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A real date written YYYY-MM-DD between MIN_YEAR and MAX_YEAR. */
function isCalendarDate(date: unknown): date is IsoDate {
  if (typeof date !== 'string' || !isIsoDate(date)) return false;
  const year = yearOf(date);
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function badDate(date: unknown): { ok: false; error: CalendarError } {
  return err('calendar.invalidDate', `not a date written YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}: ${JSON.stringify(date)}`);
}

/** Collects the years without data that a calculation went through. */
class Walker {
  private readonly missing = new Set<number>();
  constructor(private readonly cal: Calendar) {}
  working(date: IsoDate): boolean {
    if (!this.cal.years.has(yearOf(date))) this.missing.add(yearOf(date));
    return info(this.cal, date).working;
  }
  missingYears(): number[] {
    return [...this.missing].sort((a, b) => a - b);
  }
  done<T>(value: T): { ok: true; value: T; missingYears: number[] } {
    return { ok: true, value, missingYears: this.missingYears() };
  }
}

/** What a day is: working or not, and why (holiday, observed day, transfer, edit, weekend). */
export function describeDay(cal: Calendar, date: string): CalendarResult<DayInfo> {
  if (!isCalendarDate(date)) return badDate(date);
  const w = new Walker(cal);
  w.working(date);
  return w.done(info(cal, date));
}

export function isWorkingDay(cal: Calendar, date: string): CalendarResult<boolean> {
  if (!isCalendarDate(date)) return badDate(date);
  const w = new Walker(cal);
  return w.done(w.working(date));
}

function step(cal: Calendar, date: IsoDate, dir: 1 | -1): CalendarResult<IsoDate> {
  const w = new Walker(cal);
  let d = date;
  for (let i = 0; i < SEARCH_LIMIT; i++) {
    d = addDays(d, dir);
    if (w.working(d)) return w.done(d);
  }
  return err('calendar.noWorkingDay', `no working day within ${SEARCH_LIMIT} days ${dir < 0 ? 'before' : 'after'} ${date}`);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(cal: Calendar, date: string): CalendarResult<IsoDate> {
  if (!isCalendarDate(date)) return badDate(date);
  return step(cal, date, -1);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: Calendar, date: string): CalendarResult<IsoDate> {
  if (!isCalendarDate(date)) return badDate(date);
  return step(cal, date, 1);
}

/** «In N working days» from `from` (the meeting date): the Nth working day after it; `from` itself
 * does not count. N = 0 answers `from`. */
export function addWorkingDays(cal: Calendar, from: string, n: number): CalendarResult<IsoDate> {
  if (!isCalendarDate(from)) return badDate(from);
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    return err('calendar.invalidCount', `the number of working days must be a whole number from 0 to ${MAX_WORKING_DAYS}: ${JSON.stringify(n)}`);
  }
  const w = new Walker(cal);
  let d: IsoDate = from;
  let left = n;
  let idle = 0;
  while (left > 0) {
    d = addDays(d, 1);
    if (w.working(d)) {
      left--;
      idle = 0;
    } else if (++idle >= SEARCH_LIMIT) {
      return err('calendar.noWorkingDay', `no working day within ${SEARCH_LIMIT} days after ${d}`);
    }
  }
  return w.done(d);
}

/** An urgent instruction's deadline: 3 working days after the meeting date. */
export function urgentDeadline(cal: Calendar, from: string): CalendarResult<IsoDate> {
  return addWorkingDays(cal, from, URGENT_WORKING_DAYS);
}

/** Working days after `a` up to and including `b` (negative, counted the same way, when `b` is
 * before `a`). workingDaysBetween(a, addWorkingDays(a, n)) is n. */
export function workingDaysBetween(cal: Calendar, a: string, b: string): CalendarResult<number> {
  if (!isCalendarDate(a)) return badDate(a);
  if (!isCalendarDate(b)) return badDate(b);
  const sign = a <= b ? 1 : -1;
  const [from, to] = sign > 0 ? [a, b] : [b, a];
  const w = new Walker(cal);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (w.working(d)) count++;
  return w.done(count === 0 ? 0 : sign * count);
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function calendarDaysBetween(a: string, b: string): CalendarResult<number> {
  if (!isCalendarDate(a)) return badDate(a);
  if (!isCalendarDate(b)) return badDate(b);
  return { ok: true, value: daysBetween(a, b), missingYears: [] };
}

/** How long a deadline is overdue on `today`, in working days and in calendar days; both 0 when it
 * is not overdue (due today or later). */
export function overdue(cal: Calendar, due: string, today: string): CalendarResult<{ workingDays: number; calendarDays: number }> {
  if (!isCalendarDate(due)) return badDate(due);
  if (!isCalendarDate(today)) return badDate(today);
  if (today <= due) return { ok: true, value: { workingDays: 0, calendarDays: 0 }, missingYears: [] };
  const working = workingDaysBetween(cal, due, today);
  if (!working.ok) return working;
  return { ok: true, value: { workingDays: working.value, calendarDays: daysBetween(due, today) }, missingYears: working.missingYears };
}

export interface AdjustedDeadline {
  date: IsoDate;
  /** The date asked for, when the deadline was moved off it. */
  movedFrom?: IsoDate;
  /** Why the date asked for is not a working day, when it was moved. */
  reason?: DayReason;
}

/** A deadline set or derived: with `moveOffNonWorking` (the store's setting, on by default) a date
 * that is not a working day moves to the previous working day; otherwise it stays. */
export function adjustDeadline(cal: Calendar, date: string, options: { moveOffNonWorking: boolean }): CalendarResult<AdjustedDeadline> {
  if (!isCalendarDate(date)) return badDate(date);
  const w = new Walker(cal);
  if (!options.moveOffNonWorking || w.working(date)) return w.done({ date });
  const moved = step(cal, date, -1);
  if (!moved.ok) return moved;
  const missing = [...new Set([...w.missingYears(), ...moved.missingYears])].sort((a, b) => a - b);
  return { ok: true, value: { date: moved.value, movedFrom: date, reason: info(cal, date).reason }, missingYears: missing };
}
