// Creating many instructions at once (imports): every input checked before anything is written,
// per-row triggers set aside for big batches, the creation history written in one statement.
import { newId, type StoreContext } from '../context';
import { StoreError } from '../errors';
import type { IsoDate } from '../model';
import { applyDeadlineRule, meetingDate } from '../deadline-rule';
import { formatRecurrence, parseRecurrence, refreshPeriods } from '../periods';
import { checkDeadline, checkReference, requireDate, requireText } from './checks';
import { checkCoexecutor } from './coexecutors';
import { maxRank, RANK_GAP } from './ranks';
import type { CoexecutorInput, InstructionInput } from './records';
import { tagCode } from './tags';
import { ControlNumbers, isControlNumberClash } from './control-numbers';

/**
 * Creates many instructions in one transaction under the rules of createInstruction (a title,
 * real dates, existing references, history rows), for imports: each reference is checked once
 * and the ranks follow one another. Returns the new ids in the order of the inputs.
 */
export function createInstructions(ctx: StoreContext, inputs: readonly InstructionInput[]): string[] {
  return ctx.transaction(() => insertInstructions(ctx, inputs, inputs.map(() => newId())), { immediate: true });
}

/** Batches at least this long are written with the per-row triggers set aside (insertInstructions). */
export const BULK_ROWS = 200;

/**
 * The triggers that do per-row work when instructions are created: the full-text row, the topic
 * list and the co-executor count. A bulk insert does that work itself, once for the whole batch.
 */
const PER_ROW_TRIGGERS = ['instructions_fts_insert', 'instructions_search_insert', 'instruction_tags_list_insert', 'coexecutors_count_insert'] as const;

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
  recurrence: string | null;
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
export function insertInstructions(ctx: StoreContext, inputs: readonly InstructionInput[], ids: readonly string[]): string[] {
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
    // The deadline rule: a day off moves to the previous working day of the lead organization.
    const held = input.dueDate || input.coexecutors?.some((co) => co.dueDate) ? meetingDate(ctx, input.meetingId) : null;
    const due = input.dueDate ? applyDeadlineRule(ctx, requireDate(input.dueDate, 'badDate'), input.leadOrgId, held).date : null;
    if (due !== null) checkDeadline(ctx, due, input.meetingId, input.allowPastDeadline === true);
    const tagIds = !input.tagIds ? [] : input.tagIds.length < 2 ? input.tagIds : [...new Set(input.tagIds)];
    for (const tagId of tagIds) {
      if (checked.tags.has(tagId)) continue;
      tagCode(ctx, tagId);
      checked.tags.add(tagId);
    }
    const coexecutors = (input.coexecutors ?? []).map((co) => {
      checkCoexecutor(co, check);
      return co.dueDate ? { ...co, dueDate: applyDeadlineRule(ctx, co.dueDate, input.leadOrgId, held).date } : co;
    });
    const recurrence = input.recurrence ? formatRecurrence(parseRecurrence(input.recurrence.trim())) : null;
    return { input, title, due, recurrence, tagIds, coexecutors };
  });
  if (rows.length === 0) return [];

  const bulk = rows.length >= BULK_ROWS;
  const restoreTriggers = bulk ? setTriggersAside(ctx, PER_ROW_TRIGGERS) : null;
  const at = ctx.timestamp();
  const insert = ctx.stmt(
    `INSERT INTO instructions (id, meeting_id, item_number, title, body, lead_org_id, lead_person_id, controller_id,
       due_date, original_due_date, priority, status, on_control, rank, created_at, updated_at, is_demo, tag_list, coexecutor_count, control_number, recurrence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'assigned', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = ctx.stmt('INSERT INTO instruction_tags (instruction_id, tag_id) VALUES (?, ?)');
  const insertCo = ctx.stmt('INSERT INTO coexecutors (id, instruction_id, organization_id, person_id, due_date, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const numbers = new ControlNumbers(ctx);
  let rank = maxRank(ctx);
  let first = 0;
  let last = 0;
  rows.forEach(({ input, title, due, recurrence, tagIds, coexecutors }, i) => {
    const id = ids[i] as string;
    rank += RANK_GAP;
    const values = (controlNumber: string) => [
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
        controlNumber,
        recurrence,
    ];
    // The UNIQUE index is the last word: a number another connection took meanwhile is skipped.
    const insertNumbered = (): number => {
      for (let number = numbers.propose(input.meetingId, input.itemNumber, input.controlNumber); ; ) {
        try {
          return Number(insert.run(...values(number)).lastInsertRowid);
        } catch (err) {
          if (!isControlNumberClash(err)) throw err;
          numbers.use(number);
          number = numbers.propose(input.meetingId, input.itemNumber, input.controlNumber);
        }
      }
    };
    const rowid = insertNumbered();
    if (i === 0) first = rowid;
    last = rowid;
    for (const tagId of tagIds) insertTag.run(id, tagId);
    for (const co of coexecutors) insertCo.run(newId(), id, co.organizationId ?? null, co.personId ?? null, co.dueDate ?? null, at);
  });
  // New rows take consecutive rowids (one more than the largest), which the statements below rely on.
  if (last - first + 1 !== rows.length) throw new StoreError('internal', 'The new instructions did not get consecutive row ids.');
  if (restoreTriggers) {
    ctx.stmt(`INSERT INTO instruction_fts (rowid, title, body, reports) SELECT rowid, title, body, '' FROM instructions WHERE rowid BETWEEN ? AND ?`).run(first, last);
    ctx.stmt('INSERT OR IGNORE INTO search_index_queue (instruction_rowid) SELECT rowid FROM instructions WHERE rowid BETWEEN ? AND ?').run(first, last);
    restoreTriggers();
  }
  recordCreation(ctx, first, last, at);
  // A periodic instruction's periods, and its due date the first open period's.
  rows.forEach((row, i) => {
    if (row.recurrence !== null) refreshPeriods(ctx, ids[i] as string);
  });
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
      `INSERT INTO history (uid, instruction_id, entity, entity_id, field, old_value, new_value, note, actor, at, action_id)
       SELECT new_id(), instruction_id, entity, entity_id, field, NULL, new_value, NULL, @actor, @at, @action
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
    .run({ actor: ctx.actor(), at, first, last, action: ctx.actionId() });
}
