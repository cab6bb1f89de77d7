import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups, makeBackup, planRotation, restoreBackup, rotateBackups, type BackupInfo } from '../../../db/backups';
import { openStore } from '../../../db/store';
import { StoreError } from '../../../db/errors';
import { tempDir, trackStore } from '../../support/temp';

function marker(file: string): string | null {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM settings WHERE key = 'marker'").get() as { value: string } | undefined)?.value ?? null;
  } finally {
    db.close();
  }
}

async function storeWith(value: string): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'ministry-tracker.sqlite');
  const store = await openStore(file);
  store.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('marker', ?)").run(value);
  store.close();
  return { dir, file };
}

function b(iso: string, reason = 'daily'): BackupInfo {
  const createdAt = new Date(iso);
  return { file: `/b/${iso}-${reason}`, name: `${iso}-${reason}`, createdAt, reason, size: 1, instructions: 0, schemaVersion: 1 };
}

describe('makeBackup and listBackups', () => {
  it('writes a verified copy under its final name with a sidecar, 0600 in a 0700 folder', async () => {
    const dir = tempDir();
    const store = trackStore(await openStore(path.join(dir, 'ministry-tracker.sqlite')));
    store.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('marker', '\"v\"')").run();
    const folder = path.join(dir, 'backups');
    const made = await makeBackup(store.ctx.db, folder, 'before-import', new Date('2026-12-03T09:08:07.654Z'));
    expect(made.name).toBe('ministry-tracker-20261203T090807Z-before-import.sqlite');
    expect(marker(made.file)).toBe('"v"');
    expect(fs.readdirSync(folder).sort()).toEqual([made.name, `${made.name}.json`]);
    expect(JSON.parse(fs.readFileSync(`${made.file}.json`, 'utf8'))).toMatchObject({ reason: 'before-import', instructions: 0, size: made.size });
    if (process.platform !== 'win32') {
      expect(fs.statSync(made.file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    }
    const again = await makeBackup(store.ctx.db, folder, 'before-import', new Date('2026-12-03T09:08:07Z'));
    expect(again.name).toBe('ministry-tracker-20261203T090807Z-before-import-2.sqlite');
    const listed = listBackups(folder);
    expect(listed.map((x) => x.reason)).toEqual(['before-import', 'before-import']);
    // Same second: the sidecar's milliseconds order them (07.654 was made after 07.000).
    expect(listed.map((x) => x.name)).toEqual([made.name, again.name]);
    expect(listed[0]).toMatchObject({ instructions: 0, createdAt: new Date('2026-12-03T09:08:07.654Z') });
  });

  it('of two backups made in the same second, the later one is listed first, whatever their names', async () => {
    const dir = tempDir();
    const store = trackStore(await openStore(path.join(dir, 'ministry-tracker.sqlite')));
    const folder = path.join(dir, 'backups');
    await makeBackup(store.ctx.db, folder, 'daily', new Date('2026-12-03T09:08:07.100Z'));
    store.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('marker', '\"newer\"')").run();
    const later = await makeBackup(store.ctx.db, folder, 'before-import', new Date('2026-12-03T09:08:07.900Z'));
    const [latest] = listBackups(folder);
    expect(latest?.name).toBe(later.name);
    expect(marker(latest!.file)).toBe('"newer"');
  });

  it('an unreachable folder is a clear StoreError, not a silent skip', async () => {
    const dir = tempDir();
    const store = trackStore(await openStore(path.join(dir, 'ministry-tracker.sqlite')));
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const err = await makeBackup(store.ctx.db, path.join(blocker, 'backups'), 'scheduled').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'backup_folder_unreachable', key: 'backupFolderUnreachable' });
    expect((err as StoreError).message).toContain(blocker);
  });
});

describe('planRotation', () => {
  const now = new Date('2026-12-03T12:00:00Z');

  it('keeps the newest backup of each of the last 7 days and drops the older ones of a day', () => {
    const backups = [];
    for (let d = 1; d <= 10; d++) {
      const day = String(d).padStart(2, '0');
      backups.push(b(`2026-11-${day}T08:00:00Z`), b(`2026-11-${day}T18:00:00Z`));
    }
    const plan = planRotation(backups, now);
    const kept = plan.keep.map((x) => x.createdAt.toISOString());
    for (let d = 4; d <= 10; d++) expect(kept).toContain(`2026-11-${String(d).padStart(2, '0')}T18:00:00.000Z`);
    for (let d = 1; d <= 10; d++) expect(kept).not.toContain(`2026-11-${String(d).padStart(2, '0')}T08:00:00.000Z`);
    // Days 1-3: 2026-11-01 is the newest of October? No: of week 44 (Oct 26 - Nov 1) and of month... November is kept by day 10.
    expect(kept).toContain('2026-11-01T18:00:00.000Z'); // the newest of ISO week 44
    expect(kept).not.toContain('2026-11-03T18:00:00.000Z'); // week 45 is kept by Nov 8, the month by Nov 10
    expect(plan.keep.length + plan.remove.length).toBe(20);
  });

  it('keeps 4 weekly and 12 monthly', () => {
    const backups = [];
    // One backup every Sunday of 2025 and 2026 up to now.
    for (let t = new Date('2025-01-05T10:00:00Z').getTime(); t <= now.getTime(); t += 7 * 86_400_000) backups.push(b(new Date(t).toISOString()));
    const plan = planRotation(backups, now);
    const kept = plan.keep.map((x) => x.createdAt.toISOString().slice(0, 10));
    // 7 daily = the last 7 Sundays; 4 weekly are among them; 12 monthly = last Sunday of Dec 2025 … Nov 2026 plus the newest.
    expect(kept).toContain('2026-11-29');
    expect(kept).toContain('2026-10-18'); // 7th newest Sunday
    expect(kept).not.toContain('2026-10-11');
    expect(kept).toContain('2026-09-27'); // last Sunday of September: monthly
    expect(kept).toContain('2026-01-25'); // last Sunday of January
    expect(kept).toContain('2025-12-28'); // the 12th month back
    expect(kept).not.toContain('2025-11-30'); // the 13th
    expect(plan.keep.length).toBe(7 + 10); // 7 Sundays of Oct/Nov, and the monthly ones of Dec 2025..Sep 2026
  });

  it('keeps every pre-operation backup of the last 7 days, and drops older ones not chosen otherwise', () => {
    const recent = [b('2026-12-03T09:00:00Z', 'before-import'), b('2026-12-03T09:30:00Z', 'before-merge'), b('2026-11-27T13:00:00Z', 'before-restore')];
    const old = b('2026-11-26T09:00:00Z', 'before-import');
    const oldNewestOfDay = b('2026-11-26T10:00:00Z', 'scheduled');
    const plan = planRotation([...recent, old, oldNewestOfDay, b('2026-12-03T11:00:00Z')], now);
    for (const r of recent) expect(plan.keep).toContain(r);
    expect(plan.remove).toEqual([old]);
  });

  it('never drops a backup dated in the future, and with one backup keeps it', () => {
    const future = b('2027-01-01T00:00:00Z');
    expect(planRotation([future, b('2026-12-01T00:00:00Z')], now).remove).toEqual([]);
    const only = b('2020-01-01T00:00:00Z');
    expect(planRotation([only], now)).toEqual({ keep: [only], remove: [] });
  });

  it('rotateBackups deletes what the plan drops, with its sidecar', async () => {
    const dir = tempDir();
    const store = trackStore(await openStore(path.join(dir, 'ministry-tracker.sqlite')));
    const folder = path.join(dir, 'backups');
    await makeBackup(store.ctx.db, folder, 'scheduled', new Date('2026-12-03T08:00:00Z'));
    await makeBackup(store.ctx.db, folder, 'scheduled', new Date('2026-12-03T10:00:00Z'));
    const plan = rotateBackups(folder, now);
    expect(plan.remove.map((x) => x.name)).toEqual(['ministry-tracker-20261203T080000Z-scheduled.sqlite']);
    expect(fs.readdirSync(folder).sort()).toEqual(['ministry-tracker-20261203T100000Z-scheduled.sqlite', 'ministry-tracker-20261203T100000Z-scheduled.sqlite.json']);
  });
});

describe('restoreBackup', () => {
  it('restores a backup after backing up the current store, and the before-restore backup undoes it', async () => {
    const { dir, file } = await storeWith('"old"');
    const folder = path.join(dir, 'backups');
    let store = await openStore(file);
    const oldBackup = await makeBackup(store.ctx.db, folder, 'scheduled', new Date('2026-12-01T10:00:00Z'));
    store.ctx.db.prepare("UPDATE settings SET value = '\"new\"' WHERE key = 'marker'").run();
    store.close();

    const result = await restoreBackup(file, oldBackup.file, { now: new Date('2026-12-03T10:00:00Z') });
    expect(result.safetyBackup).toBe(path.join(folder, 'ministry-tracker-20261203T100000Z-before-restore.sqlite'));
    expect(result.movedAside).toBeNull();
    expect(marker(file)).toBe('"old"');
    expect(marker(result.safetyBackup as string)).toBe('"new"');
    expect(fs.readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);

    const undo = await restoreBackup(file, result.safetyBackup as string, { now: new Date('2026-12-03T10:05:00Z') });
    expect(marker(file)).toBe('"new"');
    expect(marker(undo.safetyBackup as string)).toBe('"old"');
    store = trackStore(await openStore(file));
    expect(store.ctx.db.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: '"new"' });
  });

  it('restores committed changes that were only in the -wal of the replaced store into the safety backup', async () => {
    const { dir, file } = await storeWith('"old"');
    const folder = path.join(dir, 'backups');
    const store = await openStore(file);
    const backup = await makeBackup(store.ctx.db, folder, 'scheduled', new Date('2026-12-01T10:00:00Z'));
    store.ctx.db.prepare("UPDATE settings SET value = '\"in wal\"' WHERE key = 'marker'").run();
    // The process ends without closing: the change lives in the -wal only.
    const copyDir = tempDir();
    for (const suffix of ['', '-wal']) fs.copyFileSync(file + suffix, path.join(copyDir, `ministry-tracker.sqlite${suffix}`));
    store.close();
    const crashed = path.join(copyDir, 'ministry-tracker.sqlite');
    const result = await restoreBackup(crashed, backup.file, { backupsDir: path.join(copyDir, 'backups'), now: new Date('2026-12-03T10:00:00Z') });
    expect(marker(result.safetyBackup as string)).toBe('"in wal"');
    expect(marker(crashed)).toBe('"old"');
    expect(fs.existsSync(`${crashed}-wal`)).toBe(false);
  });

  it('refuses a backup that is not ours, damaged or from a newer version, and changes nothing', async () => {
    const { dir, file } = await storeWith('"current"');
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'not a database at all, just text'.repeat(100));
    const before = fs.readdirSync(dir).sort();
    const err = await restoreBackup(file, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(marker(file)).toBe('"current"');

    const future = path.join(dir, 'future.sqlite');
    fs.copyFileSync(file, future);
    const db = new Database(future);
    db.pragma('user_version = 999');
    db.close();
    await expect(restoreBackup(file, future)).rejects.toMatchObject({ code: 'database_from_future' });
    expect(marker(file)).toBe('"current"');
  });

  it('a damaged current store is moved aside (kept), not backed up over', async () => {
    const { dir, file } = await storeWith('"good"');
    const folder = path.join(dir, 'backups');
    const store = await openStore(file);
    const backup = await makeBackup(store.ctx.db, folder, 'scheduled', new Date('2026-12-01T10:00:00Z'));
    store.close();
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file).subarray(0, 100), Buffer.alloc(8192, 0xee)]));
    const damaged = fs.readFileSync(file);
    const result = await restoreBackup(file, backup.file, { now: new Date('2026-12-03T10:00:00Z') });
    expect(result.safetyBackup).toBeNull();
    expect(fs.readFileSync(result.movedAside as string).equals(damaged)).toBe(true);
    expect(marker(file)).toBe('"good"');
  });
});
