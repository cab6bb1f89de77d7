// Every export format read back by a real reader and compared with the store: CSV through
// csv-parse, XLSX through exceljs (cell types too), DOCX's XML, the PDF printed by Chromium and read
// by poppler (text and fonts), the HTML document itself, and the JSON exchange file through its schema.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportSnapshot, type ReportSnapshot } from '../../../../../db/reports';
import { exchangeDocumentSchema, exportExchange } from '../../../../../db/exchange';
import { renderExport } from '../../../../../electron/services/reports/render';
import { buildReport } from '../../../../../electron/services/reports/build';
import { escapeHtml, formatValue, renderHtml } from '../../../../../electron/services/reports/html';
import { columnWidths, rowXml } from '../../../../../electron/services/reports/docx';
import * as docx from 'docx';
import { REPORT_CSS, REPORT_STYLE_HASH } from '../../../../../electron/services/reports/style';
import { CONTENT_SECURITY_POLICY } from '../../../../../electron/services/csp';
import { cellText, CELL_LIMIT, xmlSafe } from '../../../../../electron/services/reports/text';
import { neutralise, sectionCsv } from '../../../../../electron/services/reports/csv';
import type { Language } from '../../../../../db/model';
import type { ReportKind } from '../../../../../electron/services/reports/model';
import { tempStore } from '../../../../support/temp';
import {
  CONTROL_TEXTS,
  FORMULA_TITLES,
  HTML_TITLE,
  KAZAKH_LETTERS,
  KG_ORG,
  KZ_ORG,
  KZ_ORG_2,
  KZ_PERSON,
  LETTERS_TITLE,
  REPORT_NOW,
  reportWorld,
  type ReportWorld,
} from '../../../../support/report-world';
import { docxParts, launchChromium, parseCsv, pdfFonts, pdfPages, pdfText, printToPdf } from '../../../../support/readers';

let snapshot: ReportSnapshot;
let w: ReportWorld;
let exchangeCounts: Record<string, number>;
let exchangeBytes: Uint8Array;

beforeAll(async () => {
  const store = await tempStore({ now: () => REPORT_NOW, actor: () => 'Тестовый пользователь' });
  w = reportWorld(store.ctx);
  snapshot = readReportSnapshot(store.ctx, { filters: [] });
  const count = (table: string) => (store.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  exchangeCounts = Object.fromEntries(
    ['instructions', 'meetings', 'organizations', 'people', 'coexecutors', 'reports', 'extensions', 'history', 'boards', 'tags'].map((t) => [t, count(t)]),
  );
  exchangeBytes = await renderExport({ kind: 'exchange', format: 'json', document: exportExchange(store.ctx, '9.9.9') });
  store.close();
});

const render = (kind: ReportKind, format: 'csv' | 'xlsx' | 'docx' | 'pdf' | 'html', language: Language = 'ru') =>
  renderExport({ kind, format, language, snapshot });

const header = (records: string[][]) => records[0] as string[];
const column = (records: string[][], name: string) => {
  const i = header(records).indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${header(records).join(', ')}`);
  return records.slice(1).map((r) => r[i] as string);
};

describe('CSV', () => {
  it('is RFC 4180 with a BOM, one row per instruction, and matches the store', async () => {
    const bytes = await render('status', 'csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = Buffer.from(bytes).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const { bom, records } = parseCsv(bytes);
    expect(bom).toBe(true);
    expect(header(records)).toEqual(['Контр. №', 'Совещание', 'Поручение', 'Текст', 'Головной исполнитель', 'Ответственное лицо', 'Соисполнители', 'Первоначальный срок', 'Срок', 'Продлений', 'Статус', 'Возобновлено', 'Итог', 'Дней просрочки', 'Последний отчёт', 'Вид отчёта', 'Дата отчёта']);
    expect(records).toHaveLength(1 + snapshot.instructions.length);
    const titles = column(records, 'Поручение');
    expect(titles).toContain(LETTERS_TITLE);
    const row = records.find((r) => r[2] === LETTERS_TITLE) as string[];
    expect(row[4]).toBe(KZ_ORG);
    expect(row[5]).toBe(`${KZ_PERSON}, вице-министр`);
    expect(row[6]).toBe(`${KG_ORG} (до 01.04.2026)\n${KZ_ORG_2} — ${KZ_PERSON}`);
    expect(row[8]).toBe('2026-04-15');
    const extended = records.find((r) => r[2] === w.items.extended.title) as string[];
    expect([extended[7], extended[8], extended[9], extended[13]]).toEqual(['2026-02-20', '2026-03-05', '1', '5']);
  });

  it('neutralises every cell a spreadsheet would run as a formula, and only those', async () => {
    const { records } = parseCsv(await render('register', 'csv'));
    const titles = column(records, 'Поручение');
    for (const payload of FORMULA_TITLES) expect(titles).toContain(`'${payload}`);
    const texts = column(records, 'Текст');
    for (const payload of CONTROL_TEXTS) expect(texts).toContain(`'${payload}`);
    // Nothing else was touched, and nothing left starts with a trigger character.
    expect(titles).toContain(HTML_TITLE);
    // eslint-disable-next-line no-control-regex -- NUL, tab, CR and LF are what must not lead a cell
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r\n\u0000]/);
    expect(neutralise('Обычный текст')).toBe('Обычный текст');
    expect(neutralise('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
  });

  it('splits at semicolons when asked, for Excel with Russian regional settings, and reads back the same', async () => {
    const bytes = await renderExport({ kind: 'register', format: 'csv', language: 'ru', snapshot, csvSeparator: 'semicolon' });
    const records = parseCsv(await render('register', 'csv')).records;
    expect(parseCsv(bytes, ';').records).toEqual(records);
    const firstLine = Buffer.from(bytes).toString('utf8').split('\r\n')[0] as string;
    expect(firstLine).toBe(`\ufeff${header(records).join(';')}`);
    expect(header(records)).toContain('Поручение');

    const section = {
      id: 'x',
      title: 'x',
      sheetName: 'x',
      columns: [
        { key: 'a', header: 'Поручение; срок', type: 'text' as const, width: 10 },
        { key: 'b', header: 'Исполнитель', type: 'text' as const, width: 10 },
      ],
      rows: [{ a: 'Газ; электроэнергия', b: 'Минэнерго, Минэкономики' }],
      totals: null,
      printColumns: [],
      emptyText: '',
    };
    // The separator in a cell is quoted; a comma in a semicolon file needs no quotes, and the reverse.
    expect(sectionCsv(section, ';')).toBe('"Поручение; срок";Исполнитель\r\n"Газ; электроэнергия";Минэнерго, Минэкономики\r\n');
    expect(sectionCsv(section, ',')).toBe('Поручение; срок,Исполнитель\r\nГаз; электроэнергия,"Минэнерго, Минэкономики"\r\n');
  });

  it('the overdue list is one table of who, what and how many days', async () => {
    const { records } = parseCsv(await render('overdue', 'csv', 'en'));
    expect(column(records, 'Days overdue')).toEqual(['8', '5', '1']);
    expect(column(records, 'Lead organization')).toEqual([KG_ORG, KZ_ORG_2, KG_ORG]);
  });
});

describe('XLSX', () => {
  async function workbook(kind: ReportKind, language: Language = 'ru') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await render(kind, 'xlsx', language)) as unknown as ExcelJS.Buffer);
    return wb;
  }

  function headerRow(sheet: ExcelJS.Worksheet): number {
    const view = sheet.views[0] as { state?: string; ySplit?: number };
    expect(view.state).toBe('frozen');
    return view.ySplit as number;
  }

  function table(sheet: ExcelJS.Worksheet) {
    const head = headerRow(sheet);
    const names = (sheet.getRow(head).values as unknown[]).slice(1) as string[];
    const rows: ExcelJS.Row[] = [];
    for (let r = head + 1; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r));
    const cell = (row: ExcelJS.Row, name: string) => row.getCell(names.indexOf(name) + 1);
    return { head, names, rows, cell };
  }

  it('has one sheet per section, a frozen and filtered header, set widths, and typed cells', async () => {
    const wb = await workbook('status');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Сводка', 'Поручения']);
    const sheet = wb.getWorksheet('Поручения') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('Справка о ходе исполнения поручений');
    const { head, names, rows, cell } = table(sheet);
    expect(sheet.autoFilter).toBeTruthy();
    expect(JSON.stringify(sheet.autoFilter)).toContain(String(head));
    expect(names.slice(0, 3)).toEqual(['Контр. №', 'Совещание', 'Поручение']);
    expect(sheet.getColumn(names.indexOf('Текст') + 1).width).toBe(70);
    expect(rows).toHaveLength(snapshot.instructions.length);

    const extended = rows.find((r) => cell(r, 'Поручение').value === w.items.extended.title) as ExcelJS.Row;
    expect(cell(extended, 'Срок').type).toBe(ExcelJS.ValueType.Date);
    expect(cell(extended, 'Срок').value).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(cell(extended, 'Первоначальный срок').value).toEqual(new Date(Date.UTC(2026, 1, 20)));
    expect(cell(extended, 'Дней просрочки').type).toBe(ExcelJS.ValueType.Number);
    expect(cell(extended, 'Дней просрочки').value).toBe(5);
    expect(cell(extended, 'Продлений').value).toBe(1);
    expect(cell(extended, 'Срок').numFmt).toBe('dd.mm.yyyy');
    const lettered = rows.find((r) => cell(r, 'Поручение').value === LETTERS_TITLE) as ExcelJS.Row;
    expect(cell(lettered, 'Головной исполнитель').value).toBe(KZ_ORG);
    // Control numbers are text, never numbers: `{protocol}/{item}` of protocol 7-қ, item 1.
    expect(cell(lettered, 'Контр. №').type).toBe(ExcelJS.ValueType.String);
    expect(cell(lettered, 'Контр. №').value).toBe('7-қ/1');

    const summary = table(wb.getWorksheet('Сводка') as ExcelJS.Worksheet);
    const total = summary.rows.at(-1) as ExcelJS.Row;
    expect(summary.cell(total, 'Головной исполнитель').value).toBe('Итого');
    expect(summary.cell(total, 'Всего').value).toBe(15 + 1);
  });

  it('prints every sheet of every report landscape, one page wide, cells wrapped, the header row on each page', async () => {
    for (const kind of ['status', 'overdue', 'register'] as const) {
      for (const language of ['en', 'ru', 'kk', 'ky'] as const) {
        const wb = await workbook(kind, language);
        expect(wb.worksheets.length).toBeGreaterThan(0);
        for (const sheet of wb.worksheets) {
          const where = `${kind}/${language}/${sheet.name}`;
          const head = headerRow(sheet);
          expect(sheet.pageSetup.orientation, where).toBe('landscape');
          expect(sheet.pageSetup.paperSize, where).toBe(9);
          expect(sheet.pageSetup.fitToPage, where).toBe(true);
          expect(sheet.pageSetup.fitToWidth, where).toBe(1);
          expect(sheet.pageSetup.fitToHeight, where).toBe(0);
          expect(sheet.pageSetup.printTitlesRow, where).toBe(`${head}:${head}`);
          const header = sheet.getRow(head);
          const body = sheet.getRow(head + 1);
          for (let c = 1; c <= sheet.columnCount; c++) {
            expect(header.getCell(c).alignment?.wrapText, `${where} header ${c}`).toBe(true);
            if (body.hasValues) expect(body.getCell(c).alignment?.wrapText, `${where} row ${c}`).toBe(true);
          }
        }
      }
    }
  });

  it('keeps formula payloads as text cells, never formulas', async () => {
    const wb = await workbook('register', 'en');
    const { rows, cell } = table(wb.getWorksheet('Register') as ExcelJS.Worksheet);
    for (const payload of FORMULA_TITLES) {
      const row = rows.find((r) => cell(r, 'Instruction').value === payload);
      expect(row, payload).toBeDefined();
      const c = cell(row as ExcelJS.Row, 'Instruction');
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
      expect(c.numFmt).toBe('@');
    }
    for (const payload of CONTROL_TEXTS) {
      const texts = rows.map((r) => cell(r, 'Text').value);
      expect(texts).toContain(xmlSafe(payload));
    }
    const dated = rows.find((r) => cell(r, 'Instruction').value === w.items.resolved.title) as ExcelJS.Row;
    expect(cell(dated, 'Resolved on').type).toBe(ExcelJS.ValueType.Date);
    expect(cell(dated, 'Reports').value).toBe(2);
  });

  it('writes the raw sheet XML with shared strings and no formula element anywhere', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await render('register', 'xlsx', 'en'));
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(1);
    const xml = (await zip.file(sheets[0] as string)?.async('string')) as string;
    expect(xml).not.toContain('<f>');
    expect(xml).not.toContain('<f ');
    expect(xml).toContain('<pane');
    expect(xml).toContain('state="frozen"');
    expect(xml).toContain('<autoFilter');
  });

  it('cuts text past Excel’s cell limit and marks the cut', () => {
    const long = 'ә'.repeat(CELL_LIMIT + 10);
    const cut = cellText(long);
    expect(cut.length).toBe(CELL_LIMIT);
    expect(cut.endsWith(' […]')).toBe(true);
  });
});

describe('DOCX', () => {
  it('has the headings and tables, A4 landscape, the title in the header and page numbers in the footer', async () => {
    const { document, text, headers, footers, zip } = await docxParts(await render('status', 'docx'));
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\s*\/>/);
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:tblHeader/>');
    expect(text).toContain('Справка о ходе исполнения поручений');
    expect(text).toContain('Сводка по головным исполнителям');
    expect(text).toContain('Ход исполнения поручений');
    expect(text).toContain(LETTERS_TITLE);
    expect(text).toContain(KZ_ORG);
    expect(text).toContain(KZ_PERSON);
    expect(text).toContain('просрочено на 5 дней');
    expect(text).toContain('первоначально 20.02.2026, продлён 1 раз');
    expect(headers).toContain('Справка о ходе исполнения поручений');
    expect(headers).toContain('По состоянию на 10.03.2026');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    expect(footers).toContain('Стр. ');
    expect(await zip.file('word/styles.xml')?.async('string')).toContain('w:lang w:val="ru-RU"');
  });

  it('writes table rows exactly as the docx package writes the same row', async () => {
    const doc = buildReport(snapshot, { kind: 'status', language: 'ru' });
    const section = doc.sections.find((s) => s.id === 'instructions')!;
    const types = new Map(section.columns.map((c) => [c.key, c.type]));
    const widths = columnWidths(section);
    const row = section.rows.find((r) => r.title === LETTERS_TITLE)!;
    // The same row through the docx package's own objects.
    const cells = section.printColumns.map((column, k) => {
      const runs: docx.TextRun[] = [];
      for (const line of column.lines) {
        const value = row[line.key];
        if (value === null || value === undefined || value === '') continue;
        const text = formatValue(value, types.get(line.key), 'ru');
        text.split('\n').forEach((part, i) =>
          runs.push(
            new docx.TextRun({
              text: part,
              bold: line.style === 'strong' || line.style === 'alert' ? true : undefined,
              color: line.style === 'muted' ? '555555' : line.style === 'alert' ? 'B42318' : undefined,
              break: runs.length === 0 && i === 0 ? undefined : 1,
            }),
          ),
        );
      }
      return new docx.TableCell({ width: { size: widths[k] as number, type: docx.WidthType.DXA }, children: [new docx.Paragraph({ children: runs })] });
    });
    const packed = await docx.Packer.toBuffer(new docx.Document({ sections: [{ children: [new docx.Table({ rows: [new docx.TableRow({ cantSplit: true, children: cells })] })] }] }));
    const { document } = await docxParts(packed);
    const theirs = document.slice(document.indexOf('<w:tr>'), document.indexOf('</w:tr>') + '</w:tr>'.length);
    expect(rowXml(row, section, types, doc, widths)).toBe(theirs);
  });

  it('carries payloads as plain text and stays well-formed XML', async () => {
    const { document, text } = await docxParts(await render('register', 'docx', 'en'));
    for (const payload of FORMULA_TITLES) expect(text).toContain(payload);
    expect(text).toContain(HTML_TITLE);
    expect(document).not.toContain('<script>');
    // eslint-disable-next-line no-control-regex -- the characters XML cannot carry
    expect(document).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('HTML', () => {
  it('escapes every value, runs no script and allows only its own stylesheets', async () => {
    const html = Buffer.from(await render('status', 'html', 'en')).toString('utf8');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<h1>injected');
    expect(html).toContain(escapeHtml(HTML_TITLE));
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
    expect(html).toContain(`style-src ${REPORT_STYLE_HASH};`);
    expect(html).not.toMatch(/\sstyle="/);
    // The app's policy allows the preview's stylesheet by that same hash and nothing inline else.
    expect(CONTENT_SECURITY_POLICY).toContain(REPORT_STYLE_HASH);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('limits a preview and says so', () => {
    const doc = buildReport(snapshot, { kind: 'register', language: 'en' });
    const html = renderHtml(doc, { limit: 3 });
    expect(html.match(/<tr>/g)?.length).toBe(1 + 3);
    expect(html).toContain(`The preview shows the first 3 of ${snapshot.instructions.length} rows`);
  });
});

describe('PDF through Chromium’s print engine', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-pdf-'));
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a Russian report with Kazakh names: A4, header, page numbers, embedded fonts with every glyph', async () => {
    const html = Buffer.from(await render('status', 'pdf', 'ru')).toString('utf8');
    const { pdf, console } = await printToPdf(browser, html, dir);
    expect(console).toEqual([]);
    const file = path.join(dir, 'status-ru.pdf');
    fs.writeFileSync(file, pdf);
    const text = pdfText(file);
    expect(text).toContain('Справка о ходе исполнения поручений');
    expect(text).toContain('По состоянию на 10.03.2026');
    for (const letter of KAZAKH_LETTERS) expect(text).toContain(letter);
    expect(text.replace(/\s+/g, ' ')).toContain(LETTERS_TITLE);
    expect(text.replace(/\s+/g, ' ')).toContain(KZ_ORG);
    expect(text.replace(/\s+/g, ' ')).toContain(KZ_PERSON);
    for (const instruction of snapshot.instructions.filter((i) => !i.title.includes('<'))) {
      expect(text.replace(/\s+/g, ' '), instruction.title).toContain(instruction.title.replace(/\s+/g, ' '));
    }
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Стр. 1 из ${pages}`);
    expect(text).toContain(`Стр. ${pages} из ${pages}`);
    const info = (await import('node:child_process')).execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.9\d* x 59[45]\.\d+ pts \(A4\)/);
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, unicode: true });
      expect(font.type).not.toMatch(/Type 3/);
    }
  });

  it('prints injection payloads as text', async () => {
    const { pdf, console } = await printToPdf(browser, Buffer.from(await render('register', 'pdf', 'en')).toString('utf8'), dir);
    expect(console).toEqual([]);
    const file = path.join(dir, 'register-en.pdf');
    fs.writeFileSync(file, pdf);
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const payload of FORMULA_TITLES) expect(text).toContain(payload);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('</td></tr></table><h1>injected</h1>');
  });
});

describe('JSON exchange', () => {
  it('is the lossless exchange document of the whole store, versioned, with stable ids', () => {
    const doc = exchangeDocumentSchema.parse(JSON.parse(Buffer.from(exchangeBytes).toString('utf8')));
    expect(doc.format).toBe('ministry-action-tracker.exchange');
    expect(doc.version).toBe(1);
    expect(doc.appVersion).toBe('9.9.9');
    for (const [table, n] of Object.entries(exchangeCounts)) {
      const key = table as keyof typeof doc;
      expect((doc[key] as unknown[]).length, table).toBe(n);
    }
    const ids = doc.instructions.map((i) => i.id);
    expect(ids).toContain(w.items.lettered.id);
    expect(ids).toContain(w.items.archived.id);
    const org = doc.organizations.find((o) => o.id === w.kzOrgId);
    expect(org?.name).toBe(KZ_ORG);
  });
});
