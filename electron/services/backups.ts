// The backup schedule and the pre-operation backups of the running app: a backup at start when the
// newest one is older than a day (or there is none), then every 24 hours while the app runs, one
// before every import, merge and restore, and the rotation after each. The folder is the data
// folder's backups/ unless the store's 'backups.folder' setting names another. A failure is never
// skipped silently: a requested or pre-operation backup throws (and the operation is refused), a
// scheduled one is kept as the last error the Backups screen shows. The clock and the timer are
// injected so the tests drive them.
import { backupStore, defaultBackupsDir, listBackups, rotateBackups, type BackupInfo } from '../../db/backups';
import type { StoreContext } from '../../db/context';
import { StoreError } from '../../db/errors';
import { getSetting, setSetting } from '../../db/settings';
import type { BackupFailure } from '../api/backups/channels';

export const BACKUP_FOLDER_SETTING = 'backups.folder';
export const DAY_MS = 86_400_000;

/** A repeating timer; returns its cancel function. */
export type Every = (ms: number, fn: () => void) => () => void;

export const realEvery: Every = (ms, fn) => {
  const timer = setInterval(fn, ms);
  timer.unref?.();
  return () => clearInterval(timer);
};

/** The last backup that failed, as the Backups screen shows it. */
export type BackupError = BackupFailure;

export interface BackupServiceDeps {
  /** The current store (it changes when a backup is restored). */
  ctx: () => StoreContext;
  dataFile: string;
  now?: () => Date;
  every?: Every;
}

export interface BackupService {
  folder(): string;
  isDefaultFolder(): boolean;
  setFolder(folder: string | null): void;
  list(): BackupInfo[];
  /** Makes a backup now and rotates; throws (and records the error) when it cannot be made. */
  create(reason: string): Promise<BackupInfo>;
  /** The start-up backup (if the newest is older than a day) and the 24-hour timer. Never throws. */
  start(): Promise<void>;
  /** The last failure of a backup (scheduled or not), cleared by the next success. */
  lastError(): BackupError | null;
  /** Resolves when no backup is being made (a restore waits for this before it closes the store). */
  idle(): Promise<void>;
  stop(): void;
}

export function createBackupService({ ctx, dataFile, now = () => new Date(), every = realEvery }: BackupServiceDeps): BackupService {
  let last: BackupError | null = null;
  let cancel: (() => void) | null = null;
  let running: Promise<unknown> = Promise.resolve();

  const folder = (): string => {
    const chosen = getSetting<string | null>(ctx(), BACKUP_FOLDER_SETTING, null);
    return typeof chosen === 'string' && chosen.trim() !== '' ? chosen : defaultBackupsDir(dataFile);
  };

  async function create(reason: string): Promise<BackupInfo> {
    const target = folder();
    const at = now();
    try {
      const made = await backupStore(ctx(), target, reason, at);
      rotateBackups(target, at);
      last = null;
      return made;
    } catch (err) {
      const e = err instanceof StoreError ? err : null;
      last = {
        at: at.toISOString(),
        reason,
        folder: target,
        message: err instanceof Error ? err.message : String(err),
        ...(e?.key ? { key: e.key } : {}),
        ...(e?.params ? { params: e.params } : {}),
      };
      throw err;
    }
  }

  /** One backup at a time: the schedule and the operations queue behind each other. */
  function queued(reason: string): Promise<BackupInfo> {
    const next = running.then(
      () => create(reason),
      () => create(reason),
    );
    running = next.catch(() => undefined);
    return next;
  }

  async function scheduled(): Promise<void> {
    try {
      await queued('daily');
    } catch {
      // kept in lastError for the Backups screen
    }
  }

  return {
    folder,
    isDefaultFolder: () => folder() === defaultBackupsDir(dataFile),
    setFolder: (chosen) => setSetting(ctx(), BACKUP_FOLDER_SETTING, chosen),
    list: () => listBackups(folder()),
    create: queued,
    async start() {
      let newest: BackupInfo | undefined;
      try {
        newest = listBackups(folder())[0];
      } catch {
        newest = undefined; // an unreadable folder: the backup below reports it
      }
      if (newest === undefined || now().getTime() - newest.createdAt.getTime() >= DAY_MS) await scheduled();
      cancel?.();
      cancel = every(DAY_MS, () => void scheduled());
    },
    lastError: () => last,
    idle: () => running.then(() => undefined),
    stop() {
      cancel?.();
      cancel = null;
    },
  };
}
