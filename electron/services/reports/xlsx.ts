// XLSX through exceljs: one sheet per section, a title block, the header row frozen and filtered,
// column widths set, and typed cells: dates are dates, numbers are numbers and text is always a
// text cell (shared string, column formatted as text) and never a formula, whatever it starts with.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnType, ReportDocument, Row, Section } from './model';
import { cellText, yieldNow, type Progress } from './text';

const DATE_FORMATS: Record<string, { date: string; datetime: string }> = {
  en: { date: 'd mmm yyyy', datetime: 'd mmm yyyy hh:mm' },
  other: { date: 'dd.mm.yyyy', datetime: 'dd.mm.yyyy hh:mm' },
};

/** A calendar date as Excel stores it (a day number, no time zone). */
export function excelDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** An instant as the local wall-clock time of the machine making the report. */
export function excelDateTime(timestamp: string): Date {
  const at = new Date(timestamp);
  return new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes(), at.getSeconds()));
}

function cellValue(value: Row[string] | undefined, type: ColumnType): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'number') return typeof value === 'number' ? value : cellText(String(value));
  if (typeof value === 'number') return value;
  if (type === 'date') return excelDate(value);
  if (type === 'datetime') return excelDateTime(value);
  return cellText(value);
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECF1' } };
const CHUNK = 500;

export async function renderXlsx(doc: ReportDocument, progress: Progress = () => undefined): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  workbook.creator = 'Ministry Action Tracker';
  workbook.title = doc.title;
  workbook.created = new Date(`${doc.asOf}T00:00:00Z`);
  const formats = DATE_FORMATS[doc.language] ?? (DATE_FORMATS.other as { date: string; datetime: string });
  const total = doc.sections.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;

  for (const section of doc.sections) {
    await writeSection(workbook, doc, section, formats, async (n) => {
      done += n;
      progress(done, total, 'rendering');
      await yieldNow();
    });
  }
  progress(total, total, 'packing');
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

async function writeSection(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  doc: ReportDocument,
  section: Section,
  formats: { date: string; datetime: string },
  advance: (rows: number) => Promise<void>,
): Promise<void> {
  const headerRow = 4 + doc.meta.length;
  // Every sheet prints landscape, one page wide (as many pages down as it needs), its cells wrapped
  // and the header row repeated on each page: a wide register printed across six pages with its
  // columns cut is unreadable on paper.
  const sheet = workbook.addWorksheet(section.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: false,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  sheet.columns = section.columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: {
      numFmt: c.type === 'text' ? '@' : c.type === 'number' ? '0' : c.type === 'date' ? formats.date : formats.datetime,
      alignment: { vertical: 'top', wrapText: true },
    },
  }));
  const types = section.columns.map((c) => c.type);

  const title = sheet.getRow(1);
  title.getCell(1).value = cellText(doc.title);
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { wrapText: false };
  title.commit();
  const asOf = sheet.getRow(2);
  asOf.getCell(1).value = cellText(`${doc.asOfText}. ${section.title}`);
  asOf.getCell(1).font = { bold: true };
  asOf.getCell(1).alignment = { wrapText: false };
  asOf.commit();
  doc.meta.forEach((line, i) => {
    const row = sheet.getRow(3 + i);
    row.getCell(1).value = cellText(`${line.label}: ${line.value}`);
    row.getCell(1).alignment = { wrapText: false };
    row.commit();
  });

  const header = sheet.getRow(headerRow);
  section.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = cellText(c.header);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: section.columns.length } };

  let rowNumber = headerRow;
  for (let start = 0; start < section.rows.length; start += CHUNK) {
    const end = Math.min(section.rows.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const data = section.rows[i] as Row;
      const row = sheet.getRow(++rowNumber);
      row.values = section.columns.map((c, k) => cellValue(data[c.key], types[k] as ColumnType));
      row.commit();
    }
    await advance(end - start);
  }
  if (section.totals) {
    const totals = section.totals;
    const row = sheet.getRow(rowNumber + 1);
    row.values = section.columns.map((c, k) => cellValue(totals[c.key], types[k] as ColumnType));
    row.font = { bold: true };
    row.commit();
  }
  sheet.commit();
}
