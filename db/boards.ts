// Boards are saved views: a field that makes the columns, optional swimlanes, a filter in the
// search language and WIP limits. The board view is the one query a board screen needs.
import { newId, type StoreContext } from './context';
import { StoreError } from './errors';
import { recordChange, recordDiff } from './history';
import { compileFilter } from './filter';
import { MAX_QUERY_TERMS, parseQuery } from './query';
import { addDays, daysBetween } from './dates';
import { dueSoonDays } from './instructions';
import { listMeetings } from './meetings';
import { listOrganizations } from './organizations';
import { overdueCounter } from './deadline-rule';
import { organizationShortName } from './organization-names';
import { listTagRows, tagName } from './topics';
import {
  PRIORITIES,
  STATUSES,
  type Board,
  type BoardColumn,
  type BoardField,
  type BoardSort,
  type BoardCard,
  type BoardLane,
  type BoardView,
  type Language,
  type Card,
  type Priority,
  type Status,
  type SwimlaneField,
} from './model';
import { boardsTable, toDomain, type BoardRow } from './schema/index';

function parseWipLimits(text: string): Record<string, number> {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0));
  } catch {
    return {};
  }
}

// WIP limits are read as the stored text here and parsed leniently by parseWipLimits below.
const boardRecord = toDomain({ ...boardsTable, columns: { ...boardsTable.columns, wipLimits: { ...boardsTable.columns.wipLimits, kind: 'text' } } });

/** The stored board as the app shows it: a meeting's own board is of kind `meeting`; bad WIP limits are dropped. */
function toBoard(r: BoardRow): Board {
  const record = boardRecord(r);
  return {
    ...record,
    builtin: r.builtin === null ? null : r.builtin.startsWith('meeting:') ? 'meeting' : r.builtin,
    wipLimits: parseWipLimits(r.wip_limits),
  };
}

export function listBoards(ctx: StoreContext): Board[] {
  return (ctx.stmt('SELECT * FROM boards ORDER BY position, created_at').all() as BoardRow[]).map(toBoard);
}

export function getBoard(ctx: StoreContext, id: string): Board {
  const row = ctx.stmt('SELECT * FROM boards WHERE id = ?').get(id) as BoardRow | undefined;
  if (!row) throw new StoreError('not_found', `No board ${id}.`, 'boardNotFound');
  return toBoard(row);
}

/**
 * The built-in "Due this week" board: every instruction not resolved whose deadline is at the
 * latest the Sunday of the current week, so the ones already overdue too (they are due and not
 * done; the deadline sort puts them first, the longest overdue at the top).
 */
export const DUE_THIS_WEEK = 'due_week';

const BUILTINS: { key: string; field: BoardField; sortBy: BoardSort }[] = [
  { key: 'control', field: 'status', sortBy: 'manual' },
  { key: 'by_ministry', field: 'organization', sortBy: 'manual' },
  { key: 'by_topic', field: 'topic', sortBy: 'manual' },
  { key: DUE_THIS_WEEK, field: 'status', sortBy: 'deadline' },
];

/** Creates the built-in boards that are missing: the standard ones and one per meeting. */
export function ensureBuiltinBoards(ctx: StoreContext): void {
  ctx.transaction(() => {
    const at = ctx.timestamp();
    const insert = ctx.stmt(
      `INSERT OR IGNORE INTO boards (id, name, builtin, meeting_id, column_field, sort_by, position, created_at, updated_at)
       VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
    );
    BUILTINS.forEach((b, i) => insert.run(newId(), b.key, null, b.field, b.sortBy, i, at, at));
    const meetings = ctx.stmt('SELECT id FROM meetings ORDER BY held_on, created_at').all() as { id: string }[];
    for (const m of meetings) insert.run(newId(), `meeting:${m.id}`, m.id, 'status', 'manual', 100, at, at);
  });
}


/** The last day (Sunday) of the week `today` falls in; weeks start on Monday. */
export function endOfWeek(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, weekday === 0 ? 0 : 7 - weekday);
}

function builtinFilter(board: Board, today: string): string {
  return board.builtin === DUE_THIS_WEEK ? `due:<=${endOfWeek(today)} -status:resolved` : '';
}

/** The filters that choose a board's cards: a built-in board's own (this week's dates) and the board's. */
export function boardFilters(ctx: StoreContext, board: Board): string[] {
  return [builtinFilter(board, ctx.today()), board.filter];
}

export interface BoardInput {
  name: string;
  columnField: BoardField;
  /** Limits the board to one meeting's instructions. */
  meetingId?: string | null;
  swimlaneField?: SwimlaneField | null;
  filter?: string;
  wipLimits?: Record<string, number>;
  sortBy?: BoardSort;
}

function checkFilter(ctx: StoreContext, filter: string): void {
  const parsed = parseQuery(filter, ctx.today());
  if (parsed.problems.some((p) => p.code === 'too_many_terms')) {
    const count = parsed.terms.length;
    throw new StoreError('validation', `The filter has ${count} terms: the limit is ${MAX_QUERY_TERMS}. Shorten it.`, 'filterTooLong', { count, limit: MAX_QUERY_TERMS });
  }
  if (parsed.problems.length > 0) {
    const problems = parsed.problems.map(({ code, at, field, value }) => ({ code, at, ...(field ? { field } : {}), ...(value ? { value } : {}) }));
    throw new StoreError('validation', `The board's filter is not valid: ${JSON.stringify(problems)}`, 'badFilter', { problems });
  }
  // Never store a filter that cannot run: SQLite compiles (and so checks) its query here.
  const compiled = compileFilter(ctx, parsed, ctx.today());
  try {
    ctx.db.prepare(`SELECT 1 FROM instructions AS i WHERE ${compiled.where} LIMIT 0`);
  } catch (err) {
    throw new StoreError('validation', `The board's filter cannot run (${err instanceof Error ? err.message : String(err)}): simplify it.`, 'filterCannotRun');
  }
}

export function createBoard(ctx: StoreContext, input: BoardInput): Board {
  return ctx.transaction(() => {
    const name = input.name.trim();
    if (name === '') throw new StoreError('validation', 'A board needs a name.', 'boardNameRequired');
    checkFilter(ctx, input.filter ?? '');
    if (input.meetingId && !ctx.stmt('SELECT 1 FROM meetings WHERE id = ?').get(input.meetingId)) {
      throw new StoreError('not_found', `No meeting ${input.meetingId}.`, 'meetingNotFound');
    }
    const id = newId();
    const at = ctx.timestamp();
    const position = (ctx.stmt('SELECT coalesce(max(position), 0) + 1 AS p FROM boards WHERE builtin IS NULL OR builtin NOT LIKE ?').get('meeting:%') as { p: number }).p;
    ctx
      .stmt(
        `INSERT INTO boards (id, name, builtin, meeting_id, column_field, swimlane_field, filter, wip_limits, sort_by, position, created_at, updated_at)
         VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, name, input.meetingId ?? null, input.columnField, input.swimlaneField ?? null, input.filter ?? '', JSON.stringify(input.wipLimits ?? {}), input.sortBy ?? 'manual', position, at, at);
    recordChange(ctx, { entity: 'board', entityId: id, instructionId: null, field: 'created', oldValue: null, newValue: name });
    return getBoard(ctx, id);
  });
}

export type BoardPatch = Partial<Omit<BoardInput, 'name'>> & { name?: string | null };

export function updateBoard(ctx: StoreContext, id: string, patch: BoardPatch): Board {
  return ctx.transaction(() => {
    const before = getBoard(ctx, id);
    if (patch.filter !== undefined) checkFilter(ctx, patch.filter);
    let name = patch.name === undefined ? before.name : patch.name === null ? null : patch.name.trim();
    if (name === '' || (name === null && before.builtin === null)) {
      if (before.builtin === null) throw new StoreError('validation', 'A board needs a name.', 'boardNameRequired');
      name = null;
    }
    const after = {
      name,
      columnField: patch.columnField ?? before.columnField,
      swimlaneField: patch.swimlaneField === undefined ? before.swimlaneField : patch.swimlaneField,
      filter: patch.filter ?? before.filter,
      wipLimits: patch.wipLimits ?? before.wipLimits,
      sortBy: patch.sortBy ?? before.sortBy,
    };
    const changed = recordDiff(ctx, { entity: 'board', entityId: id, instructionId: null }, { ...before }, after);
    if (changed.length > 0) {
      ctx
        .stmt('UPDATE boards SET name = ?, column_field = ?, swimlane_field = ?, filter = ?, wip_limits = ?, sort_by = ?, updated_at = ? WHERE id = ?')
        .run(after.name, after.columnField, after.swimlaneField, after.filter, JSON.stringify(after.wipLimits), after.sortBy, ctx.timestamp(), id);
    }
    return getBoard(ctx, id);
  });
}

export function deleteBoard(ctx: StoreContext, id: string): void {
  ctx.transaction(() => {
    const board = getBoard(ctx, id);
    if (board.builtin !== null) throw new StoreError('conflict', 'Built-in boards cannot be deleted.', 'builtinBoard');
    ctx.stmt('DELETE FROM boards WHERE id = ?').run(id);
    recordChange(ctx, { entity: 'board', entityId: id, instructionId: null, field: 'deleted', oldValue: board.name, newValue: null });
  });
}

// ---- the board view ----

interface CardRow {
  id: string;
  item_number: string | null;
  control_number: string | null;
  title: string;
  status: Status;
  priority: Priority;
  meeting_id: string | null;
  lead_org_id: string | null;
  due_date: string | null;
  rank: number;
  version: number;
  is_demo: number;
  extensions: number;
  coexecutors: number;
  reports: number;
  tags: string;
  updated_at: string;
  recurrence: string | null;
}

// The counters and topic list are kept by triggers (migration 1), so this stays one indexed scan.
const CARD_SELECT = `
SELECT i.id, i.item_number, i.control_number, i.title, i.status, i.priority, i.meeting_id, i.lead_org_id,
       i.due_date, i.rank, i.version, i.is_demo, i.updated_at, i.recurrence,
       i.extension_count AS extensions, i.coexecutor_count AS coexecutors, i.report_count AS reports, i.tag_list AS tags
  FROM instructions i`;

export interface CardQuery {
  /** The board's own filter and whatever the official typed over it. */
  filters: string[];
  meetingId?: string | null;
  limit?: number;
  /** The board's order; by hand (rank) when absent. */
  sortBy?: BoardSort;
}

/** The number cards are sorted by: the store-wide control number, the item number where a card has none. */
export function controlNumberOf(card: { controlNumber: string | null; itemNumber: string | null }): string | null {
  return card.controlNumber ?? card.itemNumber;
}

const numberOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Orders cards (already in rank order) by the board's sort; ties keep the rank order. */
export function sortCards<T extends Card>(cards: T[], sortBy: BoardSort, today: string, updatedAt: (card: T) => string): T[] {
  if (sortBy === 'manual') return cards;
  const nullsLast = (a: string | null, b: string | null, compare: (a: string, b: string) => number) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : compare(a, b);
  const byDeadline = (a: T, b: T) => nullsLast(a.dueDate, b.dueDate, (x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const overdueDays = (c: T) => (c.overdue && c.dueDate ? daysBetween(c.dueDate, today) : -1);
  const compare: Record<Exclude<BoardSort, 'manual'>, (a: T, b: T) => number> = {
    deadline: byDeadline,
    number: (a, b) => nullsLast(controlNumberOf(a), controlNumberOf(b), (x, y) => numberOrder.compare(x, y)),
    overdue: (a, b) => overdueDays(b) - overdueDays(a) || byDeadline(a, b),
    updated: (a, b) => (updatedAt(a) > updatedAt(b) ? -1 : updatedAt(a) < updatedAt(b) ? 1 : 0),
  };
  const order = compare[sortBy];
  return cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => order(a.card, b.card) || a.index - b.index)
    .map((e) => e.card);
}

/** Cards matching the filters, in the board's order (rank order by default). */
export function queryCards(ctx: StoreContext, query: CardQuery): { cards: Card[]; problems: BoardView['problems'] } {
  const today = ctx.today();
  const parsed = parseQuery(query.filters.filter((f) => f.trim() !== '').join(' '), today);
  if (parsed.problems.length > 0) return { cards: [], problems: parsed.problems };
  const compiled = compileFilter(ctx, parsed, today);
  const params = [...compiled.params];
  let where = compiled.where;
  if (query.meetingId) {
    where += ' AND i.meeting_id = ?';
    params.push(query.meetingId);
  }
  const limit = query.limit ? ` LIMIT ${Math.floor(query.limit)}` : '';
  const rows = ctx.stmt(`${CARD_SELECT} WHERE ${where} ORDER BY i.rank, i.id${limit}`).all(...params) as CardRow[];
  const soon = addDays(today, dueSoonDays(ctx));
  // Organization names from the small reference table rather than a join per card.
  const orgNames = new Map((ctx.stmt('SELECT id, name FROM organizations').all() as { id: string; name: string }[]).map((o) => [o.id, o.name]));
  const updated = new Map(rows.map((r) => [r.id, r.updated_at]));
  const overdueDays = overdueCounter(ctx, today);
  // The period that is due, for periodic instructions (one query when the board has any).
  const periods = new Map<string, { seq: number; label: string }>();
  if (rows.some((r) => r.recurrence !== null)) {
    const open = ctx
      .stmt('SELECT instruction_id, min(seq) AS seq, label FROM instruction_periods WHERE closed_at IS NULL GROUP BY instruction_id')
      .all() as { instruction_id: string; seq: number; label: string }[];
    for (const p of open) periods.set(p.instruction_id, { seq: p.seq, label: p.label });
  }
  const cards = rows.map((r): Card => {
    const open = r.status !== 'resolved';
    const overdue = open && r.due_date !== null && r.due_date < today;
    return {
      id: r.id,
      itemNumber: r.item_number,
      controlNumber: r.control_number,
      title: r.title,
      status: r.status,
      priority: r.priority,
      meetingId: r.meeting_id,
      leadOrgId: r.lead_org_id,
      leadOrgName: r.lead_org_id === null ? null : (orgNames.get(r.lead_org_id) ?? null),
      dueDate: r.due_date,
      overdue,
      overdueWorkingDays: overdue ? overdueDays(r.lead_org_id, r.due_date as string).workingDays : null,
      period: r.recurrence === null ? null : (periods.get(r.id) ?? null),
      dueSoon: open && r.due_date !== null && r.due_date >= today && r.due_date <= soon,
      extensions: r.extensions,
      coexecutors: r.coexecutors,
      reports: r.reports,
      tags: r.tags === '' ? [] : r.tags.split(','),
      rank: r.rank,
      version: r.version,
      isDemo: r.is_demo === 1,
    };
  });
  return { cards: sortCards(cards, query.sortBy ?? 'manual', today, (c) => updated.get(c.id) ?? ''), problems: [] };
}

const PRIORITY_COLUMNS: Priority[] = [...PRIORITIES].reverse();

interface Grouping {
  groups: { key: string | null; title: string }[];
  keysOf: (card: BoardCard) => (string | null)[];
}

/** The groups a field divides cards into (columns or swimlanes), in display order. */
function groupingFor(ctx: StoreContext, field: BoardField, cards: BoardCard[], language: Language): Grouping {
  switch (field) {
    case 'status':
      return { groups: STATUSES.map((s) => ({ key: s, title: s })), keysOf: (c) => [c.status] };
    case 'priority':
      return { groups: PRIORITY_COLUMNS.map((p) => ({ key: p, title: p })), keysOf: (c) => [c.priority] };
    case 'organization': {
      const used = new Set(cards.map((c) => c.leadOrgId));
      const groups: Grouping['groups'] = listOrganizations(ctx)
        .filter((o) => used.has(o.id))
        // The short name in the interface language (db/organization-names.ts).
        .map((o) => ({ key: o.id, title: organizationShortName(o, language) }));
      if (used.has(null)) groups.push({ key: null, title: '' });
      return { groups, keysOf: (c) => [c.leadOrgId] };
    }
    case 'meeting': {
      const used = new Set(cards.map((c) => c.meetingId));
      const groups: Grouping['groups'] = listMeetings(ctx)
        .filter((m) => used.has(m.id))
        .map((m) => ({ key: m.id, title: m.title }));
      if (used.has(null)) groups.push({ key: null, title: '' });
      return { groups, keysOf: (c) => [c.meetingId] };
    }
    case 'topic': {
      const groups: Grouping['groups'] = listTagRows(ctx).map((t) => ({ key: t.id, title: tagName(t, language) }));
      groups.push({ key: null, title: '' });
      return { groups, keysOf: (c) => (c.tags.length === 0 ? [null] : c.tags) };
    }
  }
}

function boardCard({ leadOrgName: _name, rank: _rank, ...card }: Card): BoardCard {
  return card;
}

function buildColumns(board: Board, grouping: Grouping, cards: BoardCard[]): BoardColumn[] {
  const columns = grouping.groups.map(
    (g): BoardColumn => ({ key: g.key, title: g.title, count: 0, wipLimit: g.key === null ? null : (board.wipLimits[g.key] ?? null), cards: [] }),
  );
  const byKey = new Map(columns.map((c) => [c.key, c]));
  for (const card of cards) {
    for (const key of grouping.keysOf(card)) byKey.get(key)?.cards.push(card);
  }
  for (const column of columns) column.count = column.cards.length;
  return columns;
}

export function getBoardView(ctx: StoreContext, boardId: string, search: string, language: Language): BoardView {
  const board = getBoard(ctx, boardId);
  const found = queryCards(ctx, { filters: [...boardFilters(ctx, board), search], meetingId: board.meetingId, sortBy: board.sortBy });
  const { problems } = found;
  const cards = found.cards.map(boardCard);
  const columnGrouping = groupingFor(ctx, board.columnField, cards, language);
  let lanes: BoardLane[] | null = null;
  if (board.swimlaneField) {
    const laneGrouping = groupingFor(ctx, board.swimlaneField, cards, language);
    const laneCards = new Map<string | null, BoardCard[]>(laneGrouping.groups.map((g) => [g.key, []]));
    for (const card of cards) {
      for (const key of laneGrouping.keysOf(card)) laneCards.get(key)?.push(card);
    }
    lanes = laneGrouping.groups
      .map((g) => ({ key: g.key, title: g.title, columns: buildColumns(board, columnGrouping, laneCards.get(g.key) ?? []) }))
      .filter((lane) => lane.columns.some((c) => c.count > 0));
  }
  return {
    board,
    columns: buildColumns(board, columnGrouping, cards),
    lanes,
    total: cards.length,
    today: ctx.today(),
    problems,
  };
}

export function duplicateBoard(ctx: StoreContext, id: string, name: string): Board {
  const source = getBoard(ctx, id);
  return createBoard(ctx, {
    name,
    columnField: source.columnField,
    swimlaneField: source.swimlaneField,
    filter: source.filter,
    wipLimits: source.wipLimits,
    meetingId: source.meetingId,
    sortBy: source.sortBy,
  });
}
