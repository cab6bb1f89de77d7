import { closeDatabase, openDatabase, type CloseReport, type OpenOptions } from './connection';
import { StoreContext } from './context';
import { STANDARD_TOPICS, ensureTag } from './catalog';
import { ensureBuiltinBoards } from './boards';

export interface Store {
  ctx: StoreContext;
  file: string;
  backupPath: string | null;
  /** Closes once; a second call returns the first call's report. Never throws on a full disk. */
  close(): CloseReport;
}

export interface OpenStoreOptions extends OpenOptions {
  actor?: () => string;
}

/** Opens the data file, migrates it and makes sure the standard topics and built-in boards exist. */
export async function openStore(file: string, options: OpenStoreOptions = {}): Promise<Store> {
  const { db, backupPath } = await openDatabase(file, options);
  const ctx = new StoreContext(db, options.now, options.actor);
  ctx.transaction(() => {
    for (const topic of STANDARD_TOPICS) ensureTag(ctx, topic);
    ensureBuiltinBoards(ctx);
  });
  let closed: CloseReport | null = null;
  return {
    ctx,
    file,
    backupPath,
    close: () => (closed ??= closeDatabase(db)),
  };
}
