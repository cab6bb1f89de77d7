// The skipped-rows report an official can save: CSV (RFC 4180 quoting, UTF-8 with a byte-order
// mark for Excel, cells that would start a formula defused), with the problems in their language.
import type { TFunction } from 'i18next';
import type { ListIssue, ListRowReport } from '../../../db/intake-types';

export function csvCell(value: string, delimiter: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: string[][], delimiter: string): string {
  return `\ufeff${rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter)).join('\r\n')}\r\n`;
}

export function describeIssue(issue: ListIssue, t: TFunction): string {
  return t(`intake.list.issue.${issue.code}`, {
    value: issue.value ?? '',
    row: issue.row ?? '',
    field: issue.field ? t(`intake.list.fields.${issue.field}`) : '',
  });
}

/** Row number, problems, then the row's own cells under the file's own headers. */
export function skippedRowsCsv(header: string[], rows: ListRowReport[], t: TFunction, language: string): string {
  // Excel reads a comma-separated file in English and a semicolon-separated one elsewhere.
  const delimiter = language === 'en' ? ',' : ';';
  const width = Math.max(header.length, ...rows.map((r) => r.cells.length));
  const head = [t('intake.list.reportRow'), t('intake.list.reportProblems'), ...Array.from({ length: width }, (_, i) => header[i] ?? '')];
  const body = rows.map((r) => [String(r.row), r.issues.map((i) => describeIssue(i, t)).join('; '), ...Array.from({ length: width }, (_, i) => r.cells[i] ?? '')]);
  return toCsv([head, ...body], delimiter);
}
