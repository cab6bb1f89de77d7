// Attachments through the app core and the loopback server, as browser mode and the e2e tests use
// them: files sent to the upload route are refused above 50 MB (on the declared length before a
// byte is read, or as the streamed count passes it), attached once per content (two owners, one
// file), downloaded under their own name, removed with a history row (the file goes with the last
// reference); Electron attaches a file picked in the dialog and opens only documents and images,
// from a temporary copy.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../../../../support/fake-electron';
import { startAppCore, type AppCore } from '../../../../../electron/services/app';
import { createShellFiles } from '../../../../../electron/main/files';
import { dispatch } from '../../../../../electron/api/dispatch';
import { ATTACHMENT_UPLOAD_PATH, FILE_NAME_HEADER, TOKEN_HEADER, startLoopbackServer, type LoopbackServer } from '../../../../../electron/server/server';
import type { AttachmentView } from '../../../../../electron/api/contract';
import { MAX_ATTACHMENT_BYTES, attachmentsDirFor, blobPath, storedHashes } from '../../../../../db/attachment-files';
import { tempDir } from '../../../../support/temp';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function call<T>(core: AppCore, channel: string, input: unknown = {}): Promise<T> {
  const answer = await dispatch(core.handlers, channel, input);
  if (!answer.ok) throw Object.assign(new Error(`${channel}: ${answer.error.message}`), { error: answer.error });
  return answer.value as T;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; key?: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return (err as { error: { code: string; key?: string; message: string } }).error;
  }
  throw new Error('not refused');
}

async function demoCore(extra: Partial<Parameters<typeof startAppCore>[0]> = {}): Promise<{ core: AppCore; dataDir: string }> {
  const dataDir = tempDir('mat-attach-');
  const core = await startAppCore({ dataDir, version: '0.0.0-test', ...extra });
  cleanup.push(() => void core.close());
  await call(core, 'app.chooseStart', { choice: 'demo', profile: { fullName: 'Aigerim Sadykova', position: '', organization: '', phone: '' } });
  return { core, dataDir };
}

async function serve(core: AppCore): Promise<LoopbackServer> {
  const server = await startLoopbackServer({
    handlers: core.handlers,
    staticDir: tempDir(),
    attachmentUploads: core.attachmentUploads,
    attachments: (id) => {
      const { attachment, path: file } = core.attachmentFile(id);
      return { path: file, fileName: attachment.fileName, mediaType: attachment.mediaType, size: attachment.size };
    },
  });
  cleanup.push(() => server.close());
  return server;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request over real HTTP; `body` is written in 1 MB chunks (without a Content-Length unless given). */
function request(server: LoopbackServer, method: string, route: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: route, headers: { [TOKEN_HEADER]: server.token, ...headers } });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    if (body) for (let at = 0; at < body.length; at += 1024 * 1024) req.write(body.subarray(at, at + 1024 * 1024));
    req.end();
  });
}

const upload = (server: LoopbackServer, name: string, bytes: Buffer, headers: Record<string, string> = {}) =>
  request(server, 'POST', ATTACHMENT_UPLOAD_PATH, { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(name), ...headers }, bytes);

const json = (a: Answer) => JSON.parse(a.body.toString('utf8')) as { ok: boolean; value?: { fileId: string }; error?: { code: string; key?: string; params?: unknown } };
const firstId = (core: AppCore, table: string): string => (core.store.ctx.db.prepare(`SELECT id FROM ${table} ORDER BY rowid LIMIT 1`).get() as { id: string }).id;
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);

describe('attachments over the loopback server (browser mode)', () => {
  it('stores the same bytes once for two owners, downloads them under their Cyrillic name, and removes the file with its last reference', async () => {
    const { core, dataDir } = await demoCore();
    const server = await serve(core);
    const meeting = { kind: 'meeting', id: firstId(core, 'meetings') };
    const instruction = { kind: 'instruction', id: firstId(core, 'instructions') };
    const scan = pdf('протокол совещания '.repeat(1000));

    const sent1 = json(await upload(server, 'Протокол №12 от 5 ноября.pdf', scan));
    const a = await call<AttachmentView>(core, 'attachments.add', { owner: meeting, fileId: sent1.value!.fileId });
    const sent2 = json(await upload(server, 'scan.pdf', scan));
    const b = await call<AttachmentView>(core, 'attachments.add', { owner: instruction, fileId: sent2.value!.fileId });

    const sha = crypto.createHash('sha256').update(scan).digest('hex');
    const dir = attachmentsDirFor(path.join(dataDir, 'x.sqlite'));
    expect(a).toMatchObject({ fileName: 'Протокол №12 от 5 ноября.pdf', size: scan.length, sha256: sha, mediaType: 'application/pdf', addedBy: 'Aigerim Sadykova' });
    expect(b.sha256).toBe(sha);
    expect(storedHashes(dir)).toEqual([sha]);
    expect(fs.statSync(blobPath(dir, sha)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(blobPath(dir, sha)).equals(scan)).toBe(true);
    expect((await call<AttachmentView[]>(core, 'attachments.list', { owner: meeting })).map((x) => x.fileName)).toEqual(['Протокол №12 от 5 ноября.pdf']);

    const got = await request(server, 'GET', `/attachment/${a.id}`, {});
    expect(got.status).toBe(200);
    expect(got.body.equals(scan)).toBe(true);
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="________ _12 __ 5 ______.pdf"; filename*=UTF-8''${encodeURIComponent('Протокол №12 от 5 ноября.pdf')}`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-type']).toBe('application/octet-stream');
    // Without the token nothing is served.
    const anonymous = await new Promise<number>((resolve) => http.get({ host: '127.0.0.1', port: server.port, path: `/attachment/${a.id}` }, (res) => resolve(res.statusCode ?? 0)));
    expect(anonymous).toBe(401);

    // Removing one attachment keeps the file the other still refers to; removing the last removes it.
    await call(core, 'attachments.remove', { id: a.id });
    expect(await call<AttachmentView[]>(core, 'attachments.list', { owner: meeting })).toEqual([]);
    expect(storedHashes(dir)).toEqual([sha]);
    await call(core, 'attachments.remove', { id: b.id });
    expect(storedHashes(dir)).toEqual([]);
    expect((await request(server, 'GET', `/attachment/${b.id}`, {})).status).toBe(404);
    const history = core.store.ctx.db.prepare("SELECT old_value, new_value, actor, instruction_id FROM history WHERE entity = 'attachment' ORDER BY id").all();
    expect(history).toEqual([
      { old_value: null, new_value: 'Протокол №12 от 5 ноября.pdf', actor: 'Aigerim Sadykova', instruction_id: null },
      { old_value: null, new_value: 'scan.pdf', actor: 'Aigerim Sadykova', instruction_id: instruction.id },
      { old_value: 'Протокол №12 от 5 ноября.pdf', new_value: null, actor: 'Aigerim Sadykova', instruction_id: null },
      { old_value: 'scan.pdf', new_value: null, actor: 'Aigerim Sadykova', instruction_id: instruction.id },
    ]);
  });

  it('refuses a file over 50 MB on its declared length before reading it, and a streamed one as its count passes the limit; nothing is kept', async () => {
    const { core, dataDir } = await demoCore();
    const server = await serve(core);
    const dir = attachmentsDirFor(path.join(dataDir, 'x.sqlite'));
    const incoming = () => (fs.existsSync(path.join(dir, '.incoming')) ? fs.readdirSync(path.join(dir, '.incoming')) : []);

    // Declared: the answer comes after one kilobyte of a body announced as 60 MB.
    const declared = await new Promise<Answer>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: ATTACHMENT_UPLOAD_PATH,
        headers: { [TOKEN_HEADER]: server.token, 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: 'scan.tif', 'Content-Length': String(60 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(declared.status).toBe(413);
    expect(json(declared)).toMatchObject({ ok: false, error: { code: 'too_large', key: 'attachmentTooLarge', params: { limitMb: 50, sizeMb: 60 } } });

    // Streamed without a length: one byte over the limit.
    const streamed = await upload(server, 'big.tif', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 7));
    expect(streamed.status).toBe(413);
    expect(json(streamed)).toMatchObject({ ok: false, error: { code: 'too_large', key: 'attachmentTooLarge', params: { limitMb: 50 } } });
    expect(incoming()).toEqual([]);
    expect(storedHashes(dir)).toEqual([]);

    // Exactly 50 MB is accepted.
    const exact = json(await upload(server, 'exact.tif', Buffer.alloc(MAX_ATTACHMENT_BYTES, 7)));
    expect(exact.ok).toBe(true);
    const attached = await call<AttachmentView>(core, 'attachments.add', { owner: { kind: 'meeting', id: firstId(core, 'meetings') }, fileId: exact.value!.fileId });
    expect(attached.size).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('refuses an owner that does not exist and keeps no file for it', async () => {
    const { core, dataDir } = await demoCore();
    const server = await serve(core);
    const sent = json(await upload(server, 'letter.docx', Buffer.from('PK\u0003\u0004 letter')));
    const error = await refusal(call(core, 'attachments.add', { owner: { kind: 'report', id: '00000000-0000-4000-8000-000000000009' }, fileId: sent.value!.fileId }));
    expect(error).toMatchObject({ code: 'not_found', key: 'attachmentOwnerNotFound' });
    expect(storedHashes(attachmentsDirFor(path.join(dataDir, 'x.sqlite')))).toEqual([]);
  });
});

describe('attaching a file staged for an import (the protocol import attaches a scanned protocol to its meeting)', () => {
  it('attaches the staged file by its id, once per content', async () => {
    const { core, dataDir } = await demoCore();
    const meeting = { kind: 'meeting', id: firstId(core, 'meetings') };
    const scan = pdf('scanned protocol without a text layer');
    const staged = core.uploads.accept('Протокол заседания.pdf', scan) as { fileId: string };
    const attached = await call<AttachmentView>(core, 'attachments.add', { owner: meeting, fileId: staged.fileId });
    expect(attached).toMatchObject({ ownerKind: 'meeting', ownerId: meeting.id, fileName: 'Протокол заседания.pdf', size: scan.length, mediaType: 'application/pdf' });
    const again = core.uploads.accept('copy.pdf', scan) as { fileId: string };
    await call(core, 'attachments.add', { owner: { kind: 'instruction', id: firstId(core, 'instructions') }, fileId: again.fileId });
    const dir = attachmentsDirFor(path.join(dataDir, 'x.sqlite'));
    expect(storedHashes(dir)).toEqual([attached.sha256]);
    expect(fs.readFileSync(blobPath(dir, attached.sha256)).equals(scan)).toBe(true);
    const unknown = await refusal(call(core, 'attachments.add', { owner: meeting, fileId: '00000000-0000-4000-8000-00000000000a' }));
    expect(unknown).toMatchObject({ code: 'not_found' });
  });
});

describe('attachments in Electron', () => {
  it('attaches a file picked in the dialog, opens a document from a read-only temporary copy, and refuses to open a program', async () => {
    fake.reset();
    const { core } = await demoCore({ shellFiles: createShellFiles() });
    const owner = { kind: 'instruction', id: firstId(core, 'instructions') };
    const folder = tempDir();
    const letter = path.join(folder, 'Письмо Минэнерго.pdf');
    fs.writeFileSync(letter, pdf('letter'));
    const program = path.join(folder, 'report.pdf');
    fs.writeFileSync(program, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]));
    fake.openDialogAnswers = [letter, program, null];

    const a = await call<AttachmentView>(core, 'attachments.pick', { owner });
    expect(a.fileName).toBe('Письмо Минэнерго.pdf');
    const b = await call<AttachmentView>(core, 'attachments.pick', { owner });
    expect(await call(core, 'attachments.pick', { owner })).toBeNull();
    expect((await call<AttachmentView[]>(core, 'attachments.list', { owner })).map((x) => x.fileName)).toEqual(['Письмо Минэнерго.pdf', 'report.pdf']);

    expect(await call(core, 'attachments.open', { id: a.id })).toEqual({ opened: true });
    expect(fake.opened).toHaveLength(1);
    const opened = fake.opened[0]!;
    expect(path.basename(opened.file)).toBe('Письмо Минэнерго.pdf');
    expect(opened.bytes.equals(fs.readFileSync(letter))).toBe(true);
    expect(opened.mode).toBe(0o400);
    expect(opened.file.startsWith(attachmentsDirFor(path.join(core.config.dataDir, 'x.sqlite')))).toBe(false);

    const error = await refusal(call(core, 'attachments.open', { id: b.id }));
    expect(error).toMatchObject({ code: 'unsupported', key: 'attachmentContentMismatch' });
    expect(fake.opened).toHaveLength(1);
  });
});
