// The shell's file dialogs for imports: the main process, never the page, picks and reads a file
// (refusing one over the limit before reading it) and picks where a report is saved, writing it
// atomically (a temporary file renamed into place).
import fs from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, shell } from 'electron';
import { StoreError } from '../../db/errors';
import { fileTooLarge } from '../services/intake/files';
import type { ShellFiles } from '../services/intake/files';

function cannot(action: 'read' | 'write', file: string, err: unknown): StoreError {
  const reason = err instanceof Error ? err.message : String(err);
  return new StoreError(
    action === 'read' ? 'not_found' : 'read_only',
    `${action === 'read' ? 'The file could not be read' : 'The file could not be saved'}: ${path.basename(file)} (${reason}).`,
    action === 'read' ? 'intake.cannotRead' : 'intake.cannotWrite',
    { name: path.basename(file) },
  );
}

export function createShellFiles(): ShellFiles {
  return {
    async openFile({ filters, maxBytes }) {
      const window = BrowserWindow.getFocusedWindow();
      const options = { properties: ['openFile' as const], filters };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const file = result.filePaths[0];
      if (result.canceled || !file) return null;
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(file, 'r');
      } catch (err) {
        throw cannot('read', file, err);
      }
      try {
        const { size } = await handle.stat();
        if (size > maxBytes) throw fileTooLarge(size);
        const bytes = await handle.readFile();
        if (bytes.length > maxBytes) throw fileTooLarge(bytes.length);
        return { name: path.basename(file), bytes };
      } catch (err) {
        throw err instanceof StoreError ? err : cannot('read', file, err);
      } finally {
        await handle.close();
      }
    },
    async pickFile({ filters }) {
      const window = BrowserWindow.getFocusedWindow();
      const options = { properties: ['openFile' as const], filters };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const file = result.filePaths[0];
      return result.canceled || !file ? null : file;
    },
    // The attachment service decided the file may open (a document or image) and made the copy.
    openPath: (file) => shell.openPath(file),
    async saveCopy({ suggestedName, source }) {
      const window = BrowserWindow.getFocusedWindow();
      const options = { defaultPath: suggestedName };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      const target = result.filePath;
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      try {
        await fs.copyFile(source, temporary);
        await fs.rename(temporary, target);
      } catch (err) {
        await fs.rm(temporary, { force: true });
        throw cannot('write', target, err);
      }
      return target;
    },
    async saveFile({ suggestedName, filters, content }) {
      const window = BrowserWindow.getFocusedWindow();
      const options = { defaultPath: suggestedName, filters };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      const target = result.filePath;
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      try {
        await fs.writeFile(temporary, content, { flush: true });
        await fs.rename(temporary, target);
      } catch (err) {
        await fs.rm(temporary, { force: true });
        throw cannot('write', target, err);
      }
      return target;
    },
  };
}
