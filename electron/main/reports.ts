// What only the shell can do for reports: ask where to save (the save dialog, opened in the last
// folder used), and run Chromium's print engine on the report document in a hidden window that has
// no preload, no Node and no scripts. Writing the file (atomically) and everything else happens in
// the services, which run and are tested in plain Node.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, type BrowserWindowConstructorOptions, type SaveDialogOptions } from 'electron';
import type { ReportShell } from '../services/reports/service';
import { PDF_PRINT_OPTIONS } from '../services/reports/html';

/** The hidden window a report document is printed in: sandboxed, isolated, scripts off. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1123,
    height: 794,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/**
 * Loads the document from a private temporary file (a data: URL is capped at 2 MB, a long report
 * is larger), runs `use`, and always closes the window and removes the file.
 */
async function withDocument<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mat-print-'));
  const window = new BrowserWindow(printWindowOptions());
  try {
    const file = path.join(dir, 'report.html');
    await fs.writeFile(file, html, { mode: 0o600 });
    await window.loadFile(file);
    return await use(window);
  } finally {
    window.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function createReportShell(owner: () => BrowserWindow | null): ReportShell {
  return {
    async chooseSavePath({ suggestedName, defaultFolder, filter }) {
      const options: SaveDialogOptions = {
        defaultPath: path.join(defaultFolder ?? app.getPath('documents'), suggestedName),
        filters: [filter],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = owner();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },

    printToPdf: (html) => withDocument(html, async (window) => new Uint8Array(await window.webContents.printToPDF({ ...PDF_PRINT_OPTIONS }))),

    print: (html) =>
      withDocument(
        html,
        (window) =>
          new Promise<boolean>((resolve, reject) => {
            window.webContents.print({ silent: false, printBackground: true, pageSize: 'A4', landscape: true }, (success, reason) => {
              if (success) resolve(true);
              else if (reason === 'cancelled') resolve(false);
              else reject(new Error(`printing failed: ${reason}`));
            });
          }),
      ),
  };
}
