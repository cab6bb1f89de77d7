// One process per store: a lock file beside the data file (`ministry-tracker.lock` for
// `ministry-tracker.sqlite`), created with O_EXCL and holding {pid, startedAt, host}. A lock whose
// process is gone on this machine is taken over; any other lock refuses the start, saying who
// holds the store and since when.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from './errors';
import { FILE_MODE } from './connection';

export interface LockOwner {
  pid: number;
  startedAt: string;
  host: string;
}

export interface StoreLock {
  file: string;
  owner: LockOwner;
  release(): void;
}

/** A lock file younger than this with unreadable content may still be being written. */
const FRESH_MS = 5_000;

export function lockFileFor(dataFile: string): string {
  return path.join(path.dirname(dataFile), `${path.basename(dataFile, path.extname(dataFile))}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.startedAt === 'string') return parsed as LockOwner;
  } catch {
    // unreadable: judged by its age below
  }
  return null;
}

function lockedError(file: string, owner: LockOwner | null): StoreError {
  if (owner === null) {
    return new StoreError('store_locked', `The data is in use by another copy of the app (lock file ${file}). Close that copy first.`, 'storeLocked', {
      pid: '?',
      host: '?',
      since: '?',
      file,
    });
  }
  return new StoreError(
    'store_locked',
    `The data is already open in another copy of the app (process ${owner.pid} on ${owner.host}, since ${owner.startedAt}). Close that copy first; nothing was changed.`,
    'storeLocked',
    { pid: owner.pid, host: owner.host, since: owner.startedAt, file },
  );
}

/**
 * Takes the lock or throws a 'store_locked' StoreError naming the holder. A lock left by a process
 * that no longer runs on this host (or an unreadable one older than a few seconds) is taken over.
 * A lock from another host is never taken over: its process cannot be checked from here.
 */
export function acquireStoreLock(file: string, now: Date = new Date()): StoreLock {
  const owner: LockOwner = { pid: process.pid, startedAt: now.toISOString(), host: os.hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(owner), { flag: 'wx', mode: FILE_MODE });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError('cannot_open', `The lock file ${file} cannot be created (${(err as NodeJS.ErrnoException).code}). Nothing was changed.`, 'cannotOpenFile', { file });
      }
      const holder = readOwner(file);
      let stale: boolean;
      if (holder === null) {
        let age: number;
        try {
          age = Date.now() - fs.statSync(file).mtimeMs;
        } catch {
          continue; // gone meanwhile: try again
        }
        stale = age > FRESH_MS;
      } else {
        stale = holder.host === os.hostname() && holder.pid !== process.pid && !alive(holder.pid);
      }
      if (!stale) throw lockedError(file, holder);
      // Take over: move the stale lock away (a rename, so two takers cannot both succeed on it).
      try {
        fs.renameSync(file, `${file}.stale-${process.pid}`);
        fs.rmSync(`${file}.stale-${process.pid}`, { force: true });
      } catch {
        // another process took it over first; the next attempt sees its lock
      }
      continue;
    }
    const onExit = (): void => release();
    let held = true;
    function release(): void {
      if (!held) return;
      held = false;
      process.removeListener('exit', onExit);
      const current = readOwner(file);
      if (current?.pid === owner.pid && current.startedAt === owner.startedAt && current.host === owner.host) fs.rmSync(file, { force: true });
    }
    process.on('exit', onExit);
    return { file, owner, release };
  }
  throw lockedError(file, readOwner(file));
}
