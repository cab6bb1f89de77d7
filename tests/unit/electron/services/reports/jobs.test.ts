// Export jobs and the reports service behind the contract: progress, cancelling, the worker bundle,
// saving through the shell (the save dialog answered by the test, the file written for real and
// atomically, the folder remembered), PDF through Chromium's print engine, and the channels.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from '@playwright/test';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../../../../electron/services/reports/render';
import { createReportService, LAST_CSV_SEPARATOR, LAST_EXPORT_FOLDER, type ReportService, type ReportShell, type SaveDialogRequest } from '../../../../../electron/services/reports/service';
import { startAppCore, type AppCore } from '../../../../../electron/services/app';
import { dispatch } from '../../../../../electron/api/dispatch';
import type { ExportJob } from '../../../../../electron/api/contract';
import { startLoopbackServer } from '../../../../../electron/server/server';
import { getSetting } from '../../../../../db/settings';
import { exchangeDocumentSchema } from '../../../../../db/exchange';
import type { StoreContext } from '../../../../../db/context';
import { generate } from '../../../../bench/generate';
import { tempDir, tempStore } from '../../../../support/temp';
import { KZ_ORG, LETTERS_TITLE, REPORT_NOW, reportWorld, type ReportWorld } from '../../../../support/report-world';
import { docxParts, launchChromium, parseCsv, pdfText, printToPdf } from '../../../../support/readers';
import { buildReportWorker } from '../../../../support/worker-bundle';

async function finish(service: ReportService, job: ExportJob, seen: ExportJob[] = []): Promise<ExportJob> {
  let current = job;
  while (current.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    current = service.job(current.id);
    seen.push(current);
  }
  return current;
}

async function world(): Promise<{ ctx: StoreContext; w: ReportWorld }> {
  const store = await tempStore({ now: () => REPORT_NOW, actor: () => 'Тестовый пользователь' });
  return { ctx: store.ctx, w: reportWorld(store.ctx) };
}

const services: ReportService[] = [];
afterEach(() => {
  while (services.length) services.pop()?.close();
});

function service(ctx: StoreContext, extra: Partial<Parameters<typeof createReportService>[0]> = {}): ReportService {
  const s = createReportService({ ctx, language: () => 'ru', appVersion: '1.0.0-test', render: renderExport, ...extra });
  services.push(s);
  return s;
}

describe('export jobs', () => {
  it('render with progress, then hold the file for saving or downloading', async () => {
    const { ctx, w } = await world();
    const reports = service(ctx);
    const seen: ExportJob[] = [];
    const job = await finish(reports, reports.start({ kind: 'status', format: 'xlsx', scope: { type: 'meeting', meetingId: w.meetingId } }), seen);
    expect(job).toMatchObject({ state: 'done', phase: 'done', kind: 'status', format: 'xlsx', fileName: 'справка-о-ходе-исполнения-2026-03-10.xlsx', error: null });
    expect(job.total).toBe(job.done);
    expect(job.total).toBeGreaterThan(0);
    const file = reports.file(job.id);
    expect(job.size).toBe(file.bytes.byteLength);
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Сводка', 'Поручения']);
  });

  it('run in the worker bundle and give the same file as in-process', async () => {
    const worker = await buildReportWorker();
    try {
      const { ctx } = await world();
      const inWorker = service(ctx, { render: undefined, workerFile: worker.file });
      const inProcess = service(ctx);
      const seen: ExportJob[] = [];
      const a = await finish(inWorker, inWorker.start({ kind: 'register', format: 'csv', scope: { type: 'search', query: '' } }), seen);
      const b = await finish(inProcess, inProcess.start({ kind: 'register', format: 'csv', scope: { type: 'search', query: '' } }));
      expect(a.state).toBe('done');
      expect(Buffer.from(inWorker.file(a.id).bytes).equals(Buffer.from(inProcess.file(b.id).bytes))).toBe(true);

      const docx = await finish(inWorker, inWorker.start({ kind: 'status', format: 'docx', scope: { type: 'search', query: '' } }));
      expect(docx.state).toBe('done');
      expect((await docxParts(inWorker.file(docx.id).bytes)).text).toContain(LETTERS_TITLE);
    } finally {
      worker.remove();
    }
  });

  it('report progress from the worker while a long export runs, and can be cancelled', async () => {
    const worker = await buildReportWorker();
    try {
      const store = await tempStore();
      generate(store.ctx, { instructions: 3000, meetings: 3 });
      const reports = service(store.ctx, { render: undefined, workerFile: worker.file });
      const seen: ExportJob[] = [];
      const done = await finish(reports, reports.start({ kind: 'register', format: 'xlsx', scope: { type: 'search', query: '' } }), seen);
      expect(done.state).toBe('done');
      const progress = seen.filter((j) => j.state === 'running' && j.phase === 'rendering').map((j) => j.done);
      expect(progress.length).toBeGreaterThan(1);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(new Set(progress).size).toBeGreaterThan(1);
      expect(seen.some((j) => j.phase === 'packing')).toBe(true);

      const running = reports.start({ kind: 'register', format: 'docx', scope: { type: 'search', query: '' } });
      const cancelled = reports.cancel(running.id);
      expect(cancelled.state).toBe('cancelled');
      expect(() => reports.file(running.id)).toThrow(/not finished/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(reports.job(running.id).state).toBe('cancelled');
    } finally {
      worker.remove();
    }
  });

  it('write CSV with the separator the language’s Excel expects, or the one chosen last time', async () => {
    const { ctx, w } = await world();
    let language: 'ru' | 'en' = 'ru';
    const reports = service(ctx, { language: () => language });
    const scope = { type: 'meeting' as const, meetingId: w.meetingId };
    expect(reports.options().csvSeparator).toBe('semicolon');
    language = 'en';
    expect(reports.options().csvSeparator).toBe('comma');
    // Not chosen: the language's separator; the records read back the same either way.
    const byLanguage = reports.file((await finish(reports, reports.start({ kind: 'register', format: 'csv', scope }))).id).bytes;
    const records = parseCsv(byLanguage, ',').records;
    expect(records.find((r) => r.includes(LETTERS_TITLE))).toBeDefined();
    const chosen = reports.file((await finish(reports, reports.start({ kind: 'register', format: 'csv', scope, csvSeparator: 'semicolon' }))).id).bytes;
    expect(parseCsv(chosen, ';').records).toEqual(records);
    expect(getSetting(ctx, LAST_CSV_SEPARATOR, null)).toBe('semicolon');
    expect(reports.options().csvSeparator).toBe('semicolon');
    expect(() => reports.start({ kind: 'register', format: 'xlsx', scope, csvSeparator: 'comma' })).toThrow(expect.objectContaining({ code: 'validation', key: 'separatorNotForFormat' }));
    expect(getSetting(ctx, LAST_CSV_SEPARATOR, null)).toBe('semicolon');
  });

  it('refuse a third export at once, a format the report has not, and PDF without a print engine', async () => {
    const { ctx } = await world();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reports = service(ctx, {
      render: async (input, progress) => {
        await gate;
        return renderExport(input, progress);
      },
    });
    const scope = { type: 'search' as const, query: '' };
    const first = reports.start({ kind: 'status', format: 'csv', scope });
    const second = reports.start({ kind: 'overdue', format: 'csv', scope });
    expect(() => reports.start({ kind: 'register', format: 'csv', scope })).toThrow(expect.objectContaining({ code: 'busy', key: 'exportBusy' }));
    // A refused export is not remembered: the separator chosen for it stays unchosen.
    expect(() => reports.start({ kind: 'register', format: 'csv', scope, csvSeparator: 'comma' })).toThrow(expect.objectContaining({ code: 'busy' }));
    expect(getSetting(ctx, LAST_CSV_SEPARATOR, null)).toBeNull();
    expect(reports.options().csvSeparator).toBe('semicolon');
    release();
    expect((await finish(reports, first)).state).toBe('done');
    expect((await finish(reports, second)).state).toBe('done');
    expect(() => reports.start({ kind: 'exchange', format: 'csv' })).toThrow(expect.objectContaining({ key: 'formatNotForKind' }));
    expect(() => reports.start({ kind: 'status', format: 'json', scope })).toThrow(expect.objectContaining({ key: 'formatNotForKind' }));
    expect(() => reports.start({ kind: 'status', format: 'pdf', scope })).toThrow(expect.objectContaining({ code: 'unsupported', key: 'pdfUnsupported' }));
    expect(reports.options().formats.status).not.toContain('pdf');
    expect(reports.options()).toMatchObject({ canSave: false, canPrint: false });
  });

  it('the exchange file is the whole store', async () => {
    const { ctx, w } = await world();
    const reports = service(ctx);
    const job = await finish(reports, reports.start({ kind: 'exchange', format: 'json' }));
    expect(job.fileName).toBe('ministry-tracker-exchange-2026-03-10.json');
    const doc = exchangeDocumentSchema.parse(JSON.parse(Buffer.from(reports.file(job.id).bytes).toString('utf8')));
    expect(doc.instructions.map((i) => i.id)).toContain(w.items.archived.id);
    expect(doc.appVersion).toBe('1.0.0-test');
  });
});

describe('saving and printing through the shell', () => {
  let browser: Browser;
  let printDir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    printDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-print-'));
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(printDir, { recursive: true, force: true });
  });

  /** The shell's part done here: the save dialog answered by the test, the print engine Chromium's. */
  function shell(answers: (string | null)[], printed: string[] = []) {
    const asked: SaveDialogRequest[] = [];
    const value: ReportShell = {
      chooseSavePath: async (request) => {
        asked.push(request);
        return answers.shift() ?? null;
      },
      printToPdf: async (html) => (await printToPdf(browser, html, printDir)).pdf,
      print: async (html) => {
        printed.push(html);
        return true;
      },
    };
    return { value, asked, printed };
  }

  it('saves where the official chose, atomically, and opens the dialog in that folder next time', async () => {
    const { ctx } = await world();
    const folder = tempDir();
    const first = path.join(folder, 'моя справка.docx');
    fs.writeFileSync(first, 'an older copy');
    const s = shell([first, null, path.join(folder, 'gone', 'x.docx')]);
    const reports = service(ctx, { shell: s.value });
    expect(reports.options()).toMatchObject({ canSave: true, canPrint: true });
    const job = await finish(reports, reports.start({ kind: 'status', format: 'docx', scope: { type: 'search', query: '' } }));

    expect(await reports.save(job.id)).toEqual({ path: first });
    expect(s.asked[0]).toEqual({ suggestedName: 'справка-о-ходе-исполнения-2026-03-10.docx', defaultFolder: null, filter: { name: 'Word (DOCX)', extensions: ['docx'] } });
    expect((await docxParts(fs.readFileSync(first))).text).toContain(KZ_ORG);
    expect(fs.readdirSync(folder)).toEqual(['моя справка.docx']);
    expect(getSetting(ctx, LAST_EXPORT_FOLDER, null)).toBe(folder);

    // Cancelled: nothing written.
    expect(await reports.save(job.id)).toEqual({ path: null });
    expect(s.asked[1]?.defaultFolder).toBe(folder);
    // A folder that vanished: a clear error, nothing written.
    await expect(reports.save(job.id)).rejects.toMatchObject({ code: 'not_found', key: 'exportFolderMissing' });
    expect(fs.readdirSync(folder)).toEqual(['моя справка.docx']);
  });

  it('makes the PDF with Chromium’s print engine and prints the document with page margins', async () => {
    const { ctx } = await world();
    const out = tempDir();
    const s = shell([path.join(out, 'overdue.pdf')]);
    const reports = service(ctx, { shell: s.value });
    const seen: ExportJob[] = [];
    const job = await finish(reports, reports.start({ kind: 'overdue', format: 'pdf', scope: { type: 'search', query: '' } }), seen);
    expect(job.state).toBe('done');
    expect(seen.some((j) => j.phase === 'printing') || job.phase === 'done').toBe(true);
    expect(Buffer.from(reports.file(job.id).bytes.slice(0, 5)).toString()).toBe('%PDF-');
    await reports.save(job.id);
    const text = pdfText(path.join(out, 'overdue.pdf'));
    expect(text).toContain('Перечень просроченных поручений');
    expect(text).toMatch(/Стр\. 1 из 1/);

    const print = await finish(reports, reports.start({ kind: 'status', format: 'html', scope: { type: 'search', query: '' }, purpose: 'print' }));
    expect(await reports.print(print.id)).toEqual({ printed: true });
    expect(s.printed[0]).toContain('@top-left');
    expect(s.printed[0]).toContain('Справка о ходе исполнения поручений');
  });
});

describe('the reports channels', () => {
  let core: AppCore | undefined;
  afterEach(() => core?.close());

  it('preview, export and download in browser mode through the contract and the loopback server', async () => {
    core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test', renderInProcess: renderExport, preferredLanguages: ['ru-RU'] });
    await dispatch(core.handlers, 'app.chooseStart', { choice: 'demo' });
    const meetings = (await dispatch(core.handlers, 'meetings.list', {})) as { ok: true; value: { id: string }[] };
    const meetingId = meetings.value[0]!.id;

    const preview = await dispatch(core.handlers, 'reports.preview', { kind: 'status', scope: { type: 'meeting', meetingId } });
    expect(preview).toMatchObject({ ok: true, value: { title: 'Справка о ходе исполнения поручений', instructions: 9, rows: 9, shownRows: 9 } });
    const limited = (await dispatch(core.handlers, 'reports.preview', { kind: 'register', scope: { type: 'search', query: '' }, limit: 2 })) as {
      ok: true;
      value: { html: string; shownRows: number };
    };
    expect(limited.value.shownRows).toBe(2);
    expect(limited.value.html).toContain('В предпросмотре первые 2 из 9 строк');

    expect(await dispatch(core.handlers, 'reports.preview', { kind: 'status', scope: { type: 'search', query: 'status:nonsense' } })).toMatchObject({
      ok: false,
      error: { code: 'validation', key: 'reportBadSearch' },
    });
    expect(await dispatch(core.handlers, 'reports.preview', { kind: 'status', scope: { type: 'meeting', meetingId, extra: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await dispatch(core.handlers, 'reports.start', { kind: 'status', format: 'exe', scope: { type: 'search', query: '' } })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });

    const started = (await dispatch(core.handlers, 'reports.start', { kind: 'status', format: 'csv', scope: { type: 'meeting', meetingId } })) as { ok: true; value: ExportJob };
    const job = await finish(core.reports, started.value);
    expect(await dispatch(core.handlers, 'reports.job', { jobId: job.id })).toMatchObject({ ok: true, value: { state: 'done' } });
    expect(await dispatch(core.handlers, 'reports.save', { jobId: job.id })).toMatchObject({ ok: false, error: { code: 'unsupported', key: 'saveUnsupported' } });

    const reports = core.reports;
    const server = await startLoopbackServer({ handlers: core.handlers, staticDir: tempDir(), downloads: (id) => reports.file(id) });
    try {
      const url = `${server.url}download/${job.id}`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { 'x-ministry-token': 'guess' } })).status).toBe(401);
      const response = await fetch(url, { headers: { 'x-ministry-token': server.token } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const disposition = response.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.csv"; /);
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(job.fileName)}`);
      expect(job.fileName).toMatch(/^справка-о-ходе-исполнения-\d{4}-\d{2}-\d{2}\.csv$/);
      // The app speaks Russian here, so the CSV is split at semicolons.
      const { records } = parseCsv(new Uint8Array(await response.arrayBuffer()), ';');
      expect(records).toHaveLength(10);
      const missing = await fetch(`${server.url}download/00000000-0000-4000-8000-000000000000`, { headers: { 'x-ministry-token': server.token } });
      expect(missing.status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
