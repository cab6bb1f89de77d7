import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import { StoreError } from '../../../db/errors';
import { fullCheck, moveAside, quickCheck } from '../../../db/integrity';
import { tempDir, trackStore } from '../../support/temp';

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A closed store whose `tags` table page is overwritten with garbage. */
async function damagedStore(): Promise<string> {
  const file = path.join(tempDir(), 'ministry-tracker.sqlite');
  const store = await openStore(file);
  const db = store.ctx.db;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'tags'").get() as { rootpage: number }).rootpage;
  store.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
  return file;
}

describe('damage detection', () => {
  it('a healthy store passes the quick and the full check (FTS5 index included)', async () => {
    const store = trackStore(await openStore(path.join(tempDir(), 'ministry-tracker.sqlite')));
    expect(quickCheck(store.ctx.db)).toEqual({ ok: true, problems: [] });
    expect(fullCheck(store.ctx.db)).toEqual({ ok: true, problems: [] });
  });

  it('a damaged page is refused on open with a typed error naming the file, which stays untouched', async () => {
    const file = await damagedStore();
    const before = sha256(file);
    const err = await openStore(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'damaged', key: 'storeDamaged', params: { file } });
    expect((err as StoreError).message).toContain(file);
    expect((err as StoreError).message).not.toMatch(/SQLITE|btree|at .*\.ts/);
    expect(sha256(file)).toBe(before);
  });

  it('the full check reports the damage of an open database', async () => {
    const file = await damagedStore();
    const db = new Database(file, { readonly: true });
    try {
      const result = fullCheck(db);
      expect(result.ok).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('moveAside renames the file with its -wal and -shm, never deletes or replaces', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ministry-tracker.sqlite');
    const now = new Date('2026-12-03T10:20:30Z');
    for (const [suffix, text] of [['', 'db'], ['-wal', 'wal'], ['-shm', 'shm']]) fs.writeFileSync(file + suffix, text as string);
    const first = moveAside(file, now);
    expect(first).toBe(`${file}.damaged-20261203T102030Z`);
    expect(fs.readFileSync(first, 'utf8')).toBe('db');
    expect(fs.readFileSync(`${first}-wal`, 'utf8')).toBe('wal');
    expect(fs.readFileSync(`${first}-shm`, 'utf8')).toBe('shm');
    fs.writeFileSync(file, 'second');
    const second = moveAside(file, now);
    expect(second).toBe(`${file}.damaged-20261203T102030Z-2`);
    expect(fs.readFileSync(first, 'utf8')).toBe('db');
    expect(fs.readFileSync(second, 'utf8')).toBe('second');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('after moving a damaged store aside, a new store starts and the damaged one is kept', async () => {
    const file = await damagedStore();
    const hash = sha256(file);
    const moved = moveAside(file);
    const store = trackStore(await openStore(file));
    expect(quickCheck(store.ctx.db).ok).toBe(true);
    expect(sha256(moved)).toBe(hash);
  });
});
