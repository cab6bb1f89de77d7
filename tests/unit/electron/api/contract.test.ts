import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startAppCore, type AppCore } from '../../../../electron/services/app';
import { dispatch } from '../../../../electron/api/dispatch';
import { CHANNELS, contract, type ChannelName } from '../../../../electron/api/contract';
import { tempDir } from '../../../support/temp';
import { examples } from '../../../support/channel-examples';
import type { BoardView } from '../../../../db/model';
import { boardsTable, instructionsTable, meetingsTable, organizationsTable, peopleTable, type ColumnDecl, type TableDecl } from '../../../../db/schema/index';

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
    expect(boards.value.map((b) => b.builtin)).toEqual(['control', 'by_ministry', 'by_topic', 'due_week', 'meeting']);
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

  it('has a valid example for every channel, and refuses it with one unknown key added at any level', () => {
    expect(Object.keys(examples).sort()).toEqual([...CHANNELS].sort());
    for (const name of CHANNELS) {
      const schema = contract[name].input;
      const example = examples[name];
      const parsed = schema.safeParse(example);
      expect(parsed.error?.issues, name).toBeUndefined();
      const places = objectPaths(schema, example, []);
      expect(places[0], name).toEqual([]);
      for (const place of places) {
        const result = schema.safeParse(withUnknownKey(example, place));
        expect(result.success, `${name} with an unknown key at ${place.join('.') || 'the top'}`).toBe(false);
        expect(JSON.stringify(result.error?.issues), name).toContain('surely_unknown_key');
      }
    }
  });

  it('reaches every kind of nested object the inputs have', () => {
    const nested = CHANNELS.flatMap((name) =>
      objectPaths(contract[name].input, examples[name], [])
        .filter((p) => p.length > 0)
        .map((p) => `${name}:${p.join('.')}`),
    );
    expect(nested).toEqual(
      expect.arrayContaining([
        'boards.update:patch',
        'instructions.create:coexecutors.0',
        'instructions.update:patch',
        'instructions.move:to',
        'instructions.move:lane',
        'coexecutors.update:patch',
        'organizations.update:patch',
        'people.update:patch',
        'meetings.update:patch',
        'intake.readoutCommit:meeting',
        'intake.readoutCommit:instructions.0',
        'intake.readoutCommit:instructions.0.lead',
        'reports.preview:scope',
        'reports.start:scope',
      ]),
    );
  });
});

type Path = (string | number)[];

/**
 * Where the value holds an object its schema declares field by field (a record's keys are free,
 * so a record itself is not one): the top first, then nested ones, following the schema.
 */
function objectPaths(schema: z.ZodType, value: unknown, path: Path): Path[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return value === undefined || value === null ? [] : objectPaths(schema.unwrap() as z.ZodType, value, path);
  }
  if (schema instanceof z.ZodObject) {
    const fields = value as Record<string, unknown>;
    const shape = schema.shape as Record<string, z.ZodType>;
    return [path, ...Object.keys(fields).flatMap((key) => (shape[key] ? objectPaths(shape[key], fields[key], [...path, key]) : []))];
  }
  if (schema instanceof z.ZodArray) {
    return (value as unknown[]).flatMap((item, i) => objectPaths(schema.element as z.ZodType, item, [...path, i]));
  }
  if (schema instanceof z.ZodUnion) {
    const option = (schema.options as z.ZodType[]).find((o) => o.safeParse(value).success);
    return option ? objectPaths(option, value, path) : [];
  }
  if (schema instanceof z.ZodRecord) {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.flatMap(([key, item]) => objectPaths(schema.valueType as z.ZodType, item, [...path, key]));
  }
  return [];
}

/** A copy of the value with one key no schema declares added to the object at `path`. */
function withUnknownKey(value: unknown, path: Path): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  target.surely_unknown_key = 1;
  return copy;
}

describe('record fields come from the store’s table declarations', () => {
  // The channels that write a record, the table it lands in, and the inputs that are no column
  // (topics and co-executors go to their own tables; allowPastDeadline is the official's confirmation).
  const writers: [ChannelName, TableDecl, string[]][] = [
    ['instructions.create', instructionsTable, ['tagIds', 'coexecutors', 'allowPastDeadline']],
    ['organizations.create', organizationsTable, []],
    ['people.create', peopleTable, []],
    ['meetings.create', meetingsTable, []],
    ['boards.create', boardsTable, []],
  ];
  const shapeOf = (name: ChannelName) => (contract[name].input as unknown as z.ZodObject).shape as Record<string, z.ZodType>;

  it.each(writers)('%s takes only declared columns, with their declared values and nullability', (name, table, extra) => {
    const columns = table.columns as Record<string, ColumnDecl>;
    for (const [fieldName, schema] of Object.entries(shapeOf(name))) {
      if (extra.includes(fieldName)) continue;
      const decl = columns[fieldName];
      expect(decl, `${name}.${fieldName} is not a declared column of ${table.table}`).toBeDefined();
      if (!decl) continue;
      if (decl.values) {
        for (const value of decl.values) expect(schema.safeParse(value).success, `${name}.${fieldName} = ${value}`).toBe(true);
        expect(schema.safeParse('not-a-declared-value').success).toBe(false);
      }
      // A column that may not be null is never null in a request; one that may is, except where a
      // request must name it (a board's name).
      if (!decl.nullable) expect(schema.safeParse(null).success, `${name}.${fieldName} accepts null`).toBe(false);
    }
  });

  it('takes the instruction’s nullable fields as null, as the store keeps them', () => {
    const shape = shapeOf('instructions.create');
    for (const fieldName of ['meetingId', 'itemNumber', 'leadOrgId', 'leadPersonId', 'controllerId', 'dueDate']) {
      expect((instructionsTable.columns as Record<string, ColumnDecl>)[fieldName]?.nullable).toBe(true);
      expect(shape[fieldName]?.safeParse(null).success, fieldName).toBe(true);
    }
  });
});
