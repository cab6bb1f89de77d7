// Damage detection: a bounded check on every open and a full check (SQLite's own integrity_check
// plus the FTS5 index's check) meant to run while the app is idle. A damaged store is answered
// with a typed StoreError naming the file, never with a raw SQLite message, and a damaged file is
// only ever moved aside, never deleted or overwritten.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { StoreError } from './errors';

type Db = Database.Database;

/**
 * How many problems the check on open collects before it stops. `quick_check` walks every page
 * once (no index cross-check), so its time grows with the file: measured 0.35 s for a 108 MB file
 * (full integrity_check 0.49 s) on a shared 2-core machine, far more on a slow network share.
 */
export const QUICK_CHECK_LIMIT = 10;

/**
 * How long the start waits for the check on open (run in a worker, see quickCheckWithin). A check
 * that takes longer is stopped and the store opens: the full check while idle then reads it all.
 */
export const QUICK_CHECK_BUDGET_MS = 3000;

export interface CheckResult {
  ok: boolean;
  /** What SQLite (or the FTS5 index) reported, for the log; never shown to the official. */
  problems: string[];
}

function rows(db: Db, pragma: string): string[] {
  return (db.pragma(pragma) as Record<string, unknown>[]).map((row) => String(Object.values(row)[0]));
}

function runCheck(db: Db, pragma: string): CheckResult {
  try {
    const problems = rows(db, pragma).filter((line) => line !== 'ok');
    return { ok: problems.length === 0, problems };
  } catch (err) {
    return { ok: false, problems: [String((err as Error).message ?? err)] };
  }
}

/** The bounded check run on every open (`PRAGMA quick_check(QUICK_CHECK_LIMIT)`). */
export function quickCheck(db: Db): CheckResult {
  return runCheck(db, `quick_check(${QUICK_CHECK_LIMIT})`);
}

export interface BoundedCheckResult extends CheckResult {
  /** False when the time ran out before the check finished (nothing found so far). */
  finished: boolean;
}

/** better-sqlite3's entry file for a worker; a packaged app's worker reads it from the unpacked copy beside the asar. */
function driverPath(): string {
  const entry = createRequire(__filename).resolve('better-sqlite3');
  return entry.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

/**
 * `quick_check` of a closed data file in the worker `workerFile` (check-worker.cjs), stopped after
 * `budgetMs`: the start never waits longer than that on a large file or a slow disk.
 */
export function quickCheckWithin(file: string, options: { workerFile: string; budgetMs?: number; nativeBinding?: string }): Promise<BoundedCheckResult> {
  const budget = options.budgetMs ?? QUICK_CHECK_BUDGET_MS;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: BoundedCheckResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const worker = new Worker(options.workerFile, { workerData: { file, driver: driverPath(), nativeBinding: options.nativeBinding } });
    const timer = setTimeout(() => settle({ ok: true, finished: false, problems: [] }), budget);
    worker.once('message', (result: CheckResult) => settle({ ...result, finished: true }));
    // A worker that cannot run says nothing about the file: the check counts as not finished, and
    // the full check while idle reads the file instead.
    worker.once('error', (err) => settle({ ok: true, finished: false, problems: [`the check could not run: ${err.message}`] }));
    worker.once('exit', (code) => settle({ ok: true, finished: false, problems: [`the check stopped (exit ${code})`] }));
  });
}

/**
 * The full check for idle time: `PRAGMA integrity_check` (indexes against tables included) and the
 * FTS5 indexes' own 'integrity-check' of `instruction_fts` and `instruction_search` (migration 005)
 * against their content. Reads only.
 */
export function fullCheck(db: Db): CheckResult {
  const result = runCheck(db, 'integrity_check');
  for (const table of ['instruction_fts', 'instruction_search']) {
    if (db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(table) === undefined) continue;
    try {
      db.prepare(`INSERT INTO ${table}(${table}) VALUES ('integrity-check')`).run();
    } catch (err) {
      result.problems.push(`${table}: ${String((err as Error).message ?? err)}`);
      result.ok = false;
    }
  }
  return result;
}

export function damagedError(file: string): StoreError {
  return new StoreError(
    'damaged',
    `The data file ${file} is damaged. It was left as it is; restore the latest backup (the damaged file is kept, moved aside).`,
    'storeDamaged',
    { file },
  );
}

/** Throws the typed 'damaged' StoreError naming `file` if the full check finds a problem. */
export function assertHealthy(db: Db, file: string): void {
  if (!fullCheck(db).ok) throw damagedError(file);
}

function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Renames a damaged data file and its -wal and -shm to `<name>.damaged-<UTC stamp>` (the companions
 * keep their `-wal`/`-shm` suffix, so the moved copy still opens with its journal). Never deletes and
 * never replaces an existing file: a taken name gets a counter. Returns the new path of the file.
 */
export function moveAside(file: string, now: Date = new Date()): string {
  const base = `${file}.damaged-${fileStamp(now)}`;
  let target = base;
  for (let n = 2; [target, `${target}-wal`, `${target}-shm`].some((f) => fs.existsSync(f)); n++) target = `${base}-${n}`;
  // The file moves first, so that it is never opened again without its journal; openDatabase moves
  // an orphaned -wal/-shm aside before it creates a new store in its place.
  if (fs.existsSync(file)) fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/** The full check of an open store, for the services (which never touch the connection). */
export function checkStore(ctx: { readonly db: Db }): CheckResult {
  return fullCheck(ctx.db);
}

/**
 * Puts a file moved aside by moveAside back at its place (with its -wal/-shm), when what was to
 * replace it could not be put there: the damaged file is then met again at the next start, with
 * the recovery offer, instead of a missing file that would start a new, empty store.
 */
export function moveBack(aside: string, file: string): void {
  if (fs.existsSync(file) || !fs.existsSync(aside)) return;
  fs.renameSync(aside, file);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(aside + suffix) && !fs.existsSync(file + suffix)) fs.renameSync(aside + suffix, file + suffix);
  }
}
