// How files reach the app: in Electron the main process opens them through its own dialog (the
// page never names a path); in browser mode the page uploads them to a token-protected route with
// its own size limit. Both end as a staged file the import channels read.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../../../../electron/services/app';
import { startLoopbackServer, FILE_NAME_HEADER, TOKEN_HEADER, UPLOAD_PATH, type LoopbackServer } from '../../../../../electron/server/server';
import { MAX_IMPORT_BYTES } from '../../../../../electron/services/intake/files';
import { dispatch } from '../../../../../electron/api/dispatch';
import { contract } from '../../../../../electron/api/contract';
import { LIST_FIELDS } from '../../../../../db/intake-types';
import { startMain } from '../../../../../electron/main/bootstrap';
import { fake } from '../../../../support/fake-electron';
import { tempDir } from '../../../../support/temp';
import { count, utf8 } from '../../../../support/intake';

const CSV = utf8('No.;Instruction;Lead;Deadline\n1;Work out electricity supply;Ministry of Energy;05.12.2021\n');

describe('browser mode: the upload route', () => {
  let core: AppCore;
  let server: LoopbackServer;
  let base: string;

  beforeEach(async () => {
    core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test' });
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    server = await startLoopbackServer({ handlers: core.handlers, staticDir, uploads: core.uploads });
    base = server.url.replace(/\/$/, '');
  });

  afterEach(async () => {
    await server.close();
    core.close();
  });

  const upload = (body: Buffer, headers: Record<string, string> = {}) =>
    fetch(`${base}${UPLOAD_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', [TOKEN_HEADER]: server.token, [FILE_NAME_HEADER]: encodeURIComponent('поручения.csv'), ...headers },
      body: new Uint8Array(body),
    });

  it('stages the uploaded file for the import channels, under its own name', async () => {
    const response = await upload(CSV);
    expect(response.status).toBe(200);
    const staged = (await response.json()) as { ok: true; value: { fileId: string; name: string; size: number } };
    expect(staged).toMatchObject({ ok: true, value: { name: 'поручения.csv', size: CSV.length } });
    const preview = await fetch(`${base}/api/intake.listPreview`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token },
      body: JSON.stringify({ fileId: staged.value.fileId }),
    });
    expect(await preview.json()).toMatchObject({ ok: true, value: { validRows: 1, encoding: 'utf-8', delimiter: ';' } });
  });

  it('requires the token and raw bytes', async () => {
    expect((await upload(CSV, { [TOKEN_HEADER]: 'guess' })).status).toBe(401);
    expect((await upload(CSV, { 'Content-Type': 'text/csv' })).status).toBe(415);
    expect((await upload(CSV, { Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('refuses a 100 MB file on its declared size, before reading a byte of it, with the limit in the message', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${base}${UPLOAD_PATH}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(100 * 1024 * 1024),
          [TOKEN_HEADER]: server.token,
          [FILE_NAME_HEADER]: 'huge.csv',
        },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      // Only the headers go out; not one byte of the body is ever sent.
      request.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: {
        code: 'too_large',
        key: 'intake.fileTooLarge',
        message: 'The file is too large (100 MB): the limit is 50 MB. Nothing was imported.',
        params: { limitMb: 50, sizeMb: 100 },
      },
    });
  });

  it('refuses an empty file and says there are no dialogs in browser mode', async () => {
    expect(await (await upload(Buffer.alloc(0))).json()).toMatchObject({ ok: false, error: { key: 'intake.emptyFile' } });
    expect(await dispatch(core.handlers, 'intake.capabilities', {})).toEqual({ ok: true, value: { nativeDialogs: false, maxFileBytes: MAX_IMPORT_BYTES, maxReadoutChars: 200_000 } });
    expect(await dispatch(core.handlers, 'intake.openFile', { purpose: 'list' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await dispatch(core.handlers, 'intake.listPreview', { fileId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', key: 'intake.fileGone' },
    });
  });
});

describe('Electron: the main process opens and saves files', () => {
  const trusted = { parent: null, url: 'app://renderer/index.html' };
  let core: AppCore | null;
  let folder: string;

  beforeEach(async () => {
    fake.reset();
    process.env.MINISTRY_TRACKER_DATA_DIR = tempDir();
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    folder = tempDir();
    core = await startMain({ preload: '/app/preload.cjs', renderer: rendererDir, nativeBinding: undefined });
  });

  afterEach(() => {
    core?.close();
    delete process.env.MINISTRY_TRACKER_DATA_DIR;
  });

  function invoke(channel: string, payload: unknown) {
    const handler = fake.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: trusted }, payload) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; key?: string; message: string } }>;
  }

  it('reads the file the official picks in the dialog, and imports it', async () => {
    const file = path.join(folder, 'list.csv');
    fs.writeFileSync(file, CSV);
    fake.openDialogAnswers.push(file);
    expect(await invoke('intake.capabilities', {})).toEqual({ ok: true, value: { nativeDialogs: true, maxFileBytes: MAX_IMPORT_BYTES, maxReadoutChars: 200_000 } });
    const opened = await invoke('intake.openFile', { purpose: 'list' });
    expect(opened).toMatchObject({ ok: true, value: { name: 'list.csv', size: CSV.length } });
    expect(fake.dialogs[0]).toMatchObject({ kind: 'open', options: { properties: ['openFile'], filters: [{ extensions: ['csv', 'txt', 'xlsx'] }] } });
    expect(fake.dialogs[0]?.parent).not.toBeNull();
    const fileId = (opened.value as { fileId: string }).fileId;
    expect(await invoke('intake.listCommit', { fileId })).toMatchObject({ ok: true, value: { imported: 1 } });
    expect(count(core!.store.ctx, 'instructions')).toBe(1);
  });

  it('returns nothing when the dialog is cancelled, and refuses a 100 MB file without reading it', async () => {
    fake.openDialogAnswers.push(null);
    expect(await invoke('intake.openFile', { purpose: 'exchange' })).toEqual({ ok: true, value: null });
    const huge = path.join(folder, 'huge.json');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 100 * 1024 * 1024);
    fake.openDialogAnswers.push(huge);
    const refused = await invoke('intake.openFile', { purpose: 'exchange' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'too_large', key: 'intake.fileTooLarge' } });
    expect(refused.error?.message).toMatch(/limit is 50 MB/);
  });

  it('writes a report where the official chooses, in one piece, or nothing when cancelled', async () => {
    const target = path.join(folder, 'skipped rows.csv');
    fake.saveDialogAnswers.push(target, null);
    expect(await invoke('intake.saveText', { suggestedName: 'skipped.csv', content: '\ufeffRow;Problem\r\n4;Bad date\r\n' })).toEqual({ ok: true, value: { path: target } });
    expect(fs.readFileSync(target, 'utf8')).toBe('\ufeffRow;Problem\r\n4;Bad date\r\n');
    expect(fs.readdirSync(folder)).toEqual(['skipped rows.csv']);
    expect(await invoke('intake.saveText', { suggestedName: 'skipped.csv', content: 'x' })).toEqual({ ok: true, value: null });
    expect(fake.dialogs.map((d) => d.kind)).toEqual(['save', 'save']);
  });

  it('reads a file that vanished or cannot be read as a clear refusal', async () => {
    fake.openDialogAnswers.push(path.join(folder, 'gone.csv'));
    expect(await invoke('intake.openFile', { purpose: 'list' })).toMatchObject({ ok: false, error: { key: 'intake.cannotRead' } });
  });
});

describe('the contract', () => {
  it('copies the list fields of the store', () => {
    const schema = contract['intake.listPreview'].input;
    for (const field of LIST_FIELDS) expect(schema.safeParse({ fileId: '00000000-0000-4000-8000-000000000000', mapping: [field] }).success, field).toBe(true);
    expect(schema.safeParse({ fileId: '00000000-0000-4000-8000-000000000000', mapping: ['password'] }).success).toBe(false);
  });
});
