// Migration 2 on the version 1 demo fixture: every old row survives (fixture-v1.test.ts checks every
// column of every row), and the new columns are right: every instruction has a unique control
// number, `{protocol}/{item}` where it has both; no extension is withdrawn, so the trigger-kept
// counts still equal the extension rows; no final report is superseded; old history rows have no action.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { tempDir, trackStore } from '../../../support/temp';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');

function copyFixture(): string {
  const file = path.join(tempDir('mat-migration-002-'), 'data.sqlite');
  fs.copyFileSync(FIXTURE, file);
  return file;
}

describe('migration 2 (control numbers, withdrawn extensions, superseded reports, history actions)', () => {
  it('keeps every row and fills the new columns', async () => {
    const file = copyFixture();
    const counts = (db: Database.Database) =>
      Object.fromEntries(['instructions', 'extensions', 'reports', 'history', 'meetings'].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
    const old = new Database(file, { readonly: true });
    const before = counts(old);
    const oldRows = old
      .prepare('SELECT i.id, i.item_number AS item, m.protocol_number AS protocol, i.extension_count AS ext FROM instructions i LEFT JOIN meetings m ON m.id = i.meeting_id ORDER BY i.created_at, i.rowid')
      .all() as { id: string; item: string | null; protocol: string | null; ext: number }[];
    old.close();

    const store = trackStore(await openStore(file));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(counts(db)).toEqual(before);

    const numbers = new Map((db.prepare('SELECT id, control_number AS n FROM instructions').all() as { id: string; n: string | null }[]).map((r) => [r.id, r.n]));
    expect([...numbers.values()].every((n) => typeof n === 'string' && n !== '')).toBe(true);
    expect(new Set(numbers.values()).size).toBe(numbers.size);
    // The demo's meetings carry protocol numbers (one written "№ 7-ф": the sign is left out) and item numbers.
    for (const row of oldRows) {
      if (row.protocol && row.item) expect(numbers.get(row.id)).toBe(`${row.protocol.replace(/^[№ ]+/, '')}/${row.item}`);
    }
    expect([...numbers.values()]).toContain('7-ф/1');

    const ext = db.prepare('SELECT i.extension_count AS kept, (SELECT count(*) FROM extensions e WHERE e.instruction_id = i.id) AS rows FROM instructions i').all() as { kept: number; rows: number }[];
    for (const r of ext) expect(r.kept).toBe(r.rows);
    expect(oldRows.reduce((a, r) => a + r.ext, 0)).toBe(before.extensions);
    expect(db.prepare('SELECT count(*) AS n FROM extensions WHERE withdrawn_at IS NOT NULL OR withdrawn_by IS NOT NULL').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM reports WHERE superseded_at IS NOT NULL').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM history WHERE action_id IS NOT NULL').get()).toEqual({ n: 0 });

    // The UNIQUE index refuses a second instruction with a number already given.
    const [a, b] = [...numbers.keys()];
    expect(() => db.prepare('UPDATE instructions SET control_number = ? WHERE id = ?').run(numbers.get(a as string), b)).toThrow(/UNIQUE/);
  });

  it('gives a running number where the meeting has no protocol number, and where {protocol}/{item} is taken', async () => {
    const file = copyFixture();
    const raw = new Database(file);
    const meeting = raw.prepare('SELECT meeting_id AS id FROM instructions WHERE meeting_id IS NOT NULL LIMIT 1').get() as { id: string };
    const ids = (raw.prepare('SELECT id FROM instructions WHERE meeting_id = ? ORDER BY created_at, rowid').all(meeting.id) as { id: string }[]).map((r) => r.id);
    // Two items of one meeting numbered alike (both "1"), and a meeting without a protocol number.
    raw.prepare('UPDATE instructions SET item_number = ? WHERE id IN (?, ?)').run('1', ids[0], ids[1]);
    const other = raw.prepare("SELECT id FROM meetings WHERE id <> ? LIMIT 1").get(meeting.id) as { id: string };
    raw.prepare('UPDATE meetings SET protocol_number = NULL WHERE id = ?').run(other.id);
    raw.close();

    const store = trackStore(await openStore(file));
    const get = (id: string) => (store.ctx.db.prepare('SELECT control_number AS n FROM instructions WHERE id = ?').get(id) as { n: string }).n;
    expect(get(ids[0] as string)).toMatch(/\/1$/);
    expect(get(ids[1] as string)).toMatch(/^[0-9]+$/);
    const noProtocol = store.ctx.db.prepare('SELECT control_number AS n FROM instructions WHERE meeting_id = ?').all(other.id) as { n: string }[];
    expect(noProtocol.length).toBeGreaterThan(0);
    for (const r of noProtocol) expect(r.n).toMatch(/^[0-9]+$/);
    const all = (store.ctx.db.prepare('SELECT control_number AS n FROM instructions').all() as { n: string }[]).map((r) => r.n);
    expect(new Set(all).size).toBe(all.length);
  });
});
