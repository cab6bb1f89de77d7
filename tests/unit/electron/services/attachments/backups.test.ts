// Backups carry the attachment files: each backup copies the files its data refers to into the
// backup folder's attachments/ (by hash, checked on the way, once for all backups), lists them in
// its sidecar, and a restore brings them back into the data folder, so an attachment removed after
// the backup opens again once the backup is restored.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../../../../electron/services/app';
import { dispatch } from '../../../../../electron/api/dispatch';
import type { AttachmentView, BackupsView, RestoreOutcome } from '../../../../../electron/api/contract';
import type { StagedFileInfo } from '../../../../../db/intake-types';
import { attachmentsDirFor, blobPath, storedHashes } from '../../../../../db/attachment-files';
import { backupAttachmentsDir } from '../../../../../db/backups';
import { tempDir } from '../../../../support/temp';

const cores: AppCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function call<T>(core: AppCore, channel: string, input: unknown = {}): Promise<T> {
  const answer = await dispatch(core.handlers, channel, input);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
}

describe('backups and attachments', () => {
  it('a backup holds the attached files and a restore brings them back', async () => {
    const core = await startAppCore({ dataDir: tempDir('mat-attach-backup-'), version: '0.0.0-test' });
    cores.push(core);
    await call(core, 'app.chooseStart', { choice: 'demo' });
    const meeting = { kind: 'meeting', id: (core.store.ctx.db.prepare('SELECT id FROM meetings LIMIT 1').get() as { id: string }).id };
    const scan = Buffer.concat([Buffer.from('%PDF-1.5\n'), crypto.randomBytes(200_000)]);
    const received = (await core.attachmentUploads.receive('Скан протокола.pdf', Readable.from([scan]), scan.length)) as StagedFileInfo;
    const attached = await call<AttachmentView>(core, 'attachments.add', { owner: meeting, fileId: received.fileId });
    const dataFiles = attachmentsDirFor(path.join(core.config.dataDir, 'x.sqlite'));

    const view = await call<BackupsView>(core, 'backups.create');
    const first = view.backups.find((b) => b.reason === 'manual')!;
    const kept = backupAttachmentsDir(view.folder);
    expect(storedHashes(kept)).toEqual([attached.sha256]);
    expect(fs.readFileSync(blobPath(kept, attached.sha256)).equals(scan)).toBe(true);
    const sidecar = JSON.parse(fs.readFileSync(path.join(view.folder, `${first.name}.json`), 'utf8')) as { attachments: string[]; attachmentsMissing: string[] };
    expect(sidecar).toMatchObject({ attachments: [attached.sha256], attachmentsMissing: [] });

    // A second backup shares the file rather than copying it again (and the rotation keeps it,
    // since the kept backup refers to it).
    const made = (await call<BackupsView>(core, 'backups.create')).backups.find((b) => b.reason === 'manual')!;
    expect(storedHashes(kept)).toEqual([attached.sha256]);

    // Removed after the backup: the attachment and its file are gone from the data folder...
    await call(core, 'attachments.remove', { id: attached.id });
    expect(storedHashes(dataFiles)).toEqual([]);
    expect(await call<AttachmentView[]>(core, 'attachments.list', { owner: meeting })).toEqual([]);

    // ...and the restore brings both back.
    const outcome = await call<RestoreOutcome>(core, 'backups.restore', { name: made.name });
    expect(outcome.attachmentsMissing).toBe(0);
    const back = await call<AttachmentView[]>(core, 'attachments.list', { owner: meeting });
    expect(back.map((a) => a.fileName)).toEqual(['Скан протокола.pdf']);
    expect(fs.readFileSync(core.attachmentFile(back[0]!.id).path).equals(scan)).toBe(true);
    expect(fs.statSync(blobPath(dataFiles, attached.sha256)).mode & 0o777).toBe(0o600);
  });

  it('a restore checks each file against its hash: a changed copy beside the backup is not brought back, and the outcome says so', async () => {
    const core = await startAppCore({ dataDir: tempDir('mat-attach-backup-'), version: '0.0.0-test' });
    cores.push(core);
    await call(core, 'app.chooseStart', { choice: 'demo' });
    const meeting = { kind: 'meeting', id: (core.store.ctx.db.prepare('SELECT id FROM meetings LIMIT 1').get() as { id: string }).id };
    const scan = Buffer.from('%PDF-1.5\nа scan');
    const received = (await core.attachmentUploads.receive('scan.pdf', Readable.from([scan]), scan.length)) as StagedFileInfo;
    const attached = await call<AttachmentView>(core, 'attachments.add', { owner: meeting, fileId: received.fileId });
    const view = await call<BackupsView>(core, 'backups.create');
    const made = view.backups.find((b) => b.reason === 'manual')!;
    await call(core, 'attachments.remove', { id: attached.id });
    const copy = blobPath(backupAttachmentsDir(view.folder), attached.sha256);
    fs.chmodSync(copy, 0o600);
    fs.writeFileSync(copy, Buffer.from('%PDF-1.5\nб scan'));

    const outcome = await call<RestoreOutcome>(core, 'backups.restore', { name: made.name });
    expect(outcome.attachmentsMissing).toBe(1);
    expect(storedHashes(attachmentsDirFor(path.join(core.config.dataDir, 'x.sqlite')))).toEqual([]);
  });
});
