// Properties that hold on every date, for both countries, with and without edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  adjustDeadline,
  builtInCalendar,
  type Calendar,
  COUNTRIES,
  isWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
  withEdits,
} from '../../../../db/calendars';
import { addDays } from '../../../../db/dates';
import { value } from './support';

/** Dates from 2020 to 2028: the data's years and one either side without data. */
const date = fc.integer({ min: 0, max: 9 * 366 }).map((i) => addDays('2020-01-01', i));

const calendars: [string, Calendar][] = COUNTRIES.flatMap((c) => {
  const base = builtInCalendar(c);
  const e = withEdits(base, {
    nonWorking: { add: [{ date: '2026-06-10', label: 'x' }, { date: '2027-12-31', label: 'y' }], remove: ['2026-05-27'] },
    workingDays: { add: [{ date: '2026-06-13', label: 'z' }], remove: ['2025-01-05'] },
  });
  if (!e.ok) throw new Error(e.error.message);
  return [
    [c, base],
    [`${c} edited`, e.value],
  ] as [string, Calendar][];
});
/** A calendar's name (so a counterexample stays readable); `byName` gives the calendar. */
const calendar = fc.constantFrom(...calendars.map(([name]) => name));
const byName = (name: string) => calendars.find(([n]) => n === name)?.[1] as Calendar;

describe('working-day properties', () => {
  it('addWorkingDays always lands on a working day after the start, n working days on', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 1, max: 60 }), (name, from, n) => {
        const cal = byName(name);
        const to = value(addWorkingDays(cal, from, n));
        expect(to > from).toBe(true);
        expect(value(isWorkingDay(cal, to))).toBe(true);
        expect(value(workingDaysBetween(cal, from, to))).toBe(n);
      }),
    );
  });

  it('previousWorkingDay(d) is a working day before d with none between', () => {
    fc.assert(
      fc.property(calendar, date, (name, d) => {
        const cal = byName(name);
        const p = value(previousWorkingDay(cal, d));
        expect(p < d).toBe(true);
        expect(value(isWorkingDay(cal, p))).toBe(true);
        expect(value(workingDaysBetween(cal, p, d))).toBe(value(isWorkingDay(cal, d)) ? 1 : 0);
      }),
    );
  });

  it('adjustDeadline keeps a working day and moves a day off to the nearest working day before it', () => {
    fc.assert(
      fc.property(calendar, date, (name, d) => {
        const cal = byName(name);
        const adjusted = value(adjustDeadline(cal, d, { moveOffNonWorking: true }));
        expect(adjusted.date <= d).toBe(true);
        expect(value(isWorkingDay(cal, adjusted.date))).toBe(true);
        expect(adjusted.date === d).toBe(value(isWorkingDay(cal, d)));
        expect(value(adjustDeadline(cal, d, { moveOffNonWorking: false })).date).toBe(d);
      }),
    );
  });

  it('workingDaysBetween is antisymmetric and adds up over a middle date', () => {
    fc.assert(
      fc.property(calendar, date, date, date, (name, a, b, c) => {
        const cal = byName(name);
        const ab = value(workingDaysBetween(cal, a, b));
        expect(value(workingDaysBetween(cal, b, a)) + ab).toBe(0);
        expect(value(workingDaysBetween(cal, a, c)) + value(workingDaysBetween(cal, c, b))).toBe(ab);
      }),
      { numRuns: 50 },
    );
  });
});
