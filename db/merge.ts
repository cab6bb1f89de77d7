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
import { ControlNumbers } from './instructions/control-numbers';
import { StoreError } from './errors';
import { recordChange } from './history';
import { mergeOrganizations } from './organizations';
import { mergePeople } from './people';
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
import { TABLES, encode, exchangeColumns, mergedFields, type Column, type TableDecl } from './schema/index';

type Doc = ExchangeDocument;
type Rec = Record<string, unknown> & { id: string };
type HistoryItem = Doc['history'][number];
type Table = 'organizations' | 'people' | 'meetings' | 'instructions' | 'coexecutors' | 'reports' | 'extensions' | 'boards';

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

const MERGED_TABLES: readonly Table[] = ['organizations', 'people', 'meetings', 'instructions', 'coexecutors', 'reports', 'extensions', 'boards'];

/** The tables records of each kind live in, with their declared columns. */
const DECLS = Object.fromEntries(MERGED_TABLES.map((table) => [table, TABLES[table] as TableDecl])) as Record<Table, TableDecl>;

/** Each table's columns the exchange carries, with their exchange fields (derived from db/schema). */
export const COLUMNS: Record<Table, Column[]> = Object.fromEntries(
  Object.entries(DECLS).map(([table, decl]) => [table, exchangeColumns(decl)]),
) as Record<Table, Column[]>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const SPECS: readonly EntitySpec[] = [
  {
    entity: 'organization',
    table: 'organizations',
    records: (d) => d.organizations,
    fromRow: toExchange.organization,
    fields: mergedFields(DECLS.organizations),
    hasUpdatedAt: true,
    label: (r) => text(r.name),
  },
  {
    entity: 'person',
    table: 'people',
    records: (d) => d.people,
    fromRow: toExchange.person,
    fields: mergedFields(DECLS.people),
    hasUpdatedAt: true,
    label: (r) => text(r.fullName),
  },
  {
    entity: 'meeting',
    table: 'meetings',
    records: (d) => d.meetings,
    fromRow: toExchange.meeting,
    fields: mergedFields(DECLS.meetings),
    hasUpdatedAt: true,
    label: (r) => text(r.title),
  },
  {
    entity: 'instruction',
    table: 'instructions',
    records: (d) => d.instructions,
    fromRow: (row) => toExchange.instruction(row, []),
    // `tags` is the set of topics, compared by code (topic ids differ between machines).
    fields: [...mergedFields(DECLS.instructions), 'tags'],
    hasUpdatedAt: true,
    label: (r) => text(r.title),
    historyAlias: { dueDate: ['dueDate', 'originalDueDate'], topic: ['tags'] },
  },
  {
    entity: 'coexecutor',
    table: 'coexecutors',
    records: (d) => d.coexecutors,
    fromRow: toExchange.coexecutor,
    fields: mergedFields(DECLS.coexecutors),
    hasUpdatedAt: false,
    label: (r) => text(r.instructionId),
    removal: { field: 'coexecutor' },
  },
  { entity: 'report', table: 'reports', records: (d) => d.reports, fromRow: toExchange.report, fields: mergedFields(DECLS.reports), hasUpdatedAt: false, label: (r) => text(r.body).slice(0, 80) },
  {
    entity: 'extension',
    table: 'extensions',
    records: (d) => d.extensions,
    fromRow: toExchange.extension,
    fields: mergedFields(DECLS.extensions),
    hasUpdatedAt: false,
    label: (r) => `${text(r.oldDate)} → ${text(r.newDate)}`,
  },
  {
    entity: 'board',
    table: 'boards',
    // Built-in boards belong to each store (every store makes its own); only boards officials made travel.
    records: (d) => d.boards.filter((b) => b.builtin === null),
    fromRow: toExchange.board,
    fields: mergedFields(DECLS.boards),
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

function columnOf(spec: EntitySpec, field: string): Column {
  const found = COLUMNS[spec.table].find((c) => c.field === field);
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
export type MergePlan = Omit<ExchangePreview, 'fileId' | 'fileName' | 'attachments'>;

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

interface Counts {
  added: ExchangeCounts;
  updated: ExchangeCounts;
  removed: ExchangeCounts;
  unchanged: ExchangeCounts;
}

/** Topics of both sides, matched by code (topic ids differ between machines). */
interface TopicMatch {
  tagIdByCode: Map<string, string>;
  localTagCode: Map<string, string>;
  incomingTagCode: Map<string, string>;
  newTags: Doc['tags'];
}

interface LocalHistoryRow {
  uid: string;
  field: string;
  newValue: string | null;
  actor: string;
  at: string;
}

/** The file's history by record, and what this store already has of it. */
interface HistoryIndex {
  incomingUids: Set<string>;
  incomingHistory: Map<string, HistoryItem[]>;
  /** True when this store has the history row already. */
  known: (uid: string) => boolean;
  /** The file's rows this store lacks: they are copied. */
  history: HistoryItem[];
  localHistoryOf: (entity: string, id: string) => LocalHistoryRow[];
}

/** What planning the records produces, filled spec after spec. */
interface RecordPlan {
  inserts: InternalPlan['inserts'];
  planned: PlannedUpdate[];
  plannedConflicts: PlannedConflict[];
  removals: InternalPlan['removals'];
}

function codesOf(ids: string[], codes: Map<string, string>): string[] {
  return ids
    .map((id) => codes.get(id))
    .filter((c): c is string => c !== undefined)
    .sort();
}

/** Topics new to this store get added (with a fresh id if theirs is taken); every instruction's topics must be listed. */
function matchTopics(ctx: StoreContext, doc: Doc, counts: Counts): TopicMatch {
  const localTags = ctx.stmt('SELECT id, code FROM tags').all() as { id: string; code: string }[];
  const tagIdByCode = new Map(localTags.map((t) => [t.code, t.id]));
  const localTagCode = new Map(localTags.map((t) => [t.id, t.code]));
  const incomingTagCode = new Map(doc.tags.map((t) => [t.id, t.code]));
  const newTags: Doc['tags'] = [];
  for (const tag of doc.tags) {
    if (tagIdByCode.has(tag.code)) {
      counts.unchanged.tag++;
      continue;
    }
    const id = localTagCode.has(tag.id) ? newId() : tag.id;
    tagIdByCode.set(tag.code, id);
    newTags.push({ ...tag, id });
    counts.added.tag++;
  }
  for (const i of doc.instructions) {
    for (const tagId of i.tagIds) if (!incomingTagCode.has(tagId)) throw brokenFile(`instruction “${i.title}” has topic ${tagId}, which the file does not list`, { what: tagId });
  }
  return { tagIdByCode, localTagCode, incomingTagCode, newTags };
}

function indexHistory(ctx: StoreContext, doc: Doc): HistoryIndex {
  const incomingHistory = new Map<string, HistoryItem[]>();
  for (const h of doc.history) {
    const key = `${h.entity}|${h.entityId}`;
    const list = incomingHistory.get(key);
    if (list) list.push(h);
    else incomingHistory.set(key, [h]);
  }
  const uidExists = ctx.stmt('SELECT 1 FROM history WHERE uid = ?');
  const known = (uid: string) => uidExists.get(uid) !== undefined;
  return {
    incomingUids: new Set(doc.history.map((h) => h.uid)),
    incomingHistory,
    known,
    history: doc.history.filter((h) => !known(h.uid)),
    localHistoryOf: (entity, id) =>
      ctx.stmt('SELECT uid, field, new_value AS newValue, actor, at FROM history WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, id) as LocalHistoryRow[],
  };
}

/** Everything a record points at is in the file or in the store; otherwise nothing is imported. */
function checkReferences(ctx: StoreContext, doc: Doc): void {
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
}

/** A record this store lacks is added, unless this store removed it on purpose. */
function planInsert(spec: EntitySpec, incoming: Rec, hist: HistoryIndex, counts: Counts, plan: RecordPlan): void {
  const removedHere =
    spec.removal !== undefined &&
    hist.localHistoryOf(spec.entity, incoming.id).some((h) => h.field === spec.removal?.field && h.newValue === null && !hist.incomingUids.has(h.uid));
  if (removedHere) counts.unchanged[spec.entity]++;
  else {
    plan.inserts.push({ spec, record: incoming });
    counts.added[spec.entity]++;
  }
}

/**
 * For each differing field of a record both sides have: the fields to take from the incoming copy
 * (changed there only, or changed nowhere and the incoming copy is newer); a field both sides
 * changed becomes a conflict.
 */
function decideFields(
  spec: EntitySpec,
  local: Rec,
  incoming: Rec,
  differing: string[],
  hist: HistoryIndex,
  names: ReturnType<typeof describer>,
  plan: RecordPlan,
): string[] {
  const id = incoming.id;
  const localRows = hist.localHistoryOf(spec.entity, id);
  const localUids = new Set(localRows.map((h) => h.uid));
  const touches = (historyField: string, field: string) => (spec.historyAlias?.[historyField] ?? [historyField]).includes(field);
  const localOnly = localRows.filter((h) => !hist.incomingUids.has(h.uid));
  const incomingOnly = (hist.incomingHistory.get(`${spec.entity}|${id}`) ?? []).filter((h) => !localUids.has(h.uid));
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
      plan.plannedConflicts.push({
        key: `${spec.entity}:${id}:${field}`,
        entity: spec.entity,
        id,
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
  return take;
}

/**
 * A record both sides have: each differing field is taken from the side whose own history changed
 * it, is a conflict when both sides changed it, and otherwise follows the newer copy.
 */
function planUpdate(
  ctx: StoreContext,
  spec: EntitySpec,
  row: Record<string, unknown>,
  incoming: Rec,
  topics: TopicMatch,
  hist: HistoryIndex,
  names: ReturnType<typeof describer>,
  counts: Counts,
  plan: RecordPlan,
): void {
  const id = incoming.id;
  const local = spec.fromRow(row);
  if (spec.entity === 'instruction') {
    const ids = (ctx.stmt('SELECT tag_id FROM instruction_tags WHERE instruction_id = ?').all(id) as { tag_id: string }[]).map((t) => t.tag_id);
    local.tags = codesOf(ids, topics.localTagCode);
  }
  const differing = spec.fields.filter((f) => canon(local[f]) !== canon(incoming[f]));
  if (differing.length === 0) {
    counts.unchanged[spec.entity]++;
    return;
  }
  const take = decideFields(spec, local, incoming, differing, hist, names, plan);
  if (take.length > 0) {
    plan.planned.push({
      spec,
      id,
      label: spec.label(local),
      take,
      incoming,
      updatedAt: spec.hasUpdatedAt ? [String(local.updatedAt), String(incoming.updatedAt)].sort()[1] ?? null : null,
    });
    counts.updated[spec.entity]++;
  } else if (!plan.plannedConflicts.some((c) => c.id === id)) counts.unchanged[spec.entity]++;
}

/** Removals the other side made that this store has not seen yet (records the file no longer lists). */
function planRemovals(spec: EntitySpec, select: { get: (id: string) => unknown }, incomingIds: Set<string>, hist: HistoryIndex, counts: Counts, plan: RecordPlan): void {
  if (!spec.removal) return;
  for (const [key, rows] of hist.incomingHistory) {
    if (!key.startsWith(`${spec.entity}|`)) continue;
    const id = key.slice(spec.entity.length + 1);
    if (incomingIds.has(id)) continue;
    const removal = rows.some((h) => h.field === spec.removal?.field && h.newValue === null && !hist.known(h.uid));
    const row = removal ? (select.get(id) as Record<string, unknown> | undefined) : undefined;
    if (row && !(spec.table === 'boards' && row.builtin !== null)) {
      plan.removals.push({ spec, id });
      counts.removed[spec.entity]++;
    }
  }
}

/** Every record of the file, kind after kind: added, updated, in conflict, unchanged; then removals. */
function planRecords(ctx: StoreContext, doc: Doc, topics: TopicMatch, hist: HistoryIndex, counts: Counts): RecordPlan {
  const plan: RecordPlan = { inserts: [], planned: [], plannedConflicts: [], removals: [] };
  const names = describer(ctx, doc);
  for (const spec of SPECS) {
    const select = ctx.stmt(`SELECT * FROM ${spec.table} WHERE id = ?`);
    const incomingIds = new Set<string>();
    for (const raw of spec.records(doc)) {
      incomingIds.add(raw.id);
      const incoming: Rec = spec.entity === 'instruction' ? { ...raw, tags: codesOf(raw.tagIds as string[], topics.incomingTagCode) } : raw;
      const row = select.get(raw.id) as Record<string, unknown> | undefined;
      if (!row) planInsert(spec, incoming, hist, counts, plan);
      // Built-in boards belong to each store.
      else if (spec.table === 'boards' && row.builtin !== null) counts.unchanged.board++;
      else planUpdate(ctx, spec, row, incoming, topics, hist, names, counts, plan);
    }
    planRemovals(spec, select as { get: (id: string) => unknown }, incomingIds, hist, counts, plan);
  }
  return plan;
}

function planMerge(ctx: StoreContext, doc: Doc): InternalPlan {
  checkUnique(doc);
  const counts: Counts = { added: zeroCounts(), updated: zeroCounts(), removed: zeroCounts(), unchanged: zeroCounts() };
  const topics = matchTopics(ctx, doc, counts);
  const hist = indexHistory(ctx, doc);
  checkReferences(ctx, doc);
  const records = planRecords(ctx, doc, topics, hist, counts);
  const joins = planJoins(ctx, doc, records.inserts);
  const conflicts = records.plannedConflicts.map(({ spec: _spec, incomingRecord: _r, ...c }) => c);
  const total = (c: ExchangeCounts) => Object.values(c).reduce((a, b) => a + b, 0);
  const { added, updated, removed } = counts;
  return {
    exportedAt: doc.exportedAt,
    exportedBy: doc.exportedBy,
    appVersion: doc.appVersion,
    ...counts,
    historyAdded: hist.history.length,
    updates: records.planned.map((u) => ({ entity: u.spec.entity, id: u.id, label: u.label, fields: u.take })),
    conflicts,
    joined: joins.map(({ entity, incoming, local }) => ({ entity, incoming, local })),
    joins,
    // Another import's audit row alone is no change: two officials passing files back and forth
    // would otherwise each record an import of the other's audit row, for ever.
    changes: total(added) + total(updated) + total(removed) + hist.history.filter((h) => h.entity !== 'exchange').length + conflicts.length > 0,
    newTags: topics.newTags,
    tagIdByCode: topics.tagIdByCode,
    ...records,
    history: hist.history,
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

/** Every conflict has a choice and every choice a conflict; otherwise the store changed since the preview. */
function checkChoices(plan: InternalPlan, choices: Record<string, ConflictChoice>): void {
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
}

/** Replaces an instruction's topics with the ones of the given codes. */
function setTopics(ctx: StoreContext, plan: InternalPlan, instructionId: string, codes: string[]): void {
  ctx.stmt('DELETE FROM instruction_tags WHERE instruction_id = ?').run(instructionId);
  for (const code of codes) ctx.stmt('INSERT INTO instruction_tags (instruction_id, tag_id) VALUES (?, ?)').run(instructionId, plan.tagIdByCode.get(code));
}

function applyInserts(ctx: StoreContext, plan: InternalPlan): void {
  for (const tag of plan.newTags) {
    ctx.stmt('INSERT INTO tags (id, code, name_en, name_ru, name_kk, name_ky) VALUES (?, ?, ?, ?, ?, ?)').run(tag.id, tag.code, tag.names.en, tag.names.ru, tag.names.kk, tag.names.ky);
  }
  // An added instruction keeps its control number unless an instruction here has it already; then,
  // and for files written before control numbers, it gets one from this store's pattern.
  const numbers = new ControlNumbers(ctx);
  for (const insert of plan.inserts) {
    const { spec } = insert;
    let { record } = insert;
    if (spec.entity === 'instruction') {
      const wanted = typeof record.controlNumber === 'string' ? record.controlNumber : null;
      record = { ...record, controlNumber: numbers.propose(record.meetingId as string | null, record.itemNumber as string | null, wanted) };
    }
    insertRecord(ctx, spec, record);
    if (spec.entity === 'instruction') setTopics(ctx, plan, record.id, record.tags as string[]);
  }
}

/** The updates to write: conflicts settled for the incoming side join the fields taken without asking. */
function settleConflicts(plan: InternalPlan, choices: Record<string, ConflictChoice>): Map<string, PlannedUpdate> {
  const updates = new Map(plan.planned.map((u) => [`${u.spec.entity}:${u.id}`, u]));
  for (const c of plan.plannedConflicts) {
    if (choices[c.key] !== 'incoming') continue;
    const key = `${c.entity}:${c.id}`;
    const u = updates.get(key) ?? { spec: c.spec, id: c.id, label: c.label, take: [], incoming: c.incomingRecord, updatedAt: null };
    u.take.push(c.field);
    updates.set(key, u);
  }
  return updates;
}

function applyUpdates(ctx: StoreContext, plan: InternalPlan, updates: Iterable<PlannedUpdate>): void {
  for (const u of updates) {
    const columns = u.take.filter((f) => f !== 'tags');
    if (u.take.includes('tags')) setTopics(ctx, plan, u.id, u.incoming.tags as string[]);
    const sets = columns.map((f) => `${columnOf(u.spec, f).sql} = ?`);
    const values = columns.map((f) => encode(columnOf(u.spec, f).kind, u.incoming[f]));
    if (u.spec.hasUpdatedAt) {
      sets.push('updated_at = max(updated_at, ?)');
      values.push(u.incoming.updatedAt);
    }
    if (u.spec.entity === 'instruction') sets.push('version = version + 1');
    if (sets.length > 0) ctx.stmt(`UPDATE ${u.spec.table} SET ${sets.join(', ')} WHERE id = ?`).run(...values, u.id);
  }
}

function applyRemovals(ctx: StoreContext, plan: InternalPlan): void {
  for (const { spec, id } of plan.removals) ctx.stmt(`DELETE FROM ${spec.table} WHERE id = ?`).run(id);
}

function copyHistory(ctx: StoreContext, plan: InternalPlan): void {
  const insertHistory = ctx.stmt(
    'INSERT INTO history (uid, instruction_id, entity, entity_id, field, old_value, new_value, note, actor, at, action_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const h of plan.history) insertHistory.run(h.uid, h.instructionId, h.entity, h.entityId, h.field, h.oldValue, h.newValue, h.note, h.actor, h.at, h.actionId ?? null);
}

/** After the file's history, so the joins' own history rows are the newest. */
function applyJoins(ctx: StoreContext, plan: InternalPlan): void {
  for (const join of plan.joins) {
    if (join.entity === 'organization') mergeOrganizations(ctx, join.duplicateId, join.survivorId);
    else mergePeople(ctx, join.duplicateId, join.survivorId);
  }
}

/** The one audit row of an import that changed anything. */
function recordImport(ctx: StoreContext, doc: Doc, result: ExchangeCommitResult, choices: Record<string, ConflictChoice>): void {
  recordChange(ctx, {
    entity: 'exchange',
    entityId: newId(),
    instructionId: null,
    field: 'import',
    oldValue: null,
    newValue: { ...result, exportedBy: doc.exportedBy, exportedAt: doc.exportedAt, choices },
  });
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
    checkChoices(plan, choices);
    if (!plan.changes) return { added: 0, updated: 0, removed: 0, historyAdded: 0, conflictsResolved: 0, joined: 0, changed: false };
    applyInserts(ctx, plan);
    const updates = settleConflicts(plan, choices);
    applyUpdates(ctx, plan, updates.values());
    applyRemovals(ctx, plan);
    copyHistory(ctx, plan);
    applyJoins(ctx, plan);
    ensureBuiltinBoards(ctx);
    const sum = (c: ExchangeCounts) => Object.values(c).reduce((a, b) => a + b, 0);
    const result: ExchangeCommitResult = {
      added: sum(plan.added),
      updated: updates.size,
      removed: sum(plan.removed),
      historyAdded: plan.history.length,
      conflictsResolved: plan.plannedConflicts.length,
      joined: plan.joins.length,
      changed: true,
    };
    recordImport(ctx, doc, result, choices);
    return result;
  });
}

function insertRecord(ctx: StoreContext, spec: EntitySpec, record: Rec): void {
  const columns = COLUMNS[spec.table];
  ctx
    .stmt(`INSERT INTO ${spec.table} (${columns.map((c) => c.sql).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map((c) => encode(c.kind, record[c.field])));
}
