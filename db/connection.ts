import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index';
import { StoreError, fromSqliteError } from './errors';
import { damagedError, moveAside, quickCheck, quickCheckWithin } from './integrity';
import { defaultBackupsDir, makeBackup } from './backups';

export type Db = Database.Database;

/** Marks our files (`PRAGMA application_id`), so that a stranger's SQLite file is refused. */
export const APPLICATION_ID = 0x4d415431; // "MAT1"

export interface OpenOptions {
  /** Path to a better-sqlite3 addon built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  /** Clock used to name the pre-migration backup. */
  now?: () => Date;
  /** The migrations to apply; the app's own unless a test brings a longer or shorter list. */
  migrations?: readonly string[];
  /** Where verified backups go; `<data folder>/backups` unless told. */
  backupsDir?: string;
  /**
   * The check worker bundle (check-worker.cjs): with it the check on open is stopped after
   * QUICK_CHECK_BUDGET_MS; without it (tests, tools) the check runs here to its end.
   */
  checkWorker?: string;
  /** The time the check on open may take (QUICK_CHECK_BUDGET_MS unless a test says otherwise). */
  checkBudgetMs?: number;
}

export interface OpenedDatabase {
  db: Db;
  /** The verified backup (in the backups folder) written before migrating an existing file. */
  backupPath: string | null;
  migratedFrom: number;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Files of the store are the official's alone: 0600, folders 0700, where the platform has modes. */
export const FILE_MODE = 0o600;
export const FOLDER_MODE = 0o700;

/** Creates a folder (0700 for the levels it creates); an existing folder keeps its mode. */
export function makeFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
}

/** Tightens the data file and its -wal and -shm to 0600 (no-op where files have no modes). */
export function tightenModes(file: string): void {
  if (process.platform === 'win32') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(f, FILE_MODE);
    } catch {
      // absent companion, or a file system without modes
    }
  }
}

/** Whether a file exists; other failures (no permission on the folder) are a clear StoreError. */
function exists(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreError('cannot_open', `The data file ${file} cannot be reached (${(err as NodeJS.ErrnoException).code}). Nothing was changed.`, 'cannotOpenFile', { file });
  }
}

function notOurs(file: string, what: string): StoreError {
  return new StoreError('not_a_database', `${file} ${what}, not a data file of this app; it was left untouched. Move it away or choose another data folder.`, 'notOurStore', { file });
}

function walHasContent(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * Refuses, before SQLite touches it (SQLite would create a -wal and -shm beside a WAL-mode file), a
 * file that cannot be a store of ours: empty, not SQLite, or another application id in the header
 * (bytes 68-71). With a non-empty -wal the header may be older than the last commit, so the
 * application id is then left to the SQLite probe.
 */
function checkHeader(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(100);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) throw notOurs(file, 'is empty (zero bytes)');
    if (read < SQLITE_HEADER.length || !head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) throw notOurs(file, 'is not a SQLite database');
    if (read === head.length && head.readUInt32BE(68) !== APPLICATION_ID && !walHasContent(file)) {
      throw notOurs(file, 'is a SQLite database of another program');
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads the schema version and checks the pages, without writing a single byte to the file. */
function probe(file: string, nativeBinding: string | undefined, check: boolean): { version: number; appId: number } {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw notOurs(file, 'is a SQLite database of another program');
    if (check && !quickCheck(db).ok) throw damagedError(file);
    return { version, appId };
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw fromSqliteError(err, file);
  } finally {
    db?.close();
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function migrate(db: Db, migrations: readonly string[], from: number): void {
  for (let version = from; version < migrations.length; version++) {
    const sql = migrations[version] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/**
 * A new store is built under a temporary name and renamed into place complete, so that the data
 * path only ever holds no file or a whole store: a zero-byte or half-made file there is not ours.
 */
function createStore(file: string, migrations: readonly string[], nativeBinding: string | undefined): void {
  // A -wal or -shm without its file would be applied to the new store: keep it, out of the way.
  if (fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`)) moveAside(file);
  const temp = `${file}.creating-${process.pid}`;
  fs.closeSync(fs.openSync(temp, 'wx', FILE_MODE));
  let db: Db | undefined;
  try {
    db = new Database(temp, { nativeBinding });
    configure(db);
    migrate(db, migrations, 0);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    db = undefined;
    const fd = fs.openSync(temp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
    fs.linkSync(temp, file); // fails rather than replace a file that appeared meanwhile
    fs.unlinkSync(temp);
  } catch (err) {
    db?.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
    throw fromSqliteError(err, file);
  }
}

/**
 * Opens the data file, or creates a new store when (and only when) no file is there. Refuses a
 * zero-byte file, a file that is not SQLite, another program's SQLite database, a damaged one
 * (bounded quick_check) and one written by a newer version, each leaving the file untouched.
 * Before migrating, a verified backup goes into the backups folder.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  makeFolder(path.dirname(file));

  let existingVersion = latest;
  const created = !exists(file);
  if (created) {
    createStore(file, migrations, options.nativeBinding);
  } else {
    checkHeader(file);
    const found = probe(file, options.nativeBinding, options.checkWorker === undefined);
    if (found.version > latest) {
      throw new StoreError(
        'database_from_future',
        `${file} was written by a newer version of this app (data version ${found.version}; this version reads up to ${latest}). Install the newer version to open it; the file was left untouched.`,
        'databaseFromFuture',
        { file, version: found.version, supported: latest },
      );
    }
    existingVersion = found.version;
    if (options.checkWorker !== undefined) {
      const checked = await quickCheckWithin(file, { workerFile: options.checkWorker, budgetMs: options.checkBudgetMs, nativeBinding: options.nativeBinding });
      if (!checked.ok) throw damagedError(file);
      if (!checked.finished) {
        console.warn(`[ministry-tracker] the check on open of ${file} did not finish in time${checked.problems.length ? ` (${checked.problems.join('; ')})` : ''}; the full check runs when the app is idle.`);
      }
    }
  }

  let db: Db;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding, fileMustExist: true });
  } catch (err) {
    throw fromSqliteError(err, file);
  }
  try {
    configure(db);
    tightenModes(file);
    let backupPath: string | null = null;
    if (existingVersion < latest) {
      backupPath = (await makeBackup(db, options.backupsDir ?? defaultBackupsDir(file), 'before-migration', now())).file;
    }
    migrate(db, migrations, existingVersion);
    return { db, backupPath, migratedFrom: created ? 0 : existingVersion };
  } catch (err) {
    db.close();
    throw fromSqliteError(err, file);
  }
}

export interface CloseReport {
  /** The final checkpoint did not fit on the disk: the data is safe in the -wal file. */
  diskFull: boolean;
  /** What stopped the last write, if anything: the shell words it in the official's language. */
  problem: 'disk_full' | 'disk_error' | null;
  /** The write-ahead log that keeps the last changes until the next start. */
  walFile: string;
  /** A one-line message (English, for logs and the terminal) when something needs attention, else null. */
  message: string | null;
}

/**
 * Closes the database after `optimize` and a final `wal_checkpoint(TRUNCATE)`. A full disk or a
 * disk error during that last step does not throw: every committed change is already in the -wal
 * file, SQLite applies it on the next open, and the report says what happened.
 */
export function closeDatabase(db: Db): CloseReport {
  const walFile = `${db.name}-wal`;
  if (!db.open) return { diskFull: false, problem: null, walFile, message: null };
  let failure: unknown = null;
  try {
    db.pragma('optimize');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    failure = fromSqliteError(err, db.name);
  }
  try {
    db.close();
  } catch (err) {
    failure ??= fromSqliteError(err, db.name);
  }
  if (failure instanceof StoreError && failure.code === 'storage_full') {
    return { diskFull: true, problem: 'disk_full', walFile, message: `The disk is full: the last changes are kept in ${walFile} and are applied on the next start. Free some space.` };
  }
  if (failure instanceof StoreError && failure.code === 'io_error') {
    return { diskFull: false, problem: 'disk_error', walFile, message: `A disk error at shutdown: the last changes are kept in ${walFile} and are applied on the next start.` };
  }
  if (failure) throw failure;
  return { diskFull: false, problem: null, walFile, message: null };
}
