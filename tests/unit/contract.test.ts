import { describe, expect, it } from 'vitest';
import { startAppCore } from '../../electron/services/app';
import { dispatch } from '../../electron/api/dispatch';
import { CHANNELS, contract } from '../../electron/api/contract';
import { tempDir } from '../support/temp';
import type { AppCore } from '../../electron/services/app';
import type { BoardView } from '../../db/model';
import { afterEach } from 'vitest';

let core: AppCore | undefined;
afterEach(() => core?.close());

async function start(): Promise<AppCore> {
  core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test' });
  return core;
}

describe('one contract', () => {
  it('has a handler for every channel and nothing else', async () => {
    const app = await start();
    expect(Object.keys(app.handlers).sort()).toEqual([...CHANNELS].sort());
    expect(CHANNELS).toContain('instructions.move');
  });

  it('refuses unknown keys, wrong types and unknown channels with a clear validation error', async () => {
    const app = await start();
    const extra = await dispatch(app.handlers, 'meetings.create', { title: 'Meeting', isAdmin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(extra)).toContain('isAdmin');
    const wrongType = await dispatch(app.handlers, 'instructions.move', { id: 'not-a-uuid' });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'validation' } });
    const unknown = await dispatch(app.handlers, 'db.exec', { sql: 'DROP TABLE instructions' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const notObject = await dispatch(app.handlers, 'meetings.create', 'DROP TABLE');
    expect(notObject).toMatchObject({ ok: false, error: { code: 'validation' } });
    // Nothing was stored by any of them.
    expect(await dispatch(app.handlers, 'meetings.list', {})).toEqual({ ok: true, value: [] });
  });

  it('returns typed domain errors without stack traces', async () => {
    const app = await start();
    const missing = await dispatch(app.handlers, 'instructions.get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', key: 'instructionNotFound' } });
    expect(JSON.stringify(missing)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('offers the demo on first run and loads it once', async () => {
    const app = await start();
    const info = await dispatch(app.handlers, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { firstRun: true } });
    const chosen = await dispatch(app.handlers, 'app.chooseStart', { choice: 'demo' });
    expect(chosen).toMatchObject({ ok: true, value: { firstRun: false } });
    const again = await dispatch(app.handlers, 'app.chooseStart', { choice: 'demo' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const meetings = (await dispatch(app.handlers, 'meetings.list', {})) as { ok: true; value: { heldOn: string; isDemo: boolean }[] };
    expect(meetings.value).toMatchObject([{ heldOn: '2021-11-05', isDemo: true }]);
    const boards = (await dispatch(app.handlers, 'boards.list', {})) as { ok: true; value: { builtin: string }[] };
    expect(boards.value.map((b) => b.builtin)).toEqual(['control', 'by_ministry', 'by_topic', 'meeting']);
  });

  it('loads the demo in the words of the language chosen on the first run, with the same facts', async () => {
    const cardsOf = async (app: AppCore) => {
      const boards = (await dispatch(app.handlers, 'boards.list', {})) as { ok: true; value: { id: string; builtin: string }[] };
      const control = boards.value.find((b) => b.builtin === 'control')!;
      const view = (await dispatch(app.handlers, 'boards.view', { boardId: control.id })) as { ok: true; value: BoardView };
      return view.value.columns.flatMap((c) => c.cards).sort((a, b) => Number(a.itemNumber) - Number(b.itemNumber));
    };
    const english = await start();
    await dispatch(english.handlers, 'app.chooseStart', { choice: 'demo' });
    const englishCards = await cardsOf(english);
    english.close();

    const russian = await start();
    await dispatch(russian.handlers, 'app.setLanguage', { language: 'ru' });
    await dispatch(russian.handlers, 'app.chooseStart', { choice: 'demo' });
    const russianCards = await cardsOf(russian);
    expect(russianCards.map((c) => c.title)).toContain('Проработать вопрос поставок электроэнергии из Казахстана');
    expect(russianCards.every((c) => /^[А-ЯЁ]/.test(c.title))).toBe(true);
    const facts = (c: (typeof englishCards)[number]) => [c.itemNumber, c.status, c.priority, c.dueDate, c.extensions, c.reports, c.coexecutors, c.tags.length];
    expect(russianCards.map(facts)).toEqual(englishCards.map(facts));
    const meetings = (await dispatch(russian.handlers, 'meetings.list', {})) as { ok: true; value: { title: string }[] };
    expect(meetings.value.map((m) => m.title)).toEqual(['Встреча глав правительств Кыргызстана и Казахстана (демо)']);
    const orgs = (await dispatch(russian.handlers, 'organizations.list', {})) as { ok: true; value: { name: string }[] };
    expect(orgs.value).toHaveLength(15);
    expect(orgs.value.every((o) => /[а-яё]/i.test(o.name) && !/[a-z]/i.test(o.name))).toBe(true);
  });

  it('input schemas are strict objects', () => {
    for (const name of CHANNELS) {
      const schema = contract[name].input;
      expect(schema.safeParse({ __proto__: {}, surely_unknown_key: 1 }).success, name).toBe(false);
    }
  });
});
