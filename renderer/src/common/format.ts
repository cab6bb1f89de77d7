import type { IsoDate, Language } from '../../../db/model';

const LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ', ky: 'ky-KG' };

export function localeOf(language: string): string {
  return LOCALES[language as Language] ?? 'en-GB';
}

function parse(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

// Building an Intl formatter costs about a millisecond; a board formats hundreds of dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), options);
    cache.set(language, format);
  }
  return format;
}

// Chromium's ICU has no short month names for Kazakh and Kyrgyz ("2026 M12 22"); offices there
// write dates as 22.12.2026 anyway.
const NUMERIC_DATES = new Set(['kk', 'ky']);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function numericDate(d: Date): string {
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`;
}

export function formatDate(date: IsoDate, language: string): string {
  if (NUMERIC_DATES.has(language)) return numericDate(parse(date));
  return cached(dateFormats, language, { day: 'numeric', month: 'short', year: 'numeric' }).format(parse(date));
}

/**
 * Builds the date formatters of a language while the app is idle: the first one costs tens of
 * milliseconds (ICU loads its data), which would otherwise land on the first board with dates.
 */
export function warmDateFormats(language: string): () => void {
  const warm = () => {
    formatDate('2000-01-01', language);
    formatDateTime('2000-01-01T00:00:00Z', language);
  };
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(warm, 200);
    return () => window.clearTimeout(timer);
  }
  const handle = window.requestIdleCallback(warm, { timeout: 2000 });
  return () => window.cancelIdleCallback(handle);
}

export function formatDateTime(iso: string, language: string): string {
  const at = new Date(iso);
  if (NUMERIC_DATES.has(language)) return `${numericDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return cached(dateTimeFormats, language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}
