// Officials, not logins: through the contract, the first run gives a profile and the demo is signed
// with it; a switch signs what follows with the other profile; a rename leaves what was signed before
// as it was written.
import { afterEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../../../../electron/services/app';
import { dispatch } from '../../../../../electron/api/dispatch';
import type { ChannelName, Input, Output } from '../../../../../electron/api/contract';
import { tempDir } from '../../../../support/temp';

let core: AppCore | undefined;
afterEach(() => core?.close());

async function call<K extends ChannelName>(app: AppCore, name: K, input: Input<K>): Promise<Output<K>> {
  const result = await dispatch(app.handlers, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as Output<K>;
}

describe('profiles through the contract', () => {
  it('signs the demo, every change, decision and report with the profile in use, and keeps old signatures as written', async () => {
    const app = (core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test', preferredLanguages: ['ru'] }));
    const info = await call(app, 'app.chooseStart', {
      choice: 'demo',
      profile: { fullName: 'Айгерим Садыкова', position: 'главный специалист', organization: 'Отдел контроля', phone: '+996 312 62 00 00' },
    });
    expect(info.profile).toMatchObject({ fullName: 'Айгерим Садыкова', position: 'главный специалист' });
    expect(info.actor).toBe('Айгерим Садыкова');
    const db = app.store.ctx.db;
    const actors = () => new Set((db.prepare('SELECT actor FROM history').all() as { actor: string }[]).map((r) => r.actor));
    expect(actors()).toEqual(new Set(['Айгерим Садыкова']));

    const second = await call(app, 'profiles.create', { fullName: 'Нурлан Абдылдаев', position: 'заведующий сектором' });
    // Creating a second profile does not switch to it.
    expect(second.currentId).toBe(info.profile?.id);
    const nurlan = second.profiles.find((p) => p.fullName === 'Нурлан Абдылдаев')!;
    expect((await call(app, 'profiles.use', { id: nurlan.id })).actor).toBe('Нурлан Абдылдаев');

    const { id, version } = db.prepare("SELECT id, version FROM instructions WHERE status = 'in_progress' LIMIT 1").get() as { id: string; version: number };
    const extended = await call(app, 'instructions.changeDueDate', { id, dueDate: '2027-03-01', reason: 'Ждём заключение', expectedVersion: version });
    expect(extended.dueDate).toBe('2027-03-01');
    await call(app, 'reports.add', { instructionId: id, kind: 'interim', body: 'Работа идёт.' });
    const detail = await call(app, 'instructions.get', { id });
    expect(detail.extensions.at(-1)?.decidedBy).toBe('Нурлан Абдылдаев');
    expect(detail.reports.at(-1)?.author).toBe('Нурлан Абдылдаев');
    expect(detail.history.at(-1)?.actor).toBe('Нурлан Абдылдаев');

    // A rename signs what follows with the new name; what was signed keeps the old one.
    await call(app, 'profiles.update', { id: nurlan.id, fullName: 'Нурлан Абдылдаев (и. о.)', position: 'и. о. заведующего', organization: '', phone: '' });
    expect((await call(app, 'app.info', {})).actor).toBe('Нурлан Абдылдаев (и. о.)');
    const again = await call(app, 'instructions.get', { id });
    expect(again.extensions.at(-1)?.decidedBy).toBe('Нурлан Абдылдаев');
    expect(actors()).toEqual(new Set(['Айгерим Садыкова', 'Нурлан Абдылдаев']));

    // The profile in use cannot be removed; a bad phone is refused in words.
    expect(await dispatch(app.handlers, 'profiles.delete', { id: nurlan.id })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'profileInUse' } });
    expect(await dispatch(app.handlers, 'profiles.create', { fullName: 'X', phone: 'нет' })).toMatchObject({ ok: false, error: { code: 'validation', key: 'profilePhoneInvalid' } });
  });

  it('a refused first-run start keeps no profile', async () => {
    const app = (core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test' }));
    expect(await dispatch(app.handlers, 'app.chooseStart', { choice: 'empty', profile: { fullName: 'A', phone: 'x' } })).toMatchObject({ ok: false, error: { key: 'profilePhoneInvalid' } });
    expect((await call(app, 'profiles.list', {})).profiles).toEqual([]);
    expect((await call(app, 'app.info', {})).firstRun).toBe(true);
  });
});
