// Co-executors of an instruction: organizations or people with their own deadline.
import { newId, type StoreContext } from '../context';
import { StoreError } from '../errors';
import { recordChange, recordDiff, type Change } from '../history';
import type { Coexecutor } from '../model';
import { coexecutorsTable, toDomain, type CoexecutorRow } from '../schema/index';
import { applyDeadlineRule, meetingDate } from '../deadline-rule';
import { checkReference, requireDate, touch } from './checks';
import { getInstruction, type CoexecutorInput } from './records';

const toCoexecutor = toDomain(coexecutorsTable);

export function listCoexecutors(ctx: StoreContext, instructionId: string): Coexecutor[] {
  const rows = ctx.stmt('SELECT * FROM coexecutors WHERE instruction_id = ? ORDER BY created_at, rowid').all(instructionId) as CoexecutorRow[];
  return rows.map(toCoexecutor);
}

function describeCoexecutor(co: CoexecutorInput): string {
  return JSON.stringify({ organizationId: co.organizationId ?? null, personId: co.personId ?? null, dueDate: co.dueDate ?? null });
}

/** A co-executor's deadline under the deadline rule, on the lead organization's calendar. */
function ruledCoexecutorDue(ctx: StoreContext, instructionId: string, due: string | null | undefined): string | null | undefined {
  if (!due) return due;
  requireDate(due, 'badDate');
  const instruction = getInstruction(ctx, instructionId);
  return applyDeadlineRule(ctx, due, instruction.leadOrgId, meetingDate(ctx, instruction.meetingId)).date;
}

export function addCoexecutor(ctx: StoreContext, instructionId: string, input: CoexecutorInput): Coexecutor {
  return ctx.transaction(() => {
    getInstruction(ctx, instructionId);
    if (input.dueDate) input = { ...input, dueDate: ruledCoexecutorDue(ctx, instructionId, input.dueDate) };
    const change = insertCoexecutor(ctx, instructionId, input);
    recordChange(ctx, change);
    touch(ctx, instructionId);
    return toCoexecutor(ctx.stmt('SELECT * FROM coexecutors WHERE id = ?').get(change.entityId) as CoexecutorRow);
  });
}

export function checkCoexecutor(input: CoexecutorInput, check: (table: 'organizations' | 'people', id: string | null | undefined) => void): void {
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
      dueDate: patch.dueDate === undefined ? before.dueDate : ruledCoexecutorDue(ctx, before.instructionId, patch.dueDate) ?? null,
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
