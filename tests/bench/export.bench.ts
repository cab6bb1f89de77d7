// Export benchmarks on a generated database of 10,000 instructions: the execution status report as
// CSV, XLSX, DOCX and PDF, each timed from the store (one read transaction) to the finished bytes.
// The PDF is the report's print document printed by Chromium (page.pdf, the engine of Electron's
// printToPDF), browser start excluded. Also: the part that runs on the app's main thread (the
// snapshot), and how long the main thread's event loop is held while an XLSX export runs in the
// export worker, against the same export run in-process as the baseline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openStore } from '../../db/store';
import { readReportSnapshot } from '../../db/reports';
import { renderExport, type RenderInput } from '../../electron/services/reports/render';
import { ExportJobs } from '../../electron/services/reports/jobs';
import { launchChromium, printToPdf } from '../support/readers';
import { generate } from './generate';
import { emit, median, timeMs, timeMsAsync } from './report';

const INSTRUCTIONS = 10_000;
const root = path.resolve(import.meta.dirname, '../..');

async function until(jobs: ExportJobs, id: string): Promise<void> {
  for (;;) {
    const job = jobs.get(id);
    if (job.state !== 'running') {
      if (job.state !== 'done') throw new Error(`export ${job.state}: ${JSON.stringify(job.error)}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The longest stretch the event loop was held while `run` ran, in ms. */
async function longestBlock(run: () => Promise<void>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await run();
  histogram.disable();
  return histogram.max / 1e6;
}

export async function benchExport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-bench-export-'));
  const store = await openStore(path.join(dir, 'bench.sqlite'));
  const browser = await launchChromium();
  try {
    const { ctx } = store;
    generate(ctx, { instructions: INSTRUCTIONS, meetings: 20 });
    ctx.db.pragma('optimize');
    const selection = { filters: [''] };
    const input = (format: 'csv' | 'xlsx' | 'docx' | 'pdf'): RenderInput => ({
      kind: 'status',
      format,
      language: 'ru',
      snapshot: readReportSnapshot(ctx, selection),
    });
    const check = (bytes: Uint8Array, min: number) => {
      if (bytes.byteLength < min) throw new Error(`export too small: ${bytes.byteLength} bytes`);
    };

    const snapshots: number[] = [];
    for (let i = 0; i < 5; i++) snapshots.push(timeMs(() => readReportSnapshot(ctx, selection)));
    emit('export.snapshot_10k', median(snapshots), 'ms');

    for (const [format, runs, min] of [
      ['csv', 7, 1_000_000],
      ['xlsx', 5, 500_000],
      ['docx', 3, 200_000],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await timeMsAsync(async () => check(await renderExport(input(format)), min)));
      emit(`export.${format}_10k`, median(times.slice(runs > 3 ? 1 : 0)), 'ms');
    }

    const pdfDir = fs.mkdtempSync(path.join(dir, 'pdf-'));
    const pdfTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      pdfTimes.push(
        await timeMsAsync(async () => {
          const html = Buffer.from(await renderExport(input('pdf'))).toString('utf8');
          const { pdf } = await printToPdf(browser, html, pdfDir);
          check(pdf, 1_000_000);
        }),
      );
    }
    emit('export.pdf_10k', median(pdfTimes), 'ms');

    // The app's main thread during a long export: in the worker it only polls; in-process (the
    // baseline) it renders in chunks, and exceljs packs the file in one go.
    const workerFile = path.join(root, 'dist/server/report-worker.cjs');
    if (!fs.existsSync(workerFile)) throw new Error('the export worker is not built: run `npm run build`');
    const inWorker = new ExportJobs({ workerFile });
    const inProcess = new ExportJobs({ render: renderExport });
    const request = { kind: 'status' as const, format: 'xlsx' as const, fileName: 'bench.xlsx', input: input('xlsx') };
    const worker = await longestBlock(async () => until(inWorker, inWorker.start(request).id));
    const local = await longestBlock(async () => until(inProcess, inProcess.start(request).id));
    emit('export.xlsx_10k_main_thread_block', worker, 'ms', local);
  } finally {
    await browser.close();
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
