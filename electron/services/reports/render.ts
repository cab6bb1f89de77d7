// Turns a snapshot into the bytes of one export. Runs in the export worker (so a long export never
// holds up the app) or, where no worker is available, in-process in chunks.
import type { Language } from '../../../db/model';
import type { ReportSnapshot } from '../../../db/reports';
import type { ExchangeDocument } from '../../../db/exchange';
import type { AttachmentRecord } from '../../../db/schema/attachments';
import { buildExchangePackage } from '../attachments/package';
import type { CsvSeparator } from '../../api/contract';
import type { ExportFormat, ReportKind } from './model';
import { buildReport } from './build';
import { renderHtml } from './html';
import { renderCsv } from './csv';
import { renderXlsx } from './xlsx';
import { renderDocx } from './docx';
import type { Progress } from './text';

export type RenderInput =
  | {
      kind: ReportKind;
      format: Exclude<ExportFormat, 'json' | 'zip'>;
      language: Language;
      snapshot: ReportSnapshot;
      /** For `html`: with the running header and page numbers (printed by the shell) or without
       * (printed by the browser from the preview frame, which adds its own). */
      pageMargins?: boolean;
      /** For `csv`: the field separator (a comma when not given). */
      csvSeparator?: CsvSeparator;
    }
  | { kind: 'exchange'; format: 'json'; document: ExchangeDocument }
  /** The exchange package: the document, the attachment records and their files (read from `dir`). */
  | { kind: 'exchange'; format: 'zip'; document: ExchangeDocument; attachments: AttachmentRecord[]; dir: string };

/** For `pdf` the result is the print document's HTML; the shell's print engine makes the PDF. */
export async function renderExport(input: RenderInput, progress: Progress = () => undefined): Promise<Uint8Array> {
  if (input.kind === 'exchange' && input.format === 'zip') {
    progress(0, 1, 'rendering');
    const bytes = await buildExchangePackage(input.document, input.attachments, input.dir);
    progress(1, 1, 'packing');
    return bytes;
  }
  if (input.kind === 'exchange') {
    progress(0, 1, 'rendering');
    const bytes = Buffer.from(JSON.stringify(input.document), 'utf8');
    progress(1, 1, 'packing');
    return bytes;
  }
  const doc = buildReport(input.snapshot, { kind: input.kind, language: input.language });
  const rows = doc.sections.reduce((n, s) => n + s.rows.length, 0);
  progress(0, rows, 'rendering');
  switch (input.format) {
    case 'csv':
      return renderCsv(doc, input.csvSeparator === 'semicolon' ? ';' : ',');
    case 'xlsx':
      return renderXlsx(doc, progress);
    case 'docx':
      return renderDocx(doc, progress);
    case 'html':
      return Buffer.from(renderHtml(doc, { pageMargins: input.pageMargins === true }), 'utf8');
    case 'pdf':
      return Buffer.from(renderHtml(doc, { pageMargins: true, printOnly: true }), 'utf8');
  }
}
