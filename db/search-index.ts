// Keeps `instruction_search` (migration 005) up to date: the triggers queue the instructions whose
// title, text or reports changed in `search_index_queue`, and syncSearchIndex re-indexes them with
// their words and stems (db/stemmers). It runs before every search that has words to look up
// (db/filter.ts), so a search always sees what was written, by the app or by any other SQLite
// tool. Not when the store opens: opening writes nothing to a file whose damage only the idle full
// check may find (tests/unit/db/corruption.test.ts), and a large store is not held up at start.
import type { StoreContext } from './context';
import { stemmedText } from './stemmers/index';

/** Queued instructions read at a time (each batch is read before it is written). */
const BATCH = 2000;

/** Re-indexes every queued instruction; returns how many there were. One transaction. */
export function syncSearchIndex(ctx: StoreContext): number {
  const queued = (ctx.stmt('SELECT EXISTS (SELECT 1 FROM search_index_queue) AS queued').get() as { queued: number }).queued;
  if (!queued) return 0;
  return ctx.transaction(() => {
    const read = ctx.stmt(
      `SELECT q.instruction_rowid AS rowid, i.title, i.body,
              (SELECT coalesce(group_concat(r.body, char(10)), '') FROM reports r WHERE r.instruction_id = i.id) AS reports
         FROM search_index_queue q LEFT JOIN instructions i ON i.rowid = q.instruction_rowid
        WHERE q.instruction_rowid > ? ORDER BY q.instruction_rowid LIMIT ${BATCH}`,
    );
    const remove = ctx.stmt('DELETE FROM instruction_search WHERE rowid = ?');
    const insert = ctx.stmt('INSERT INTO instruction_search (rowid, title, body, reports) VALUES (?, ?, ?, ?)');
    let after = 0;
    let count = 0;
    for (;;) {
      const rows = read.all(after) as { rowid: number; title: string | null; body: string | null; reports: string | null }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        remove.run(row.rowid);
        if (row.title !== null) insert.run(row.rowid, stemmedText(row.title), stemmedText(row.body ?? ''), stemmedText(row.reports ?? ''));
      }
      count += rows.length;
      after = (rows[rows.length - 1] as { rowid: number }).rowid;
    }
    ctx.stmt('DELETE FROM search_index_queue').run();
    return count;
  });
}
