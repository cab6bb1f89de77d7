// Instructions and the domain rules around them: the status workflow, deadlines, reports,
// co-executors, topics and positions. Every change writes history rows.
import { newId, type StoreContext } from './context';
import { StoreError } from './errors';
import { recordChange, recordDiff, type Change } from './history';
import { addDays, daysBetween, isIsoDate } from './dates';
import { getSetting } from './settings';
import {
  coexecutorsTable,
  extensionsTable,
  instructionsTable,
  reportsTable,
  toDomain,
  type CoexecutorRow,
  type ExtensionRow,
  type InstructionRow,
  type ReportRow,
} from './schema/index';
import type {
  Coexecutor,
  Deadline,
  Extension,
  Instruction,
  IsoDate,
  Priority,
  Report,
  ReportKind,
  Status,
} from './model';

export const RANK_GAP = 65_536;
export const DEFAULT_DUE_SOON_DAYS = 3;

const toInstruction = toDomain(instructionsTable);

export function getInstruction(ctx: StoreContext, id: string): Instruction {
  const row = ctx.stmt('SELECT * FROM instructions WHERE id = ?').get(id) as InstructionRow | undefined;
  if (!row) throw new StoreError('not_found', `No instruction ${id}.`, 'instructionNotFound');
  return toInstruction(row);
}

function checkVersion(current: Instruction, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new StoreError(
      'conflict',
      `“${current.title}” was changed elsewhere in the meantime; reload it and try again.`,
      'staleVersion',
      { title: current.title },
    );
  }
}

function touch(ctx: StoreContext, id: string): void {
  ctx.stmt('UPDATE instructions SET updated_at = ?, version = version + 1 WHERE id = ?').run(ctx.timestamp(), id);
}

function requireText(value: string | undefined | null, what: string, key: string): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new StoreError('validation', `${what} is required.`, key);
  return text;
}

function requireDate(value: string, key: string): IsoDate {
  if (!isIsoDate(value)) throw new StoreError('validation', `${value} is not a date (YYYY-MM-DD).`, key, { value });
  return value;
}

function checkReference(ctx: StoreContext, table: 'organizations' | 'people' | 'meetings', id: string | null | undefined): void {
  if (id === null || id === undefined) return;
  const found = ctx.stmt(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  if (!found) throw new StoreError('not_found', `No ${table.replace(/s$/, '')} ${id}.`, 'referenceNotFound', { id });
}

// ---- derived deadline facts ----

export function dueSoonDays(ctx: StoreContext): number {
  return getSetting(ctx, 'dueSoonDays', DEFAULT_DUE_SOON_DAYS);
}

export function deriveDeadline(
  instruction: Pick<Instruction, 'dueDate' | 'originalDueDate' | 'status'>,
  extensions: number,
  today: IsoDate,
  soonDays: number,
): Deadline {
  const open = instruction.status !== 'resolved';
  const due = instruction.dueDate;
  return {
    dueDate: due,
    originalDueDate: instruction.originalDueDate,
    overdue: open && due !== null && due < today,
    dueSoon: open && due !== null && due >= today && due <= addDays(today, soonDays),
    daysLate: due === null ? null : daysBetween(due, today),
    extensions,
  };
}

// ---- ranks ----

function maxRank(ctx: StoreContext): number {
  const row = ctx.stmt('SELECT max(rank) AS r FROM instructions').get() as { r: number | null };
  return row.r ?? 0;
}

/** Spreads every rank out again; needed only when repeated moves into one gap exhausted it. */
function renumberRanks(ctx: StoreContext): void {
  ctx
    .stmt(
      `UPDATE instructions SET rank = r.n
         FROM (SELECT id, row_number() OVER (ORDER BY rank, id) * ${RANK_GAP} AS n FROM instructions) AS r
        WHERE r.id = instructions.id`,
    )
    .run();
}

function rankOf(ctx: StoreContext, id: string): number {
  const row = ctx.stmt('SELECT rank FROM instructions WHERE id = ?').get(id) as { rank: number } | undefined;
  if (!row) throw new StoreError('not_found', `No instruction ${id}.`, 'instructionNotFound');
  return row.rank;
}

/**
 * A rank that puts a card after `afterId` and before `beforeId` (the neighbours the official sees
 * in the target column; either may be absent).
 */
export function rankBetweenNeighbours(ctx: StoreContext, afterId: string | null, beforeId: string | null): number {
  for (let attempt = 0; attempt < 2; attempt++) {
    const lo = afterId ? rankOf(ctx, afterId) : null;
    const hi = beforeId ? rankOf(ctx, beforeId) : null;
    if (lo === null && hi === null) return maxRank(ctx) + RANK_GAP;
    if (hi === null) return (lo as number) + RANK_GAP;
    if (lo === null) return hi - RANK_GAP;
    if (hi - lo > 1) return Math.floor((lo + hi) / 2);
    if (hi < lo) {
      throw new StoreError('conflict', 'The column changed while the card was moved; it was reloaded.', 'staleColumn');
    }
    renumberRanks(ctx);
  }
  throw new StoreError('internal', 'Could not find a position for the card.');
}

// ---- create and edit ----

export interface CoexecutorInput {
  organizationId?: string | null;
  personId?: string | null;
  dueDate?: IsoDate | null;
}

export interface InstructionInput {
  meetingId?: string | null;
  itemNumber?: string | null;
  title: string;
  body?: string;
  leadOrgId?: string | null;
  leadPersonId?: string | null;
  controllerId?: string | null;
  dueDate?: IsoDate | null;
  priority?: Priority;
  onControl?: boolean;
  tagIds?: string[];
  coexecutors?: CoexecutorInput[];
  isDemo?: boolean;
}

export function createInstruction(ctx: StoreContext, input: InstructionInput, id: string = newId()): Instruction {
  return ctx.transaction(() => {
    insertInstructions(ctx, [input], [id]);
    return getInstruction(ctx, id);
  });
}

/**
 * Creates many instructions in one transaction under the rules of createInstruction (a title,
 * real dates, existing references, history rows), for imports: each reference is checked once
 * and the ranks follow one another. Returns the new ids in the order of the inputs.
 */
export function createInstructions(ctx: StoreContext, inputs: readonly InstructionInput[]): string[] {
  return ctx.transaction(() => insertInstructions(ctx, inputs, inputs.map(() => newId())));
}

/** Batches at least this long are written with the per-row triggers set aside (insertInstructions). */
export const BULK_ROWS = 200;

/**
 * The triggers that do per-row work when instructions are created: the full-text row, the topic
 * list and the co-executor count. A bulk insert does that work itself, once for the whole batch.
 */
const PER_ROW_TRIGGERS = ['instructions_fts_insert', 'instruction_tags_list_insert', 'coexecutors_count_insert'] as const;

/**
 * Drops the named triggers for the rest of the current transaction and returns the function that
 * puts them back exactly as the schema holds them (their SQL read from sqlite_schema). Only inside
 * a transaction: if anything throws before they are put back, the rollback restores them.
 */
function setTriggersAside(ctx: StoreContext, names: readonly string[]): () => void {
  if (!ctx.db.inTransaction) throw new StoreError('internal', 'Triggers may only be set aside inside a transaction.');
  const triggers = ctx.stmt(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (${names.map(() => '?').join(', ')})`).all(...names) as {
    name: string;
    sql: string;
  }[];
  if (triggers.length !== names.length) throw new StoreError('internal', `Missing triggers: expected ${names.join(', ')}.`);
  for (const trigger of triggers) ctx.db.prepare(`DROP TRIGGER "${trigger.name}"`).run();
  return () => {
    for (const trigger of triggers) ctx.db.prepare(trigger.sql).run();
  };
}

/** What the topic-list trigger computes: the topic ids in SQLite's (byte) order, comma-separated. */
function tagList(tagIds: readonly string[]): string {
  if (tagIds.length < 2) return tagIds[0] ?? '';
  return [...tagIds].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))).join(',');
}

interface CheckedInput {
  input: InstructionInput;
  title: string;
  due: IsoDate | null;
  tagIds: readonly string[];
  coexecutors: CoexecutorInput[];
}

/**
 * Checks every input first (so nothing is written for a batch that breaks a rule), then writes
 * the rows with one prepared statement each and the history rows with one statement per kind.
 *
 * A batch of BULK_ROWS or more sets the per-row triggers aside for the transaction and does their
 * work once: the full-text rows in one statement (row by row, every statement's savepoint makes
 * the full-text index flush), the topic list and co-executor count written with the row instead
 * of rewriting it once per topic and co-executor. The triggers are back before this returns.
 */
function insertInstructions(ctx: StoreContext, inputs: readonly InstructionInput[], ids: readonly string[]): string[] {
  // Each reference is looked up once per batch.
  const checked = { organizations: new Set<string>(), people: new Set<string>(), meetings: new Set<string>(), tags: new Set<string>() };
  const check = (table: 'organizations' | 'people' | 'meetings', id: string | null | undefined) => {
    if (id === null || id === undefined || checked[table].has(id)) return;
    checkReference(ctx, table, id);
    checked[table].add(id);
  };
  const rows = inputs.map((input): CheckedInput => {
    const title = requireText(input.title, 'A title', 'titleRequired');
    check('meetings', input.meetingId);
    check('organizations', input.leadOrgId);
    check('people', input.leadPersonId);
    check('people', input.controllerId);
    const due = input.dueDate ? requireDate(input.dueDate, 'badDate') : null;
    const tagIds = !input.tagIds ? [] : input.tagIds.length < 2 ? input.tagIds : [...new Set(input.tagIds)];
    for (const tagId of tagIds) {
      if (checked.tags.has(tagId)) continue;
      tagCode(ctx, tagId);
      checked.tags.add(tagId);
    }
    const coexecutors = input.coexecutors ?? [];
    for (const co of coexecutors) checkCoexecutor(co, check);
    return { input, title, due, tagIds, coexecutors };
  });
  if (rows.length === 0) return [];

  const bulk = rows.length >= BULK_ROWS;
  const restoreTriggers = bulk ? setTriggersAside(ctx, PER_ROW_TRIGGERS) : null;
  const at = ctx.timestamp();
  const insert = ctx.stmt(
    `INSERT INTO instructions (id, meeting_id, item_number, title, body, lead_org_id, lead_person_id, controller_id,
       due_date, original_due_date, priority, status, on_control, rank, created_at, updated_at, is_demo, tag_list, coexecutor_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'assigned', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = ctx.stmt('INSERT INTO instruction_tags (instruction_id, tag_id) VALUES (?, ?)');
  const insertCo = ctx.stmt('INSERT INTO coexecutors (id, instruction_id, organization_id, person_id, due_date, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  let rank = maxRank(ctx);
  let first = 0;
  let last = 0;
  rows.forEach(({ input, title, due, tagIds, coexecutors }, i) => {
    const id = ids[i] as string;
    rank += RANK_GAP;
    const rowid = Number(
      insert.run(
        id,
        input.meetingId ?? null,
        input.itemNumber ?? null,
        title,
        input.body ?? '',
        input.leadOrgId ?? null,
        input.leadPersonId ?? null,
        input.controllerId ?? null,
        due,
        due,
        input.priority ?? 'normal',
        input.onControl === false ? 0 : 1,
        rank,
        at,
        at,
        input.isDemo ? 1 : 0,
        bulk ? tagList(tagIds) : '',
        bulk ? coexecutors.length : 0,
      ).lastInsertRowid,
    );
    if (i === 0) first = rowid;
    last = rowid;
    for (const tagId of tagIds) insertTag.run(id, tagId);
    for (const co of coexecutors) insertCo.run(newId(), id, co.organizationId ?? null, co.personId ?? null, co.dueDate ?? null, at);
  });
  // New rows take consecutive rowids (one more than the largest), which the statements below rely on.
  if (last - first + 1 !== rows.length) throw new StoreError('internal', 'The new instructions did not get consecutive row ids.');
  if (restoreTriggers) {
    ctx.stmt(`INSERT INTO instruction_fts (rowid, title, body, reports) SELECT rowid, title, body, '' FROM instructions WHERE rowid BETWEEN ? AND ?`).run(first, last);
    restoreTriggers();
  }
  recordCreation(ctx, first, last, at);
  return [...ids];
}

/**
 * The history of new instructions (rowids first..last): per instruction a 'created' row, a 'topic'
 * row per topic (by code) and a 'coexecutor' row per co-executor (new_value as describeCoexecutor
 * writes it), instruction after instruction. One statement; the uids are made as the ordered rows
 * come out of the subquery, so history ids, uids and the (instruction, id) and (entity, id) index
 * keys all grow together and every index is extended at its end.
 */
function recordCreation(ctx: StoreContext, first: number, last: number, at: string): void {
  ctx
    .stmt(
      `INSERT INTO history (uid, instruction_id, entity, entity_id, field, old_value, new_value, note, actor, at)
       SELECT new_id(), instruction_id, entity, entity_id, field, NULL, new_value, NULL, @actor, @at
         FROM (SELECT i.rowid AS seq, 0 AS kind, NULL AS sub, i.id AS instruction_id, 'instruction' AS entity, i.id AS entity_id,
                      'created' AS field, i.title AS new_value
                 FROM instructions i WHERE i.rowid BETWEEN @first AND @last
               UNION ALL
               SELECT i.rowid, 1, t.code, i.id, 'instruction', i.id, 'topic', t.code
                 FROM instructions i JOIN instruction_tags it ON it.instruction_id = i.id JOIN tags t ON t.id = it.tag_id
                WHERE i.rowid BETWEEN @first AND @last
               UNION ALL
               SELECT i.rowid, 2, c.rowid, i.id, 'coexecutor', c.id, 'coexecutor',
                      json_object('organizationId', c.organization_id, 'personId', c.person_id, 'dueDate', c.due_date)
                 FROM instructions i JOIN coexecutors c ON c.instruction_id = i.id
                WHERE i.rowid BETWEEN @first AND @last
               ORDER BY seq, kind, sub)`,
    )
    .run({ actor: ctx.actor(), at, first, last });
}

export interface InstructionPatch {
  meetingId?: string | null;
  itemNumber?: string | null;
  title?: string;
  body?: string;
  leadOrgId?: string | null;
  leadPersonId?: string | null;
  controllerId?: string | null;
  priority?: Priority;
  onControl?: boolean;
}

const PATCH_COLUMNS: Record<keyof InstructionPatch, string> = {
  meetingId: 'meeting_id',
  itemNumber: 'item_number',
  title: 'title',
  body: 'body',
  leadOrgId: 'lead_org_id',
  leadPersonId: 'lead_person_id',
  controllerId: 'controller_id',
  priority: 'priority',
  onControl: 'on_control',
};

/** Edits plain fields. Status, due date and topics have their own functions with their own rules. */
export function updateInstruction(ctx: StoreContext, id: string, patch: InstructionPatch, expectedVersion?: number): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, id);
    checkVersion(before, expectedVersion);
    if (patch.title !== undefined) patch = { ...patch, title: requireText(patch.title, 'A title', 'titleRequired') };
    checkReference(ctx, 'meetings', patch.meetingId);
    checkReference(ctx, 'organizations', patch.leadOrgId);
    checkReference(ctx, 'people', patch.leadPersonId);
    checkReference(ctx, 'people', patch.controllerId);
    const after: Record<string, unknown> = {};
    for (const key of Object.keys(patch) as (keyof InstructionPatch)[]) {
      if (patch[key] !== undefined) after[key] = patch[key];
    }
    const changed = recordDiff(ctx, { entity: 'instruction', entityId: id, instructionId: id }, { ...before }, after) as (keyof InstructionPatch)[];
    if (changed.length > 0) {
      const sets = changed.map((k) => `${PATCH_COLUMNS[k]} = ?`).join(', ');
      const values = changed.map((k) => (typeof after[k] === 'boolean' ? (after[k] ? 1 : 0) : after[k]));
      ctx.stmt(`UPDATE instructions SET ${sets} WHERE id = ?`).run(...values, id);
      touch(ctx, id);
    }
    return getInstruction(ctx, id);
  });
}

/**
 * The one way a due date changes. Setting the first deadline is recorded in history; changing an
 * existing one also records an extension with its reason, which is then required.
 */
export function changeDueDate(
  ctx: StoreContext,
  id: string,
  newDate: IsoDate,
  reason: string | null,
  expectedVersion?: number,
): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, id);
    checkVersion(before, expectedVersion);
    requireDate(newDate, 'badDate');
    if (before.status === 'resolved') {
      throw new StoreError('conflict', 'A resolved instruction has no deadline to change; reopen it first.', 'resolvedNoDeadline');
    }
    if (before.dueDate === newDate) return before;
    const at = ctx.timestamp();
    let note: string | null = reason?.trim() || null;
    if (before.dueDate !== null) {
      note = requireText(reason, 'A reason for the new deadline', 'extensionReasonRequired');
      ctx
        .stmt('INSERT INTO extensions (id, instruction_id, old_date, new_date, reason, decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(newId(), id, before.dueDate, newDate, note, ctx.actor(), at);
      ctx.stmt('UPDATE instructions SET due_date = ? WHERE id = ?').run(newDate, id);
    } else {
      ctx.stmt('UPDATE instructions SET due_date = ?, original_due_date = coalesce(original_due_date, ?) WHERE id = ?').run(newDate, newDate, id);
    }
    recordChange(ctx, { entity: 'instruction', entityId: id, instructionId: id, field: 'dueDate', oldValue: before.dueDate, newValue: newDate, note });
    touch(ctx, id);
    return getInstruction(ctx, id);
  });
}

// ---- workflow ----

export interface StatusChange {
  /** A report filed with the move: the final report when resolving, an interim one otherwise. */
  report?: string | null;
  /** Required when reopening a resolved instruction. */
  reason?: string | null;
  expectedVersion?: number;
}

function countReports(ctx: StoreContext, id: string, kind?: ReportKind): number {
  const row = kind
    ? (ctx.stmt('SELECT count(*) AS n FROM reports WHERE instruction_id = ? AND kind = ?').get(id, kind) as { n: number })
    : (ctx.stmt('SELECT count(*) AS n FROM reports WHERE instruction_id = ?').get(id) as { n: number });
  return row.n;
}

function latestFinalReport(ctx: StoreContext, id: string): string | null {
  const row = ctx
    .stmt("SELECT body FROM reports WHERE instruction_id = ? AND kind = 'final' ORDER BY submitted_at DESC, rowid DESC LIMIT 1")
    .get(id) as { body: string } | undefined;
  return row?.body ?? null;
}

/**
 * Moves an instruction through `assigned → in_progress → report_submitted → resolved`.
 * Resolving needs a final report (filed now or earlier); marking a report submitted needs a
 * report; leaving `resolved` is a reopening and needs a reason.
 */
export function changeStatus(ctx: StoreContext, id: string, to: Status, change: StatusChange = {}): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, id);
    checkVersion(before, change.expectedVersion);
    if (before.status === to) return before;
    if (before.archived) throw new StoreError('conflict', 'An archived instruction cannot change status; restore it first.', 'archivedReadOnly');
    const report = change.report?.trim() || null;
    const base = { entity: 'instruction', entityId: id, instructionId: id };

    if (before.status === 'resolved') {
      const reason = requireText(change.reason, 'A reason for reopening', 'reopenReasonRequired');
      ctx.stmt('UPDATE instructions SET status = ?, resolved_at = NULL, on_control = 1 WHERE id = ?').run(to, id);
      recordChange(ctx, { ...base, field: 'status', oldValue: before.status, newValue: to, note: reason });
      recordChange(ctx, { ...base, field: 'resolvedAt', oldValue: before.resolvedAt, newValue: null, note: reason });
      if (!before.onControl) recordChange(ctx, { ...base, field: 'onControl', oldValue: false, newValue: true, note: reason });
      touch(ctx, id);
      return getInstruction(ctx, id);
    }

    if (to === 'resolved') {
      if (report) addReport(ctx, id, 'final', report);
      const resolution = report ?? latestFinalReport(ctx, id);
      if (resolution === null) {
        throw new StoreError('conflict', 'A final report is required to resolve an instruction.', 'finalReportRequired');
      }
      const at = ctx.timestamp();
      ctx.stmt('UPDATE instructions SET status = ?, resolution = ?, resolved_at = ?, on_control = 0 WHERE id = ?').run(to, resolution, at, id);
      recordChange(ctx, { ...base, field: 'status', oldValue: before.status, newValue: to });
      recordChange(ctx, { ...base, field: 'resolution', oldValue: before.resolution, newValue: resolution });
      recordChange(ctx, { ...base, field: 'resolvedAt', oldValue: null, newValue: at });
      if (before.onControl) recordChange(ctx, { ...base, field: 'onControl', oldValue: true, newValue: false });
      touch(ctx, id);
      return getInstruction(ctx, id);
    }

    if (to === 'report_submitted') {
      if (report) addReport(ctx, id, 'interim', report);
      else if (countReports(ctx, id) === 0) {
        throw new StoreError('conflict', 'File a progress report before marking the report submitted.', 'reportRequired');
      }
    }
    ctx.stmt('UPDATE instructions SET status = ? WHERE id = ?').run(to, id);
    recordChange(ctx, { ...base, field: 'status', oldValue: before.status, newValue: to });
    touch(ctx, id);
    return getInstruction(ctx, id);
  });
}

export function archiveInstruction(ctx: StoreContext, id: string, archived: boolean, expectedVersion?: number): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, id);
    checkVersion(before, expectedVersion);
    if (before.archived === archived) return before;
    ctx.stmt('UPDATE instructions SET archived = ? WHERE id = ?').run(archived ? 1 : 0, id);
    recordChange(ctx, { entity: 'instruction', entityId: id, instructionId: id, field: 'archived', oldValue: before.archived, newValue: archived });
    touch(ctx, id);
    return getInstruction(ctx, id);
  });
}

// ---- reports ----

const toReport = toDomain(reportsTable);

export function addReport(ctx: StoreContext, instructionId: string, kind: ReportKind, body: string): Report {
  return ctx.transaction(() => {
    getInstruction(ctx, instructionId);
    const text = requireText(body, 'The report text', 'reportTextRequired');
    const id = newId();
    const at = ctx.timestamp();
    ctx
      .stmt('INSERT INTO reports (id, instruction_id, kind, body, author, submitted_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, instructionId, kind, text, ctx.actor(), at);
    recordChange(ctx, { entity: 'report', entityId: id, instructionId, field: `report.${kind}`, oldValue: null, newValue: text });
    touch(ctx, instructionId);
    return toReport(ctx.stmt('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow);
  });
}

export function listReports(ctx: StoreContext, instructionId: string): Report[] {
  const rows = ctx.stmt('SELECT * FROM reports WHERE instruction_id = ? ORDER BY submitted_at, rowid').all(instructionId) as ReportRow[];
  return rows.map(toReport);
}

// ---- extensions ----

const toExtension = toDomain(extensionsTable);

export function listExtensions(ctx: StoreContext, instructionId: string): Extension[] {
  const rows = ctx.stmt('SELECT * FROM extensions WHERE instruction_id = ? ORDER BY created_at, rowid').all(instructionId) as ExtensionRow[];
  return rows.map(toExtension);
}

// ---- co-executors ----

const toCoexecutor = toDomain(coexecutorsTable);

export function listCoexecutors(ctx: StoreContext, instructionId: string): Coexecutor[] {
  const rows = ctx.stmt('SELECT * FROM coexecutors WHERE instruction_id = ? ORDER BY created_at, rowid').all(instructionId) as CoexecutorRow[];
  return rows.map(toCoexecutor);
}

function describeCoexecutor(co: CoexecutorInput): string {
  return JSON.stringify({ organizationId: co.organizationId ?? null, personId: co.personId ?? null, dueDate: co.dueDate ?? null });
}

export function addCoexecutor(ctx: StoreContext, instructionId: string, input: CoexecutorInput): Coexecutor {
  return ctx.transaction(() => {
    getInstruction(ctx, instructionId);
    const change = insertCoexecutor(ctx, instructionId, input);
    recordChange(ctx, change);
    touch(ctx, instructionId);
    return toCoexecutor(ctx.stmt('SELECT * FROM coexecutors WHERE id = ?').get(change.entityId) as CoexecutorRow);
  });
}

function checkCoexecutor(input: CoexecutorInput, check: (table: 'organizations' | 'people', id: string | null | undefined) => void): void {
  if (!input.organizationId && !input.personId) {
    throw new StoreError('validation', 'A co-executor needs an organization or a person.', 'coexecutorEmpty');
  }
  check('organizations', input.organizationId);
  check('people', input.personId);
  if (input.dueDate) requireDate(input.dueDate, 'badDate');
}

/** Checks and inserts a co-executor; returns the history row to record. */
function insertCoexecutor(
  ctx: StoreContext,
  instructionId: string,
  input: CoexecutorInput,
  check: (table: 'organizations' | 'people', id: string | null | undefined) => void = (table, id) => checkReference(ctx, table, id),
): Change {
  checkCoexecutor(input, check);
  const id = newId();
  ctx
    .stmt('INSERT INTO coexecutors (id, instruction_id, organization_id, person_id, due_date, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, instructionId, input.organizationId ?? null, input.personId ?? null, input.dueDate ?? null, ctx.timestamp());
  return { entity: 'coexecutor', entityId: id, instructionId, field: 'coexecutor', oldValue: null, newValue: describeCoexecutor(input) };
}

export function updateCoexecutor(ctx: StoreContext, id: string, patch: CoexecutorInput): Coexecutor {
  return ctx.transaction(() => {
    const row = ctx.stmt('SELECT * FROM coexecutors WHERE id = ?').get(id) as CoexecutorRow | undefined;
    if (!row) throw new StoreError('not_found', `No co-executor ${id}.`, 'coexecutorNotFound');
    const before = toCoexecutor(row);
    const after = {
      organizationId: patch.organizationId === undefined ? before.organizationId : patch.organizationId,
      personId: patch.personId === undefined ? before.personId : patch.personId,
      dueDate: patch.dueDate === undefined ? before.dueDate : patch.dueDate,
    };
    if (!after.organizationId && !after.personId) {
      throw new StoreError('validation', 'A co-executor needs an organization or a person.', 'coexecutorEmpty');
    }
    checkReference(ctx, 'organizations', after.organizationId);
    checkReference(ctx, 'people', after.personId);
    if (after.dueDate) requireDate(after.dueDate, 'badDate');
    const changed = recordDiff(ctx, { entity: 'coexecutor', entityId: id, instructionId: before.instructionId }, { ...before }, after);
    if (changed.length > 0) {
      ctx
        .stmt('UPDATE coexecutors SET organization_id = ?, person_id = ?, due_date = ? WHERE id = ?')
        .run(after.organizationId, after.personId, after.dueDate, id);
      touch(ctx, before.instructionId);
    }
    return toCoexecutor(ctx.stmt('SELECT * FROM coexecutors WHERE id = ?').get(id) as CoexecutorRow);
  });
}

export function removeCoexecutor(ctx: StoreContext, id: string): void {
  ctx.transaction(() => {
    const row = ctx.stmt('SELECT * FROM coexecutors WHERE id = ?').get(id) as CoexecutorRow | undefined;
    if (!row) throw new StoreError('not_found', `No co-executor ${id}.`, 'coexecutorNotFound');
    ctx.stmt('DELETE FROM coexecutors WHERE id = ?').run(id);
    recordChange(ctx, {
      entity: 'coexecutor',
      entityId: id,
      instructionId: row.instruction_id,
      field: 'coexecutor',
      oldValue: describeCoexecutor({ organizationId: row.organization_id, personId: row.person_id, dueDate: row.due_date }),
      newValue: null,
    });
    touch(ctx, row.instruction_id);
  });
}

// ---- topics ----

export function listInstructionTagIds(ctx: StoreContext, instructionId: string): string[] {
  return (ctx.stmt('SELECT tag_id FROM instruction_tags WHERE instruction_id = ? ORDER BY tag_id').all(instructionId) as { tag_id: string }[]).map(
    (r) => r.tag_id,
  );
}

function tagCode(ctx: StoreContext, tagId: string): string {
  const row = ctx.stmt('SELECT code FROM tags WHERE id = ?').get(tagId) as { code: string } | undefined;
  if (!row) throw new StoreError('not_found', `No topic ${tagId}.`, 'topicNotFound');
  return row.code;
}

/** Tags an instruction; returns the history row to record, or null when it had the topic already. */
function insertTag(ctx: StoreContext, instructionId: string, tagId: string, code: string): Change | null {
  const result = ctx.stmt('INSERT OR IGNORE INTO instruction_tags (instruction_id, tag_id) VALUES (?, ?)').run(instructionId, tagId);
  if (result.changes === 0) return null;
  return { entity: 'instruction', entityId: instructionId, instructionId, field: 'topic', oldValue: null, newValue: code };
}

function addTag(ctx: StoreContext, instructionId: string, tagId: string): boolean {
  const change = insertTag(ctx, instructionId, tagId, tagCode(ctx, tagId));
  if (change) recordChange(ctx, change);
  return change !== null;
}

function removeTag(ctx: StoreContext, instructionId: string, tagId: string): boolean {
  const code = tagCode(ctx, tagId);
  const result = ctx.stmt('DELETE FROM instruction_tags WHERE instruction_id = ? AND tag_id = ?').run(instructionId, tagId);
  if (result.changes === 0) return false;
  recordChange(ctx, { entity: 'instruction', entityId: instructionId, instructionId, field: 'topic', oldValue: code, newValue: null });
  return true;
}

export function setInstructionTags(ctx: StoreContext, instructionId: string, tagIds: string[], expectedVersion?: number): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, instructionId);
    checkVersion(before, expectedVersion);
    const current = new Set(listInstructionTagIds(ctx, instructionId));
    const wanted = new Set(tagIds);
    let changed = false;
    for (const id of current) if (!wanted.has(id)) changed = removeTag(ctx, instructionId, id) || changed;
    for (const id of wanted) if (!current.has(id)) changed = addTag(ctx, instructionId, id) || changed;
    if (changed) touch(ctx, instructionId);
    return getInstruction(ctx, instructionId);
  });
}

// ---- moves on a board ----

export type MoveTarget =
  | { field: 'status'; value: Status }
  | { field: 'organization'; value: string | null }
  | { field: 'meeting'; value: string | null }
  | { field: 'priority'; value: Priority }
  | { field: 'topic'; value: string | null; from: string | null };

export interface MoveInput extends StatusChange {
  id: string;
  /** The column the card goes to; absent for a reorder within its column. */
  to?: MoveTarget;
  /** The swimlane the card goes to, on a board with swimlanes. */
  lane?: MoveTarget;
  afterId?: string | null;
  beforeId?: string | null;
}

function applyTarget(ctx: StoreContext, id: string, target: MoveTarget, change: StatusChange): void {
  switch (target.field) {
    case 'status':
      changeStatus(ctx, id, target.value, { report: change.report, reason: change.reason });
      break;
    case 'organization':
      updateInstruction(ctx, id, { leadOrgId: target.value });
      break;
    case 'meeting':
      updateInstruction(ctx, id, { meetingId: target.value });
      break;
    case 'priority':
      updateInstruction(ctx, id, { priority: target.value });
      break;
    case 'topic': {
      const tags = new Set(listInstructionTagIds(ctx, id));
      if (target.from) tags.delete(target.from);
      if (target.value) tags.add(target.value);
      setInstructionTags(ctx, id, [...tags]);
      break;
    }
  }
}

/**
 * Drops a card into a column (and lane) and a position. The fields the column and lane stand for
 * are set through the same rules as any edit; the position is a rank between the neighbours the
 * official saw.
 */
export function moveInstruction(ctx: StoreContext, input: MoveInput): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, input.id);
    checkVersion(before, input.expectedVersion);
    if (input.afterId === input.id || input.beforeId === input.id) {
      throw new StoreError('validation', 'A card cannot be placed next to itself.', 'moveSelf');
    }
    const target = input.to;
    if (target) applyTarget(ctx, input.id, target, input);
    if (input.lane) applyTarget(ctx, input.id, input.lane, input);
    if (input.afterId !== undefined || input.beforeId !== undefined) {
      const rank = rankBetweenNeighbours(ctx, input.afterId ?? null, input.beforeId ?? null);
      const current = getInstruction(ctx, input.id);
      if (rank !== current.rank) {
        ctx.stmt('UPDATE instructions SET rank = ? WHERE id = ?').run(rank, input.id);
        recordChange(ctx, { entity: 'instruction', entityId: input.id, instructionId: input.id, field: 'rank', oldValue: current.rank, newValue: rank });
        if (!target && !input.lane) touch(ctx, input.id);
      }
    }
    return getInstruction(ctx, input.id);
  });
}
