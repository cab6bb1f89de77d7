// Reminders in the Electron shell, against the recording stand-in of electron: the main process
// fires what is due into the system's notifications (the Windows app id set so they appear), sets
// the badge to overdue + due today, and a click brings the window forward and tells the page to
// open that card. The store's clock is real here, so the instruction is due today whatever the date.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fake, powerMonitor } from '../../../support/fake-electron';
import { openStore } from '../../../../db/store';
import { createInstruction } from '../../../../db/instructions';
import { createOrganization } from '../../../../db/organizations';
import { setSetting } from '../../../../db/settings';
import { DATABASE_FILE_NAME } from '../../../../electron/services/app';
import { startMain } from '../../../../electron/main/bootstrap';
import { tempDir } from '../../../support/temp';
import { localIsoDate } from '../../../../db/dates';

let dataDir: string;

beforeEach(() => {
  fake.reset();
  dataDir = tempDir();
  process.env.MINISTRY_TRACKER_DATA_DIR = dataDir;
});

afterEach(() => {
  delete process.env.MINISTRY_TRACKER_DATA_DIR;
});

describe('reminders in the Electron shell', () => {
  it('notify once, in the app’s language, set the badge, and open the card on a click', async () => {
    const store = await openStore(path.join(dataDir, DATABASE_FILE_NAME));
    const org = createOrganization(store.ctx, { name: 'Министерство энергетики' });
    const today = localIsoDate(new Date());
    const due = createInstruction(store.ctx, { controlNumber: '12/3', title: 'Транзит электроэнергии', dueDate: today, leadOrgId: org.id });
    createInstruction(store.ctx, { controlNumber: '12/4', title: 'Later', dueDate: '2099-01-01' });
    setSetting(store.ctx, 'language', 'ru');
    store.close();

    const core = await startMain({ preload: '/app/preload.cjs', renderer: tempDir(), nativeBinding: undefined });
    try {
      if (process.platform === 'win32') expect(fake.appUserModelIds).toEqual(['org.ministry-tracker.app']);
      expect(fake.notifications.map((n) => n.options)).toEqual([{ title: 'Срок сегодня: № 12/3', body: 'Транзит электроэнергии — Министерство энергетики' }]);
      expect(fake.badgeCounts.at(-1)).toBe(1);

      const window = fake.windows[0]!;
      fake.notifications[0]!.click();
      expect(window.focusCalls).toBe(1);
      expect(window.webContents.sent).toEqual([{ channel: 'app:openCard', args: [due.id] }]);

      // Waking the computer checks again: nothing new fires for the same event.
      powerMonitor.emit('resume');
      expect(fake.notifications).toHaveLength(1);
      expect(fake.badgeCounts.at(-1)).toBe(1);
    } finally {
      core?.close();
    }
  });

  it('shows nothing where the system has no notifications, and still counts the badge', async () => {
    fake.notificationsSupported = false;
    const store = await openStore(path.join(dataDir, DATABASE_FILE_NAME));
    createInstruction(store.ctx, { title: 'Today', dueDate: localIsoDate(new Date()) });
    store.close();
    const core = await startMain({ preload: '/app/preload.cjs', renderer: tempDir(), nativeBinding: undefined });
    try {
      expect(fake.notifications).toEqual([]);
      expect(fake.badgeCounts.at(-1)).toBe(1);
    } finally {
      core?.close();
    }
  });
});
