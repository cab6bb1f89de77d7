// Dates as an official types them: dd.mm.yyyy in Russian, Kazakh and Kyrgyz; in English the
// app's own "5 Dec 2026" (or 05/12/2026, day first). The store only ever sees ISO dates.
import type { IsoDate } from '../../../db/model';
import { formatDate } from './format';

export type DateTextParse =
  | { kind: 'empty' }
  | { kind: 'ok'; iso: IsoDate }
  /** Read as a day, month and year, but no such day exists (31.02.2026, 00.01.2026). */
  | { kind: 'impossible'; day: number; month: number; year: number; daysInMonth: number }
  /** Not readable as a date at all. */
  | { kind: 'unreadable' };

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today in the local calendar, as an ISO date. */
export function todayIso(): IsoDate {
  const now = new Date();
  return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The ISO date `days` after (or before) `iso`. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d + days));
  return isoOf(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

/** The same day `months` later (or earlier), the last day of the month when it has fewer days. */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoOf(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Monday = 0 … Sunday = 6. */
export function weekdayMondayFirst(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

function check(year: number, month: number, day: number): DateTextParse {
  if (year < 1000 || year > 9999) return { kind: 'unreadable' };
  if (month < 1 || month > 12) return { kind: 'unreadable' };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { kind: 'impossible', day, month, year, daysInMonth: days };
  return { kind: 'ok', iso: isoOf(year, month, day) };
}

/** Reads what was typed into a date field in the interface language. */
export function parseDateText(text: string, language: string): DateTextParse {
  const s = text.trim();
  if (s === '') return { kind: 'empty' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return check(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})(?:\s*(?:г\.?|ж\.?))?$/u.exec(s);
  if (numeric) return check(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  if (language === 'en') {
    const named = /^(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(s);
    if (named) {
      const month = EN_MONTHS.findIndex((m) => named[2]!.toLowerCase().startsWith(m)) + 1;
      if (month === 0) return { kind: 'unreadable' };
      return check(Number(named[3]), month, Number(named[1]));
    }
  }
  return { kind: 'unreadable' };
}

/** What a date field shows for an ISO date: the form it is typed in. */
export function dateText(iso: IsoDate, language: string): string {
  if (language === 'en') return formatDate(iso, 'en');
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
