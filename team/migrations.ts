// The team server's PostgreSQL schema, as numbered migrations: each runs in its own transaction
// and is recorded in schema_migrations. A migration that has shipped is frozen; a change is a new
// one appended here. A database migrated by a newer server is refused.
import type pg from 'pg';

export const TEAM_MIGRATIONS: readonly { name: string; sql: string }[] = [
  {
    name: '001-register',
    sql: `
CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  login text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('administrator', 'controller', 'executor', 'viewer')),
  organization_id text,
  password_hash text NOT NULL,
  password_salt text NOT NULL,
  password_params jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz,
  CHECK (role <> 'executor' OR organization_id IS NOT NULL)
);
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id),
  device_name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX sessions_account ON sessions (account_id);
-- Every accepted operation, in the order the server accepted it: what the desks pull.
CREATE TABLE operations (
  seq bigserial PRIMARY KEY,
  op_id uuid NOT NULL UNIQUE,
  account_id uuid NOT NULL REFERENCES accounts(id),
  session_id uuid REFERENCES sessions(id),
  device text NOT NULL,
  hlc text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  instruction_id text,
  body jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX operations_instruction ON operations (instruction_id, seq);
-- The current state: each field of each record, with the clock of the operation that wrote it.
CREATE TABLE field_state (
  entity text NOT NULL,
  entity_id text NOT NULL,
  field text NOT NULL,
  value jsonb NOT NULL,
  hlc text NOT NULL,
  device text NOT NULL,
  PRIMARY KEY (entity, entity_id, field)
);
-- Which organization sees which instruction (lead or co-executor), and since which sequence.
CREATE TABLE visibility (
  organization_id text NOT NULL,
  instruction_id text NOT NULL,
  since_seq bigint NOT NULL,
  PRIMARY KEY (organization_id, instruction_id)
);
CREATE INDEX visibility_instruction ON visibility (instruction_id);
CREATE TABLE reports (
  id text PRIMARY KEY,
  instruction_id text NOT NULL,
  kind text NOT NULL,
  body text NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts(id),
  submitted_at text NOT NULL,
  seq bigint NOT NULL
);
CREATE INDEX reports_instruction ON reports (instruction_id);
CREATE TABLE extension_requests (
  id text PRIMARY KEY,
  instruction_id text NOT NULL,
  new_date text NOT NULL,
  reason text NOT NULL,
  requested_by uuid NOT NULL REFERENCES accounts(id),
  requested_seq bigint NOT NULL,
  decision_id text,
  approved boolean,
  decision_reason text,
  decided_by uuid REFERENCES accounts(id),
  decided_seq bigint
);
CREATE INDEX extension_requests_instruction ON extension_requests (instruction_id);
-- A field changed on two desks since their common state: both values, for a controller to choose.
CREATE TABLE conflicts (
  id bigserial PRIMARY KEY,
  entity text NOT NULL,
  entity_id text NOT NULL,
  instruction_id text,
  field text NOT NULL,
  base jsonb,
  current_value jsonb,
  current_hlc text NOT NULL,
  incoming_value jsonb,
  incoming_seq bigint NOT NULL,
  kept text NOT NULL CHECK (kept IN ('current', 'incoming')),
  resolved_at timestamptz
);
-- Who did what, from which device, when: sign-ins, sessions, accounts and every refused operation.
-- (Each accepted change is in operations with its account, session, device and time.)
CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  account_id uuid,
  login text,
  device text,
  action text NOT NULL,
  op_id text,
  accepted boolean NOT NULL,
  reason text,
  detail jsonb
);
CREATE INDEX audit_account ON audit (account_id, at);
`,
  },
];

export const TEAM_SCHEMA_VERSION = TEAM_MIGRATIONS.length;

export class NewerSchemaError extends Error {}

/** Brings the database to the current schema, one transaction per migration. */
export async function migrate(client: pg.ClientBase): Promise<number> {
  await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  // One server migrates at a time.
  await client.query('SELECT pg_advisory_lock(715001)');
  try {
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > TEAM_SCHEMA_VERSION) {
      throw new NewerSchemaError(`The database was migrated by a newer team server (schema ${current}; this server knows ${TEAM_SCHEMA_VERSION}). Update the server.`);
    }
    for (let v = current; v < TEAM_SCHEMA_VERSION; v++) {
      const m = TEAM_MIGRATIONS[v] as { name: string; sql: string };
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [v + 1, m.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return TEAM_SCHEMA_VERSION;
  } finally {
    await client.query('SELECT pg_advisory_unlock(715001)');
  }
}
