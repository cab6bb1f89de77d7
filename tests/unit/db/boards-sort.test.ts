// Sorting a board's columns, the built-in "Due this week" board, and the sort order travelling in
// the exchange file.
import { describe, expect, it } from 'vitest';
import { controlNumberOf, createBoard, endOfWeek, getBoardView, listBoards, updateBoard } from '../../../db/boards';
import { exportExchange, exchangeDocumentSchema } from '../../../db/exchange';
import { applyMerge } from '../../../db/merge';
import { moveInstruction, updateInstruction } from '../../../db/instructions';
import { tempStore } from '../../support/temp';
import { smallWorld } from '../../support/fixtures';
import type { StoreContext } from '../../../db/context';
import type { BoardSort } from '../../../db/model';

function titles(ctx: StoreContext, boardId: string, column = 'assigned'): string[] {
  return getBoardView(ctx, boardId, '', 'en').columns.find((c) => c.key === column)!.cards.map((c) => c.title);
}

function control(ctx: StoreContext) {
  return listBoards(ctx).find((b) => b.builtin === 'control')!;
}

describe('sorting a board', () => {
  it('orders each column by hand, deadline, control number, days overdue or last change', async () => {
    let now = new Date(2026, 10, 27, 12); // Friday 27 November 2026
    const { ctx } = await tempStore({ now: () => now });
    const { add } = smallWorld(ctx);
    // Made in this order, so "by hand" is the order of creation.
    const a = add('A: number 10, due in a month', { itemNumber: '10', controlNumber: '10', allowPastDeadline: true, dueDate: '2026-12-27' });
    add('B: number 2, 5 days overdue', { itemNumber: '2', controlNumber: '2', allowPastDeadline: true, dueDate: '2026-11-22' });
    // No item number: its control number is the store's running one; lettered here so it sorts last.
    add('C: no number, no deadline', { controlNumber: 'Z-1' });
    add('D: number 1.10, 1 day overdue', { itemNumber: '1.10', controlNumber: '1.10', allowPastDeadline: true, dueDate: '2026-11-26' });
    add('E: number 1.2, due tomorrow', { itemNumber: '1.2', controlNumber: '1.2', allowPastDeadline: true, dueDate: '2026-11-28' });
    now = new Date(2026, 10, 27, 13);
    updateInstruction(ctx, a.id, { body: 'changed last' });

    const board = control(ctx);
    const order = (sortBy: BoardSort) => titles(ctx, updateBoard(ctx, board.id, { sortBy }).id).map((t) => t[0]);
    expect(order('manual')).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(order('deadline')).toEqual(['B', 'D', 'E', 'A', 'C']);
    // Outline numbers: 1.2 before 1.10 before 2 before 10.
    expect(order('number')).toEqual(['E', 'D', 'B', 'A', 'C']);
    expect(order('overdue')).toEqual(['B', 'D', 'E', 'A', 'C']);
    expect(order('updated')[0]).toBe('A');
    expect(controlNumberOf({ controlNumber: '12/7', itemNumber: '7' })).toBe('12/7');
    expect(controlNumberOf({ controlNumber: null, itemNumber: '7' })).toBe('7');
  });

  it('keeps the hand-made order underneath: moves by hand still work and show again when sorted by hand', async () => {
    const { ctx } = await tempStore({ now: () => new Date(2026, 10, 27, 12) });
    const { add } = smallWorld(ctx);
    const late = add('Late', { allowPastDeadline: true, dueDate: '2026-12-30' });
    const early = add('Early', { allowPastDeadline: true, dueDate: '2026-12-01' });
    const board = updateBoard(ctx, control(ctx).id, { sortBy: 'deadline' });
    expect(titles(ctx, board.id)).toEqual(['Early', 'Late']);
    moveInstruction(ctx, { id: early.id, afterId: late.id });
    expect(titles(ctx, board.id)).toEqual(['Early', 'Late']);
    updateBoard(ctx, board.id, { sortBy: 'manual' });
    expect(titles(ctx, board.id)).toEqual(['Late', 'Early']);
  });

  it('is saved with a board made, duplicated and carried by the exchange file; a file without it sorts by hand', async () => {
    const { ctx } = await tempStore({ now: () => new Date(2026, 10, 27, 12) });
    smallWorld(ctx);
    const made = createBoard(ctx, { name: 'Energy by deadline', columnField: 'status', sortBy: 'overdue' });
    expect(made.sortBy).toBe('overdue');
    const doc = exportExchange(ctx, '0.0.0-test');
    expect(doc.boards.find((b) => b.id === made.id)?.sortBy).toBe('overdue');

    const other = await tempStore({ now: () => new Date(2026, 10, 28, 12) });
    applyMerge(other.ctx, doc, {});
    expect(listBoards(other.ctx).find((b) => b.id === made.id)?.sortBy).toBe('overdue');

    // A file written before boards were sorted: the board arrives sorted by hand.
    const older = JSON.parse(JSON.stringify(doc)) as { boards: Record<string, unknown>[] };
    for (const b of older.boards) delete b.sortBy;
    const parsed = exchangeDocumentSchema.parse(older);
    const third = await tempStore({ now: () => new Date(2026, 10, 28, 12) });
    applyMerge(third.ctx, parsed, {});
    expect(listBoards(third.ctx).find((b) => b.id === made.id)?.sortBy).toBe('manual');
  });
});

describe('the built-in "Due this week" board', () => {
  it('ends the week on Sunday', () => {
    expect(endOfWeek('2026-11-23')).toBe('2026-11-29'); // Monday
    expect(endOfWeek('2026-11-27')).toBe('2026-11-29'); // Friday
    expect(endOfWeek('2026-11-29')).toBe('2026-11-29'); // Sunday
    expect(endOfWeek('2026-12-31')).toBe('2027-01-03'); // across the year
  });

  it('holds what is not resolved and due by Sunday, the overdue ones included and first, by deadline', async () => {
    const { ctx } = await tempStore({ now: () => new Date(2026, 10, 27, 12) }); // Friday
    const { add } = smallWorld(ctx);
    add('Due Sunday', { allowPastDeadline: true, dueDate: '2026-11-29' });
    add('Overdue', { allowPastDeadline: true, dueDate: '2026-11-20' });
    add('Due Monday next week', { allowPastDeadline: true, dueDate: '2026-11-30' });
    add('No deadline');
    const today = add('Due today, in progress', { allowPastDeadline: true, dueDate: '2026-11-27' });
    moveInstruction(ctx, { id: today.id, to: { field: 'status', value: 'in_progress' } });
    const done = add('Resolved this week', { allowPastDeadline: true, dueDate: '2026-11-28' });
    moveInstruction(ctx, { id: done.id, to: { field: 'status', value: 'report_submitted' }, report: 'Done.' });
    moveInstruction(ctx, { id: done.id, to: { field: 'status', value: 'resolved' }, report: 'Done in full.' });

    const week = listBoards(ctx).find((b) => b.builtin === 'due_week')!;
    expect(week.sortBy).toBe('deadline');
    const view = getBoardView(ctx, week.id, '', 'en');
    expect(view.total).toBe(3);
    expect(titles(ctx, week.id)).toEqual(['Overdue', 'Due Sunday']);
    expect(titles(ctx, week.id, 'in_progress')).toEqual(['Due today, in progress']);
    expect(titles(ctx, week.id, 'resolved')).toEqual([]);
  });
});
