// The team server's HTTP API (JSON; a bearer token after sign-in):
//   POST /login {login, password, device}     → {token, session, account}
//   POST /logout                              ends this session
//   GET /sessions, DELETE /sessions/:id       this account's devices (an administrator: everyone's)
//   POST /push {operations:[…]}               → {results:[applied|duplicate|refused], conflicts, lastSeq}
//   GET /pull?after=N[&wait=S]                → {operations, lastSeq, more}; with wait, held open up to
//                                               S seconds until something new arrives (long poll)
//   GET /conflicts                            fields changed on two desks, for a controller
//   GET /health                               {ok, schema}
import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type pg from 'pg';
import { z } from 'zod';
import { authenticate, listSessions, revokeSession, signIn, TeamError, touchSession } from './accounts';
import { TEAM_SCHEMA_VERSION } from './migrations';
import { listConflicts, pull, push } from './register';

const MAX_BODY = 64 * 1024 * 1024;
const MAX_WAIT_S = 60;

const loginSchema = z.object({ login: z.string().min(1).max(100), password: z.string().min(1).max(1000), device: z.string().min(1).max(200) }).strict();

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new TeamError(413, 'tooLarge', 'The request is too large: push fewer operations at once.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new TeamError(400, 'badJson', 'The request body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function bearer(req: http.IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h && h.startsWith('Bearer ') ? h.slice(7).trim() : null;
}

export interface TeamServerOptions {
  pool: pg.Pool;
  tls?: { cert: Buffer; key: Buffer };
}

export function createTeamServer(options: TeamServerOptions): http.Server {
  const { pool } = options;
  const changes = new EventEmitter();
  changes.setMaxListeners(0);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://team.invalid');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /health') return send(res, 200, { ok: true, schema: TEAM_SCHEMA_VERSION });
    if (route === 'POST /login') {
      const parsed = loginSchema.safeParse(await readBody(req));
      if (!parsed.success) throw new TeamError(400, 'badRequest', 'Give login, password and device.');
      const { token, session } = await signIn(pool, parsed.data);
      return send(res, 200, { token, session: { id: session.id, deviceName: session.deviceName }, account: { login: session.account.login, role: session.account.role, organizationId: session.account.organizationId } });
    }
    const session = await authenticate(pool, bearer(req));
    await touchSession(pool, session);
    if (route === 'GET /me') return send(res, 200, { account: { login: session.account.login, role: session.account.role, organizationId: session.account.organizationId }, session: { id: session.id, deviceName: session.deviceName } });
    if (route === 'POST /logout') {
      await revokeSession(pool, session, session.id);
      return send(res, 200, { ok: true });
    }
    if (route === 'GET /sessions') return send(res, 200, { sessions: await listSessions(pool, session) });
    const del = /^\/sessions\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'DELETE' && del) {
      await revokeSession(pool, session, decodeURIComponent(del[1] as string));
      return send(res, 200, { ok: true });
    }
    if (route === 'POST /push') {
      const body = (await readBody(req)) as { operations?: unknown };
      if (!body || !Array.isArray(body.operations)) throw new TeamError(400, 'badRequest', 'Give {operations: [...]}.');
      if (body.operations.length > 5000) throw new TeamError(413, 'tooLarge', 'Push at most 5000 operations at once.');
      const result = await push(pool, session, body.operations);
      if (result.results.some((r) => r.status === 'applied')) changes.emit('change', result.lastSeq);
      return send(res, 200, result);
    }
    if (route === 'GET /pull') {
      const after = Number(url.searchParams.get('after') ?? '0');
      if (!Number.isSafeInteger(after) || after < 0) throw new TeamError(400, 'badRequest', 'after is a sequence number (0 or more).');
      const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? '5000') || 5000, 1), 5000);
      const wait = Math.min(Math.max(Number(url.searchParams.get('wait') ?? '0') || 0, 0), MAX_WAIT_S);
      let result = await pull(pool, session.account, after, limit);
      if (result.operations.length === 0 && wait > 0) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            changes.off('change', done);
            req.off('close', done);
            resolve();
          };
          const timer = setTimeout(done, wait * 1000);
          changes.on('change', done);
          req.on('close', done);
        });
        if (!res.destroyed) result = await pull(pool, session.account, after, limit);
      }
      if (res.destroyed) return;
      return send(res, 200, result);
    }
    if (route === 'GET /conflicts') return send(res, 200, { conflicts: await listConflicts(pool, session.account) });
    throw new TeamError(404, 'notFound', `No such request: ${route}.`);
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof TeamError) send(res, error.status, { error: { code: error.code, message: error.message } });
      else {
        console.error(error);
        send(res, 500, { error: { code: 'internal', message: 'The team server failed; the request changed nothing.' } });
      }
    });
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, listener) : http.createServer(listener);
  // Desks keep their connection between a push and the long poll that follows.
  server.keepAliveTimeout = 65_000;
  return server;
}

/** Whether a host name is this machine's loopback (where plain HTTP is allowed). */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === '127.0.0.1' || h === '::1' || h === 'localhost';
}

/** host:port, [v6]:port or a bare port. */
export function parseListen(text: string): { host: string; port: number } | null {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text.trim());
  if (m) {
    const port = Number(m[3]);
    return port <= 65535 ? { host: (m[1] ?? m[2]) as string, port } : null;
  }
  if (/^\d{1,5}$/.test(text.trim()) && Number(text) <= 65535) return { host: '127.0.0.1', port: Number(text) };
  return null;
}
