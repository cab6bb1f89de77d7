// The lint rules that keep each layer to its own job, run as `npm run lint` runs them (the
// project's ESLint config) on small snippets placed at a path inside or outside a layer.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'build/eslint.config.mjs') });

/** The rule ids and messages ESLint reports for `code` as if it were the file at `file`. */
async function lint(file: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

const sqlOutsideDb = expect.objectContaining({ rule: 'no-restricted-syntax', message: expect.stringMatching(/^SQL belongs in db\//) });

// Plain JavaScript, so that the same snippets lint as a .ts, .tsx or .mjs file.
const SQL_USES: [string, string][] = [
  ['a statement from the cache', "export const f = (ctx) => ctx.stmt('SELECT 1');"],
  ['a prepared statement', "export const f = (conn) => conn.prepare('SELECT 1');"],
  ['the raw connection of a context', 'export const f = (ctx) => ctx.db;'],
  ['the raw connection further down', "export const f = (store) => store.ctx.db.pragma('user_version');"],
  ['the raw connection destructured', 'export const f = ({ db }) => db;'],
  ['exec with a SQL string', "export const f = (conn) => conn.exec('DELETE FROM history');"],
  ['exec with a SQL template', 'export const f = (conn, table) => conn.exec(`DELETE FROM ${table}`);'],
  ['exec on something named db', 'export const f = (db, sql) => db.exec(sql);'],
];

describe('SQL only in db/', () => {
  for (const file of ['electron/services/example.ts', 'electron/api/example.ts', 'electron/main/example.ts', 'renderer/src/example.tsx']) {
    it.each(SQL_USES)(`refuses %s in ${file}`, async (_what, code) => {
      expect(await lint(file, code)).toContainEqual(sqlOutsideDb);
    });
  }

  it.each(SQL_USES)('refuses %s in a build script', async (_what, code) => {
    expect(await lint('build/example.mjs', code)).toContainEqual(sqlOutsideDb);
  });

  it.each(SQL_USES)('allows %s inside db/', async (_what, code) => {
    expect(await lint('db/example.ts', code)).toEqual([]);
  });

  it("allows a RegExp's exec outside db/", async () => {
    const code = ['export const a = (text: string) => /(\\d+)/.exec(text)?.[1];', 'const re = /x/g;', 'export const b = (text: string) => re.exec(text);'].join('\n');
    expect(await lint('electron/services/example.ts', code)).toEqual([]);
  });

  it('leaves tests free to read a database directly', async () => {
    const all = SQL_USES.map(([, code], i) => code.replace('export const f ', `export const f${i} `)).join('\n');
    expect(await lint('tests/unit/example.test.ts', all)).toEqual([]);
  });
});

const refusedImport = expect.objectContaining({ rule: 'no-restricted-imports' });

describe('team mode: db/sync is pure and the team server stays off the desk', () => {
  it.each([
    ['better-sqlite3', "import Database from 'better-sqlite3';\nexport const d = Database;"],
    ['node', "import fs from 'node:fs';\nexport const f = fs;"],
    ['the SQLite store', "import { openStore } from '../store';\nexport const o = openStore;"],
  ])('refuses %s in db/sync', async (_what, code) => {
    expect(await lint('db/sync/example.ts', code)).toContainEqual(refusedImport);
  });

  it('lets db/sync import zod and the store’s pure declarations', async () => {
    const code = "import { z } from 'zod';\nimport { STATUSES } from '../model';\nimport { tagsTable } from '../schema/index';\nexport const x = [z, STATUSES, tagsTable];";
    expect(await lint('db/sync/example.ts', code)).toEqual([]);
  });

  it.each([
    ['electron', "import { app } from 'electron';\nexport const a = app;"],
    ['better-sqlite3', "import Database from 'better-sqlite3';\nexport const d = Database;"],
    ['the desk store', "import { openStore } from '../db/store';\nexport const o = openStore;"],
    ['the desk services', "import { x } from '../electron/services/app';\nexport const y = x;"],
    ['the UI', "import { x } from '../renderer/src/App';\nexport const y = x;"],
  ])('refuses %s in the team server', async (_what, code) => {
    expect(await lint('team/example.ts', code)).toContainEqual(refusedImport);
  });

  it('lets the team server import pg, node and the shared rules', async () => {
    const code = "import pg from 'pg';\nimport http from 'node:http';\nimport { authorize } from '../db/sync/index';\nexport const x = [pg, http, authorize];";
    expect(await lint('team/example.ts', code)).toEqual([]);
  });
});
