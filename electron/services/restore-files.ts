// A backup file chosen for a restore, by path: a store can be far larger than an import, so it is
// never read into memory. Electron's dialog gives the file where it lies (it is copied, never
// changed); browser mode's page streams it into the data folder first, and that copy is removed
// after the restore or when another file is chosen.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { StoreError } from '../../db/errors';
import { FILE_MODE } from '../../db/connection';
import type { StagedFileInfo } from '../../db/intake-types';
import { baseName } from './intake/files';

/** The largest backup file the page may send (a data file of millions of instructions is far smaller). */
export const MAX_RESTORE_BYTES = 8 * 1024 ** 3;
const MAX_RESTORE_GB = MAX_RESTORE_BYTES / 1024 ** 3;

interface RestoreFile extends StagedFileInfo {
  path: string;
  /** Our own copy (an upload), removed once done with; a file chosen in the dialog stays where it is. */
  temporary: boolean;
}

export function restoreFileTooLarge(size?: number): StoreError {
  const sizeGb = size === undefined ? undefined : Math.ceil((size / 1024 ** 3) * 10) / 10;
  return new StoreError(
    'too_large',
    `The file is too large${sizeGb ? ` (${sizeGb} GB)` : ''} for a backup of this app: the limit is ${MAX_RESTORE_GB} GB. Nothing was restored.`,
    'restoreFileTooLarge',
    { limitGb: MAX_RESTORE_GB, ...(sizeGb ? { sizeGb } : {}) },
  );
}

function emptyFile(name: string): StoreError {
  return new StoreError('validation', `“${name}” is empty: it is not a backup. Nothing was restored.`, 'restoreFileEmpty', { name });
}

function writeFailed(err: unknown): StoreError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new StoreError('storage_full', 'The disk is full: the backup file could not be received. Nothing was restored.', 'diskFull');
  return new StoreError('io_error', `The backup file could not be received (${String(code ?? err)}). Nothing was restored.`, 'diskError');
}

export class RestoreFiles {
  private readonly files = new Map<string, RestoreFile>();

  /** `folder`: where uploads are received (the data folder, so the copy into place is on one disk). */
  constructor(private readonly folder: string) {}

  private register(file: Omit<RestoreFile, 'fileId'>): StagedFileInfo {
    // One file at a time: choosing another forgets (and removes) the one before.
    for (const id of [...this.files.keys()]) this.discard(id);
    const entry: RestoreFile = { fileId: randomUUID(), ...file };
    this.files.set(entry.fileId, entry);
    return { fileId: entry.fileId, name: entry.name, size: entry.size };
  }

  /** A file the official picked in the shell's dialog: restored from where it is. */
  chosen(file: string): StagedFileInfo {
    const name = baseName(path.basename(file));
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch (err) {
      throw new StoreError('not_found', `The file could not be read: ${name} (${String((err as NodeJS.ErrnoException).code ?? err)}).`, 'intake.cannotRead', { name });
    }
    if (size === 0) throw emptyFile(name);
    return this.register({ name, path: file, size, temporary: false });
  }

  /** A file the page sends (browser mode), streamed to disk with the limit checked as it comes. */
  async receive(name: string, body: AsyncIterable<Buffer>, declaredSize?: number): Promise<StagedFileInfo> {
    const clean = baseName(name);
    if (declaredSize !== undefined && declaredSize > MAX_RESTORE_BYTES) throw restoreFileTooLarge(declaredSize);
    const target = path.join(this.folder, `.restore-upload-${randomUUID()}.sqlite`);
    const out = fs.createWriteStream(target, { flags: 'wx', mode: FILE_MODE });
    let failure: unknown = null;
    out.on('error', (err) => (failure ??= err));
    let size = 0;
    try {
      for await (const chunk of body) {
        size += chunk.length;
        // Past the limit or after a write failed, the rest is read and dropped, so the sender
        // gets the answer instead of a reset.
        if (size > MAX_RESTORE_BYTES || failure !== null) continue;
        if (!out.write(chunk)) await once(out, 'drain').catch((err: unknown) => (failure ??= err));
      }
      out.end();
      await finished(out);
    } catch (err) {
      failure ??= err;
    }
    if (failure !== null || size > MAX_RESTORE_BYTES || size === 0) {
      out.destroy();
      fs.rmSync(target, { force: true });
      if (size > MAX_RESTORE_BYTES) throw restoreFileTooLarge(size);
      if (failure !== null) throw failure instanceof StoreError ? failure : writeFailed(failure);
      throw emptyFile(clean);
    }
    return this.register({ name: clean, path: target, size, temporary: true });
  }

  get(fileId: string): { name: string; path: string } {
    const file = this.files.get(fileId);
    if (!file) throw new StoreError('not_found', 'The file is no longer chosen (it was restored or another was chosen). Choose it again.', 'intake.fileGone');
    return file;
  }

  discard(fileId: string): void {
    const file = this.files.get(fileId);
    this.files.delete(fileId);
    if (file?.temporary) fs.rmSync(file.path, { force: true });
  }

  /** Removes every received copy (at shutdown). */
  clear(): void {
    for (const id of [...this.files.keys()]) this.discard(id);
  }
}
