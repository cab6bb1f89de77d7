// The exchange package: a desk exports its store with its attachments as one ZIP (the JSON
// document, the attachment records, each file once under its SHA-256); another desk imports it and
// gets the meetings, instructions and their attachments, byte for byte. A package in which one byte
// of a file changed is refused with a message naming the file, and nothing is stored. The plain
// JSON exchange still works, carrying no attachments and saying so.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../../../../electron/services/app';
import { dispatch } from '../../../../../electron/api/dispatch';
import { renderExport } from '../../../../../electron/services/reports/render';
import type { AttachmentView, ExportJob } from '../../../../../electron/api/contract';
import type { ExchangeCommitResult, ExchangePreview, StagedFileInfo } from '../../../../../db/intake-types';
import { attachmentsDirFor, blobPath, storedHashes } from '../../../../../db/attachment-files';
import { tempDir } from '../../../../support/temp';

const cores: AppCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function call<T>(core: AppCore, channel: string, input: unknown = {}): Promise<T> {
  const answer = await dispatch(core.handlers, channel, input);
  if (!answer.ok) throw Object.assign(new Error(`${channel}: ${answer.error.message}`), { error: answer.error });
  return answer.value as T;
}

async function desk(choice: 'demo' | 'empty'): Promise<AppCore> {
  const core = await startAppCore({ dataDir: tempDir('mat-package-'), version: '0.0.0-test', renderInProcess: renderExport });
  cores.push(core);
  await call(core, 'app.chooseStart', { choice, profile: { fullName: choice === 'demo' ? 'Desk A' : 'Desk B', position: '', organization: '', phone: '' } });
  return core;
}

const dirOf = (core: AppCore) => attachmentsDirFor(path.join(core.config.dataDir, 'x.sqlite'));
const firstId = (core: AppCore, table: string): string => (core.store.ctx.db.prepare(`SELECT id FROM ${table} ORDER BY rowid LIMIT 1`).get() as { id: string }).id;
const count = (core: AppCore, table: string): number => (core.store.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Attaches bytes the way the page does: sent to the attachment upload sink, then attachments.add. */
async function attach(core: AppCore, owner: { kind: string; id: string }, name: string, bytes: Buffer): Promise<AttachmentView> {
  const received = (await core.attachmentUploads.receive(name, Readable.from([bytes]), bytes.length)) as StagedFileInfo;
  return call<AttachmentView>(core, 'attachments.add', { owner, fileId: received.fileId });
}

async function exportAs(core: AppCore, format: 'zip' | 'json'): Promise<Uint8Array> {
  let job = await call<ExportJob>(core, 'reports.start', { kind: 'exchange', format });
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 10));
    job = await call<ExportJob>(core, 'reports.job', { jobId: job.id });
  }
  expect(job.state).toBe('done');
  return core.reports.file(job.id).bytes;
}

const SCAN = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('скан протокола '.repeat(5000))]);
const SHEET = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(3000, 1)]);

async function sourceDesk(): Promise<AppCore> {
  const a = await desk('demo');
  await attach(a, { kind: 'meeting', id: firstId(a, 'meetings') }, 'Протокол №12.pdf', SCAN);
  await attach(a, { kind: 'instruction', id: firstId(a, 'instructions') }, 'График поставок.xlsx', SHEET);
  // The same scan on the instruction too: one file in the package.
  await attach(a, { kind: 'instruction', id: firstId(a, 'instructions') }, 'scan-copy.pdf', SCAN);
  const gone = await attach(a, { kind: 'meeting', id: firstId(a, 'meetings') }, 'draft.txt', Buffer.from('черновик'));
  await call(a, 'attachments.remove', { id: gone.id });
  return a;
}

describe('the exchange package with attachments', () => {
  it('carries the attachments and their files to another desk, byte for byte, once', async () => {
    const a = await sourceDesk();
    const zip = await exportAs(a, 'zip');
    const entries = Object.keys((await JSZip.loadAsync(zip)).files).sort();
    expect(entries).toEqual(['attachments.json', 'exchange.json', 'files/', ...storedHashes(dirOf(a)).map((h) => `files/${h}`)].sort());

    const b = await desk('empty');
    const staged = b.uploads.accept('ministry-tracker-exchange.zip', zip) as StagedFileInfo;
    const preview = await call<ExchangePreview>(b, 'intake.exchangePreview', { fileId: staged.fileId });
    expect(preview.attachments).toEqual({ inPackage: true, count: 3 });
    const result = await call<ExchangeCommitResult>(b, 'intake.exchangeCommit', { fileId: staged.fileId, choices: {} });
    expect(result).toMatchObject({ changed: true, attachmentsAdded: 3 });

    const meetingFiles = await call<AttachmentView[]>(b, 'attachments.list', { owner: { kind: 'meeting', id: firstId(a, 'meetings') } });
    const instructionFiles = await call<AttachmentView[]>(b, 'attachments.list', { owner: { kind: 'instruction', id: firstId(a, 'instructions') } });
    expect(meetingFiles.map((x) => [x.fileName, x.addedBy])).toEqual([['Протокол №12.pdf', 'Desk A']]);
    expect(instructionFiles.map((x) => x.fileName)).toEqual(['График поставок.xlsx', 'scan-copy.pdf']);
    const read = (x: AttachmentView) => fs.readFileSync(b.attachmentFile(x.id).path);
    expect(read(meetingFiles[0]!).equals(SCAN)).toBe(true);
    expect(read(instructionFiles[0]!).equals(SHEET)).toBe(true);
    expect(storedHashes(dirOf(b)).sort()).toEqual(storedHashes(dirOf(a)).sort());
    expect(fs.statSync(blobPath(dirOf(b), meetingFiles[0]!.sha256)).mode & 0o777).toBe(0o600);
    // The removed one came as removed: not listed, no file.
    expect(count(b, 'attachments')).toBe(4);

    // The same package again changes nothing.
    const again = b.uploads.accept('again.zip', zip) as StagedFileInfo;
    const second = await call<ExchangeCommitResult>(b, 'intake.exchangeCommit', { fileId: again.fileId, choices: {} });
    expect(second.attachmentsAdded).toBe(0);
    expect(count(b, 'attachments')).toBe(4);

    // A removal on the first desk reaches the second with the next package, and its file goes there too.
    const sheetOnA = (await call<AttachmentView[]>(a, 'attachments.list', { owner: { kind: 'instruction', id: firstId(a, 'instructions') } })).find((x) => x.fileName === 'График поставок.xlsx')!;
    await call(a, 'attachments.remove', { id: sheetOnA.id });
    const next = b.uploads.accept('next.zip', await exportAs(a, 'zip')) as StagedFileInfo;
    await call<ExchangeCommitResult>(b, 'intake.exchangeCommit', { fileId: next.fileId, choices: {} });
    expect((await call<AttachmentView[]>(b, 'attachments.list', { owner: { kind: 'instruction', id: firstId(a, 'instructions') } })).map((x) => x.fileName)).toEqual(['scan-copy.pdf']);
    expect(storedHashes(dirOf(b))).toEqual([instructionFiles[1]!.sha256]);
  });

  it('refuses a package in which one byte of a file changed, naming the file, and stores nothing', async () => {
    const a = await sourceDesk();
    const zip = await JSZip.loadAsync(await exportAs(a, 'zip'));
    const records = JSON.parse(await zip.file('attachments.json')!.async('string')) as { fileName: string; sha256: string; size: number }[];
    const sheet = records.find((r) => r.fileName === 'График поставок.xlsx')!;
    const changed = Buffer.from(SHEET);
    changed.writeUInt8(changed.readUInt8(2000) ^ 0x01, 2000);
    zip.file(`files/${sheet.sha256}`, changed);
    const tampered = await zip.generateAsync({ type: 'uint8array' });

    const b = await desk('empty');
    const before = { instructions: count(b, 'instructions'), meetings: count(b, 'meetings'), history: count(b, 'history') };
    const staged = b.uploads.accept('tampered.zip', tampered) as StagedFileInfo;
    for (const channel of ['intake.exchangePreview', 'intake.exchangeCommit']) {
      const answer = await dispatch(b.handlers, channel, channel.endsWith('Commit') ? { fileId: staged.fileId, choices: {} } : { fileId: staged.fileId });
      expect(answer).toMatchObject({ ok: false, error: { code: 'validation', key: 'packageFileChanged', params: { name: 'График поставок.xlsx' } } });
      if (!answer.ok) expect(answer.error.message).toMatch(/“График поставок\.xlsx”.*SHA-256.*Nothing was imported/);
    }
    expect({ instructions: count(b, 'instructions'), meetings: count(b, 'meetings'), history: count(b, 'history') }).toEqual(before);
    expect(count(b, 'attachments')).toBe(0);
    expect(storedHashes(dirOf(b))).toEqual([]);
  });

  it('keeps the plain JSON exchange working, without attachments, and says so', async () => {
    const a = await sourceDesk();
    const json = await exportAs(a, 'json');
    expect(JSON.parse(Buffer.from(json).toString('utf8'))).not.toHaveProperty('attachments');
    const b = await desk('empty');
    const staged = b.uploads.accept('exchange.json', json) as StagedFileInfo;
    const preview = await call<ExchangePreview>(b, 'intake.exchangePreview', { fileId: staged.fileId });
    expect(preview.attachments).toEqual({ inPackage: false, count: 0 });
    const result = await call<ExchangeCommitResult>(b, 'intake.exchangeCommit', { fileId: staged.fileId, choices: {} });
    expect(result.changed).toBe(true);
    expect(count(b, 'instructions')).toBe(count(a, 'instructions'));
    expect(count(b, 'attachments')).toBe(0);
  });
});
