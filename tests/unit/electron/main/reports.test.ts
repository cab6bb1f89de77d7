// The Electron shell's part of reports, run against the recording stand-in of electron (the runtime
// cannot start here): the save dialog in the last folder, the hidden print window's settings, its
// temporary document removed afterwards, and the whole save path through IPC into a real file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fake } from '../../../support/fake-electron';
import { createReportShell, printWindowOptions } from '../../../../electron/main/reports';
import { startMain } from '../../../../electron/main/bootstrap';
import type { AppCore } from '../../../../electron/services/app';
import type { ExportJob } from '../../../../electron/api/contract';
import { tempDir } from '../../../support/temp';
import { buildReportWorker } from '../../../support/worker-bundle';
import { parseCsv } from '../../../support/readers';

const trusted = { parent: null, url: 'app://renderer/index.html' };
/** The save dialogs the shell opened, in order. */
const saves = () => fake.dialogs.filter((d) => d.kind === 'save');

function invoke<T>(channel: string, payload: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string; key?: string } }> {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame: trusted }, payload) as Promise<{ ok: boolean; value?: T }>;
}

beforeEach(() => fake.reset());

describe('the report print window', () => {
  it('is hidden, sandboxed and isolated, with no preload, no Node and scripts off', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('prints to PDF on A4 with the document’s own page size, then closes and removes its document', async () => {
    const shell = createReportShell(() => null);
    const html = '<!doctype html><title>Справка</title><p>Қазақстан</p>';
    const pdf = await shell.printToPdf(html);
    expect(Buffer.from(pdf).toString()).toBe(`%PDF-fake ${html.length}`);
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.options).toEqual(printWindowOptions());
    expect(window.destroyed).toBe(true);
    expect(fake.printToPdfCalls).toHaveLength(1);
    const call = fake.printToPdfCalls[0]!;
    expect(call.options).toEqual({ pageSize: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    expect(call.html).toBe(html);
    // The temporary document and its private folder are gone.
    expect(fs.existsSync(call.file as string)).toBe(false);
    expect(fs.existsSync(path.dirname(call.file as string))).toBe(false);
  });

  it('prints through the system dialog: printed, cancelled, or a failure that says so', async () => {
    const shell = createReportShell(() => null);
    expect(await shell.print('<p>x</p>')).toBe(true);
    expect(fake.printCalls[0]?.options).toMatchObject({ silent: false, pageSize: 'A4', landscape: true });
    fake.printOutcome = 'cancelled';
    expect(await shell.print('<p>x</p>')).toBe(false);
    fake.printOutcome = 'failed';
    await expect(shell.print('<p>x</p>')).rejects.toThrow(/printing failed/);
    expect(fake.windows.every((w) => w.destroyed)).toBe(true);
  });

  it('asks where to save in the last folder, or in Documents the first time', async () => {
    const shell = createReportShell(() => null);
    fake.saveDialogAnswers.push('/chosen/report.docx');
    const filter = { name: 'Word (DOCX)', extensions: ['docx'] };
    expect(await shell.chooseSavePath({ suggestedName: 'справка.docx', defaultFolder: null, filter })).toBe('/chosen/report.docx');
    expect(saves()[0]?.options).toEqual({
      defaultPath: path.join(fake.documents, 'справка.docx'),
      filters: [filter],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    fake.saveDialogAnswers.push(null);
    expect(await shell.chooseSavePath({ suggestedName: 'справка.docx', defaultFolder: '/last/folder', filter })).toBeNull();
    expect(saves()[1]?.options.defaultPath).toBe(path.join('/last/folder', 'справка.docx'));
  });
});

describe('saving a report in the Electron app', () => {
  let worker: Awaited<ReturnType<typeof buildReportWorker>>;
  let core: AppCore | null = null;
  beforeAll(async () => {
    worker = await buildReportWorker();
  });
  afterAll(() => worker.remove());
  afterEach(() => {
    core?.close();
    core = null;
    delete process.env.MINISTRY_TRACKER_DATA_DIR;
  });

  it('exports in the worker, asks where to save over IPC, writes the file and remembers the folder', async () => {
    process.env.MINISTRY_TRACKER_DATA_DIR = tempDir();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    core = await startMain({ preload: '/app/preload.cjs', renderer: rendererDir, nativeBinding: undefined, reportWorker: worker.file });
    expect(core).not.toBeNull();
    await invoke('app.chooseStart', { choice: 'demo' });
    expect((await invoke('reports.options', {})).value).toMatchObject({ canSave: true, canPrint: true, formats: { status: ['pdf', 'docx', 'xlsx', 'csv', 'html'] } });

    let job = (await invoke<ExportJob>('reports.start', { kind: 'overdue', format: 'csv', scope: { type: 'search', query: '' } })).value!;
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      job = (await invoke<ExportJob>('reports.job', { jobId: job.id })).value!;
    }
    expect(job.state).toBe('done');

    const folder = tempDir();
    fake.saveDialogAnswers.push(path.join(folder, 'просроченные.csv'));
    const mainWindow = fake.windows[0]!;
    expect(await invoke('reports.save', { jobId: job.id })).toEqual({ ok: true, value: { path: path.join(folder, 'просроченные.csv') } });
    expect(saves()[0]?.parent).toBe(mainWindow);
    // A Russian app: the CSV is split at semicolons, as Russian Excel expects.
    const { bom, records } = parseCsv(fs.readFileSync(path.join(folder, 'просроченные.csv')), ';');
    expect(bom).toBe(true);
    expect(records[0]).toContain('Дней просрочки');
    expect(records.length).toBeGreaterThan(1);

    fake.saveDialogAnswers.push(null);
    expect(await invoke('reports.save', { jobId: job.id })).toEqual({ ok: true, value: { path: null } });
    expect(saves()[1]?.options.defaultPath).toBe(path.join(folder, job.fileName));

    // The PDF goes through the print window.
    let pdf = (await invoke<ExportJob>('reports.start', { kind: 'status', format: 'pdf', scope: { type: 'search', query: '' } })).value!;
    while (pdf.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      pdf = (await invoke<ExportJob>('reports.job', { jobId: pdf.id })).value!;
    }
    expect(pdf.state).toBe('done');
    expect(fake.printToPdfCalls).toHaveLength(1);
    expect(fake.printToPdfCalls[0]?.html).toContain('class="print-only"');
    expect(fake.printToPdfCalls[0]?.html).toContain('Справка о ходе исполнения поручений');
  });
});
