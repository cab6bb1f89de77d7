// Organizations, people, meetings and topics: the reference data instructions point at.
import { newId, type StoreContext } from './context';
import { StoreError } from './errors';
import { recordChange, recordDiff } from './history';
import type { Language, Meeting, Organization, Person, Tag } from './model';
import { meetingsTable, organizationsTable, peopleTable, toDomain, type MeetingRow, type OrganizationRow, type PersonRow, type TagRow } from './schema/index';

const toOrganization = toDomain(organizationsTable);
const toPerson = toDomain(peopleTable);
const toMeeting = toDomain(meetingsTable);

// ---- organizations ----

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

// ---- people ----

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

// ---- meetings ----

export interface MeetingInput {
  title: string;
  heldOn?: string | null;
  place?: string | null;
  participants?: string | null;
  protocolNumber?: string | null;
  sourceText?: string | null;
  isDemo?: boolean;
}

export function listMeetings(ctx: StoreContext): Meeting[] {
  return (ctx.stmt('SELECT * FROM meetings ORDER BY held_on DESC, title').all() as MeetingRow[]).map(toMeeting);
}

export function getMeeting(ctx: StoreContext, id: string): Meeting {
  const row = ctx.stmt('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
  if (!row) throw new StoreError('not_found', `No meeting ${id}.`, 'meetingNotFound');
  return toMeeting(row);
}

export function createMeeting(ctx: StoreContext, input: MeetingInput, id: string = newId()): Meeting {
  return ctx.transaction(() => {
    const at = ctx.timestamp();
    ctx
      .stmt(
        `INSERT INTO meetings (id, title, held_on, place, participants, protocol_number, source_text, is_demo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.title.trim(),
        input.heldOn ?? null,
        input.place ?? null,
        input.participants ?? null,
        input.protocolNumber ?? null,
        input.sourceText ?? null,
        input.isDemo ? 1 : 0,
        at,
        at,
      );
    recordChange(ctx, { entity: 'meeting', entityId: id, instructionId: null, field: 'created', oldValue: null, newValue: input.title });
    return getMeeting(ctx, id);
  });
}

export function updateMeeting(ctx: StoreContext, id: string, patch: Partial<Omit<MeetingInput, 'isDemo'>>): Meeting {
  return ctx.transaction(() => {
    const before = getMeeting(ctx, id);
    const after = {
      title: patch.title?.trim() ?? before.title,
      heldOn: patch.heldOn === undefined ? before.heldOn : patch.heldOn,
      place: patch.place === undefined ? before.place : patch.place,
      participants: patch.participants === undefined ? before.participants : patch.participants,
      protocolNumber: patch.protocolNumber === undefined ? before.protocolNumber : patch.protocolNumber,
      sourceText: patch.sourceText === undefined ? before.sourceText : patch.sourceText,
    };
    const changed = recordDiff(ctx, { entity: 'meeting', entityId: id, instructionId: null }, { ...before }, after);
    if (changed.length > 0) {
      ctx
        .stmt(
          `UPDATE meetings SET title = ?, held_on = ?, place = ?, participants = ?, protocol_number = ?, source_text = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(after.title, after.heldOn, after.place, after.participants, after.protocolNumber, after.sourceText, ctx.timestamp(), id);
    }
    return getMeeting(ctx, id);
  });
}

// ---- topics ----

export interface TagInput {
  code: string;
  names: Record<Language, string>;
}

export function tagName(row: TagRow, language: Language): string {
  return row[`name_${language}`];
}

export function listTagRows(ctx: StoreContext): TagRow[] {
  return ctx.stmt('SELECT * FROM tags ORDER BY code').all() as TagRow[];
}

export function listTags(ctx: StoreContext, language: Language): Tag[] {
  return listTagRows(ctx).map((r) => ({ id: r.id, code: r.code, name: tagName(r, language) }));
}

export function ensureTag(ctx: StoreContext, input: TagInput): string {
  const existing = ctx.stmt('SELECT id FROM tags WHERE code = ?').get(input.code) as { id: string } | undefined;
  if (existing) return existing.id;
  const id = newId();
  ctx
    .stmt('INSERT INTO tags (id, code, name_en, name_ru, name_kk, name_ky) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, input.code, input.names.en, input.names.ru, input.names.kk, input.names.ky);
  return id;
}

/** The topics every database starts with (DESIGN.md names the first five). */
export const STANDARD_TOPICS: readonly TagInput[] = [
  { code: 'energy', names: { en: 'Energy', ru: 'Энергетика', kk: 'Энергетика', ky: 'Энергетика' } },
  { code: 'logistics', names: { en: 'Logistics', ru: 'Логистика', kk: 'Логистика', ky: 'Логистика' } },
  { code: 'checkpoints', names: { en: 'Checkpoints', ru: 'Пункты пропуска', kk: 'Өткізу пункттері', ky: 'Өткөрүү пункттары' } },
  { code: 'trade', names: { en: 'Trade', ru: 'Торговля', kk: 'Сауда', ky: 'Соода' } },
  { code: 'tourism', names: { en: 'Tourism', ru: 'Туризм', kk: 'Туризм', ky: 'Туризм' } },
  { code: 'investment', names: { en: 'Investment', ru: 'Инвестиции', kk: 'Инвестициялар', ky: 'Инвестициялар' } },
  { code: 'agriculture', names: { en: 'Agriculture', ru: 'Сельское хозяйство', kk: 'Ауыл шаруашылығы', ky: 'Айыл чарба' } },
  { code: 'health', names: { en: 'Health', ru: 'Здравоохранение', kk: 'Денсаулық сақтау', ky: 'Саламаттыкты сактоо' } },
  { code: 'international', names: { en: 'International cooperation', ru: 'Международное сотрудничество', kk: 'Халықаралық ынтымақтастық', ky: 'Эл аралык кызматташтык' } },
];
