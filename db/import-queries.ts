// Queries the imports need beyond the domain functions: the keys a list import checks rows against.
import type { StoreContext } from './context';

/** Item numbers and titles of the instructions of a meeting (or of those with no meeting). */
export function listInstructionKeys(ctx: StoreContext, meetingId: string | null): { itemNumber: string | null; title: string }[] {
  const rows = (
    meetingId === null
      ? ctx.stmt('SELECT item_number, title FROM instructions WHERE meeting_id IS NULL').all()
      : ctx.stmt('SELECT item_number, title FROM instructions WHERE meeting_id = ?').all(meetingId)
  ) as { item_number: string | null; title: string }[];
  return rows.map((r) => ({ itemNumber: r.item_number, title: r.title }));
}
