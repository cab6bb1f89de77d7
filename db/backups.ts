// Verified backups of the store: made through SQLite's online backup API, checked on the copy
// (integrity_check and application id) before they get their final name, listed, rotated
// (7 daily, 4 weekly, 12 monthly, plus every pre-operation backup of the last 7 days) and restored
// with the current store backed up first. Days, weeks and months are counted in UTC.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, fromSqliteError } from './errors';
import { damagedError, fullCheck, moveAside } from './integrity';
import { APPLICATION_ID, FILE_MODE, makeFolder, type Db } from './connection';
import { SCHEMA_VERSION } from './migrations/index';
import { ATTACHMENTS_FOLDER, attachmentsDirFor, blobPath, hasBlob, removeBlob, storeCheckedCopy, storedHashes } from './attachment-files';

export const BACKUP_PREFIX = 'ministry-tracker-';
/** Reasons of the backups made just before a risky operation. */
export const PRE_OPERATION_REASONS = ['before-import', 'before-merge', 'before-restore', 'before-migration'] as const;
const REASON = /^[a-z]+(?:-[a-z]+)*$/;
const NAME = /^ministry-tracker-(\d{8}T\d{6}Z)-([a-z]+(?:-[a-z]+)*)(?:-(\d+))?\.sqlite$/;

export interface BackupInfo {
  file: string;
  name: string;
  createdAt: Date;
  reason: string;
  size: number;
  /** From the sidecar written with the backup; null if the sidecar is missing. */
  instructions: number | null;
  schemaVersion: number | null;
}

export function defaultBackupsDir(dataFile: string): string {
  return path.join(path.dirname(dataFile), 'backups');
}

export function backupStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function parseStamp(stamp: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp) as RegExpExecArray;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

/** The refusal when the backup folder cannot be written: no backup is ever skipped silently. */
export function unreachable(folder: string, err: unknown): StoreError {
  const reason = (err as NodeJS.ErrnoException | undefined)?.code ?? String(err);
  return new StoreError(
    'backup_folder_unreachable',
    `The backup folder ${folder} cannot be written (${reason}). No backup was made; check the folder or choose another one.`,
    'backupFolderUnreachable',
    { folder },
  );
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
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

interface Verified {
  version: number;
  instructions: number;
}

/** The attachment files (by hash) a store file refers to: none before migration 009. */
export function attachmentHashesOf(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'attachments'").get() === undefined) return [];
    return (db.prepare('SELECT DISTINCT sha256 FROM attachments WHERE removed_at IS NULL ORDER BY sha256').all() as { sha256: string }[]).map((r) => r.sha256);
  } finally {
    db.close();
  }
}

/**
 * Copies the attachment files `hashes` from the folder `from` into `to` (content-addressed, so a
 * file several backups share is stored once), each checked against its hash on the way. Returns the
 * hashes that could not be copied (missing or changed in `from`).
 */
async function copyAttachmentFiles(from: string, to: string, hashes: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const sha256 of hashes) {
    if (hasBlob(to, sha256)) continue;
    if (!hasBlob(from, sha256) || !(await storeCheckedCopy(to, blobPath(from, sha256), sha256))) missing.push(sha256);
  }
  return missing;
}

/** The attachments folder of a backup folder: the files every backup in it refers to, once each. */
export function backupAttachmentsDir(folder: string): string {
  return path.join(folder, ATTACHMENTS_FOLDER);
}

/**
 * Checks a copy the way an opened store is checked: SQLite file, our application id, a version this
 * app reads, and a clean full integrity check. Throws a StoreError naming `label`.
 */
export function verifyCopy(file: string, label: string = file): Verified {
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      throw new StoreError('not_a_database', `${label} is not a data file of this app.`, 'notOurStore', { file: label });
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreError('database_from_future', `${label} was written by a newer version of this app (data version ${version}).`, 'databaseFromFuture', {
        file: label,
        version,
        supported: SCHEMA_VERSION,
      });
    }
    if (!fullCheck(db).ok) throw damagedError(label);
    const hasInstructions = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'instructions'").get() !== undefined;
    const instructions = hasInstructions ? (db.prepare('SELECT count(*) AS n FROM instructions').get() as { n: number }).n : 0;
    return { version, instructions };
  } catch (err) {
    if (err instanceof StoreError) throw err;
    const mapped = fromSqliteError(err, label);
    if (mapped instanceof StoreError && mapped.code === 'damaged') throw mapped;
    if (mapped instanceof StoreError) throw mapped;
    throw new StoreError('not_a_database', `${label} is not a readable data file of this app.`, 'notOurStore', { file: label });
  } finally {
    db?.close();
  }
}

function freeName(folder: string, stamp: string, reason: string): string {
  for (let n = 1; ; n++) {
    const name = `${BACKUP_PREFIX}${stamp}-${reason}${n === 1 ? '' : `-${n}`}.sqlite`;
    if (!fs.existsSync(path.join(folder, name))) return path.join(folder, name);
  }
}

/**
 * Copies the open database through the online backup API into a temporary name in `folder`,
 * verifies the copy, then gives it its final name `ministry-tracker-<UTC stamp>-<reason>.sqlite`
 * next to a `.json` sidecar (reason, size, instruction count). Files are 0600, the folder 0700.
 */
export async function makeBackup(db: Db, folder: string, reason: string, now: Date = new Date()): Promise<BackupInfo> {
  if (!REASON.test(reason)) throw new StoreError('validation', `Invalid backup reason “${reason}”.`);
  const stamp = backupStamp(now);
  const temp = path.join(folder, `.${BACKUP_PREFIX}${stamp}-${reason}.partial-${process.pid}`);
  try {
    makeFolder(folder);
    fs.closeSync(fs.openSync(temp, 'wx', FILE_MODE));
  } catch (err) {
    throw unreachable(folder, err);
  }
  try {
    await db.backup(temp);
    // The copy stands alone: no -wal beside it.
    const copy = new Database(temp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const verified = verifyCopy(temp, `The backup of ${db.name}`);
    fsyncFile(temp);
    // The attachment files the copy refers to go into the backup folder's attachments/ beside it,
    // each checked against its hash, before the backup gets its name.
    const attachments = attachmentHashesOf(temp);
    const attachmentsMissing = await copyAttachmentFiles(attachmentsDirFor(db.name), backupAttachmentsDir(folder), attachments);
    const file = freeName(folder, stamp, reason);
    fs.renameSync(temp, file);
    const size = fs.statSync(file).size;
    const sidecar = {
      reason,
      createdAt: now.toISOString(),
      size,
      instructions: verified.instructions,
      schemaVersion: verified.version,
      source: db.name,
      attachments,
      attachmentsMissing,
    };
    fs.writeFileSync(`${file}.json.tmp`, JSON.stringify(sidecar, null, 2), { mode: FILE_MODE });
    fs.renameSync(`${file}.json.tmp`, `${file}.json`);
    fsyncFolder(folder);
    return { file, name: path.basename(file), createdAt: parseStamp(stamp), reason, size, instructions: verified.instructions, schemaVersion: verified.version };
  } catch (err) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
    if (err instanceof StoreError) throw err;
    const mapped = fromSqliteError(err);
    if (mapped instanceof StoreError && (mapped.code === 'cannot_open' || mapped.code === 'read_only')) throw unreachable(folder, err);
    if ((err as NodeJS.ErrnoException).code && !(mapped instanceof StoreError)) throw unreachable(folder, err);
    throw mapped;
  }
}

/** The backups in `folder`, newest first. A missing folder has none; an unreadable one is an error. */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw unreachable(folder, err);
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const file = path.join(folder, name);
    let sidecar: { instructions?: number; schemaVersion?: number; createdAt?: string } = {};
    try {
      sidecar = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as typeof sidecar;
    } catch {
      // no sidecar: what the name says is enough
    }
    // The name has the second; the sidecar the millisecond, which orders two backups of one second.
    const stamped = parseStamp(m[1]!);
    const precise = typeof sidecar.createdAt === 'string' ? new Date(sidecar.createdAt) : null;
    const sameSecond = precise !== null && Math.floor(precise.getTime() / 1000) === Math.floor(stamped.getTime() / 1000);
    out.push({
      file,
      name,
      createdAt: sameSecond ? precise : stamped,
      reason: m[2]!,
      size: fs.statSync(file).size,
      instructions: typeof sidecar.instructions === 'number' ? sidecar.instructions : null,
      schemaVersion: typeof sidecar.schemaVersion === 'number' ? sidecar.schemaVersion : null,
    });
  }
  return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

export interface RotationPlan {
  keep: BackupInfo[];
  remove: BackupInfo[];
}

const DAY = 86_400_000;

function dayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** ISO week (Monday first), UTC: `2026-W49`. */
function weekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const firstThursday = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((t.getTime() - firstThursday.getTime()) / DAY / 7 - ((firstThursday.getUTCDay() + 6) % 7 - 3) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/**
 * Which backups to keep: the newest of each of the last 7 days that have a backup, of the last 4
 * ISO weeks, of the last 12 months (backups of any reason count), every pre-operation backup
 * younger than 7 days, and anything dated in the future (a clock we cannot judge). Pure.
 */
export function planRotation(backups: readonly BackupInfo[], now: Date): RotationPlan {
  const sorted = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
  const keep = new Set<BackupInfo>();
  for (const [key, count] of [
    [dayKey, 7],
    [weekKey, 4],
    [monthKey, 12],
  ] as const) {
    const seen = new Set<string>();
    for (const b of sorted) {
      if (b.createdAt.getTime() > now.getTime()) continue;
      const k = key(b.createdAt);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b);
    }
  }
  for (const b of sorted) {
    const age = now.getTime() - b.createdAt.getTime();
    if (age < 0) keep.add(b);
    else if ((PRE_OPERATION_REASONS as readonly string[]).includes(b.reason) && age < 7 * DAY) keep.add(b);
  }
  return { keep: sorted.filter((b) => keep.has(b)), remove: sorted.filter((b) => !keep.has(b)) };
}

/** Deletes the backups the plan drops (and their sidecars); returns the plan carried out. */
export function rotateBackups(folder: string, now: Date = new Date()): RotationPlan {
  const plan = planRotation(listBackups(folder), now);
  for (const b of plan.remove) {
    fs.rmSync(b.file, { force: true });
    fs.rmSync(`${b.file}.json`, { force: true });
  }
  pruneBackupAttachments(folder, plan.keep);
  return plan;
}

/**
 * Removes the attachment files of the backup folder that no kept backup refers to (each backup's
 * sidecar lists its files). A backup without a sidecar might refer to any: then nothing is removed.
 */
function pruneBackupAttachments(folder: string, kept: readonly BackupInfo[]): void {
  const referenced = new Set<string>();
  for (const b of kept) {
    let sidecar: { attachments?: unknown };
    try {
      sidecar = JSON.parse(fs.readFileSync(`${b.file}.json`, 'utf8')) as { attachments?: unknown };
    } catch {
      return;
    }
    if (Array.isArray(sidecar.attachments)) for (const h of sidecar.attachments) if (typeof h === 'string') referenced.add(h);
  }
  const dir = backupAttachmentsDir(folder);
  for (const sha256 of storedHashes(dir)) if (!referenced.has(sha256)) removeBlob(dir, sha256);
}

export interface RestoreResult {
  restoredFrom: string;
  /** The verified 'before-restore' backup of the store that was replaced, if it was healthy. */
  safetyBackup: string | null;
  /** Where the replaced store went if it was too damaged to back up (moved aside, kept). */
  movedAside: string | null;
  /** Attachment files the restored store refers to that were neither beside the backup nor in the data folder. */
  attachmentsMissing: number;
}

/**
 * Replaces the (closed) data file with a backup. The backup is first copied next to the data file
 * and checked like an opened store; then the current store is backed up ('before-restore') or, if
 * it is damaged, moved aside; only then are its stale -wal/-shm removed and the checked copy renamed
 * into place. Nothing of the replaced store is lost.
 */
export async function restoreBackup(dataFile: string, backupFile: string, options: { backupsDir?: string; now?: Date } = {}): Promise<RestoreResult> {
  const now = options.now ?? new Date();
  const folder = options.backupsDir ?? defaultBackupsDir(dataFile);
  const temp = `${dataFile}.restoring-${process.pid}`;
  fs.rmSync(temp, { force: true });
  try {
    fs.copyFileSync(backupFile, temp, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(temp, FILE_MODE);
    verifyCopy(temp, backupFile);
    fsyncFile(temp);
  } catch (err) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
    throw err instanceof StoreError ? err : fromSqliteError(err, backupFile);
  }

  let safetyBackup: string | null = null;
  let movedAside: string | null = null;
  let attachmentsMissing: number | undefined;
  try {
    if (fs.existsSync(dataFile)) {
      let current: Db | undefined;
      try {
        current = new Database(dataFile, { fileMustExist: true });
        current.pragma('wal_checkpoint(TRUNCATE)');
        safetyBackup = (await makeBackup(current, folder, 'before-restore', now)).file;
      } catch (err) {
        const mapped = err instanceof StoreError ? err : fromSqliteError(err, dataFile);
        if (!(mapped instanceof StoreError) || (mapped.code !== 'damaged' && mapped.code !== 'not_a_database')) throw mapped;
        current?.close();
        current = undefined;
        movedAside = moveAside(dataFile, now);
      } finally {
        current?.close();
      }
    }
    // The restored store's attachment files come back from the attachments/ folder beside the
    // backup (each checked against its hash); the files of the replaced store stay (they are in
    // its 'before-restore' backup too) until the next start removes those no attachment refers to.
    attachmentsMissing = (await copyAttachmentFiles(backupAttachmentsDir(path.dirname(backupFile)), attachmentsDirFor(dataFile), attachmentHashesOf(temp))).length;
    // The replaced store is safe in a backup (or moved aside): its journal must not meet the new file.
    if (safetyBackup !== null) for (const suffix of ['-wal', '-shm']) fs.rmSync(dataFile + suffix, { force: true });
    fs.renameSync(temp, dataFile);
    fsyncFolder(path.dirname(dataFile));
  } catch (err) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
    throw err;
  }
  return { restoredFrom: backupFile, safetyBackup, movedAside, attachmentsMissing: attachmentsMissing ?? 0 };
}

/** makeBackup of an open store, for the services (which never touch the connection themselves). */
export function backupStore(ctx: { db: Db }, folder: string, reason: string, now: Date = new Date()): Promise<BackupInfo> {
  return makeBackup(ctx.db, folder, reason, now);
}
