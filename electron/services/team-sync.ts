// The desk's side of team mode: signs in to a team server, pushes the outbox (in batches, retried
// with a growing pause after a failure; the server ignores an operation it has already applied),
// pulls everything after the last sequence and applies it by the shared merge rules, and, while
// running, waits on the server's long poll so that changes from others appear within seconds. The
// session token lives in a file of the data folder (team-session.json), never in the database, so
// neither the exchange nor a copied store carries it. A desk never signed in does none of this.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreContext } from '../../db/context';
import { acknowledge, applyPulled, enqueueRegister, noteSync, outboxBatch, outboxHead, startRecording, stopRecording, teamState, type PushAnswer, type TeamState } from '../../db/team-sync';
import type { PulledOperation, Role } from '../../db/sync/index';
import { ChangeSignal } from './change-signal';

export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface TeamStatus extends TeamState {
  /** Whether the last exchange with the server succeeded. */
  online: boolean;
  signedIn: boolean;
}

export class TeamSyncError extends Error {
  constructor(
    readonly code: 'unreachable' | 'badCredentials' | 'sessionEnded' | 'badAddress' | 'notSignedIn' | 'server',
    message: string,
  ) {
    super(message);
  }
}

const SESSION_FILE = 'team-session.json';
const PUSH_BATCH = 1000;

export interface TeamSyncOptions {
  fetch?: Fetch;
  /** How long a pull waits on the server for something new (seconds). */
  waitSeconds?: number;
  device?: string;
  /** Moves whenever pulled operations changed the store (shared across reopenings of the store). */
  changes?: ChangeSignal;
  /** How often the desk looks for new local changes while it waits on the server (ms). */
  outboxCheckMs?: number;
}

/** The wait on the server was cut short on purpose (a local change to send, or the desk stopping). */
class Interrupted extends Error {}

export class TeamSync {
  private online = false;
  private token: string | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private syncing: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private readonly fetch: Fetch;
  readonly changes: ChangeSignal;

  constructor(
    private readonly ctx: StoreContext,
    private readonly dataDir: string,
    private readonly options: TeamSyncOptions = {},
  ) {
    this.fetch = options.fetch ?? (globalThis.fetch as unknown as Fetch);
    this.changes = options.changes ?? new ChangeSignal();
    try {
      const saved = JSON.parse(fs.readFileSync(path.join(dataDir, SESSION_FILE), 'utf8')) as { token?: string };
      if (typeof saved.token === 'string' && teamState(ctx).recording) this.token = saved.token;
    } catch {
      this.token = null;
    }
  }

  status(): TeamStatus {
    return { ...teamState(this.ctx), online: this.online, signedIn: this.token !== null };
  }

  private url(pathname: string): string {
    const base = teamState(this.ctx).serverUrl;
    if (!base) throw new TeamSyncError('notSignedIn', 'Sign in to a team server first.');
    return `${base.replace(/\/+$/, '')}${pathname}`;
  }

  private async call<T>(method: string, pathname: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    if (!this.token) throw new TeamSyncError('notSignedIn', 'Sign in to a team server first.');
    let res: { status: number; json(): Promise<unknown> };
    const send = () =>
      this.fetch(this.url(pathname), {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
    try {
      // A kept-alive connection the server has just closed fails at once: one more try on a new
      // one (every request here may be repeated: a push is idempotent, a pull reads).
      res = await send().catch((error: unknown) => {
        if (signal?.aborted) throw error;
        return send();
      });
    } catch (error) {
      if (signal?.aborted) throw new Interrupted('interrupted');
      this.online = false;
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      throw new TeamSyncError('unreachable', `The team server does not answer: ${(error as Error).message}${cause ? ` (${cause})` : ''}`);
    }
    const payload = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    if (res.status === 401) {
      this.online = true;
      throw new TeamSyncError('sessionEnded', payload.error?.message ?? 'This session has ended: sign in again.');
    }
    if (res.status !== 200) {
      this.online = false;
      throw new TeamSyncError('server', payload.error?.message ?? `The team server answered ${res.status}.`);
    }
    this.online = true;
    return payload as T;
  }

  async signIn(input: { serverUrl: string; login: string; password: string }): Promise<TeamStatus> {
    let base: URL;
    try {
      base = new URL(input.serverUrl.trim());
      if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('protocol');
    } catch {
      throw new TeamSyncError('badAddress', 'The server address is a web address, e.g. https://team.example.gov.kg:8443.');
    }
    const serverUrl = base.toString().replace(/\/+$/, '');
    let res: { status: number; json(): Promise<unknown> };
    try {
      res = await this.fetch(`${serverUrl}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: input.login, password: input.password, device: this.options.device ?? os.hostname() }),
      });
    } catch (error) {
      this.online = false;
      throw new TeamSyncError('unreachable', `The team server does not answer: ${(error as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as { token?: string; account?: { login: string; role: Role; organizationId: string | null }; error?: { message?: string } };
    this.online = true;
    if (res.status === 401) throw new TeamSyncError('badCredentials', 'Wrong login or password.');
    if (res.status !== 200 || !body.token || !body.account) throw new TeamSyncError('server', body.error?.message ?? `The team server answered ${res.status}.`);
    this.token = body.token;
    fs.writeFileSync(path.join(this.dataDir, SESSION_FILE), JSON.stringify({ serverUrl, token: body.token }), { mode: 0o600 });
    startRecording(this.ctx, { serverUrl, login: body.account.login, role: body.account.role, organizationId: body.account.organizationId });
    // The first sign-in to this server: the register this desk already holds goes too, not only what changes from now on.
    enqueueRegister(this.ctx);
    return this.status();
  }

  async signOut(): Promise<TeamStatus> {
    this.stop();
    if (this.token) await this.call('POST', '/logout').catch(() => undefined);
    this.token = null;
    fs.rmSync(path.join(this.dataDir, SESSION_FILE), { force: true });
    stopRecording(this.ctx);
    return this.status();
  }

  /** Pushes everything waiting, then pulls everything new. One at a time. */
  syncNow(): Promise<TeamStatus> {
    if (!this.token) return Promise.reject(new TeamSyncError('notSignedIn', 'Sign in to a team server first.'));
    // A run already under way may have read the outbox before this call: the next run starts after
    // it, shared by every caller until it starts, so each call's changes are sent before it answers.
    if (!this.queued) {
      const next: Promise<void> = this.syncing
        .catch(() => undefined)
        .then(() => {
          if (this.queued === next) this.queued = null;
          return this.run();
        });
      this.queued = next;
      this.syncing = next;
    }
    return this.queued.then(() => this.status());
  }

  private async run(): Promise<void> {
    try {
      await this.pushAll();
      await this.pullAll(0);
      noteSync(this.ctx, null);
    } catch (error) {
      noteSync(this.ctx, (error as Error).message);
      throw error;
    }
  }

  async pushAll(): Promise<void> {
    for (;;) {
      const batch = outboxBatch(this.ctx, PUSH_BATCH);
      if (batch.length === 0) return;
      const answer = await this.call<{ results: PushAnswer[] }>('POST', '/push', { operations: batch });
      acknowledge(this.ctx, answer.results, batch);
      // A refused change was put back to the server's values: what the desk shows changed.
      if (answer.results.some((a) => a.status === 'refused')) this.changes.bump();
    }
  }

  async pullAll(waitSeconds: number, signal?: AbortSignal): Promise<number> {
    let applied = 0;
    let wait = waitSeconds;
    for (;;) {
      const after = teamState(this.ctx).lastSeq;
      const page = await this.call<{ operations: PulledOperation[]; lastSeq: number; more: boolean }>('GET', `/pull?after=${after}${wait > 0 ? `&wait=${wait}` : ''}`, undefined, signal);
      const now = applyPulled(this.ctx, page.operations, page.lastSeq).applied;
      // Open screens reload: what others changed shows without a reload of the page.
      if (now > 0) this.changes.bump();
      applied += now;
      wait = 0;
      if (!page.more) return applied;
    }
  }

  /**
   * Waits on the server for news; a local change made meanwhile cuts the wait short, so it is sent
   * at once (the outbox is looked at every second: one indexed read).
   */
  private async waitForNews(): Promise<number> {
    const abort = new AbortController();
    this.abort = abort;
    const head = outboxHead(this.ctx);
    const watch = setInterval(() => {
      try {
        if (outboxHead(this.ctx) !== head) abort.abort();
      } catch {
        abort.abort(); // the store is closing (a restore): the loop ends or starts over
      }
    }, this.options.outboxCheckMs ?? 1000);
    try {
      return await this.pullAll(this.options.waitSeconds ?? 25, abort.signal);
    } catch (error) {
      if (error instanceof Interrupted) return 0;
      throw error;
    } finally {
      clearInterval(watch);
    }
  }

  /** Keeps the desk in step while it runs: sync, then wait on the server for news; after a failure, retry after 1, 2, 4 … 60 s. */
  start(): void {
    if (this.running || !this.token) return;
    this.running = true;
    this.loop = (async () => {
      let pause = 1000;
      while (this.running) {
        try {
          await this.syncNow();
          if (!this.running) break;
          await this.waitForNews();
          pause = 1000;
        } catch (error) {
          if (!this.running) break;
          if (error instanceof TeamSyncError && error.code === 'sessionEnded') {
            this.running = false;
            break;
          }
          await new Promise((r) => setTimeout(r, pause));
          pause = Math.min(pause * 2, 60_000);
        }
      }
    })();
  }

  stop(): void {
    this.running = false;
    this.abort?.abort();
  }

  async stopped(): Promise<void> {
    this.stop();
    await this.loop;
  }
}
