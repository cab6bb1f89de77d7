// The board's pure logic: where a dropped card lands, which neighbours the store is told, what a
// move changes on the card, and that the board shown before a move is still there to snap back to.
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { Board, BoardCard, BoardColumn, BoardView } from '../../../../db/model';
import {
  boardTitle,
  cellCards,
  cellColumns,
  cellId,
  columnId,
  columnTitle,
  fieldTarget,
  groupTitle,
  itemId,
  moveTarget,
  neighboursOf,
  parseCellId,
  parseItemId,
  planMove,
  sameCell,
  type CellRef,
} from '../../../../renderer/src/board/model';

function card(id: string, patch: Partial<BoardCard> = {}): BoardCard {
  return {
    id,
    itemNumber: id,
    controlNumber: id,
    title: `Instruction ${id}`,
    status: 'assigned',
    priority: 'normal',
    meetingId: null,
    leadOrgId: null,
    dueDate: null,
    overdue: false,
    overdueWorkingDays: null,
    period: null,
    dueSoon: false,
    extensions: 0,
    coexecutors: 0,
    reports: 0,
    tags: [],
    version: 1,
    isDemo: false,
    ...patch,
  };
}

function board(patch: Partial<Board> = {}): Board {
  return {
    id: 'b1',
    name: null,
    builtin: 'control',
    meetingId: null,
    columnField: 'status',
    swimlaneField: null,
    filter: '',
    wipLimits: {},
    sortBy: 'manual',
    position: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  };
}

function column(key: string | null, cards: BoardCard[]): BoardColumn {
  return { key, title: key ?? 'none', count: cards.length, wipLimit: null, cards };
}

/** The control board: assigned a, b, c; in progress d. */
function statusView(): BoardView {
  const assigned = [card('a'), card('b'), card('c')];
  const inProgress = [card('d', { status: 'in_progress' })];
  return {
    board: board(),
    columns: [column('assigned', assigned), column('in_progress', inProgress), column('report_submitted', []), column('resolved', [])],
    lanes: null,
    total: 4,
    today: '2026-12-03',
    problems: [],
  };
}

/** By ministry with topic lanes: org1 holds a (energy) and b (trade); org2 holds c (energy). */
function laneView(): BoardView {
  const a = card('a', { leadOrgId: 'org1', tags: ['energy'] });
  const b = card('b', { leadOrgId: 'org1', tags: ['trade'] });
  const c = card('c', { leadOrgId: 'org2', tags: ['energy'] });
  return {
    board: board({ builtin: null, name: 'Ministries by topic', columnField: 'organization', swimlaneField: 'topic' }),
    columns: [column('org1', [a, b]), column('org2', [c])],
    lanes: [
      { key: 'energy', title: 'Energy', columns: [column('org1', [a]), column('org2', [c])] },
      { key: 'trade', title: 'Trade', columns: [column('org1', [b]), column('org2', [])] },
    ],
    total: 3,
    today: '2026-12-03',
    problems: [],
  };
}

const ids = (cards: BoardCard[]) => cards.map((c) => c.id);
const t = ((key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key)) as unknown as TFunction;

describe('cell and item ids', () => {
  it('round-trip a column, a lane, "no value" and "no lanes"', () => {
    const cells: CellRef[] = [
      { lane: undefined, column: 'assigned' },
      { lane: undefined, column: null },
      { lane: 'energy', column: 'org1' },
      { lane: null, column: null },
    ];
    for (const cell of cells) expect(parseCellId(cellId(cell))).toEqual(cell);
    expect(new Set(cells.map(cellId)).size).toBe(cells.length);
    expect(columnId(null)).not.toBe(columnId('assigned'));
  });

  it('keep a card that stands in two topic columns apart, and find the card again', () => {
    const energy = itemId({ lane: undefined, column: 'energy' }, 'card-1');
    const trade = itemId({ lane: undefined, column: 'trade' }, 'card-1');
    expect(energy).not.toBe(trade);
    expect(parseItemId(trade)).toEqual({ cell: { lane: undefined, column: 'trade' }, cardId: 'card-1' });
  });

  it('compare cells by lane and column', () => {
    expect(sameCell({ lane: 'x', column: 'y' }, { lane: 'x', column: 'y' })).toBe(true);
    expect(sameCell({ lane: 'x', column: 'y' }, { lane: null, column: 'y' })).toBe(false);
  });
});

describe('cells of a board', () => {
  it('without lanes every cell is a board column', () => {
    expect(cellColumns(statusView(), undefined).map((c) => c.key)).toEqual(['assigned', 'in_progress', 'report_submitted', 'resolved']);
    expect(ids(cellCards(statusView(), { lane: undefined, column: 'assigned' }))).toEqual(['a', 'b', 'c']);
  });

  it('with lanes a cell holds only its lane’s cards; an unknown lane or column is empty', () => {
    expect(ids(cellCards(laneView(), { lane: 'energy', column: 'org1' }))).toEqual(['a']);
    expect(ids(cellCards(laneView(), { lane: 'trade', column: 'org2' }))).toEqual([]);
    expect(cellColumns(laneView(), 'nowhere')).toEqual([]);
    expect(cellCards(statusView(), { lane: undefined, column: 'archived' })).toEqual([]);
  });
});

describe('planMove: where a dropped card lands', () => {
  it('a card dropped into another column lands at the index it was dropped at, between the cards around it', () => {
    const plan = planMove(statusView(), 'b', { lane: undefined, column: 'assigned' }, { lane: undefined, column: 'in_progress' }, 0);
    expect(plan).not.toBeNull();
    expect(ids(cellCards(plan!.view, { lane: undefined, column: 'assigned' }))).toEqual(['a', 'c']);
    expect(ids(cellCards(plan!.view, { lane: undefined, column: 'in_progress' }))).toEqual(['b', 'd']);
    expect(plan!.afterId).toBeNull();
    expect(plan!.beforeId).toBe('d');
  });

  it('the moved card takes the new column’s status at once, and the column counts follow', () => {
    const plan = planMove(statusView(), 'b', { lane: undefined, column: 'assigned' }, { lane: undefined, column: 'in_progress' }, 1)!;
    const moved = cellCards(plan.view, { lane: undefined, column: 'in_progress' }).find((c) => c.id === 'b');
    expect(moved?.status).toBe('in_progress');
    expect(plan.view.columns.map((c) => c.count)).toEqual([2, 2, 0, 0]);
    expect(plan.afterId).toBe('d');
    expect(plan.beforeId).toBeNull();
  });

  it('an index past the end puts the card last; a negative one first', () => {
    const last = planMove(statusView(), 'a', { lane: undefined, column: 'assigned' }, { lane: undefined, column: 'in_progress' }, 99)!;
    expect(ids(cellCards(last.view, { lane: undefined, column: 'in_progress' }))).toEqual(['d', 'a']);
    const first = planMove(statusView(), 'a', { lane: undefined, column: 'assigned' }, { lane: undefined, column: 'in_progress' }, -3)!;
    expect(ids(cellCards(first.view, { lane: undefined, column: 'in_progress' }))).toEqual(['a', 'd']);
  });

  it('reordering within a column tells the store the new neighbours', () => {
    const plan = planMove(statusView(), 'c', { lane: undefined, column: 'assigned' }, { lane: undefined, column: 'assigned' }, 0)!;
    expect(ids(cellCards(plan.view, { lane: undefined, column: 'assigned' }))).toEqual(['c', 'a', 'b']);
    expect(plan.afterId).toBeNull();
    expect(plan.beforeId).toBe('a');
    const middle = planMove(statusView(), 'a', { lane: undefined, column: 'assigned' }, { lane: undefined, column: 'assigned' }, 1)!;
    expect(ids(cellCards(middle.view, { lane: undefined, column: 'assigned' }))).toEqual(['b', 'a', 'c']);
    expect([middle.afterId, middle.beforeId]).toEqual(['b', 'c']);
  });

  it('dropping a card where it already is, or a card that is not there, changes nothing', () => {
    expect(planMove(statusView(), 'b', { lane: undefined, column: 'assigned' }, { lane: undefined, column: 'assigned' }, 1)).toBeNull();
    expect(planMove(statusView(), 'zz', { lane: undefined, column: 'assigned' }, { lane: undefined, column: 'resolved' }, 0)).toBeNull();
  });

  it('a card dropped into an empty column is alone there, with no neighbours', () => {
    const plan = planMove(statusView(), 'a', { lane: undefined, column: 'assigned' }, { lane: undefined, column: 'resolved' }, 0)!;
    expect(ids(cellCards(plan.view, { lane: undefined, column: 'resolved' }))).toEqual(['a']);
    expect([plan.afterId, plan.beforeId]).toEqual([null, null]);
  });

  it('moving across lanes changes both the column field and the lane field, and only the two cells', () => {
    const view = laneView();
    const plan = planMove(view, 'a', { lane: 'energy', column: 'org1' }, { lane: 'trade', column: 'org2' }, 0)!;
    expect(ids(cellCards(plan.view, { lane: 'energy', column: 'org1' }))).toEqual([]);
    const moved = cellCards(plan.view, { lane: 'trade', column: 'org2' });
    expect(ids(moved)).toEqual(['a']);
    expect(moved[0]).toMatchObject({ leadOrgId: 'org2', tags: ['trade'] });
    // The neighbours are those in the target cell, not in the whole column.
    expect([plan.afterId, plan.beforeId]).toEqual([null, null]);
    // The headers count the whole column.
    expect(plan.view.columns.map((c) => [c.key, c.count])).toEqual([
      ['org1', 1],
      ['org2', 2],
    ]);
    // An untouched lane stays the very same object, so its rows need not re-render.
    expect(plan.view.lanes![0]!.columns[1]).toBe(view.lanes![0]!.columns[1]);
  });

  it('the board shown before the move is left as it was, so a refused move snaps back to it', () => {
    const before = statusView();
    const copy = structuredClone(before);
    const plan = planMove(before, 'b', { lane: undefined, column: 'assigned' }, { lane: undefined, column: 'resolved' }, 0)!;
    expect(plan.view).not.toBe(before);
    expect(before).toEqual(copy);
  });
});

describe('neighboursOf: where to put a card back', () => {
  it('names the cards before and after it in its cell', () => {
    expect(neighboursOf(statusView(), 'b', { lane: undefined, column: 'assigned' })).toEqual({ afterId: 'a', beforeId: 'c' });
    expect(neighboursOf(statusView(), 'a', { lane: undefined, column: 'assigned' })).toEqual({ afterId: null, beforeId: 'b' });
    expect(neighboursOf(statusView(), 'd', { lane: undefined, column: 'in_progress' })).toEqual({ afterId: null, beforeId: null });
  });

  it('after a move, the old neighbours put the card back where it stood (undo)', () => {
    const before = statusView();
    const from: CellRef = { lane: undefined, column: 'assigned' };
    const back = neighboursOf(before, 'b', from);
    const moved = planMove(before, 'b', from, { lane: undefined, column: 'in_progress' }, 0)!;
    const undone = planMove(moved.view, 'b', { lane: undefined, column: 'in_progress' }, from, 1)!;
    expect(ids(cellCards(undone.view, from))).toEqual(['a', 'b', 'c']);
    expect({ afterId: undone.afterId, beforeId: undone.beforeId }).toEqual(back);
  });
});

describe('what a move asks of the store', () => {
  it('names the field of the board’s columns and the value of the target', () => {
    expect(fieldTarget('status', 'assigned', 'resolved')).toEqual({ field: 'status', value: 'resolved' });
    expect(fieldTarget('priority', 'normal', 'high')).toEqual({ field: 'priority', value: 'high' });
    expect(fieldTarget('organization', 'org1', null)).toEqual({ field: 'organization', value: null });
    expect(fieldTarget('meeting', null, 'm1')).toEqual({ field: 'meeting', value: 'm1' });
  });

  it('a topic move says which topic the card leaves, since a card may have several', () => {
    expect(fieldTarget('topic', 'energy', 'trade')).toEqual({ field: 'topic', value: 'trade', from: 'energy' });
  });

  it('a move within the same column changes no field', () => {
    expect(fieldTarget('status', 'assigned', 'assigned')).toBeUndefined();
    expect(moveTarget(board({ columnField: 'organization' }), 'org1', 'org1')).toBeUndefined();
    expect(moveTarget(board({ columnField: 'organization' }), 'org1', 'org2')).toEqual({ field: 'organization', value: 'org2' });
  });

  it('moving a card from one topic to another replaces that topic and keeps the card’s others', () => {
    const view: BoardView = {
      ...statusView(),
      board: board({ columnField: 'topic' }),
      columns: [column('energy', [card('x', { tags: ['energy', 'water'] })]), column('trade', []), column(null, [])],
    };
    const plan = planMove(view, 'x', { lane: undefined, column: 'energy' }, { lane: undefined, column: 'trade' }, 0)!;
    expect(cellCards(plan.view, { lane: undefined, column: 'trade' })[0]!.tags).toEqual(['water', 'trade']);
    const none = planMove(view, 'x', { lane: undefined, column: 'energy' }, { lane: undefined, column: null }, 0)!;
    expect(cellCards(none.view, { lane: undefined, column: null })[0]!.tags).toEqual(['water']);
  });
});

describe('titles', () => {
  it('a board the official named keeps its name; built-in boards are translated', () => {
    expect(boardTitle(board({ name: 'My board', builtin: null }), t)).toBe('My board');
    expect(boardTitle(board({ builtin: 'by_topic' }), t)).toBe('boards.builtin.by_topic');
    expect(boardTitle(board({ builtin: 'meeting' }), t, 'Summit')).toBe('boards.builtin.meeting {"title":"Summit"}');
  });

  it('status and priority columns are translated, "no value" columns say so, others keep their title', () => {
    expect(groupTitle('status', 'in_progress', 'in_progress', t)).toBe('status.in_progress');
    expect(groupTitle('priority', 'high', 'high', t)).toBe('priority.high');
    expect(groupTitle('organization', null, '', t)).toBe('boards.noValue.organization');
    expect(groupTitle('organization', 'org1', 'Ministry of Energy', t)).toBe('Ministry of Energy');
    expect(columnTitle(board({ columnField: 'topic' }), column('energy', []), t)).toBe('energy');
  });
});
