import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, startAppCore, type AppCore } from '../../../../electron/services/app';
import { dispatch } from '../../../../electron/api/dispatch';
import { defaultBackupsDir, makeBackup } from '../../../../db/backups';
import { tempDir } from '../../../support/temp';

let cores: AppCore[] = [];
afterEach(() => {
  for (const core of cores) core.close();
  cores = [];
});

async function start(dataDir: string, idleCheckAfterMs = 0): Promise<AppCore> {
  const core = await startAppCore({ dataDir, version: '0.0.0-test', idleCheckAfterMs, preferredLanguages: ['ru-RU'] });
  cores.push(core);
  return core;
}

function count(core: AppCore): number {
  return (core.store.ctx.db.prepare('SELECT count(*) AS n FROM instructions').get() as { n: number }).n;
}

/** A data folder with the demo in its store and one verified backup of it; the store is closed. */
async function demoWithBackup(): Promise<{ dataDir: string; file: string; instructions: number; backup: string }> {
  const dataDir = tempDir();
  const core = await start(dataDir);
  expect(await dispatch(core.handlers, 'app.chooseStart', { choice: 'demo' })).toMatchObject({ ok: true });
  const instructions = count(core);
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  const backup = await makeBackup(core.store.ctx.db, defaultBackupsDir(file), 'daily', new Date('2026-12-01T08:00:00Z'));
  core.close();
  cores = cores.filter((c) => c !== core);
  return { dataDir, file, instructions, backup: backup.name };
}

/** Overwrites every page after the first (the header stays: the file is still ours, but damaged). */
function damage(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const junk = Buffer.alloc(4096, 0xa5);
    for (let at = 4096; at + 4096 <= size; at += 4096 * 2) fs.writeSync(fd, junk, 0, junk.length, at);
  } finally {
    fs.closeSync(fd);
  }
}

/** Overwrites the `tags` table's page of an open store behind the app's back (another program, a bad disk). */
function damageOpen(core: AppCore): void {
  const db = core.store.ctx.db;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'tags'").get() as { rootpage: number }).rootpage;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const fd = fs.openSync(core.store.file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
  db.pragma('shrink_memory'); // drop the cached pages: the next read sees the file
}

describe('a damaged store', () => {
  it('starts the app without its store, answers damaged on normal channels, and restores the latest backup', async () => {
    const { dataDir, file, instructions, backup } = await demoWithBackup();
    damage(file);
    const damagedBytes = fs.readFileSync(file);

    const core = await start(dataDir);
    const status = await dispatch(core.handlers, 'recovery.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'unavailable', problem: 'storeDamaged', file, language: 'ru', backups: expect.arrayContaining([expect.objectContaining({ name: backup })]) } });
    for (const channel of ['app.info', 'meetings.list', 'instructions.move'] as const) {
      const answer = await dispatch(core.handlers, channel, channel === 'instructions.move' ? { id: '00000000-0000-4000-8000-000000000001', toColumn: 'x' } : {});
      if (answer.ok) throw new Error(`${channel} answered while the store is damaged`);
      if (answer.error.code !== 'validation') expect(answer.error).toMatchObject({ code: 'damaged', key: 'storeDamaged' });
      expect(JSON.stringify(answer)).not.toMatch(/SQLITE_|malformed|\n\s+at /);
    }

    const restored = await dispatch(core.handlers, 'recovery.restore', { name: backup });
    expect(restored).toEqual({ ok: true, value: { state: 'ok' } });
    const aside = fs.readdirSync(dataDir).filter((n) => n.startsWith(`${DATABASE_FILE_NAME}.damaged-`) && !n.endsWith('-wal') && !n.endsWith('-shm'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, aside[0]!)).equals(damagedBytes)).toBe(true);
    expect(count(core)).toBe(instructions);
    expect(await dispatch(core.handlers, 'app.info', {})).toMatchObject({ ok: true, value: { firstRun: false } });
  });

  it('holds the data folder while on the recovery screen: a second copy is refused, naming this one, until the restore opens the store', async () => {
    const { dataDir, file, backup } = await demoWithBackup();
    damage(file);
    const core = await start(dataDir);
    const second = await startAppCore({ dataDir, version: '0.0.0-test', idleCheckAfterMs: 0 }).then(
      (c) => {
        cores.push(c);
        return null;
      },
      (err: unknown) => err,
    );
    expect(second).toMatchObject({ code: 'store_locked', params: { pid: process.pid } });
    expect(await dispatch(core.handlers, 'recovery.restore', { name: backup })).toEqual({ ok: true, value: { state: 'ok' } });
    // The restored store holds the lock now; closing the app lets the next copy in.
    core.close();
    cores = cores.filter((c) => c !== core);
    const next = await start(dataDir);
    expect(await dispatch(next.handlers, 'recovery.status', {})).toEqual({ ok: true, value: { state: 'ok' } });
  });

  it('puts the damaged file back when the backup cannot be restored, so the next start offers the backups again', async () => {
    const { dataDir, file, backup } = await demoWithBackup();
    damage(file);
    const damagedBytes = fs.readFileSync(file);
    damage(path.join(defaultBackupsDir(file), backup));
    const core = await start(dataDir);
    const refused = await dispatch(core.handlers, 'recovery.restore', { name: backup });
    expect(refused.ok).toBe(false);
    expect(fs.readFileSync(file).equals(damagedBytes)).toBe(true);
    core.close();
    cores = cores.filter((c) => c !== core);
    const again = await start(dataDir);
    expect(await dispatch(again.handlers, 'recovery.status', {})).toMatchObject({ ok: true, value: { state: 'unavailable', problem: 'storeDamaged', file } });
  });

  it('offers the backups of a file that is not ours, and refuses an unknown backup name', async () => {
    const { dataDir, file, backup } = await demoWithBackup();
    fs.writeFileSync(file, 'not a database at all, just some text that is long enough'.repeat(200));
    const core = await start(dataDir);
    expect(await dispatch(core.handlers, 'recovery.status', {})).toMatchObject({ ok: true, value: { state: 'unavailable', problem: 'notOurStore', backups: expect.arrayContaining([expect.objectContaining({ name: backup })]) } });
    expect(await dispatch(core.handlers, 'meetings.list', {})).toMatchObject({ ok: false, error: { code: 'damaged', key: 'notOurStore' } });
    expect(await dispatch(core.handlers, 'recovery.restore', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(core.handlers, 'recovery.restore', { name: backup })).toEqual({ ok: true, value: { state: 'ok' } });
  });

  it('restores once when asked twice at the same time', async () => {
    const { dataDir, file, backup } = await demoWithBackup();
    damage(file);
    const core = await start(dataDir);
    const [a, b] = await Promise.all([dispatch(core.handlers, 'recovery.restore', { name: backup }), dispatch(core.handlers, 'recovery.restore', { name: backup })]);
    expect([a, b]).toContainEqual({ ok: true, value: { state: 'ok' } });
    expect([a, b]).toContainEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: expect.stringMatching(/^(busy|conflict)$/) }) }));
    expect(fs.readdirSync(dataDir).filter((n) => n.includes('.damaged-') && !n.endsWith('-wal') && !n.endsWith('-shm'))).toHaveLength(1);
  });

  it('answers ok over a healthy store, and refuses a restore there', async () => {
    const core = await start(tempDir());
    expect(await dispatch(core.handlers, 'recovery.status', {})).toEqual({ ok: true, value: { state: 'ok' } });
    expect(await dispatch(core.handlers, 'recovery.check', {})).toEqual({ ok: true, value: { state: 'ok' } });
    expect(await dispatch(core.handlers, 'recovery.restore', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('the check while idle', () => {
  it('finds damage made after the start, stops every further call and offers the backups', async () => {
    const { dataDir, backup, instructions } = await demoWithBackup();
    const core = await start(dataDir, 50);
    expect(count(core)).toBe(instructions);
    damageOpen(core);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await dispatch(core.handlers, 'recovery.status', {})).toMatchObject({ ok: true, value: { state: 'unavailable', problem: 'storeDamaged' } });
    expect(await dispatch(core.handlers, 'app.setActor', { name: 'Aida' })).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(await dispatch(core.handlers, 'recovery.restore', { name: backup })).toEqual({ ok: true, value: { state: 'ok' } });
    expect(count(core)).toBe(instructions);
  });

  it('runs on request', async () => {
    const core = await start(tempDir());
    await dispatch(core.handlers, 'app.chooseStart', { choice: 'demo' });
    damageOpen(core);
    expect(await dispatch(core.handlers, 'recovery.check', {})).toMatchObject({ ok: true, value: { state: 'unavailable', problem: 'storeDamaged' } });
  });
});
