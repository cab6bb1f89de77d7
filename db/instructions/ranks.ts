// Positions of cards: ranks with gaps between them, a rank between two neighbours, renumbering
// when a gap is used up.
import type { StoreContext } from '../context';
import { StoreError } from '../errors';

export const RANK_GAP = 65_536;

export function maxRank(ctx: StoreContext): number {
  const row = ctx.stmt('SELECT max(rank) AS r FROM instructions').get() as { r: number | null };
  return row.r ?? 0;
}

/** Spreads every rank out again; needed only when repeated moves into one gap exhausted it. */
function renumberRanks(ctx: StoreContext): void {
  ctx
    .stmt(
      `UPDATE instructions SET rank = r.n
         FROM (SELECT id, row_number() OVER (ORDER BY rank, id) * ${RANK_GAP} AS n FROM instructions) AS r
        WHERE r.id = instructions.id`,
    )
    .run();
}

function rankOf(ctx: StoreContext, id: string): number {
  const row = ctx.stmt('SELECT rank FROM instructions WHERE id = ?').get(id) as { rank: number } | undefined;
  if (!row) throw new StoreError('not_found', `No instruction ${id}.`, 'instructionNotFound');
  return row.rank;
}

/**
 * A rank that puts a card after `afterId` and before `beforeId` (the neighbours the official sees
 * in the target column; either may be absent).
 */
export function rankBetweenNeighbours(ctx: StoreContext, afterId: string | null, beforeId: string | null): number {
  for (let attempt = 0; attempt < 2; attempt++) {
    const lo = afterId ? rankOf(ctx, afterId) : null;
    const hi = beforeId ? rankOf(ctx, beforeId) : null;
    if (lo === null && hi === null) return maxRank(ctx) + RANK_GAP;
    if (hi === null) return (lo as number) + RANK_GAP;
    if (lo === null) return hi - RANK_GAP;
    if (hi - lo > 1) return Math.floor((lo + hi) / 2);
    if (hi < lo) {
      throw new StoreError('conflict', 'The column changed while the card was moved; it was reloaded.', 'staleColumn');
    }
    renumberRanks(ctx);
  }
  throw new StoreError('internal', 'Could not find a position for the card.');
}
