// Organizations (ministries, agencies) that instructions and co-executors point at; duplicates are
// merged into one survivor.
import { newId, type StoreContext } from './context';
import { StoreError } from './errors';
import { recordChange, recordDiff } from './history';
import type { Organization } from './model';
import { NAME_FIELDS, organizationMatcher, organizationNameKey } from './organization-names';
import { organizationsTable, toDomain, type OrganizationRow } from './schema/index';

export { organizationNameKey } from './organization-names';

const toOrganization = toDomain(organizationsTable);

/** The names an organization may record per language (db/organization-names.ts). */
export type LanguageNameField = (typeof NAME_FIELDS)[keyof typeof NAME_FIELDS][keyof (typeof NAME_FIELDS)['en']];
/** In the order of their columns: the four names, then the four short names. */
export const LANGUAGE_NAME_FIELDS: readonly LanguageNameField[] = [...Object.values(NAME_FIELDS).map((f) => f.name), ...Object.values(NAME_FIELDS).map((f) => f.shortName)];

export interface OrganizationInput extends Partial<Record<LanguageNameField, string | null>> {
  name: string;
  shortName?: string | null;
  country?: string | null;
}

/** A name field as stored: trimmed, blank as none. */
function cleanName(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim() ?? '';
  return trimmed === '' ? null : trimmed;
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
      .stmt(
        `INSERT INTO organizations (id, name, short_name, country, name_en, name_ru, name_kk, name_ky, short_name_en, short_name_ru, short_name_kk, short_name_ky, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.name.trim(), input.shortName ?? null, input.country ?? null, ...LANGUAGE_NAME_FIELDS.map((f) => cleanName(input[f])), at, at);
    recordChange(ctx, { entity: 'organization', entityId: id, instructionId: null, field: 'created', oldValue: null, newValue: input.name });
    return getOrganization(ctx, id);
  });
}

/**
 * An organization an official adds by hand: refused when one going by that name (in any language)
 * is already listed (the official is told which one to choose instead). Imports and merges create
 * theirs directly.
 */
export function addOrganization(ctx: StoreContext, input: OrganizationInput): Organization {
  return ctx.transaction(() => {
    const key = organizationNameKey(input.name);
    if (key === '') throw new StoreError('validation', 'An organization needs a name.', 'organizationNameRequired');
    const same = organizationMatcher(ctx).match(input.name, { country: input.country ?? null });
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
      ...Object.fromEntries(LANGUAGE_NAME_FIELDS.map((f) => [f, patch[f] === undefined ? before[f] : cleanName(patch[f])])),
    } as Pick<Organization, 'name' | 'shortName' | 'country' | LanguageNameField>;
    if (organizationNameKey(after.name) === '') throw new StoreError('validation', 'An organization needs a name.', 'organizationNameRequired');
    const changed = recordDiff(ctx, { entity: 'organization', entityId: id, instructionId: null }, { ...before }, after);
    if (changed.length > 0) {
      ctx
        .stmt(
          `UPDATE organizations SET name = ?, short_name = ?, country = ?, name_en = ?, name_ru = ?, name_kk = ?, name_ky = ?,
                  short_name_en = ?, short_name_ru = ?, short_name_kk = ?, short_name_ky = ?, updated_at = ? WHERE id = ?`,
        )
        .run(after.name, after.shortName, after.country, ...LANGUAGE_NAME_FIELDS.map((f) => after[f]), ctx.timestamp(), id);
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
