// The backup service of the running app, with a clock and a 24-hour timer the test drives: a backup
// at start when the newest is older than a day, one a day while the app runs, one before every
// import, merge and restore, rotation after each, an unreachable folder reported (and the import
// refused with nothing changed), and a restore through the channels that reopens the app on the
// restored data and is undone by restoring the 'before-restore' backup.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAppCore, type AppCore } from '../../../../electron/services/app';
import { dispatch } from '../../../../electron/api/dispatch';
import type { BackupsView, RestoreOutcome } from '../../../../electron/api/contract';
import { DAY_MS, type Every } from '../../../../electron/services/backups';
import { listBackups, makeBackup } from '../../../../db/backups';
import { lockFileFor } from '../../../../db/lock';
import { exportExchange } from '../../../../db/exchange';
import { storeHash, utf8 } from '../../../support/intake';
import { tempDir } from '../../../support/temp';

interface Harness {
  core: AppCore;
  dataDir: string;
  clock: { at: Date };
  tick: () => void;
}

const cores: AppCore[] = [];
afterEach(() => {
  while (cores.length > 0) cores.pop()?.close();
});

async function start(dataDir = tempDir(), at = new Date('2026-12-03T09:00:00Z')): Promise<Harness> {
  const clock = { at };
  let tick: () => void = () => undefined;
  const every: Every = (ms, fn) => {
    expect(ms).toBe(DAY_MS);
    tick = fn;
    return () => {
      tick = () => undefined;
    };
  };
  const core = await startAppCore({ dataDir, version: '0.0.0-test', now: () => clock.at, backupTimer: every });
  cores.push(core);
  return { core, dataDir, clock, tick: () => tick() };
}

function stop(h: Harness): void {
  h.core.close();
  cores.splice(cores.indexOf(h.core), 1);
}

async function call<T>(core: AppCore, channel: string, input: unknown = {}): Promise<T> {
  const answer = await dispatch(core.handlers, channel, input);
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

const reasons = (dataDir: string) => listBackups(path.join(dataDir, 'backups')).map((b) => b.reason);

const READOUT = {
  meeting: { title: 'A meeting', heldOn: null, place: null, participants: null },
  sourceText: 'text',
  instructions: [{ title: 'Work out electricity supply', body: '', lead: null, tagIds: [], dueDate: null }],
};

function firstInstruction(core: AppCore): { id: string; title: string } {
  return core.store.ctx.db.prepare('SELECT id, title FROM instructions ORDER BY id LIMIT 1').get() as { id: string; title: string };
}

async function titleOf(core: AppCore, id: string): Promise<string> {
  return (await call<{ instruction: { title: string } }>(core, 'instructions.get', { id })).instruction.title;
}

describe('the backup schedule', () => {
  it('backs up at start when there is no backup, and not again while the newest is younger than a day', async () => {
    const first = await start();
    expect(reasons(first.dataDir)).toEqual(['daily']);
    stop(first);
    const again = await start(first.dataDir, new Date('2026-12-04T08:59:00Z'));
    expect(reasons(again.dataDir)).toEqual(['daily']);
    stop(again);
    const dayLater = await start(first.dataDir, new Date('2026-12-04T09:00:00Z'));
    expect(reasons(dayLater.dataDir)).toEqual(['daily', 'daily']);
  });

  it('backs up every 24 hours of the timer while the app runs', async () => {
    const h = await start();
    expect(reasons(h.dataDir)).toHaveLength(1);
    h.clock.at = new Date('2026-12-04T09:00:00Z');
    h.tick();
    await vi.waitFor(() => expect(reasons(h.dataDir)).toHaveLength(2));
    expect(listBackups(path.join(h.dataDir, 'backups'))[0]!.createdAt).toEqual(new Date('2026-12-04T09:00:00Z'));
  });

  it('rotates after each backup', async () => {
    const dataDir = tempDir();
    const seed = await start(dataDir, new Date('2026-10-01T12:00:00Z'));
    for (let hour = 0; hour < 10; hour++) await makeBackup(seed.core.store.ctx.db, path.join(dataDir, 'backups'), 'manual', new Date(Date.UTC(2026, 9, 1, hour)));
    expect(reasons(dataDir)).toHaveLength(11);
    stop(seed);
    await start(dataDir);
    // Of 1 October only the newest is kept (it is that day's, week's and month's); plus today's.
    const left = listBackups(path.join(dataDir, 'backups'));
    expect(left.map((b) => b.createdAt.toISOString())).toEqual(['2026-12-03T09:00:00.000Z', '2026-10-01T12:00:00.000Z']);
  });
});

describe('backups before risky operations', () => {
  it('makes one before each import, merge and restore', async () => {
    const h = await start();
    const { core } = h;
    h.clock.at = new Date('2026-12-03T09:00:30Z');
    await call(core, 'intake.readoutCommit', READOUT);
    // (the rotation keeps one backup of a day besides the pre-operation ones: the start's is gone)
    expect(reasons(h.dataDir)).toEqual(['before-import']);

    h.clock.at = new Date('2026-12-03T09:01:00Z');
    const list = core.uploads.accept('list.csv', utf8('No.;Instruction;Lead;Deadline\n1;Build a checkpoint;Ministry of Energy;05.12.2021\n')) as { fileId: string };
    await call(core, 'intake.listCommit', { fileId: list.fileId });
    expect(reasons(h.dataDir)).toEqual(['before-import', 'before-import']);

    h.clock.at = new Date('2026-12-03T09:02:00Z');
    const exchange = core.uploads.accept('exchange.json', utf8(JSON.stringify(exportExchange(core.store.ctx, '0.0.0-test')))) as { fileId: string };
    await call(core, 'intake.exchangeCommit', { fileId: exchange.fileId, choices: {} });
    expect(reasons(h.dataDir)[0]).toBe('before-merge');

    h.clock.at = new Date('2026-12-03T09:03:00Z');
    const view = await call<BackupsView>(core, 'backups.list');
    await call(core, 'backups.restore', { name: view.backups.at(-1)!.name });
    expect(reasons(h.dataDir)[0]).toBe('before-restore');
  });

  it('an unreachable folder is reported, and the import is refused with the store unchanged', async () => {
    const h = await start();
    const { core } = h;
    const folder = path.join(tempDir(), 'usb');
    const set = await call<BackupsView>(core, 'backups.setFolder', { folder });
    expect(set).toMatchObject({ folder, defaultFolder: false, backups: [], lastError: null });
    // The stick is pulled out; something else now sits where the folder was.
    fs.rmSync(folder, { recursive: true });
    fs.writeFileSync(folder, 'not a folder');

    const before = storeHash(core.store.ctx);
    const refused = await dispatch(core.handlers, 'intake.readoutCommit', READOUT);
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup_folder_unreachable', key: 'backupFolderUnreachable', params: { folder } } });
    expect(storeHash(core.store.ctx)).toBe(before);

    const now = await dispatch(core.handlers, 'backups.create', {});
    expect(now).toMatchObject({ ok: false, error: { code: 'backup_folder_unreachable' } });

    h.clock.at = new Date('2026-12-04T09:00:00Z');
    h.tick();
    await vi.waitFor(async () => expect((await call<BackupsView>(core, 'backups.list')).lastError).toMatchObject({ reason: 'daily', folder, key: 'backupFolderUnreachable' }));

    // Back to the default folder: backups work again and the error is cleared.
    await call(core, 'backups.setFolder', { folder: null });
    const fixed = await call<BackupsView>(core, 'backups.create');
    expect(fixed.lastError).toBeNull();
    expect(fixed.backups[0]!.reason).toBe('manual');
  });

  it('refuses a relative folder and a backup name not in the list', async () => {
    const { core } = await start();
    expect(await dispatch(core.handlers, 'backups.setFolder', { folder: 'backups' })).toMatchObject({ ok: false, error: { key: 'backupFolderNotAbsolute' } });
    expect(await dispatch(core.handlers, 'backups.restore', { name: '../ministry-tracker.sqlite' })).toMatchObject({ ok: false, error: { key: 'backupNotFound' } });
  });
});

describe('restore through the channels', () => {
  it('reopens the app on the restored data, and restoring the before-restore backup undoes it', async () => {
    const h = await start();
    const { core } = h;
    const handlers = core.handlers;
    await call(core, 'app.chooseStart', { choice: 'demo' });
    const original = firstInstruction(core);
    h.clock.at = new Date('2026-12-03T10:00:00Z');
    const made = await call<BackupsView>(core, 'backups.create');
    const manual = made.backups.find((b) => b.reason === 'manual')!;
    expect(manual.instructions).toBeGreaterThan(0);

    await call(core, 'instructions.update', { id: original.id, patch: { title: 'Changed after the backup' } });
    h.clock.at = new Date('2026-12-03T10:05:00Z');
    const restored = await call<RestoreOutcome>(core, 'backups.restore', { name: manual.name });
    expect(restored.restoredFrom).toBe(manual.name);
    expect(restored.safetyBackup).toMatch(/-before-restore\.sqlite$/);
    // The same handler table, now on the restored store.
    expect(core.handlers).toBe(handlers);
    expect(await titleOf(core, original.id)).toBe(original.title);
    expect(firstInstruction(core).title).toBe(original.title);
    expect(fs.existsSync(lockFileFor(path.join(h.dataDir, 'ministry-tracker.sqlite')))).toBe(true);

    h.clock.at = new Date('2026-12-03T10:10:00Z');
    await call(core, 'backups.restore', { name: restored.safetyBackup! });
    expect(await titleOf(core, original.id)).toBe('Changed after the backup');
    await call(core, 'instructions.update', { id: original.id, patch: { title: 'Still writable' } });
  });

  it('keeps the backup folder in use across a restore, so the before-restore backup stays in the list', async () => {
    const { core } = await start();
    const made = await call<BackupsView>(core, 'backups.create');
    const folder = path.join(tempDir(), 'elsewhere');
    await call(core, 'backups.setFolder', { folder });
    const restored = await call<RestoreOutcome>(core, 'backups.restoreFile', {
      fileId: ((await core.restoreUploads.receive('old.sqlite', Readable.from([fs.readFileSync(path.join(path.dirname(core.store.file), 'backups', made.backups[0]!.name))]))) as { fileId: string }).fileId,
    });
    const view = await call<BackupsView>(core, 'backups.list');
    expect(view.folder).toBe(folder);
    expect(view.backups.map((b) => b.name)).toContain(restored.safetyBackup);
  });

  it('restores a file handed over by the page (streamed to disk), and refuses a file that is not a store', async () => {
    const h = await start();
    const { core } = h;
    await call(core, 'app.chooseStart', { choice: 'demo' });
    const made = await call<BackupsView>(core, 'backups.create');
    const bytes = fs.readFileSync(path.join(h.dataDir, 'backups', made.backups[0]!.name));
    await call(core, 'instructions.update', { id: firstInstruction(core).id, patch: { title: 'Changed' } });
    const staged = (await core.restoreUploads.receive('copy.sqlite', Readable.from([bytes]))) as { fileId: string };
    const before = firstInstruction(core).id;
    await call(core, 'backups.restoreFile', { fileId: staged.fileId });
    expect(firstInstruction(core).title).not.toBe('Changed');
    expect(firstInstruction(core).id).toBe(before);

    const hash = storeHash(core.store.ctx);
    const junk = (await core.restoreUploads.receive('junk.sqlite', Readable.from([Buffer.from(utf8('not a database at all'))]))) as { fileId: string };
    expect(await dispatch(core.handlers, 'backups.restoreFile', { fileId: junk.fileId })).toMatchObject({ ok: false });
    expect(storeHash(core.store.ctx)).toBe(hash);
  });
});
