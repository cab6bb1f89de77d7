// The store's edits to a built-in calendar: add or remove a day off, add or remove a transferred
// working day; bad edits refused whole with a message that names what is wrong.
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  adjustDeadline,
  builtInCalendar,
  type CalendarEdits,
  describeDay,
  isWorkingDay,
  NO_EDITS,
  validateEdits,
  withEdits,
} from '../../../../db/calendars';
import { value } from './support';

const kz = builtInCalendar('KZ');

function edited(edits: CalendarEdits) {
  const r = withEdits(kz, edits);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('edits', () => {
  it('an added day off is not a working day and deadlines move off it', () => {
    const cal = edited({ ...NO_EDITS, nonWorking: { add: [{ date: '2026-06-10', label: 'Региональный праздник' }], remove: [] } });
    expect(value(describeDay(cal, '2026-06-10'))).toMatchObject({ working: false, reason: 'edit-non-working', label: 'Региональный праздник' });
    expect(value(adjustDeadline(cal, '2026-06-10', { moveOffNonWorking: true })).date).toBe('2026-06-09');
    // The built-in calendar is untouched.
    expect(value(isWorkingDay(kz, '2026-06-10'))).toBe(true);
  });

  it('a removed day off is a working day again', () => {
    // Kurban Ait 27 May 2026 removed (say the clergy announced another date).
    const cal = edited({ ...NO_EDITS, nonWorking: { add: [], remove: ['2026-05-27'] } });
    expect(value(describeDay(cal, '2026-05-27'))).toMatchObject({ working: true, reason: 'weekday' });
    expect(value(isWorkingDay(kz, '2026-05-27'))).toBe(false);
  });

  it('an added transferred working day (a Saturday) counts as a working day', () => {
    const cal = edited({ ...NO_EDITS, workingDays: { add: [{ date: '2026-06-13', label: 'Перенос' }], remove: [] } });
    expect(value(describeDay(cal, '2026-06-13'))).toMatchObject({ working: true, reason: 'edit-working' });
    // Friday 12 June + 1 working day is now Saturday 13 June.
    expect(value(addWorkingDays(cal, '2026-06-12', 1))).toBe('2026-06-13');
    expect(value(addWorkingDays(kz, '2026-06-12', 1))).toBe('2026-06-15');
  });

  it('a removed transferred working day is a weekend day again', () => {
    // Sunday 5 January 2025 was worked in Kazakhstan; removing it makes it a day off.
    expect(value(isWorkingDay(kz, '2025-01-05'))).toBe(true);
    const cal = edited({ ...NO_EDITS, workingDays: { add: [], remove: ['2025-01-05'] } });
    expect(value(describeDay(cal, '2025-01-05'))).toMatchObject({ working: false, reason: 'weekend' });
  });

  it('edits replace the previous ones and reach years without data', () => {
    const first = edited({ ...NO_EDITS, nonWorking: { add: [{ date: '2026-06-10', label: '' }], remove: [] } });
    const again = withEdits(first, NO_EDITS);
    expect(again.ok && value(isWorkingDay(again.value, '2026-06-10'))).toBe(true);
    const future = edited({ ...NO_EDITS, nonWorking: { add: [{ date: '2030-01-01', label: 'Новый год' }], remove: [] } });
    expect(isWorkingDay(future, '2030-01-01')).toEqual({ ok: true, value: false, missingYears: [2030] });
  });

  it('refuses edits that are not well formed, naming the problem, and applies none of them', () => {
    const cases: [unknown, string][] = [
      [null, 'not an object'],
      [{ ...NO_EDITS, extra: 1 }, 'unknown key extra'],
      [{ nonWorking: { add: [], remove: [] } }, 'workingDays is not an object'],
      [{ ...NO_EDITS, nonWorking: { add: [{ date: '2026-02-30', label: 'x' }], remove: [] } }, 'ISO date'],
      [{ ...NO_EDITS, nonWorking: { add: [{ date: '2026-02-03' }], remove: [] } }, 'label'],
      [{ ...NO_EDITS, workingDays: { add: [], remove: ['12.06.2026'] } }, '"12.06.2026", not an ISO date'],
      [{ ...NO_EDITS, nonWorking: { add: [{ date: '2026-06-10', label: '' }], remove: ['2026-06-10'] } }, 'both added and removed'],
      [
        { nonWorking: { add: [{ date: '2026-06-13', label: '' }], remove: [] }, workingDays: { add: [{ date: '2026-06-13', label: '' }], remove: [] } },
        'both as a day off and as a working day',
      ],
    ];
    for (const [edits, message] of cases) {
      const r = withEdits(kz, edits);
      expect(r.ok, JSON.stringify(edits)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('calendar.invalidEdits');
        expect(r.error.message).toContain(message);
      }
    }
  });

  it('a valid edits value comes back as the same plain value, ready to store in settings', () => {
    const edits: CalendarEdits = {
      nonWorking: { add: [{ date: '2026-06-10', label: 'Региональный праздник' }], remove: ['2026-05-27'] },
      workingDays: { add: [{ date: '2026-06-13', label: 'Перенос' }], remove: ['2025-01-05'] },
    };
    const r = validateEdits(JSON.parse(JSON.stringify(edits)));
    expect(r).toEqual({ ok: true, value: edits });
  });
});
