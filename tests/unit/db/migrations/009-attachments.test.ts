// Migration 009 (db/migrations/009-attachments.ts) on a version 1 database: every row of every table
// stays as it was, the attachments table is there and empty with its columns and checks, and a file
// can then be attached to the demo's meeting, instruction and report.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { addAttachment, listAttachments } from '../../../../db/attachments';
import { tempDir, trackStore } from '../../../support/temp';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');
const SHA = 'ab'.repeat(32);

type Row = Record<string, unknown>;
const tables = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'instruction_fts_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
const columnsOf = (db: Database.Database, table: string): string[] => (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
function rows(db: Database.Database, table: string, columns: string[]): string[] {
  return (db.prepare(`SELECT * FROM "${table}"`).all() as Row[]).map((r) => JSON.stringify(columns.map((c) => r[c]))).sort();
}

describe('migration 009: attachments', () => {
  it('keeps every row of a version 1 store and adds an empty attachments table', async () => {
    const file = path.join(tempDir('mat-migration-009-'), 'data.sqlite');
    fs.copyFileSync(FIXTURE, file);
    const before = new Database(file, { readonly: true });
    const old = new Map(tables(before).map((t) => [t, { columns: columnsOf(before, t), rows: rows(before, t, columnsOf(before, t)) }]));
    before.close();

    const store = trackStore(await openStore(file));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    for (const [table, { columns, rows: kept }] of old) {
      const after = new Set(rows(db, table, columns));
      expect(kept.filter((r) => !after.has(r)), `rows of ${table} lost or changed`).toEqual([]);
    }
    expect(columnsOf(db, 'attachments')).toEqual(['id', 'owner_kind', 'owner_id', 'file_name', 'media_type', 'size', 'sha256', 'added_at', 'added_by', 'removed_at', 'removed_by']);
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });

    // The demo's meeting, instruction and report each take an attachment; a wrong owner kind, a
    // file over 50 MB and a malformed hash are refused by the table itself.
    const meeting = db.prepare('SELECT id FROM meetings LIMIT 1').get() as { id: string };
    const instruction = db.prepare('SELECT id FROM instructions LIMIT 1').get() as { id: string };
    const report = db.prepare('SELECT id FROM reports LIMIT 1').get() as { id: string };
    for (const [kind, id] of [['meeting', meeting.id], ['instruction', instruction.id], ['report', report.id]] as const) {
      addAttachment(store.ctx, { owner: { kind, id }, fileName: 'Протокол №12.pdf', mediaType: 'application/pdf', size: 10, sha256: SHA });
      expect(listAttachments(store.ctx, { kind, id }).map((a) => a.fileName)).toEqual(['Протокол №12.pdf']);
    }
    const insert = (kind: string, size: number, sha: string) => () =>
      db.prepare("INSERT INTO attachments (id, owner_kind, owner_id, file_name, media_type, size, sha256, added_at, added_by) VALUES (lower(hex(randomblob(16))), ?, 'x', 'f', 't', ?, ?, 'now', 'me')").run(kind, size, sha);
    expect(insert('board', 1, SHA)).toThrow(/CHECK/);
    expect(insert('meeting', 50 * 1024 * 1024 + 1, SHA)).toThrow(/CHECK/);
    expect(insert('meeting', 1, 'AB'.repeat(32))).toThrow(/CHECK/);
    // Deleting an owner removes its attachments.
    db.prepare('DELETE FROM reports WHERE id = ?').run(report.id);
    expect(listAttachments(store.ctx, { kind: 'report', id: report.id })).toEqual([]);
  });
});
