// The deadline rules on the real calendars: a holiday, a transfer, the move to the previous working
// day across a holiday block, N working days across a year boundary, overdue counts, bad input and
// years without data.
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  adjustDeadline,
  builtInCalendar,
  calendarDaysBetween,
  describeDay,
  isWorkingDay,
  nextWorkingDay,
  overdue,
  previousWorkingDay,
  urgentDeadline,
  workingDaysBetween,
} from '../../../../db/calendars';
import { errorCode, value } from './support';

const kg = builtInCalendar('KG');
const kz = builtInCalendar('KZ');

describe('a holiday and a transfer', () => {
  it('a public holiday on a weekday is not a working day', () => {
    // Independence Day of Kyrgyzstan, Tuesday 31 August 2021.
    expect(value(isWorkingDay(kg, '2021-08-31'))).toBe(false);
    expect(value(describeDay(kg, '2021-08-31'))).toMatchObject({ reason: 'holiday', holiday: 'independence-day', noCalendarForYear: false });
    // The day after is an ordinary Wednesday.
    expect(value(describeDay(kg, '2021-09-01'))).toMatchObject({ working: true, reason: 'weekday' });
  });

  it('a Saturday the government made a working day is a working day, and the weekday it gave is off', () => {
    // Kazakhstan 2023: Saturday 1 July worked, Friday 7 July off (День столицы block 6–9 July).
    expect(value(describeDay(kz, '2023-07-01'))).toMatchObject({ working: true, reason: 'transfer-working-day' });
    expect(value(describeDay(kz, '2023-07-07'))).toMatchObject({ working: false, reason: 'transfer-day-off' });
    // Kyrgyzstan 2022: Saturday 15 January worked for Tuesday 4 January.
    expect(value(isWorkingDay(kg, '2022-01-15'))).toBe(true);
    expect(value(isWorkingDay(kg, '2022-01-04'))).toBe(false);
    // Kyrgyzstan 2021: Monday 10 May (the day off for Victory Day on a Sunday) worked for 30 August.
    expect(value(describeDay(kg, '2021-05-10'))).toMatchObject({ working: true, reason: 'transfer-working-day' });
    expect(value(describeDay(kg, '2021-08-30'))).toMatchObject({ working: false, reason: 'transfer-day-off' });
    // An ordinary Saturday is not.
    expect(value(describeDay(kg, '2022-01-22'))).toMatchObject({ working: false, reason: 'weekend' });
  });
});

describe('the move to the previous working day', () => {
  it('a deadline on a day of the New Year block moves to the last working day of December', () => {
    // Kyrgyzstan, 1–9 January 2022 off: a deadline of 5 January moves to Friday 31 December 2021.
    expect(value(adjustDeadline(kg, '2022-01-05', { moveOffNonWorking: true }))).toEqual({
      date: '2021-12-31',
      movedFrom: '2022-01-05',
      reason: 'transfer-day-off',
    });
  });

  it('a deadline in the Nauryz block moves before the block', () => {
    // Kazakhstan, 21–25 March 2026 off (Sat 21 to Wed 25): 25 March moves to Friday 20 March.
    expect(value(adjustDeadline(kz, '2026-03-25', { moveOffNonWorking: true }))).toMatchObject({ date: '2026-03-20', movedFrom: '2026-03-25' });
    expect(value(previousWorkingDay(kz, '2026-03-26'))).toBe('2026-03-20');
    expect(value(nextWorkingDay(kz, '2026-03-20'))).toBe('2026-03-26');
  });

  it('a deadline on a working day stays, and with the setting off a non-working one stays too', () => {
    expect(value(adjustDeadline(kz, '2026-03-26', { moveOffNonWorking: true }))).toEqual({ date: '2026-03-26' });
    expect(value(adjustDeadline(kz, '2026-03-25', { moveOffNonWorking: false }))).toEqual({ date: '2026-03-25' });
  });
});

describe('N working days from the meeting date', () => {
  it('counts across the year boundary and the New Year holidays', () => {
    // Meeting on Monday 29 December 2025 in Bishkek: 30, 31 December, then 1–9 January 2026 off,
    // 10–11 weekend, so the 3rd working day is Monday 12 January.
    expect(value(addWorkingDays(kg, '2025-12-29', 3))).toBe('2026-01-12');
    expect(value(urgentDeadline(kg, '2025-12-29'))).toBe('2026-01-12');
    // In Astana the same meeting: 30, 31 December, 1–4 January off, then Monday 5 January.
    expect(value(urgentDeadline(kz, '2025-12-29'))).toBe('2026-01-05');
    // Ten working days from Christmas Eve 2024 in Kazakhstan: 25, 26, 27, 30, 31 Dec; 1–5 Jan off
    // except Sunday 5 January worked; 6 Jan; 7 Jan off; 8, 9, 10 Jan.
    expect(value(addWorkingDays(kz, '2024-12-24', 10))).toBe('2025-01-10');
    expect(value(workingDaysBetween(kz, '2024-12-24', '2025-01-10'))).toBe(10);
  });

  it('the meeting day itself does not count; zero days is the meeting day', () => {
    expect(value(addWorkingDays(kz, '2026-03-20', 1))).toBe('2026-03-26');
    expect(value(addWorkingDays(kz, '2026-03-20', 0))).toBe('2026-03-20');
  });
});

describe('overdue in working days and in calendar days', () => {
  it('counts both, across a holiday block and a year boundary', () => {
    // Due Friday 27 December 2024 in Kazakhstan, seen on Thursday 9 January 2025: 13 calendar days;
    // working days after the due date: 30, 31 Dec, 5 (worked Sunday), 6, 8, 9 Jan = 6.
    expect(value(overdue(kz, '2024-12-27', '2025-01-09'))).toEqual({ workingDays: 6, calendarDays: 13 });
    expect(value(calendarDaysBetween('2024-12-27', '2025-01-09'))).toBe(13);
  });

  it('is zero on the due date and before it', () => {
    expect(value(overdue(kz, '2025-01-09', '2025-01-09'))).toEqual({ workingDays: 0, calendarDays: 0 });
    expect(value(overdue(kz, '2025-01-09', '2025-01-02'))).toEqual({ workingDays: 0, calendarDays: 0 });
  });

  it('a deadline that passed on Friday is overdue by 0 working days on the weekend, 1 on Monday', () => {
    expect(value(overdue(kg, '2026-06-12', '2026-06-14'))).toEqual({ workingDays: 0, calendarDays: 2 });
    expect(value(overdue(kg, '2026-06-12', '2026-06-15'))).toEqual({ workingDays: 1, calendarDays: 3 });
  });

  it('counts backwards as a negative number', () => {
    expect(value(workingDaysBetween(kz, '2025-01-10', '2024-12-24'))).toBe(-10);
  });
});

describe('bad input and years without data', () => {
  it('refuses what is not an ISO date with a typed error, never a crash', () => {
    expect(errorCode(isWorkingDay(kg, '2026-02-30'))).toBe('calendar.invalidDate');
    expect(errorCode(addWorkingDays(kg, '03.12.2026', 3))).toBe('calendar.invalidDate');
    expect(errorCode(adjustDeadline(kg, '', { moveOffNonWorking: true }))).toBe('calendar.invalidDate');
    expect(errorCode(workingDaysBetween(kg, '2026-01-01', '2026-1-2'))).toBe('calendar.invalidDate');
    expect(errorCode(overdue(kg, 'tomorrow', '2026-01-02'))).toBe('calendar.invalidDate');
    // Years far outside any deadline are refused too, so no date reckoned from them loses a digit.
    expect(errorCode(addWorkingDays(kg, '9999-12-31', 5))).toBe('calendar.invalidDate');
    expect(errorCode(isWorkingDay(kg, '0100-01-01'))).toBe('calendar.invalidDate');
    const r = previousWorkingDay(kg, '2026-13-01');
    expect(r.ok ? '' : r.error.message).toContain('YYYY-MM-DD');
  });

  it('refuses a count of working days that is not a whole number from 0', () => {
    expect(errorCode(addWorkingDays(kg, '2026-01-01', -1))).toBe('calendar.invalidCount');
    expect(errorCode(addWorkingDays(kg, '2026-01-01', 1.5))).toBe('calendar.invalidCount');
    expect(errorCode(addWorkingDays(kg, '2026-01-01', Number.NaN))).toBe('calendar.invalidCount');
  });

  it('a year outside the data is reckoned with weekends only and says so', () => {
    // 1 January 2030 is a Tuesday: a holiday in truth, but there is no data for 2030.
    const day = isWorkingDay(kz, '2030-01-01');
    expect(day).toEqual({ ok: true, value: true, missingYears: [2030] });
    expect(value(describeDay(kz, '2030-01-01')).noCalendarForYear).toBe(true);
    // Three working days from Friday 31 December 2027 reach into 2028: flagged, still answered.
    const urgent = urgentDeadline(kz, '2027-12-31');
    expect(urgent).toEqual({ ok: true, value: '2028-01-05', missingYears: [2028] });
    // Within the data nothing is flagged.
    expect(urgentDeadline(kz, '2026-06-01')).toMatchObject({ ok: true, missingYears: [] });
  });
});
