// Migration 007 (reminders) on a version 1 database: the demo fixture (tests/fixtures/db/v1-demo.sqlite)
// opened by today's code keeps every row of every old table, gains the two reminder tables empty,
// follows the default policy, and fires each reminder once.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { fireDueReminders, getDueView, getInstructionReminders, setInstructionReminders } from '../../../../db/reminders';
import { tempDir, trackStore } from '../../../support/temp';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');
const OLD_TABLES = ['organizations', 'people', 'meetings', 'instructions', 'coexecutors', 'reports', 'extensions', 'tags', 'instruction_tags', 'history', 'boards', 'settings'];

type Row = Record<string, unknown>;

function rowsOf(db: Database.Database, table: string): Row[] {
  return db.prepare(`SELECT * FROM "${table}"`).all() as Row[];
}

describe('migration 007: reminders', () => {
  it('keeps every row of a version 1 store and adds the reminder tables, empty', async () => {
    const file = path.join(tempDir('mat-migration-007-'), 'data.sqlite');
    fs.copyFileSync(FIXTURE, file);
    const old = new Database(file, { readonly: true, fileMustExist: true });
    const before = Object.fromEntries(OLD_TABLES.map((t) => [t, rowsOf(old, t)]));
    old.close();
    expect(before.instructions!.length).toBeGreaterThan(5);

    const store = trackStore(await openStore(file));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    for (const table of OLD_TABLES) {
      const after = rowsOf(db, table);
      // Later migrations may add columns (boards.sort_by) and rows (a built-in board); every old row keeps every old value.
      for (const row of before[table]!) {
        const match = after.find((a) => Object.entries(row).every(([k, v]) => a[k] === v));
        expect(match, `${table} row ${JSON.stringify(row).slice(0, 80)}`).toBeDefined();
      }
    }
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number }[]).map((c) => `${c.name}${c.notnull ? '!' : ''}`);
    expect(columns('reminder_overrides')).toEqual(['instruction_id!', 'mode!', 'policy', 'snoozed_until', 'updated_at!']);
    expect(columns('fired_reminders')).toEqual(['id', 'instruction_id!', 'period_key!', 'rule!', 'due_date!', 'fired_on!', 'fired_at!']);
    expect(db.prepare('SELECT count(*) AS n FROM reminder_overrides').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM fired_reminders').get()).toEqual({ n: 0 });

    // The old instructions follow the store's default policy and are reminded once.
    const open = db.prepare("SELECT id FROM instructions WHERE status <> 'resolved' AND archived = 0 AND due_date IS NOT NULL").all() as { id: string }[];
    expect(open.length).toBeGreaterThan(0);
    expect(getInstructionReminders(store.ctx, open[0]!.id)).toMatchObject({ mode: 'store', effective: { daysBefore: [5, 1], onTheDay: true, overdueEvery: 3 } });
    const first = fireDueReminders(store.ctx);
    expect(first.length).toBeGreaterThan(0);
    expect(fireDueReminders(store.ctx)).toEqual([]);
    expect(getDueView(store.ctx).counts.overdue).toBeGreaterThan(0);
  });

  it('refuses an unknown mode, a policy that is not JSON, and a fired event twice', async () => {
    const file = path.join(tempDir('mat-migration-007-'), 'data.sqlite');
    fs.copyFileSync(FIXTURE, file);
    const store = trackStore(await openStore(file));
    const db = store.ctx.db;
    const { id } = db.prepare('SELECT id FROM instructions LIMIT 1').get() as { id: string };
    expect(() => db.prepare("INSERT INTO reminder_overrides (instruction_id, mode, updated_at) VALUES (?, 'sometimes', 'x')").run(id)).toThrow(/CHECK constraint/);
    expect(() => db.prepare("INSERT INTO reminder_overrides (instruction_id, mode, policy, updated_at) VALUES (?, 'custom', '{not json', 'x')").run(id)).toThrow(/CHECK constraint/);
    const insert = db.prepare("INSERT INTO fired_reminders (instruction_id, rule, due_date, fired_on, fired_at) VALUES (?, 'day', '2026-05-29', '2026-05-29', 'x')");
    insert.run(id);
    expect(() => insert.run(id)).toThrow(/UNIQUE constraint/);
    // The store's own writes pass the same constraints.
    setInstructionReminders(store.ctx, id, 'none');
    expect(getInstructionReminders(store.ctx, id).effective).toBeNull();
  });
});
