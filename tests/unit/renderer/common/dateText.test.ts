// What an official types into a date field, read in the interface language, and what the field
// shows for a stored ISO date.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateText, parseDateText, weekdayMondayFirst } from '../../../../renderer/src/common/dateText';

describe('reading a typed date', () => {
  it('reads dd.mm.yyyy in Russian, Kazakh and Kyrgyz, and ISO everywhere', () => {
    for (const language of ['ru', 'kk', 'ky']) {
      expect(parseDateText('05.12.2026', language)).toEqual({ kind: 'ok', iso: '2026-12-05' });
      expect(parseDateText('5.12.2026', language)).toEqual({ kind: 'ok', iso: '2026-12-05' });
      expect(parseDateText(' 29.02.2028 ', language)).toEqual({ kind: 'ok', iso: '2028-02-29' });
      expect(parseDateText('2026-12-05', language)).toEqual({ kind: 'ok', iso: '2026-12-05' });
      expect(parseDateText('', language)).toEqual({ kind: 'empty' });
    }
  });

  it('reads the English display form and day-first numbers in English', () => {
    expect(parseDateText('5 Dec 2026', 'en')).toEqual({ kind: 'ok', iso: '2026-12-05' });
    expect(parseDateText('30 Sept 2026', 'en')).toEqual({ kind: 'ok', iso: '2026-09-30' });
    expect(parseDateText('05/12/2026', 'en')).toEqual({ kind: 'ok', iso: '2026-12-05' });
    expect(parseDateText('5 Decembre 2026', 'en')).toEqual({ kind: 'ok', iso: '2026-12-05' });
    expect(parseDateText('5 Foo 2026', 'en')).toEqual({ kind: 'unreadable' });
  });

  it('tells an impossible day from text that is no date at all', () => {
    expect(parseDateText('31.02.2026', 'ru')).toEqual({ kind: 'impossible', day: 31, month: 2, year: 2026, daysInMonth: 28 });
    expect(parseDateText('29.02.2027', 'kk')).toEqual({ kind: 'impossible', day: 29, month: 2, year: 2027, daysInMonth: 28 });
    expect(parseDateText('31.04.2026', 'ky')).toMatchObject({ kind: 'impossible', daysInMonth: 30 });
    expect(parseDateText('00.01.2026', 'ru')).toMatchObject({ kind: 'impossible' });
    expect(parseDateText('12.13.2026', 'ru')).toEqual({ kind: 'unreadable' });
    expect(parseDateText('12/5', 'ru')).toEqual({ kind: 'unreadable' });
    expect(parseDateText('завтра', 'ru')).toEqual({ kind: 'unreadable' });
    expect(parseDateText('5.12.26', 'ru')).toEqual({ kind: 'unreadable' });
  });
});

describe('showing a stored date', () => {
  it('as dd.mm.yyyy in ru, kk, ky and as the app shows dates in English', () => {
    expect(dateText('2026-12-05', 'ru')).toBe('05.12.2026');
    expect(dateText('2026-12-05', 'kk')).toBe('05.12.2026');
    expect(dateText('2026-12-05', 'ky')).toBe('05.12.2026');
    expect(dateText('2026-12-05', 'en')).toBe('5 Dec 2026');
    for (const language of ['en', 'ru', 'kk', 'ky']) expect(parseDateText(dateText('2027-01-31', language), language)).toEqual({ kind: 'ok', iso: '2027-01-31' });
  });
});

describe('calendar steps', () => {
  it('move by days across months and years, by months to the last day when shorter, and start weeks on Monday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-12-05', 12)).toBe('2027-12-05');
    expect(weekdayMondayFirst('2026-12-07')).toBe(0);
    expect(weekdayMondayFirst('2026-12-06')).toBe(6);
  });
});
