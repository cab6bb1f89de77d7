// The loopback transport: the same handler table as Electron's IPC, behind node:http, for browser
// mode and the end-to-end tests. Bound to 127.0.0.1 only; a random token per run is required on
// every API, upload and download request, as a header — never a cookie, which the browser would
// also send to every other server on 127.0.0.1 (cookies are not kept apart by port). The page
// itself (the built renderer) holds no data and no token and is served to anyone on loopback; it
// takes the token from the printed address's fragment. A foreign Host or Origin is refused (DNS
// rebinding, cross-site requests).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch, toApiError, type Handlers } from '../api/dispatch';
import { MIME_TYPES, SECURITY_HEADERS } from '../services/csp';
import type { RestoreUploadSink, UploadSink } from '../services/app';

export const TOKEN_HEADER = 'x-ministry-token';
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Where the page sends a file for an import (raw bytes; the name in FILE_NAME_HEADER, URI-encoded). */
export const UPLOAD_PATH = '/upload';
/** Where the page sends a backup file to restore: streamed to disk, with its own (much larger) limit. */
export const RESTORE_UPLOAD_PATH = '/upload/restore';
export const FILE_NAME_HEADER = 'x-file-name';
/** Where the page sends a file to attach: streamed into the attachments folder, refused above 50 MB. */
export const ATTACHMENT_UPLOAD_PATH = '/upload/attachment';
/** `GET /attachment/<id>` (token required): an attachment's file, as a download under its own name. */
export const ATTACHMENT_PATH = '/attachment/';

/** An attachment's stored file, as the attachment route serves it. */
export interface AttachmentDownload {
  path: string;
  fileName: string;
  mediaType: string;
  size: number;
}

/** A finished export, as the download route serves it. */
export interface Download {
  bytes: Uint8Array;
  fileName: string;
  mime: string;
}

export interface LoopbackOptions {
  handlers: Handlers;
  /** Finished exports by id (`GET /download/<id>`, token required): browser mode's file download. */
  downloads?: (id: string) => Download;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  /** Files uploaded for an import, with their own size limit instead of the JSON body cap. */
  uploads?: UploadSink;
  /** Backup files sent for a restore. */
  restoreUploads?: RestoreUploadSink;
  /** Files sent to be attached (streamed, with the attachment limit). */
  attachmentUploads?: RestoreUploadSink;
  /** Attachments' files by attachment id. */
  attachments?: (id: string) => AttachmentDownload;
}

export interface LoopbackServer {
  url: string;
  /** The address to open: the token in the fragment (`#token=…`), which the page keeps in sessionStorage. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** `attachment` with an ASCII fallback name and the real (Cyrillic) one per RFC 6266/5987. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

class BodyTooLarge extends Error {}

/** A path that decodes (no stray `%`, valid UTF-8) to no NUL byte. */
function wellFormedPath(pathname: string): boolean {
  try {
    return !decodeURIComponent(pathname).includes('\0');
  } catch {
    return false;
  }
}

/** What an oversized body may still send, read and dropped, so the client gets the answer, not a reset. */
const DRAIN_BYTES = 16 * 1024 * 1024;

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Over the limit without (or despite) a declared length: answer now, and drop the rest
        // as it comes so the client reads the answer instead of a reset; cut only a sender
        // that keeps going far past the limit.
        chunks.length = 0;
        if (size > limit + DRAIN_BYTES) req.destroy();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startLoopbackServer(options: LoopbackOptions): Promise<LoopbackServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const staticRoot = path.resolve(options.staticDir);
  const indexFile = path.join(staticRoot, 'index.html');
  let port = 0;

  const allowedHosts = (): Set<string> => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://${HOST}:${port}`, `http://localhost:${port}`]);

  function serveIndex(res: http.ServerResponse): void {
    let html: string;
    try {
      html = fs.readFileSync(indexFile, 'utf8');
    } catch {
      send(res, 500, 'The user interface is not built. Run `npm run build` first.', 'text/plain; charset=utf-8');
      return;
    }
    send(res, 200, html, 'text/html; charset=utf-8');
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    const relative = decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticRoot, relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) {
      refuse(res, 403, 'forbidden', 'Outside the application folder.');
      return;
    }
    if (relative === '' || relative === 'index.html' || !path.extname(relative)) {
      serveIndex(res);
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        send(res, 404, 'Not found', 'text/plain; charset=utf-8');
        return;
      }
      const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const cache = relative.startsWith('assets/') ? { 'Cache-Control': 'private, max-age=31536000, immutable' } : {};
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...cache });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      refuse(res, 403, 'forbidden', 'Requests must be addressed to 127.0.0.1.');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      refuse(res, 403, 'forbidden', 'Requests from other sites are refused.');
      return;
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      refuse(res, 403, 'forbidden', 'Requests from other sites are refused.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    if (!wellFormedPath(url.pathname)) {
      refuse(res, 400, 'validation', 'The address is malformed.');
      return;
    }

    if (url.pathname === UPLOAD_PATH && options.uploads) {
      await upload(req, res, options.uploads);
      return;
    }
    if (url.pathname === RESTORE_UPLOAD_PATH && options.restoreUploads) {
      await restoreUpload(req, res, options.restoreUploads);
      return;
    }
    if (url.pathname === ATTACHMENT_UPLOAD_PATH && options.attachmentUploads) {
      await restoreUpload(req, res, options.attachmentUploads);
      return;
    }
    const attachment = /^\/attachment\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (attachment && options.attachments) {
      serveAttachment(req, res, options.attachments, attachment[1] as string);
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        refuse(res, 401, 'unauthorized', 'The access token is missing or wrong.');
        return;
      }
      if (req.method !== 'POST') {
        refuse(res, 405, 'validation', 'Use POST.');
        return;
      }
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        refuse(res, 415, 'validation', 'Send JSON (Content-Type: application/json).');
        return;
      }
      let payload: unknown;
      try {
        const body = await readBody(req, maxBody);
        payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch (err) {
        if (err instanceof BodyTooLarge) refuse(res, 413, 'too_large', `The request is larger than ${maxBody} bytes.`);
        else refuse(res, 400, 'validation', 'The request is not valid JSON.');
        return;
      }
      const channel = url.pathname.slice('/api/'.length);
      sendJson(res, 200, await dispatch(options.handlers, channel, payload));
      return;
    }

    const download = /^\/download\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (download) {
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        refuse(res, 401, 'unauthorized', 'The access token is missing or wrong.');
        return;
      }
      if (req.method !== 'GET' || !options.downloads) {
        refuse(res, 405, 'validation', 'Use GET.');
        return;
      }
      let file: Download;
      try {
        file = options.downloads(download[1] as string);
      } catch (err) {
        const error = toApiError(err);
        sendJson(res, error.code === 'not_found' ? 404 : 409, { ok: false, error });
        return;
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': file.mime,
        'Content-Length': String(file.bytes.byteLength),
        'Content-Disposition': contentDisposition(file.fileName),
        'Cache-Control': 'no-store',
      });
      res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, 'validation', 'Method not allowed.');
      return;
    }
    serveStatic(req, res, url.pathname);
  }

  /** An attachment as a download: its own name (RFC 5987 for Cyrillic), never rendered by the browser. */
  function serveAttachment(req: http.IncomingMessage, res: http.ServerResponse, attachments: (id: string) => AttachmentDownload, id: string): void {
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      refuse(res, 401, 'unauthorized', 'The access token is missing or wrong.');
      return;
    }
    if (req.method !== 'GET') {
      refuse(res, 405, 'validation', 'Use GET.');
      return;
    }
    let file: AttachmentDownload;
    try {
      file = attachments(id);
    } catch (err) {
      const error = toApiError(err);
      sendJson(res, error.code === 'not_found' ? 404 : 409, { ok: false, error });
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(file.fileName),
      'Cache-Control': 'no-store',
    });
    const stream = fs.createReadStream(file.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  /** Checks the token and the form of a file upload; the file's name, or null when refused. */
  function uploadedName(req: http.IncomingMessage, res: http.ServerResponse): string | null {
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      refuse(res, 401, 'unauthorized', 'The access token is missing or wrong.');
      return null;
    }
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/octet-stream') {
      refuse(res, 415, 'validation', 'Send the file with POST as application/octet-stream.');
      return null;
    }
    try {
      return decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? 'file'));
    } catch {
      return 'file'; // A malformed name is not a reason to refuse the file.
    }
  }

  async function restoreUpload(req: http.IncomingMessage, res: http.ServerResponse, sink: RestoreUploadSink): Promise<void> {
    const name = uploadedName(req, res);
    if (name === null) return;
    const declared = Number(req.headers['content-length'] ?? 0);
    try {
      sendJson(res, 200, { ok: true, value: await sink.receive(name, req, declared > 0 ? declared : undefined) });
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code === 'too_large') {
        // Answer now and stop reading: the rest of the body is not wanted.
        res.setHeader('Connection', 'close');
        sendJson(res, 413, { ok: false, error: apiError });
        req.resume();
      } else sendJson(res, 200, { ok: false, error: apiError });
    }
  }

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, sink: UploadSink): Promise<void> {
    const name = uploadedName(req, res);
    if (name === null) return;
    let bytes: Buffer;
    try {
      // A file over the limit is refused on its declared length, before a byte of it is read.
      bytes = await readBody(req, sink.maxBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        const declared = Number(req.headers['content-length'] ?? 0);
        sendJson(res, 413, { ok: false, error: toApiError(sink.tooLarge(declared > 0 ? declared : undefined)) });
      } else refuse(res, 400, 'validation', 'The upload was interrupted.');
      return;
    }
    try {
      sendJson(res, 200, { ok: true, value: sink.accept(name, bytes) });
    } catch (err) {
      sendJson(res, 200, { ok: false, error: toApiError(err) });
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[ministry-tracker] request failed:', err);
      if (!res.headersSent) refuse(res, 500, 'internal', 'The request failed inside the app.');
      else res.end();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
