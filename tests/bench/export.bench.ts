// Export benchmarks on a generated database of 10,000 instructions: the execution status report as
// CSV, XLSX, DOCX and PDF, each timed from the store (one read transaction) to the finished bytes.
// The PDF is the report's print document printed by Chromium (page.pdf, the engine of Electron's
// printToPDF), browser start excluded. Also: the part that runs on the app's main thread (the
// snapshot), and how long the main thread's event loop is held while an XLSX export runs in the
// export worker, against the same export run in-process as the baseline.
// Baselines, measured in the same run on the same data: the snapshot against raw SELECTs of the
// tables it reads; each file against the same rows read raw, joined plainly into text and written
// to disk as a file of the size the export produced; the PDF against Chromium printing a plain
// HTML document of as many pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openStore } from '../../db/store';
import { readReportSnapshot } from '../../db/reports';
import { renderExport, type RenderInput } from '../../electron/services/reports/render';
import { ExportJobs } from '../../electron/services/reports/jobs';
import { launchChromium, pdfPages, printToPdf } from '../support/readers';
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

/** A plain HTML document of `pages` printed pages: one heading and a paragraph per page. */
function plainDocument(pages: number): string {
  const page = (n: number) =>
    `<section${n > 1 ? ' style="break-before: page"' : ''}><h1>Page ${n}</h1><p>${'Plain text of the same document, set in the default font. '.repeat(20)}</p></section>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>plain</title></head><body>${Array.from({ length: pages }, (_, i) => page(i + 1)).join('')}</body></html>`;
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

    // The bare reads: every table the snapshot reads, raw, in one read transaction.
    const rawTables = ['instructions', 'coexecutors', 'reports', 'extensions', 'instruction_tags', 'tags', 'organizations', 'people', 'meetings'].map((t) =>
      ctx.db.prepare(`SELECT * FROM ${t}`),
    );
    const rawRead = () => ctx.transaction(() => rawTables.map((s) => s.all() as Record<string, unknown>[]));
    const snapshots: number[] = [];
    const rawReads: number[] = [];
    for (let i = 0; i < 5; i++) {
      rawReads.push(timeMs(rawRead));
      snapshots.push(timeMs(() => readReportSnapshot(ctx, selection)));
    }
    emit('export.snapshot_10k', median(snapshots), 'ms', median(rawReads));

    // The plain equivalent of a file export: the same rows read raw, joined into lines of text and
    // written to disk padded or cut to `size` bytes, the size of the export's file.
    const plainDir = fs.mkdtempSync(path.join(dir, 'plain-'));
    const plainWrite = (size: number) => {
      const text = rawRead()
        .map((rows) => rows.map((r) => Object.values(r).join(';')).join('\r\n'))
        .join('\r\n');
      const bytes = Buffer.alloc(size);
      Buffer.from(text, 'utf8').copy(bytes, 0, 0, size);
      fs.writeFileSync(path.join(plainDir, 'plain.bin'), bytes);
    };

    for (const [format, runs, min] of [
      ['csv', 7, 1_000_000],
      ['xlsx', 5, 500_000],
      ['docx', 3, 200_000],
    ] as const) {
      const times: number[] = [];
      const plain: number[] = [];
      let size = 0;
      for (let i = 0; i < runs; i++) {
        times.push(
          await timeMsAsync(async () => {
            const bytes = await renderExport(input(format));
            check(bytes, min);
            size = bytes.byteLength;
          }),
        );
        plain.push(timeMs(() => plainWrite(size)));
      }
      const skip = runs > 3 ? 1 : 0;
      emit(`export.${format}_10k`, median(times.slice(skip)), 'ms', median(plain.slice(skip)));
    }

    const pdfDir = fs.mkdtempSync(path.join(dir, 'pdf-'));
    const pdfTimes: number[] = [];
    let reportPdf: Buffer = Buffer.alloc(0);
    for (let i = 0; i < 3; i++) {
      pdfTimes.push(
        await timeMsAsync(async () => {
          const html = Buffer.from(await renderExport(input('pdf'))).toString('utf8');
          reportPdf = (await printToPdf(browser, html, pdfDir)).pdf;
          check(reportPdf, 1_000_000);
        }),
      );
    }
    const countPages = (pdf: Buffer, name: string) => {
      fs.writeFileSync(path.join(pdfDir, name), pdf);
      return pdfPages(path.join(pdfDir, name));
    };
    const pages = countPages(reportPdf, 'report.pdf');
    // Baseline: Chromium printing a plain HTML document of as many pages, the same way.
    const plainHtml = plainDocument(pages);
    const plainPdfTimes: number[] = [];
    let plainPdf: Buffer = Buffer.alloc(0);
    for (let i = 0; i < 3; i++) plainPdfTimes.push(await timeMsAsync(async () => (plainPdf = (await printToPdf(browser, plainHtml, pdfDir)).pdf)));
    const plainPages = countPages(plainPdf, 'plain.pdf');
    if (plainPages !== pages) throw new Error(`the plain document printed ${plainPages} pages, the report ${pages}`);
    emit('export.pdf_10k', median(pdfTimes), 'ms', median(plainPdfTimes));

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
