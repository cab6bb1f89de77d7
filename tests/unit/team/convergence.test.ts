// Several desks — real SQLite stores in temporary folders, each with the sync service — make random
// changes through the store's own functions while the network misbehaves: requests dropped before
// they arrive, answers lost after the server applied them, requests sent twice, requests held back
// and delivered later (out of order, after the desk has retried). At the end, with the network
// back, every desk holds what the server holds, field by field, for everything it may see. The
// seed is printed by fast-check on failure (FC_SEED=… reruns it).
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../db/store';
import { addCoexecutor, addReport, changeDueDate, changeStatus, createInstruction, updateInstruction } from '../../../db/instructions';
import { readEntity, teamState } from '../../../db/team-sync';
import { ENTITY_KINDS, type EntityKind, type Json } from '../../../db/sync/index';
import { TeamSync, type Fetch } from '../../../electron/services/team-sync';
import { tempDir } from '../../support/temp';
import { PASSWORD, startTeam, type TeamWorld } from '../../support/team';

type Fault = 'ok' | 'dropRequest' | 'dropAnswer' | 'twice' | 'late';
const FAULTS: Fault[] = ['ok', 'dropRequest', 'dropAnswer', 'twice', 'late'];
const DESKS = ['control-1', 'control-2', 'exec-a'] as const;
type DeskName = (typeof DESKS)[number];
const CONTROLLERS: DeskName[] = ['control-1', 'control-2'];
const ORGS = ['org-a', 'org-b'];

type Command =
  | { t: 'create'; desk: DeskName; lead: number; title: string; due: number }
  | { t: 'title'; desk: DeskName; pick: number; title: string }
  | { t: 'priority'; desk: DeskName; pick: number; priority: 'low' | 'normal' | 'high' | 'critical' }
  | { t: 'due'; desk: DeskName; pick: number; days: number }
  | { t: 'progress'; desk: DeskName; pick: number }
  | { t: 'report'; desk: DeskName; pick: number; text: string }
  | { t: 'submit'; desk: DeskName; pick: number; text: string }
  | { t: 'coexec'; desk: DeskName; pick: number; org: number }
  | { t: 'sync'; desk: DeskName; fault: Fault }
  | { t: 'syncTwo'; a: DeskName; b: DeskName; fa: Fault; fb: Fault }
  | { t: 'deliver'; pick: number };

const desk = fc.constantFrom(...DESKS);
const controller = fc.constantFrom(...CONTROLLERS);
const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `T ${s}`);
const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('create' as const), desk: controller, lead: fc.nat(1), title: text, due: fc.integer({ min: 10, max: 300 }) }), weight: 3 },
  // Both controllers edit the first few instructions often: the same field changed on two desks.
  { arbitrary: fc.record({ t: fc.constant('title' as const), desk: controller, pick: fc.nat(2), title: text }), weight: 4 },
  fc.record({ t: fc.constant('priority' as const), desk: controller, pick: fc.nat(), priority: fc.constantFrom('low' as const, 'normal' as const, 'high' as const, 'critical' as const) }),
  fc.record({ t: fc.constant('due' as const), desk, pick: fc.nat(), days: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ t: fc.constant('progress' as const), desk, pick: fc.nat() }),
  fc.record({ t: fc.constant('report' as const), desk, pick: fc.nat(), text }),
  fc.record({ t: fc.constant('submit' as const), desk, pick: fc.nat(), text }),
  fc.record({ t: fc.constant('coexec' as const), desk: controller, pick: fc.nat(), org: fc.nat(1) }),
  fc.record({ t: fc.constant('sync' as const), desk, fault: fc.constantFrom(...FAULTS) }),
  fc.record({ t: fc.constant('syncTwo' as const), a: desk, b: desk, fa: fc.constantFrom(...FAULTS), fb: fc.constantFrom(...FAULTS) }),
  fc.record({ t: fc.constant('deliver' as const), pick: fc.nat() }),
);

let team: TeamWorld;
let run = 0;
const RUNS = Number(process.env.FC_RUNS ?? 10);
const stats = { runs: 0, operations: 0, refused: 0 };

beforeAll(async () => {
  team = await startTeam();
});

afterAll(async () => {
  await team?.close();
});

interface DeskUnderTest {
  store: Store;
  sync: TeamSync;
  fault: Fault;
}

async function scenario(commands: Command[]): Promise<void> {
  run++;
  // Each run: its own accounts (organizations are shared, made once by the administrator).
  const logins = Object.fromEntries(DESKS.map((d) => [d, `${d}-${run}`])) as Record<DeskName, string>;
  for (const d of DESKS) await team.account(logins[d], d.startsWith('control') ? 'controller' : 'executor', d === 'exec-a' ? 'org-a' : null);
  const late: { url: string; init: Parameters<Fetch>[1] }[] = [];
  const desks = {} as Record<DeskName, DeskUnderTest>;
  const send = (url: string, init: Parameters<Fetch>[1]) => fetch(url, init);
  for (const d of DESKS) {
    const dir = tempDir(`mat-team-${d}-`);
    const store = await openStore(path.join(dir, 'desk.sqlite'), { actor: () => logins[d] });
    const state: DeskUnderTest = { store, sync: undefined as unknown as TeamSync, fault: 'ok' };
    const faulty: Fetch = async (url, init) => {
      const fault = state.fault;
      if (fault === 'dropRequest') throw new Error('network down');
      if (fault === 'late') {
        late.push({ url, init });
        throw new Error('timed out');
      }
      const res = await send(url, init);
      const body: unknown = await res.json();
      if (fault === 'twice') await (await send(url, init)).json();
      if (fault === 'dropAnswer') throw new Error('connection reset');
      return { status: res.status, json: async () => body };
    };
    state.sync = new TeamSync(store.ctx, dir, { fetch: faulty, device: d });
    await state.sync.signIn({ serverUrl: team.url, login: logins[d], password: PASSWORD });
    // The first sync brings the directory (the organizations) and what the others made so far.
    await state.sync.syncNow();
    desks[d] = state;
  }
  const ids = (d: DeskName) => (desks[d].store.ctx.db.prepare('SELECT id FROM instructions ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const pick = (d: DeskName, n: number) => {
    const all = ids(d);
    return all.length === 0 ? null : (all[n % all.length] as string);
  };
  const syncOnce = async (d: DeskName, fault: Fault) => {
    desks[d].fault = fault;
    await desks[d].sync.syncNow().catch(() => undefined);
    desks[d].fault = 'ok';
  };
  const local = (fn: () => unknown) => {
    try {
      fn();
    } catch {
      // A change the desk itself refuses (a resolved instruction, a report required …) is no change.
    }
  };

  for (const c of commands) {
    const ctx = 'desk' in c ? desks[c.desk].store.ctx : null;
    switch (c.t) {
      case 'create':
        local(() => createInstruction(ctx!, { title: c.title, leadOrgId: ORGS[c.lead], dueDate: `2027-0${1 + (c.due % 9)}-1${c.due % 10}` }));
        break;
      case 'title': {
        const id = pick(c.desk, c.pick);
        if (id) local(() => updateInstruction(ctx!, id, { title: c.title }));
        break;
      }
      case 'priority': {
        const id = pick(c.desk, c.pick);
        if (id) local(() => updateInstruction(ctx!, id, { priority: c.priority }));
        break;
      }
      case 'due': {
        const id = pick(c.desk, c.pick);
        if (id) local(() => changeDueDate(ctx!, id, `2028-0${1 + (c.days % 9)}-1${c.days % 10}`, 'The ministry asked for more time.', undefined, true));
        break;
      }
      case 'progress': {
        const id = pick(c.desk, c.pick);
        if (id) local(() => changeStatus(ctx!, id, 'in_progress'));
        break;
      }
      case 'report': {
        const id = pick(c.desk, c.pick);
        if (id) local(() => addReport(ctx!, id, 'interim', c.text));
        break;
      }
      case 'submit': {
        const id = pick(c.desk, c.pick);
        if (id) local(() => changeStatus(ctx!, id, 'report_submitted', { report: c.text }));
        break;
      }
      case 'coexec': {
        const id = pick(c.desk, c.pick);
        if (id) local(() => addCoexecutor(ctx!, id, { organizationId: ORGS[c.org] }));
        break;
      }
      case 'sync':
        await syncOnce(c.desk, c.fault);
        break;
      case 'syncTwo':
        // Two desks at once: their pushes and pulls interleave on the server.
        if (c.a !== c.b) await Promise.all([syncOnce(c.a, c.fa), syncOnce(c.b, c.fb)]);
        break;
      case 'deliver':
        if (late.length > 0) {
          const [held] = late.splice(c.pick % late.length, 1);
          await (await send(held!.url, held!.init)).json().catch(() => undefined);
        }
        break;
    }
  }

  // The network comes back: the late requests arrive, every desk syncs until nothing waits.
  for (const held of late.splice(0)) await (await send(held.url, held.init)).json().catch(() => undefined);
  for (let round = 0; round < 2; round++) for (const d of DESKS) await desks[d].sync.syncNow();

  const state = await team.query<{ entity: string; entity_id: string; field: string; value: Json }>('SELECT entity, entity_id, field, value FROM field_state ORDER BY 1, 2, 3');
  const coexecOf = new Map<string, string>();
  for (const r of state) if (r.entity === 'coexecutor' && r.field === 'instructionId') coexecOf.set(r.entity_id, r.value as string);
  const visibleTo = await team.query<{ instruction_id: string }>("SELECT instruction_id FROM visibility WHERE organization_id = 'org-a'");
  const executorSees = new Set(visibleTo.map((v) => v.instruction_id));
  const serverReports = await team.query<{ id: string; instruction_id: string }>('SELECT id, instruction_id FROM reports ORDER BY id');
  for (const d of DESKS) {
    const ctx = desks[d].store.ctx;
    const waiting = teamState(ctx);
    expect(waiting.waiting, `${d}: changes still waiting`).toBe(0);
    expect(waiting.held, `${d}: pulled operations held`).toBe(0);
    const may = (entity: string, id: string) => {
      if (d !== 'exec-a') return true;
      if (entity === 'instruction') return executorSees.has(id);
      if (entity === 'coexecutor') return executorSees.has(coexecOf.get(id) ?? '');
      return true;
    };
    const mismatches: string[] = [];
    for (const r of state) {
      if (!may(r.entity, r.entity_id) || !(ENTITY_KINDS as string[]).includes(r.entity)) continue;
      const record = readEntity(ctx, r.entity as EntityKind, r.entity_id);
      if (r.entity === 'coexecutor' && r.field === 'removed') continue;
      if (!record) {
        mismatches.push(`${r.entity} ${r.entity_id} missing`);
        continue;
      }
      if (JSON.stringify(record[r.field] ?? null) !== JSON.stringify(r.value)) mismatches.push(`${r.entity} ${r.entity_id}.${r.field}: desk ${JSON.stringify(record[r.field])}, server ${JSON.stringify(r.value)}`);
    }
    expect(mismatches, `${d} differs from the server`).toEqual([]);
    // Reports never conflict: each desk has every report it may see, once.
    const deskReports = (ctx.db.prepare('SELECT id FROM reports ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    const expected = serverReports.filter((r) => d !== 'exec-a' || executorSees.has(r.instruction_id)).map((r) => r.id);
    expect(deskReports.filter((id) => expected.includes(id)), `${d}: reports`).toEqual(expected);
    // An executor's desk holds only what it may see (and what it made itself).
    if (d === 'exec-a') for (const id of ids(d)) expect(executorSees.has(id), `exec-a holds ${id}`).toBe(true);
  }
  stats.runs++;
  stats.operations = Number((await team.query<{ n: string }>('SELECT count(*) AS n FROM operations'))[0]?.n);
  stats.refused = Number((await team.query<{ n: string }>("SELECT count(*) AS n FROM audit WHERE action = 'operation.push' AND NOT accepted"))[0]?.n);
  for (const d of DESKS) {
    await desks[d].sync.stopped();
    desks[d].store.close();
  }
}

describe('desks converging through the team server', () => {
  beforeAll(async () => {
    const admin = await (async () => {
      await team.account('admin', 'administrator');
      return team.signIn('admin');
    })();
    for (const [id, name] of [
      ['org-a', 'Ministry of Energy'],
      ['org-b', 'Ministry of Transport'],
    ]) {
      const r = await admin.push([admin.set('organization', id as string, null, { name, shortName: null, country: 'KG', mergedInto: null, createdAt: '2026-01-01T00:00:00Z' })]);
      expect(r.body.results[0]?.status).toBe('applied');
    }
  });

  it('every desk equals the server after random changes over a dropping, doubling, reordering network', async () => {
    const seed = process.env.FC_SEED === undefined ? Date.now() : Number(process.env.FC_SEED);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 15, maxLength: 50 }), (commands) => scenario(commands)),
      { numRuns: RUNS, seed, verbose: true, endOnFailure: true },
    );
    // The runs did change things, and some changes were refused (a deadline moved directly).
    expect(stats.runs).toBe(RUNS);
    expect(stats.operations).toBeGreaterThan(200);
    console.log(`convergence: ${stats.runs} runs, ${stats.operations} operations accepted by the server, ${stats.refused} refused`);
  }, 300_000);
});
