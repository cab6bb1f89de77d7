// The word-form index (db/search-index.ts) follows every way instructions and reports change: the
// app's own edits, a bulk import, another SQLite connection, deletion.
import { describe, expect, it } from 'vitest';
import { addReport, createInstructions } from '../../../db/instructions';
import { queryCards } from '../../../db/boards';
import { fullCheck } from '../../../db/integrity';
import { syncSearchIndex } from '../../../db/search-index';
import type { StoreContext } from '../../../db/context';
import { tempStore } from '../../support/temp';
import { smallWorld } from '../../support/fixtures';

function found(ctx: StoreContext, text: string): string[] {
  return queryCards(ctx, { filters: [text] }).cards.map((c) => c.title);
}

describe('the word-form search index', () => {
  it('indexes a bulk import by word forms', async () => {
    const { ctx } = await tempStore();
    const { meeting } = smallWorld(ctx);
    const inputs = Array.from({ length: 250 }, (_, i) => ({ title: i === 7 ? 'Поставки угля в Бишкек' : `Тапсырма ${i}`, meetingId: meeting.id }));
    createInstructions(ctx, inputs);
    expect(found(ctx, 'уголь')).toEqual(['Поставки угля в Бишкек']);
    expect(found(ctx, 'тапсырмалар')).toHaveLength(249);
  });

  it('follows a change made outside the app on the same file, at the next search', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Пункты пропуска');
    expect(found(ctx, 'пункт')).toEqual(['Пункты пропуска']);
    // A raw statement, as another tool would run it: only the plain-SQL triggers fire.
    ctx.db.prepare('UPDATE instructions SET title = ? WHERE id = ?').run('Поставки угля', item.id);
    expect(found(ctx, 'пункт')).toEqual([]);
    expect(found(ctx, 'уголь')).toEqual(['Поставки угля']);
  });

  it('an upsert by another tool on an instruction already waiting for the index succeeds and is indexed', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Пункты пропуска');
    // Queued by its creation, not yet indexed: the upsert's conflict handling must not fail the queue's insert.
    ctx.db
      .prepare('INSERT INTO instructions (id, title, created_at, updated_at, rank) VALUES (?, ?, ?, ?, 1) ON CONFLICT(id) DO UPDATE SET title = excluded.title')
      .run(item.id, 'Поставки угля', item.createdAt, item.updatedAt);
    ctx.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run('x', '1');
    expect(found(ctx, 'уголь')).toEqual(['Поставки угля']);
  });

  it('follows reports and deletions', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Energy');
    addReport(ctx, item.id, 'interim', 'Министрлікке есеп жіберілді');
    expect(found(ctx, 'министрлігі')).toEqual(['Energy']);
    ctx.db.prepare('DELETE FROM instructions WHERE id = ?').run(item.id);
    expect(found(ctx, 'министрлігі')).toEqual([]);
    expect(syncSearchIndex(ctx)).toBe(0);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM instruction_search').get()).toEqual({ n: 0 });
    expect(fullCheck(ctx.db)).toMatchObject({ ok: true });
  });
});
