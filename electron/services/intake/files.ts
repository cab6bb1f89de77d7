// Files handed to the app for an import — opened by Electron's main process or uploaded by the
// page in browser mode — kept in memory under an id between the preview and the commit, so that
// a 20 MB list is read once, never travels back through the page, and is re-checked from the
// same bytes when the official corrects the column mapping.
import { randomUUID } from 'node:crypto';
import { StoreError } from '../../../db/errors';
import type { StagedFileInfo } from '../../../db/intake-types';

/** The largest file an import accepts. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / 1024 / 1024;
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What the Electron shell provides: its own open and save dialogs. Browser mode has none. */
export interface ShellFiles {
  /** Lets the official pick a file and reads it; null when cancelled. A file over `maxBytes` is refused before it is read. */
  openFile(options: { filters: FileFilter[]; maxBytes: number }): Promise<{ name: string; bytes: Uint8Array } | null>;
  /** Lets the official pick a file and gives its path without reading it (a backup to restore); null when cancelled. */
  pickFile(options: { filters: FileFilter[] }): Promise<string | null>;
  /** Lets the official pick where to save and writes the file there atomically; null when cancelled. */
  saveFile(options: { suggestedName: string; filters: FileFilter[]; content: string }): Promise<string | null>;
  /** Opens a file in the system's viewer (an attachment's temporary copy); '' when it opened, else why not. */
  openPath?(file: string): Promise<string>;
  /** Lets the official pick where to save a copy of `source` and copies it there atomically; null when cancelled. */
  saveCopy?(options: { suggestedName: string; source: string }): Promise<string | null>;
}

/** Files kept at once; the oldest is dropped beyond that. */
const MAX_STAGED = 3;

export interface StagedFile extends StagedFileInfo {
  bytes: Uint8Array;
  /** Parsed forms of the file (tables, documents), keyed by what was parsed. */
  cache: Map<string, unknown>;
}

export function fileTooLarge(size?: number): StoreError {
  const sizeMb = size === undefined ? undefined : Math.ceil(size / 1024 / 1024);
  return new StoreError(
    'too_large',
    `The file is too large${sizeMb ? ` (${sizeMb} MB)` : ''}: the limit is ${MAX_IMPORT_MB} MB. Nothing was imported.`,
    'intake.fileTooLarge',
    { limitMb: MAX_IMPORT_MB, ...(sizeMb ? { sizeMb } : {}) },
  );
}

export class StagedFiles {
  private readonly files = new Map<string, StagedFile>();

  stage(name: string, bytes: Uint8Array): StagedFileInfo {
    if (bytes.byteLength > MAX_IMPORT_BYTES) throw fileTooLarge(bytes.byteLength);
    if (bytes.byteLength === 0) throw new StoreError('validation', `“${name}” is empty. Nothing was imported.`, 'intake.emptyFile', { name });
    const file: StagedFile = { fileId: randomUUID(), name: baseName(name), size: bytes.byteLength, bytes, cache: new Map() };
    this.files.set(file.fileId, file);
    while (this.files.size > MAX_STAGED) this.files.delete(this.files.keys().next().value as string);
    return { fileId: file.fileId, name: file.name, size: file.size };
  }

  get(fileId: string): StagedFile {
    const file = this.files.get(fileId);
    if (!file) {
      throw new StoreError('not_found', 'The file is no longer open in the app (it was imported or closed). Choose it again.', 'intake.fileGone');
    }
    return file;
  }

  discard(fileId: string): void {
    this.files.delete(fileId);
  }
}

/** The file's own name, whatever path or oddities came with it. */
export function baseName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base).filter((ch) => ch >= ' ').join('').trim().slice(0, 200);
  return clean === '' ? 'file' : clean;
}
