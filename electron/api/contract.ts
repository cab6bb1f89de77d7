// The single source of truth for what the UI may ask of the app: every channel with its strict
// input schema (unknown keys rejected) and its output type. Both transports (Electron IPC and the
// loopback HTTP server) dispatch through this table; the renderer's Api type is derived from it.
import { z } from 'zod';
import type {
  AppInfo,
  Board,
  BoardView,
  Coexecutor,
  Instruction,
  InstructionDetail,
  Meeting,
  Organization,
  Person,
  Report,
  Tag,
} from '../../db/model';
import type { ErrorCode, ErrorParams } from '../../db/errors';
import type {
  ExchangeCommitResult,
  ExchangePreview,
  IntakeCapabilities,
  ListCommitResult,
  ListPreview,
  ReadoutCommitResult,
  ReadoutProposal,
  StagedFileInfo,
} from '../../db/intake-model';

// Literal copies of the store's enumerations: the contract imports no runtime code from below.
const LANGUAGES = ['en', 'ru', 'kk', 'ky'] as const;
const STATUSES = ['assigned', 'in_progress', 'report_submitted', 'resolved'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
const REPORT_KINDS = ['interim', 'final'] as const;
const BOARD_FIELDS = ['status', 'organization', 'topic', 'meeting', 'priority'] as const;
const SWIMLANE_FIELDS = ['organization', 'topic', 'meeting'] as const;
const LIST_FIELDS = ['itemNumber', 'title', 'body', 'leadOrg', 'coexecutors', 'dueDate', 'priority', 'topics'] as const;
const EXPORT_KINDS = ['status', 'overdue', 'register', 'exchange'] as const;
const EXPORT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json', 'html'] as const;
/** The CSV field separator: a comma (RFC 4180), or the semicolon Excel splits at with Russian, Kazakh or Kyrgyz regional settings. */
const CSV_SEPARATORS = ['comma', 'semicolon'] as const;

const id = z.uuid();
const isoDate = z.iso.date();
const shortText = z.string().max(500);
const longText = z.string().max(200_000);
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
const version = z.number().int().positive();

/** A channel: its input schema and, as a type only, its output. */
interface Channel<I extends z.ZodType, O> {
  input: I;
  output: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input, output: undefined as O });
}

const empty = z.strictObject({});

const instructionFields = {
  meetingId: nullable(id).optional(),
  itemNumber: nullable(z.string().max(40)).optional(),
  title: z.string().min(1).max(1000),
  body: longText.optional(),
  leadOrgId: nullable(id).optional(),
  leadPersonId: nullable(id).optional(),
  controllerId: nullable(id).optional(),
  priority: z.enum(PRIORITIES).optional(),
  onControl: z.boolean().optional(),
};

const coexecutorFields = {
  organizationId: nullable(id).optional(),
  personId: nullable(id).optional(),
  dueDate: nullable(isoDate).optional(),
};

const moveTarget = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('status'), value: z.enum(STATUSES) }),
  z.strictObject({ field: z.literal('organization'), value: nullable(id) }),
  z.strictObject({ field: z.literal('meeting'), value: nullable(id) }),
  z.strictObject({ field: z.literal('priority'), value: z.enum(PRIORITIES) }),
  z.strictObject({ field: z.literal('topic'), value: nullable(id), from: nullable(id) }),
]);

const boardFields = {
  name: z.string().min(1).max(200),
  columnField: z.enum(BOARD_FIELDS),
  meetingId: nullable(id).optional(),
  swimlaneField: nullable(z.enum(SWIMLANE_FIELDS)).optional(),
  filter: z.string().max(2000).optional(),
  wipLimits: z.record(z.string().max(100), z.number().int().min(1).max(100_000)).optional(),
};

/** An import of a list: the file, and the corrections the official made to how it is read. */
const listImport = {
  fileId: id,
  sheet: nullable(z.string().max(200)).optional(),
  headerRow: nullable(z.number().int().min(1).max(10_000_000)).optional(),
  mapping: nullable(z.array(nullable(z.enum(LIST_FIELDS))).max(200)).optional(),
  meetingId: nullable(id).optional(),
};
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

export const contract = {
  'app.info': channel<AppInfo>()(empty),
  'app.setLanguage': channel<AppInfo>()(z.strictObject({ language: z.enum(LANGUAGES) })),
  'app.setActor': channel<AppInfo>()(z.strictObject({ name: z.string().trim().min(1).max(200) })),
  'app.rememberBoard': channel<null>()(z.strictObject({ boardId: id })),
  'app.chooseStart': channel<AppInfo>()(z.strictObject({ choice: z.enum(['demo', 'empty']) })),

  'boards.list': channel<Board[]>()(empty),
  'boards.view': channel<BoardView>()(z.strictObject({ boardId: id, search: z.string().max(2000).optional() })),
  'boards.create': channel<Board>()(z.strictObject(boardFields)),
  'boards.update': channel<Board>()(
    z.strictObject({
      id,
      patch: z.strictObject({
        name: nullable(boardFields.name).optional(),
        columnField: boardFields.columnField.optional(),
        swimlaneField: boardFields.swimlaneField,
        filter: boardFields.filter,
        wipLimits: boardFields.wipLimits,
      }),
    }),
  ),
  'boards.duplicate': channel<Board>()(z.strictObject({ id, name: boardFields.name })),
  'boards.delete': channel<null>()(z.strictObject({ id })),

  'instructions.get': channel<InstructionDetail>()(z.strictObject({ id })),
  'instructions.create': channel<Instruction>()(
    z.strictObject({
      ...instructionFields,
      dueDate: nullable(isoDate).optional(),
      tagIds: z.array(id).max(50).optional(),
      coexecutors: z.array(z.strictObject(coexecutorFields)).max(100).optional(),
    }),
  ),
  'instructions.update': channel<Instruction>()(
    z.strictObject({
      id,
      expectedVersion: version.optional(),
      patch: z.strictObject({ ...instructionFields, title: instructionFields.title.optional() }),
    }),
  ),
  'instructions.move': channel<Instruction>()(
    z.strictObject({
      id,
      to: moveTarget.optional(),
      lane: moveTarget.optional(),
      afterId: nullable(id).optional(),
      beforeId: nullable(id).optional(),
      report: nullable(longText).optional(),
      reason: nullable(shortText).optional(),
      expectedVersion: version.optional(),
    }),
  ),
  'instructions.setStatus': channel<Instruction>()(
    z.strictObject({
      id,
      status: z.enum(STATUSES),
      report: nullable(longText).optional(),
      reason: nullable(shortText).optional(),
      expectedVersion: version.optional(),
    }),
  ),
  'instructions.changeDueDate': channel<Instruction>()(
    z.strictObject({ id, dueDate: isoDate, reason: nullable(shortText).optional(), expectedVersion: version.optional() }),
  ),
  'instructions.setTags': channel<Instruction>()(
    z.strictObject({ id, tagIds: z.array(id).max(50), expectedVersion: version.optional() }),
  ),
  'instructions.archive': channel<Instruction>()(
    z.strictObject({ id, archived: z.boolean(), expectedVersion: version.optional() }),
  ),

  'reports.add': channel<Report>()(
    z.strictObject({ instructionId: id, kind: z.enum(REPORT_KINDS), body: longText.min(1) }),
  ),
  'coexecutors.add': channel<Coexecutor>()(z.strictObject({ instructionId: id, ...coexecutorFields })),
  'coexecutors.update': channel<Coexecutor>()(z.strictObject({ id, patch: z.strictObject(coexecutorFields) })),
  'coexecutors.remove': channel<null>()(z.strictObject({ id })),

  'organizations.list': channel<Organization[]>()(empty),
  'organizations.create': channel<Organization>()(
    z.strictObject({ name: shortText.min(1), shortName: nullable(shortText).optional(), country: nullable(shortText).optional() }),
  ),
  'organizations.update': channel<Organization>()(
    z.strictObject({
      id,
      patch: z.strictObject({ name: shortText.min(1).optional(), shortName: nullable(shortText).optional(), country: nullable(shortText).optional() }),
    }),
  ),
  'organizations.merge': channel<Organization>()(z.strictObject({ duplicateId: id, survivorId: id })),

  'people.list': channel<Person[]>()(empty),
  'people.create': channel<Person>()(
    z.strictObject({ fullName: shortText.min(1), position: nullable(shortText).optional(), organizationId: nullable(id).optional() }),
  ),
  'people.update': channel<Person>()(
    z.strictObject({
      id,
      patch: z.strictObject({
        fullName: shortText.min(1).optional(),
        position: nullable(shortText).optional(),
        organizationId: nullable(id).optional(),
      }),
    }),
  ),

  'people.merge': channel<Person>()(z.strictObject({ duplicateId: id, survivorId: id })),

  'meetings.list': channel<Meeting[]>()(empty),
  'meetings.get': channel<Meeting>()(z.strictObject({ id })),
  'meetings.create': channel<Meeting>()(
    z.strictObject({
      title: shortText.min(1),
      heldOn: nullable(isoDate).optional(),
      place: nullable(shortText).optional(),
      participants: nullable(z.string().max(5000)).optional(),
      protocolNumber: nullable(z.string().max(100)).optional(),
      sourceText: nullable(longText).optional(),
    }),
  ),
  'meetings.update': channel<Meeting>()(
    z.strictObject({
      id,
      patch: z.strictObject({
        title: shortText.min(1).optional(),
        heldOn: nullable(isoDate).optional(),
        place: nullable(shortText).optional(),
        participants: nullable(z.string().max(5000)).optional(),
        protocolNumber: nullable(z.string().max(100)).optional(),
        sourceText: nullable(longText).optional(),
      }),
    }),
  ),

  // Getting meetings in: a pasted readout, CSV/XLSX lists, exchange files (preview, then commit).
  'intake.capabilities': channel<IntakeCapabilities>()(empty),
  'intake.openFile': channel<StagedFileInfo | null>()(z.strictObject({ purpose: z.enum(['list', 'exchange']) })),
  'intake.discardFile': channel<null>()(z.strictObject({ fileId: id })),
  'intake.saveText': channel<{ path: string } | null>()(
    z.strictObject({ suggestedName: z.string().min(1).max(200), content: z.string().max(100_000_000) }),
  ),
  'intake.readoutParse': channel<ReadoutProposal>()(z.strictObject({ text: z.string().min(1).max(1_000_000) })), // over 200k: refused by the handler, with its message
  'intake.readoutCommit': channel<ReadoutCommitResult>()(
    z.strictObject({
      meeting: z.strictObject({
        title: z.string().trim().min(1).max(500),
        heldOn: nullable(isoDate),
        place: nullable(shortText),
        participants: nullable(z.string().max(5000)),
      }),
      sourceText: longText,
      instructions: z
        .array(
          z.strictObject({
            title: z.string().trim().min(1).max(1000),
            body: longText,
            lead: nullable(z.union([z.strictObject({ id }), z.strictObject({ name: z.string().trim().min(1).max(500) })])),
            tagIds: z.array(id).max(50),
            dueDate: nullable(isoDate),
          }),
        )
        .max(1000),
    }),
  ),
  'intake.listPreview': channel<ListPreview>()(z.strictObject(listImport)),
  'intake.listCommit': channel<ListCommitResult>()(z.strictObject(listImport)),
  'intake.exchangePreview': channel<ExchangePreview>()(z.strictObject({ fileId: id })),
  'intake.exchangeCommit': channel<ExchangeCommitResult>()(
    z.strictObject({ fileId: id, choices: z.record(z.string().max(300), z.enum(['local', 'incoming'])) }),
  ),

  'tags.list': channel<Tag[]>()(empty),

  'reports.options': channel<ReportOptions>()(empty),
  'reports.preview': channel<ReportPreview>()(
    z.strictObject({ kind: z.enum(['status', 'overdue', 'register']), scope: reportScope, limit: z.number().int().min(1).max(1_000_000).optional() }),
  ),
  'reports.start': channel<ExportJob>()(
    z.strictObject({
      kind: z.enum(EXPORT_KINDS),
      format: z.enum(EXPORT_FORMATS),
      scope: reportScope.optional(),
      purpose: z.enum(['file', 'print']).optional(),
      csvSeparator: z.enum(CSV_SEPARATORS).optional(),
    }),
  ),
  'reports.job': channel<ExportJob>()(z.strictObject({ jobId: id })),
  'reports.cancel': channel<ExportJob>()(z.strictObject({ jobId: id })),
  'reports.save': channel<{ path: string | null }>()(z.strictObject({ jobId: id })),
  'reports.print': channel<{ printed: boolean }>()(z.strictObject({ jobId: id })),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type Input<K extends ChannelName> = z.input<Contract[K]['input']>;
/** The input after validation, as handlers receive it. */
export type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type Output<K extends ChannelName> = Contract[K]['output'];

export const CHANNELS = Object.keys(contract) as ChannelName[];

export interface ApiError {
  code: ErrorCode;
  message: string;
  key?: string;
  params?: ErrorParams;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the UI calls: one typed function per channel. */
export type Api = { [K in ChannelName]: (input: Input<K>) => Promise<Output<K>> };

/** `instructions.move` → `instructionsMove`: the name the preload exposes a channel under. */
export type BridgeName<K extends string> = K extends `${infer A}.${infer B}` ? `${A}${Capitalize<B>}` : K;

export function bridgeName<K extends ChannelName>(channelName: K): BridgeName<K> {
  const [a, b] = channelName.split('.') as [string, string];
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}` as BridgeName<K>;
}

/** What the preload puts on `window.ministryApi`: one named function per channel. */
export type Bridge = { [K in ChannelName as BridgeName<K>]: (input: Input<K>) => Promise<Envelope<Output<K>>> };

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
