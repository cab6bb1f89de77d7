// Restoring a backup file chosen from anywhere, when it is larger than an import may be (50 MB):
// browser mode streams it over the loopback server to disk, Electron's dialog hands over its path.
// Neither reads it into memory, and the official's own file is never changed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fake } from '../../../support/fake-electron';
import { startAppCore, type AppCore } from '../../../../electron/services/app';
import { createShellFiles } from '../../../../electron/main/files';
import { dispatch } from '../../../../electron/api/dispatch';
import { startLoopbackServer, FILE_NAME_HEADER, RESTORE_UPLOAD_PATH, TOKEN_HEADER, type LoopbackServer } from '../../../../electron/server/server';
import type { BackupsView } from '../../../../electron/api/contract';
import { MAX_IMPORT_BYTES } from '../../../../electron/services/intake/files';
import { tempDir } from '../../../support/temp';

// Folders that live for the whole file (tempDir's are removed after each test).
const suiteDirs: string[] = [];
const suiteDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-restore-'));
  suiteDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of suiteDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const BALLAST_BYTES = MAX_IMPORT_BYTES + 10 * 1024 * 1024;

async function call<T>(core: AppCore, channel: string, input: unknown = {}): Promise<T> {
  const answer = await dispatch(core.handlers, channel, input);
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

const titles = (core: AppCore): string[] =>
  (core.store.ctx.db.prepare('SELECT title FROM instructions ORDER BY id').all() as { title: string }[]).map((r) => r.title);
const ballastLength = (core: AppCore): number | undefined =>
  (core.store.ctx.db.prepare("SELECT length(value) AS n FROM settings WHERE key = 'ballast'").get() as { n: number } | undefined)?.n;
const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A backup of a demo store that also holds 60 MB: more than an import may send. */
let bigBackup: string;
let sourceTitles: string[];

beforeAll(async () => {
  const source = await startAppCore({ dataDir: suiteDir(), version: '0.0.0-test' });
  try {
    await call(source, 'app.chooseStart', { choice: 'demo' });
    source.store.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('ballast', ?)").run(JSON.stringify('x'.repeat(BALLAST_BYTES)));
    const view = await call<BackupsView>(source, 'backups.create');
    const made = view.backups.find((b) => b.reason === 'manual');
    if (!made) throw new Error('no manual backup');
    bigBackup = path.join(suiteDir(), made.name);
    fs.copyFileSync(path.join(view.folder, made.name), bigBackup);
    sourceTitles = titles(source);
  } finally {
    source.close();
  }
  expect(fs.statSync(bigBackup).size).toBeGreaterThan(MAX_IMPORT_BYTES);
});

describe('restoring a backup larger than an import', () => {
  let core: AppCore;
  let server: LoopbackServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = suiteDir();
    core = await startAppCore({ dataDir, version: '0.0.0-test' });
    server = await startLoopbackServer({ handlers: core.handlers, staticDir: suiteDir(), uploads: core.uploads, restoreUploads: core.restoreUploads });
  });
  afterAll(async () => {
    await server.close();
    core.close();
  });

  const post = (route: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { code: string; key?: string } } }> =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: route, headers: { [TOKEN_HEADER]: server.token, ...headers } });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as never }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('browser mode: the page sends it, the server streams it to disk, and the restore brings its data back', async () => {
    const before = sha256(bigBackup);
    const sent = await post(RESTORE_UPLOAD_PATH, { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: 'archive.sqlite' }, fs.readFileSync(bigBackup));
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ ok: true, value: { name: 'archive.sqlite', size: fs.statSync(bigBackup).size } });
    const { fileId } = sent.json.value as { fileId: string };
    const restored = await post(`/api/backups.restoreFile`, { 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify({ fileId })));
    expect(restored.json).toMatchObject({ ok: true, value: { restoredFrom: expect.any(String) as string } });
    expect(titles(core)).toEqual(sourceTitles);
    expect(ballastLength(core)).toBe(BALLAST_BYTES + 2);
    // The received copy is removed once restored; the official's file is as it was.
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('.restore-upload-'))).toEqual([]);
    expect(sha256(bigBackup)).toBe(before);
  });

  it('a file declared larger than any backup is refused at once with the limit, and nothing is kept', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: RESTORE_UPLOAD_PATH,
        headers: { [TOKEN_HEADER]: server.token, 'Content-Type': 'application/octet-stream', 'Content-Length': String(9 * 1024 ** 3) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'too_large', key: 'restoreFileTooLarge', params: { limitGb: 8 } } });
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('.restore-upload-'))).toEqual([]);
  });
});

describe('Electron: restoring a backup file chosen in the dialog', () => {
  it('hands the path over, restores a file larger than an import, and leaves the chosen file unchanged', async () => {
    fake.reset();
    fake.openDialogAnswers = [bigBackup];
    const core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test', shellFiles: createShellFiles() });
    try {
      const before = sha256(bigBackup);
      const chosen = await call<{ fileId: string; name: string; size: number }>(core, 'backups.openFile');
      expect(chosen).toMatchObject({ name: path.basename(bigBackup), size: fs.statSync(bigBackup).size });
      expect(fake.dialogs[0]?.options).toMatchObject({ filters: [{ name: 'SQLite', extensions: ['sqlite', 'db', 'bak'] }] });
      await call(core, 'backups.restoreFile', { fileId: chosen.fileId });
      expect(titles(core)).toEqual(sourceTitles);
      expect(ballastLength(core)).toBe(BALLAST_BYTES + 2);
      expect(fs.existsSync(bigBackup)).toBe(true);
      expect(sha256(bigBackup)).toBe(before);
      // A chosen file is used once: asking to restore it again says to choose it again.
      expect(await dispatch(core.handlers, 'backups.restoreFile', { fileId: chosen.fileId })).toMatchObject({ ok: false, error: { key: 'intake.fileGone' } });
    } finally {
      core.close();
    }
  });
});
