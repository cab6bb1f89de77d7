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
