// A board filter too long to run is refused where it is typed (saving a board, the search over
// a board, a report's selection), and never stored; one at the limit still opens.
import { describe, expect, it } from 'vitest';
import { createBoard, getBoard, getBoardView, updateBoard } from '../../../db/boards';
import { MAX_QUERY_TERMS } from '../../../db/query';
import { readReportSnapshot } from '../../../db/reports';
import { StoreError } from '../../../db/errors';
import { smallWorld } from '../../support/fixtures';
import { tempStore } from '../../support/temp';

/** A filter of `n` terms, the kinds the compiler nests deepest. */
function filterOf(n: number): string {
  const kinds = ['energy', '-status:resolved', '-overdue:yes', '-assignee:Zhaparov', 'org:energy', '"supply plan"'];
  return Array.from({ length: n }, (_, i) => kinds[i % kinds.length]).join(' ');
}

function refusal(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('board filters and their length', () => {
  it(`states its limit: ${200} terms`, () => {
    expect(MAX_QUERY_TERMS).toBe(200);
  });

  it('refuses to create a board whose filter has a thousand words, with the message and the limit', async () => {
    const { ctx } = await tempStore();
    smallWorld(ctx);
    const error = refusal(() => createBoard(ctx, { name: 'Long', columnField: 'status', filter: filterOf(1000) }));
    expect(error).toMatchObject({ code: 'validation', key: 'filterTooLong', params: { count: 1000, limit: 200 } });
    expect(error.message).toBe('The filter has 1000 terms: the limit is 200. Shorten it.');
  });

  it('refuses to update a board to such a filter and leaves the stored board unchanged', async () => {
    const { ctx } = await tempStore();
    smallWorld(ctx);
    const board = createBoard(ctx, { name: 'Energy', columnField: 'status', filter: 'energy' });
    const error = refusal(() => updateBoard(ctx, board.id, { filter: filterOf(MAX_QUERY_TERMS + 1) }));
    expect(error).toMatchObject({ code: 'validation', key: 'filterTooLong' });
    expect(getBoard(ctx, board.id)).toEqual(board);
    expect(getBoardView(ctx, board.id, '', 'en').problems).toEqual([]);
  });

  it('stores and opens a board whose filter is at the limit', async () => {
    const { ctx } = await tempStore();
    smallWorld(ctx);
    const board = createBoard(ctx, { name: 'At the limit', columnField: 'status', filter: filterOf(MAX_QUERY_TERMS) });
    const view = getBoardView(ctx, board.id, '', 'en');
    expect(view.problems).toEqual([]);
    expect(readReportSnapshot(ctx, { filters: [board.filter] })).toBeTruthy();
  });

  it('shows a problem, not an error, when the search typed over a board takes it over the limit', async () => {
    const { ctx } = await tempStore();
    smallWorld(ctx);
    const board = createBoard(ctx, { name: 'At the limit', columnField: 'status', filter: filterOf(MAX_QUERY_TERMS) });
    const view = getBoardView(ctx, board.id, 'energy', 'en');
    expect(view.problems).toEqual([{ code: 'too_many_terms', at: 0, value: String(MAX_QUERY_TERMS) }]);
    expect(view.total).toBe(0);
    const search = getBoardView(ctx, board.id, filterOf(1000), 'en');
    expect(search.problems.map((p) => p.code)).toEqual(['too_many_terms']);
  });
});
