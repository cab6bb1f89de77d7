// Contract fuzzing: every channel gets malformed and hostile inputs (wrong types, extra and
// prototype keys, huge strings, deep nesting, FTS5 and SQL syntax, control and bidi characters,
// valid-shaped inputs with random and real ids) through dispatch() on a real store with the demo.
// Only typed refusals may come back — never 'internal' — and a refused call changes nothing in the
// store. FUZZ_RUNS cases per channel (80 in `npm test`, 1000 in `npm run soak`); replay a failure
// with FUZZ_SEED=<seed printed>.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../../../electron/services/app';
import { dispatch } from '../../../../electron/api/dispatch';
import { CHANNELS, type ChannelName } from '../../../../electron/api/contract';
import { examples } from '../../../support/channel-examples';
import { seedFrom } from '../../../support/rng';
import type { StoreContext } from '../../../../db/context';

const RUNS = Number(process.env.FUZZ_RUNS ?? 80);
const SEED = seedFrom('FUZZ_SEED');

/**
 * Every channel runs in-process: without the Electron shell (as in browser mode) the file dialog,
 * save and print channels (intake.openFile, intake.saveText, reports.save, reports.print) answer a
 * typed refusal instead of touching the disk or a printer, so none needs to be left out.
 */
const EXCLUDED: Partial<Record<ChannelName, string>> = {};

/** Every row of every table (FTS shadow tables included), canonically ordered, hashed by table. */
function storeDump(ctx: StoreContext): string {
  const hashes: string[] = [];
  const tables = ctx.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    const rows = (ctx.db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v)),
    );
    rows.sort();
    hashes.push(`${table}:${crypto.createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`);
  }
  return hashes.join('\n');
}

const FTS_AND_SQL = [
  '"',
  '""',
  '*',
  'NEAR(a b, 2)',
  'title:* OR body:',
  'a AND OR NOT b',
  '^start',
  '(((',
  '{title body}: x',
  "'); DROP TABLE instructions; --",
  "' OR 1=1 --",
  '%_\\',
  'status:assigned AND (',
  'overdue:yes due:<2020-01-01 org:"',
  'MATCH',
  "instruction_fts MATCH '*'",
  'x"y',
  '-',
  ':',
];
const ODD_CHARS = ['\u0000', '\u0007', '\u001b[31m', '\r\n', '\t', '\u202e', '\u2066', '\u200f', '\u200b', '\ufeff', '\ud800', '\udfff', '\u0301', '🙂', 'Ё', 'ы', '\u2028', '\\', '/', '..', '%00', '<script>'];

const hostileText = fc.oneof(
  fc.constantFrom(...FTS_AND_SQL),
  fc.array(fc.constantFrom(...ODD_CHARS, ...FTS_AND_SQL, 'a', ' '), { maxLength: 20 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(501, 1001, 200_001, 1_000_001).map((n) => 'я'.repeat(n)),
  fc.constantFrom('2026-02-30', '9999-99-99', '2026-1-1', '', ' ', '0', 'NaN', '00000000-0000-0000-0000-000000000000'),
);

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, 2 ** 53, -0, Number.NaN, Number.POSITIVE_INFINITY, [], {}, [null], ''),
  fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([depth, asArray]) => nested(depth, 'x', asArray)),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '{"toString":"x","valueOf":1}').map((json) => JSON.parse(json) as unknown),
  fc.uuid().map((u) => u as unknown),
);

/** Paths to every value inside an input (objects and arrays walked). */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

function setAt(root: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = value;
  return copy;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function replaceIds(value: unknown, next: () => string): unknown {
  if (typeof value === 'string') return UUID.test(value) ? next() : value;
  if (Array.isArray(value)) return value.map((v) => replaceIds(v, next));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, () => next()), replaceIds(v, next)]));
  }
  return value;
}

function casesFor(name: ChannelName, realIds: string[]): fc.Arbitrary<{ kind: string; payload: unknown }> {
  const example = examples[name] as unknown;
  const places = paths(example);
  const anId = fc.oneof(fc.uuid(), fc.constantFrom(...realIds));
  return fc.oneof(
    // Wrong types altogether, prototype-less and odd objects included.
    fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }).map((payload) => ({ kind: 'anything', payload })),
    // One value of a valid input replaced by a hostile one.
    fc.tuple(fc.constantFrom(...places), hostileValue).map(([at, v]) => ({ kind: 'field', payload: setAt(example, at, v) })),
    // Every text field hostile at once.
    fc.array(hostileText, { minLength: 1, maxLength: 8 }).map((texts) => {
      let payload = example;
      let i = 0;
      for (const at of places) {
        const current = at.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], example);
        if (typeof current === 'string' && !UUID.test(current)) payload = setAt(payload, at, texts[i++ % texts.length]);
      }
      return { kind: 'texts', payload };
    }),
    // An extra key, prototype keys included (as JSON.parse makes them, own properties).
    fc
      .tuple(fc.constantFrom(...places.filter((at) => {
        const node = at.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], example);
        return node !== null && typeof node === 'object' && !Array.isArray(node);
      })), fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'toString'), hostileValue)
      .map(([at, key, v]) => {
        const json = JSON.stringify(example, (_k, val: unknown) => val);
        const payload = JSON.parse(json) as unknown;
        const node = at.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], payload) as Record<string, unknown>;
        Object.defineProperty(node, key, { value: key === '__proto__' ? { polluted: 1 } : v, enumerable: true, configurable: true, writable: true });
        return { kind: 'extraKey', payload };
      }),
    // Valid-shaped, with random ids and real ids of the demo (of any kind).
    fc.array(anId, { minLength: 1, maxLength: 12 }).map((ids) => {
      let i = 0;
      return { kind: 'ids', payload: replaceIds(example, () => ids[i++ % ids.length]!) };
    }),
  );
}

let core: AppCore;
// Not tempDir(): that folder is removed after each test, and this store lives for the whole file.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-fuzz-'));
const outcomes = new Map<string, Map<string, number>>();

beforeAll(async () => {
  core = await startAppCore({ dataDir, version: '0.0.0-test' });
  const chosen = await dispatch(core.handlers, 'app.chooseStart', { choice: 'demo' });
  expect(chosen.ok).toBe(true);
});

afterAll(() => {
  core?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const codes = [...new Set([...outcomes.values()].flatMap((m) => [...m.keys()]))].sort();
  const width = Math.max(...CHANNELS.map((c) => c.length));
  const lines = [`${'channel'.padEnd(width)} ${codes.map((c) => c.padStart(Math.max(c.length, 5))).join(' ')}   total`];
  let total = 0;
  for (const [channel, byCode] of outcomes) {
    const sum = [...byCode.values()].reduce((a, b) => a + b, 0);
    total += sum;
    lines.push(`${channel.padEnd(width)} ${codes.map((c) => String(byCode.get(c) ?? 0).padStart(Math.max(c.length, 5))).join(' ')}   ${sum}`);
  }
  lines.push(`${total} cases, seed ${SEED}`);
  console.log(`[fuzz] cases by channel and outcome ("accepted", or refused by code):\n${lines.join('\n')}`);
});

describe('contract fuzzing', () => {
  const channels = CHANNELS.filter((c) => !(c in EXCLUDED) && (!process.env.FUZZ_ONLY || c === process.env.FUZZ_ONLY));

  it('covers every channel but the ones left out with a reason', () => {
    expect(CHANNELS.filter((c) => !(c in EXCLUDED)).length + Object.keys(EXCLUDED).length).toBe(CHANNELS.length);
    expect(Object.keys(EXCLUDED).every((c) => (CHANNELS as readonly string[]).includes(c))).toBe(true);
  });

  it.each(channels)('%s answers hostile inputs with typed refusals and changes nothing when it refuses', { timeout: 120_000 + RUNS * 500 }, async (name) => {
    const ctx = core.store.ctx;
    const realIds = [
      ...(ctx.db.prepare('SELECT id FROM instructions LIMIT 5').pluck().all() as string[]),
      ...(ctx.db.prepare('SELECT id FROM organizations LIMIT 3').pluck().all() as string[]),
      ...(ctx.db.prepare('SELECT id FROM people LIMIT 2').pluck().all() as string[]),
      ...(ctx.db.prepare('SELECT id FROM meetings').pluck().all() as string[]),
      ...(ctx.db.prepare('SELECT id FROM boards').pluck().all() as string[]),
      ...(ctx.db.prepare('SELECT id FROM tags LIMIT 3').pluck().all() as string[]),
      ...(ctx.db.prepare('SELECT id FROM coexecutors LIMIT 2').pluck().all() as string[]),
    ];
    const byCode = new Map<string, number>();
    outcomes.set(name, byCode);
    let before: string | null = null;
    // Each channel has its own seed derived from the run's, so one channel replays alone.
    const seed = (SEED + CHANNELS.indexOf(name) * 7919) | 0;
    try {
      await fc.assert(
        fc.asyncProperty(casesFor(name, realIds), async ({ kind, payload }) => {
          before ??= storeDump(ctx);
          const result = await dispatch(core.handlers, name, payload);
          const outcome = result.ok ? 'accepted' : result.error.code;
          byCode.set(outcome, (byCode.get(outcome) ?? 0) + 1);
          if (!result.ok) {
            expect(result.error.code, `${kind}: ${result.error.message}`).not.toBe('internal');
            expect(result.error.message).not.toMatch(/SQLITE_|at .*\.ts:\d+|sqlite_schema|no such column/i);
            expect(storeDump(ctx), `${kind}: a refused call changed the store`).toBe(before);
          } else {
            before = null;
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS, seed, endOnFailure: true },
      );
    } catch (err) {
      console.log(`[fuzz] ${name} FAILED: replay with FUZZ_SEED=${SEED}`);
      throw err;
    }
  });
});
