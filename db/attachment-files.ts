// The files of attachments, content-addressed beside the store: <data folder>/attachments/ab/abcdef…
// where abcdef… is the file's SHA-256 (lower-case hex) and ab its first two digits. A file is
// written once whatever number of attachments refer to it (the same scan attached to a meeting and
// to an instruction is one file), atomically (a temporary file in the same folder, flushed, then
// renamed) and readable by the user only (0600, folders 0700). Pure node: no SQL here; which hashes
// are referenced is db/attachments.ts's business.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// The same modes as the data file's (db/connection.ts), declared here so the export worker, which
// packs these files into an exchange package, does not load the SQLite module with connection.ts.
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;

function makeFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
}

/** The largest file that can be attached. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
export const MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;
export const ATTACHMENTS_FOLDER = 'attachments';
/** Where uploads and picked files are received before they are attached (inside the attachments folder: one disk, so a rename moves them). */
const INCOMING = '.incoming';
const SHA256 = /^[0-9a-f]{64}$/;

export function attachmentsDirFor(dataFile: string): string {
  return path.join(path.dirname(dataFile), ATTACHMENTS_FOLDER);
}

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/** The path of the file with this hash in `dir`. */
export function blobPath(dir: string, sha256: string): string {
  if (!isSha256(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(dir, sha256.slice(0, 2), sha256);
}

export function hasBlob(dir: string, sha256: string, size?: number): boolean {
  try {
    const stat = fs.statSync(blobPath(dir, sha256));
    return stat.isFile() && (size === undefined || stat.size === size);
  } catch {
    return false;
  }
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 of a file, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    size += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { sha256: hash.digest('hex'), size };
}

function fsyncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder; its renames are durable enough.
  }
}

/** A fresh temporary path in the incoming folder of `dir`. */
export function incomingPath(dir: string): string {
  const folder = path.join(dir, INCOMING);
  makeFolder(folder);
  return path.join(folder, `${crypto.randomUUID()}.partial`);
}

/**
 * Puts a received temporary file (flushed, its hash known) in its place, or removes it when the
 * same bytes are stored already. The temporary file is gone afterwards either way.
 */
export function adoptFile(dir: string, temp: string, sha256: string): void {
  const target = blobPath(dir, sha256);
  const size = fs.statSync(temp).size;
  if (hasBlob(dir, sha256, size)) {
    fs.rmSync(temp, { force: true });
    return;
  }
  makeFolder(path.dirname(target));
  fs.chmodSync(temp, FILE_MODE);
  fs.renameSync(temp, target);
  fsyncFolder(path.dirname(target));
}

/** Stores bytes held in memory; returns their hash. A second store of the same bytes writes nothing. */
export function storeBytes(dir: string, bytes: Uint8Array): string {
  const sha256 = sha256Of(bytes);
  if (hasBlob(dir, sha256, bytes.byteLength)) return sha256;
  const temp = incomingPath(dir);
  try {
    const fd = fs.openSync(temp, 'wx', FILE_MODE);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    adoptFile(dir, temp, sha256);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return sha256;
}

/**
 * Copies a file (from a backup, a package) into `dir` under its hash, checking on the way that its
 * bytes have that hash; false (and nothing written) when they have not.
 */
export async function storeCheckedCopy(dir: string, source: string, sha256: string): Promise<boolean> {
  if (hasBlob(dir, sha256)) return true;
  const temp = incomingPath(dir);
  try {
    fs.copyFileSync(source, temp);
    const actual = await hashFile(temp);
    if (actual.sha256 !== sha256) return false;
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    adoptFile(dir, temp, sha256);
    return true;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

export function removeBlob(dir: string, sha256: string): void {
  fs.rmSync(blobPath(dir, sha256), { force: true });
}

/** The hashes of the files stored in `dir`. */
export function storedHashes(dir: string): string[] {
  let prefixes: string[];
  try {
    prefixes = fs.readdirSync(dir).filter((p) => /^[0-9a-f]{2}$/.test(p));
  } catch {
    return [];
  }
  return prefixes.flatMap((p) => {
    try {
      return fs.readdirSync(path.join(dir, p)).filter((name) => isSha256(name) && name.startsWith(p));
    } catch {
      return [];
    }
  });
}

/** Removes the stored files no attachment refers to any more, and leftovers of interrupted receipts. */
export function sweepBlobs(dir: string, referenced: ReadonlySet<string>): number {
  let removed = 0;
  for (const sha256 of storedHashes(dir)) {
    if (referenced.has(sha256)) continue;
    removeBlob(dir, sha256);
    removed++;
  }
  fs.rmSync(path.join(dir, INCOMING), { recursive: true, force: true });
  return removed;
}
