// A team server for the tests: a throwaway PostgreSQL cluster per test file (tests/support/postgres),
// a database per call, the server in this process on a free loopback port, and helpers to sign in
// and push or pull as a desk would.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import pg from 'pg';
import { afterAll } from 'vitest';
import { formatHlc, type Operation } from '../../db/sync/index';
import { addUser } from '../../team/accounts';
import { migrate } from '../../team/migrations';
import { createTeamServer } from '../../team/server';
import { startPostgres, type PostgresCluster } from './postgres';

let cluster: Promise<PostgresCluster> | null = null;
const cleanups: (() => Promise<void> | void)[] = [];

afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
  if (cluster) (await cluster).stop();
  cluster = null;
});

/** The file's one cluster (started on first use, stopped after the file's tests). */
export function postgres(): Promise<PostgresCluster> {
  cluster ??= startPostgres();
  return cluster;
}

let databases = 0;

export interface TeamWorld {
  url: string;
  databaseUrl: string;
  pool: pg.Pool;
  server: http.Server;
  /** An account with this password, made directly in the database. */
  account(login: string, role: string, organizationId?: string | null): Promise<string>;
  signIn(login: string, device?: string): Promise<Desk>;
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery';

/** What the server answers, loosely: each test reads the part it asserts. */
export interface Answer {
  results: { id: string | null; status: string; seq: number; code?: string; message?: string }[];
  sessions: { id: string; deviceName: string; current: boolean; login: string }[];
  account: unknown;
  error: { code: string; message: string };
  lastSeq: number;
  conflicts: unknown;
}

export interface Desk {
  token: string;
  device: string;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: Answer }>;
  push(ops: Operation[]): Promise<{ status: number; body: Answer }>;
  pull(after?: number): Promise<{ operations: { seq: number; account: string; op: Operation }[]; lastSeq: number; more: boolean }>;
  /** A set operation from this desk with a fresh clock. */
  set(entity: string, entityId: string, instructionId: string | null, fields: Record<string, unknown>, base?: Record<string, unknown>): Operation;
  event(event: string, instructionId: string, data: Record<string, unknown>, entityId?: string): Operation;
}

export async function startTeam(): Promise<TeamWorld> {
  const pgc = await postgres();
  const databaseUrl = await pgc.createDatabase(`team_${process.pid}_${++databases}`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  const client = await pool.connect();
  await migrate(client);
  client.release();
  const server = createTeamServer({ pool });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  let clock = Date.now();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await pool.end();
  };
  cleanups.push(close);
  const world: TeamWorld = {
    url,
    databaseUrl,
    pool,
    server,
    async account(login, role, organizationId = null) {
      const a = await addUser(pool, { login, role, organizationId, password: PASSWORD });
      return a.id;
    },
    async signIn(login, device = `${login}-desk`) {
      const res = await fetch(`${url}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD, device }) });
      const body = (await res.json()) as { token: string };
      if (res.status !== 200) throw new Error(`sign-in of ${login} failed: ${JSON.stringify(body)}`);
      const token = body.token;
      const deviceId = `${device}-${randomUUID().slice(0, 8)}`;
      const request = async (method: string, path: string, payload?: unknown) => {
        const r = await fetch(`${url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
        });
        return { status: r.status, body: (await r.json()) as Answer };
      };
      const hlc = () => formatHlc({ wall: ++clock, counter: 0, node: deviceId });
      return {
        token,
        device: deviceId,
        request,
        push: (ops) => request('POST', '/push', { operations: ops }),
        async pull(after = 0) {
          const r = await request('GET', `/pull?after=${after}`);
          if (r.status !== 200) throw new Error(`pull failed: ${JSON.stringify(r.body)}`);
          return r.body as unknown as Awaited<ReturnType<Desk['pull']>>;
        },
        set: (entity, entityId, instructionId, fields, base) =>
          ({ id: randomUUID(), device: deviceId, hlc: hlc(), type: 'set', entity, entityId, instructionId, fields, ...(base ? { base } : {}) }) as Operation,
        event: (event, instructionId, data, entityId = randomUUID()) => ({ id: randomUUID(), device: deviceId, hlc: hlc(), type: 'event', event, entityId, instructionId, data }) as Operation,
      };
    },
    async query(sql, params = []) {
      return (await pool.query(sql, params)).rows;
    },
    close,
  };
  return world;
}
