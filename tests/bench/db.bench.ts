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

    // Moving a card between columns with a position, as a drag does (one transaction, fsync'd).
    const cards = queryCards(ctx, { filters: ['status:assigned'], meetingId }).cards;
    const targets = queryCards(ctx, { filters: ['status:in_progress'], meetingId }).cards;
    const moves: number[] = [];
    for (let i = 0; i < 200; i++) {
      const card = cards[i] as (typeof cards)[number];
      const after = targets[i] as (typeof targets)[number];
      const before = targets[i + 1] as (typeof targets)[number];
      moves.push(timeMs(() => moveInstruction(ctx, { id: card.id, to: { field: 'status', value: 'in_progress' }, afterId: after.id, beforeId: before.id })));
    }
    emit('db.move', median(moves), 'ms');

    // Full-text search from the search box over the control board, top 50 cards.
    const queries = ['транзит электроэнергии', 'Қазақстан', 'logistics', 'пункт пропуска', 'инвест', 'туризм курорт', 'соглашение', 'trade roadmap'];
    const searches: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of queries) searches.push(timeMs(() => queryCards(ctx, { filters: [q], limit: 50 })));
    }
    emit('db.search', median(searches), 'ms');
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
