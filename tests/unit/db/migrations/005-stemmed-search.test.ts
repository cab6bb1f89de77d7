// Migration 005 (db/migrations/005-stemmed-search.ts) on a version 1 database: every row stays as
// it was, the new word-form index holds every instruction once the first search has run, and the
// demo is found by word forms its texts do not contain literally.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { queryCards } from '../../../../db/boards';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { tempDir, trackStore } from '../../../support/temp';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');

function copyFixture(): string {
  const file = path.join(tempDir('mat-migration-005-'), 'data.sqlite');
  fs.copyFileSync(FIXTURE, file);
  return file;
}

type Row = Record<string, unknown>;
/** Each row as JSON, of the columns version 1 had (later migrations may add columns of their own). */
function rows(db: Database.Database, table: string, columns?: string[]): string[] {
  const all = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Row[];
  return all.map((r) => JSON.stringify(columns ? Object.fromEntries(columns.map((c) => [c, r[c]])) : r));
}
const columnsOf = (db: Database.Database, table: string): string[] => (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);

describe('migration 005: the word-form search index', () => {
  it('keeps every instruction and report as it was and indexes every instruction', async () => {
    const file = copyFixture();
    const before = new Database(file, { readonly: true });
    const instructionColumns = columnsOf(before, 'instructions');
    const reportColumns = columnsOf(before, 'reports');
    const instructions = rows(before, 'instructions', instructionColumns);
    const reports = rows(before, 'reports', reportColumns);
    const fts = rows(before, 'instruction_fts');
    before.close();

    const store = trackStore(await openStore(file));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(rows(db, 'instructions', instructionColumns)).toEqual(instructions);
    expect(rows(db, 'reports', reportColumns)).toEqual(reports);
    expect(rows(db, 'instruction_fts')).toEqual(fts);
    // Every instruction is queued for the new index, which the first search builds.
    expect(db.prepare('SELECT count(*) AS n FROM search_index_queue').get()).toEqual({ n: instructions.length });
    expect(queryCards(store.ctx, { filters: ['Астана'] }).cards).toHaveLength(1);

    // One row per instruction, each holding its words and their stems; nothing left queued.
    const indexed = db.prepare('SELECT s.rowid, s.title, i.title AS original FROM instruction_search s JOIN instructions i ON i.rowid = s.rowid ORDER BY s.rowid').all() as {
      rowid: number;
      title: string;
      original: string;
    }[];
    expect(indexed).toHaveLength(instructions.length);
    expect(db.prepare('SELECT count(*) AS n FROM search_index_queue').get()).toEqual({ n: 0 });
    const astana = indexed.find((r) => r.original.includes('Астане'));
    expect(astana?.title.split(' ')).toEqual(expect.arrayContaining(['астане', 'астан']));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => db.prepare("INSERT INTO instruction_search(instruction_search) VALUES ('integrity-check')").run()).not.toThrow();
  });

  it('finds the demo by word forms: "Астана" finds "в Астане", "поставка" finds "поставок", "supplies" finds "supply"', async () => {
    const store = trackStore(await openStore(copyFixture()));
    const titles = (q: string) => queryCards(store.ctx, { filters: [q] }).cards.map((c) => c.title);
    expect(titles('Астана')).toEqual(['Принять участие в заседании Совета глав правительств ШОС в Астане']);
    expect(titles('поставка электроэнергия')).toEqual(['Проработать вопрос поставок электроэнергии из Казахстана']);
    expect(titles('supplies')).toEqual(expect.arrayContaining(['Work out the supply of electricity from Kazakhstan']));
  });

  it('leaves the file writable by plain SQLite tools: the triggers call no application function', async () => {
    const file = copyFixture();
    trackStore(await openStore(file)).close();
    // A connection as the sqlite3 shell has it: none of the app's functions registered.
    const plain = new Database(file);
    plain.prepare("UPDATE instructions SET title = 'Поставки угля в Бишкек' WHERE rowid = 1").run();
    const id = (plain.prepare('SELECT id FROM instructions WHERE rowid = 1').get() as { id: string }).id;
    plain.prepare("INSERT INTO reports (id, instruction_id, kind, body, author, submitted_at) VALUES ('r-plain', ?, 'interim', 'Тапсырмалар орындалды', 'shell', '2026-11-01T00:00:00Z')").run(id);
    plain.close();

    // The app's next search re-indexes what the tool changed.
    const store = trackStore(await openStore(file));
    const titles = (q: string) => queryCards(store.ctx, { filters: [q] }).cards.map((c) => c.title);
    expect(titles('уголь Бишкеке')).toEqual(['Поставки угля в Бишкек']);
    expect(titles('тапсырма')).toEqual(['Поставки угля в Бишкек']);
    expect(titles('пункт пропуска')).toEqual(['Открыть сухопутные пункты пропуска в Казахстане для граждан Кыргызстана, вакцинированных от коронавируса']);
  });
});
