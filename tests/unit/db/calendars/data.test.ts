// The shipped data: every year 2021–2027 for both countries, each with its sources; transfers that
// make sense; the days the published calendars give.
import { describe, expect, it } from 'vitest';
import { builtInCalendar, calendarYears, COUNTRIES, describeDay, isWorkingDay } from '../../../../db/calendars';
import { addDays } from '../../../../db/dates';
import { value } from './support';

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('the built-in calendars', () => {
  it.each(COUNTRIES)('%s has every year 2021–2027, each with a source and a status', (country) => {
    const years = calendarYears(country);
    expect(years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const y of years) {
      expect(y.country).toBe(country);
      expect(y.sources.length, `${country} ${y.year} sources`).toBeGreaterThan(0);
      for (const s of y.sources) expect(s.trim().length).toBeGreaterThan(10);
      expect(['confirmed', 'partial', 'projected']).toContain(y.status);
      // A year that is not confirmed says what is missing.
      if (y.status !== 'confirmed') expect(y.notes.length, `${country} ${y.year} notes`).toBeGreaterThan(0);
    }
    // The year not yet published is marked as such rather than passed off as known, and its
    // Islamic holidays say they are estimates.
    expect(years.find((y) => y.year === 2027)?.status).toBe('projected');
    const kurban = years.find((y) => y.year === 2027)?.holidays.find((x) => x.key === 'kurman-ait');
    expect(value(describeDay(builtInCalendar(country), kurban?.date ?? ''))).toMatchObject({ working: false, estimated: true });
  });

  it.each(COUNTRIES)('%s: every date lies in its year, every transfer turns a weekday off and a day off into work', (country) => {
    for (const y of calendarYears(country)) {
      for (const x of y.holidays) expect(x.date.startsWith(`${y.year}-`), x.date).toBe(true);
      for (const t of y.transfers) {
        expect(t.dayOff ?? t.workDay, 'a transfer moves something').toBeDefined();
        if (t.dayOff) {
          expect(t.dayOff.startsWith(`${y.year}-`)).toBe(true);
          expect([0, 6], `${t.dayOff} is a weekday`).not.toContain(weekday(t.dayOff));
        }
        if (t.workDay) expect(value(isWorkingDay(builtInCalendar(country), t.workDay)), t.workDay).toBe(true);
      }
    }
  });

  it.each(COUNTRIES)('%s: between 240 and 252 working days a year, every year', (country) => {
    const cal = builtInCalendar(country);
    for (let year = 2021; year <= 2027; year++) {
      let n = 0;
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (value(isWorkingDay(cal, d))) n++;
      expect(n, `${country} ${year}`).toBeGreaterThanOrEqual(240);
      expect(n, `${country} ${year}`).toBeLessThanOrEqual(252);
    }
  });

  it('Kyrgyzstan 2023 follows the Cabinet\'s resolution: 1–8 January off, Saturdays 25 February and 11 March worked', () => {
    const kg = builtInCalendar('KG');
    for (let d = '2023-01-01'; d <= '2023-01-08'; d = addDays(d, 1)) expect(value(isWorkingDay(kg, d)), d).toBe(false);
    // Monday 9 January, the day off for Christmas on a Saturday, was moved to 3 January.
    expect(value(describeDay(kg, '2023-01-09'))).toMatchObject({ working: true, reason: 'transfer-working-day' });
    expect(value(describeDay(kg, '2023-02-25'))).toMatchObject({ working: true, reason: 'transfer-working-day' });
    expect(value(describeDay(kg, '2023-03-11'))).toMatchObject({ working: true });
  });

  it('Kazakhstan: a holiday on a weekend gives the next working day off, Kurban Ait and Christmas do not move', () => {
    const kz = builtInCalendar('KZ');
    // Nauryz 2026: 21 (Sat) and 22 (Sun) March move to 24 and 25 March, after Monday 23 March.
    expect(value(describeDay(kz, '2026-03-24'))).toMatchObject({ working: false, reason: 'observed', holiday: 'nauryz' });
    expect(value(describeDay(kz, '2026-03-25'))).toMatchObject({ working: false, reason: 'observed', holiday: 'nauryz' });
    expect(value(isWorkingDay(kz, '2026-03-26'))).toBe(true);
    // Kurban Ait on Sunday 16 June 2024: Monday 17 June is a working day.
    expect(value(isWorkingDay(kz, '2024-06-17'))).toBe(true);
    // Christmas on Saturday 7 January 2023: Monday 9 January is a working day.
    expect(value(isWorkingDay(kz, '2023-01-09'))).toBe(true);
    // Constitution Day: 30 August until 2025 (Monday 1 September 2025 off), 15 March from 2027.
    expect(value(describeDay(kz, '2025-09-01'))).toMatchObject({ working: false, reason: 'observed', holiday: 'constitution-day' });
    expect(value(isWorkingDay(kz, '2026-08-31'))).toBe(true);
    expect(value(describeDay(kz, '2027-03-15'))).toMatchObject({ working: false, holiday: 'constitution-day' });
  });

  it('Kyrgyzstan since the 2025 Labour Code: 1–9 May off, 23 February a working day, no move off a weekend', () => {
    const kg = builtInCalendar('KG');
    for (let d = '2026-05-01'; d <= '2026-05-09'; d = addDays(d, 1)) expect(value(isWorkingDay(kg, d)), d).toBe(false);
    expect(value(isWorkingDay(kg, '2026-02-23'))).toBe(true);
    // 8 March 2026 is a Sunday: Monday 9 March stays a working day.
    expect(value(isWorkingDay(kg, '2026-03-09'))).toBe(true);
    // Under the old code 23 February was a day off.
    expect(value(describeDay(kg, '2024-02-23'))).toMatchObject({ working: false, holiday: 'defender-day' });
  });
});
