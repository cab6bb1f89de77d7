import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../../../db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../db/migrations/index';
import { openStore } from '../../../../db/store';
import { StoreError } from '../../../../db/errors';
import { tempDir, trackStore } from '../../../support/temp';

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function expectStoreError(promise: Promise<unknown>, code: string): Promise<StoreError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe(code);
    return err as StoreError;
  }
  throw new Error(`expected a StoreError ${code}`);
}

describe('migrations', () => {
  it('creates the whole data model from an empty folder', async () => {
    const file = path.join(tempDir(), 'nested', 'data.sqlite');
    const store = trackStore(await openStore(file));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    for (const table of ['organizations', 'people', 'meetings', 'instructions', 'coexecutors', 'reports', 'extensions', 'tags', 'instruction_tags', 'history', 'boards', 'settings', 'instruction_fts']) {
      expect(tables).toContain(table);
    }
    // Standard topics and the four built-in boards exist from the first start.
    expect((db.prepare('SELECT count(*) AS n FROM tags').get() as { n: number }).n).toBeGreaterThanOrEqual(5);
    expect((db.prepare('SELECT builtin FROM boards ORDER BY position').all() as { builtin: string }[]).map((b) => b.builtin)).toEqual([
      'control',
      'by_ministry',
      'by_topic',
      'due_week',
    ]);
    expect(store.backupPath).toBeNull();
  });

  it('refuses a database written by a newer version and leaves it byte-for-byte unchanged', async () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const first = trackStore(await openStore(file));
    first.ctx.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    first.close();
    const before = sha256(file);
    const sizeBefore = fs.statSync(file).size;
    const err = await expectStoreError(openStore(file), 'database_from_future');
    expect(err.message).toContain('newer version');
    expect(sha256(file)).toBe(before);
    expect(fs.statSync(file).size).toBe(sizeBefore);
  });

  it('refuses a file that is not a database, and a SQLite file of another program, untouched', async () => {
    const dir = tempDir();
    const garbage = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'this is a text file, not a database'.repeat(200));
    const garbageHash = sha256(garbage);
    await expectStoreError(openStore(garbage), 'not_a_database');
    expect(sha256(garbage)).toBe(garbageHash);

    const foreign = path.join(dir, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (\'keep me\')');
    other.close();
    const foreignHash = sha256(foreign);
    await expectStoreError(openStore(foreign), 'not_a_database');
    expect(sha256(foreign)).toBe(foreignHash);
  });

  it('backs the file up through the backup API before migrating an older database', async () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const older = await openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    older.db.prepare("INSERT INTO settings (key, value) VALUES ('marker', '\"v1 data\"')").run();
    older.db.close();

    const addNotes = 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);';
    const now = () => new Date('2026-11-27T10:00:00Z');
    const upgraded = await openDatabase(file, { migrations: [...MIGRATIONS.slice(0, 1), addNotes], now });
    try {
      expect(upgraded.migratedFrom).toBe(1);
      expect(upgraded.db.pragma('user_version', { simple: true })).toBe(2);
      expect(upgraded.backupPath).toBe(path.join(path.dirname(file), 'backups', 'ministry-tracker-20261127T100000Z-before-migration.sqlite'));
    } finally {
      upgraded.db.close();
    }
    const backup = new Database(upgraded.backupPath as string, { readonly: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: '"v1 data"' });
      expect(backup.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'notes'").get()).toEqual({ n: 0 });
    } finally {
      backup.close();
    }
  });

  it('rolls a failing migration back and keeps the data of the older version', async () => {
    const file = path.join(tempDir(), 'broken-migration.sqlite');
    const older = await openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    older.db.prepare("INSERT INTO settings (key, value) VALUES ('marker', '1')").run();
    older.db.close();
    const broken = 'CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);';
    await expect(openDatabase(file, { migrations: [...MIGRATIONS.slice(0, 1), broken] })).rejects.toThrow(/no_such_table/);
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(1);
      expect(check.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
      expect(check.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: '1' });
    } finally {
      check.close();
    }
  });
});
