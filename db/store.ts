import path from 'node:path';
import { closeDatabase, makeFolder, openDatabase, type CloseReport, type OpenOptions } from './connection';
import { StoreContext } from './context';
import { STANDARD_TOPICS, ensureTag } from './topics';
import { ensureBuiltinBoards } from './boards';
import { acquireStoreLock, lockFileFor } from './lock';

export interface Store {
  ctx: StoreContext;
  file: string;
  backupPath: string | null;
  /** Closes once; a second call returns the first call's report. Never throws on a full disk. */
  close(): CloseReport;
}

export interface OpenStoreOptions extends OpenOptions {
  actor?: () => string;
  /** Take the one-process lock (`<name>.lock` beside the file); on unless a test says otherwise. */
  lock?: boolean;
}

/** Opens the data file, migrates it and makes sure the standard topics and built-in boards exist. */
export async function openStore(file: string, options: OpenStoreOptions = {}): Promise<Store> {
  makeFolder(path.dirname(file));
  const lock = options.lock === false ? null : acquireStoreLock(lockFileFor(file), options.now?.());
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
    });
  } catch (err) {
    closeDatabase(db);
    lock?.release();
    throw err;
  }
  let closed: CloseReport | null = null;
  return {
    ctx,
    file,
    backupPath,
    close: () => {
      if (closed === null) {
        try {
          closed = closeDatabase(db);
        } finally {
          lock?.release();
        }
      }
      return closed;
    },
  };
}
