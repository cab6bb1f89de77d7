// Writing an exported file where the official chose: atomically. The bytes go to a temporary file
// in the same folder, are flushed to disk, and only then renamed over the target, so an
// interrupted export leaves either the old file or the new one, never a partial one. A failure
// removes the temporary file and says what went wrong in words an official can act on.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from '../../db/errors';

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : '';
}

/** The message for a failed write: the file named, nothing written, what to do. */
export function writeError(err: unknown, target: string): StoreError {
  const code = errorCode(err);
  const params = { path: target };
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new StoreError('storage_full', `There is not enough space on the disk to save “${target}”. Nothing was written; free some space or choose another place.`, 'exportDiskFull', params);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new StoreError(
        'read_only',
        `“${target}” cannot be written: the folder is read-only or you have no permission to write there, or the file is open in another program. Nothing was written; choose another folder.`,
        'exportNotWritable',
        params,
      );
    case 'EBUSY':
    case 'ETXTBSY':
      return new StoreError('busy', `“${target}” is in use by another program. Close it there and save again.`, 'exportFileBusy', params);
    case 'ENOENT':
    case 'ENOTDIR':
      return new StoreError('not_found', `The folder of “${target}” does not exist (any more). Nothing was written; choose another folder.`, 'exportFolderMissing', params);
    case 'EISDIR':
      return new StoreError('validation', `“${target}” is a folder, not a file. Choose a file name.`, 'exportIsFolder', params);
    default:
      return new StoreError(
        'internal',
        `“${target}” could not be written (${code || (err instanceof Error ? err.message : String(err))}). Nothing was written.`,
        'exportWriteFailed',
        params,
      );
  }
}

/** Writes `data` to `target` atomically; on failure nothing is left behind and the old file stays. */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const absolute = path.resolve(target);
  const dir = path.dirname(absolute);
  const temp = path.join(dir, `.${path.basename(absolute)}.${crypto.randomBytes(6).toString('hex')}.partial`);
  let handle: fs.FileHandle | undefined;
  try {
    const existing = await fs.stat(absolute).catch(() => null);
    if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    handle = await fs.open(temp, 'wx', existing ? existing.mode & 0o777 : 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, absolute);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err instanceof StoreError ? err : writeError(err, absolute);
  }
  // Make the rename itself durable where the platform allows syncing a folder.
  if (process.platform !== 'win32') {
    const folder = await fs.open(dir, 'r').catch(() => null);
    await folder?.sync().catch(() => undefined);
    await folder?.close().catch(() => undefined);
  }
}
