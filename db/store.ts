import path from 'node:path';
import { closeDatabase, makeFolder, openDatabase, type CloseReport, type OpenOptions } from './connection';
import { StoreContext } from './context';
import { STANDARD_TOPICS, ensureTag } from './topics';
import { ensureBuiltinBoards } from './boards';
import { refreshAllPeriods } from './periods';
import { acquireStoreLock, lockFileFor, type StoreLock } from './lock';

export interface Store {
  ctx: StoreContext;
  file: string;
  backupPath: string | null;
  /** Closes once; a second call returns the first call's report. Never throws on a full disk. */
  close(): CloseReport;
  /**
   * Closes like close() but hands the one-process lock over instead of releasing it (null if the
   * store took none), for reopening the same file after a restore without letting another copy in.
   */
  closeKeepingLock(): { report: CloseReport; lock: StoreLock | null };
}

export interface OpenStoreOptions extends OpenOptions {
  actor?: () => string;
  /** Take the one-process lock (`<name>.lock` beside the file); on unless a test says otherwise. A held lock is taken over as it is. */
  lock?: boolean | StoreLock;
}

/** Opens the data file, migrates it and makes sure the standard topics and built-in boards exist. */
export async function openStore(file: string, options: OpenStoreOptions = {}): Promise<Store> {
  makeFolder(path.dirname(file));
  const lock = options.lock === false ? null : options.lock === true || options.lock === undefined ? acquireStoreLock(lockFileFor(file), options.now?.()) : options.lock;
  let opened: Awaited<ReturnType<typeof openDatabase>>;
  try {
    opened = await openDatabase(file, options);
  } catch (err) {
    lock?.release();
    throw err;
  }
  const { db, backupPath } = opened;
  const ctx = new StoreContext(db, options.now, options.actor);
  try {
    ctx.transaction(() => {
      for (const topic of STANDARD_TOPICS) ensureTag(ctx, topic);
      ensureBuiltinBoards(ctx);
      // Periodic instructions: their periods generated twelve months ahead of today.
      refreshAllPeriods(ctx);
    });
  } catch (err) {
    closeDatabase(db);
    lock?.release();
    throw err;
  }
  let closed: CloseReport | null = null;
  let keepLock = false;
  const close = (): CloseReport => {
    if (closed === null) {
      try {
        closed = closeDatabase(db);
      } finally {
        if (!keepLock) lock?.release();
      }
    }
    return closed;
  };
  return {
    ctx,
    file,
    backupPath,
    close,
    closeKeepingLock: () => {
      keepLock = closed === null;
      const report = close();
      return { report, lock: keepLock ? lock : null };
    },
  };
}
