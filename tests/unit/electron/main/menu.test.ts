// The packaged app's menu: no DevTools, no reload (run against the fake electron, as shell.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app, fake, FakeMenu, type FakeMenuItem } from '../../../support/fake-electron';
import { startMain } from '../../../../electron/main/bootstrap';
import { tempDir } from '../../../support/temp';

let rendererDir: string;

beforeEach(() => {
  fake.reset();
  process.env.MINISTRY_TRACKER_DATA_DIR = tempDir();
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
});

afterEach(() => {
  delete process.env.MINISTRY_TRACKER_DATA_DIR;
  app.isPackaged = false;
});

/** Every item of a menu, submenus included. */
function items(menu: FakeMenu | FakeMenuItem[]): FakeMenuItem[] {
  const list = menu instanceof FakeMenu ? menu.items : menu;
  return list.flatMap((item) => [item, ...(item.submenu ? items(item.submenu) : [])]);
}

const DEVELOPER_ROLES = ['toggledevtools', 'reload', 'forcereload', 'viewmenu'];

describe('application menu', () => {
  it('a packaged start sets a menu without DevTools or reload', async () => {
    app.isPackaged = true;
    const core = await startMain({ preload: '/app/preload.cjs', renderer: rendererDir, nativeBinding: undefined });
    try {
      expect(fake.applicationMenus.length).toBeGreaterThan(0);
      const menu = fake.applicationMenus[fake.applicationMenus.length - 1];
      // Either no menu at all, or one whose items offer no developer tools.
      if (menu) {
        const all = items(menu);
        expect(all.length).toBeGreaterThan(0);
        for (const item of all) {
          expect(DEVELOPER_ROLES).not.toContain(String(item.role ?? '').toLowerCase());
          expect(String(item.accelerator ?? '')).not.toMatch(/Shift\+I|F12|\+R$/i);
        }
      }
    } finally {
      core?.close();
    }
  });

  it('a development start keeps Electron’s default menu (DevTools for developers)', async () => {
    const core = await startMain({ preload: '/app/preload.cjs', renderer: rendererDir, nativeBinding: undefined });
    try {
      expect(fake.applicationMenus).toEqual([]);
    } finally {
      core?.close();
    }
  });
});
