// Helpers for the import tests: files in the encodings and formats offices send, and a canonical
// dump of the whole store, so a test can prove an import changed nothing at all.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { StoreContext } from '../../db/context';

/** Windows-1251 bytes of a text (characters outside the code page become '?'). */
export function windows1251(text: string): Buffer {
  const table = new Map<string, number>();
  const high = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 128 }, (_, i) => 128 + i));
  Array.from(high).forEach((ch, i) => table.set(ch, 128 + i));
  return Buffer.from(Array.from(text, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : table.get(ch) ?? 0x3f)));
}

export function utf8(text: string, bom = false): Buffer {
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** An XLSX workbook with one sheet per entry; cells may be strings, numbers or dates. */
export async function xlsx(sheets: Record<string, (string | number | Date | null)[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd.mm.yyyy';
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const TABLES = [
  'organizations',
  'people',
  'meetings',
  'tags',
  'instructions',
  'instruction_tags',
  'coexecutors',
  'reports',
  'extensions',
  'history',
  'boards',
  'settings',
];

/** Every row of every table, in key order, hashed: equal hashes mean equal stores. */
export function storeHash(ctx: StoreContext): string {
  const hash = crypto.createHash('sha256');
  for (const table of TABLES) {
    const rows = ctx.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
    hash.update(`${table}:${JSON.stringify(rows)}\n`);
  }
  return hash.digest('hex');
}

export function count(ctx: StoreContext, table: string): number {
  return (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
