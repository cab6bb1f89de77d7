// CSV: RFC 4180 (comma-separated, CRLF line ends, fields with the separator, quotes or line breaks
// quoted, quotes doubled), UTF-8 with a byte-order mark so Excel reads Cyrillic and Kazakh letters
// right. The separator may be a semicolon instead: Excel with Russian, Kazakh or Kyrgyz regional
// settings splits at semicolons and would put a comma-separated row in one cell.
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

export type CsvSeparatorChar = ',' | ';';

function field(text: string, separator: CsvSeparatorChar): string {
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

function value(row: Row, key: string, type: string, separator: CsvSeparatorChar): string {
  const v = row[key];
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return String(v);
  if (type === 'date') return v;
  if (type === 'datetime') {
    const { date, time } = localParts(v);
    return `${date} ${time}`;
  }
  return field(neutralise(v), separator);
}

export function sectionCsv(section: Section, separator: CsvSeparatorChar = ','): string {
  const line = (row: Row) => section.columns.map((c) => value(row, c.key, c.type, separator)).join(separator);
  const lines = [section.columns.map((c) => field(neutralise(c.header), separator)).join(separator)];
  for (const row of section.rows) lines.push(line(row));
  if (section.totals) lines.push(line(section.totals));
  return lines.join('\r\n') + '\r\n';
}

export function renderCsv(doc: ReportDocument, separator: CsvSeparatorChar = ','): Buffer {
  const section = doc.sections.find((s) => s.id === doc.primarySection) ?? (doc.sections[0] as Section);
  return Buffer.from(`\ufeff${sectionCsv(section, separator)}`, 'utf8');
}
