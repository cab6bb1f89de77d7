// The shell's part of reminders: the operating system's notifications and the badge, as the tested
// reminder service (electron/services/reminders.ts) decides them; a click on a notification brings
// the window forward and tells the page to open the card (the one-way `app:openCard` event the
// preload passes on). Checks run every few minutes and when the computer wakes.
import { app, Notification, powerMonitor, type BrowserWindow } from 'electron';
import type { AppCore } from '../services/app';
import { createReminderService, type ReminderService } from '../services/reminders';

/** The event the preload relays to the page: open this instruction's card. */
export const OPEN_CARD_EVENT = 'app:openCard';

/** Windows shows a desktop app's notifications only under its application user model id. */
export const APP_USER_MODEL_ID = 'org.ministry-tracker.app';

export function startReminders(core: AppCore, window: () => BrowserWindow | null): ReminderService {
  const service = createReminderService({
    ctx: () => core.store.ctx,
    language: () => core.info().language,
    shell: {
      notify: ({ title, body, instructionId }) => {
        if (!Notification.isSupported()) return;
        const notification = new Notification({ title, body });
        notification.on('click', () => {
          const win = window();
          if (!win) return;
          if (win.isMinimized()) win.restore();
          win.show();
          win.focus();
          if (instructionId) win.webContents.send(OPEN_CARD_EVENT, instructionId);
        });
        notification.show();
      },
      setBadge: (count) => {
        // macOS and Linux (Unity) show the count on the app's icon; elsewhere this is a no-op.
        app.setBadgeCount(count);
      },
    },
  });
  service.start();
  powerMonitor.on('resume', () => {
    try {
      service.check();
    } catch {
      // the next timed check answers
    }
  });
  return service;
}
