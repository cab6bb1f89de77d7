// The check on open, in a worker thread the opener can stop: `PRAGMA quick_check` cannot be
// interrupted from JavaScript (better-sqlite3 has no progress handler), so the time bound is kept
// by terminating this thread. Built as its own bundle (check-worker.cjs) beside each process that
// opens a store; it loads the driver from the path the opener gives, read-only.
import { parentPort, workerData } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { quickCheck, type CheckResult } from './integrity';

export interface CheckWorkerInput {
  file: string;
  /** better-sqlite3's entry file, resolved by the opener (a worker bundle has no node_modules of its own). */
  driver: string;
  nativeBinding: string | undefined;
}

function run(): void {
  const port = parentPort;
  if (!port) throw new Error('the check worker must run as a worker thread');
  const { file, driver, nativeBinding } = workerData as CheckWorkerInput;
  let result: CheckResult;
  let db: BetterSqlite3.Database | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the driver's path is known only at run time
    const Database = require(driver) as typeof BetterSqlite3;
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    result = quickCheck(db);
  } catch (err) {
    result = { ok: false, problems: [err instanceof Error ? err.message : String(err)] };
  } finally {
    db?.close();
  }
  port.postMessage(result);
}

run();
