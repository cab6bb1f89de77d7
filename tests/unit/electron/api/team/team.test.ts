// The team channels through dispatch(), on the app core as both shells run it, against a real team
// server on real PostgreSQL: a desk never connected says so and records nothing; signing in makes
// the desk's changes operations the server receives; another desk's changes arrive; signing out
// stops recording and forgets the token; wrong passwords and dead servers are clear refusals.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../../../../electron/services/app';
import { dispatch } from '../../../../../electron/api/dispatch';
import type { TeamStatusView } from '../../../../../electron/api/contract';
import { tempDir } from '../../../../support/temp';
import { PASSWORD, startTeam, type TeamWorld } from '../../../../support/team';

let team: TeamWorld;
const cores: AppCore[] = [];
afterEach(() => {
  while (cores.length > 0) cores.pop()?.close();
});

beforeAll(async () => {
  team = await startTeam();
  await team.account('aidana', 'controller');
  await team.account('bolot', 'controller');
  const admin = await (async () => {
    await team.account('admin', 'administrator');
    return team.signIn('admin');
  })();
  await admin.push([admin.set('organization', 'org-energy', null, { name: 'Ministry of Energy', shortName: null, country: 'KG', mergedInto: null, createdAt: '2026-01-01T00:00:00Z' })]);
});

async function desk(): Promise<{ core: AppCore; dir: string; call: <T>(name: string, input?: unknown) => Promise<T> }> {
  const dir = tempDir('mat-team-desk-');
  const core = await startAppCore({ dataDir: dir, version: '0.0.0-test' });
  cores.push(core);
  const call = async <T,>(name: string, input: unknown = {}) => {
    const r = await dispatch(core.handlers, name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  return { core, dir, call };
}

describe('Settings → Team', () => {
  it('a desk never connected says it is offline and not signed in, and records nothing', async () => {
    const d = await desk();
    const status = await d.call<TeamStatusView>('team.status');
    expect(status).toMatchObject({ signedIn: false, online: false, serverUrl: null, waiting: 0 });
    await d.call('meetings.create', { title: 'Intergovernmental council' });
    expect((await d.call<TeamStatusView>('team.status')).waiting).toBe(0);
  });

  it('refuses a wrong password and an unreachable server with a translated reason', async () => {
    const d = await desk();
    await expect(d.call('team.signIn', { serverUrl: team.url, login: 'aidana', password: 'not the password' })).rejects.toMatchObject({ code: 'unauthorized', key: 'teamBadCredentials' });
    await expect(d.call('team.signIn', { serverUrl: 'http://127.0.0.1:9', login: 'aidana', password: PASSWORD })).rejects.toMatchObject({ key: 'teamUnreachable' });
    await expect(d.call('team.signIn', { serverUrl: 'team server', login: 'aidana', password: PASSWORD })).rejects.toMatchObject({ code: 'validation', key: 'teamBadAddress' });
    expect(await d.call<TeamStatusView>('team.status')).toMatchObject({ signedIn: false, online: false });
  });

  it('signed in, a change on one desk reaches the other; signed out, the token is gone and changes stay local', async () => {
    const a = await desk();
    const b = await desk();
    const signed = await a.call<TeamStatusView>('team.signIn', { serverUrl: team.url, login: 'aidana', password: PASSWORD });
    expect(signed).toMatchObject({ signedIn: true, online: true, login: 'aidana', role: 'controller', waiting: 0, lastSyncAt: expect.any(String) });
    // The token is in the data folder, not in the database.
    expect(fs.readFileSync(path.join(a.dir, 'team-session.json'), 'utf8')).toContain('"token"');
    await b.call('team.signIn', { serverUrl: team.url, login: 'bolot', password: PASSWORD });

    await a.call('meetings.create', { title: 'Meeting of the heads of government, 5 November 2021' });
    expect((await a.call<TeamStatusView>('team.status')).waiting).toBeGreaterThan(0);
    expect((await a.call<TeamStatusView>('team.syncNow')).waiting).toBe(0);
    await b.call('team.syncNow');
    const meetings = await b.call<{ title: string }[]>('meetings.list');
    expect(meetings.map((m) => m.title)).toContain('Meeting of the heads of government, 5 November 2021');

    const out = await a.call<TeamStatusView>('team.signOut');
    expect(out).toMatchObject({ signedIn: false, online: false });
    expect(fs.existsSync(path.join(a.dir, 'team-session.json'))).toBe(false);
    await a.call('meetings.create', { title: 'After signing out' });
    expect((await a.call<TeamStatusView>('team.status')).waiting).toBe(0);
  });
});

describe('the first sign-in of a desk that worked alone', () => {
  it('sends the register the desk already holds, and a second sign-in sends it no second time', async () => {
    const a = await desk();
    const meeting = await a.call<{ id: string }>('meetings.create', { title: 'Council of the heads of government (before team mode)' });
    const made = await a.call<{ id: string }>('instructions.create', { title: 'Work out the winter supply of electricity', meetingId: meeting.id, itemNumber: '1', priority: 'high', dueDate: '2027-12-24' });
    await a.call('reports.add', { instructionId: made.id, kind: 'interim', body: 'Talks with the grid operator held' });
    const before = (await team.query<{ n: number }>('SELECT count(*)::int AS n FROM operations WHERE instruction_id = $1', [made.id]))[0]?.n;
    expect(before).toBe(0);

    const signed = await a.call<TeamStatusView>('team.signIn', { serverUrl: team.url, login: 'aidana', password: PASSWORD });
    expect(signed).toMatchObject({ signedIn: true, waiting: 0, refused: 0 });
    // The server has the meeting, the instruction with its fields, and the report.
    const ops = await team.query<{ entity: string; body: { fields?: Record<string, unknown>; data?: Record<string, unknown> } }>(
      'SELECT entity, body FROM operations WHERE entity_id = ANY($1) OR instruction_id = $2 ORDER BY seq',
      [[meeting.id, made.id], made.id],
    );
    expect(ops.find((o) => o.entity === 'meeting')?.body.fields).toMatchObject({ title: 'Council of the heads of government (before team mode)' });
    expect(ops.find((o) => o.entity === 'instruction')?.body.fields).toMatchObject({ title: 'Work out the winter supply of electricity', meetingId: meeting.id, dueDate: '2027-12-24', priority: 'high' });
    expect(ops.find((o) => o.entity === 'report')?.body.data).toMatchObject({ kind: 'interim', body: 'Talks with the grid operator held' });
    // Another desk of the department gets it all.
    const b = await desk();
    await b.call('team.signIn', { serverUrl: team.url, login: 'bolot', password: PASSWORD });
    const sent = (await team.query<{ n: number }>('SELECT count(*)::int AS n FROM operations')).map((r) => r.n)[0];
    const got = await b.call<{ instruction: { title: string; dueDate: string }; reports: { body: string }[] }>('instructions.get', { id: made.id });
    expect(got.instruction).toMatchObject({ title: 'Work out the winter supply of electricity', dueDate: '2027-12-24' });
    expect(got.reports.map((r) => r.body)).toEqual(['Talks with the grid operator held']);

    // Signed out and in again, and after a restart of the desk: nothing is sent twice.
    await a.call('team.signOut');
    expect((await a.call<TeamStatusView>('team.signIn', { serverUrl: team.url, login: 'aidana', password: PASSWORD })).waiting).toBe(0);
    await a.core.close();
    cores.splice(cores.indexOf(a.core), 1);
    const again = await startAppCore({ dataDir: a.dir, version: '0.0.0-test' });
    cores.push(again);
    const r = await dispatch(again.handlers, 'team.signIn', { serverUrl: team.url, login: 'aidana', password: PASSWORD });
    expect(r).toMatchObject({ ok: true, value: { waiting: 0 } });
    expect((await team.query<{ n: number }>('SELECT count(*)::int AS n FROM operations'))[0]?.n).toBe(sent);
    expect((await team.query<{ n: number }>('SELECT count(*)::int AS n FROM operations WHERE entity_id = $1', [made.id]))[0]?.n).toBe(1);
  });
});
