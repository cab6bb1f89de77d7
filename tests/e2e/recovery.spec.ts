// A damaged store is answered with a screen that names the file and restores a good backup; a
// store open in another process is refused in one line naming that process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { startBrowserModeApp, type RunningApp } from '../support/server';
import { DATABASE_FILE_NAME, startAppCore } from '../../electron/services/app';
import { dispatch } from '../../electron/api/dispatch';
import { defaultBackupsDir, makeBackup } from '../../db/backups';

const root = path.resolve(import.meta.dirname, '../..');

/** A data folder whose store holds the demo, with a verified backup of it; then the store's `tags` page is overwritten. */
async function damagedFolderWithBackup(): Promise<{ dataDir: string; file: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-e2e-recovery-'));
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  const core = await startAppCore({ dataDir, version: '0.0.0-test', idleCheckAfterMs: 0 });
  await dispatch(core.handlers, 'app.chooseStart', { choice: 'demo' });
  const db = core.store.ctx.db;
  // A minute after the start-up backup of the still empty store, so the demo's is the latest.
  await makeBackup(db, defaultBackupsDir(file), 'daily', new Date(Date.now() + 60_000));
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const rootPage = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'tags'").get() as { rootpage: number }).rootpage;
  core.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootPage - 1) * pageSize);
  fs.closeSync(fd);
  return { dataDir, file };
}

test('a damaged store shows the recovery screen, and restoring the latest backup opens the demo board', async ({ page, pageErrors }) => {
  const { dataDir, file } = await damagedFolderWithBackup();
  const app: RunningApp = await startBrowserModeApp({ dataDir });
  try {
    await page.goto(app.openUrl);
    await expect(page.getByRole('heading', { name: 'The data cannot be opened' })).toBeVisible();
    await expect(page.getByRole('alert').first()).toContainText(file);
    await page.getByRole('button', { name: 'Restore the latest good backup' }).click();
    await expect(page.getByTestId('card').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    const aside = fs.readdirSync(dataDir).filter((n) => n.startsWith(`${DATABASE_FILE_NAME}.damaged-`));
    expect(aside.length).toBeGreaterThan(0);
    expect(app.output()).not.toMatch(/SQLITE_|\n\s+at /);
    expect(pageErrors).toEqual([]);
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a second browser-mode server on the same data folder exits with one line naming the process', async () => {
  const first = await startBrowserModeApp();
  try {
    const second = spawn(process.execPath, [path.join(root, 'dist/server/cli.cjs'), '--data-dir', first.dataDir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    second.stdout.on('data', (d: Buffer) => (out += d.toString()));
    second.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`process ${first.process.pid}`);
    expect(lines[0]).toMatch(/since \d{4}-\d{2}-\d{2}T/);
  } finally {
    await first.stop();
    fs.rmSync(first.dataDir, { recursive: true, force: true });
  }
});
