// The Electron main process: single instance, the app core, IPC, the app:// scheme and one
// hardened window. Kept thin: everything it calls runs and is tested in plain Node.
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { StoreError } from '../../db/errors';
import { pickLanguage, startAppCore, type AppCore } from '../services/app';
import { shutdownDialog, startFailureDialog } from '../services/shell-messages';
import { resolveDataDir } from '../services/paths';
import { createShellFiles } from './files';
import { registerIpc } from './ipc';
import { hardenApp } from './hardening';
import { registerAppScheme, serveAppScheme } from './protocol';
import { createMainWindow } from './window';
import { createReportShell } from './reports';
import { installApplicationMenu } from './menu';
import { APP_USER_MODEL_ID, startReminders } from './reminders';

export interface MainPaths {
  preload: string;
  renderer: string;
  nativeBinding: string | undefined;
  /** The export worker; unpacked next to the asar in a packaged app (worker threads load plain files). */
  reportWorker?: string;
  /** The readout worker, unpacked the same way. */
  readoutWorker?: string;
  /** The protocol worker, unpacked the same way. */
  protocolWorker?: string;
  /** The check-on-open worker, unpacked the same way. */
  checkWorker?: string;
}

export function defaultPaths(): MainPaths {
  const nativeFromEnv = process.env.MINISTRY_TRACKER_NATIVE_BINDING;
  const packaged = app.isPackaged ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node') : undefined;
  return {
    preload: path.join(__dirname, 'preload.cjs'),
    renderer: path.join(__dirname, '..', 'renderer'),
    nativeBinding: nativeFromEnv ?? packaged,
    reportWorker: path.join(__dirname, 'report-worker.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
    readoutWorker: path.join(__dirname, 'readout-worker.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
    protocolWorker: path.join(__dirname, 'protocol-worker.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
    checkWorker: path.join(__dirname, 'check-worker.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
  };
}

export async function startMain(paths: MainPaths = defaultPaths()): Promise<AppCore | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  registerAppScheme();
  hardenApp();
  // Without it Windows shows none of the app's notifications.
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  await app.whenReady();
  let core: AppCore;
  try {
    core = await startAppCore({
      dataDir: resolveDataDir(process.argv, process.env, () => app.getPath('userData')),
      version: app.getVersion(),
      nativeBinding: paths.nativeBinding,
      // The system's languages, best first, then the locale Chromium chose from them.
      preferredLanguages: [...app.getPreferredSystemLanguages(), app.getLocale()],
      shellFiles: createShellFiles(),
      reportWorker: paths.reportWorker,
      readoutWorker: paths.readoutWorker,
      protocolWorker: paths.protocolWorker,
      checkWorker: paths.checkWorker,
      reportShell: createReportShell(() => window),
    });
  } catch (err) {
    // A typed StoreError says what is wrong (a store held by another process names it: pid, host,
    // since when); anything else is logged, and the official never reads a raw message or a stack.
    if (!(err instanceof StoreError)) console.error('[ministry-tracker] cannot start:', err);
    const { title, content } = startFailureDialog(err, pickLanguage(app.getPreferredSystemLanguages()));
    dialog.showErrorBox(title, content);
    app.quit();
    return null;
  }
  installApplicationMenu();
  serveAppScheme(paths.renderer);
  registerIpc(core.handlers);
  window = createMainWindow(paths.preload);
  const reminders = startReminders(core, () => window);

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    reminders.stop();
    // The window is gone; a last write that did not fit on the disk is told here, in the app's language.
    let language = pickLanguage(app.getPreferredSystemLanguages());
    try {
      language = core.info().language;
    } catch {
      // on the recovery screen the store is not open: the system's language it is
    }
    const report = core.close();
    if (report.message !== null) console.error(`[ministry-tracker] ${report.message}`);
    const notice = shutdownDialog(report, language);
    if (notice !== null) dialog.showMessageBoxSync({ type: 'warning', title: notice.title, message: notice.content, buttons: ['OK'] });
  });
  return core;
}
