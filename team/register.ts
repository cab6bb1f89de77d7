// The register on PostgreSQL: push (check every operation against the rules, give each accepted
// one a server sequence, update the current state) and pull (the operations after a sequence that
// the account may see). A push is one transaction under one lock: sequences are committed in
// order (a pull never skips a sequence committed later), and a push cut off half way leaves
// nothing, so the desk's retry applies it whole. Each batch is read and written with a handful of
// set-based statements, whatever its size.
import type pg from 'pg';
import {
  authorize,
  eventEffects,
  executorSees,
  MAX_CLOCK_DRIFT_MS,
  mergeSet,
  operationSchema,
  parseHlc,
  type Account,
  type FieldConflict,
  type FieldState,
  type InstructionFacts,
  type Json,
  type Operation,
  type PulledOperation,
  type RefusalCode,
  type SetOperation,
} from '../db/sync/index';
import type { Status } from '../db/model';
import type { Session } from './accounts';

const PUSH_LOCK = 715002;

export type OpResult =
  | { id: string; status: 'applied'; seq: number }
  | { id: string; status: 'duplicate'; seq: number }
  | { id: string | null; status: 'refused'; code: RefusalCode; message: string; current?: Record<string, FieldState> | null };

export interface PushResult {
  results: OpResult[];
  conflicts: number;
  lastSeq: number;
}

const key = (entity: string, id: string) => `${entity}\u0000${id}`;

interface Batch {
  state: Map<string, Record<string, FieldState>>;
  dirty: Map<string, { entity: string; id: string; field: string; s: FieldState }>;
  /** instruction id → co-executor id → its organization and whether it was taken off */
  coexecutors: Map<string, Map<string, { org: string | null; removed: boolean }>>;
  reportCounts: Map<string, number>;
  requests: Map<string, { instructionId: string; newDate: string; decided: boolean }>;
}

function instructionFacts(b: Batch, id: string | null): InstructionFacts | null {
  if (id === null) return null;
  const s = b.state.get(key('instruction', id));
  if (!s || !s.title) return null;
  const coexecutors = [...(b.coexecutors.get(id)?.values() ?? [])].filter((c) => !c.removed && c.org !== null).map((c) => c.org as string);
  return {
    leadOrgId: (s.leadOrgId?.value as string | null) ?? null,
    coexecutorOrgIds: coexecutors,
    status: ((s.status?.value as Status | undefined) ?? 'assigned') as Status,
    dueDate: (s.dueDate?.value as string | null) ?? null,
    resolution: (s.resolution?.value as string | null) ?? null,
    reportCount: b.reportCounts.get(id) ?? 0,
  };
}

function visibleOrgs(f: InstructionFacts | null): Set<string> {
  const out = new Set<string>(f?.coexecutorOrgIds ?? []);
  if (f?.leadOrgId) out.add(f.leadOrgId);
  return out;
}

function applyFields(b: Batch, entity: string, id: string, fields: Record<string, Json>, hlc: string, device: string): void {
  const k = key(entity, id);
  const record = b.state.get(k) ?? {};
  b.state.set(k, record);
  for (const [field, value] of Object.entries(fields)) {
    const s = { value, hlc, device };
    record[field] = s;
    b.dirty.set(`${k}\u0000${field}`, { entity, id, field, s });
  }
  if (entity === 'coexecutor') {
    const instructionId = (record.instructionId?.value as string | undefined) ?? null;
    if (instructionId) {
      const m = b.coexecutors.get(instructionId) ?? new Map();
      b.coexecutors.set(instructionId, m);
      m.set(id, { org: (record.organizationId?.value as string | null) ?? null, removed: record.removed?.value === true });
    }
  }
}

async function loadBatch(client: pg.ClientBase, ops: Operation[]): Promise<Batch> {
  const keys = new Map<string, [string, string]>();
  const instructionIds = new Set<string>();
  const requestIds = new Set<string>();
  for (const op of ops) {
    if (op.type === 'set') keys.set(key(op.entity, op.entityId), [op.entity, op.entityId]);
    if (op.instructionId) instructionIds.add(op.instructionId);
    if (op.type === 'event' && op.event === 'extensionDecision' && typeof op.data.requestId === 'string') requestIds.add(op.data.requestId);
  }
  for (const id of instructionIds) keys.set(key('instruction', id), ['instruction', id]);
  const ids = [...instructionIds];
  // One client runs one statement at a time.
  const fields = await 
    client.query<{ entity: string; entity_id: string; field: string; value: Json; hlc: string; device: string }>(
      'SELECT f.* FROM field_state f JOIN unnest($1::text[], $2::text[]) AS k(entity, entity_id) USING (entity, entity_id)',
      [[...keys.values()].map((k) => k[0]), [...keys.values()].map((k) => k[1])],
    );
  const coexecutors = await client.query<{ entity_id: string; field: string; value: Json; hlc: string; device: string }>(
      `SELECT f.entity_id, f.field, f.value, f.hlc, f.device FROM field_state f
        WHERE f.entity = 'coexecutor' AND f.entity_id IN (SELECT entity_id FROM field_state WHERE entity = 'coexecutor' AND field = 'instructionId' AND value #>> '{}' = ANY($1::text[]))`,
      [ids],
    );
  const reports = await client.query<{ instruction_id: string; n: string }>('SELECT instruction_id, count(*) AS n FROM reports WHERE instruction_id = ANY($1::text[]) GROUP BY instruction_id', [ids]);
  const requests = await client.query<{ id: string; instruction_id: string; new_date: string; decision_id: string | null }>('SELECT id, instruction_id, new_date, decision_id FROM extension_requests WHERE id = ANY($1::text[])', [[...requestIds]]);
  const b: Batch = { state: new Map(), dirty: new Map(), coexecutors: new Map(), reportCounts: new Map(), requests: new Map() };
  for (const r of [...fields.rows, ...coexecutors.rows.map((r) => ({ ...r, entity: 'coexecutor' }))]) {
    const k = key(r.entity, r.entity_id);
    const record = b.state.get(k) ?? {};
    b.state.set(k, record);
    record[r.field] = { value: r.value, hlc: r.hlc, device: r.device };
  }
  for (const [k, record] of b.state) {
    const [entity, id] = k.split('\u0000') as [string, string];
    if (entity !== 'coexecutor') continue;
    const instructionId = record.instructionId?.value as string | undefined;
    if (!instructionId) continue;
    const m = b.coexecutors.get(instructionId) ?? new Map();
    b.coexecutors.set(instructionId, m);
    m.set(id, { org: (record.organizationId?.value as string | null) ?? null, removed: record.removed?.value === true });
  }
  for (const r of reports.rows) b.reportCounts.set(r.instruction_id, Number(r.n));
  for (const r of requests.rows) b.requests.set(r.id, { instructionId: r.instruction_id, newDate: r.new_date, decided: r.decision_id !== null });
  return b;
}

/** Applies a batch of operations from one session. */
export async function push(pool: pg.Pool, session: Session, raw: readonly unknown[], now: () => number = Date.now): Promise<PushResult> {
  const account = session.account;
  const results: OpResult[] = new Array(raw.length);
  const refusedAudit: { opId: string | null; code: string; message: string; op: unknown }[] = [];
  const valid: { index: number; op: Operation }[] = [];
  raw.forEach((r, index) => {
    const parsed = operationSchema.safeParse(r);
    if (parsed.success) valid.push({ index, op: parsed.data });
    else {
      const id = typeof (r as { id?: unknown })?.id === 'string' ? ((r as { id: string }).id.slice(0, 100)) : null;
      const message = `Not an operation: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'operation'}: ${i.message}`).slice(0, 3).join('; ')}`;
      results[index] = { id, status: 'refused', code: 'badData', message };
      refusedAudit.push({ opId: id, code: 'badData', message, op: r });
    }
  });

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    const existing = await client.query<{ op_id: string; seq: string }>('SELECT op_id, seq FROM operations WHERE op_id = ANY($1::uuid[])', [valid.map((v) => v.op.id)]);
    const done = new Map(existing.rows.map((r) => [r.op_id, Number(r.seq)]));
    const b = await loadBatch(client, valid.map((v) => v.op));
    const { rows: seqRow } = await client.query<{ last: string }>("SELECT coalesce((SELECT last_value FROM operations_seq_seq WHERE is_called), 0) AS last");
    let seq = Number(seqRow[0]?.last ?? 0);
    const accepted: { op: Operation; seq: number }[] = [];
    const conflicts: { op: Operation; seq: number; c: FieldConflict }[] = [];
    const reports: { op: Operation; seq: number }[] = [];
    const requests: { op: Operation; seq: number }[] = [];
    const decisions: { op: Operation; seq: number }[] = [];
    const visibility = new Map<string, { org: string; instructionId: string; seq: number }>();
    const hidden = new Set<string>();
    const horizon = now() + MAX_CLOCK_DRIFT_MS;

    for (const { index, op } of valid) {
      const previous = done.get(op.id);
      if (previous !== undefined) {
        results[index] = { id: op.id, status: 'duplicate', seq: previous };
        continue;
      }
      let refusal: { code: RefusalCode; message: string } | null = null;
      const clock = parseHlc(op.hlc);
      if (!clock || clock.wall > horizon) refusal = { code: 'badData', message: 'The operation’s clock is more than a day ahead of the server’s: check the desk’s date and time.' };
      const facts = instructionFacts(b, op.instructionId);
      if (!refusal) {
        const exists = op.type === 'set' && b.state.has(key(op.entity, op.entityId));
        const request = op.type === 'event' && op.event === 'extensionDecision' ? (b.requests.get(String(op.data.requestId)) ?? null) : undefined;
        refusal = authorize(account, op, { instruction: facts, exists, request });
        if (!refusal && op.type === 'set' && op.entity !== 'instruction' && op.entity !== 'coexecutor' && op.instructionId !== null) refusal = { code: 'badData', message: 'A directory record belongs to no instruction.' };
        if (!refusal && op.type === 'set' && op.entity === 'instruction' && op.instructionId !== op.entityId) refusal = { code: 'badData', message: 'An instruction’s operation names itself as its instruction.' };
        if (!refusal && op.type === 'set' && op.entity === 'coexecutor') {
          const owner = (b.state.get(key('coexecutor', op.entityId))?.instructionId?.value as string | undefined) ?? (op.fields.instructionId as string | undefined);
          if (owner !== op.instructionId) refusal = { code: 'badData', message: 'A co-executor belongs to the instruction it names.' };
        }
      }
      if (refusal) {
        // What the server holds of the fields a refused change touched, so the desk shows the
        // register as it stands (never for an instruction the account may not see).
        let current: Record<string, FieldState> | null | undefined;
        if (op.type === 'set' && refusal.code !== 'notYourInstruction' && (op.instructionId === null || executorSees(account, facts))) {
          const record = b.state.get(key(op.entity, op.entityId));
          current = record ? Object.fromEntries(Object.keys(op.fields).flatMap((f) => (record[f] ? [[f, record[f]]] : []))) : null;
        }
        results[index] = { id: op.id, status: 'refused', ...refusal, ...(current !== undefined ? { current } : {}) };
        refusedAudit.push({ opId: op.id, code: refusal.code, message: refusal.message, op });
        continue;
      }
      seq += 1;
      done.set(op.id, seq);
      accepted.push({ op, seq });
      results[index] = { id: op.id, status: 'applied', seq };
      const before = visibleOrgs(facts);
      if (op.type === 'set') {
        const current = b.state.get(key(op.entity, op.entityId)) ?? {};
        const merged = mergeSet(current, op);
        for (const c of merged.conflicts) conflicts.push({ op, seq, c });
        applyFields(b, op.entity, op.entityId, op.entity === 'coexecutor' ? { instructionId: op.instructionId as string, ...merged.apply } : merged.apply, op.hlc, op.device);
      } else {
        if (op.event === 'report') {
          reports.push({ op, seq });
          b.reportCounts.set(op.instructionId, (b.reportCounts.get(op.instructionId) ?? 0) + 1);
        } else if (op.event === 'extensionRequest') {
          requests.push({ op, seq });
          b.requests.set(op.entityId, { instructionId: op.instructionId, newDate: String(op.data.newDate), decided: false });
        } else if (op.event === 'extensionDecision') {
          decisions.push({ op, seq });
          const request = b.requests.get(String(op.data.requestId));
          if (request) request.decided = true;
        }
        const effect = eventEffects(op);
        if (effect) {
          const current = b.state.get(key(effect.entity, effect.entityId)) ?? {};
          const merged = mergeSet(current, { fields: effect.fields, hlc: op.hlc, device: op.device });
          applyFields(b, effect.entity, effect.entityId, merged.apply, op.hlc, op.device);
        }
      }
      if (op.instructionId) {
        const after = visibleOrgs(instructionFacts(b, op.instructionId));
        for (const org of after) if (!before.has(org)) visibility.set(key(org, op.instructionId), { org, instructionId: op.instructionId, seq });
        for (const org of before) if (!after.has(org)) {
          visibility.delete(key(org, op.instructionId));
          hidden.add(key(org, op.instructionId));
        }
      }
    }

    if (accepted.length > 0) {
      await client.query(
        `INSERT INTO operations (seq, op_id, account_id, session_id, device, hlc, entity, entity_id, instruction_id, body)
         SELECT u.seq, u.op_id, $3::uuid, $4::uuid, u.device, u.hlc, u.entity, u.entity_id, u.instruction_id, u.body
           FROM unnest($1::bigint[], $2::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[])
             AS u(seq, op_id, device, hlc, entity, entity_id, instruction_id, body)`,
        [
          accepted.map((a) => a.seq),
          accepted.map((a) => a.op.id),
          account.id,
          session.id,
          accepted.map((a) => a.op.device),
          accepted.map((a) => a.op.hlc),
          accepted.map((a) => (a.op.type === 'set' ? a.op.entity : a.op.event)),
          accepted.map((a) => a.op.entityId),
          accepted.map((a) => a.op.instructionId),
          accepted.map((a) => JSON.stringify(a.op)),
        ],
      );
      await client.query("SELECT setval('operations_seq_seq', $1)", [seq]);
    }
    if (b.dirty.size > 0) {
      const rows = [...b.dirty.values()];
      await client.query(
        `INSERT INTO field_state (entity, entity_id, field, value, hlc, device)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[])
         ON CONFLICT (entity, entity_id, field) DO UPDATE SET value = EXCLUDED.value, hlc = EXCLUDED.hlc, device = EXCLUDED.device`,
        [rows.map((r) => r.entity), rows.map((r) => r.id), rows.map((r) => r.field), rows.map((r) => JSON.stringify(r.s.value)), rows.map((r) => r.s.hlc), rows.map((r) => r.s.device)],
      );
    }
    if (reports.length > 0) {
      await client.query(
        `INSERT INTO reports (id, instruction_id, kind, body, account_id, submitted_at, seq)
         SELECT u.id, u.instruction_id, u.kind, u.body, $5::uuid, u.submitted_at, u.seq FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $6::text[], $7::bigint[]) AS u(id, instruction_id, kind, body, submitted_at, seq)
         ON CONFLICT (id) DO NOTHING`,
        [
          reports.map((r) => r.op.entityId),
          reports.map((r) => r.op.instructionId),
          reports.map((r) => String((r.op as { data: Record<string, Json> }).data.kind)),
          reports.map((r) => String((r.op as { data: Record<string, Json> }).data.body)),
          account.id,
          reports.map((r) => String((r.op as { data: Record<string, Json> }).data.submittedAt)),
          reports.map((r) => r.seq),
        ],
      );
    }
    for (const r of requests) {
      const data = (r.op as { data: Record<string, Json> }).data;
      await client.query('INSERT INTO extension_requests (id, instruction_id, new_date, reason, requested_by, requested_seq) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING', [
        r.op.entityId,
        r.op.instructionId,
        data.newDate,
        data.reason,
        account.id,
        r.seq,
      ]);
    }
    for (const d of decisions) {
      const data = (d.op as { data: Record<string, Json> }).data;
      await client.query('UPDATE extension_requests SET decision_id = $2, approved = $3, decision_reason = $4, decided_by = $5, decided_seq = $6 WHERE id = $1', [
        data.requestId,
        d.op.entityId,
        data.approved,
        data.reason,
        account.id,
        d.seq,
      ]);
    }
    for (const c of conflicts) {
      await client.query(
        'INSERT INTO conflicts (entity, entity_id, instruction_id, field, base, current_value, current_hlc, incoming_value, incoming_seq, kept) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [(c.op as SetOperation).entity, c.op.entityId, c.op.instructionId, c.c.field, JSON.stringify(c.c.base), JSON.stringify(c.c.current), c.c.currentHlc, JSON.stringify(c.c.incoming), c.seq, c.c.kept],
      );
    }
    for (const h of hidden) {
      const [org, instructionId] = h.split('\u0000');
      await client.query('DELETE FROM visibility WHERE organization_id = $1 AND instruction_id = $2', [org, instructionId]);
    }
    for (const v of visibility.values()) {
      await client.query('INSERT INTO visibility (organization_id, instruction_id, since_seq) VALUES ($1, $2, $3) ON CONFLICT (organization_id, instruction_id) DO NOTHING', [v.org, v.instructionId, v.seq]);
    }
    for (const r of refusedAudit) {
      await client.query('INSERT INTO audit (account_id, login, device, action, op_id, accepted, reason, detail) VALUES ($1, $2, $3, $4, $5, false, $6, $7)', [
        account.id,
        account.login,
        session.deviceName,
        'operation.push',
        r.opId,
        `${r.code}: ${r.message}`,
        JSON.stringify(r.op ?? null),
      ]);
    }
    await client.query('COMMIT');
    return { results, conflicts: conflicts.length, lastSeq: seq };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function lastSequence(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ last: string }>('SELECT coalesce(max(seq), 0) AS last FROM operations');
  return Number(rows[0]?.last ?? 0);
}

export interface PullResult {
  operations: PulledOperation[];
  /** Pull after this next time. */
  lastSeq: number;
  /** More operations wait beyond lastSeq. */
  more: boolean;
}

/**
 * The operations after `after` that the account may see: everything for every role but the
 * executor, who sees the directory and the instructions its organization leads or co-executes —
 * and, for an instruction it has come to see since `after`, that instruction's earlier operations
 * too.
 */
export async function pull(db: pg.Pool, account: Account, after: number, limit = 5000): Promise<PullResult> {
  const executor = account.role === 'executor';
  const page = await db.query<{ seq: string; login: string; body: Operation }>(
    `SELECT o.seq, a.login, o.body FROM operations o JOIN accounts a ON a.id = o.account_id
      WHERE o.seq > $1 AND (NOT $3 OR o.instruction_id IS NULL
        OR EXISTS (SELECT 1 FROM visibility v WHERE v.organization_id = $4 AND v.instruction_id = o.instruction_id))
      ORDER BY o.seq LIMIT $2`,
    [after, limit + 1, executor, account.organizationId],
  );
  const more = page.rows.length > limit;
  const rows = more ? page.rows.slice(0, limit) : page.rows;
  const last = more ? Number(rows[rows.length - 1]?.seq) : Math.max(after, await lastSequence(db));
  let backfill: typeof rows = [];
  if (executor && after > 0) {
    const r = await db.query<{ seq: string; login: string; body: Operation }>(
      `SELECT o.seq, a.login, o.body FROM operations o JOIN accounts a ON a.id = o.account_id
        WHERE o.seq <= $1 AND o.instruction_id IN (SELECT instruction_id FROM visibility WHERE organization_id = $3 AND since_seq > $1 AND since_seq <= $2)
        ORDER BY o.seq`,
      [after, last, account.organizationId],
    );
    backfill = r.rows;
  }
  const operations = [...backfill, ...rows].map((r) => ({ seq: Number(r.seq), account: r.login, op: r.body }));
  return { operations, lastSeq: last, more };
}

export interface ConflictInfo {
  id: number;
  entity: string;
  entityId: string;
  instructionId: string | null;
  field: string;
  base: Json;
  current: Json;
  incoming: Json;
  kept: 'current' | 'incoming';
}

/** The conflicts not yet settled, for a controller to choose. */
export async function listConflicts(db: pg.Pool, account: Account): Promise<ConflictInfo[]> {
  if (account.role !== 'controller' && account.role !== 'administrator') return [];
  const { rows } = await db.query<{ id: string; entity: string; entity_id: string; instruction_id: string | null; field: string; base: Json; current_value: Json; incoming_value: Json; kept: 'current' | 'incoming' }>(
    'SELECT * FROM conflicts WHERE resolved_at IS NULL ORDER BY id',
  );
  return rows.map((r) => ({ id: Number(r.id), entity: r.entity, entityId: r.entity_id, instructionId: r.instruction_id, field: r.field, base: r.base, current: r.current_value, incoming: r.incoming_value, kept: r.kept }));
}
