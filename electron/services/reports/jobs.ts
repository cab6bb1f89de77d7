// Export jobs: each export renders in a worker thread (or, without one, in-process in chunks) and
// reports its progress, which the UI polls; the finished bytes wait here until they are saved or
// downloaded. A PDF is rendered to its print document first, then handed to the shell's print engine.
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ApiError, ExportJob } from '../../api/contract';
import { toApiError } from '../../api/dispatch';
import { StoreError } from '../../../db/errors';
import { MIME_TYPES, type ExportFormat, type ExportKind } from './model';
import type { RenderInput } from './render';
import type { Progress } from './text';
import type { WorkerMessage } from './worker';

/** Renders one export in this thread (renderExport from ./render; the tests and benchmarks pass it). */
export type RenderInProcess = (input: RenderInput, progress: Progress) => Promise<Uint8Array>;

export interface JobRequest {
  kind: ExportKind;
  format: ExportFormat;
  fileName: string;
  input: RenderInput;
}

export interface ExportFile {
  bytes: Uint8Array;
  fileName: string;
  mime: string;
  format: ExportFormat;
}

interface Job {
  info: ExportJob;
  startedAt: number;
  bytes: Uint8Array | null;
  /** The print document a PDF was made from (kept for printing it). */
  html: string | null;
  stop: () => void;
}

export interface JobRunnerOptions {
  /** The bundled worker (report-worker.cjs) exports render in. */
  workerFile?: string;
  /** Without a worker: rendering in this thread, in chunks. Kept out of the main bundle (the
   * renderers carry exceljs and docx), so the app always uses the worker. */
  render?: RenderInProcess;
  /** Chromium's print engine, from the shell: print document HTML in, PDF bytes out. */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** How many finished exports to keep for saving or downloading. */
  keep?: number;
  /** Exports running at once. */
  concurrency?: number;
}

class Cancelled extends Error {}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly keep: number;
  private readonly concurrency: number;

  constructor(private readonly options: JobRunnerOptions = {}) {
    this.keep = options.keep ?? 4;
    this.concurrency = options.concurrency ?? 2;
  }

  start(request: JobRequest): ExportJob {
    const running = [...this.jobs.values()].filter((j) => j.info.state === 'running').length;
    if (running >= this.concurrency) {
      throw new StoreError('busy', 'Another export is still running; wait for it to finish or cancel it.', 'exportBusy');
    }
    if (!this.options.workerFile && !this.options.render) {
      throw new StoreError('unsupported', 'Exports are not available in this copy of the app.', 'exportUnavailable');
    }
    if (request.format === 'pdf' && !this.options.printToPdf) {
      throw new StoreError('unsupported', 'PDF files are made by the desktop app. In the browser, use Print and choose “Save as PDF”.', 'pdfUnsupported');
    }
    const info: ExportJob = {
      id: crypto.randomUUID(),
      kind: request.kind,
      format: request.format,
      state: 'running',
      phase: 'rendering',
      done: 0,
      total: 0,
      fileName: request.fileName,
      size: null,
      error: null,
    };
    const job: Job = { info, startedAt: Date.now(), bytes: null, html: null, stop: () => undefined };
    this.jobs.set(info.id, job);
    void this.run(job, request.input);
    this.prune();
    return { ...info };
  }

  get(id: string): ExportJob {
    return { ...this.require(id).info };
  }

  cancel(id: string): ExportJob {
    const job = this.require(id);
    if (job.info.state === 'running') {
      job.info.state = 'cancelled';
      job.stop();
    }
    return { ...job.info };
  }

  /** The finished file. */
  file(id: string): ExportFile {
    const job = this.require(id);
    if (job.info.state !== 'done' || !job.bytes) {
      throw new StoreError('conflict', 'The export is not finished.', 'exportNotReady');
    }
    return { bytes: job.bytes, fileName: job.info.fileName, mime: MIME_TYPES[job.info.format], format: job.info.format };
  }

  /** The print document of a finished PDF or HTML export. */
  printDocument(id: string): string {
    const file = this.file(id);
    const job = this.require(id);
    if (job.html !== null) return job.html;
    if (file.format !== 'html') throw new StoreError('validation', 'Only a report document can be printed.', 'notPrintable');
    return Buffer.from(file.bytes).toString('utf8');
  }

  close(): void {
    for (const job of this.jobs.values()) if (job.info.state === 'running') this.cancel(job.info.id);
    this.jobs.clear();
  }

  private require(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new StoreError('not_found', 'This export is no longer available; export again.', 'exportGone');
    return job;
  }

  /** Forgets the oldest finished exports beyond `keep`. */
  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.info.state !== 'running').sort((a, b) => a.startedAt - b.startedAt);
    while (finished.length > this.keep) this.jobs.delete((finished.shift() as Job).info.id);
  }

  private async run(job: Job, input: RenderInput): Promise<void> {
    const progress = (done: number, total: number, phase: 'rendering' | 'packing') => {
      if (job.info.state !== 'running') return;
      job.info.done = done;
      job.info.total = total;
      job.info.phase = phase;
    };
    try {
      let bytes = this.options.workerFile ? await this.inWorker(job, input, progress) : await this.inProcess(job, input, progress);
      if (job.info.state !== 'running') return;
      if (job.info.format === 'pdf') {
        job.info.phase = 'printing';
        job.html = Buffer.from(bytes).toString('utf8');
        bytes = await (this.options.printToPdf as (html: string) => Promise<Uint8Array>)(job.html);
        if (job.info.state !== 'running') return;
      }
      job.bytes = bytes;
      job.info.size = bytes.byteLength;
      job.info.phase = 'done';
      job.info.done = job.info.total;
      job.info.state = 'done';
    } catch (err) {
      if (job.info.state !== 'running' || err instanceof Cancelled) return;
      job.info.state = 'failed';
      job.info.error = describe(err);
    } finally {
      this.prune();
    }
  }

  private async inProcess(job: Job, input: RenderInput, progress: (done: number, total: number, phase: 'rendering' | 'packing') => void): Promise<Uint8Array> {
    let cancelled = false;
    job.stop = () => (cancelled = true);
    const render = this.options.render as RenderInProcess;
    const bytes = await render(input, (done, total, phase) => {
      if (cancelled) throw new Cancelled();
      progress(done, total, phase);
    });
    if (cancelled) throw new Cancelled();
    return bytes;
  }

  private inWorker(job: Job, input: RenderInput, progress: (done: number, total: number, phase: 'rendering' | 'packing') => void): Promise<Uint8Array> {
    return new Promise<Uint8Array>((resolve, reject) => {
      const worker = new Worker(this.options.workerFile as string, { workerData: input });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        fn();
      };
      job.stop = () => {
        settle(() => reject(new Cancelled()));
        void worker.terminate();
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') progress(message.done, message.total, message.phase);
        else if (message.type === 'done') settle(() => resolve(message.bytes));
        else settle(() => reject(new Error(message.message)));
      });
      worker.on('error', (err) => settle(() => reject(err)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the export worker stopped (exit code ${code})`))));
    });
  }
}

function describe(err: unknown): ApiError {
  if (err instanceof StoreError) return toApiError(err);
  console.error('[ministry-tracker] export failed:', err);
  return { code: 'internal', message: 'The export failed inside the app; nothing was saved. The details were written to the log.', key: 'exportFailed' };
}
