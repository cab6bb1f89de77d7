// Team mode in the desk's store: the outbox the triggers of migration 011 fill, turned into
// operations (db/sync); the acknowledgements of the server; and the operations pulled from it,
// applied by the same merge rules the server uses (last writer wins per field by the hybrid clock;
// reports, extension requests and decisions and history added, never merged). Operations that
// cannot apply yet (their organization or meeting has not arrived) are held and retried.
import type { StoreContext } from './context';
import {
  ENTITY_TABLES,
  entityFields,
  eventEffects,
  mergeSet,
  type EntityKind,
  type FieldState,
  type Json,
  type Operation,
  type PulledOperation,
  type Role,
} from './sync/index';
import { columnsOf, encode, decode } from './schema/index';
import { randomUUID } from 'node:crypto';
import { getSetting, setSetting } from './settings';
import { STANDARD_TOPICS } from './topics';

export interface TeamState {
  deviceId: string;
  serverUrl: string | null;
  login: string | null;
  role: Role | null;
  organizationId: string | null;
  recording: boolean;
  lastSeq: number;
  lastSyncAt: string | null;
  lastError: string | null;
  /** Local changes not yet acknowledged by the server. */
  waiting: number;
  /** Local changes the server refused (kept in the outbox with the reason). */
  refused: number;
  /** Pulled operations waiting for what they refer to. */
  held: number;
}

interface StateRow {
  device_id: string;
  server_url: string | null;
  account_login: string | null;
  account_role: Role | null;
  account_organization_id: string | null;
  recording: number;
  last_seq: number;
  last_sync_at: string | null;
  last_error: string | null;
}

export function teamState(ctx: StoreContext): TeamState {
  const s = ctx.stmt('SELECT * FROM sync_state WHERE id = 1').get() as StateRow;
  const counts = ctx
    .stmt(
      `SELECT (SELECT count(*) FROM sync_outbox WHERE acknowledged_at IS NULL AND refused IS NULL) AS waiting,
              (SELECT count(*) FROM sync_outbox WHERE refused IS NOT NULL) AS refused,
              (SELECT count(*) FROM sync_held) AS held`,
    )
    .get() as { waiting: number; refused: number; held: number };
  return {
    deviceId: s.device_id,
    serverUrl: s.server_url,
    login: s.account_login,
    role: s.account_role,
    organizationId: s.account_organization_id,
    recording: s.recording === 1,
    lastSeq: s.last_seq,
    lastSyncAt: s.last_sync_at,
    lastError: s.last_error,
    ...counts,
  };
}

/** Signed in: from now on every local change is recorded as an operation. */
export function startRecording(ctx: StoreContext, input: { serverUrl: string; login: string; role: Role; organizationId: string | null }): TeamState {
  ctx.transaction(() => {
    const before = ctx.stmt('SELECT server_url FROM sync_state WHERE id = 1').get() as { server_url: string | null };
    // Another server: its sequence numbers are not this one's.
    if (before.server_url !== null && before.server_url !== input.serverUrl) ctx.stmt('UPDATE sync_state SET last_seq = 0 WHERE id = 1').run();
    ctx
      .stmt('UPDATE sync_state SET server_url = ?, account_login = ?, account_role = ?, account_organization_id = ?, recording = 1, last_error = NULL WHERE id = 1')
      .run(input.serverUrl, input.login, input.role, input.organizationId);
  });
  return teamState(ctx);
}

/** Signed out: changes are no longer recorded; what waits in the outbox stays for the next sign-in. */
export function stopRecording(ctx: StoreContext): TeamState {
  ctx.stmt('UPDATE sync_state SET recording = 0, account_login = NULL, account_role = NULL, account_organization_id = NULL WHERE id = 1').run();
  return teamState(ctx);
}

export function noteSync(ctx: StoreContext, error: string | null): void {
  if (error === null) ctx.stmt('UPDATE sync_state SET last_sync_at = ?, last_error = NULL WHERE id = 1').run(new Date().toISOString());
  else ctx.stmt('UPDATE sync_state SET last_error = ? WHERE id = 1').run(error);
}

interface OutboxRow {
  seq: number;
  op_id: string;
  hlc: string;
  kind: 'set' | 'event';
  entity: string;
  entity_id: string;
  instruction_id: string | null;
  new_values: string;
  old_values: string | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function toOperation(row: OutboxRow, device: string): Operation | null {
  const values = JSON.parse(row.new_values) as Record<string, Json>;
  if (row.kind === 'event') {
    return { id: row.op_id, device, hlc: row.hlc, type: 'event', event: row.entity as 'report', entityId: row.entity_id, instructionId: row.instruction_id as string, data: values };
  }
  const old = row.old_values === null ? null : (JSON.parse(row.old_values) as Record<string, Json>);
  const fields: Record<string, Json> = {};
  const base: Record<string, Json> = {};
  for (const [field, value] of Object.entries(values)) {
    if (old && same(old[field], value)) continue;
    fields[field] = value;
    if (old) base[field] = old[field] ?? null;
  }
  if (Object.keys(fields).length === 0) return null;
  return { id: row.op_id, device, hlc: row.hlc, type: 'set', entity: row.entity as EntityKind, entityId: row.entity_id, instructionId: row.instruction_id, fields, ...(old ? { base } : {}) };
}

/** The next operations to send, oldest first (changes that changed no carried field are acknowledged on the spot). */
export function outboxBatch(ctx: StoreContext, limit: number): Operation[] {
  const device = (ctx.stmt('SELECT device_id FROM sync_state WHERE id = 1').get() as { device_id: string }).device_id;
  const rows = ctx.stmt('SELECT * FROM sync_outbox WHERE acknowledged_at IS NULL AND refused IS NULL ORDER BY seq LIMIT ?').all(limit) as OutboxRow[];
  const out: Operation[] = [];
  const empty: string[] = [];
  for (const row of rows) {
    const op = toOperation(row, device);
    if (op) out.push(op);
    else empty.push(row.op_id);
  }
  if (empty.length > 0) {
    const at = new Date().toISOString();
    ctx.transaction(() => {
      for (const id of empty) ctx.stmt('UPDATE sync_outbox SET acknowledged_at = ? WHERE op_id = ?').run(at, id);
    });
  }
  return out;
}

export type PushAnswer =
  | { id: string | null; status: 'applied' | 'duplicate'; seq: number }
  | { id: string | null; status: 'refused'; code: string; message: string; current?: Record<string, FieldState> | null };

/**
 * What the server said of each operation sent: applied (or already applied) ones are
 * acknowledged; a refused one keeps its reason, and the fields it changed go back to the
 * server's values, so the desk shows the register as it stands.
 */
export function acknowledge(ctx: StoreContext, answers: readonly PushAnswer[], sent: readonly Operation[]): void {
  const byId = new Map(sent.map((op) => [op.id, op]));
  const at = new Date().toISOString();
  withApplying(ctx, () => {
    for (const a of answers) {
      if (a.id === null) continue;
      if (a.status === 'refused') {
        ctx.stmt('UPDATE sync_outbox SET refused = ?, sent_at = ? WHERE op_id = ?').run(`${a.code}: ${a.message}`, at, a.id);
        const op = byId.get(a.id);
        if (op && op.type === 'set' && a.current) restoreFields(ctx, op.entity, op.entityId, a.current);
      } else ctx.stmt('UPDATE sync_outbox SET acknowledged_at = ?, sent_at = ?, server_seq = ? WHERE op_id = ?').run(at, at, a.seq, a.id);
    }
  });
}

function withApplying<T>(ctx: StoreContext, fn: () => T): T {
  return ctx.transaction(() => {
    ctx.stmt('UPDATE sync_state SET applying = 1 WHERE id = 1').run();
    try {
      return fn();
    } finally {
      ctx.stmt('UPDATE sync_state SET applying = 0 WHERE id = 1').run();
    }
  });
}

// ---- applying pulled operations ----

const TABLE_OF: Record<EntityKind, string> = Object.fromEntries(Object.entries(ENTITY_TABLES).map(([k, t]) => [k, t.table])) as Record<EntityKind, string>;

function sqlOf(entity: EntityKind): Map<string, { sql: string; kind: 'text' | 'int' | 'bool' | 'json' }> {
  const cols = new Map(columnsOf(ENTITY_TABLES[entity]).map((c) => [c.field, { sql: c.sql, kind: c.kind }]));
  return cols;
}
const SQL = Object.fromEntries(Object.keys(ENTITY_TABLES).map((k) => [k, sqlOf(k as EntityKind)])) as Record<EntityKind, ReturnType<typeof sqlOf>>;

/** The clocks of this desk's own changes not yet back from the server: they stand against older remote ones. */
function pendingClocks(ctx: StoreContext): Map<string, FieldState> {
  const device = (ctx.stmt('SELECT device_id FROM sync_state WHERE id = 1').get() as { device_id: string }).device_id;
  const rows = ctx
    .stmt("SELECT * FROM sync_outbox WHERE kind = 'set' AND refused IS NULL AND (acknowledged_at IS NULL OR server_seq > (SELECT last_seq FROM sync_state WHERE id = 1)) ORDER BY seq")
    .all() as OutboxRow[];
  const out = new Map<string, FieldState>();
  for (const row of rows) {
    const op = toOperation(row, device);
    if (!op || op.type !== 'set') continue;
    for (const [field, value] of Object.entries(op.fields)) out.set(`${op.entity}\u0000${op.entityId}\u0000${field}`, { value, hlc: op.hlc, device });
  }
  return out;
}

function fieldClocks(ctx: StoreContext, entity: string, id: string, pending: Map<string, FieldState>): Record<string, FieldState> {
  const out: Record<string, FieldState> = {};
  for (const r of ctx.stmt('SELECT field, hlc FROM sync_fields WHERE entity = ? AND entity_id = ?').all(entity, id) as { field: string; hlc: string }[]) {
    out[r.field] = { value: null, hlc: r.hlc, device: '' };
  }
  const prefix = `${entity}\u0000${id}\u0000`;
  for (const [k, s] of pending) if (k.startsWith(prefix)) {
    const field = k.slice(prefix.length);
    if (!out[field] || out[field].hlc < s.hlc) out[field] = s;
  }
  return out;
}

function writeFields(ctx: StoreContext, entity: EntityKind, id: string, fields: Record<string, Json>, hlc: string | Record<string, string>): void {
  const table = TABLE_OF[entity];
  const cols = SQL[entity];
  const exists = ctx.stmt(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  const now = new Date().toISOString();
  const plain: [string, unknown][] = [];
  for (const [field, value] of Object.entries(fields)) {
    const c = cols.get(field);
    if (c) plain.push([c.sql, encode(c.kind, value)]);
  }
  if (entity === 'coexecutor' && fields.removed === true) {
    ctx.stmt('DELETE FROM coexecutors WHERE id = ?').run(id);
  } else if (exists) {
    const sets = plain.map(([sql]) => `${sql} = ?`);
    if (cols.has('updatedAt')) sets.push('updated_at = ?');
    if (entity === 'instruction') sets.push('version = version + 1');
    if (sets.length > 0) ctx.stmt(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`).run(...plain.map(([, v]) => v), ...(cols.has('updatedAt') ? [now] : []), id);
  } else if (plain.length > 0 || 'tagIds' in fields) {
    const row = new Map(plain);
    if (cols.has('createdAt') && !row.has('created_at')) row.set('created_at', now);
    if (cols.has('updatedAt')) row.set('updated_at', now);
    if (entity === 'instruction' && !row.has('rank')) row.set('rank', ((ctx.stmt('SELECT max(rank) AS r FROM instructions').get() as { r: number | null }).r ?? 0) + 1024);
    const names = [...row.keys()];
    ctx.stmt(`INSERT INTO ${table} (id, ${names.join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`).run(id, ...row.values());
  }
  if (entity === 'instruction' && Array.isArray(fields.tagIds)) {
    ctx.stmt('DELETE FROM instruction_tags WHERE instruction_id = ?').run(id);
    for (const tag of fields.tagIds) ctx.stmt('INSERT OR IGNORE INTO instruction_tags (instruction_id, tag_id) VALUES (?, ?)').run(id, String(tag));
  }
  for (const field of Object.keys(fields)) {
    const clock = typeof hlc === 'string' ? hlc : hlc[field];
    if (clock) ctx.stmt('INSERT INTO sync_fields (entity, entity_id, field, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc').run(entity, id, field, clock);
  }
}

function restoreFields(ctx: StoreContext, entity: EntityKind, id: string, current: Record<string, FieldState>): void {
  const fields: Record<string, Json> = {};
  const clocks: Record<string, string> = {};
  for (const [field, s] of Object.entries(current)) {
    fields[field] = s.value;
    clocks[field] = s.hlc;
  }
  if (Object.keys(fields).length > 0) writeFields(ctx, entity, id, fields, clocks);
}

function applyOne(ctx: StoreContext, pulled: PulledOperation, pending: Map<string, FieldState>): void {
  const op = pulled.op;
  if (op.type === 'set') {
    const clocks = fieldClocks(ctx, op.entity, op.entityId, pending);
    const merged = mergeSet(clocks, op);
    const known = entityFields(op.entity);
    const fields = Object.fromEntries(Object.entries(merged.apply).filter(([f]) => f in known));
    if (Object.keys(fields).length > 0) writeFields(ctx, op.entity, op.entityId, fields, op.hlc);
    // This desk's own change back from the server: its value is here already; keep its clock.
    for (const field of Object.keys(op.fields)) {
      if (!(field in fields) && clocks[field]?.hlc === op.hlc) {
        ctx.stmt('INSERT INTO sync_fields (entity, entity_id, field, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc').run(op.entity, op.entityId, field, op.hlc);
      }
    }
    return;
  }
  const d = op.data;
  switch (op.event) {
    case 'report':
      ctx
        .stmt('INSERT OR IGNORE INTO reports (id, instruction_id, kind, body, author, submitted_at, superseded_at) VALUES (?, ?, ?, ?, ?, ?, NULL)')
        .run(op.entityId, op.instructionId, d.kind, d.body, pulled.account, d.submittedAt);
      break;
    case 'history':
      ctx
        .stmt('INSERT OR IGNORE INTO history (uid, instruction_id, entity, entity_id, field, old_value, new_value, note, actor, at, action_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)')
        .run(op.entityId, op.instructionId, d.entity, d.entityId, d.field, d.oldValue, d.newValue, d.note, pulled.account, d.at);
      break;
    case 'extensionRequest':
      ctx
        .stmt('INSERT OR IGNORE INTO extension_requests (id, instruction_id, new_date, reason, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(op.entityId, op.instructionId, d.newDate, d.reason, pulled.account, d.requestedAt);
      break;
    case 'extensionDecision': {
      ctx
        .stmt('UPDATE extension_requests SET approved = ?, decision_reason = ?, decided_by = ?, decided_at = ? WHERE id = ? AND decided_at IS NULL')
        .run(d.approved ? 1 : 0, d.reason, pulled.account, d.decidedAt, d.requestId);
      if (d.approved === true) {
        const before = ctx.stmt('SELECT due_date FROM instructions WHERE id = ?').get(op.instructionId) as { due_date: string | null } | undefined;
        if (!before) throw new Error(`instruction ${op.instructionId} not here yet`);
        ctx
          .stmt('INSERT OR IGNORE INTO extensions (id, instruction_id, old_date, new_date, reason, decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(op.entityId, op.instructionId, before.due_date, d.newDate, d.reason, pulled.account, d.decidedAt);
      }
      break;
    }
  }
  const effect = eventEffects(op);
  if (effect) {
    const merged = mergeSet(fieldClocks(ctx, effect.entity, effect.entityId, pending), { fields: effect.fields, hlc: op.hlc, device: op.device });
    if (Object.keys(merged.apply).length > 0) writeFields(ctx, effect.entity, effect.entityId, merged.apply, op.hlc);
  }
}

/**
 * Applies a pulled page and remembers `lastSeq`. Each operation applies in its own savepoint; one
 * that cannot apply yet is held with the reason and retried after the others.
 */
export function applyPulled(ctx: StoreContext, operations: readonly PulledOperation[], lastSeq: number): { applied: number; held: number } {
  return withApplying(ctx, () => {
    const pending = pendingClocks(ctx);
    let applied = 0;
    const tryApply = (p: PulledOperation): string | null => {
      try {
        ctx.transaction(() => applyOne(ctx, p, pending));
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    for (const p of operations) {
      const error = tryApply(p);
      if (error === null) {
        applied++;
        ctx.stmt('DELETE FROM sync_held WHERE op_id = ?').run(p.op.id);
      } else {
        ctx.stmt('INSERT OR REPLACE INTO sync_held (op_id, server_seq, account, operation, error) VALUES (?, ?, ?, ?, ?)').run(p.op.id, p.seq, p.account, JSON.stringify(p.op), error);
      }
    }
    // Held operations, oldest first, until a round applies none.
    for (;;) {
      const held = ctx.stmt('SELECT * FROM sync_held ORDER BY server_seq').all() as { op_id: string; server_seq: number; account: string; operation: string }[];
      let progress = false;
      for (const h of held) {
        const error = tryApply({ seq: h.server_seq, account: h.account, op: JSON.parse(h.operation) as Operation });
        if (error === null) {
          ctx.stmt('DELETE FROM sync_held WHERE op_id = ?').run(h.op_id);
          applied++;
          progress = true;
        } else ctx.stmt('UPDATE sync_held SET error = ? WHERE op_id = ?').run(error, h.op_id);
      }
      if (!progress) break;
    }
    ctx.stmt('UPDATE sync_state SET last_seq = max(last_seq, ?) WHERE id = 1').run(lastSeq);
    const held = (ctx.stmt('SELECT count(*) AS n FROM sync_held').get() as { n: number }).n;
    return { applied, held };
  });
}

/** A record's carried fields as this desk holds them (for comparing a desk with the server). */
export function readEntity(ctx: StoreContext, entity: EntityKind, id: string): Record<string, Json> | null {
  const row = ctx.stmt(`SELECT * FROM ${TABLE_OF[entity]} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const out: Record<string, Json> = {};
  for (const [field, c] of SQL[entity]) out[field] = decode(c.kind, row[c.sql]) as Json;
  if (entity === 'instruction') {
    out.tagIds = (ctx.stmt('SELECT tag_id FROM instruction_tags WHERE instruction_id = ? ORDER BY tag_id').all(id) as { tag_id: string }[]).map((r) => r.tag_id);
  }
  return out;
}

/** The newest row of the outbox (0 when empty): it moves whenever a local change is recorded. */
export function outboxHead(ctx: StoreContext): number {
  return (ctx.stmt('SELECT coalesce(max(seq), 0) AS n FROM sync_outbox').get() as { n: number }).n;
}

/** The servers this desk has sent its register to (a setting: this desk's own, never exchanged). */
const REGISTER_SENT = 'team.registerSentTo';

/**
 * What of a register a role sends on its first sign-in: what it may create on the server
 * (db/sync/rules.ts). An administrator keeps the organizations, people and topics; a controller the
 * people, topics, meetings, instructions, their co-executors, reports and history. An executor or a
 * viewer sends nothing of its own: its desk holds what the server gave it.
 */
const REGISTER_OF: Record<Role, readonly (EntityKind | 'report' | 'history')[]> = {
  administrator: ['organization', 'person', 'topic'],
  controller: ['person', 'topic', 'meeting', 'instruction', 'coexecutor', 'report', 'history'],
  executor: [],
  viewer: [],
};

/**
 * On the first sign-in to a server, the register this desk already holds goes into the outbox as
 * operations (each record a `set` with all its fields, each report and history row an event), in
 * the order they depend on each other, each with a fresh clock: so a desk that worked alone
 * before joins the team with its work, not only with what changes from now on. Once per server:
 * a second sign-in (after signing out, or on the next start) enqueues nothing again.
 * Returns how many operations were enqueued.
 */
export function enqueueRegister(ctx: StoreContext): number {
  return ctx.transaction(() => {
    const s = ctx.stmt('SELECT server_url, account_role, device_id FROM sync_state WHERE id = 1').get() as { server_url: string | null; account_role: Role | null; device_id: string };
    if (!s.server_url || !s.account_role) return 0;
    const sent = getSetting<string[]>(ctx, REGISTER_SENT, []);
    if (Array.isArray(sent) && sent.includes(s.server_url)) return 0;
    const stamp = ctx.stmt(
      "UPDATE sync_state SET hlc_counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > hlc_wall THEN 0 ELSE hlc_counter + 1 END, hlc_wall = max(hlc_wall, CAST(unixepoch('subsec') * 1000 AS INTEGER)) WHERE id = 1",
    );
    const insert = ctx.stmt(
      "INSERT INTO sync_outbox (op_id, hlc, kind, entity, entity_id, instruction_id, new_values, old_values) SELECT ?, printf('%015d-%06d-%s', hlc_wall, hlc_counter, device_id), ?, ?, ?, ?, ?, NULL FROM sync_state WHERE id = 1",
    );
    let count = 0;
    const add = (kind: 'set' | 'event', entity: string, id: string, instructionId: string | null, values: Record<string, Json>) => {
      stamp.run();
      insert.run(randomUUID(), kind, entity, id, instructionId, JSON.stringify(values));
      count++;
    };
    for (const part of REGISTER_OF[s.account_role]) {
      if (part === 'report') {
        const rows = ctx.stmt('SELECT id, instruction_id, kind, body, submitted_at FROM reports ORDER BY submitted_at, id').all() as { id: string; instruction_id: string; kind: string; body: string; submitted_at: string }[];
        for (const r of rows) add('event', 'report', r.id, r.instruction_id, { kind: r.kind, body: r.body, submittedAt: r.submitted_at });
        continue;
      }
      if (part === 'history') {
        const rows = ctx
          .stmt("SELECT uid, instruction_id, entity, entity_id, field, old_value, new_value, note, at FROM history WHERE instruction_id IS NOT NULL AND field <> 'rank' ORDER BY at, uid")
          .all() as { uid: string; instruction_id: string; entity: string; entity_id: string; field: string; old_value: string | null; new_value: string | null; note: string | null; at: string }[];
        for (const h of rows) add('event', 'history', h.uid, h.instruction_id, { entity: h.entity, entityId: h.entity_id, field: h.field, oldValue: h.old_value, newValue: h.new_value, note: h.note, at: h.at });
        continue;
      }
      const known = entityFields(part);
      const ids = ctx.stmt(`SELECT id FROM ${TABLE_OF[part]} ORDER BY rowid`).all() as { id: string }[];
      for (const { id } of ids) {
        const record = readEntity(ctx, part, id);
        if (!record) continue;
        // Every desk starts with the standard topics under its own ids: sending them would make copies.
        if (part === 'topic' && STANDARD_TOPICS.some((t) => t.code === record.code)) continue;
        const fields = Object.fromEntries(Object.entries(record).filter(([f]) => f in known));
        const instructionId = part === 'instruction' ? id : part === 'coexecutor' ? ((record.instructionId as string | null) ?? null) : null;
        add('set', part, id, instructionId, fields);
      }
    }
    setSetting(ctx, REGISTER_SENT, [...(Array.isArray(sent) ? sent : []), s.server_url]);
    return count;
  });
}
