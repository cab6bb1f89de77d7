import { describe, expect, it } from 'vitest';
import { COLUMNS, SPECS } from '../../../db/merge';
import { exportExchange, toExchange } from '../../../db/exchange';
import {
  TABLES,
  UNDECLARED_TABLES,
  columnsOf,
  domainColumns,
  exchangeColumns,
  isCarried,
  toDomain,
  toExchangeRecord,
  toRow,
  type NotCarried,
} from '../../../db/schema/index';
import { loadDemo } from '../../../electron/services/demo/seed';
import { tempStore } from '../../support/temp';
import type { StoreContext } from '../../../db/context';

interface PragmaColumn {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

function liveTables(ctx: StoreContext): string[] {
  return (ctx.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

function liveColumns(ctx: StoreContext, table: string): PragmaColumn[] {
  return ctx.db.prepare(`PRAGMA table_info("${table}")`).all() as PragmaColumn[];
}

const reasonGiven = (flag: true | NotCarried | 'field' | undefined): boolean =>
  typeof flag === 'object' && flag !== null && typeof flag.notCarried === 'string' && flag.notCarried.trim().length > 10;

describe('the column declarations (db/schema)', () => {
  it('declare every table of a freshly migrated database, or say why not', async () => {
    const { ctx } = await tempStore();
    const undeclared = Object.keys(UNDECLARED_TABLES);
    const problems = liveTables(ctx)
      .filter((t) => !(t in TABLES) && !undeclared.some((u) => t === u || t.startsWith(`${u}_`)))
      .map((t) => `table ${t} is not declared in db/schema`);
    for (const t of Object.keys(TABLES)) if (!liveTables(ctx).includes(t)) problems.push(`table ${t} is declared but not in the schema`);
    expect(problems).toEqual([]);
  });

  it('declare every column with its nullability and storage kind', async () => {
    const { ctx } = await tempStore();
    const problems: string[] = [];
    for (const [table, decl] of Object.entries(TABLES)) {
      const live = liveColumns(ctx, table);
      const declared = columnsOf(decl);
      for (const column of live) {
        const c = declared.find((d) => d.sql === column.name);
        if (!c) {
          problems.push(`${table}.${column.name} is in the schema but not declared in db/schema`);
          continue;
        }
        // A primary key column is not null whatever PRAGMA says of its NOT NULL.
        const notNull = column.notnull === 1 || (column.pk === 1 && column.type === 'INTEGER');
        if (c.nullable === notNull) problems.push(`${table}.${column.name} is ${notNull ? 'NOT NULL' : 'nullable'} but declared ${c.nullable ? 'nullable' : 'not null'}`);
        const storage = c.kind === 'int' || c.kind === 'bool' ? 'INTEGER' : 'TEXT';
        if (column.type !== storage) problems.push(`${table}.${column.name} is ${column.type} but declared ${c.kind}`);
      }
      for (const c of declared) if (!live.some((l) => l.name === c.sql)) problems.push(`${table}.${c.sql} is declared but not in the schema`);
    }
    expect(problems).toEqual([]);
  });

  it('have the exchange and the merge handle every column, or say why not', async () => {
    const { ctx } = await tempStore();
    loadDemo(ctx);
    const doc = exportExchange(ctx, 'test') as unknown as Record<string, Record<string, unknown>[]>;
    const docKey: Record<string, string> = {
      organizations: 'organizations',
      people: 'people',
      meetings: 'meetings',
      instructions: 'instructions',
      coexecutors: 'coexecutors',
      reports: 'reports',
      extensions: 'extensions',
      history: 'history',
      boards: 'boards',
    };
    const problems: string[] = [];
    for (const [table, decl] of Object.entries(TABLES)) {
      const spec = SPECS.find((s) => s.table === table);
      const mergeColumns = (COLUMNS as Record<string, { sql: string }[]>)[table];
      const records = docKey[table] ? (doc[docKey[table]] ?? []) : null;
      for (const c of columnsOf(decl)) {
        const name = `${table}.${c.sql}`;
        if (!isCarried(c.decl.exchange)) {
          if (!reasonGiven(c.decl.exchange)) problems.push(`${name} is not carried by the exchange and gives no reason`);
          continue;
        }
        if (records && records.length > 0 && !records.every((r) => c.field in r)) problems.push(`${name} is not written to the exchange file as ${c.field}`);
        if (c.decl.merge === 'field') {
          if (!spec) problems.push(`${name} is marked merged but the merge does not handle ${table}`);
          else if (!spec.fields.includes(c.field)) problems.push(`${name} is marked merged but the merge does not compare ${c.field}`);
        } else if (!reasonGiven(c.decl.merge)) problems.push(`${name} is carried by the exchange but the merge neither merges it nor says why not`);
        if (spec && !mergeColumns?.some((m) => m.sql === c.sql)) problems.push(`${name} is carried by the exchange but the merge does not write it`);
      }
    }
    // Topics and their names travel through the document's `tags` (names nested) and each instruction's `tagIds`.
    const tag = doc.tags?.[0];
    if (!tag || !('names' in tag) || !('code' in tag)) problems.push('tags are not written to the exchange file');
    expect(problems).toEqual([]);
  });

  it('convert every table row to its domain and exchange record and back unchanged', async () => {
    const { ctx } = await tempStore();
    loadDemo(ctx);
    ctx.db.prepare("UPDATE boards SET wip_limits = '{\"in_progress\":3}' WHERE builtin = 'control'").run();
    let checked = 0;
    for (const [table, decl] of Object.entries(TABLES)) {
      const rows = ctx.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      const fromRow = toDomain(decl) as (row: unknown) => Record<string, unknown>;
      const fromExchange = toExchangeRecord(decl);
      const back = toRow(decl);
      const only = (row: Record<string, unknown>, sql: string[]) => Object.fromEntries(sql.map((s) => [s, row[s]]));
      for (const row of rows) {
        expect(back(fromRow(row)), `${table} via its domain record`).toEqual(only(row, domainColumns(decl).map((c) => c.sql)));
        expect(back(fromExchange(row)), `${table} via its exchange record`).toEqual(only(row, exchangeColumns(decl).map((c) => c.sql)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // The exchange's own converters are the derived ones.
    const row = ctx.db.prepare('SELECT * FROM instructions LIMIT 1').get() as Record<string, unknown>;
    const record = toExchange.instruction(row, ['t']);
    expect(record.tagIds).toEqual(['t']);
    expect(typeof record.onControl).toBe('boolean');
    expect(Object.keys(record)).not.toContain('reportCount');
  });
});
