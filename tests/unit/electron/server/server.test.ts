// The loopback server over real HTTP on 127.0.0.1: malformed paths and oversized uploads.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLoopbackServer, FILE_NAME_HEADER, TOKEN_HEADER, UPLOAD_PATH, type LoopbackServer } from '../../../../electron/server/server';
import { StoreError } from '../../../../db/errors';
import type { Handlers } from '../../../../electron/api/dispatch';
import { tempDir } from '../../../support/temp';

const LIMIT = 64 * 1024;
const TOO_LARGE = 'The file is too large: the limit is 64 KB.';

let server: LoopbackServer;
let accepted: number[];

beforeEach(async () => {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  accepted = [];
  server = await startLoopbackServer({
    handlers: {} as Handlers,
    staticDir,
    uploads: {
      maxBytes: LIMIT,
      accept: (_name, bytes) => {
        accepted.push(bytes.byteLength);
        return { size: bytes.byteLength };
      },
      tooLarge: () => new StoreError('too_large', TOO_LARGE, 'intake.fileTooLarge'),
    },
  });
});

afterEach(async () => {
  await server.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request (the path sent exactly as given); `chunks` go out chunked, without a declared length. */
function request(method: string, rawPath: string, headers: Record<string, string> = {}, chunks?: Buffer[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: rawPath, headers: { Host: `127.0.0.1:${server.port}`, ...headers } });
    req.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      response.on('error', reject);
    });
    req.on('error', reject);
    if (!chunks) {
      req.end();
      return;
    }
    // Write chunk after chunk, as a slow client does, and stop writing once an answer came.
    let answered = false;
    req.on('response', () => (answered = true));
    const next = (i: number): void => {
      if (answered || req.destroyed) return;
      if (i >= chunks.length) {
        req.end();
        return;
      }
      req.write(chunks[i], () => setImmediate(() => next(i + 1)));
    };
    next(0);
  });
}

describe('loopback server: malformed paths', () => {
  it.each(['/%', '/%00', '/assets/%E0%A4%A', '/a%00b.js', '/download/%'])('answers 400, not 500, to GET %s', async (raw) => {
    // Signed in as the page is (today's cookie, or the header), so only the path is wrong.
    const answer = await request('GET', raw, { [TOKEN_HEADER]: server.token, Cookie: `ministry_token=${server.token}` });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('loopback server: uploads over the limit', () => {
  const headers = () => ({ 'Content-Type': 'application/octet-stream', [TOKEN_HEADER]: server.token, [FILE_NAME_HEADER]: 'big.csv' });

  it('answers 413 with the message to a chunked upload over the limit (no declared length), instead of a reset', async () => {
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(8 * 1024, 0x61));
    const answer = await request('POST', UPLOAD_PATH, { ...headers(), 'Transfer-Encoding': 'chunked' }, chunks);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'too_large', key: 'intake.fileTooLarge', message: TOO_LARGE } });
    expect(accepted).toEqual([]);
  });

  it('still answers 413 on a declared length over the limit, and takes a chunked upload under it', async () => {
    const declared = await request('POST', UPLOAD_PATH, { ...headers(), 'Content-Length': String(LIMIT + 1) }, []);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'too_large', message: TOO_LARGE } });
    const small = await request('POST', UPLOAD_PATH, { ...headers(), 'Transfer-Encoding': 'chunked' }, [Buffer.alloc(1000, 0x61), Buffer.alloc(1000, 0x62)]);
    expect(small.status).toBe(200);
    expect(accepted).toEqual([2000]);
  });
});

describe('loopback server: the token is never a cookie', () => {
  it('prints an address that carries the token in the fragment, which never reaches a server', () => {
    expect(server.openUrl).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
  });

  it('sets no cookie on any answer, and the page it serves holds no token', async () => {
    const answers = [
      await request('GET', '/'),
      await request('GET', `/?token=${server.token}`),
      await request('GET', '/index.html'),
      await request('GET', '/board'),
      await request('GET', '/missing.js'),
      await request('POST', '/api/app.info', { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token }, [Buffer.from('{}')]),
      await request('GET', '/download/00000000-0000-4000-8000-000000000000', { [TOKEN_HEADER]: server.token }),
    ];
    for (const answer of answers) expect(answer.headers['set-cookie']).toBeUndefined();
    const page = answers[0]!;
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(server.token);
  });

  it('refuses a request that carries the token only as a cookie', async () => {
    const cookie = { Cookie: `ministry_token=${server.token}` };
    const api = await request('POST', '/api/app.info', { ...cookie, 'Content-Type': 'application/json' }, [Buffer.from('{}')]);
    expect(api.status).toBe(401);
    const download = await request('GET', '/download/00000000-0000-4000-8000-000000000000', cookie);
    expect(download.status).toBe(401);
    const upload = await request('POST', UPLOAD_PATH, { ...cookie, 'Content-Type': 'application/octet-stream' }, [Buffer.from('a;b\n')]);
    expect(upload.status).toBe(401);
    expect(accepted).toEqual([]);
  });
});
