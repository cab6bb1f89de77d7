// Reading an instruction list into rows of cells: CSV (encoding and delimiter detected) or XLSX
// (first sheet with data, or the one the official picks). A file that is not a list, or is
// damaged or cut short, is refused with a message naming the problem.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { StoreError } from '../../../../db/errors';
import { decodeText, sniffBinary, type TextEncodingName } from '../text';

export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** The row number as a spreadsheet shows it. */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  /** Null for a CSV file, which has one unnamed sheet. */
  name: string | null;
  rows: TableRow[];
}

/** A list file read into rows of cells, sheet by sheet. */
export interface Workbook {
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  delimiter: string | null;
  date1904: boolean;
  sheets: Sheet[];
}

export const MAX_COLUMNS = 200;
/** The most an XLSX file may unpack to: a small file that inflates to gigabytes is refused. */
export const MAX_XLSX_UNPACKED_BYTES = 1024 * 1024 * 1024;

export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  const kind = sniffBinary(bytes);
  if (kind === 'zip') return readXlsx(bytes);
  if (kind === 'ole') {
    throw new StoreError(
      'validation',
      'This is an old Excel workbook (.xls), which cannot be read. Open it in Excel, save it as .xlsx or CSV, and import that.',
      'intake.oldExcel',
    );
  }
  if (kind === 'pdf') throw new StoreError('validation', 'This is a PDF document, not a list. Import a CSV or XLSX file.', 'intake.notAList', { name: fileName });
  try {
    const workbook = readCsv(bytes, fileName);
    // A file named .xlsx that is not a ZIP is taken as text only when it is plainly Unicode text
    // (a CSV saved under the wrong name); bytes that merely decode as Windows-1251 are not.
    if (/\.(xlsx|xlsm)$/i.test(fileName) && workbook.encoding === 'windows-1251') throw notReadableAs(fileName);
    return workbook;
  } catch (err) {
    // Binary bytes are "not text" only to a reader of text; the official chose a workbook, a CSV
    // file or a document and is told that this file is not a valid one of those.
    if (err instanceof StoreError && err.key === 'intake.binaryFile') throw notReadableAs(fileName);
    throw err;
  }
}

/** The refusal of a binary file that is not what its name says it is. */
function notReadableAs(fileName: string): StoreError {
  if (/\.(xlsx|xlsm)$/i.test(fileName)) {
    return new StoreError('validation', `“${fileName}” is not a valid Excel workbook (.xlsx): it is damaged or another kind of file renamed. Nothing was imported.`, 'intake.notXlsx', { name: fileName });
  }
  if (/\.(docx?|odt|rtf)$/i.test(fileName)) {
    return new StoreError('validation', `“${fileName}” is a Word document, not a list. Save the table as CSV or XLSX and import that. Nothing was imported.`, 'intake.wordNotList', { name: fileName });
  }
  if (/\.(csv|txt|tsv)$/i.test(fileName)) {
    return new StoreError('validation', `“${fileName}” is not a valid CSV file: it holds binary data, not text. Nothing was imported.`, 'intake.notCsv', { name: fileName });
  }
  return new StoreError('validation', `“${fileName}” is neither a CSV file nor an Excel workbook (.xlsx). Nothing was imported.`, 'intake.notListFile', { name: fileName });
}

// ---- CSV ----

const DELIMITERS = [';', ',', '\t', '|'] as const;

/** Counts a delimiter per line outside quotes over the first lines; the most regular one wins. */
export function detectDelimiter(text: string): string {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 30; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (current.trim() !== '') lines.push(current);
      current = '';
      continue;
    }
    if (!quoted) current += ch;
  }
  if (current.trim() !== '') lines.push(current);
  let best: { delimiter: string; score: number; width: number } = { delimiter: ',', score: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((l) => l.split(delimiter).length - 1);
    const tally = new Map<number, number>();
    for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
    let width = 0;
    let score = 0;
    for (const [c, n] of tally) if (n > score || (n === score && c > width)) [width, score] = [c, n];
    if (score > best.score || (score === best.score && width > best.width)) best = { delimiter, score, width };
  }
  return best.delimiter;
}

/**
 * A text without a single quote character split into records the way csv-parse does with our
 * options (a field can only be quoted with `"`): records end at the line break the text uses
 * first (\r\n, \n or \r; any other break stays in its field), fields at the delimiter, and a
 * break at the very end ends the last record without starting another. Null for a text with
 * quotes, which goes to csv-parse. Several times faster on a large list.
 */
export function unquotedRecords(text: string, delimiter: string): string[][] | null {
  if (text.includes('"')) return null;
  const firstBreak = /\r\n|\n|\r/.exec(text);
  const lines = firstBreak ? text.split(firstBreak[0]) : [text];
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split(delimiter));
}

interface CsvErrorLike {
  code?: string;
  lines?: number;
  message?: string;
}

function readCsv(bytes: Uint8Array, fileName: string): Workbook {
  const { text, encoding } = decodeText(bytes);
  const trimmed = text.trimStart();
  if (/\.json$/i.test(fileName) || (trimmed.startsWith('{') && /"format"\s*:/.test(trimmed.slice(0, 2000)))) {
    throw new StoreError(
      'validation',
      'This is a JSON file, not a list. An exchange file from another official is imported with “Import exchange file”.',
      'intake.jsonNotList',
    );
  }
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = unquotedRecords(text, delimiter) ?? parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (err) {
    const e = err as CsvErrorLike;
    const line = typeof e.lines === 'number' ? e.lines : 0;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new StoreError(
        'validation',
        `The CSV file is damaged or cut short: a quoted cell opened near line ${line} is never closed. Nothing was imported.`,
        'intake.csvQuoteNotClosed',
        { line },
      );
    }
    throw new StoreError('validation', `The CSV file cannot be read near line ${line}: ${String(e.message)}. Nothing was imported.`, 'intake.csvMalformed', {
      line,
    });
  }
  const rows: TableRow[] = [];
  records.forEach((cells, i) => {
    if (cells.length > MAX_COLUMNS) {
      throw new StoreError('validation', `Row ${i + 1} has ${cells.length} columns; a list may have at most ${MAX_COLUMNS}. Is this really a list?`, 'intake.tooManyColumns', {
        row: i + 1,
        max: MAX_COLUMNS,
      });
    }
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells });
  });
  return { format: 'csv', encoding, delimiter, date1904: false, sheets: [{ name: null, rows }] };
}

// ---- XLSX ----

/** Sums the unpacked sizes in a ZIP's central directory; null when the archive is damaged. */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

function damagedXlsx(): StoreError {
  return new StoreError(
    'validation',
    'The Excel file is damaged or cut short, or it is another kind of ZIP archive, not an .xlsx workbook. Nothing was imported.',
    'intake.xlsxDamaged',
  );
}

type ExcelValue = ExcelJS.CellValue;

function plainCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plainCell(value.result as ExcelValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Workbook> {
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw damagedXlsx();
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) {
    throw new StoreError(
      'too_large',
      `The Excel file unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB, more than a list can hold. Nothing was imported.`,
      'intake.xlsxTooLarge',
      { limitMb: MAX_XLSX_UNPACKED_BYTES / 1024 / 1024 },
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw damagedXlsx();
  }
  if (workbook.worksheets.length === 0) throw damagedXlsx();
  const sheets = workbook.worksheets.map((worksheet): Sheet => {
    const rows: TableRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = (Array.isArray(row.values) ? row.values.slice(1) : []) as ExcelValue[];
      if (values.length > MAX_COLUMNS) {
        throw new StoreError('validation', `Row ${rowNumber} of “${worksheet.name}” has ${values.length} columns; a list may have at most ${MAX_COLUMNS}.`, 'intake.tooManyColumns', {
          row: rowNumber,
          max: MAX_COLUMNS,
        });
      }
      const cells = Array.from(values, (v) => plainCell(v));
      if (cells.some((c) => c !== null && String(c).trim() !== '')) rows.push({ row: rowNumber, cells });
    });
    return { name: worksheet.name, rows };
  });
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    date1904: Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904),
    sheets,
  };
}
