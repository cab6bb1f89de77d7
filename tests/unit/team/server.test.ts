// The team server as an administrator runs it: the command line (refusing plain HTTP beyond this
// machine, creating accounts with the password from stdin), its numbered migrations, sign-in with
// per-device sessions, the idempotent push, and a server killed with SIGKILL in the middle of a
// push: the retry leaves every operation stored exactly once.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, type Operation } from '../../../db/sync/index';
import { TEAM_SCHEMA_VERSION } from '../../../team/migrations';
import { freePort } from '../../support/postgres';
import { PASSWORD, postgres, startTeam, type TeamWorld } from '../../support/team';

const root = path.resolve(import.meta.dirname, '../../..');
const CLI = ['--import', 'tsx', path.join(root, 'team/cli.ts')];

function cli(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await (await postgres()).createDatabase('cli');
});

describe('the command line', () => {
  it('refuses to listen beyond this machine without TLS, saying why', () => {
    const r = cli(['--database', databaseUrl, '--listen', '0.0.0.0:8443']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('Refusing to listen on 0.0.0.0 without TLS');
    expect(r.stderr).toContain('--tls-cert');
  });

  it('asks for a database and a listen address', () => {
    expect(cli(['--listen', '127.0.0.1:1'])).toMatchObject({ status: 2, stderr: expect.stringContaining('Give --database') });
    expect(cli(['--database', databaseUrl])).toMatchObject({ status: 2, stderr: expect.stringContaining('Give --listen') });
  });

  it('add-user migrates the database and creates an account with the password from stdin, hashed with scrypt', async () => {
    const r = cli(['add-user', '--database', databaseUrl, '--login', 'aidana', '--role', 'controller'], `${PASSWORD}\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Account aidana (controller) created.');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const migrations = await client.query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(migrations.rows.map((m) => m.version)).toEqual(Array.from({ length: TEAM_SCHEMA_VERSION }, (_, i) => i + 1));
      const { rows } = await client.query('SELECT login, role, password_hash, password_salt, password_params FROM accounts');
      expect(rows).toEqual([expect.objectContaining({ login: 'aidana', role: 'controller', password_params: { N: 32768, r: 8, p: 1, keylen: 32 } })]);
      expect(rows[0].password_hash).not.toContain(PASSWORD);
    } finally {
      await client.end();
    }
    expect(cli(['add-user', '--database', databaseUrl, '--login', 'bolot', '--role', 'executor'], `${PASSWORD}\n`)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('An executor works for one organization'),
    });
    expect(cli(['add-user', '--database', databaseUrl, '--login', 'bolot', '--role', 'viewer'], 'short\n')).toMatchObject({ status: 2, stderr: expect.stringContaining('at least 10 characters') });
    expect(cli(['add-user', '--database', databaseUrl, '--login', 'aidana', '--role', 'viewer'], `${PASSWORD}\n`)).toMatchObject({ status: 2, stderr: expect.stringContaining('taken') });
  });
});

describe('sessions and the audit', () => {
  let team: TeamWorld;
  beforeAll(async () => {
    team = await startTeam();
    await team.account('nurlan', 'controller');
  });

  it('a wrong password is refused and written in the audit; a good one opens a session per device', async () => {
    const bad = await fetch(`${team.url}/login`, { method: 'POST', body: JSON.stringify({ login: 'nurlan', password: 'wrong password', device: 'office PC' }) });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: { code: 'badCredentials', message: 'Wrong login or password.' } });
    const office = await team.signIn('nurlan', 'office PC');
    const laptop = await team.signIn('nurlan', 'laptop');
    const list = await office.request('GET', '/sessions');
    expect(list.body.sessions.map((s) => [s.deviceName, s.current])).toEqual([
      ['office PC', true],
      ['laptop', false],
    ]);
    expect((await laptop.request('POST', '/logout')).status).toBe(200);
    expect((await laptop.request('GET', '/me')).status).toBe(401);
    expect((await office.request('GET', '/me')).body.account).toEqual({ login: 'nurlan', role: 'controller', organizationId: null });
    const audit = await team.query<{ action: string; accepted: boolean; device: string; reason: string | null }>('SELECT action, accepted, device, reason FROM audit WHERE login = $1 ORDER BY id', ['nurlan']);
    expect(audit.map((a) => [a.action, a.accepted, a.device, a.reason])).toEqual([
      ['account.create', true, null, null],
      ['session.signIn', false, 'office PC', 'wrong login or password'],
      ['session.signIn', true, 'office PC', null],
      ['session.signIn', true, 'laptop', null],
      ['session.revoke', true, 'laptop', null],
    ]);
  });

  it('the same operation pushed twice is applied once and answered as already applied', async () => {
    const desk = await team.signIn('nurlan');
    const id = randomUUID();
    const op = desk.set('instruction', id, id, { title: 'Open the Karasuu checkpoint around the clock', status: 'assigned', createdAt: '2026-01-01T00:00:00Z' });
    const first = await desk.push([op]);
    const second = await desk.push([op, op]);
    expect(first.body.results).toEqual([{ id: op.id, status: 'applied', seq: expect.any(Number) }]);
    const seq = first.body.results[0]?.seq;
    expect(second.body.results).toEqual([
      { id: op.id, status: 'duplicate', seq },
      { id: op.id, status: 'duplicate', seq },
    ]);
    const stored = await team.query('SELECT seq FROM operations WHERE op_id = $1', [op.id]);
    expect(stored).toEqual([{ seq: String(seq) }]);
  });

  it('a malformed operation is refused with what is wrong, and the rest of the batch applies', async () => {
    const desk = await team.signIn('nurlan');
    const id = randomUUID();
    const good = desk.set('meeting', id, null, { title: 'Intergovernmental council' });
    const r = await desk.push([{ id: 'not-a-uuid', type: 'set' } as unknown as Operation, good]);
    expect(r.body.results[0]).toMatchObject({ status: 'refused', code: 'badData', message: expect.stringContaining('Not an operation') });
    expect(r.body.results[1]).toMatchObject({ id: good.id, status: 'applied' });
  });
});

describe('conflicts and changes within seconds', () => {
  let team: TeamWorld;
  beforeAll(async () => {
    team = await startTeam();
    await team.account('ainura', 'controller');
    await team.account('talant', 'controller');
  });

  it('a field changed on two desks since their common state is listed to a controller; the later change stands', async () => {
    const one = await team.signIn('ainura');
    const two = await team.signIn('talant');
    const id = randomUUID();
    await one.push([one.set('instruction', id, id, { title: 'Open the checkpoint', priority: 'normal', createdAt: '2026-01-01T00:00:00Z' })]);
    // Both desks start from "Open the checkpoint"; the second desk's change is the later one.
    const first = one.set('instruction', id, id, { title: 'Open the Ak-Zhol checkpoint' }, { title: 'Open the checkpoint' });
    const second = two.set('instruction', id, id, { title: 'Open the checkpoint around the clock', priority: 'high' }, { title: 'Open the checkpoint', priority: 'normal' });
    await two.push([second]);
    const r = await one.push([first]);
    expect(r.body.conflicts).toBe(1);
    const listed = await two.request('GET', '/conflicts');
    expect(listed.body.conflicts).toEqual([
      expect.objectContaining({ entityId: id, field: 'title', base: 'Open the checkpoint', current: 'Open the checkpoint around the clock', incoming: 'Open the Ak-Zhol checkpoint', kept: 'current' }),
    ]);
    const title = await team.query<{ value: string }>("SELECT value #>> '{}' AS value FROM field_state WHERE entity_id = $1 AND field = 'title'", [id]);
    expect(title).toEqual([{ value: 'Open the checkpoint around the clock' }]);
  });

  it('a waiting pull answers as soon as another desk pushes', async () => {
    const one = await team.signIn('ainura');
    const two = await team.signIn('talant');
    const { lastSeq } = await one.pull(0);
    const waiting = one.request('GET', `/pull?after=${lastSeq}&wait=30`);
    const meeting = two.set('meeting', randomUUID(), null, { title: 'Council of 5 November' });
    // The pull is held until the push lands, then brings it (well before the 30 seconds).
    const pushed = two.push([meeting]);
    const [answer] = await Promise.all([waiting, pushed]);
    expect(answer.status).toBe(200);
    expect((answer.body as unknown as { operations: { op: { id: string } }[] }).operations.map((o) => o.op.id)).toEqual([meeting.id]);
  });
});

describe('a server killed in the middle of a push', () => {
  it('keeps nothing of the cut push; the retry stores every operation exactly once', async () => {
    const url = await (await postgres()).createDatabase('killed');
    expect(cli(['add-user', '--database', url, '--login', 'kanat', '--role', 'controller'], `${PASSWORD}\n`).status).toBe(0);
    const start = async () => {
      const port = await freePort();
      const child = spawn(process.execPath, [...CLI, '--database', url, '--listen', `127.0.0.1:${port}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('"listening"')) resolve();
        });
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => reject(new Error(`the team server exited with ${code}: ${out}`)));
      });
      return { child, base: `http://127.0.0.1:${port}` };
    };
    const first = await start();
    const login = await fetch(`${first.base}/login`, { method: 'POST', body: JSON.stringify({ login: 'kanat', password: PASSWORD, device: 'desk' }) });
    const { token } = (await login.json()) as { token: string };
    const ops: Operation[] = Array.from({ length: 5000 }, (_, i) => {
      const id = randomUUID();
      return { id: randomUUID(), device: 'desk-1', hlc: formatHlc({ wall: 1_780_000_000_000 + i, counter: 0, node: 'desk-1' }), type: 'set', entity: 'instruction', entityId: id, instructionId: id, fields: { title: `Instruction ${i}`, status: 'assigned' } };
    });
    const body = JSON.stringify({ operations: ops });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const cut = fetch(`${first.base}/push`, { method: 'POST', headers, body }).then(
      () => 'answered',
      () => 'cut',
    );
    // Wait until the push holds its lock inside the transaction, then kill the server.
    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    for (;;) {
      const { rows } = await watcher.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 715002");
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    first.child.kill('SIGKILL');
    expect(await cut).toBe('cut');
    // PostgreSQL rolls the cut transaction back when its connection drops.
    for (;;) {
      const { rows } = await watcher.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 715002");
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await watcher.query('SELECT count(*)::int AS n FROM operations')).rows[0].n).toBe(0);

    const second = await start();
    try {
      const retry = await fetch(`${second.base}/push`, { method: 'POST', headers, body });
      expect(retry.status).toBe(200);
      const result = (await retry.json()) as { results: { status: string }[] };
      expect(result.results.every((r) => r.status === 'applied')).toBe(true);
      const again = (await (await fetch(`${second.base}/push`, { method: 'POST', headers, body })).json()) as { results: { status: string }[] };
      expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
      const { rows } = await watcher.query('SELECT count(*)::int AS n, count(DISTINCT op_id)::int AS d, max(seq) - min(seq) + 1 AS span FROM operations');
      expect(rows[0]).toEqual({ n: 5000, d: 5000, span: '5000' });
    } finally {
      second.child.kill('SIGINT');
      await watcher.end();
    }
  });
});
