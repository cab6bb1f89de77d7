// People (officials) that lead, control or co-execute instructions; duplicates are merged into one
// survivor.
import { newId, type StoreContext } from './context';
import { StoreError } from './errors';
import { recordChange, recordDiff } from './history';
import type { Person } from './model';
import { getOrganization } from './organizations';
import { peopleTable, toDomain, type PersonRow } from './schema/index';

const toPerson = toDomain(peopleTable);

export interface PersonInput {
  fullName: string;
  position?: string | null;
  organizationId?: string | null;
}

export function listPeople(ctx: StoreContext): Person[] {
  return (ctx.stmt('SELECT * FROM people WHERE merged_into IS NULL ORDER BY full_name COLLATE NOCASE').all() as PersonRow[]).map(toPerson);
}

export function getPerson(ctx: StoreContext, id: string): Person {
  const row = ctx.stmt('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  if (!row) throw new StoreError('not_found', `No person ${id}.`, 'personNotFound');
  return toPerson(row);
}

export function createPerson(ctx: StoreContext, input: PersonInput, id: string = newId()): Person {
  return ctx.transaction(() => {
    if (input.organizationId) getOrganization(ctx, input.organizationId);
    const at = ctx.timestamp();
    ctx
      .stmt('INSERT INTO people (id, full_name, position, organization_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, input.fullName.trim(), input.position ?? null, input.organizationId ?? null, at, at);
    recordChange(ctx, { entity: 'person', entityId: id, instructionId: null, field: 'created', oldValue: null, newValue: input.fullName });
    return getPerson(ctx, id);
  });
}

export function updatePerson(ctx: StoreContext, id: string, patch: Partial<PersonInput>): Person {
  return ctx.transaction(() => {
    const before = getPerson(ctx, id);
    if (patch.organizationId) getOrganization(ctx, patch.organizationId);
    const after = {
      fullName: patch.fullName?.trim() ?? before.fullName,
      position: patch.position === undefined ? before.position : patch.position,
      organizationId: patch.organizationId === undefined ? before.organizationId : patch.organizationId,
    };
    const changed = recordDiff(ctx, { entity: 'person', entityId: id, instructionId: null }, { ...before }, after);
    if (changed.length > 0) {
      ctx
        .stmt('UPDATE people SET full_name = ?, position = ?, organization_id = ?, updated_at = ? WHERE id = ?')
        .run(after.fullName, after.position, after.organizationId, ctx.timestamp(), id);
    }
    return getPerson(ctx, id);
  });
}

/**
 * Merges a duplicate person into another: instructions (as lead or controller) and co-executor
 * entries move to the survivor, each changed instruction gets history rows, the duplicate stays as
 * a tombstone.
 */
export function mergePeople(ctx: StoreContext, duplicateId: string, survivorId: string): Person {
  if (duplicateId === survivorId) throw new StoreError('validation', 'A person cannot be merged into themselves.', 'mergeSelf');
  return ctx.transaction(() => {
    getPerson(ctx, duplicateId);
    const survivor = getPerson(ctx, survivorId);
    const at = ctx.timestamp();
    for (const [column, field] of [
      ['lead_person_id', 'leadPersonId'],
      ['controller_id', 'controllerId'],
    ] as const) {
      const affected = ctx.stmt(`SELECT id FROM instructions WHERE ${column} = ?`).all(duplicateId) as { id: string }[];
      for (const { id } of affected) {
        recordChange(ctx, { entity: 'instruction', entityId: id, instructionId: id, field, oldValue: duplicateId, newValue: survivorId });
      }
      ctx.stmt(`UPDATE instructions SET ${column} = ?, updated_at = ?, version = version + 1 WHERE ${column} = ?`).run(survivorId, at, duplicateId);
    }
    const coexecutors = ctx.stmt('SELECT id, instruction_id FROM coexecutors WHERE person_id = ?').all(duplicateId) as { id: string; instruction_id: string }[];
    for (const co of coexecutors) {
      recordChange(ctx, { entity: 'coexecutor', entityId: co.id, instructionId: co.instruction_id, field: 'personId', oldValue: duplicateId, newValue: survivorId });
    }
    ctx.stmt('UPDATE coexecutors SET person_id = ? WHERE person_id = ?').run(survivorId, duplicateId);
    ctx.stmt('UPDATE people SET merged_into = ?, updated_at = ? WHERE id = ?').run(survivorId, at, duplicateId);
    recordChange(ctx, { entity: 'person', entityId: duplicateId, instructionId: null, field: 'mergedInto', oldValue: null, newValue: survivorId });
    return survivor;
  });
}
