// Accounts and per-device sessions on the team server. A session is a random bearer token stored
// as its hash; revoking it (sign-out, or an administrator) ends that device's access at once.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { ROLES, type Account, type Role } from '../db/sync/index';
import { hashPassword, MIN_PASSWORD_LENGTH, newToken, tokenHash, verifyPassword, type PasswordParams } from './passwords';

export class TeamError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Session {
  id: string;
  account: Account;
  deviceName: string;
}

export async function audit(
  db: pg.ClientBase | pg.Pool,
  entry: { accountId?: string | null; login?: string | null; device?: string | null; action: string; opId?: string | null; accepted: boolean; reason?: string | null; detail?: unknown },
): Promise<void> {
  await db.query('INSERT INTO audit (account_id, login, device, action, op_id, accepted, reason, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    entry.accountId ?? null,
    entry.login ?? null,
    entry.device ?? null,
    entry.action,
    entry.opId ?? null,
    entry.accepted,
    entry.reason ?? null,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  ]);
}

export async function addUser(db: pg.Pool | pg.ClientBase, input: { login: string; role: string; organizationId?: string | null; password: string }): Promise<Account> {
  const login = input.login.trim();
  if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(login)) throw new TeamError(400, 'badLogin', 'A login is 2 to 64 letters, digits, dots, dashes, underscores or @.');
  if (!(ROLES as readonly string[]).includes(input.role)) throw new TeamError(400, 'badRole', `The role is one of ${ROLES.join(', ')}.`);
  const role = input.role as Role;
  const organizationId = input.organizationId?.trim() || null;
  if (role === 'executor' && !organizationId) throw new TeamError(400, 'organizationRequired', 'An executor works for one organization: give --organization <id>.');
  if ([...input.password].length < MIN_PASSWORD_LENGTH) throw new TeamError(400, 'weakPassword', `A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
  const hashed = await hashPassword(input.password);
  const id = randomUUID();
  try {
    await db.query('INSERT INTO accounts (id, login, role, organization_id, password_hash, password_salt, password_params) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      id,
      login,
      role,
      organizationId,
      hashed.hash,
      hashed.salt,
      JSON.stringify(hashed.params),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new TeamError(409, 'loginTaken', `The login ${login} is taken.`);
    throw error;
  }
  await audit(db, { accountId: id, login, action: 'account.create', accepted: true, detail: { role, organizationId } });
  return { id, login, role, organizationId };
}

interface AccountRow {
  id: string;
  login: string;
  role: Role;
  organization_id: string | null;
  password_hash: string;
  password_salt: string;
  password_params: PasswordParams;
  disabled_at: Date | null;
}

const toAccount = (r: Pick<AccountRow, 'id' | 'login' | 'role' | 'organization_id'>): Account => ({ id: r.id, login: r.login, role: r.role, organizationId: r.organization_id });

/** Signs a device in: a new session and its token (shown once; the server keeps only its hash). */
export async function signIn(db: pg.Pool, input: { login: string; password: string; device: string }): Promise<{ token: string; session: Session }> {
  const device = input.device.trim().slice(0, 200) || 'unnamed device';
  const { rows } = await db.query<AccountRow>('SELECT * FROM accounts WHERE login = $1', [input.login.trim()]);
  const row = rows[0];
  const ok = row !== undefined && row.disabled_at === null && (await verifyPassword(input.password, { hash: row.password_hash, salt: row.password_salt, params: row.password_params }));
  if (!row || !ok) {
    await audit(db, { accountId: row?.id ?? null, login: input.login.slice(0, 100), device, action: 'session.signIn', accepted: false, reason: row?.disabled_at ? 'account disabled' : 'wrong login or password' });
    throw new TeamError(401, 'badCredentials', 'Wrong login or password.');
  }
  const token = newToken();
  const id = randomUUID();
  await db.query('INSERT INTO sessions (id, account_id, device_name, token_hash) VALUES ($1, $2, $3, $4)', [id, row.id, device, tokenHash(token)]);
  await audit(db, { accountId: row.id, login: row.login, device, action: 'session.signIn', accepted: true, detail: { session: id } });
  return { token, session: { id, account: toAccount(row), deviceName: device } };
}

/** The session a bearer token opens, or a 401. */
export async function authenticate(db: pg.Pool, token: string | null): Promise<Session> {
  if (!token) throw new TeamError(401, 'signInRequired', 'Sign in first.');
  const { rows } = await db.query<AccountRow & { session_id: string; device_name: string }>(
    `SELECT a.*, s.id AS session_id, s.device_name FROM sessions s JOIN accounts a ON a.id = s.account_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND a.disabled_at IS NULL`,
    [tokenHash(token)],
  );
  const row = rows[0];
  if (!row) throw new TeamError(401, 'sessionEnded', 'This session has ended: sign in again.');
  return { id: row.session_id, account: toAccount(row), deviceName: row.device_name };
}

export async function touchSession(db: pg.Pool, session: Session): Promise<void> {
  await db.query("UPDATE sessions SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '1 minute'", [session.id]);
}

export interface SessionInfo {
  id: string;
  login: string;
  deviceName: string;
  createdAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
  current: boolean;
}

/** An account's sessions; an administrator sees everyone's. */
export async function listSessions(db: pg.Pool, session: Session): Promise<SessionInfo[]> {
  const all = session.account.role === 'administrator';
  const { rows } = await db.query<{ id: string; login: string; device_name: string; created_at: Date; last_seen_at: Date; revoked_at: Date | null }>(
    `SELECT s.id, a.login, s.device_name, s.created_at, s.last_seen_at, s.revoked_at FROM sessions s JOIN accounts a ON a.id = s.account_id
      WHERE $1 OR s.account_id = $2 ORDER BY s.created_at`,
    [all, session.account.id],
  );
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    deviceName: r.device_name,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    current: r.id === session.id,
  }));
}

/** Ends a session: one's own, or anyone's for an administrator. */
export async function revokeSession(db: pg.Pool, session: Session, id: string): Promise<void> {
  const all = session.account.role === 'administrator';
  const valid = /^[0-9a-f-]{36}$/i.test(id);
  const { rowCount } = valid
    ? await db.query('UPDATE sessions SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND ($2 OR account_id = $3)', [id, all, session.account.id])
    : { rowCount: 0 };
  await audit(db, { accountId: session.account.id, login: session.account.login, device: session.deviceName, action: 'session.revoke', accepted: rowCount === 1, reason: rowCount === 1 ? null : 'no such session of yours', detail: { session: id } });
  if (rowCount !== 1) throw new TeamError(404, 'noSuchSession', 'No such session.');
}
