// CSV: RFC 4180 (comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted,
// quotes doubled), UTF-8 with a byte-order mark so Excel reads Cyrillic and Kazakh letters right.
// A CSV holds one table: the report's main section. Text that a spreadsheet would run as a formula
// (starting with = + - @, tab, CR, LF or NUL) is neutralised with a leading apostrophe, as OWASP
// advises against CSV injection; numbers and dates are the app's own and are written plainly.
import type { ReportDocument, Row, Section } from './model';
import { localParts } from './strings';

// eslint-disable-next-line no-control-regex -- NUL, tab, CR and LF are exactly what is matched
const DANGEROUS_START = /^[=+\-@\t\r\n\u0000]/;

export function neutralise(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function value(row: Row, key: string, type: string): string {
  const v = row[key];
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return String(v);
  if (type === 'date') return v;
  if (type === 'datetime') {
    const { date, time } = localParts(v);
    return `${date} ${time}`;
  }
  return field(neutralise(v));
}

export function sectionCsv(section: Section): string {
  const lines = [section.columns.map((c) => field(neutralise(c.header))).join(',')];
  for (const row of section.rows) lines.push(section.columns.map((c) => value(row, c.key, c.type)).join(','));
  if (section.totals) lines.push(section.columns.map((c) => value(section.totals as Row, c.key, c.type)).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function renderCsv(doc: ReportDocument): Buffer {
  const section = doc.sections.find((s) => s.id === doc.primarySection) ?? (doc.sections[0] as Section);
  return Buffer.from(`\ufeff${sectionCsv(section)}`, 'utf8');
}
