// Files received to be attached: streamed into the attachments folder's incoming area with their
// size counted and their SHA-256 computed as they come, so a 50 MB scan is never held in memory and
// a file over the limit is refused on its declared length before a byte is read, or as soon as the
// count passes the limit. Browser mode's page sends them to the token-protected upload route; in
// Electron the shell's dialog hands a path, read the same way. Each is kept under an id until
// attachments.add attaches it (or another few arrive after it).
import { randomUUID } from 'node:crypto';
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { StoreError } from '../../../db/errors';
import { FILE_MODE } from '../../../db/connection';
import { MAX_ATTACHMENT_BYTES, incomingPath } from '../../../db/attachment-files';
import { attachmentTooLarge, cleanFileName } from '../../../db/attachments';
import type { StagedFileInfo } from '../../../db/intake-types';

export interface ReceivedFile {
  name: string;
  /** The temporary file in the attachments folder's incoming area. */
  temp: string;
  sha256: string;
  size: number;
}

/** Received files kept at once; the oldest is dropped beyond that. */
const MAX_KEPT = 8;

function emptyFile(name: string): StoreError {
  return new StoreError('validation', `“${name}” is empty. Nothing was attached.`, 'attachmentEmpty', { name });
}

function receiveFailed(err: unknown): StoreError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new StoreError('storage_full', 'The disk is full: the file could not be received. Nothing was attached.', 'diskFull');
  return new StoreError('io_error', `The file could not be received (${String(code ?? err)}). Nothing was attached.`, 'attachmentReceiveFailed', { reason: String(code ?? err) });
}

export class AttachmentUploads {
  private readonly files = new Map<string, ReceivedFile>();

  /** `dir`: the attachments folder (the incoming area is inside it, so attaching is a rename). */
  constructor(private readonly dir: () => string) {}

  /** Streams a file in, refusing it above the limit (on its declared size before reading, else as the count passes it). */
  async receive(name: string, body: AsyncIterable<Buffer | Uint8Array>, declaredSize?: number): Promise<StagedFileInfo> {
    const clean = cleanFileName(name);
    if (declaredSize !== undefined && declaredSize > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(declaredSize);
    const temp = incomingPath(this.dir());
    const out = fs.createWriteStream(temp, { flags: 'wx', mode: FILE_MODE });
    const hash = crypto.createHash('sha256');
    let failure: unknown = null;
    out.on('error', (err) => (failure ??= err));
    let size = 0;
    try {
      for await (const chunk of body) {
        size += chunk.length;
        // Past the limit or after a failed write, the rest is read and dropped, so the sender
        // gets the answer instead of a reset.
        if (size > MAX_ATTACHMENT_BYTES || failure !== null) continue;
        hash.update(chunk);
        if (!out.write(chunk)) await once(out, 'drain').catch((err: unknown) => (failure ??= err));
      }
      out.end();
      await finished(out);
      if (failure === null && size > 0 && size <= MAX_ATTACHMENT_BYTES) {
        const fd = fs.openSync(temp, 'r+');
        try {
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      }
    } catch (err) {
      failure ??= err;
    }
    if (failure !== null || size > MAX_ATTACHMENT_BYTES || size === 0) {
      out.destroy();
      fs.rmSync(temp, { force: true });
      if (size > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(size);
      if (failure !== null) throw failure instanceof StoreError ? failure : receiveFailed(failure);
      throw emptyFile(clean);
    }
    const fileId = randomUUID();
    this.files.set(fileId, { name: clean, temp, sha256: hash.digest('hex'), size });
    while (this.files.size > MAX_KEPT) this.discard(this.files.keys().next().value as string);
    return { fileId, name: clean, size };
  }

  /** A file the official picked in the shell's dialog: refused above the limit before it is read. */
  async fromPath(file: string): Promise<StagedFileInfo> {
    const name = path.basename(file);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch (err) {
      throw new StoreError('not_found', `The file could not be read: ${name} (${String((err as NodeJS.ErrnoException).code ?? err)}).`, 'intake.cannotRead', { name });
    }
    if (size > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(size);
    return this.receive(name, fs.createReadStream(file), size);
  }

  /** Takes a received file out (the caller moves or removes its temporary file); undefined if there is none by that id. */
  take(fileId: string): ReceivedFile | undefined {
    const file = this.files.get(fileId);
    this.files.delete(fileId);
    return file;
  }

  discard(fileId: string): void {
    const file = this.files.get(fileId);
    this.files.delete(fileId);
    if (file) fs.rmSync(file.temp, { force: true });
  }

  clear(): void {
    for (const id of [...this.files.keys()]) this.discard(id);
  }
}
