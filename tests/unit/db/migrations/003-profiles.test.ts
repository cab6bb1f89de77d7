// Migration 3 (profiles) from a version 1 database with the demo (tests/fixtures/db/v1-demo.sqlite):
// every old row survives with the name it was signed with, the profiles table is there and empty,
// so the old store keeps signing with its login name until an official gives a profile, and then
// signs with that profile while the old rows keep showing the login name as written.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { startAppCore } from '../../../../electron/services/app';
import { dispatch } from '../../../../electron/api/dispatch';
import { tempDir } from '../../../support/temp';
import { DATABASE_FILE_NAME } from '../../../../electron/services/app';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');

function signatures(db: Database.Database): string[] {
  return [
    ...(db.prepare('SELECT uid AS k, actor AS v FROM history').all() as { k: string; v: string }[]),
    ...(db.prepare('SELECT id AS k, author AS v FROM reports').all() as { k: string; v: string }[]),
    ...(db.prepare('SELECT id AS k, decided_by AS v FROM extensions').all() as { k: string; v: string }[]),
  ]
    .map((r) => `${r.k}=${r.v}`)
    .sort();
}

describe('migration 003: profiles', () => {
  it('adds an empty profiles table to a version 1 store, keeps every signature as written, and signs new changes with the profile in use', async () => {
    const dataDir = tempDir('mat-m003-');
    fs.copyFileSync(FIXTURE, path.join(dataDir, DATABASE_FILE_NAME));
    // Read from a copy: opening the committed fixture itself would leave a -wal file beside it.
    const copy = path.join(tempDir('mat-m003-before-'), 'before.sqlite');
    fs.copyFileSync(FIXTURE, copy);
    const before = (() => {
      const db = new Database(copy, { readonly: true, fileMustExist: true });
      try {
        return signatures(db);
      } finally {
        db.close();
      }
    })();
    expect(before.length).toBeGreaterThan(10);
    expect(new Set(before.map((s) => s.split('=')[1]))).toEqual(new Set(['Fixture secretary']));

    const core = await startAppCore({ dataDir, version: '0.0.0-test', idleCheckAfterMs: 0 });
    try {
      const db = core.store.ctx.db;
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const columns = (db.prepare('PRAGMA table_info(profiles)').all() as { name: string; notnull: number }[]).map((c) => `${c.name}${c.notnull ? '!' : ''}`);
      expect(columns).toEqual(['id!', 'full_name!', 'position!', 'organization!', 'phone!', 'created_at!', 'updated_at!']);
      expect((db.prepare('SELECT count(*) AS n FROM profiles').get() as { n: number }).n).toBe(0);
      expect(signatures(db)).toEqual(before);

      // No profile yet: the old store is not a first run, and signs as it did.
      const info = await dispatch(core.handlers, 'app.info', {});
      expect(info).toMatchObject({ ok: true, value: { firstRun: false, profile: null } });

      const created = await dispatch(core.handlers, 'profiles.create', { fullName: 'Айгерим Садыкова', position: 'главный специалист', phone: '+996 312 62 00 00' });
      expect(created.ok).toBe(true);
      const { id } = (db.prepare('SELECT id FROM instructions WHERE archived = 0 LIMIT 1').get() as { id: string });
      const version = (db.prepare('SELECT version FROM instructions WHERE id = ?').get(id) as { version: number }).version;
      expect(await dispatch(core.handlers, 'instructions.update', { id, expectedVersion: version, patch: { priority: 'critical' } })).toMatchObject({ ok: true });
      const last = db.prepare("SELECT actor FROM history WHERE instruction_id = ? AND field = 'priority' ORDER BY id DESC LIMIT 1").get(id) as { actor: string };
      expect(last.actor).toBe('Айгерим Садыкова');
      // The old rows still show the login name they were signed with.
      expect(signatures(db).filter((s) => before.includes(s))).toEqual(before);
    } finally {
      core.close();
    }
  });
});
