// Reports and exports: the in-app preview, export jobs with progress, saving and printing.
import { z } from 'zod';
import { channel, empty, id, nullable, type ApiError } from '../channel';
import { reportSignature } from '../profiles/channels';

// Literal copies of the report model's enumerations: the contract imports no runtime code from below.
const EXPORT_KINDS = ['status', 'overdue', 'register', 'exchange'] as const;
const EXPORT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json', 'html', 'zip'] as const;
/** The CSV field separator: a comma (RFC 4180), or the semicolon Excel splits at with Russian, Kazakh or Kyrgyz regional settings. */
const CSV_SEPARATORS = ['comma', 'semicolon'] as const;

/** What a report covers: one meeting, or a search (over a board's own filter and meeting). */
const reportScope = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('meeting'), meetingId: id }),
  z.strictObject({ type: z.literal('search'), query: z.string().max(2000), boardId: nullable(id).optional() }),
]);

export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];
export type ReportScope = z.infer<typeof reportScope>;

/** What this copy of the app can do with reports (PDF, saving and printing need the desktop shell). */
export interface ReportOptions {
  formats: Record<ExportKind, ExportFormat[]>;
  /** The shell saves files through a save dialog; in browser mode files are downloaded. */
  canSave: boolean;
  /** The shell prints; in browser mode the preview frame is printed. */
  canPrint: boolean;
  /** The CSV separator to offer first: the one chosen last time, else the one the language's Excel expects. */
  csvSeparator: CsvSeparator;
}

export interface ReportPreview {
  /** The report as a standalone, script-free HTML document, for a sandboxed frame. */
  html: string;
  title: string;
  /** Instructions the report covers, and rows shown in the preview of its longest section. */
  instructions: number;
  rows: number;
  shownRows: number;
}

export interface ExportJob {
  id: string;
  kind: ExportKind;
  format: ExportFormat;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  phase: 'rendering' | 'packing' | 'printing' | 'done';
  done: number;
  total: number;
  fileName: string;
  size: number | null;
  error: ApiError | null;
}

/** The instruction's card as a print document (карточка поручения). */
export interface CardDocument {
  html: string;
  title: string;
  fileName: string;
}

const cardRequest = z.strictObject({ instructionId: id, signature: reportSignature.optional() });

export const reportChannels = {
  /** The card's print document; `pageMargins` adds the running header, the official and page numbers. */
  'reports.card': channel<CardDocument>()(cardRequest.extend({ pageMargins: z.boolean().optional() })),
  /** The desktop app prints the card through the system dialog. */
  'reports.printCard': channel<{ printed: boolean }>()(cardRequest),
  /** The desktop app saves the card as PDF (Chromium's print engine) where the official chooses. */
  'reports.saveCardPdf': channel<{ path: string | null }>()(cardRequest),
  'reports.options': channel<ReportOptions>()(empty),
  'reports.preview': channel<ReportPreview>()(
    z.strictObject({
      kind: z.enum(['status', 'overdue', 'register']),
      scope: reportScope,
      limit: z.number().int().min(1).max(1_000_000).optional(),
      /** The signature block as edited in the dialog; without it, the one saved for the kind. */
      signature: reportSignature.optional(),
    }),
  ),
  'reports.start': channel<ExportJob>()(
    z.strictObject({
      kind: z.enum(EXPORT_KINDS),
      format: z.enum(EXPORT_FORMATS),
      scope: reportScope.optional(),
      purpose: z.enum(['file', 'print']).optional(),
      csvSeparator: z.enum(CSV_SEPARATORS).optional(),
      signature: reportSignature.optional(),
    }),
  ),
  'reports.job': channel<ExportJob>()(z.strictObject({ jobId: id })),
  'reports.cancel': channel<ExportJob>()(z.strictObject({ jobId: id })),
  'reports.save': channel<{ path: string | null }>()(z.strictObject({ jobId: id })),
  'reports.print': channel<{ printed: boolean }>()(z.strictObject({ jobId: id })),
} as const;
