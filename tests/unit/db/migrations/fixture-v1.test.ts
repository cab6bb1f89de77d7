// Opening a database written by schema version 1 (tests/fixtures/db/v1-demo.sqlite, made by
// tests/fixtures/make-v1-fixture.ts and frozen since) with today's code keeps every row of every
// table: every column the fixture had holds the same value afterwards (opening may add rows, such
// as a new built-in board, but loses or changes none).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { tempDir, trackStore } from '../../../support/temp';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');

type Row = Record<string, unknown>;
interface Dump {
  /** Per table, its columns in order and its rows (projected on `columns`), sorted. */
  tables: Map<string, { columns: string[]; rows: string[] }>;
}

/**
 * The tables the data lives in: SQLite's own tables and the full-text index's shadow tables are
 * left out (the index is compared through its virtual table, which reads its content).
 */
function dataTables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((name) => !/^instruction_fts_/.test(name));
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_xinfo(?) WHERE hidden IN (0, 2, 3)`).all(table) as { name: string }[]).map((c) => c.name);
}

function dumpTable(db: Database.Database, table: string, columns: string[]): string[] {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const rows = db.prepare(`SELECT ${list} FROM "${table}"`).all() as Row[];
  return rows.map((r) => JSON.stringify(columns.map((c) => r[c]))).sort();
}

function dump(db: Database.Database): Dump {
  const tables = new Map<string, { columns: string[]; rows: string[] }>();
  for (const table of dataTables(db)) {
    const columns = columnsOf(db, table);
    tables.set(table, { columns, rows: dumpTable(db, table, columns) });
  }
  return { tables };
}

/** The fixture copied (with nothing beside it) into a fresh folder, so the committed file is never opened for writing. */
function copyFixture(name: string): string {
  const file = path.join(tempDir('mat-fixture-v1-'), name);
  fs.copyFileSync(FIXTURE, file);
  return file;
}

describe('a version 1 database with the demo opened by the current code', () => {
  it('is a closed, checkpointed version 1 file with rows in every table', () => {
    expect(fs.existsSync(`${FIXTURE}-wal`), 'a -wal file beside the fixture').toBe(false);
    const db = new Database(copyFixture('check.sqlite'), { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      const before = dump(db);
      expect([...before.tables.keys()]).toEqual(
        expect.arrayContaining(['organizations', 'people', 'meetings', 'instructions', 'coexecutors', 'reports', 'extensions', 'tags', 'instruction_tags', 'history', 'boards', 'settings', 'instruction_fts']),
      );
      for (const [table, { rows }] of before.tables) expect(rows.length, `rows in ${table}`).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('keeps every row of every table, every column that existed', async () => {
    const before = (() => {
      const db = new Database(copyFixture('before.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return dump(db);
      } finally {
        db.close();
      }
    })();

    const file = copyFixture('data.sqlite');
    const store = trackStore(await openStore(file));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    const afterTables = dataTables(db);
    for (const [table, { columns, rows }] of before.tables) {
      expect(afterTables, `table ${table} is still there`).toContain(table);
      const afterColumns = columnsOf(db, table);
      for (const column of columns) expect(afterColumns, `column ${table}.${column} is still there`).toContain(column);
      const after = new Set(dumpTable(db, table, columns));
      expect(
        rows.filter((r) => !after.has(r)),
        `rows of ${table} lost or changed`,
      ).toEqual([]);
    }
  });

  it('still finds the demo through the full-text index, in English and Russian', async () => {
    const store = trackStore(await openStore(copyFixture('search.sqlite')));
    const match = (q: string) => (store.ctx.db.prepare('SELECT count(*) AS n FROM instruction_fts WHERE instruction_fts MATCH ?').get(q) as { n: number }).n;
    expect(match('roadmap')).toBeGreaterThan(0);
    expect(match('"дорожную"')).toBeGreaterThan(0);
  });
});
