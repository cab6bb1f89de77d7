// The figures a control department is judged on (issue 10), in every report format read back by
// a real reader: an undone deadline change counts no extension; a reopened instruction shows the
// reopening and its latest progress, not the superseded final report; resolving again computes
// on time / late anew; rows follow control numbers in natural order; no board positions anywhere.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportSnapshot, type ReportSnapshot } from '../../../../../db/reports';
import { createMeeting } from '../../../../../db/meetings';
import { addReport, changeDueDate, changeStatus, createInstruction, moveInstruction, undoDueDateChange } from '../../../../../db/instructions';
import { renderExport } from '../../../../../electron/services/reports/render';
import type { Language } from '../../../../../db/model';
import type { ReportKind } from '../../../../../electron/services/reports/model';
import { tempDir, tempStore } from '../../../../support/temp';
import { docxParts, launchChromium, parseCsv, pdfText, printToPdf } from '../../../../support/readers';

let snapshot: ReportSnapshot;
let ranks: number[] = [];
let day = 10;
const now = () => new Date(`2026-03-${String(day).padStart(2, '0')}T09:00:00Z`);

beforeAll(async () => {
  const store = await tempStore({ now, actor: () => 'Контролёр' });
  const ctx = store.ctx;
  const meeting = createMeeting(ctx, { title: 'Совещание', heldOn: '2026-03-01', protocolNumber: '2' });
  // Created out of order, so board order (rank) differs from control-number order.
  const ten = createInstruction(ctx, { title: 'Пункт десять', meetingId: meeting.id, itemNumber: '10', dueDate: '2026-04-10' });
  const nine = createInstruction(ctx, { title: 'Пункт девять', meetingId: meeting.id, itemNumber: '9', dueDate: '2026-04-10' });
  const late = createInstruction(ctx, { title: 'Пункт один', meetingId: meeting.id, itemNumber: '1', dueDate: '2026-03-12' });
  moveInstruction(ctx, { id: nine.id, afterId: ten.id, beforeId: null });

  // 9: a change undone the same day, then one real extension: "extended once".
  changeDueDate(ctx, nine.id, '2026-05-10', 'Ошибочно');
  undoDueDateChange(ctx, nine.id, '2026-04-10');
  changeDueDate(ctx, nine.id, '2026-04-20', 'Ожидается ответ партнёров');

  // 10: resolved with a final report, reopened, a progress report filed.
  changeStatus(ctx, ten.id, 'resolved', { report: 'Финальный отчёт: исполнено' });
  day = 12;
  changeStatus(ctx, ten.id, 'in_progress', { reason: 'Партнёры не подтвердили' });
  addReport(ctx, ten.id, 'interim', 'Переговоры возобновлены');

  // 1: resolved on time, reopened, resolved again three days late.
  changeStatus(ctx, late.id, 'resolved', { report: 'Сделано' });
  changeStatus(ctx, late.id, 'in_progress', { reason: 'Не всё сделано' });
  day = 15;
  changeStatus(ctx, late.id, 'resolved', { report: 'Сделано полностью' });

  snapshot = readReportSnapshot(ctx, { filters: [] });
  ranks = (ctx.db.prepare('SELECT rank FROM instructions').all() as { rank: number }[]).map((r) => r.rank);
  store.close();
});

const render = (kind: ReportKind, format: 'csv' | 'xlsx' | 'docx' | 'pdf' | 'html', language: Language = 'ru') => renderExport({ kind, format, language, snapshot });

function csv(records: string[][], name: string, title: string): string {
  const head = records[0] as string[];
  const row = records.find((r) => r.includes(title)) as string[];
  return row[head.indexOf(name)] as string;
}

/** The words every format must carry, and must not. */
function checkText(text: string): void {
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('продлён 1 раз');
  expect(flat).not.toContain('продлён 2 раза');
  expect(flat).toContain('Переговоры возобновлены');
  expect(flat).toContain('возобновлено 12.03.2026');
  expect(flat).not.toContain('Финальный отчёт: исполнено');
  expect(flat).toContain('исполнено с опозданием на 3 дня');
  expect(flat.indexOf('2/1')).toBeLessThan(flat.indexOf('2/9'));
  expect(flat.indexOf('2/9')).toBeLessThan(flat.indexOf('2/10'));
  for (const rank of ranks) expect(flat).not.toContain(String(rank));
}

describe('the figures in every format', () => {
  it('CSV: extensions that stand, the reopened item’s latest progress, the outcome, natural order', async () => {
    const { records } = parseCsv(await render('status', 'csv'));
    expect(records.slice(1).map((r) => r[0])).toEqual(['2/1', '2/9', '2/10']);
    expect(csv(records, 'Продлений', 'Пункт девять')).toBe('1');
    expect(csv(records, 'Статус', 'Пункт десять')).toBe('В работе');
    expect(csv(records, 'Последний отчёт', 'Пункт десять')).toBe('Переговоры возобновлены');
    expect(csv(records, 'Вид отчёта', 'Пункт десять')).toBe('Промежуточный отчёт');
    expect(csv(records, 'Возобновлено', 'Пункт десять')).toBe('2026-03-12');
    expect(csv(records, 'Итог', 'Пункт один')).toBe('исполнено с опозданием на 3 дня');
    expect(csv(records, 'Последний отчёт', 'Пункт один')).toBe('Сделано полностью');
    const register = parseCsv(await render('register', 'csv')).records;
    expect(csv(register, 'Переносы срока', 'Пункт девять')).not.toContain('Ошибочно');
    for (const rank of ranks) expect(register.flat()).not.toContain(String(rank));
  });

  it('XLSX: the same figures, typed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await render('status', 'xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Поручения') as ExcelJS.Worksheet;
    let headRow = 0;
    sheet.eachRow((row, n) => {
      if (headRow === 0 && row.getCell(1).value === 'Контр. №') headRow = n;
    });
    const names = (sheet.getRow(headRow).values as unknown[]).slice(1).map(String);
    const rows: ExcelJS.Row[] = [];
    for (let n = headRow + 1; n <= sheet.rowCount; n++) rows.push(sheet.getRow(n));
    const cell = (row: ExcelJS.Row, name: string) => row.getCell(names.indexOf(name) + 1).value;
    expect(rows.map((r) => cell(r, 'Контр. №'))).toEqual(['2/1', '2/9', '2/10']);
    const [one, nine, ten] = rows as [ExcelJS.Row, ExcelJS.Row, ExcelJS.Row];
    expect(cell(nine, 'Продлений')).toBe(1);
    expect(cell(ten, 'Статус')).toBe('В работе');
    expect(cell(ten, 'Последний отчёт')).toBe('Переговоры возобновлены');
    expect(cell(ten, 'Возобновлено')).toEqual(new Date(Date.UTC(2026, 2, 12)));
    expect(cell(one, 'Итог')).toBe('исполнено с опозданием на 3 дня');
    const summary = wb.getWorksheet('Сводка') as ExcelJS.Worksheet;
    const totals = summary.getRow(summary.rowCount);
    const sumHead = (summary.getRow(summary.rowCount - 1).values as unknown[]).length;
    expect(sumHead).toBeGreaterThan(0);
    // One instruction stands extended, not two.
    expect(totals.getCell(8).value).toBe(1);
  });

  it('DOCX and the preview HTML: the same words', async () => {
    const { text } = await docxParts(await render('status', 'docx'));
    checkText(text);
    checkText(Buffer.from(await render('status', 'html')).toString('utf8').replace(/<[^>]+>/g, ' '));
  });

  describe('PDF', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser.close();
    });
    it('the same words, printed by Chromium and read by poppler', async () => {
      const dir = tempDir('mat-figures-pdf-');
      const { pdf } = await printToPdf(browser, Buffer.from(await render('status', 'pdf')).toString('utf8'), dir);
      const file = path.join(dir, 'status.pdf');
      fs.writeFileSync(file, pdf);
      checkText(pdfText(file));
    });
  });
});
