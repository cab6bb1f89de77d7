// The reports feature behind the contract's `reports.*` channels: the in-app preview, export jobs
// with progress, and saving or printing through the shell. Every report reads one snapshot of the
// store in one transaction; the JSON exchange export uses db/exchange.ts unchanged.
import path from 'node:path';
import type { StoreContext } from '../../../db/context';
import type { Language } from '../../../db/model';
import { StoreError } from '../../../db/errors';
import { getSetting, setSetting } from '../../../db/settings';
import { getMeeting } from '../../../db/meetings';
import { boardFilters, getBoard } from '../../../db/boards';
import { exportExchange } from '../../../db/exchange';
import { allAttachmentRecords } from '../../../db/attachments';
import { readReportSnapshot, type ReportSelection } from '../../../db/reports';
import { effectiveSignature } from '../../../db/profiles';
import type { CardDocument, CsvSeparator, ExportFormat, ExportJob, ParsedInput, ReportOptions, ReportPreview, ReportScope, ReportSignature } from '../../api/contract';
import { getInstruction, listCoexecutors, listExtensions, listReports } from '../../../db/instructions';
import { listInstructionHistory } from '../../../db/history';
import { getOrganization } from '../../../db/organizations';
import { getPerson } from '../../../db/people';
import { cardNumber, cardTitle, renderCardHtml, type CardData } from './card';
import { writeFileAtomic } from '../files';
import { buildReport, exchangeFileBase, reportFileBase } from './build';
import { renderHtml } from './html';
import { ExportJobs, type ExportFile, type RenderInProcess } from './jobs';
import { formatsFor, REPORT_KINDS } from './model';

export const LAST_EXPORT_FOLDER = 'reports.lastFolder';
export const LAST_CSV_SEPARATOR = 'reports.csvSeparator';
export const PREVIEW_ROWS = 200;

export interface SaveDialogRequest {
  suggestedName: string;
  /** The folder the official saved to last time, if any. */
  defaultFolder: string | null;
  filter: { name: string; extensions: string[] };
}

/** What only the desktop shell can do: ask where to save, and drive Chromium's print engine. */
export interface ReportShell {
  /** The path the official chose in a save dialog, or null when cancelled. */
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
  /** The print document as PDF bytes (printToPDF in a hidden, sandboxed window). */
  printToPdf(html: string): Promise<Uint8Array>;
  /** Prints the document through the system print dialog; false when cancelled. */
  print(html: string): Promise<boolean>;
}

export interface ReportServiceDeps {
  ctx: StoreContext;
  language: () => Language;
  appVersion: string;
  /** The bundled export worker; or `render` to render in this thread (tests, benchmarks). */
  workerFile?: string;
  render?: RenderInProcess;
  shell?: ReportShell;
  /** The attachments folder, whose files the exchange package carries. */
  attachmentsDir?: string;
}

export interface ReportService {
  options(): ReportOptions;
  preview(input: ParsedInput<'reports.preview'>): ReportPreview;
  start(input: ParsedInput<'reports.start'>): ExportJob;
  job(id: string): ExportJob;
  cancel(id: string): ExportJob;
  save(id: string): Promise<{ path: string | null }>;
  print(id: string): Promise<{ printed: boolean }>;
  card(input: ParsedInput<'reports.card'>): CardDocument;
  printCard(input: ParsedInput<'reports.printCard'>): Promise<{ printed: boolean }>;
  saveCardPdf(input: ParsedInput<'reports.saveCardPdf'>): Promise<{ path: string | null }>;
  /** A finished export's bytes (the browser-mode download). */
  file(id: string): ExportFile;
  close(): void;
}

const FILTER_NAMES: Record<ExportFormat, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  xlsx: 'Excel (XLSX)',
  csv: 'CSV',
  json: 'JSON',
  zip: 'ZIP',
  html: 'HTML',
};

/** A file name every platform accepts: no path separators, reserved or control characters. */
export function safeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return cleaned === '' ? 'report' : cleaned;
}

function selectionOf(ctx: StoreContext, scope: ReportScope | undefined): ReportSelection {
  if (!scope) return { filters: [] };
  if (scope.type === 'meeting') {
    getMeeting(ctx, scope.meetingId);
    return { filters: [], meetingId: scope.meetingId };
  }
  const board = scope.boardId ? getBoard(ctx, scope.boardId) : null;
  return { filters: [...(board ? boardFilters(ctx, board) : []), scope.query], meetingId: board?.meetingId ?? null };
}

/** English Excel splits CSV at commas; with Russian, Kazakh or Kyrgyz regional settings it splits at semicolons. */
function csvSeparatorFor(language: Language): CsvSeparator {
  return language === 'en' ? 'comma' : 'semicolon';
}

export function createReportService(deps: ReportServiceDeps): ReportService {
  const { ctx, shell } = deps;
  /** Everything the card shows, read in one transaction. */
  const cardData = (instructionId: string, signature: ReportSignature | undefined): CardData =>
    ctx.transaction(() => {
      const instruction = getInstruction(ctx, instructionId);
      const org = (id: string | null) => (id ? getOrganization(ctx, id) : null);
      const person = (id: string | null) => (id ? getPerson(ctx, id) : null);
      return {
        instruction,
        meeting: instruction.meetingId ? getMeeting(ctx, instruction.meetingId) : null,
        lead: org(instruction.leadOrgId),
        leadPerson: person(instruction.leadPersonId),
        controller: person(instruction.controllerId),
        coexecutors: listCoexecutors(ctx, instructionId).map((c) => ({ ...c, organization: org(c.organizationId)?.name ?? '', person: person(c.personId)?.fullName ?? '' })),
        extensions: listExtensions(ctx, instructionId),
        reports: listReports(ctx, instructionId),
        history: listInstructionHistory(ctx, instructionId),
        today: ctx.today(),
        takenAt: ctx.timestamp(),
        actor: ctx.actor(),
        signature: effectiveSignature(ctx, 'card', signature),
      };
    });
  const cardDocument = (instructionId: string, signature: ReportSignature | undefined, pageMargins: boolean): CardDocument => {
    const language = deps.language();
    const data = cardData(instructionId, signature);
    const number = cardNumber(data.instruction);
    return {
      html: renderCardHtml(data, language, { pageMargins }),
      title: cardTitle(language),
      fileName: `${safeFileName(`${cardTitle(language)}${number ? ` ${number}` : ''} ${data.today}`)}.pdf`,
    };
  };
  const csvSeparator = (): CsvSeparator => {
    const chosen = getSetting<unknown>(ctx, LAST_CSV_SEPARATOR, null);
    return chosen === 'comma' || chosen === 'semicolon' ? chosen : csvSeparatorFor(deps.language());
  };
  const jobs = new ExportJobs({ workerFile: deps.workerFile, render: deps.render, printToPdf: shell ? (html) => shell.printToPdf(html) : undefined });

  return {
    options: () => ({
      formats: {
        status: formatsFor('status').filter((f) => f !== 'pdf' || shell !== undefined),
        overdue: formatsFor('overdue').filter((f) => f !== 'pdf' || shell !== undefined),
        register: formatsFor('register').filter((f) => f !== 'pdf' || shell !== undefined),
        exchange: [...formatsFor('exchange')],
      },
      canSave: shell !== undefined,
      canPrint: shell !== undefined,
      csvSeparator: csvSeparator(),
    }),

    preview: ({ kind, scope, limit, signature }) => {
      const snapshot = { ...readReportSnapshot(ctx, selectionOf(ctx, scope)), signature: effectiveSignature(ctx, kind, signature) };
      const doc = buildReport(snapshot, { kind, language: deps.language() });
      const shown = limit ?? PREVIEW_ROWS;
      const rows = Math.max(0, ...doc.sections.map((s) => s.rows.length));
      return { html: renderHtml(doc, { limit: shown }), title: doc.title, instructions: doc.instructionCount, rows, shownRows: Math.min(rows, shown) };
    },

    start: ({ kind, format, scope, purpose, csvSeparator: separator, signature }) => {
      if (!formatsFor(kind).includes(format)) {
        throw new StoreError('validation', `A ${kind} export cannot be written as ${format}.`, 'formatNotForKind');
      }
      if (separator !== undefined && format !== 'csv') {
        throw new StoreError('validation', 'A separator is chosen only for CSV.', 'separatorNotForFormat');
      }
      if (purpose === 'print' && format !== 'html') {
        throw new StoreError('validation', 'Printing takes the report document (html).', 'notPrintable');
      }
      const language = deps.language();
      if (kind === 'exchange') {
        const document = exportExchange(ctx, deps.appVersion);
        const base = safeFileName(exchangeFileBase(language, ctx.today()));
        if (format === 'zip') {
          if (!deps.attachmentsDir) throw new StoreError('unsupported', 'This copy of the app keeps no attachments. Nothing was exported.', 'attachmentsUnavailable');
          const attachments = allAttachmentRecords(ctx);
          return jobs.start({ kind, format, fileName: `${base}.zip`, input: { kind, format: 'zip', document, attachments, dir: deps.attachmentsDir } });
        }
        return jobs.start({ kind, format, fileName: `${base}.json`, input: { kind, format: 'json', document } });
      }
      if (!(REPORT_KINDS as readonly string[]).includes(kind)) throw new StoreError('validation', `Unknown report ${kind}.`);
      const snapshot = { ...readReportSnapshot(ctx, selectionOf(ctx, scope)), signature: effectiveSignature(ctx, kind, signature) };
      const reportFormat = format as Exclude<ExportFormat, 'json' | 'zip'>;
      const fileBase = reportFileBase(kind, language, snapshot.today);
      const job = jobs.start({
        kind,
        format,
        fileName: `${safeFileName(fileBase)}.${format}`,
        // The shell prints with the running header and page numbers; a browser prints the preview
        // frame, whose policy allows only the constant stylesheet, and adds its own.
        input: {
          kind,
          format: reportFormat,
          language,
          snapshot,
          pageMargins: purpose === 'print' && shell !== undefined,
          csvSeparator: reportFormat === 'csv' ? (separator ?? csvSeparator()) : undefined,
        },
      });
      // Remembered only for an export that started: a refused one (busy, unavailable) changes nothing.
      if (separator !== undefined) setSetting(ctx, LAST_CSV_SEPARATOR, separator);
      return job;
    },

    card: ({ instructionId, signature, pageMargins }) => cardDocument(instructionId, signature, pageMargins === true),

    printCard: async ({ instructionId, signature }) => {
      if (!shell) throw new StoreError('unsupported', 'In the browser the preview is printed by the browser itself.', 'printUnsupported');
      return { printed: await shell.print(cardDocument(instructionId, signature, true).html) };
    },

    saveCardPdf: async ({ instructionId, signature }) => {
      if (!shell) throw new StoreError('unsupported', 'PDF files are made by the desktop app. In the browser, use Print and choose “Save as PDF”.', 'pdfUnsupported');
      const card = cardDocument(instructionId, signature, true);
      const bytes = await shell.printToPdf(card.html);
      const chosen = await shell.chooseSavePath({ suggestedName: card.fileName, defaultFolder: getSetting<string | null>(ctx, LAST_EXPORT_FOLDER, null), filter: { name: 'PDF', extensions: ['pdf'] } });
      if (chosen === null) return { path: null };
      await writeFileAtomic(chosen, bytes);
      setSetting(ctx, LAST_EXPORT_FOLDER, path.dirname(path.resolve(chosen)));
      return { path: path.resolve(chosen) };
    },

    job: (id) => jobs.get(id),
    cancel: (id) => jobs.cancel(id),
    file: (id) => jobs.file(id),

    save: async (id) => {
      if (!shell) throw new StoreError('unsupported', 'Saving goes through the desktop app; in the browser the file is downloaded.', 'saveUnsupported');
      const file = jobs.file(id);
      const folder = getSetting<string | null>(ctx, LAST_EXPORT_FOLDER, null);
      const chosen = await shell.chooseSavePath({
        suggestedName: file.fileName,
        defaultFolder: folder,
        filter: { name: FILTER_NAMES[file.format], extensions: [file.format] },
      });
      if (chosen === null) return { path: null };
      await writeFileAtomic(chosen, file.bytes);
      setSetting(ctx, LAST_EXPORT_FOLDER, path.dirname(path.resolve(chosen)));
      return { path: path.resolve(chosen) };
    },

    print: async (id) => {
      if (!shell) throw new StoreError('unsupported', 'In the browser the preview is printed by the browser itself.', 'printUnsupported');
      return { printed: await shell.print(jobs.printDocument(id)) };
    },

    close: () => jobs.close(),
  };
}
