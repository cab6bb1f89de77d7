// The JSON exchange format: a lossless, versioned copy of everything in the store, keyed by
// stable UUIDs, that another official's copy of the app can merge. Export reads one consistent
// snapshot (one read transaction); the schema below is what an import must accept.
import { z } from 'zod';
import { BOARD_SORTS } from './model';
import type { StoreContext } from './context';
import { MIGRATIONS } from './migrations/index';
import {
  boardsTable,
  coexecutorsTable,
  extensionsTable,
  historyTable,
  instructionsTable,
  meetingsTable,
  organizationsTable,
  peopleTable,
  reportsTable,
  toExchangeRecord,
  type ExchangeBoard,
  type ExchangeCoexecutor,
  type ExchangeExtension,
  type ExchangeHistory,
  type ExchangeInstruction,
  type ExchangeMeeting,
  type ExchangeOrganization,
  type ExchangePerson,
  type ExchangeReport,
  type Same,
  type TagRow,
} from './schema/index';

export const EXCHANGE_FORMAT = 'ministry-action-tracker.exchange';
/** Bumped when the exchange format changes incompatibly; imports refuse a newer one. */
export const EXCHANGE_VERSION = 1;

const uuid = z.string().min(1).max(64);
const isoDate = z.iso.date();
const timestamp = z.string().min(10).max(40);
const text = z.string().max(200_000);
const nullableText = text.nullable();
const orgName = z.string().max(500).nullable().default(null);

export const exchangeOrganizationSchema = z.object({
  id: uuid,
  name: z.string().min(1).max(500),
  shortName: nullableText,
  country: nullableText,
  // Files written before migration 010 carry no names per language.
  nameEn: orgName,
  nameRu: orgName,
  nameKk: orgName,
  nameKy: orgName,
  shortNameEn: orgName,
  shortNameRu: orgName,
  shortNameKk: orgName,
  shortNameKy: orgName,
  mergedInto: uuid.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const exchangePersonSchema = z.object({
  id: uuid,
  fullName: z.string().min(1).max(500),
  position: nullableText,
  organizationId: uuid.nullable(),
  mergedInto: uuid.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const exchangeMeetingSchema = z.object({
  id: uuid,
  title: z.string().min(1).max(1000),
  heldOn: isoDate.nullable(),
  place: nullableText,
  participants: nullableText,
  protocolNumber: nullableText,
  sourceText: nullableText,
  isDemo: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const exchangeTagSchema = z.object({
  id: uuid,
  code: z.string().min(1).max(100),
  names: z.object({ en: z.string(), ru: z.string(), kk: z.string(), ky: z.string() }),
});

export const exchangeInstructionSchema = z.object({
  id: uuid,
  meetingId: uuid.nullable(),
  itemNumber: z.string().max(40).nullable(),
  // Files written before version 2 have no control numbers: the merge gives the instruction one.
  controlNumber: z.string().max(60).nullable().default(null),
  title: z.string().min(1).max(1000),
  body: text,
  leadOrgId: uuid.nullable(),
  leadPersonId: uuid.nullable(),
  controllerId: uuid.nullable(),
  dueDate: isoDate.nullable(),
  originalDueDate: isoDate.nullable(),
  priority: z.enum(['low', 'normal', 'high', 'critical']),
  status: z.enum(['assigned', 'in_progress', 'report_submitted', 'resolved']),
  onControl: z.boolean(),
  rank: z.number().int(),
  resolution: nullableText,
  resolvedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  archived: z.boolean(),
  isDemo: z.boolean(),
  version: z.number().int().positive(),
  tagIds: z.array(uuid),
  // Files written before version 6 have no recurrence: a one-off instruction.
  recurrence: z.string().max(500).nullable().default(null),
});

export const exchangeCoexecutorSchema = z.object({
  id: uuid,
  instructionId: uuid,
  organizationId: uuid.nullable(),
  personId: uuid.nullable(),
  dueDate: isoDate.nullable(),
  createdAt: timestamp,
});

export const exchangeReportSchema = z.object({
  id: uuid,
  instructionId: uuid,
  kind: z.enum(['interim', 'final']),
  body: z.string().min(1).max(200_000),
  author: z.string().max(500),
  submittedAt: timestamp,
  supersededAt: timestamp.nullable().default(null),
});

export const exchangeExtensionSchema = z.object({
  id: uuid,
  instructionId: uuid,
  oldDate: isoDate.nullable(),
  newDate: isoDate,
  reason: z.string().min(1).max(5000),
  decidedBy: z.string().max(500),
  createdAt: timestamp,
  withdrawnAt: timestamp.nullable().default(null),
  withdrawnBy: z.string().max(500).nullable().default(null),
});

export const exchangeHistorySchema = z.object({
  uid: uuid,
  instructionId: uuid.nullable(),
  entity: z.string().max(100),
  entityId: z.string().max(100),
  field: z.string().max(100),
  oldValue: nullableText,
  newValue: nullableText,
  note: nullableText,
  actor: z.string().max(500),
  at: timestamp,
  actionId: uuid.nullable().default(null),
});

export const exchangeBoardSchema = z.object({
  id: uuid,
  name: z.string().max(200).nullable(),
  builtin: z.string().max(200).nullable(),
  meetingId: uuid.nullable(),
  columnField: z.enum(['status', 'organization', 'topic', 'meeting', 'priority']),
  swimlaneField: z.enum(['organization', 'topic', 'meeting']).nullable(),
  filter: z.string().max(2000),
  wipLimits: z.record(z.string(), z.number()),
  position: z.number().int(),
  // Files written before boards were sorted carry none: their boards keep the order by hand.
  sortBy: z.enum(BOARD_SORTS).default('manual'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** The header is checked first, so a file from a newer app gets that message, not a schema error. */
export const exchangeHeaderSchema = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.number().int().positive(),
});

export const exchangeDocumentSchema = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.literal(EXCHANGE_VERSION),
  schemaVersion: z.number().int().positive(),
  exportedAt: timestamp,
  exportedBy: z.string().max(500),
  appVersion: z.string().max(100),
  organizations: z.array(exchangeOrganizationSchema),
  people: z.array(exchangePersonSchema),
  meetings: z.array(exchangeMeetingSchema),
  tags: z.array(exchangeTagSchema),
  instructions: z.array(exchangeInstructionSchema),
  coexecutors: z.array(exchangeCoexecutorSchema),
  reports: z.array(exchangeReportSchema),
  extensions: z.array(exchangeExtensionSchema),
  history: z.array(exchangeHistorySchema),
  boards: z.array(exchangeBoardSchema),
});

export type ExchangeDocument = z.infer<typeof exchangeDocumentSchema>;

// The record schemas above add the limits an import must check; their shapes are the declared columns'.
export const EXCHANGE_SCHEMAS_MATCH: [
  Same<z.infer<typeof exchangeOrganizationSchema>, ExchangeOrganization>,
  Same<z.infer<typeof exchangePersonSchema>, ExchangePerson>,
  Same<z.infer<typeof exchangeMeetingSchema>, ExchangeMeeting>,
  Same<z.infer<typeof exchangeInstructionSchema>, ExchangeInstruction>,
  Same<z.infer<typeof exchangeCoexecutorSchema>, ExchangeCoexecutor>,
  Same<z.infer<typeof exchangeReportSchema>, ExchangeReport>,
  Same<z.infer<typeof exchangeExtensionSchema>, ExchangeExtension>,
  Same<z.infer<typeof exchangeHistorySchema>, ExchangeHistory>,
  Same<z.infer<typeof exchangeBoardSchema>, ExchangeBoard>,
] = [true, true, true, true, true, true, true, true, true];

type Row = Record<string, unknown>;
type Doc = ExchangeDocument;

const instructionColumns = toExchangeRecord(instructionsTable);

/** Rows of the store in the exchange format: the export writes them, the merge compares with them. */
export const toExchange = {
  organization: toExchangeRecord(organizationsTable),
  person: toExchangeRecord(peopleTable),
  meeting: toExchangeRecord(meetingsTable),
  tag: (r: Row): Doc['tags'][number] => {
    const t = r as TagRow;
    return { id: t.id, code: t.code, names: { en: t.name_en, ru: t.name_ru, kk: t.name_kk, ky: t.name_ky } };
  },
  instruction: (r: Row, tagIds: string[]): Doc['instructions'][number] => ({ ...instructionColumns(r), tagIds }),
  coexecutor: toExchangeRecord(coexecutorsTable),
  report: toExchangeRecord(reportsTable),
  extension: toExchangeRecord(extensionsTable),
  history: toExchangeRecord(historyTable),
  board: toExchangeRecord(boardsTable),
};

/** Everything in the store as one exchange document, read in one transaction. */
export function exportExchange(ctx: StoreContext, appVersion: string): ExchangeDocument {
  return ctx.db.transaction((): ExchangeDocument => {
    const all = (sql: string) => ctx.stmt(sql).all() as Row[];
    const tagsByInstruction = new Map<string, string[]>();
    for (const row of all('SELECT instruction_id, tag_id FROM instruction_tags ORDER BY instruction_id, tag_id')) {
      const list = tagsByInstruction.get(row.instruction_id as string) ?? [];
      list.push(row.tag_id as string);
      tagsByInstruction.set(row.instruction_id as string, list);
    }
    return {
      format: EXCHANGE_FORMAT,
      version: EXCHANGE_VERSION,
      schemaVersion: MIGRATIONS.length,
      exportedAt: ctx.timestamp(),
      exportedBy: ctx.actor(),
      appVersion,
      organizations: all('SELECT * FROM organizations ORDER BY created_at, id').map(toExchange.organization),
      people: all('SELECT * FROM people ORDER BY created_at, id').map(toExchange.person),
      meetings: all('SELECT * FROM meetings ORDER BY created_at, id').map(toExchange.meeting),
      tags: all('SELECT * FROM tags ORDER BY code').map(toExchange.tag),
      instructions: all('SELECT * FROM instructions ORDER BY rank, id').map((r) => toExchange.instruction(r, tagsByInstruction.get(r.id as string) ?? [])),
      coexecutors: all('SELECT * FROM coexecutors ORDER BY created_at, id').map(toExchange.coexecutor),
      reports: all('SELECT * FROM reports ORDER BY submitted_at, id').map(toExchange.report),
      extensions: all('SELECT * FROM extensions ORDER BY created_at, id').map(toExchange.extension),
      history: all('SELECT * FROM history ORDER BY id').map(toExchange.history),
      boards: all('SELECT * FROM boards ORDER BY position, created_at').map(toExchange.board),
    };
  })();
}
