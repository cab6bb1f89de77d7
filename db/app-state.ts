// What the application shell asks of the store when it starts or describes itself.
import type { StoreContext } from './context';

/** Whether the store holds any instruction (archived ones included). */
export function hasInstructions(ctx: StoreContext): boolean {
  return (ctx.stmt('SELECT EXISTS (SELECT 1 FROM instructions) AS e').get() as { e: number }).e === 1;
}

/** The board to open: the last one opened while it still exists, otherwise the control board. */
export function boardToOpen(ctx: StoreContext, lastBoardId: string | null): string | null {
  const row = ctx
    .stmt("SELECT id FROM boards WHERE id = ? OR builtin = 'control' ORDER BY id = ? DESC LIMIT 1")
    .get(lastBoardId, lastBoardId) as { id: string } | undefined;
  return row?.id ?? null;
}
