// The Electron shell, run against the recording stand-in of electron (see tests/support/fake-electron.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app, fake, ipcRenderer, type FakeWebContents } from '../../../support/fake-electron';
import { openStore } from '../../../../db/store';
import { DATABASE_FILE_NAME } from '../../../../electron/services/app';
import { startMain } from '../../../../electron/main/bootstrap';
import { mainWindowOptions } from '../../../../electron/main/window';
import { resolveAppFile } from '../../../../electron/main/protocol';
import { bridgeName, CHANNELS } from '../../../../electron/api/contract';
import { tempDir } from '../../../support/temp';

const trusted = { parent: null, url: 'app://renderer/index.html' };

function invoke(channel: string, senderFrame: unknown, payload: unknown) {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame }, payload) as Promise<{ ok: boolean; error?: { code: string } }>;
}

let rendererDir: string;

beforeEach(() => {
  fake.reset();
  process.env.MINISTRY_TRACKER_DATA_DIR = tempDir();
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
});

afterEach(() => {
  delete process.env.MINISTRY_TRACKER_DATA_DIR;
});

async function start() {
  const core = await startMain({ preload: '/app/preload.cjs', renderer: rendererDir, nativeBinding: undefined });
  return core;
}

describe('Electron main', () => {
  it('opens one window with isolation, sandbox, no Node and web security', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('registers exactly the contract channels and serves the UI from app://', async () => {
    const core = await start();
    try {
      expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
      expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
      expect(fake.windows).toHaveLength(1);
      expect(fake.windows[0]!.loadedUrl).toBe('app://renderer/index.html');
    } finally {
      core?.close();
    }
  });

  it('answers the app’s own main frame and refuses a foreign, nested or missing sender', async () => {
    const core = await start();
    try {
      expect(await invoke('app.info', trusted, {})).toMatchObject({ ok: true });
      for (const frame of [
        null,
        undefined,
        { parent: null, url: 'https://evil.example/' },
        { parent: null, url: 'file:///etc/passwd' },
        { parent: trusted, url: 'app://renderer/index.html' },
        { parent: null, url: 'app://other/index.html' },
      ]) {
        expect(await invoke('app.info', frame, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      // Payloads are validated before any handler runs.
      expect(await invoke('meetings.create', trusted, { title: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    } finally {
      core?.close();
    }
  });

  it('denies navigation away, new windows and every permission request', async () => {
    const core = await start();
    try {
      const contents = fake.windows[0]!.webContents as FakeWebContents;
      expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
      const navigate = (url: string) => {
        let prevented = false;
        contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
        return prevented;
      };
      expect(navigate('https://example.org/')).toBe(true);
      expect(navigate('file:///etc/passwd')).toBe(true);
      expect(navigate('app://renderer/index.html')).toBe(false);
      let granted: boolean | undefined;
      fake.permissionRequestHandler?.({}, 'media', (answer: boolean) => (granted = answer));
      expect(granted).toBe(false);
      expect(fake.permissionCheckHandler?.({}, 'notifications')).toBe(false);
    } finally {
      core?.close();
    }
  });

  it('serves files with the CSP and never outside the renderer folder', async () => {
    const core = await start();
    try {
      const handler = fake.protocolHandlers.get('app')!;
      const page = await handler({ url: 'app://renderer/index.html' });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      fs.writeFileSync(path.join(rendererDir, '..', 'secret.txt'), 'not for the page');
      for (const url of ['app://renderer/%2e%2e/secret.txt', 'app://renderer/..%2fsecret.txt', 'app://renderer/../secret.txt']) {
        const response = await handler({ url });
        expect(await response.text()).not.toContain('not for the page');
        const file = resolveAppFile(rendererDir, url);
        expect(file === null || file.startsWith(rendererDir + path.sep), `${url} -> ${file}`).toBe(true);
      }
      expect((await handler({ url: 'app://elsewhere/index.html' })).status).toBe(403);
    } finally {
      core?.close();
    }
  });

  it('a second instance quits at once and opens nothing', async () => {
    fake.singleInstance = false;
    const core = await start();
    expect(core).toBeNull();
    expect(fake.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('a second instance focuses the first one’s window', async () => {
    const core = await start();
    try {
      expect(fake.windows).toHaveLength(1);
      app.emit('second-instance', {}, [], '/');
      expect(fake.windows[0]?.focusCalls).toBe(1);
      expect(fake.windows).toHaveLength(1);
    } finally {
      core?.close();
    }
  });

  it('a store held by another process is refused with a dialog naming it, then quits', async () => {
    const dataDir = process.env.MINISTRY_TRACKER_DATA_DIR as string;
    const holder = await openStore(path.join(dataDir, DATABASE_FILE_NAME));
    try {
      const core = await start();
      expect(core).toBeNull();
      // The fake system prefers Russian: the dialog is in Russian and names the holder.
      expect(fake.errorBoxes[0]?.title).toBe('Контроль поручений не может запуститься');
      expect(fake.errorBoxes[0]?.content).toContain(`процесс ${process.pid}`);
      expect(fake.errorBoxes[0]?.content).not.toMatch(/SQLITE_|\n\s+at |\{pid\}/);
      expect(fake.quitCalls).toBe(1);
      expect(fake.windows).toHaveLength(0);
    } finally {
      holder.close();
    }
  });

  it('a damaged store still opens the window, on the recovery channels', async () => {
    const dataDir = process.env.MINISTRY_TRACKER_DATA_DIR as string;
    fs.writeFileSync(path.join(dataDir, DATABASE_FILE_NAME), 'not a database, just text long enough to be looked at'.repeat(100));
    const core = await start();
    try {
      expect(fake.windows).toHaveLength(1);
      expect(await invoke('recovery.status', trusted, {})).toMatchObject({ ok: true, value: { state: 'unavailable', problem: 'notOurStore' } });
      expect(await invoke('meetings.list', trusted, {})).toMatchObject({ ok: false, error: { code: 'damaged' } });
    } finally {
      core?.close();
    }
  });

  it('refuses to start on a database from a newer version with a clear message', async () => {
    const first = await start();
    first?.store.ctx.db.pragma('user_version = 999');
    first?.close();
    fake.reset();
    const core = await start();
    expect(core).toBeNull();
    expect(fake.errorBoxes[0]?.content).toMatch(/более новой версией программы \(версия данных 999; эта версия читает до \d+\)/);
    expect(fake.windows).toHaveLength(0);
  });
});

describe('Electron main at quit', () => {
  it('a clean quit closes the store and shows nothing', async () => {
    const core = await start();
    expect(core).not.toBeNull();
    app.emit('will-quit');
    expect(fake.messageBoxes).toEqual([]);
    expect(core?.store.ctx.db.open).toBe(false);
  });

  it('a last write that did not fit on the disk is told in the app’s language, naming the file that keeps it', async () => {
    const core = await start();
    if (!core) throw new Error('no core');
    await invoke('app.setLanguage', trusted, { language: 'kk' });
    const realClose = core.close;
    // The report a full disk gives at the last checkpoint (tests/unit/db/close.test.ts makes a real one).
    core.close = () => ({ ...realClose(), diskFull: true, problem: 'disk_full', message: 'The disk is full' });
    app.emit('will-quit');
    expect(fake.messageBoxes).toHaveLength(1);
    expect(fake.messageBoxes[0]).toMatchObject({ type: 'warning', title: 'Тапсырмаларды бақылау' });
    expect(fake.messageBoxes[0]?.message).toContain('Дискіде орын жоқ');
    expect(fake.messageBoxes[0]?.message).toContain(`${DATABASE_FILE_NAME}-wal`);
    expect(core.store.ctx.db.open).toBe(false);
  });
});

describe('Electron preload', () => {
  it('exposes one named function per channel, each invoking its own channel, and not ipcRenderer', async () => {
    await import('../../../../electron/preload/preload');
    const api = fake.exposed.get('ministryApi') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual(CHANNELS.map((c) => bridgeName(c)).sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.instructionsMove!({ id: 'x' });
    expect(fake.invoked).toEqual([{ channel: 'instructions.move', input: { id: 'x' } }]);
    expect([...fake.exposed.keys()]).toEqual(['ministryApi', 'ministryEvents']);
    expect(Object.values(api).every((fn) => typeof fn === 'function')).toBe(true);

    // One-way: a clicked reminder passes the page an instruction id, and nothing of the IPC event.
    const events = fake.exposed.get('ministryEvents') as { onOpenCard(listener: (id: unknown) => void): void };
    expect(Object.isFrozen(events)).toBe(true);
    const opened: unknown[] = [];
    events.onOpenCard((id) => opened.push(id));
    const relay = ipcRenderer.listeners.get('app:openCard') ?? [];
    expect(relay).toHaveLength(1);
    relay[0]!({ sender: 'the IPC event' }, '00000000-0000-4000-8000-000000000001');
    relay[0]!({ sender: 'the IPC event' }, { not: 'an id' });
    expect(opened).toEqual(['00000000-0000-4000-8000-000000000001']);
  });
});
