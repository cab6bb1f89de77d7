import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../../db/connection';
import { MIGRATIONS } from '../../../db/migrations/index';
import { openStore } from '../../../db/store';
import { StoreError } from '../../../db/errors';
import { tempDir, trackStore } from '../../support/temp';

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function refusal(file: string): Promise<StoreError> {
  const err = await openStore(file).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StoreError);
  return err as StoreError;
}

describe('what is not our store is refused, untouched', () => {
  it('a zero-byte file is refused, not taken for a new install', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ministry-tracker.sqlite');
    fs.writeFileSync(file, '');
    const err = await refusal(file);
    expect(err).toMatchObject({ code: 'not_a_database', key: 'notOurStore', params: { file } });
    expect(err.message).toContain(file);
    expect(err.message).toContain('empty');
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['ministry-tracker.sqlite']);
  });

  it('a file that is not SQLite is refused naming the file', async () => {
    const file = path.join(tempDir(), 'ministry-tracker.sqlite');
    fs.writeFileSync(file, 'PK\u0003\u0004 a zip, perhaps');
    const hash = sha256(file);
    const err = await refusal(file);
    expect(err).toMatchObject({ code: 'not_a_database', key: 'notOurStore', params: { file } });
    expect(err.message).toContain('not a SQLite database');
    expect(sha256(file)).toBe(hash);
  });

  it('another program’s SQLite database is refused, even an empty one', async () => {
    const dir = tempDir();
    for (const [name, sql] of [
      ['with-data.sqlite', "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('keep')"],
      ['other-id.sqlite', 'PRAGMA application_id = 1234; CREATE TABLE t (x)'],
      ['empty-schema.sqlite', 'PRAGMA user_version = 0; PRAGMA journal_mode = DELETE'],
    ]) {
      const file = path.join(dir, name as string);
      const db = new Database(file);
      db.exec(sql as string);
      db.close();
      const hash = sha256(file);
      const err = await refusal(file);
      expect(err).toMatchObject({ code: 'not_a_database', key: 'notOurStore', params: { file } });
      expect(err.message).toContain('another program');
      expect(sha256(file)).toBe(hash);
    }
  });

  it('only a missing file starts a new store, and it arrives whole', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ministry-tracker.sqlite');
    const store = trackStore(await openStore(file));
    expect(store.ctx.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(fs.readdirSync(dir).filter((f) => f.includes('creating'))).toEqual([]);
  });

  it('an orphaned -wal without its file is moved aside, not applied to the new store', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ministry-tracker.sqlite');
    fs.writeFileSync(`${file}-wal`, 'orphan journal');
    trackStore(await openStore(file));
    const kept = fs.readdirSync(dir).find((f) => f.includes('.damaged-') && f.endsWith('-wal'));
    expect(kept).toBeDefined();
    expect(fs.readFileSync(path.join(dir, kept as string), 'utf8')).toBe('orphan journal');
  });
});

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('the data file, -wal and -shm are 0600 and a created folder 0700', async () => {
    const dir = path.join(tempDir(), 'data');
    const file = path.join(dir, 'ministry-tracker.sqlite');
    const store = trackStore(await openStore(file));
    store.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(fs.statSync(f).mode & 0o777, f).toBe(0o600);
  });

  it('an existing store with loose modes is tightened on open', async () => {
    const file = path.join(tempDir(), 'ministry-tracker.sqlite');
    (await openStore(file)).close();
    fs.chmodSync(file, 0o644);
    trackStore(await openStore(file));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('a refused file gets no companions', () => {
  it('another program’s WAL-mode database is refused without SQLite creating a -wal or -shm beside it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ministry-tracker.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('keep')");
    db.close();
    const hash = sha256(file);
    const err = await refusal(file);
    expect(err).toMatchObject({ code: 'not_a_database', key: 'notOurStore' });
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(dir).filter((f) => !f.endsWith('.lock'))).toEqual(['ministry-tracker.sqlite']);
  });

  it('our store whose application id is still only in the -wal (a crash before any checkpoint) opens', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ministry-tracker.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.transaction(() => {
      db.exec(MIGRATIONS[0] as string);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma('user_version = 1');
    })();
    db.prepare("INSERT INTO settings (key, value) VALUES ('marker', '1')").run();
    const crashed = path.join(tempDir(), 'ministry-tracker.sqlite');
    for (const suffix of ['', '-wal']) fs.copyFileSync(file + suffix, crashed + suffix);
    db.close();
    expect(fs.readFileSync(crashed).readUInt32BE(68)).toBe(0);
    const store = trackStore(await openStore(crashed));
    expect(store.ctx.db.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: '1' });
  });
});
