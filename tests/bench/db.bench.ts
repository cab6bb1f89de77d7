// Store benchmarks on a generated database of 100,000 instructions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../db/store';
import { queryCards } from '../../db/boards';
import { moveInstruction } from '../../db/instructions';
import { generate } from './generate';
import { emit, median, timeMs } from './report';

export async function benchStore(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-bench-db-'));
  const store = await openStore(path.join(dir, 'bench.sqlite'));
  try {
    const { ctx } = store;
    const generated = generate(ctx, { instructions: 100_000, meetings: 20 });
    ctx.db.pragma('optimize');
    const meetingId = generated.meetingIds[3] as string;

    // A board's 5,000 cards, against a raw better-sqlite3 select of the same rows.
    const raw = ctx.db.prepare('SELECT * FROM instructions WHERE meeting_id = ? AND archived = 0 ORDER BY rank, id');
    const ours: number[] = [];
    const baseline: number[] = [];
    let count = 0;
    for (let i = 0; i < 12; i++) {
      baseline.push(timeMs(() => raw.all(meetingId)));
      ours.push(timeMs(() => (count = queryCards(ctx, { filters: [''], meetingId }).cards.length)));
    }
    if (count !== 5000) throw new Error(`expected 5,000 cards on the board, got ${count}`);
    emit('db.board_query_5k', median(ours.slice(2)), 'ms', median(baseline.slice(2)));

    // Moving a card between columns with a position, as a drag does (one transaction, fsync'd),
    // against the bare statement it wraps: a raw UPDATE of status and rank in one transaction, on
    // other cards of the same board, the two interleaved.
    const cards = queryCards(ctx, { filters: ['status:assigned'], meetingId }).cards;
    const targets = queryCards(ctx, { filters: ['status:in_progress'], meetingId }).cards;
    const rawMove = ctx.db.prepare('UPDATE instructions SET status = ?, rank = ? WHERE id = ?');
    const moves: number[] = [];
    const rawMoves: number[] = [];
    for (let i = 0; i < 200; i++) {
      const card = cards[i] as (typeof cards)[number];
      const other = cards[200 + i] as (typeof cards)[number];
      const after = targets[i] as (typeof targets)[number];
      const before = targets[i + 1] as (typeof targets)[number];
      const rank = Math.floor((after.rank + before.rank) / 2);
      rawMoves.push(timeMs(() => ctx.transaction(() => rawMove.run('in_progress', rank, other.id))));
      moves.push(timeMs(() => moveInstruction(ctx, { id: card.id, to: { field: 'status', value: 'in_progress' }, afterId: after.id, beforeId: before.id })));
    }
    emit('db.move', median(moves), 'ms', median(rawMoves));

    // Full-text search from the search box over the control board, top 50 cards, against the bare
    // statement it wraps: the FTS5 MATCH of the same prefix terms, in board order, with the same limit.
    const queries = ['транзит электроэнергии', 'Қазақстан', 'logistics', 'пункт пропуска', 'инвест', 'туризм курорт', 'соглашение', 'trade roadmap'];
    const rawSearch = ctx.db.prepare(
      'SELECT i.id, i.item_number, i.title, i.status, i.priority, i.meeting_id, i.lead_org_id, i.due_date, i.rank, i.version, i.is_demo, i.extension_count, i.coexecutor_count, i.report_count, i.tag_list FROM instructions i WHERE i.archived = 0 AND i.rowid IN (SELECT rowid FROM instruction_fts WHERE instruction_fts MATCH ?) ORDER BY i.rank, i.id LIMIT ?',
    );
    const prefixTerms = (text: string) =>
      text
        .split(/[^\p{L}\p{N}_]+/u)
        .filter((w) => w !== '')
        .map((w) => `"${w}"*`)
        .join(' ');
    const searches: number[] = [];
    const rawSearches: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of queries) {
        const expr = prefixTerms(q);
        rawSearches.push(timeMs(() => rawSearch.all(expr, 50)));
        searches.push(timeMs(() => queryCards(ctx, { filters: [q], limit: 50 })));
      }
    }
    emit('db.search', median(searches), 'ms', median(rawSearches));
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
