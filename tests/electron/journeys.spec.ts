import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronRuntime } from '../../build/electron-runtime.mjs';
import { ensureElectronSqlite } from '../../build/electron-native.mjs';
import { chooseDemo, moveCardsEveryWay, seeDemoBoard } from '../support/journeys';

const root = path.resolve(import.meta.dirname, '../..');
const runtime = electronRuntime();
const skipReason = runtime.ok ? '' : `Electron runtime not available: ${runtime.reason}`;

test.describe('in the Electron window', () => {
  test.skip(!runtime.ok, skipReason);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeEach(async () => {
    if (!runtime.ok) return;
    const native = ensureElectronSqlite(runtime);
    if (!native.ok) throw new Error(`better-sqlite3 for Electron could not be built: ${native.reason}`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-electron-'));
    const args = [path.join(root, 'dist/electron/main.cjs'), '--data-dir', dataDir];
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    app = await electron.launch({
      executablePath: runtime.binary,
      args,
      env: { ...process.env, MINISTRY_TRACKER_NATIVE_BINDING: native.path },
    });
    page = await app.firstWindow();
  });

  test.afterEach(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('first run offers the demo and shows the control board by status', async () => {
    await chooseDemo(page);
    await seeDemoBoard(page);
  });

  test('a card moves by mouse, by keyboard and by the menu, and the moves survive a reload', async () => {
    await chooseDemo(page);
    await moveCardsEveryWay(page);
  });

  test('the page has no Node and reaches the app only through the named bridge', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { ministryApi: object }).ministryApi).length,
      ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: expect.any(Number), ipc: 'undefined' });
    expect(globals.bridge).toBeGreaterThan(10);
    expect(page.url()).toBe('app://renderer/index.html');
  });
});
