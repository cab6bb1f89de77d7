// Organizations (ministries, agencies) that instructions and co-executors point at; duplicates are
// merged into one survivor.
import { newId, type StoreContext } from './context';
import { StoreError } from './errors';
import { recordChange, recordDiff } from './history';
import type { Organization } from './model';
import { organizationsTable, toDomain, type OrganizationRow } from './schema/index';

const toOrganization = toDomain(organizationsTable);

export interface OrganizationInput {
  name: string;
  shortName?: string | null;
  country?: string | null;
}

export function listOrganizations(ctx: StoreContext): Organization[] {
  const rows = ctx
    .stmt('SELECT * FROM organizations WHERE merged_into IS NULL ORDER BY name COLLATE NOCASE')
    .all() as OrganizationRow[];
  return rows.map(toOrganization);
}

export function getOrganization(ctx: StoreContext, id: string): Organization {
  const row = ctx.stmt('SELECT * FROM organizations WHERE id = ?').get(id) as OrganizationRow | undefined;
  if (!row) throw new StoreError('not_found', `No organization ${id}.`, 'organizationNotFound');
  return toOrganization(row);
}

export function createOrganization(ctx: StoreContext, input: OrganizationInput, id: string = newId()): Organization {
  return ctx.transaction(() => {
    const at = ctx.timestamp();
    ctx
      .stmt('INSERT INTO organizations (id, name, short_name, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, input.name.trim(), input.shortName ?? null, input.country ?? null, at, at);
    recordChange(ctx, { entity: 'organization', entityId: id, instructionId: null, field: 'created', oldValue: null, newValue: input.name });
    return getOrganization(ctx, id);
  });
}

/** A name as officials tell two names apart: case, quotes and spacing do not count. */
export function organizationNameKey(name: string): string {
  return name
    .replace(/[«»"“”„]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase();
}

/**
 * An organization an official adds by hand: refused when one of the same name is already listed
 * (the official is told which one to choose instead). Imports and merges create theirs directly.
 */
export function addOrganization(ctx: StoreContext, input: OrganizationInput): Organization {
  return ctx.transaction(() => {
    const key = organizationNameKey(input.name);
    if (key === '') throw new StoreError('validation', 'An organization needs a name.', 'organizationNameRequired');
    const same = listOrganizations(ctx).find((o) => organizationNameKey(o.name) === key);
    if (same) throw new StoreError('conflict', `“${same.name}” is already in the list of organizations; choose it there.`, 'organizationDuplicate', { name: same.name });
    return createOrganization(ctx, input);
  });
}

export function updateOrganization(ctx: StoreContext, id: string, patch: Partial<OrganizationInput>): Organization {
  return ctx.transaction(() => {
    const before = getOrganization(ctx, id);
    const after = {
      name: patch.name?.trim() ?? before.name,
      shortName: patch.shortName === undefined ? before.shortName : patch.shortName,
      country: patch.country === undefined ? before.country : patch.country,
    };
    const changed = recordDiff(ctx, { entity: 'organization', entityId: id, instructionId: null }, { ...before }, after);
    if (changed.length > 0) {
      ctx
        .stmt('UPDATE organizations SET name = ?, short_name = ?, country = ?, updated_at = ? WHERE id = ?')
        .run(after.name, after.shortName, after.country, ctx.timestamp(), id);
    }
    return getOrganization(ctx, id);
  });
}

/**
 * Merges a duplicate organization into another: every reference moves to the survivor (with a
 * history row on each instruction that changes), the duplicate stays as a tombstone.
 */
export function mergeOrganizations(ctx: StoreContext, duplicateId: string, survivorId: string): Organization {
  if (duplicateId === survivorId) throw new StoreError('validation', 'An organization cannot be merged into itself.', 'mergeSelf');
  return ctx.transaction(() => {
    getOrganization(ctx, duplicateId);
    const survivor = getOrganization(ctx, survivorId);
    const affected = ctx.stmt('SELECT id FROM instructions WHERE lead_org_id = ?').all(duplicateId) as { id: string }[];
    for (const { id } of affected) {
      recordChange(ctx, { entity: 'instruction', entityId: id, instructionId: id, field: 'leadOrgId', oldValue: duplicateId, newValue: survivorId });
    }
    const at = ctx.timestamp();
    ctx.stmt('UPDATE instructions SET lead_org_id = ?, updated_at = ?, version = version + 1 WHERE lead_org_id = ?').run(survivorId, at, duplicateId);
    const coexecutors = ctx.stmt('SELECT id, instruction_id FROM coexecutors WHERE organization_id = ?').all(duplicateId) as { id: string; instruction_id: string }[];
    for (const co of coexecutors) {
      recordChange(ctx, { entity: 'coexecutor', entityId: co.id, instructionId: co.instruction_id, field: 'organizationId', oldValue: duplicateId, newValue: survivorId });
    }
    ctx.stmt('UPDATE coexecutors SET organization_id = ? WHERE organization_id = ?').run(survivorId, duplicateId);
    const people = ctx.stmt('SELECT id FROM people WHERE organization_id = ?').all(duplicateId) as { id: string }[];
    for (const person of people) {
      recordChange(ctx, { entity: 'person', entityId: person.id, instructionId: null, field: 'organizationId', oldValue: duplicateId, newValue: survivorId });
    }
    ctx.stmt('UPDATE people SET organization_id = ?, updated_at = ? WHERE organization_id = ?').run(survivorId, at, duplicateId);
    ctx.stmt('UPDATE organizations SET merged_into = ?, updated_at = ? WHERE id = ?').run(survivorId, at, duplicateId);
    recordChange(ctx, { entity: 'organization', entityId: duplicateId, instructionId: null, field: 'mergedInto', oldValue: null, newValue: survivor.id });
    return survivor;
  });
}
