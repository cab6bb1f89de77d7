// The operation: what a desk sends the team server and what it pulls back (DESIGN.md, "Team
// mode"). A `set` changes plain fields of one record (merged field by field, last writer wins by
// the hybrid clock); an `event` adds something that never conflicts (a report, an extension
// request, its decision, a history row). The fields of each entity are the ones its table
// declaration merges, so a new column is carried the day it is declared. Pure: zod and the table
// declarations only, no SQLite (the team server imports this file).
import { z } from 'zod';
import {
  coexecutorsTable,
  columnsOf,
  instructionsTable,
  meetingsTable,
  mergedFields,
  organizationsTable,
  peopleTable,
  tagsTable,
  type ColumnDecl,
  type TableDecl,
} from '../schema/index';
import { isHlc } from './hlc';

/** Records changed field by field, with the table each lives in on the desk. */
export const ENTITY_TABLES = {
  organization: organizationsTable,
  person: peopleTable,
  meeting: meetingsTable,
  instruction: instructionsTable,
  coexecutor: coexecutorsTable,
  topic: tagsTable,
} as const satisfies Record<string, TableDecl>;
export type EntityKind = keyof typeof ENTITY_TABLES;
export const ENTITY_KINDS = Object.keys(ENTITY_TABLES) as EntityKind[];

/** Additions that never conflict. */
export const EVENT_KINDS = ['report', 'extensionRequest', 'extensionDecision', 'history'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Fields a `set` may carry beside the merged ones: the record's creation facts and the instruction's topics. */
const EXTRA_FIELDS: Partial<Record<EntityKind, Record<string, ColumnDecl>>> = {
  instruction: { tagIds: { sql: 'tag_ids', kind: 'json' } },
  // A co-executor taken off the instruction: a tombstone, merged like any field.
  coexecutor: { instructionId: { sql: 'instruction_id', kind: 'text' }, removed: { sql: 'removed', kind: 'bool' } },
};

/** The fields an entity's operations may change, with their declarations. */
export function entityFields(kind: EntityKind): Record<string, ColumnDecl> {
  const table: TableDecl = ENTITY_TABLES[kind];
  const out: Record<string, ColumnDecl> = {};
  const merged = new Set(mergedFields(table));
  // Topics merge by their code (db/merge.ts): in team mode each of their fields is a plain field.
  const all = kind === 'topic';
  for (const column of columnsOf(table)) {
    if (merged.has(column.field) || column.field === 'createdAt' || (all && column.field !== 'id')) out[column.field] = column.decl;
  }
  return { ...out, ...(EXTRA_FIELDS[kind] ?? {}) };
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const json: z.ZodType<Json> = z.lazy(() => z.union([z.null(), z.boolean(), z.number(), z.string().max(200_000), z.array(json), z.record(z.string(), json)]));

const common = {
  id: z.uuid(),
  device: z.string().min(1).max(100),
  hlc: z.string().max(200).refine(isHlc, 'not a hybrid logical clock'),
  entityId: z.string().min(1).max(100),
};

export const setOperationSchema = z
  .object({
    ...common,
    type: z.literal('set'),
    entity: z.enum(ENTITY_KINDS as [EntityKind, ...EntityKind[]]),
    /** The instruction the record belongs to (itself for an instruction), null for the directory. */
    instructionId: z.string().min(1).max(100).nullable(),
    fields: z.record(z.string(), json),
    /** The values the desk had before its change: where another desk changed one since, it is a conflict. */
    base: z.record(z.string(), json).optional(),
  })
  .strict();

export const eventOperationSchema = z
  .object({
    ...common,
    type: z.literal('event'),
    event: z.enum(EVENT_KINDS),
    instructionId: z.string().min(1).max(100),
    data: z.record(z.string(), json),
  })
  .strict();

export const operationSchema = z.discriminatedUnion('type', [setOperationSchema, eventOperationSchema]);
export type SetOperation = z.infer<typeof setOperationSchema>;
export type EventOperation = z.infer<typeof eventOperationSchema>;
export type Operation = z.infer<typeof operationSchema>;

/** One push: at most this many operations. */
export const MAX_PUSH = 5000;
export const pushSchema = z.object({ operations: z.array(z.unknown()).max(MAX_PUSH) }).strict();

/** An operation as the server hands it back on a pull: with its sequence and who made it. */
export interface PulledOperation {
  seq: number;
  account: string;
  op: Operation;
}

/** The data each event kind carries. */
export const eventDataSchemas = {
  report: z.object({ kind: z.enum(['interim', 'final']), body: z.string().trim().min(1).max(100_000), submittedAt: z.string().min(10).max(40) }).strict(),
  extensionRequest: z
    .object({ newDate: z.iso.date(), reason: z.string().trim().min(1).max(10_000), requestedAt: z.string().min(10).max(40) })
    .strict(),
  extensionDecision: z
    .object({ requestId: z.string().min(1).max(100), approved: z.boolean(), newDate: z.iso.date(), reason: z.string().trim().min(1).max(10_000), decidedAt: z.string().min(10).max(40) })
    .strict(),
  history: z
    .object({
      entity: z.string().min(1).max(40),
      entityId: z.string().min(1).max(100),
      field: z.string().min(1).max(100),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string().min(10).max(40),
    })
    .strict(),
} as const satisfies Record<EventKind, z.ZodType>;

/** Whether a value fits a column's declaration. */
export function fitsColumn(decl: ColumnDecl, value: Json): boolean {
  if (value === null) return decl.nullable === true;
  switch (decl.kind) {
    case 'text':
      return typeof value === 'string' && (decl.values === undefined || decl.values.includes(value));
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'json':
      return true;
  }
}
