// Migration 011 (team mode on the desk) on a version 1 database: every old row survives, the new
// tables are there and empty but for this desk's one sync_state row, and a desk that never signs
// in to a team server records nothing new while it works. Once signed in, every change through the
// store's functions becomes an operation in the outbox with the fields it changed.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { addReport, changeStatus, updateInstruction } from '../../../../db/instructions';
import { outboxBatch, startRecording, teamState } from '../../../../db/team-sync';
import { tempDir, trackStore } from '../../../support/temp';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');

function copyFixture(): string {
  const file = path.join(tempDir('mat-migration-011-'), 'data.sqlite');
  fs.copyFileSync(FIXTURE, file);
  return file;
}

type Row = Record<string, unknown>;
const TABLES = ['organizations', 'people', 'meetings', 'instructions', 'coexecutors', 'reports', 'extensions', 'history', 'tags', 'instruction_tags'];

describe('migration 011: team mode on the desk', () => {
  it('keeps every row of a version 1 store and adds the outbox, the sync state and the extension requests', async () => {
    const file = copyFixture();
    const old = new Database(file, { readonly: true, fileMustExist: true });
    const before = new Map(TABLES.map((t) => [t, old.prepare(`SELECT * FROM ${t}`).all() as Row[]]));
    old.close();
    const store = trackStore(await openStore(file));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    for (const [table, rows] of before) {
      expect(rows.length, table).toBeGreaterThan(0);
      const after = db.prepare(`SELECT * FROM ${table}`).all() as Row[];
      for (const row of rows) {
        // Every old column holds its old value (later migrations may add columns beside them).
        expect(after, table).toContainEqual(expect.objectContaining(row));
      }
    }
    const state = teamState(store.ctx);
    expect(state).toMatchObject({ serverUrl: null, login: null, recording: false, lastSeq: 0, waiting: 0, refused: 0, held: 0 });
    expect(state.deviceId).toMatch(/^[0-9a-f]{16}$/);
    for (const t of ['sync_outbox', 'sync_fields', 'sync_held', 'extension_requests']) expect((db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, t).toBe(0);
  });

  it('records nothing while the desk was never signed in, and every change once it is', async () => {
    const store = trackStore(await openStore(copyFixture()));
    const ctx = store.ctx;
    const { id, priority } = ctx.db.prepare("SELECT id, priority FROM instructions WHERE status = 'assigned' ORDER BY id LIMIT 1").get() as { id: string; priority: string };
    const other = priority === 'low' ? 'critical' : 'low';
    updateInstruction(ctx, id, { title: 'Offline, unconnected: as today' });
    expect(teamState(ctx).waiting).toBe(0);
    expect(outboxBatch(ctx, 100)).toEqual([]);

    startRecording(ctx, { serverUrl: 'http://127.0.0.1:9', login: 'aidana', role: 'controller', organizationId: null });
    updateInstruction(ctx, id, { title: 'Connected: the title change is an operation', priority: other });
    addReport(ctx, id, 'interim', 'Talks held on 3 March.');
    changeStatus(ctx, id, 'in_progress');
    const ops = outboxBatch(ctx, 100);
    const sets = ops.filter((o) => o.type === 'set');
    expect(sets.map((o) => o.type === 'set' && o.fields)).toEqual([
      { title: 'Connected: the title change is an operation', priority: other },
      { status: 'in_progress' },
    ]);
    expect(sets[0]).toMatchObject({ entity: 'instruction', entityId: id, instructionId: id, base: { title: 'Offline, unconnected: as today', priority } });
    const events = ops.filter((o) => o.type === 'event');
    expect(events.map((o) => o.type === 'event' && o.event)).toEqual(expect.arrayContaining(['report', 'history']));
    expect(events.find((o) => o.type === 'event' && o.event === 'report')).toMatchObject({ instructionId: id, data: { kind: 'interim', body: 'Talks held on 3 March.' } });
    // Every operation carries this desk's device and a clock later than the one before.
    const hlcs = ops.map((o) => o.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(ops.map((o) => o.device))).toEqual(new Set([teamState(ctx).deviceId]));
  });
});
