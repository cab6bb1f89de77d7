// The check on open runs in a worker the start stops after a time budget (db/integrity.ts
// quickCheckWithin): damage it reaches in time refuses the open as before; on a file it cannot
// finish in time the store still opens, and the full check while idle finds what it missed.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../db/store';
import { StoreError } from '../../../db/errors';
import { fullCheck, quickCheckWithin } from '../../../db/integrity';
import { startAppCore, DATABASE_FILE_NAME } from '../../../electron/services/app';
import { dispatch } from '../../../electron/api/dispatch';
import { buildCheckWorker } from '../../support/worker-bundle';
import { tempDir } from '../../support/temp';

let worker: { file: string; remove(): void };
let pristine: Buffer;
let damaged: Buffer;

beforeAll(async () => {
  worker = await buildCheckWorker();
  const dir = tempDir('mat-check-src-');
  const core = await startAppCore({ dataDir: dir, version: '0.0.0-test' });
  expect((await dispatch(core.handlers, 'app.chooseStart', { choice: 'demo' })).ok).toBe(true);
  core.close();
  const file = path.join(dir, DATABASE_FILE_NAME);
  pristine = fs.readFileSync(file);
  // The first page of the instructions table gets an impossible page type: the b-tree is broken.
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const page = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'instructions' ORDER BY pageno LIMIT 1").get() as { pageno: number }).pageno;
  db.close();
  damaged = Buffer.from(pristine);
  damaged[(page - 1) * pageSize] = 0x01;
});

afterAll(() => worker.remove());

function storeFile(bytes: Buffer): string {
  const file = path.join(tempDir(), 'ministry-tracker.sqlite');
  fs.writeFileSync(file, bytes);
  return file;
}

describe('the check on open, bounded in time', () => {
  it('finds damage through the worker and refuses the open, leaving the file as it was', async () => {
    const file = storeFile(damaged);
    const refusal = await openStore(file, { checkWorker: worker.file }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(StoreError);
    expect(refusal).toMatchObject({ code: 'damaged', key: 'storeDamaged' });
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });

  it('a check that cannot finish in its time is stopped and the store opens; the full check while idle finds the damage', async () => {
    const file = storeFile(damaged);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const checked = await quickCheckWithin(file, { workerFile: worker.file, budgetMs: 0 });
      expect(checked).toMatchObject({ ok: true, finished: false });
      const store = await openStore(file, { checkWorker: worker.file, checkBudgetMs: 0, lock: false });
      try {
        expect(warn.mock.calls.flat().join(' ')).toMatch(/did not finish in time/);
        expect(fullCheck(store.ctx.db).ok).toBe(false);
      } finally {
        store.close();
      }
    } finally {
      warn.mockRestore();
    }
  });

  it('a sound file passes the check in the worker and opens with every instruction', async () => {
    const checked = await quickCheckWithin(storeFile(pristine), { workerFile: worker.file });
    expect(checked).toEqual({ ok: true, finished: true, problems: [] });
    const store = await openStore(storeFile(pristine), { checkWorker: worker.file });
    try {
      expect((store.ctx.db.prepare('SELECT count(*) AS n FROM instructions').get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('a worker that cannot run does not make a sound file look damaged', async () => {
    const checked = await quickCheckWithin(storeFile(pristine), { workerFile: path.join(tempDir(), 'missing-worker.cjs') });
    expect(checked.ok).toBe(true);
    expect(checked.finished).toBe(false);
  });
});
