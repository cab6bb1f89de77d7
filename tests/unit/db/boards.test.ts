import { describe, expect, it } from 'vitest';
import { createBoard, deleteBoard, duplicateBoard, ensureBuiltinBoards, getBoardView, listBoards, updateBoard } from '../../../db/boards';
import { listOrganizations, mergeOrganizations } from '../../../db/organizations';
import { createPerson, getPerson, listPeople, mergePeople } from '../../../db/people';
import { listInstructionHistory } from '../../../db/history';
import { getInstruction, listCoexecutors, moveInstruction } from '../../../db/instructions';
import { StoreError } from '../../../db/errors';
import { tempStore } from '../../support/temp';
import { smallWorld, tagId } from '../../support/fixtures';
import type { StoreContext } from '../../../db/context';

function control(ctx: StoreContext) {
  return listBoards(ctx).find((b) => b.builtin === 'control')!;
}

function column(ctx: StoreContext, boardId: string, key: string | null): string[] {
  const view = getBoardView(ctx, boardId, '', 'en');
  return view.columns.find((c) => c.key === key)!.cards.map((c) => c.title);
}

describe('boards', () => {
  it('shows a column per status with counts and derived overdue flags', async () => {
    const now = new Date(2026, 10, 27, 12);
    const { ctx } = await tempStore({ now: () => now });
    const { add } = smallWorld(ctx);
    add('Late', { dueDate: '2026-11-26', allowPastDeadline: true });
    add('Soon', { dueDate: '2026-11-29', allowPastDeadline: true });
    add('Later', { dueDate: '2027-01-01' });
    const view = getBoardView(ctx, control(ctx).id, '', 'en');
    expect(view.columns.map((c) => [c.key, c.count])).toEqual([
      ['assigned', 3],
      ['in_progress', 0],
      ['report_submitted', 0],
      ['resolved', 0],
    ]);
    expect(view.columns[0]!.cards.map((c) => [c.title, c.overdue, c.dueSoon])).toEqual([
      ['Late', true, false],
      ['Soon', false, true],
      ['Later', false, false],
    ]);
  });

  it('moves a card to another column through the workflow rules and to a position', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const a = add('A');
    const b = add('B');
    const c = add('C');
    const board = control(ctx).id;
    moveInstruction(ctx, { id: c.id, to: { field: 'status', value: 'in_progress' } });
    moveInstruction(ctx, { id: a.id, to: { field: 'status', value: 'in_progress' }, afterId: null, beforeId: c.id });
    expect(column(ctx, board, 'in_progress')).toEqual(['A', 'C']);
    expect(column(ctx, board, 'assigned')).toEqual(['B']);
    // Reorder within the column.
    moveInstruction(ctx, { id: a.id, afterId: c.id, beforeId: null });
    expect(column(ctx, board, 'in_progress')).toEqual(['C', 'A']);
    // A move the rules refuse changes nothing.
    expect(() => moveInstruction(ctx, { id: b.id, to: { field: 'status', value: 'resolved' } })).toThrow(StoreError);
    expect(getInstruction(ctx, b.id).status).toBe('assigned');
    expect(column(ctx, board, 'assigned')).toEqual(['B']);
  });

  it('keeps finding room between two cards after many moves into the same gap', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const first = add('first');
    add('last');
    const moved = Array.from({ length: 40 }, (_, i) => add(`m${i}`));
    // Always drop right after `first`: the gap halves each time until the ranks are spread again.
    for (const m of moved) moveInstruction(ctx, { id: m.id, afterId: first.id, beforeId: getNext(ctx, first.id) });
    const titles = column(ctx, control(ctx).id, 'assigned');
    expect(titles[0]).toBe('first');
    expect(titles.slice(1, 41)).toEqual(moved.map((m) => m.title).reverse());
    expect(titles.at(-1)).toBe('last');
  });

  it('sets the field of the target column on boards by organization and by topic', async () => {
    const { ctx } = await tempStore();
    const { add, economy } = smallWorld(ctx);
    const item = add('Trade corridor', { tagIds: [tagId(ctx, 'trade')] });
    const byMinistry = listBoards(ctx).find((b) => b.builtin === 'by_ministry')!;
    moveInstruction(ctx, { id: item.id, to: { field: 'organization', value: economy.id } });
    expect(column(ctx, byMinistry.id, economy.id)).toEqual(['Trade corridor']);

    const byTopic = listBoards(ctx).find((b) => b.builtin === 'by_topic')!;
    moveInstruction(ctx, { id: item.id, to: { field: 'topic', value: tagId(ctx, 'logistics'), from: tagId(ctx, 'trade') } });
    expect(column(ctx, byTopic.id, tagId(ctx, 'logistics'))).toEqual(['Trade corridor']);
    expect(column(ctx, byTopic.id, tagId(ctx, 'trade'))).toEqual([]);
  });
});

function getNext(ctx: StoreContext, id: string): string | null {
  const row = ctx.db
    .prepare('SELECT id FROM instructions WHERE rank > (SELECT rank FROM instructions WHERE id = ?) ORDER BY rank, id LIMIT 1')
    .get(id) as { id: string } | undefined;
  return row?.id ?? null;
}

describe('board views', () => {
  it('groups cards into swimlanes that line up with the columns', async () => {
    const { ctx } = await tempStore();
    const { add, economy } = smallWorld(ctx);
    add('Energy A', { tagIds: [tagId(ctx, 'energy')] });
    add('Energy B', { tagIds: [tagId(ctx, 'energy')], leadOrgId: economy.id });
    add('Trade', { tagIds: [tagId(ctx, 'trade')] });
    const board = createBoard(ctx, { name: 'By ministry and topic', columnField: 'organization', swimlaneField: 'topic' });
    const view = getBoardView(ctx, board.id, '', 'ru');
    expect(view.lanes?.map((l) => [l.title, l.columns.map((c) => c.count)])).toEqual([
      ['Энергетика', [1, 1]],
      ['Торговля', [0, 1]],
    ]);
    expect(view.columns.map((c) => c.count)).toEqual([1, 2]);
  });

  it('duplicates a board with its settings, and refuses to delete a built-in one', async () => {
    const { ctx } = await tempStore();
    const { meeting } = smallWorld(ctx);
    ensureBuiltinBoards(ctx);
    const meetingBoard = listBoards(ctx).find((b) => b.meetingId === meeting.id)!;
    updateBoard(ctx, meetingBoard.id, { wipLimits: { assigned: 3 }, filter: 'priority:high' });
    const copy = duplicateBoard(ctx, meetingBoard.id, 'Copy');
    expect(copy).toMatchObject({ name: 'Copy', builtin: null, meetingId: meeting.id, filter: 'priority:high', wipLimits: { assigned: 3 } });
    expect(() => deleteBoard(ctx, meetingBoard.id)).toThrow(StoreError);
    deleteBoard(ctx, copy.id);
    expect(listBoards(ctx).some((b) => b.id === copy.id)).toBe(false);
    expect(() => createBoard(ctx, { name: 'Bad', columnField: 'status', filter: 'colour:red' })).toThrow(/filter/);
  });
});

describe('merging duplicates', () => {
  it('moves instructions, co-executors and people to the surviving organization, with history', async () => {
    const { ctx } = await tempStore();
    const { add, energy, economy } = smallWorld(ctx);
    const item = add('Task');
    const co = add('Other', { leadOrgId: economy.id, coexecutors: [{ organizationId: energy.id }] });
    const person = createPerson(ctx, { fullName: 'Иванов И.И.', organizationId: energy.id });
    mergeOrganizations(ctx, energy.id, economy.id);
    expect(getInstruction(ctx, item.id).leadOrgId).toBe(economy.id);
    expect(listCoexecutors(ctx, co.id)[0]!.organizationId).toBe(economy.id);
    expect(getPerson(ctx, person.id).organizationId).toBe(economy.id);
    expect(listOrganizations(ctx).map((o) => o.id)).not.toContain(energy.id);
    expect(listInstructionHistory(ctx, item.id).at(-1)).toMatchObject({ field: 'leadOrgId', oldValue: energy.id, newValue: economy.id });
  });

  it('moves a duplicate person’s instructions to the survivor', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const a = createPerson(ctx, { fullName: 'Akylbek Japarov' });
    const b = createPerson(ctx, { fullName: 'Ақылбек Жапаров' });
    const item = add('Task', { leadPersonId: b.id, controllerId: b.id });
    mergePeople(ctx, b.id, a.id);
    expect(getInstruction(ctx, item.id)).toMatchObject({ leadPersonId: a.id, controllerId: a.id });
    expect(listPeople(ctx).map((p) => p.fullName)).toEqual(['Akylbek Japarov']);
    expect(() => mergePeople(ctx, a.id, a.id)).toThrow(StoreError);
  });
});
