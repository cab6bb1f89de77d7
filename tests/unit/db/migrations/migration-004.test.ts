// Migration 004 (boards keep their order: `sort_by`) on a version 1 database: the demo fixture
// (tests/fixtures/db/v1-demo.sqlite) opened by today's code keeps every board as it was, sorted by
// hand, and the new column takes only the orders the app knows.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { getBoardView, listBoards, updateBoard } from '../../../../db/boards';
import { tempDir, trackStore } from '../../../support/temp';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');

function copyFixture(): string {
  const file = path.join(tempDir('mat-migration-004-'), 'data.sqlite');
  fs.copyFileSync(FIXTURE, file);
  return file;
}

type Row = Record<string, unknown>;

describe('migration 004: a board keeps its sort order', () => {
  it('keeps every board of a version 1 store, each sorted by hand, and adds the built-in "Due this week"', async () => {
    const file = copyFixture();
    const old = new Database(file, { readonly: true, fileMustExist: true });
    const before = old.prepare('SELECT * FROM boards ORDER BY id').all() as Row[];
    old.close();
    expect(before.length).toBeGreaterThan(0);

    const store = trackStore(await openStore(file));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const after = new Map((db.prepare('SELECT * FROM boards').all() as Row[]).map((r) => [r.id, r]));
    for (const row of before) {
      // Every old column holds the same value; the new one says "by hand".
      expect(after.get(row.id)).toEqual({ ...row, sort_by: 'manual' });
    }
    const added = [...after.values()].filter((r) => !before.some((b) => b.id === r.id));
    expect(added.map((r) => [r.builtin, r.column_field, r.sort_by])).toEqual([['due_week', 'status', 'deadline']]);
  });

  it('stores only the orders the app knows, and a board keeps the one chosen across a reopen', async () => {
    const file = copyFixture();
    const store = await openStore(file);
    const db = store.ctx.db;
    const control = listBoards(store.ctx).find((b) => b.builtin === 'control')!;
    expect(() => db.prepare("UPDATE boards SET sort_by = 'alphabet' WHERE id = ?").run(control.id)).toThrow(/CHECK constraint/);
    expect(() => db.prepare('UPDATE boards SET sort_by = NULL WHERE id = ?').run(control.id)).toThrow(/NOT NULL/);
    updateBoard(store.ctx, control.id, { sortBy: 'deadline' });
    store.close();

    const reopened = trackStore(await openStore(file));
    const board = listBoards(reopened.ctx).find((b) => b.id === control.id)!;
    expect(board.sortBy).toBe('deadline');
    // The demo's assigned column now runs by deadline, earliest first, cards without one last.
    const dates = getBoardView(reopened.ctx, board.id, '', 'en').columns[0]!.cards.map((c) => c.dueDate);
    const withDates = dates.filter((d): d is string => d !== null);
    expect(withDates.length).toBeGreaterThan(1);
    expect(withDates).toEqual([...withDates].sort());
    expect(dates.slice(withDates.length).every((d) => d === null)).toBe(true);
  });
});
