// Importing an instruction list (CSV or XLSX): a preview that stores nothing and lists every
// row's problems, then a commit that imports the valid rows — and the new organizations they
// name — in one transaction.
import type { StoreContext } from '../../../../db/context';
import { StoreError } from '../../../../db/errors';
import { getMeeting } from '../../../../db/meetings';
import { createOrganization } from '../../../../db/organizations';
import { organizationMatcher } from '../../../../db/organization-names';
import { listTagRows } from '../../../../db/topics';
import { createInstructions, type InstructionInput } from '../../../../db/instructions';
import { listInstructionKeys } from '../../../../db/import-queries';
import type { ListCommitResult, ListField, ListFileProblem, ListPreview } from '../../../../db/intake-types';
import type { IsoDate } from '../../../../db/model';
import type { StagedFile } from '../files';
import { cellText, detectHeaderRow, headerScore, mappingFor } from './headers';
import { instructionKey, validateRows, type ListContext, type ValidatedList } from './rows';
import { readWorkbook, type TableRow, type Workbook } from './table';

export interface ListOptions {
  sheet?: string | null;
  headerRow?: number | null;
  mapping?: (ListField | null)[] | null;
  meetingId?: string | null;
}

/** One sheet of the file, with what the rest of the import needs to know about the file. */
interface Table {
  workbook: Workbook;
  sheet: string | null;
  rows: TableRow[];
  date1904: boolean;
}

async function tableOf(file: StagedFile, sheet: string | null | undefined): Promise<Table> {
  let workbook = file.cache.get('workbook') as Workbook | undefined;
  if (!workbook) {
    workbook = await readWorkbook(file.bytes, file.name);
    file.cache.set('workbook', workbook);
  }
  const sheets = workbook.sheets;
  let chosen = sheet ? sheets.find((s) => s.name === sheet) : undefined;
  if (sheet && !chosen) throw new StoreError('not_found', `The workbook has no sheet “${sheet}”.`, 'intake.noSuchSheet', { sheet });
  // Unless the official picks one: the sheet that looks most like a list, else the first with anything on it.
  chosen ??= [...sheets].filter((s) => s.rows.length > 1).sort((a, b) => headerScore(b.rows) - headerScore(a.rows))[0] ?? sheets.find((s) => s.rows.length > 0) ?? sheets[0];
  return { workbook, sheet: chosen?.name ?? null, rows: chosen?.rows ?? [], date1904: workbook.date1904 };
}

function contextFor(ctx: StoreContext, meetingId: string | null): ListContext {
  if (meetingId) getMeeting(ctx, meetingId);
  return {
    organizations: organizationMatcher(ctx),
    topics: listTagRows(ctx).map((t) => ({ id: t.id, code: t.code, names: [t.name_en, t.name_ru, t.name_kk, t.name_ky] })),
    existing: new Set(listInstructionKeys(ctx, meetingId).map((k) => instructionKey(k.itemNumber, k.title))),
  };
}

interface Examined {
  table: Table;
  headerRow: number;
  mapping: (ListField | null)[];
  validated: ValidatedList;
  problems: ListFileProblem[];
}

async function examine(ctx: StoreContext, file: StagedFile, options: ListOptions): Promise<Examined> {
  const table = await tableOf(file, options.sheet);
  const headerRow = options.headerRow && table.rows.some((r) => r.row === options.headerRow) ? options.headerRow : detectHeaderRow(table.rows);
  const headerCells = table.rows.find((r) => r.row === headerRow)?.cells ?? [];
  const width = Math.max(headerCells.length, ...table.rows.slice(0, 200).map((r) => r.cells.length), 0);
  const detected = mappingFor(Array.from({ length: width }, (_, i) => cellText(headerCells[i])));
  const mapping = Array.from({ length: width }, (_, i) => (options.mapping ? (options.mapping[i] ?? null) : (detected[i] ?? null)));
  const validated = validateRows(table, headerRow, mapping, contextFor(ctx, options.meetingId ?? null));
  const problems: ListFileProblem[] = [];
  if (!mapping.includes('title')) problems.push('noTitleColumn');
  if (validated.totalRows === 0) problems.push('noRows');
  return { table, headerRow, mapping, validated, problems };
}

/** The first three non-empty values of a column (a list may have 100,000 rows: stop there). */
function samplesOf(rows: TableRow[], column: number): string[] {
  const samples: string[] = [];
  for (const row of rows) {
    const value = cellText(row.cells[column]);
    if (value !== '') samples.push(value);
    if (samples.length === 3) break;
  }
  return samples;
}

export async function previewList(ctx: StoreContext, file: StagedFile, options: ListOptions): Promise<ListPreview> {
  const { table, headerRow, mapping, validated, problems } = await examine(ctx, file, options);
  const headerCells = table.rows.find((r) => r.row === headerRow)?.cells ?? [];
  const dataRows = table.rows.filter((r) => r.row > headerRow);
  return {
    fileId: file.fileId,
    fileName: file.name,
    format: table.workbook.format,
    encoding: table.workbook.encoding,
    delimiter: table.workbook.delimiter,
    sheets: table.workbook.sheets.map((s) => s.name).filter((n): n is string => n !== null),
    sheet: table.sheet,
    headerRow,
    columns: mapping.map((field, index) => ({
      index,
      header: cellText(headerCells[index]),
      field,
      samples: samplesOf(dataRows, index),
    })),
    problems,
    totalRows: validated.totalRows,
    validRows: problems.includes('noTitleColumn') ? 0 : validated.prepared.length,
    skippedRows: problems.includes('noTitleColumn') ? validated.totalRows : validated.reports.filter((r) => r.skipped).length,
    warningRows: validated.warningRows,
    sample: validated.sample,
    rows: validated.reports,
    newOrganizations: validated.newOrganizations,
  };
}

export async function commitList(ctx: StoreContext, file: StagedFile, options: ListOptions): Promise<ListCommitResult> {
  const { validated, problems } = await examine(ctx, file, options);
  if (problems.includes('noTitleColumn')) {
    throw new StoreError('validation', 'No column is mapped to the instruction title; map one and try again. Nothing was imported.', 'intake.noTitleColumn');
  }
  const meetingId = options.meetingId ?? null;
  return ctx.transaction(() => {
    const created = new Map<string, string>();
    const orgId = (ref: { id: string } | { name: string }): string => {
      if ('id' in ref) return ref.id;
      let id = created.get(ref.name);
      if (!id) {
        id = createOrganization(ctx, { name: ref.name }).id;
        created.set(ref.name, id);
      }
      return id;
    };
    const inputs: InstructionInput[] = validated.prepared.map((p) => {
      const leadOrgId = p.lead ? orgId(p.lead) : null;
      // Each organization once (its first deadline), and never the lead organization again.
      const coexecutors = new Map<string, IsoDate | null>();
      for (const co of p.coexecutors) {
        const id = orgId(co.org);
        if (id !== leadOrgId && !coexecutors.has(id)) coexecutors.set(id, co.dueDate);
      }
      // A list of past instructions keeps its deadlines as written (historical records).
      return { ...p.input, allowPastDeadline: true, meetingId, leadOrgId, coexecutors: [...coexecutors].map(([organizationId, dueDate]) => ({ organizationId, dueDate })) };
    });
    createInstructions(ctx, inputs);
    return {
      imported: inputs.length,
      newOrganizations: created.size,
      meetingId,
      header: validated.header,
      skipped: validated.reports.filter((r) => r.skipped),
    };
  });
}
