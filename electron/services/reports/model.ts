// The one report model every format renders: a document of titled sections, each a table of typed
// columns (for XLSX and CSV) with a print layout that stacks several fields per cell (for the
// PDF/preview HTML and DOCX). Plain data, so it crosses into the export worker unchanged.
import type { Language } from '../../../db/model';

export const REPORT_KINDS = ['status', 'overdue', 'register'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What can be exported: a report, or the whole store as the JSON exchange file. */
export type ExportKind = ReportKind | 'exchange';

export const EXPORT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json', 'html', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const REPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'docx', 'xlsx', 'csv', 'html'];

export function formatsFor(kind: ExportKind): readonly ExportFormat[] {
  return kind === 'exchange' ? ['json', 'zip'] : REPORT_FORMATS;
}

export const MIME_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  zip: 'application/zip',
  html: 'text/html; charset=utf-8',
};

/** A cell: text, a number, or (in a `date`/`datetime` column) an ISO date or timestamp; null is empty. */
export type CellValue = string | number | null;
export type ColumnType = 'text' | 'number' | 'date' | 'datetime';
export type Row = Record<string, CellValue>;

export interface Column {
  key: string;
  header: string;
  type: ColumnType;
  /** Spreadsheet column width, in characters. */
  width: number;
}

/** One field shown inside a printed cell; empty values are skipped. */
export interface PrintLine {
  key: string;
  style?: 'strong' | 'muted' | 'alert';
}

export interface PrintColumn {
  header: string;
  /** Share of the table width, in percent; a section's columns add up to 100. */
  width: number;
  lines: PrintLine[];
  align?: 'left' | 'right';
}

export interface Section {
  id: string;
  title: string;
  /** At most 31 characters, none of []:*?/\ (Excel's rules). */
  sheetName: string;
  columns: Column[];
  rows: Row[];
  /** A closing totals row (summary tables). */
  totals: Row | null;
  printColumns: PrintColumn[];
  emptyText: string;
}

export interface MetaLine {
  label: string;
  value: string;
}

/** One signature of the block a report ends with: a heading, the position, the name, a phone line. */
export interface SignatureLine {
  label: string;
  position: string;
  name: string;
  /** "Tel. …", or empty. */
  phone: string;
}

export interface ReportDocument {
  kind: ReportKind;
  language: Language;
  title: string;
  /** Source meetings, the selection, the count: shown under the title. */
  meta: MetaLine[];
  asOf: string;
  /** "As of 5 Nov 2021", in the report's language. */
  asOfText: string;
  /** "Prepared … by …". */
  preparedText: string;
  /** "Approved by" (when the head is given) and "prepared by", in that order; empty when nobody is named. */
  signatures: SignatureLine[];
  /** The official who prepared the report, for the page footer ("Prepared by …"); empty when unknown. */
  footerText: string;
  /** File name without extension. */
  fileBase: string;
  sections: Section[];
  /** The section a CSV file carries (CSV holds one table). */
  primarySection: string;
  /** Number of instructions the report covers. */
  instructionCount: number;
  labels: {
    /** "Page {page} of {pages}" with those two placeholders. */
    pageOf: string;
    /** "The preview shows the first {shown} of {total} rows…" with those placeholders. */
    previewLimited: string;
  };
}
