// Reports in browser mode: the dialog from the board, the preview, every format downloaded and read
// back by a real reader and compared with the store, printing, a Russian report with a
// Kazakh-named organization, and injection payloads that come out inert.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { APIRequestContext, Download, Page } from '@playwright/test';
import { test, expect, openWithDemo } from './fixtures';
import type { RunningApp } from '../support/server';
import { exchangeDocumentSchema } from '../../db/exchange';
import { docxParts, launchChromium, parseCsv, pdfFonts, pdfText, printToPdf } from '../support/readers';

// Trace snapshots inject a script into every frame; the sandboxed report frames refuse it and say
// so on the console, which the fixture would count as a page error. These tests keep the fixture
// strict and record no trace (screenshots on failure remain).
test.use({ trace: 'off' });

const KZ_ORG = 'Қазақстан Республикасы Энергетика министрлігі';
const KZ_TITLE = 'Энергетика: әуежай, ғимарат, қала, жаңа, өнім, ұлттық, үкімет, шаһар, ірі';
const PAYLOADS = ['=1+2', '@SUM(A1)', "+cmd|' /C calc'!A0", '-2+3'];
const HTML_PAYLOAD = '<img src=x onerror="document.title=1"><b>bold?</b>';

async function call<T>(request: APIRequestContext, app: RunningApp, channel: string, data: unknown): Promise<T> {
  const response = await request.post(`${app.url}api/${channel}`, { data, headers: { 'x-ministry-token': app.token } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.value;
}

async function openReports(page: Page) {
  await page.getByRole('button', { name: /^(Reports|Отчёты)$/ }).click();
  const dialog = page.getByRole('dialog', { name: /Reports and export|Отчёты и выгрузка/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function download(page: Page, format: RegExp): Promise<{ file: string; download: Download }> {
  const dialog = page.getByTestId('reports-dialog');
  await dialog.getByRole('radio', { name: format }).check();
  const waiting = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^(Download|Скачать) / }).click();
  const done = await waiting;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-download-'));
  const file = path.join(dir, done.suggestedFilename());
  await done.saveAs(file);
  await expect(dialog.getByTestId('report-notice')).toContainText(done.suggestedFilename());
  return { file, download: done };
}

async function demoTitles(request: APIRequestContext, app: RunningApp): Promise<string[]> {
  const boards = await call<{ id: string; builtin: string | null }[]>(request, app, 'boards.list', {});
  const control = boards.find((b) => b.builtin === 'control')!;
  const view = await call<{ columns: { cards: { title: string }[] }[] }>(request, app, 'boards.view', { boardId: control.id });
  return view.columns.flatMap((c) => c.cards.map((card) => card.title));
}

test('the reports dialog opens from the board and previews the status report of what is on screen', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await openReports(page);
  await expect(dialog.getByRole('radio', { name: /Execution status report/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /The board and search on screen/ })).toBeChecked();
  const preview = page.frameLocator('[data-testid=report-preview]');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Report on the execution of instructions');
  await expect(preview.getByRole('heading', { name: 'Summary by lead organization' })).toBeVisible();
  await expect(preview.locator('tbody tr').filter({ hasText: 'Work out the supply of electricity from Kazakhstan' })).toContainText('overdue by 6 days');
  await expect(dialog.locator('iframe[data-testid=report-preview]')).toHaveAttribute('title', 'Preview: Report on the execution of instructions');
  await expect(dialog.locator('iframe[data-testid=report-preview]')).toHaveAttribute('sandbox', '');

  await dialog.getByRole('radio', { name: /Overdue list/ }).check();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Overdue instructions');
  await expect(preview.locator('#overdue tbody tr')).toHaveCount(2);
  await dialog.getByRole('radio', { name: /One meeting/ }).check();
  await expect(preview.locator('.meta')).toContainText('Source: Meeting of the heads of government of Kyrgyzstan and Kazakhstan (demo), 5 Nov 2021');
  // Browser mode offers no PDF file and says what to do instead.
  await expect(dialog.getByRole('radio', { name: 'PDF' })).toHaveCount(0);
  await expect(dialog.getByText(/use Print and choose “Save as PDF”/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(pageErrors).toEqual([]);
});

test('every format downloads and reads back as the store holds it', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const titles = await demoTitles(request, app);
  expect(titles).toHaveLength(9);
  await openReports(page);

  const csv = await download(page, /^CSV$/);
  // In English the comma is offered first, as English Excel expects.
  await expect(page.getByRole('radio', { name: /^Comma \(,\)/ })).toBeChecked();
  expect(path.basename(csv.file)).toMatch(/^status-report-\d{4}-\d{2}-\d{2}\.csv$/);
  const { bom, records } = parseCsv(fs.readFileSync(csv.file));
  expect(bom).toBe(true);
  expect(records[0]?.slice(0, 3)).toEqual(['Control No.', 'Meeting', 'Instruction']);
  expect(records.slice(1).map((r) => r[2]).sort()).toEqual([...titles].sort());

  const xlsx = await download(page, /^Excel/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx.file);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['Summary', 'Instructions']);
  const sheet = wb.getWorksheet('Instructions')!;
  const head = (sheet.views[0] as { ySplit: number }).ySplit;
  const names = (sheet.getRow(head).values as string[]).slice(1);
  const col = (name: string) => names.indexOf(name) + 1;
  const rows = Array.from({ length: sheet.rowCount - head }, (_, i) => sheet.getRow(head + 1 + i));
  expect(rows.map((r) => r.getCell(col('Instruction')).value).sort()).toEqual([...titles].sort());
  const electricity = rows.find((r) => r.getCell(col('Instruction')).value === 'Work out the supply of electricity from Kazakhstan')!;
  expect(electricity.getCell(col('Deadline')).value).toBeInstanceOf(Date);
  expect(electricity.getCell(col('Days overdue')).value).toBe(6);
  expect(electricity.getCell(col('Extensions')).value).toBe(1);

  const docx = await download(page, /Word/);
  const { text, document } = await docxParts(fs.readFileSync(docx.file));
  expect(document).toContain('w:orient="landscape"');
  for (const title of titles) expect(text).toContain(title);

  await page.getByTestId('reports-dialog').getByRole('radio', { name: /Exchange file/ }).check();
  await expect(page.getByTestId('reports-dialog').getByText(/The exchange file holds everything/)).toBeVisible();
  const json = await download(page, /^JSON$/);
  expect(path.basename(json.file)).toMatch(/^ministry-tracker-exchange-\d{4}-\d{2}-\d{2}\.json$/);
  const exchange = exchangeDocumentSchema.parse(JSON.parse(fs.readFileSync(json.file, 'utf8')));
  expect(exchange.instructions.map((i) => i.title).sort()).toEqual([...titles].sort());
  const meetings = await call<{ id: string }[]>(request, app, 'meetings.list', {});
  expect(exchange.meetings.map((m) => m.id)).toEqual(meetings.map((m) => m.id));
  expect(exchange.history.length).toBeGreaterThan(0);

  // The download route wants the token like the API does.
  const job = await call<{ id: string; state: string }>(request, app, 'reports.start', { kind: 'overdue', format: 'csv', scope: { type: 'search', query: '' } });
  await expect.poll(async () => (await call<{ state: string }>(request, app, 'reports.job', { jobId: job.id })).state).toBe('done');
  expect((await request.get(`${app.url}download/${job.id}`)).status()).toBe(401);
  expect((await request.get(`${app.url}download/${job.id}`, { headers: { 'x-ministry-token': 'guess' } })).status()).toBe(401);
  const ok = await request.get(`${app.url}download/${job.id}`, { headers: { 'x-ministry-token': app.token } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-disposition']).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''overdue-instructions-/);
  expect(pageErrors).toEqual([]);
});

test('printing in browser mode prints the whole report, the same document that makes the PDF', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await openReports(page);
  await dialog.getByRole('radio', { name: /Register of instructions/ }).check();
  await dialog.getByRole('button', { name: 'Print…' }).click();
  const frame = page.locator('iframe[data-testid=report-print-frame]');
  await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin allow-modals');
  await expect(dialog.getByTestId('report-notice')).toHaveText('The print dialog is open.');
  await expect(page.frameLocator('iframe[data-testid=report-print-frame]').locator('#register tbody tr')).toHaveCount(9);
  const html = (await frame.getAttribute('srcdoc')) as string;
  expect(html).toContain('<h1>Register of instructions</h1>');

  const browser = await launchChromium();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-e2e-pdf-'));
  try {
    const { pdf, console } = await printToPdf(browser, html, dir);
    expect(console).toEqual([]);
    const file = path.join(dir, 'register.pdf');
    fs.writeFileSync(file, pdf);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Register of instructions');
    expect(text).toContain('Bring mutual trade between Kyrgyzstan and Kazakhstan to USD 1 billion');
    for (const font of pdfFonts(file)) expect(font).toMatchObject({ embedded: true, unicode: true });
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(pageErrors).toEqual([]);
});

test('a report in Russian with a Kazakh-named organization round-trips through every format', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const [meeting] = await call<{ id: string }[]>(request, app, 'meetings.list', {});
  const org = await call<{ id: string }>(request, app, 'organizations.create', { name: KZ_ORG, country: 'Kazakhstan' });
  await call(request, app, 'instructions.create', { title: KZ_TITLE, meetingId: meeting!.id, leadOrgId: org.id, dueDate: '2031-05-20', itemNumber: '10' });
  await page.getByTestId('language-select').selectOption('ru');
  await expect(page.getByRole('heading', { name: /Контроль поручений/ })).toBeVisible();

  const dialog = await openReports(page);
  const preview = page.frameLocator('[data-testid=report-preview]');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Справка о ходе исполнения поручений');
  await expect(preview.locator('tbody tr').filter({ hasText: KZ_TITLE })).toContainText(KZ_ORG);
  await expect(preview.locator('tbody tr').filter({ hasText: KZ_TITLE })).toContainText('20.05.2031');

  // In Russian the CSV is split at semicolons, as Excel with Russian regional settings expects.
  const csvFile = (await download(page, /^CSV$/)).file;
  await expect(dialog.getByRole('radio', { name: /^Точка с запятой \(;\)/ })).toBeChecked();
  const csv = parseCsv(fs.readFileSync(csvFile), ';').records;
  expect(csv[0]?.slice(0, 5)).toEqual(['Контр. №', 'Совещание', 'Поручение', 'Текст', 'Головной исполнитель']);
  expect(csv.find((r) => r[2] === KZ_TITLE)?.[4]).toBe(KZ_ORG);
  // A comma chosen instead is used, and offered first the next time.
  await dialog.getByRole('radio', { name: /^Запятая \(,\)/ }).check();
  const commaCsv = parseCsv(fs.readFileSync((await download(page, /^CSV$/)).file), ',').records;
  expect(commaCsv.find((r) => r[2] === KZ_TITLE)?.[4]).toBe(KZ_ORG);
  await dialog.getByRole('button', { name: 'Закрыть', exact: true }).click();
  await expect(dialog).toBeHidden();
  await openReports(page);
  await dialog.getByRole('radio', { name: /^CSV$/ }).check();
  await expect(dialog.getByRole('radio', { name: /^Запятая \(,\)/ })).toBeChecked();

  const xlsxFile = (await download(page, /^Excel/)).file;
  expect(path.basename(xlsxFile)).toMatch(/^справка-о-ходе-исполнения-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxFile);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['Сводка', 'Поручения']);
  const summary = wb.getWorksheet('Сводка')!;
  const values = summary.getSheetValues().flat().filter((v) => typeof v === 'string');
  expect(values).toContain(KZ_ORG);
  expect(values).toContain('Итого');

  const { text } = await docxParts(fs.readFileSync((await download(page, /Word/)).file));
  expect(text).toContain('Справка о ходе исполнения поручений');
  expect(text).toContain(KZ_TITLE);
  expect(text).toContain(KZ_ORG);
  await expect(dialog.getByTestId('report-notice')).toContainText('Скачан файл');
  expect(pageErrors).toEqual([]);
});

test('injection payloads in titles come out inert in the preview, the CSV and the spreadsheet', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const [meeting] = await call<{ id: string }[]>(request, app, 'meetings.list', {});
  for (const title of [...PAYLOADS, HTML_PAYLOAD]) await call(request, app, 'instructions.create', { title, meetingId: meeting!.id });
  const before = await page.title();
  await openReports(page);
  const preview = page.frameLocator('[data-testid=report-preview]');
  await expect(preview.getByText(HTML_PAYLOAD)).toBeVisible();
  await expect(preview.locator('img')).toHaveCount(0);
  await expect(preview.locator('td b')).toHaveCount(0);
  for (const payload of PAYLOADS) await expect(preview.getByText(payload, { exact: true })).toBeVisible();

  const { records } = parseCsv(fs.readFileSync((await download(page, /^CSV$/)).file));
  const titles = records.slice(1).map((r) => r[2]);
  for (const payload of PAYLOADS) expect(titles).toContain(`'${payload}`);
  expect(titles).toContain(HTML_PAYLOAD);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download(page, /^Excel/)).file);
  const sheet = wb.getWorksheet('Instructions')!;
  const cells = sheet.getColumn(3).values.filter((v): v is string => typeof v === 'string');
  for (const payload of PAYLOADS) expect(cells).toContain(payload);
  sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  expect(await page.title()).toBe(before);
  expect(pageErrors).toEqual([]);
});
