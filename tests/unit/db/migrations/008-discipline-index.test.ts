// Migration 008 (the index behind the execution-discipline figures) on a version 1 database: the
// demo fixture (tests/fixtures/db/v1-demo.sqlite) opened by today's code keeps every row of every
// table, gains the index on (archived, due_date, lead_org_id, status, resolved_at,
// original_due_date, extension_count), and the figures read the instructions through it alone.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { disciplineFigures, disciplineParams, disciplineSql } from '../../../../db/discipline';
import { tempDir, trackStore } from '../../../support/temp';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');

type Row = Record<string, unknown>;

describe('migration 008: the discipline figures index', () => {
  it('keeps every row of a version 1 store and adds the covering index the figures use', async () => {
    const file = path.join(tempDir('mat-migration-008-'), 'data.sqlite');
    fs.copyFileSync(FIXTURE, file);
    const old = new Database(file, { readonly: true, fileMustExist: true });
    const tables = (old.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'instruction_fts%'").all() as { name: string }[]).map((t) => t.name);
    const before = new Map(tables.map((t) => [t, old.prepare(`SELECT * FROM "${t}"`).all() as Row[]]));
    old.close();
    expect(before.get('instructions')?.length).toBeGreaterThan(0);

    const store = trackStore(await openStore(file, { now: () => new Date('2021-12-20T09:00:00Z') }));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    for (const [table, rows] of before) {
      const after = new Map((db.prepare(`SELECT * FROM "${table}"`).all() as Row[]).map((r) => [JSON.stringify(r.id ?? r), r]));
      for (const row of rows) {
        const now = after.get(JSON.stringify(row.id ?? row)) as Row | undefined;
        expect(now, `${table} keeps ${String(row.id)}`).toBeDefined();
        // Later migrations may add columns; every old one holds the same value.
        for (const [column, value] of Object.entries(row)) expect(now?.[column], `${table}.${column}`).toEqual(value);
      }
    }

    const columns = (db.prepare("SELECT name FROM pragma_index_info('instructions_discipline') ORDER BY seqno").all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['archived', 'due_date', 'lead_org_id', 'status', 'resolved_at', 'original_due_date', 'extension_count']);

    const request = { from: '2021-11-01', to: '2022-12-31', basis: 'deadline' as const };
    const sql = disciplineSql(store.ctx, request, store.ctx.today());
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql.groups}`).all(...sql.params, disciplineParams(request, store.ctx.today())) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/USING COVERING INDEX instructions_discipline/);
    // The migrated demo's figures count every instruction of the period once.
    const demoInstructions = (before.get('instructions') as Row[]).filter((r) => r.archived === 0 && typeof r.due_date === 'string' && r.due_date >= request.from && r.due_date <= request.to).length;
    expect(disciplineFigures(store.ctx, request).total.instructions).toBe(demoInstructions);
  });
});
