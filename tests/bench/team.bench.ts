// Team mode at scale, against PostgreSQL itself in the same run:
// - team.push_pull_10k: one desk pushes its outbox of ~10,000 operations through the team server and
//   another desk pulls and applies them, against a bare batched INSERT of the same operation rows
//   into a PostgreSQL table (goal: at most 3×).
// - team.desks_20x500: 20 simulated desks push 500 operations each at once, then each pulls
//   everything; all must converge (same last sequence, every operation once). Time, the server's
//   throughput, against the same bare insert of those 10,000 rows.
// The cluster is a throwaway one (tests/support/postgres.ts), fsync off like the tests'.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../../db/store';
import { createInstructions } from '../../db/instructions';
import { teamState } from '../../db/team-sync';
import { formatHlc, type Operation } from '../../db/sync/index';
import { TeamSync } from '../../electron/services/team-sync';
import { addUser } from '../../team/accounts';
import { migrate } from '../../team/migrations';
import { createTeamServer } from '../../team/server';
import { startPostgres } from '../support/postgres';
import { emit, timeMsAsync } from './report';

const PASSWORD = 'bench password 1';

async function bareInsert(pool: pg.Pool, ops: Operation[]): Promise<number> {
  await pool.query('CREATE TABLE IF NOT EXISTS bare_ops (seq bigserial PRIMARY KEY, op_id uuid UNIQUE, device text, hlc text, entity text, entity_id text, instruction_id text, body jsonb)');
  await pool.query('TRUNCATE bare_ops');
  return timeMsAsync(async () => {
    for (let i = 0; i < ops.length; i += 1000) {
      const batch = ops.slice(i, i + 1000);
      await pool.query(
        'INSERT INTO bare_ops (op_id, device, hlc, entity, entity_id, instruction_id, body) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])',
        [
          batch.map((o) => o.id),
          batch.map((o) => o.device),
          batch.map((o) => o.hlc),
          batch.map((o) => (o.type === 'set' ? o.entity : o.event)),
          batch.map((o) => o.entityId),
          batch.map((o) => o.instructionId),
          batch.map((o) => JSON.stringify(o)),
        ],
      );
    }
  });
}

export async function benchTeam(): Promise<void> {
  const cluster = await startPostgres();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-bench-team-'));
  const pools: pg.Pool[] = [];
  const servers: ReturnType<typeof createTeamServer>[] = [];
  const start = async (name: string) => {
    const pool = new pg.Pool({ connectionString: await cluster.createDatabase(name), max: 10 });
    pools.push(pool);
    const client = await pool.connect();
    await migrate(client);
    client.release();
    const server = createTeamServer({ pool });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { pool, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
  };
  try {
    // ---- one desk pushes ~10,000 operations, another pulls them ----
    {
      const { pool, url } = await start('push_pull');
      await addUser(pool, { login: 'admin', role: 'administrator', password: PASSWORD });
      await addUser(pool, { login: 'desk-a', role: 'controller', password: PASSWORD });
      await addUser(pool, { login: 'desk-b', role: 'controller', password: PASSWORD });
      const a = await openStore(path.join(dir, 'a', 'desk.sqlite'));
      const b = await openStore(path.join(dir, 'b', 'desk.sqlite'));
      const syncA = new TeamSync(a.ctx, path.join(dir, 'a'), { device: 'a' });
      const syncB = new TeamSync(b.ctx, path.join(dir, 'b'), { device: 'b' });
      await syncA.signIn({ serverUrl: url, login: 'desk-a', password: PASSWORD });
      await syncB.signIn({ serverUrl: url, login: 'desk-b', password: PASSWORD });
      // 5,000 instructions made on desk A: each an operation and a history event.
      for (let i = 0; i < 5; i++) createInstructions(a.ctx, Array.from({ length: 1000 }, (_, j) => ({ title: `Instruction ${i * 1000 + j}`, body: 'Work out the supply of electricity and its transit.' })));
      const waiting = teamState(a.ctx).waiting;
      const pushMs = await timeMsAsync(() => syncA.pushAll());
      const pullMs = await timeMsAsync(() => syncB.pullAll(0));
      const ms = pushMs + pullMs;
      const pulled = (b.ctx.db.prepare('SELECT count(*) AS n FROM instructions').get() as { n: number }).n;
      if (pulled !== 5000) throw new Error(`desk B has ${pulled} instructions, expected 5000`);
      const { rows } = await pool.query<{ body: Operation }>('SELECT body FROM operations ORDER BY seq');
      const baseline = await bareInsert(pool, rows.map((r) => r.body));
      emit(`team.push_pull_${waiting}_ops`, ms, 'ms', baseline);
      // Where the time goes: the push (desk outbox → server checks → PostgreSQL) and the pull (server → desk's SQLite).
      emit(`team.push_${waiting}_ops`, pushMs, 'ms', baseline);
      emit(`team.pull_apply_${waiting}_ops`, pullMs, 'ms', baseline);
      a.close();
      b.close();
    }

    // ---- 20 desks × 500 operations at once ----
    {
      const { pool, url } = await start('twenty');
      const DESKS = 20;
      const PER = 500;
      const tokens: string[] = [];
      for (let d = 0; d < DESKS; d++) {
        await addUser(pool, { login: `desk${d}`, role: 'controller', password: PASSWORD });
        const r = await fetch(`${url}/login`, { method: 'POST', body: JSON.stringify({ login: `desk${d}`, password: PASSWORD, device: `desk ${d}` }) });
        tokens.push(((await r.json()) as { token: string }).token);
      }
      const opsOf = (d: number): Operation[] =>
        Array.from({ length: PER }, (_, i) => {
          const id = randomUUID();
          return { id: randomUUID(), device: `desk-${d}`, hlc: formatHlc({ wall: Date.now() + i, counter: 0, node: `desk-${d}` }), type: 'set', entity: 'instruction', entityId: id, instructionId: id, fields: { title: `Desk ${d} item ${i}`, status: 'assigned', priority: 'normal' } };
        });
      const all = Array.from({ length: DESKS }, (_, d) => opsOf(d));
      const headers = (d: number) => ({ authorization: `Bearer ${tokens[d]}`, 'content-type': 'application/json' });
      const ms = await timeMsAsync(async () => {
        await Promise.all(
          all.map(async (ops, d) => {
            for (let i = 0; i < ops.length; i += 100) {
              const r = await fetch(`${url}/push`, { method: 'POST', headers: headers(d), body: JSON.stringify({ operations: ops.slice(i, i + 100) }) });
              if (r.status !== 200) throw new Error(`push failed: ${r.status}`);
              await r.json();
            }
          }),
        );
      });
      // Every desk pulls everything: the same operations, the same last sequence.
      const pulls = await Promise.all(
        tokens.map(async (_, d) => {
          let after = 0;
          let count = 0;
          for (;;) {
            const r = (await (await fetch(`${url}/pull?after=${after}`, { headers: headers(d) })).json()) as { operations: unknown[]; lastSeq: number; more: boolean };
            count += r.operations.length;
            after = r.lastSeq;
            if (!r.more) return { count, last: after };
          }
        }),
      );
      if (!pulls.every((p) => p.count === DESKS * PER && p.last === pulls[0]?.last)) throw new Error(`the desks did not converge: ${JSON.stringify(pulls.slice(0, 3))}`);
      const baseline = await bareInsert(pool, all.flat());
      emit('team.desks_20x500_push', ms, 'ms', baseline);
      emit('team.desks_20x500_throughput', (DESKS * PER) / (ms / 1000), 'ops/s', (DESKS * PER) / (baseline / 1000));
    }
  } finally {
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
    for (const p of pools) await p.end();
    cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
