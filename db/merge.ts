// Merging an exchange file from another official's copy of the app, by UUID.
//
// Records the store lacks are added. For a record both sides have, every field that differs is
// decided from the history rows, which carry stable uids on both machines: rows both sides hold
// are their common past; a row only one side holds is a change that side made since. A field
// changed on one side only takes that side's value; a field changed on both sides is a conflict
// the official settles; a field whose difference no history row explains follows the copy with
// the newer `updatedAt`. History rows of both sides are kept (the union, by uid), and applying
// the merge writes no field history of its own — the copied rows are the record of those changes —
// so importing the same file again finds nothing to do, and later merges see no phantom edits.
// One audit row notes each import that changed anything. Everything happens in one transaction.
//
// One deliberate change of its own: an organization new to this store with the same name and
// country as one it has (both copies of the app created the same ministry), or a person with the
// same name in the same organization, is joined with it, the way an official merges duplicates in
// the directory, with its history rows. The older record survives, so two stores that import each
// other's files pick the same survivor and converge.
import { newId, type StoreContext } from './context';
import { StoreError } from './errors';
import { recordChange } from './history';
import { mergeOrganizations, mergePeople } from './catalog';
import { foldText } from './query';
import { toExchange, type ExchangeDocument } from './exchange';
import { ensureBuiltinBoards } from './boards';
import {
  EXCHANGE_ENTITIES,
  type ConflictChoice,
  type ExchangeCommitResult,
  type ExchangeConflict,
  type ExchangeCounts,
  type ExchangeEntity,
  type ExchangeFieldSide,
  type ExchangePreview,
} from './intake-types';

type Doc = ExchangeDocument;
type Rec = Record<string, unknown> & { id: string };
type HistoryItem = Doc['history'][number];
type Table = 'organizations' | 'people' | 'meetings' | 'instructions' | 'coexecutors' | 'reports' | 'extensions' | 'boards';

type FieldKind = 'bool' | 'json';

interface EntitySpec {
  entity: ExchangeEntity;
  table: Table;
  records: (doc: Doc) => Rec[];
  fromRow: (row: Record<string, unknown>) => Rec;
  /** Fields merged one by one; none for records that never change once written. */
  fields: string[];
  hasUpdatedAt: boolean;
  label: (record: Rec) => string;
  /** History field names that change a merged field, when they differ from the field's own name. */
  historyAlias?: Record<string, string[]>;
  /** The history row that records the record's removal (co-executors and boards can be removed). */
  removal?: { field: string };
}

/** Each table's columns and the exchange fields they hold (booleans and JSON converted). */
const COLUMNS: Record<Table, [column: string, field: string, kind?: FieldKind][]> = {
  organizations: [['id', 'id'], ['name', 'name'], ['short_name', 'shortName'], ['country', 'country'], ['merged_into', 'mergedInto'], ['created_at', 'createdAt'], ['updated_at', 'updatedAt']],
  people: [['id', 'id'], ['full_name', 'fullName'], ['position', 'position'], ['organization_id', 'organizationId'], ['merged_into', 'mergedInto'], ['created_at', 'createdAt'], ['updated_at', 'updatedAt']],
  meetings: [
    ['id', 'id'], ['title', 'title'], ['held_on', 'heldOn'], ['place', 'place'], ['participants', 'participants'], ['protocol_number', 'protocolNumber'],
    ['source_text', 'sourceText'], ['is_demo', 'isDemo', 'bool'], ['created_at', 'createdAt'], ['updated_at', 'updatedAt'],
  ],
  instructions: [
    ['id', 'id'], ['meeting_id', 'meetingId'], ['item_number', 'itemNumber'], ['title', 'title'], ['body', 'body'], ['lead_org_id', 'leadOrgId'],
    ['lead_person_id', 'leadPersonId'], ['controller_id', 'controllerId'], ['due_date', 'dueDate'], ['original_due_date', 'originalDueDate'],
    ['priority', 'priority'], ['status', 'status'], ['on_control', 'onControl', 'bool'], ['rank', 'rank'], ['resolution', 'resolution'],
    ['resolved_at', 'resolvedAt'], ['created_at', 'createdAt'], ['updated_at', 'updatedAt'], ['archived', 'archived', 'bool'], ['is_demo', 'isDemo', 'bool'],
    ['version', 'version'],
  ],
  coexecutors: [['id', 'id'], ['instruction_id', 'instructionId'], ['organization_id', 'organizationId'], ['person_id', 'personId'], ['due_date', 'dueDate'], ['created_at', 'createdAt']],
  reports: [['id', 'id'], ['instruction_id', 'instructionId'], ['kind', 'kind'], ['body', 'body'], ['author', 'author'], ['submitted_at', 'submittedAt']],
  extensions: [
    ['id', 'id'], ['instruction_id', 'instructionId'], ['old_date', 'oldDate'], ['new_date', 'newDate'], ['reason', 'reason'], ['decided_by', 'decidedBy'],
    ['created_at', 'createdAt'],
  ],
  boards: [
    ['id', 'id'], ['name', 'name'], ['builtin', 'builtin'], ['meeting_id', 'meetingId'], ['column_field', 'columnField'], ['swimlane_field', 'swimlaneField'],
    ['filter', 'filter'], ['wip_limits', 'wipLimits', 'json'], ['position', 'position'], ['created_at', 'createdAt'], ['updated_at', 'updatedAt'],
  ],
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const SPECS: EntitySpec[] = [
  {
    entity: 'organization',
    table: 'organizations',
    records: (d) => d.organizations,
    fromRow: toExchange.organization,
    fields: ['name', 'shortName', 'country', 'mergedInto'],
    hasUpdatedAt: true,
    label: (r) => text(r.name),
  },
  {
    entity: 'person',
    table: 'people',
    records: (d) => d.people,
    fromRow: toExchange.person,
    fields: ['fullName', 'position', 'organizationId', 'mergedInto'],
    hasUpdatedAt: true,
    label: (r) => text(r.fullName),
  },
  {
    entity: 'meeting',
    table: 'meetings',
    records: (d) => d.meetings,
    fromRow: toExchange.meeting,
    fields: ['title', 'heldOn', 'place', 'participants', 'protocolNumber', 'sourceText', 'isDemo'],
    hasUpdatedAt: true,
    label: (r) => text(r.title),
  },
  {
    entity: 'instruction',
    table: 'instructions',
    records: (d) => d.instructions,
    fromRow: (row) => toExchange.instruction(row, []),
    // `tags` is the set of topics, compared by code (topic ids differ between machines).
    fields: [
      'meetingId', 'itemNumber', 'title', 'body', 'leadOrgId', 'leadPersonId', 'controllerId', 'dueDate', 'originalDueDate',
      'priority', 'status', 'onControl', 'rank', 'resolution', 'resolvedAt', 'archived', 'isDemo', 'tags',
    ],
    hasUpdatedAt: true,
    label: (r) => text(r.title),
    historyAlias: { dueDate: ['dueDate', 'originalDueDate'], topic: ['tags'] },
  },
  {
    entity: 'coexecutor',
    table: 'coexecutors',
    records: (d) => d.coexecutors,
    fromRow: toExchange.coexecutor,
    fields: ['organizationId', 'personId', 'dueDate'],
    hasUpdatedAt: false,
    label: (r) => text(r.instructionId),
    removal: { field: 'coexecutor' },
  },
  { entity: 'report', table: 'reports', records: (d) => d.reports, fromRow: toExchange.report, fields: [], hasUpdatedAt: false, label: (r) => text(r.body).slice(0, 80) },
  {
    entity: 'extension',
    table: 'extensions',
    records: (d) => d.extensions,
    fromRow: toExchange.extension,
    fields: [],
    hasUpdatedAt: false,
    label: (r) => `${text(r.oldDate)} → ${text(r.newDate)}`,
  },
  {
    entity: 'board',
    table: 'boards',
    // Built-in boards belong to each store (every store makes its own); only boards officials made travel.
    records: (d) => d.boards.filter((b) => b.builtin === null),
    fromRow: toExchange.board,
    fields: ['name', 'columnField', 'swimlaneField', 'filter', 'wipLimits', 'position'],
    hasUpdatedAt: true,
    label: (r) => text(r.name),
    removal: { field: 'deleted' },
  },
];

/** JSON with sorted keys, so that equal objects compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** One text per value, the way history rows write values. */
function canon(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return stableJson(value);
}

function dbValue(kind: FieldKind | undefined, value: unknown): unknown {
  if (kind === 'bool') return value ? 1 : 0;
  if (kind === 'json') return JSON.stringify(value ?? {});
  return value ?? null;
}

function columnOf(spec: EntitySpec, field: string): [column: string, field: string, kind?: FieldKind] {
  const found = COLUMNS[spec.table].find(([, f]) => f === field);
  if (!found) throw new Error(`no column for ${spec.entity}.${field}`);
  return found;
}

function zeroCounts(): ExchangeCounts {
  return Object.fromEntries(EXCHANGE_ENTITIES.map((e) => [e, 0])) as ExchangeCounts;
}

interface PlannedUpdate {
  spec: EntitySpec;
  id: string;
  label: string;
  /** Fields taken from the incoming copy without asking. */
  take: string[];
  incoming: Rec;
  updatedAt: string | null;
}

interface PlannedConflict extends ExchangeConflict {
  spec: EntitySpec;
  incomingRecord: Rec;
}

/** What a merge would do: the preview the official sees, without the file's own name. */
export type MergePlan = Omit<ExchangePreview, 'fileId' | 'fileName'>;

interface PlannedJoin {
  entity: 'organization' | 'person';
  duplicateId: string;
  survivorId: string;
  incoming: string;
  local: string;
}

interface InternalPlan extends MergePlan {
  joins: PlannedJoin[];
  newTags: Doc['tags'];
  tagIdByCode: Map<string, string>;
  inserts: { spec: EntitySpec; record: Rec }[];
  planned: PlannedUpdate[];
  plannedConflicts: PlannedConflict[];
  removals: { spec: EntitySpec; id: string }[];
  history: HistoryItem[];
}

function brokenFile(message: string, params: Record<string, string>): StoreError {
  return new StoreError('validation', `The exchange file is inconsistent: ${message}. Nothing was imported.`, 'intake.exchangeInconsistent', params);
}

function checkUnique(doc: Doc): void {
  for (const spec of [...SPECS, { entity: 'tag' as const, records: (d: Doc) => d.tags as unknown as Rec[] }]) {
    const seen = new Set<string>();
    for (const r of spec.records(doc)) {
      if (seen.has(r.id)) throw brokenFile(`${spec.entity} ${r.id} is listed twice`, { what: `${spec.entity} ${r.id}` });
      seen.add(r.id);
    }
  }
  const uids = new Set<string>();
  for (const h of doc.history) {
    if (uids.has(h.uid)) throw brokenFile(`history row ${h.uid} is listed twice`, { what: `history ${h.uid}` });
    uids.add(h.uid);
  }
}

function planMerge(ctx: StoreContext, doc: Doc): InternalPlan {
  checkUnique(doc);
  const added = zeroCounts();
  const updated = zeroCounts();
  const removed = zeroCounts();
  const unchanged = zeroCounts();

  // ---- topics: matched by code ----
  const localTags = ctx.stmt('SELECT id, code FROM tags').all() as { id: string; code: string }[];
  const tagIdByCode = new Map(localTags.map((t) => [t.code, t.id]));
  const localTagCode = new Map(localTags.map((t) => [t.id, t.code]));
  const incomingTagCode = new Map(doc.tags.map((t) => [t.id, t.code]));
  const newTags: Doc['tags'] = [];
  for (const tag of doc.tags) {
    if (tagIdByCode.has(tag.code)) {
      unchanged.tag++;
      continue;
    }
    const id = localTagCode.has(tag.id) ? newId() : tag.id;
    tagIdByCode.set(tag.code, id);
    newTags.push({ ...tag, id });
    added.tag++;
  }
  const codesOf = (ids: string[], codes: Map<string, string>) =>
    ids
      .map((id) => codes.get(id))
      .filter((c): c is string => c !== undefined)
      .sort();
  for (const i of doc.instructions) {
    for (const tagId of i.tagIds) if (!incomingTagCode.has(tagId)) throw brokenFile(`instruction “${i.title}” has topic ${tagId}, which the file does not list`, { what: tagId });
  }

  // ---- history ----
  const incomingUids = new Set(doc.history.map((h) => h.uid));
  const incomingHistory = new Map<string, HistoryItem[]>();
  for (const h of doc.history) {
    const key = `${h.entity}|${h.entityId}`;
    const list = incomingHistory.get(key);
    if (list) list.push(h);
    else incomingHistory.set(key, [h]);
  }
  const uidExists = ctx.stmt('SELECT 1 FROM history WHERE uid = ?');
  const history = doc.history.filter((h) => uidExists.get(h.uid) === undefined);
  const localHistoryOf = (entity: string, id: string) =>
    ctx.stmt('SELECT uid, field, new_value AS newValue, actor, at FROM history WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, id) as {
      uid: string;
      field: string;
      newValue: string | null;
      actor: string;
      at: string;
    }[];

  // ---- references: everything a record points at is in the file or in the store ----
  const docIds = new Map<Table, Set<string>>(SPECS.map((s) => [s.table, new Set(s.records(doc).map((r) => r.id))]));
  for (const b of doc.boards) docIds.get('boards')?.add(b.id);
  const exists = (table: Table, id: string | null | undefined): boolean =>
    id === null || id === undefined || (docIds.get(table)?.has(id) ?? false) || ctx.stmt(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  const refs: [string, Table, (d: Doc) => { label: string; id: string | null }[]][] = [
    ['organization', 'organizations', (d) => [...d.organizations.map((o) => ({ label: o.name, id: o.mergedInto })), ...d.people.map((p) => ({ label: p.fullName, id: p.organizationId }))]],
    ['organization', 'organizations', (d) => [...d.instructions.map((i) => ({ label: i.title, id: i.leadOrgId })), ...d.coexecutors.map((c) => ({ label: c.instructionId, id: c.organizationId }))]],
    ['person', 'people', (d) => [...d.instructions.flatMap((i) => [{ label: i.title, id: i.leadPersonId }, { label: i.title, id: i.controllerId }]), ...d.people.map((p) => ({ label: p.fullName, id: p.mergedInto }))]],
    ['person', 'people', (d) => d.coexecutors.map((c) => ({ label: c.instructionId, id: c.personId }))],
    ['meeting', 'meetings', (d) => [...d.instructions.map((i) => ({ label: i.title, id: i.meetingId })), ...d.boards.filter((b) => b.builtin === null).map((b) => ({ label: b.name ?? '', id: b.meetingId }))]],
    ['instruction', 'instructions', (d) => [...d.coexecutors, ...d.reports, ...d.extensions].map((c) => ({ label: c.id, id: c.instructionId }))],
  ];
  for (const [what, table, list] of refs) {
    for (const { label, id } of list(doc)) {
      if (!exists(table, id)) throw brokenFile(`“${label}” refers to ${what} ${id}, which is neither in the file nor in this database`, { what: `${what} ${id}` });
    }
  }

  // ---- records ----
  const inserts: InternalPlan['inserts'] = [];
  const planned: PlannedUpdate[] = [];
  const plannedConflicts: PlannedConflict[] = [];
  const removals: InternalPlan['removals'] = [];
  const names = describer(ctx, doc);

  for (const spec of SPECS) {
    const select = ctx.stmt(`SELECT * FROM ${spec.table} WHERE id = ?`);
    const incomingIds = new Set<string>();
    for (const raw of spec.records(doc)) {
      incomingIds.add(raw.id);
      const incoming: Rec = spec.entity === 'instruction' ? { ...raw, tags: codesOf(raw.tagIds as string[], incomingTagCode) } : raw;
      const row = select.get(raw.id) as Record<string, unknown> | undefined;
      if (!row) {
        // A record this store removed on purpose is not brought back.
        const removedHere =
          spec.removal !== undefined &&
          localHistoryOf(spec.entity, raw.id).some((h) => h.field === spec.removal?.field && h.newValue === null && !incomingUids.has(h.uid));
        if (removedHere) unchanged[spec.entity]++;
        else {
          inserts.push({ spec, record: incoming });
          added[spec.entity]++;
        }
        continue;
      }
      if (spec.table === 'boards' && row.builtin !== null) {
        unchanged.board++;
        continue;
      }
      const local = spec.fromRow(row);
      if (spec.entity === 'instruction') {
        const ids = (ctx.stmt('SELECT tag_id FROM instruction_tags WHERE instruction_id = ?').all(raw.id) as { tag_id: string }[]).map((t) => t.tag_id);
        local.tags = codesOf(ids, localTagCode);
      }
      const differing = spec.fields.filter((f) => canon(local[f]) !== canon(incoming[f]));
      if (differing.length === 0) {
        unchanged[spec.entity]++;
        continue;
      }
      const localRows = localHistoryOf(spec.entity, raw.id);
      const localUids = new Set(localRows.map((h) => h.uid));
      const touches = (historyField: string, field: string) => (spec.historyAlias?.[historyField] ?? [historyField]).includes(field);
      const localOnly = localRows.filter((h) => !incomingUids.has(h.uid));
      const incomingOnly = (incomingHistory.get(`${spec.entity}|${raw.id}`) ?? []).filter((h) => !localUids.has(h.uid));
      const incomingNewer = spec.hasUpdatedAt && String(incoming.updatedAt) > String(local.updatedAt);
      const take: string[] = [];
      for (const field of differing) {
        const mine = localOnly.filter((h) => touches(h.field, field));
        const theirs = incomingOnly.filter((h) => touches(h.field, field));
        if (mine.length > 0 && theirs.length > 0) {
          const side = (value: unknown, rows: { actor: string; at: string }[]): ExchangeFieldSide => {
            const last = rows[rows.length - 1];
            return { value: names(spec.entity, field, value), by: last?.actor ?? null, at: last?.at ?? null };
          };
          plannedConflicts.push({
            key: `${spec.entity}:${raw.id}:${field}`,
            entity: spec.entity,
            id: raw.id,
            field,
            label: spec.label(local),
            local: side(local[field], mine),
            incoming: side(incoming[field], theirs),
            spec,
            incomingRecord: incoming,
          });
        } else if (theirs.length > 0 || (mine.length === 0 && incomingNewer)) {
          take.push(field);
        }
      }
      if (take.length > 0) {
        planned.push({
          spec,
          id: raw.id,
          label: spec.label(local),
          take,
          incoming,
          updatedAt: spec.hasUpdatedAt ? [String(local.updatedAt), String(incoming.updatedAt)].sort()[1] ?? null : null,
        });
        updated[spec.entity]++;
      } else if (!plannedConflicts.some((c) => c.id === raw.id)) unchanged[spec.entity]++;
    }
    // Removals the other side made that this store has not seen yet.
    if (spec.removal) {
      for (const [key, rows] of incomingHistory) {
        if (!key.startsWith(`${spec.entity}|`)) continue;
        const id = key.slice(spec.entity.length + 1);
        if (incomingIds.has(id)) continue;
        const removal = rows.some((h) => h.field === spec.removal?.field && h.newValue === null && uidExists.get(h.uid) === undefined);
        const row = removal ? (select.get(id) as Record<string, unknown> | undefined) : undefined;
        if (row && !(spec.table === 'boards' && row.builtin !== null)) {
          removals.push({ spec, id });
          removed[spec.entity]++;
        }
      }
    }
  }

  const joins = planJoins(ctx, doc, inserts);
  const conflicts = plannedConflicts.map(({ spec: _spec, incomingRecord: _r, ...c }) => c);
  const total = (c: ExchangeCounts) => Object.values(c).reduce((a, b) => a + b, 0);
  return {
    exportedAt: doc.exportedAt,
    exportedBy: doc.exportedBy,
    appVersion: doc.appVersion,
    added,
    updated,
    removed,
    unchanged,
    historyAdded: history.length,
    updates: planned.map((u) => ({ entity: u.spec.entity, id: u.id, label: u.label, fields: u.take })),
    conflicts,
    joined: joins.map(({ entity, incoming, local }) => ({ entity, incoming, local })),
    joins,
    // Another import's audit row alone is no change: two officials passing files back and forth
    // would otherwise each record an import of the other's audit row, for ever.
    changes: total(added) + total(updated) + total(removed) + history.filter((h) => h.entity !== 'exchange').length + conflicts.length > 0,
    newTags,
    tagIdByCode,
    inserts,
    planned,
    plannedConflicts,
    removals,
    history,
  };
}

function nameKey(name: string): string {
  return foldText(name).replace(/[«»"“”'’]/g, '').replace(/\s+/g, ' ');
}

interface Joinable {
  id: string;
  name: string;
  createdAt: string;
  /** Country (organizations) or organization (people): must agree where both sides give one. */
  scope: string | null;
}

/**
 * Pairs each incoming record with the one live record here of the same name and a scope that
 * agrees (or is not given). Where either side has two of the name, nothing is joined: the official
 * merges those in the directory. The older record survives, whichever side it came from.
 */
function pairUp(entity: PlannedJoin['entity'], incoming: Joinable[], live: Joinable[]): PlannedJoin[] {
  const group = (items: Joinable[]) => {
    const map = new Map<string, Joinable[]>();
    for (const item of items) map.set(nameKey(item.name), [...(map.get(nameKey(item.name)) ?? []), item]);
    return map;
  };
  const localByName = group(live);
  const joins: PlannedJoin[] = [];
  for (const [key, [theirs, ...more]] of group(incoming)) {
    const [mine, ...others] = localByName.get(key) ?? [];
    if (!theirs || !mine || more.length > 0 || others.length > 0) continue;
    if (theirs.scope !== null && mine.scope !== null && theirs.scope !== mine.scope) continue;
    const theirsFirst = `${theirs.createdAt}|${theirs.id}` < `${mine.createdAt}|${mine.id}`;
    joins.push({
      entity,
      duplicateId: theirsFirst ? mine.id : theirs.id,
      survivorId: theirsFirst ? theirs.id : mine.id,
      incoming: theirs.name,
      local: mine.name,
    });
  }
  return joins;
}

/**
 * Organizations and people to join with the store's: new here and not merged on their side.
 * Organizations match by name and country; then people by full name and organization, with the
 * organizations just joined counted as one. A record here that the file itself merges into
 * another (the other side joined them already) is not live any more.
 */
function planJoins(ctx: StoreContext, doc: Doc, inserts: InternalPlan['inserts']): PlannedJoin[] {
  const incoming = (entity: ExchangeEntity) => inserts.filter(({ spec, record }) => spec.entity === entity && record.mergedInto == null).map(({ record }) => record);
  const mergedByFile = new Set([...doc.organizations, ...doc.people].filter((r) => r.mergedInto !== null).map((r) => r.id));
  const country = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? foldText(value) : null);

  const localOrgs = ctx.stmt('SELECT id, name, country, created_at AS createdAt FROM organizations WHERE merged_into IS NULL').all() as {
    id: string;
    name: string;
    country: string | null;
    createdAt: string;
  }[];
  const orgJoins = pairUp(
    'organization',
    incoming('organization').map((o) => ({ id: o.id, name: String(o.name), createdAt: String(o.createdAt), scope: country(o.country) })),
    localOrgs.filter((o) => !mergedByFile.has(o.id)).map((o) => ({ id: o.id, name: o.name, createdAt: o.createdAt, scope: country(o.country) })),
  );

  const survivorOf = new Map(orgJoins.map((j) => [j.duplicateId, j.survivorId]));
  const org = (id: unknown) => (typeof id === 'string' ? (survivorOf.get(id) ?? id) : null);
  const localPeople = ctx.stmt('SELECT id, full_name AS name, organization_id AS organizationId, created_at AS createdAt FROM people WHERE merged_into IS NULL').all() as {
    id: string;
    name: string;
    organizationId: string | null;
    createdAt: string;
  }[];
  const peopleJoins = pairUp(
    'person',
    incoming('person').map((p) => ({ id: p.id, name: String(p.fullName), createdAt: String(p.createdAt), scope: org(p.organizationId) })),
    localPeople.filter((p) => !mergedByFile.has(p.id)).map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt, scope: org(p.organizationId) })),
  );
  return [...orgJoins, ...peopleJoins];
}

/** Values as the official reads them: names instead of ids, topic codes, plain text. */
function describer(ctx: StoreContext, doc: Doc) {
  const fromDoc = new Map<string, string>();
  for (const o of doc.organizations) fromDoc.set(o.id, o.name);
  for (const p of doc.people) fromDoc.set(p.id, p.fullName);
  for (const m of doc.meetings) fromDoc.set(m.id, m.title);
  const lookups: Record<string, string> = {
    leadOrgId: 'SELECT name AS n FROM organizations WHERE id = ?',
    organizationId: 'SELECT name AS n FROM organizations WHERE id = ?',
    mergedInto: 'SELECT name AS n FROM organizations WHERE id = ?',
    leadPersonId: 'SELECT full_name AS n FROM people WHERE id = ?',
    controllerId: 'SELECT full_name AS n FROM people WHERE id = ?',
    personId: 'SELECT full_name AS n FROM people WHERE id = ?',
    meetingId: 'SELECT title AS n FROM meetings WHERE id = ?',
  };
  return (entity: ExchangeEntity, field: string, value: unknown): string | null => {
    if (field === 'tags') return Array.isArray(value) ? value.join(', ') : null;
    const sql = entity === 'person' && field === 'mergedInto' ? lookups.personId : lookups[field];
    if (sql && typeof value === 'string') {
      const row = ctx.stmt(sql).get(value) as { n: string } | undefined;
      return row?.n ?? fromDoc.get(value) ?? value;
    }
    return canon(value);
  };
}

export function previewMerge(ctx: StoreContext, doc: Doc): MergePlan {
  const plan = ctx.db.transaction(() => planMerge(ctx, doc))();
  return {
    exportedAt: plan.exportedAt,
    exportedBy: plan.exportedBy,
    appVersion: plan.appVersion,
    added: plan.added,
    updated: plan.updated,
    removed: plan.removed,
    unchanged: plan.unchanged,
    historyAdded: plan.historyAdded,
    updates: plan.updates,
    conflicts: plan.conflicts,
    joined: plan.joined,
    changes: plan.changes,
  };
}

/**
 * Applies the merge in one transaction. `choices` settles every conflict by its key; a missing
 * choice, or a choice for a conflict that no longer exists (the store changed since the preview),
 * refuses the whole import.
 */
export function applyMerge(ctx: StoreContext, doc: Doc, choices: Record<string, ConflictChoice>): ExchangeCommitResult {
  return ctx.transaction(() => {
    ctx.db.pragma('defer_foreign_keys = ON');
    const plan = planMerge(ctx, doc);
    const keys = new Set(plan.plannedConflicts.map((c) => c.key));
    const unknown = Object.keys(choices).filter((k) => !keys.has(k));
    const missing = [...keys].filter((k) => !(k in choices));
    if (unknown.length > 0 || missing.length > 0) {
      throw new StoreError(
        'conflict',
        missing.length > 0 && unknown.length === 0
          ? `Choose which version to keep for each of the ${missing.length} conflicting changes. Nothing was imported.`
          : 'The data changed since the preview; review the import again. Nothing was imported.',
        missing.length > 0 && unknown.length === 0 ? 'intake.conflictsUnresolved' : 'intake.stalePreview',
        { count: missing.length },
      );
    }
    if (!plan.changes) return { added: 0, updated: 0, removed: 0, historyAdded: 0, conflictsResolved: 0, joined: 0, changed: false };

    for (const tag of plan.newTags) {
      ctx.stmt('INSERT INTO tags (id, code, name_en, name_ru, name_kk, name_ky) VALUES (?, ?, ?, ?, ?, ?)').run(tag.id, tag.code, tag.names.en, tag.names.ru, tag.names.kk, tag.names.ky);
    }
    const setTags = (instructionId: string, codes: string[]) => {
      ctx.stmt('DELETE FROM instruction_tags WHERE instruction_id = ?').run(instructionId);
      for (const code of codes) ctx.stmt('INSERT INTO instruction_tags (instruction_id, tag_id) VALUES (?, ?)').run(instructionId, plan.tagIdByCode.get(code));
    };

    for (const { spec, record } of plan.inserts) {
      insertRecord(ctx, spec, record);
      if (spec.entity === 'instruction') setTags(record.id, record.tags as string[]);
    }

    // Conflicts settled for the incoming side join the fields taken without asking.
    const updates = new Map(plan.planned.map((u) => [`${u.spec.entity}:${u.id}`, u]));
    let resolved = 0;
    for (const c of plan.plannedConflicts) {
      resolved++;
      if (choices[c.key] !== 'incoming') continue;
      const key = `${c.entity}:${c.id}`;
      const u = updates.get(key) ?? { spec: c.spec, id: c.id, label: c.label, take: [], incoming: c.incomingRecord, updatedAt: null };
      u.take.push(c.field);
      updates.set(key, u);
    }
    for (const u of updates.values()) {
      const columns = u.take.filter((f) => f !== 'tags');
      if (u.take.includes('tags')) setTags(u.id, u.incoming.tags as string[]);
      const sets = columns.map((f) => `${columnOf(u.spec, f)[0]} = ?`);
      const values = columns.map((f) => dbValue(columnOf(u.spec, f)[2], u.incoming[f]));
      if (u.spec.hasUpdatedAt) {
        sets.push('updated_at = max(updated_at, ?)');
        values.push(u.incoming.updatedAt);
      }
      if (u.spec.entity === 'instruction') sets.push('version = version + 1');
      if (sets.length > 0) ctx.stmt(`UPDATE ${u.spec.table} SET ${sets.join(', ')} WHERE id = ?`).run(...values, u.id);
    }

    for (const { spec, id } of plan.removals) ctx.stmt(`DELETE FROM ${spec.table} WHERE id = ?`).run(id);

    const insertHistory = ctx.stmt(
      'INSERT INTO history (uid, instruction_id, entity, entity_id, field, old_value, new_value, note, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const h of plan.history) insertHistory.run(h.uid, h.instructionId, h.entity, h.entityId, h.field, h.oldValue, h.newValue, h.note, h.actor, h.at);

    // After the file's history, so the joins' own history rows are the newest.
    for (const join of plan.joins) {
      if (join.entity === 'organization') mergeOrganizations(ctx, join.duplicateId, join.survivorId);
      else mergePeople(ctx, join.duplicateId, join.survivorId);
    }

    ensureBuiltinBoards(ctx);
    const sum = (c: ExchangeCounts) => Object.values(c).reduce((a, b) => a + b, 0);
    const result: ExchangeCommitResult = {
      added: sum(plan.added),
      updated: updates.size,
      removed: sum(plan.removed),
      historyAdded: plan.history.length,
      conflictsResolved: resolved,
      joined: plan.joins.length,
      changed: true,
    };
    recordChange(ctx, {
      entity: 'exchange',
      entityId: newId(),
      instructionId: null,
      field: 'import',
      oldValue: null,
      newValue: { ...result, exportedBy: doc.exportedBy, exportedAt: doc.exportedAt, choices },
    });
    return result;
  });
}


function insertRecord(ctx: StoreContext, spec: EntitySpec, record: Rec): void {
  const columns = COLUMNS[spec.table];
  ctx
    .stmt(`INSERT INTO ${spec.table} (${columns.map(([c]) => c).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map(([, field, kind]) => dbValue(kind, record[field])));
}
