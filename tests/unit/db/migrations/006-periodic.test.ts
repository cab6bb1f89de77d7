// Migration 006 (periodic instructions) on a version 1 database: the demo fixture
// (tests/fixtures/db/v1-demo.sqlite) opened by today's code keeps every instruction as it was, each
// a one-off (no recurrence), with no periods; the new table takes periods and drops them with their
// instruction.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { listPeriods, setRecurrence } from '../../../../db/periods';
import { tempDir, trackStore } from '../../../support/temp';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');

type Row = Record<string, unknown>;

describe('migration 006: periodic instructions', () => {
  it('keeps every instruction and row of a version 1 store, each a one-off without periods', async () => {
    const file = path.join(tempDir('mat-migration-006-'), 'data.sqlite');
    fs.copyFileSync(FIXTURE, file);
    const old = new Database(file, { readonly: true, fileMustExist: true });
    const tables = ['instructions', 'reports', 'extensions', 'coexecutors', 'organizations', 'meetings'];
    const before = Object.fromEntries(tables.map((t) => [t, old.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Row[]]));
    old.close();
    expect(before.instructions!.length).toBeGreaterThan(10);

    const store = trackStore(await openStore(file, { now: () => new Date('2026-12-01T09:00:00') }));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const instructions = new Map((db.prepare('SELECT * FROM instructions').all() as Row[]).map((r) => [r.id, r]));
    for (const row of before.instructions!) {
      const now = instructions.get(row.id)!;
      // Every column version 1 had holds the same value; the new one says "no recurrence".
      expect(Object.fromEntries(Object.keys(row).map((k) => [k, now[k]]))).toEqual(row);
      expect(now.recurrence).toBeNull();
    }
    for (const t of tables.slice(1)) {
      const after = new Map((db.prepare(`SELECT * FROM ${t}`).all() as Row[]).map((r) => [r.id, r]));
      for (const row of before[t]!) expect(Object.fromEntries(Object.keys(row).map((k) => [k, after.get(row.id)?.[k]]))).toEqual(row);
    }
    expect(db.prepare('SELECT count(*) AS n FROM instruction_periods').get()).toEqual({ n: 0 });
    const columns = (db.prepare('PRAGMA table_info(instruction_periods)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['id', 'instruction_id', 'seq', 'label', 'period_start', 'period_end', 'due_date', 'report_id', 'closed_at']);

    // An old instruction can be made periodic; its periods go with it.
    const id = before.instructions!.find((r) => r.status !== 'resolved')!.id as string;
    setRecurrence(store.ctx, id, 'quarterly:5');
    expect(listPeriods(store.ctx, id).length).toBeGreaterThan(0);
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM instruction_periods WHERE instruction_id = ? AND seq > 1').run(id);
    expect(() => db.prepare("INSERT INTO instruction_periods (id, instruction_id, seq, label, period_start, period_end, due_date) VALUES ('x', 'nope', 1, 'a', 'b', 'c', 'd')").run()).toThrow(/FOREIGN KEY/);
  });
});
