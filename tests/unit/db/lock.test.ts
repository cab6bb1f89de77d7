import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import { StoreError } from '../../../db/errors';
import { acquireStoreLock, lockFileFor } from '../../../db/lock';
import { tempDir, trackStore } from '../../support/temp';

const root = path.resolve(import.meta.dirname, '../../..');
const child = path.join(root, 'tests/support/open-store-child.ts');

function openInChild(file: string): Record<string, unknown> {
  const result = spawnSync(process.execPath, ['--import', 'tsx', child, file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const line = result.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the child did not report (exit ${result.status}): ${result.stdout}${result.stderr}`);
  return JSON.parse(line) as Record<string, unknown>;
}

describe('one process per store', () => {
  it('the lock file sits beside the data file, named after it', () => {
    expect(lockFileFor('/data/ministry-tracker.sqlite')).toBe(path.join('/data', 'ministry-tracker.lock'));
  });

  it('a second process is refused while this one holds the store, and may open it after', async () => {
    const file = path.join(tempDir(), 'ministry-tracker.sqlite');
    const store = await openStore(file, { now: () => new Date('2026-12-03T08:00:00Z') });
    const lock = JSON.parse(fs.readFileSync(lockFileFor(file), 'utf8')) as Record<string, unknown>;
    expect(lock).toEqual({ pid: process.pid, startedAt: '2026-12-03T08:00:00.000Z', host: os.hostname() });
    if (process.platform !== 'win32') expect(fs.statSync(lockFileFor(file)).mode & 0o777).toBe(0o600);
    const refused = openInChild(file);
    expect(refused).toMatchObject({ ok: false, code: 'store_locked', key: 'storeLocked', params: { pid: process.pid, since: '2026-12-03T08:00:00.000Z' } });
    expect(String(refused.message)).toContain(`process ${process.pid}`);
    store.close();
    expect(fs.existsSync(lockFileFor(file))).toBe(false);
    expect(openInChild(file)).toMatchObject({ ok: true });
  });

  it('this process is refused while a child holds the store; a killed holder’s stale lock is taken over', async () => {
    const file = path.join(tempDir(), 'ministry-tracker.sqlite');
    const holder = spawn(process.execPath, ['--import', 'tsx', child, file, 'hold'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let out = '';
        holder.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out);
        });
        holder.on('exit', () => reject(new Error(`holder exited: ${out}`)));
      });
      expect(JSON.parse(first)).toMatchObject({ ok: true, pid: holder.pid });
      const err = await openStore(file).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect(err).toMatchObject({ code: 'store_locked', params: { pid: holder.pid as number } });
    } finally {
      const exited = new Promise((resolve) => holder.on('exit', resolve));
      holder.kill('SIGKILL');
      await exited;
    }
    // The holder died without releasing: its lock is still there, and stale.
    expect(fs.existsSync(lockFileFor(file))).toBe(true);
    const store = trackStore(await openStore(file));
    expect(JSON.parse(fs.readFileSync(lockFileFor(file), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(store.ctx.db.open).toBe(true);
  });

  it('a lock of another host is not taken over; an unreadable fresh lock refuses, an old one is taken over', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: 1, startedAt: '2026-12-01T00:00:00.000Z', host: 'another-desk' }));
    expect(() => acquireStoreLock(file)).toThrow(/process 1 on another-desk, since 2026-12-01/);
    fs.writeFileSync(file, '');
    expect(() => acquireStoreLock(file)).toThrow(StoreError);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    const lock = acquireStoreLock(file);
    expect(lock.owner.pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a lock of a process no longer running on this host is taken over', () => {
    const file = path.join(tempDir(), 'x.lock');
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    fs.writeFileSync(file, JSON.stringify({ pid: Number(gone.stdout.trim()), startedAt: '2026-12-01T00:00:00.000Z', host: os.hostname() }));
    const lock = acquireStoreLock(file);
    expect(lock.owner.pid).toBe(process.pid);
    lock.release();
  });
});
