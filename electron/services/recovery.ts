// The app core that starts even when its data file is damaged (or is not ours): it then runs in a
// "store unavailable" state, where every channel of the normal app answers the typed 'damaged'
// error and the recovery channels offer the good backups of the data folder. A full integrity
// check runs once while idle after the start (and on request); damage found there stops every
// further call the same way. A restore moves the damaged file aside (never deletes it), restores
// the chosen backup and opens the store again behind the same handler table.
import { StoreError } from '../../db/errors';
import { checkStore, damagedError, moveAside, moveBack } from '../../db/integrity';
import { defaultBackupsDir, listBackups, restoreBackup } from '../../db/backups';
import { acquireStoreLock, lockFileFor, type StoreLock } from '../../db/lock';
import { CHANNELS, type ChannelName } from '../api/contract';
import type { Handlers } from '../api/dispatch';
import type { RecoveryStatus } from '../api/recovery/channels';
import { createRecoveryHandlers } from '../api/recovery/handlers';
import type { AppConfig, AppCore } from './app';

/** The full check runs this long after the start, once. */
export const IDLE_CHECK_AFTER_MS = 30_000;

/** StoreError keys the app starts without its store for (and offers the backups). */
const RECOVERABLE = new Set(['damaged', 'not_a_database']);

interface Problem {
  key: string;
  error: StoreError;
}

export interface RecoverableCoreOptions {
  file: string;
  open: (config: AppConfig) => Promise<AppCore>;
  language: () => 'en' | 'ru' | 'kk' | 'ky';
}

function unavailableError(file: string, problem: Problem | null): StoreError {
  if (problem === null) return damagedError(file);
  const { error } = problem;
  // Every channel answers 'damaged'; the message and key say what is wrong with the file.
  if (error.key === 'notOurStore') return new StoreError('damaged', error.message, 'notOurStore', { file });
  return new StoreError('damaged', error.message, 'storeDamaged', { file });
}

export async function startRecoverableCore(config: AppConfig, options: RecoverableCoreOptions): Promise<AppCore> {
  const { file } = options;
  let inner: AppCore | null = null;
  let problem: Problem | null = null;
  const now = (): Date => config.now?.() ?? new Date();

  // While the store is unavailable this process still holds the data folder's lock, so a second
  // copy started meanwhile says the data is in use instead of restoring over this one's restore.
  let unavailableLock: StoreLock | null = null;
  const releaseUnavailableLock = (): void => {
    unavailableLock?.release();
    unavailableLock = null;
  };

  const tryOpen = async (): Promise<void> => {
    releaseUnavailableLock();
    try {
      inner = await options.open(config);
      problem = null;
    } catch (err) {
      if (err instanceof StoreError && RECOVERABLE.has(err.code)) {
        inner = null;
        problem = { key: err.key ?? 'storeDamaged', error: err };
        unavailableLock = acquireStoreLock(lockFileFor(file), now());
        return;
      }
      throw err;
    }
  };
  await tryOpen();

  /** Closes the core over the store; a damaged store may fail its last checkpoint, and is closed all the same. */
  const closeInner = (): void => {
    const closing = inner;
    inner = null;
    try {
      closing?.close();
    } catch (err) {
      if (!(err instanceof StoreError && err.code === 'damaged')) throw err;
    }
  };

  const current = (): AppCore => {
    if (inner === null || problem !== null) throw unavailableError(file, problem);
    return inner;
  };

  const status = (): RecoveryStatus => {
    if (problem === null) return { state: 'ok' };
    let backups: ReturnType<typeof listBackups> = [];
    try {
      backups = listBackups(defaultBackupsDir(file));
    } catch {
      // an unreadable backup folder offers none; the screen still names the file and the problem
    }
    return {
      state: 'unavailable',
      problem: problem.key,
      file,
      language: options.language(),
      backups: backups.map((b) => ({ name: b.name, createdAt: b.createdAt.toISOString(), reason: b.reason, size: b.size, instructions: b.instructions })),
    };
  };

  const check = (): RecoveryStatus => {
    if (inner !== null && problem === null) {
      const result = checkStore(inner.store.ctx);
      if (!result.ok) {
        console.error('[ministry-tracker] the full check found damage:', result.problems.slice(0, 5).join('; '));
        problem = { key: 'storeDamaged', error: damagedError(file) };
      }
    }
    return status();
  };

  let restoring = false;
  const restore = async (name: string): Promise<RecoveryStatus> => {
    // One restore at a time: a second one would move the freshly restored file aside.
    if (restoring) throw new StoreError('busy', 'A backup is being restored. Try again in a moment.', 'busy');
    restoring = true;
    try {
      return await restoreOnce(name);
    } finally {
      restoring = false;
    }
  };

  const restoreOnce = async (name: string): Promise<RecoveryStatus> => {
    if (problem === null) throw new StoreError('conflict', 'The data file is in order; nothing was restored.', 'nothingToRestore');
    const backup = listBackups(defaultBackupsDir(file)).find((b) => b.name === name);
    if (backup === undefined) throw new StoreError('not_found', `There is no backup named ${name} in the backups folder.`, 'backupNotFound', { name });
    closeInner();
    unavailableLock ??= acquireStoreLock(lockFileFor(file), now());
    const aside = moveAside(file, now());
    try {
      await restoreBackup(file, backup.file, { now: now() });
    } catch (err) {
      // Nothing was restored: the damaged file goes back, so the next start offers the backups
      // again instead of finding no file and starting an empty store.
      moveBack(aside, file);
      throw err;
    }
    await tryOpen();
    return status();
  };

  const recovery = createRecoveryHandlers({ status, check, restore });
  const handlers = {} as Record<ChannelName, (input: unknown) => unknown>;
  for (const name of CHANNELS) {
    const own = (recovery as Partial<Record<ChannelName, (input: unknown) => unknown>>)[name];
    handlers[name] = own ?? ((input: unknown) => (current().handlers[name] as (input: unknown) => unknown)(input));
  }

  const delay = config.idleCheckAfterMs ?? IDLE_CHECK_AFTER_MS;
  const timer = delay > 0 ? setTimeout(() => check(), delay) : null;
  timer?.unref();

  return {
    get store() {
      return current().store;
    },
    config,
    handlers: handlers as unknown as Handlers,
    uploads: {
      get maxBytes() {
        return inner?.uploads.maxBytes ?? 0;
      },
      accept: (name, bytes) => current().uploads.accept(name, bytes),
      tooLarge: (size) => current().uploads.tooLarge(size),
    },
    attachmentUploads: {
      receive: (name, body, declaredSize) => current().attachmentUploads.receive(name, body, declaredSize),
    },
    attachmentFile: (id) => current().attachmentFile(id),
    restoreUploads: {
      receive: (name, body, declaredSize) => current().restoreUploads.receive(name, body, declaredSize),
    },
    get reports() {
      return current().reports;
    },
    get backups() {
      return current().backups;
    },
    info: () => current().info(),
    close: () => {
      if (timer !== null) clearTimeout(timer);
      if (problem === null && inner !== null) return inner.close();
      closeInner();
      releaseUnavailableLock();
      // A store that never opened (or was damaged) has no last write to report.
      return { diskFull: false, problem: null, walFile: `${file}-wal`, message: null };
    },
  };
}
