// Dates as offices write them: `2021-11-05`, `05.11.2021`, `5/11/21`, `5 November 2021`,
// `November 5, 2021`, `5 ноября 2021 г.`, `2021 жылғы 5 қараша`, and Excel's date serials.
// Day-first wherever the order is ambiguous, as in the offices of the region.
import { isIsoDate } from '../../../db/dates';
import type { IsoDate } from '../../../db/model';

const MONTH_WORDS: [number, string[]][] = [
  [1, ['january', 'jan', 'январь', 'января', 'янв', 'қаңтар', 'қаңтардағы']],
  [2, ['february', 'feb', 'февраль', 'февраля', 'фев', 'февр', 'ақпан']],
  [3, ['march', 'mar', 'март', 'марта', 'мар', 'наурыз']],
  [4, ['april', 'apr', 'апрель', 'апреля', 'апр', 'сәуір']],
  [5, ['may', 'май', 'мая', 'мамыр']],
  [6, ['june', 'jun', 'июнь', 'июня', 'июн', 'маусым']],
  [7, ['july', 'jul', 'июль', 'июля', 'июл', 'шілде']],
  [8, ['august', 'aug', 'август', 'августа', 'авг', 'тамыз']],
  [9, ['september', 'sep', 'sept', 'сентябрь', 'сентября', 'сен', 'сент', 'қыркүйек']],
  [10, ['october', 'oct', 'октябрь', 'октября', 'окт', 'қазан']],
  [11, ['november', 'nov', 'ноябрь', 'ноября', 'ноя', 'нояб', 'қараша']],
  [12, ['december', 'dec', 'декабрь', 'декабря', 'дек', 'желтоқсан']],
];

const MONTHS = new Map<string, number>(MONTH_WORDS.flatMap(([n, words]) => words.map((w) => [w, n] as const)));
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const B = '(?<![\\p{L}\\d])'; // a word boundary that knows Cyrillic
const E = '(?![\\p{L}\\d])';
const YEAR_TAIL = '(?:\\s*(?:г\\.|гг\\.|года|году|г|ж\\.|жылы|жылғы))?';

const PATTERNS: { re: RegExp; pick: (m: RegExpExecArray) => [number, number, number] | null }[] = [
  { re: new RegExp(`${B}(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?${E}`, 'gu'), pick: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: new RegExp(`${B}(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})${E}${YEAR_TAIL}`, 'gu'), pick: (m) => dayMonth(+m[1]!, +m[3]!, year(m[4]!), m[2] === '/') },
  { re: new RegExp(`${B}(\\d{1,2})(?:st|nd|rd|th|-?го|-?е)?(?:\\s+of)?\\s+${MONTH},?\\s+(\\d{4})${E}${YEAR_TAIL}`, 'giu'), pick: (m) => [+m[3]!, MONTHS.get(m[2]!.toLowerCase())!, +m[1]!] },
  { re: new RegExp(`${B}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${E}`, 'giu'), pick: (m) => [+m[3]!, MONTHS.get(m[1]!.toLowerCase())!, +m[2]!] },
  { re: new RegExp(`${B}(\\d{4})\\s*(?:жылғы|ж\\.|жылы)\\s+(\\d{1,2})\\s+${MONTH}${E}`, 'giu'), pick: (m) => [+m[1]!, MONTHS.get(m[3]!.toLowerCase())!, +m[2]!] },
];

function year(text: string): number {
  if (text.length === 4) return Number(text);
  const n = Number(text);
  return n < 70 ? 2000 + n : 1900 + n;
}

function dayMonth(a: number, b: number, y: number, slash: boolean): [number, number, number] | null {
  if (isIsoDate(iso(y, b, a))) return [y, b, a];
  // 11/25/2021 can only be month-first; accept it where day-first is impossible.
  if (slash && isIsoDate(iso(y, a, b))) return [y, a, b];
  return null;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface FoundDate {
  date: IsoDate;
  index: number;
  text: string;
}

/** Every full date written in a text, in order of appearance. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, pick } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const parts = pick(m);
      if (!parts) continue;
      const date = iso(...parts);
      if (!isIsoDate(date) || parts[0] < 1900 || parts[0] > 2200) continue;
      found.push({ date, index: m.index, text: m[0] });
    }
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  return found.filter((f, i) => !found.slice(0, i).some((g) => f.index < g.index + g.text.length));
}

const PREFIX = /^(?:до|by|until|till|before|not later than|не позднее|не позже|срок:?|deadline:?|due:?)\s+/iu;

const COMMON = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{2})\.(\d{2})\.(\d{4}))$/;

/** A date in a spreadsheet cell or a typed field: the whole text must be one date. */
export function parseDate(value: string): IsoDate | null {
  // The two forms nearly every list uses, without the general search.
  const common = COMMON.exec(value);
  if (common) {
    const date = common[1] ? `${common[1]}-${common[2]}-${common[3]}` : `${common[6]}-${common[5]}-${common[4]}`;
    return isIsoDate(date) ? date : null;
  }
  let text = value.trim().replace(/\s+/g, ' ').replace(PREFIX, '');
  if (text === '') return null;
  if (/^\d{5}(?:\.0+)?$/.test(text)) return excelSerialDate(Number(text));
  text = text.replace(/\s*(?:г\.|гг\.|года|г|ж\.|жылы)$/u, '');
  const found = findDates(text);
  if (found.length !== 1) return null;
  const only = found[0] as FoundDate;
  return only.index === 0 && only.text.length === text.length ? only.date : null;
}

/** An Excel date serial (days since 1899-12-30 in the 1900 system, since 1904-01-01 in the 1904 one). */
export function excelSerialDate(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
  const y = Number(date.slice(0, 4));
  return y >= 1900 && y <= 2200 ? date : null;
}

/** The calendar date a spreadsheet's date cell stands for (stored as UTC midnight). */
export function dateCellToIso(value: Date): IsoDate | null {
  if (Number.isNaN(value.getTime())) return null;
  // Cells holding a time of day near midnight may be off by rounding; round to the nearest day.
  const rounded = new Date(Math.round(value.getTime() / 86_400_000) * 86_400_000);
  return rounded.toISOString().slice(0, 10);
}
