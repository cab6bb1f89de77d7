// "Nothing lost": the browser-mode app is killed (SIGKILL, no chance to close) at a random moment
// while a client streams writes to it, then started again on the same data folder. Every write the
// client saw acknowledged (ok:true) must still be there, and the file must pass integrity_check.
// `npm test` runs CRASH_ROUNDS (default 20) rounds; `npm run soak` runs 200 (SOAK_ROUNDS).
// Replay a failure with CRASH_SEED=<seed printed>.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startBrowserModeApp, type RunningApp } from '../../support/server';
import { seedFrom, seededRng, type Rng } from '../../support/rng';
import { builtInCalendar, isWorkingDay } from '../../../db/calendars';

const ROUNDS = Number(process.env.SOAK_ROUNDS ?? process.env.CRASH_ROUNDS ?? 20);
const SEED = seedFrom('CRASH_SEED');
const DATA_FILE = 'ministry-tracker.sqlite';

interface Envelope {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; key?: string };
}

async function call(app: RunningApp, channel: string, payload: unknown): Promise<Envelope> {
  const res = await fetch(new URL(`/api/${channel}`, app.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ministry-token': app.token },
    body: JSON.stringify(payload),
  });
  return (await res.json()) as Envelope;
}

async function must<T>(app: RunningApp, channel: string, payload: unknown): Promise<T> {
  const result = await call(app, channel, payload);
  if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

interface Detail {
  instruction: { id: string; title: string; status: string; dueDate: string | null };
  reports: { body: string }[];
  extensions: { newDate: string; reason: string }[];
}

/** What the client knows was stored: acknowledged writes, and the last acknowledged state per instruction. */
interface Ledger {
  created: Map<string, string>; // id → title
  reports: { instructionId: string; body: string }[];
  extensions: { instructionId: string; dueDate: string; reason: string }[];
  status: Map<string, string>;
  dueDate: Map<string, string>;
}

type Write =
  | { kind: 'create'; title: string }
  | { kind: 'move'; id: string; status: string }
  | { kind: 'report'; id: string; body: string }
  | { kind: 'dueDate'; id: string; dueDate: string; reason: string };

const STATUSES = ['assigned', 'in_progress', 'report_submitted'] as const;

/** The days of 2027 that are working days in both countries' calendars: the deadline rule keeps
 * them as written, so what the ledger sent is what the store must hold. */
const WORKING_2027: readonly string[] = (() => {
  const kg = builtInCalendar('KG');
  const kz = builtInCalendar('KZ');
  const works = (cal: typeof kg, date: string) => {
    const r = isWorkingDay(cal, date);
    return r.ok && r.value;
  };
  const days: string[] = [];
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= 28; d++) {
      const date = `2027-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (works(kg, date) && works(kz, date)) days.push(date);
    }
  }
  return days;
})();

function dateOf(rng: Rng): string {
  return rng.pick(WORKING_2027);
}

function integrityOf(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } finally {
    db.close();
  }
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a killed app loses no acknowledged write', () => {
  it(`keeps every acknowledged write through ${ROUNDS} SIGKILLs at random moments`, { timeout: 60_000 + ROUNDS * 4_000 }, async () => {
    console.log(`[crash] seed ${SEED} (replay with CRASH_SEED=${SEED}), ${ROUNDS} rounds`);
    const rng = seededRng(SEED);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-crash-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, DATA_FILE);
    const ledger: Ledger = { created: new Map(), reports: [], extensions: [], status: new Map(), dueDate: new Map() };
    const totals = { rounds: 0, kills: 0, attempted: 0, acknowledged: 0, refused: 0, lost: 0 };
    let org = '';
    let meeting = '';
    let known: string[] = [];
    let inFlight: Write | null = null;
    /** Instructions written to since the last check. */
    const recent = new Set<string>();

    /** Compares the store, through the API of a freshly started app, with the ledger. */
    const verify = async (app: RunningApp, round: number): Promise<void> => {
      const lost: string[] = [];
      const details = new Map<string, Detail>();
      const detail = async (id: string): Promise<Detail | undefined> => {
        if (!details.has(id)) {
          const got = await call(app, 'instructions.get', { id });
          if (got.ok) details.set(id, got.value as Detail);
        }
        return details.get(id);
      };
      const touched = (id: string, kind: Write['kind']) => inFlight !== null && inFlight.kind === kind && 'id' in inFlight && inFlight.id === id;
      // After each kill, the instructions written since the last check; after the last, every one.
      const due = (id: string) => round === ROUNDS || recent.has(id);
      for (const [id, title] of ledger.created) {
        if (!due(id)) continue;
        const d = await detail(id);
        if (d?.instruction.title !== title) lost.push(`created instruction ${id} “${title}”`);
      }
      for (const r of ledger.reports) {
        if (!due(r.instructionId)) continue;
        const d = await detail(r.instructionId);
        if (!d?.reports.some((x) => x.body === r.body)) lost.push(`report “${r.body}” on ${r.instructionId}`);
      }
      for (const e of ledger.extensions) {
        if (!due(e.instructionId)) continue;
        const d = await detail(e.instructionId);
        if (!d?.extensions.some((x) => x.reason === e.reason && x.newDate === e.dueDate)) lost.push(`due-date change “${e.reason}” on ${e.instructionId}`);
      }
      for (const [id, status] of ledger.status) {
        if (!due(id)) continue;
        const d = await detail(id);
        // A write in flight at the kill may or may not have been stored; either state is right.
        if (d?.instruction.status !== status && !(touched(id, 'move') && inFlight?.kind === 'move' && d?.instruction.status === inFlight.status)) {
          lost.push(`move of ${id} to ${status} (found ${d?.instruction.status})`);
        }
      }
      for (const [id, dueDate] of ledger.dueDate) {
        if (!due(id)) continue;
        const d = await detail(id);
        if (d?.instruction.dueDate !== dueDate && !(touched(id, 'dueDate') && inFlight?.kind === 'dueDate' && d?.instruction.dueDate === inFlight.dueDate)) {
          lost.push(`due date of ${id} = ${dueDate} (found ${d?.instruction.dueDate})`);
        }
      }
      totals.lost += lost.length;
      // The write in flight at the kill: from now on, the state found is the one to keep.
      if (inFlight !== null && 'id' in inFlight) {
        const d = await detail(inFlight.id);
        if (d) {
          ledger.status.set(d.instruction.id, d.instruction.status);
          if (d.instruction.dueDate !== null) ledger.dueDate.set(d.instruction.id, d.instruction.dueDate);
        }
      }
      expect(lost, `after kill ${round} (seed ${SEED})`).toEqual([]);
      recent.clear();
    };

    try {
      for (let round = 0; round <= ROUNDS; round++) {
        const app = await startBrowserModeApp({ dataDir });
        try {
          if (round === 0) {
            await must(app, 'app.chooseStart', { choice: 'demo' });
            const orgs = await must<{ id: string }[]>(app, 'organizations.list', {});
            const meetings = await must<{ id: string }[]>(app, 'meetings.list', {});
            org = orgs[0]!.id;
            meeting = meetings[0]!.id;
            const boards = await must<{ id: string; builtin: string }[]>(app, 'boards.list', {});
            const view = await must<{ columns: { cards: { id: string }[] }[] }>(app, 'boards.view', { boardId: boards.find((b) => b.builtin === 'control')!.id });
            known = view.columns.flatMap((c) => c.cards.map((card) => card.id));
            for (const id of known) {
              const d = await must<Detail>(app, 'instructions.get', { id });
              ledger.status.set(id, d.instruction.status);
              if (d.instruction.dueDate !== null) ledger.dueDate.set(id, d.instruction.dueDate);
            }
          } else {
            await verify(app, round);
          }
        } catch (err) {
          app.process.kill('SIGKILL');
          throw err;
        }
        if (round === ROUNDS) {
          expect(await app.stop()).toBe(0);
          break;
        }

        // Stream writes, one at a time as the UI sends them, until the kill.
        inFlight = null;
        let killed = false;
        const exited = new Promise<void>((resolve) => app.process.once('exit', () => resolve()));
        const killAfter = rng.int(20, 700);
        const writes = (async () => {
          for (let n = 0; !killed; n++) {
            const id = rng.pick(known);
            const choice = rng.int(0, 3);
            const write: Write =
              choice === 0
                ? { kind: 'create', title: `Crash round ${round} write ${n}` }
                : choice === 1
                  ? { kind: 'move', id, status: rng.pick(STATUSES) }
                  : choice === 2
                    ? { kind: 'report', id, body: `Report of round ${round} write ${n}` }
                    : { kind: 'dueDate', id, dueDate: dateOf(rng), reason: `Reason of round ${round} write ${n}` };
            inFlight = write;
            if ('id' in write) recent.add(write.id);
            totals.attempted++;
            let result: Envelope;
            try {
              result =
                write.kind === 'create'
                  ? await call(app, 'instructions.create', { title: write.title, meetingId: meeting, leadOrgId: org, priority: 'normal', dueDate: dateOf(rng) })
                  : write.kind === 'move'
                    ? await call(app, 'instructions.move', { id: write.id, to: { field: 'status', value: write.status } })
                    : write.kind === 'report'
                      ? await call(app, 'reports.add', { instructionId: write.id, kind: 'interim', body: write.body })
                      : await call(app, 'instructions.changeDueDate', { id: write.id, dueDate: write.dueDate, reason: write.reason });
            } catch {
              return; // the connection died with the process: not acknowledged
            }
            if (!result.ok) {
              // A refusal is an answer too, but it must be a typed one, never an internal error.
              expect(result.error?.code, JSON.stringify(result.error)).not.toBe('internal');
              totals.refused++;
              continue;
            }
            totals.acknowledged++;
            const value = result.value as { id: string; status: string; dueDate: string | null };
            if (write.kind === 'create') {
              ledger.created.set(value.id, write.title);
              recent.add(value.id);
              known.push(value.id);
            } else if (write.kind === 'report') {
              ledger.reports.push({ instructionId: write.id, body: write.body });
            } else if (write.kind === 'dueDate' && typeof ledger.dueDate.get(write.id) === 'string' && write.dueDate > (ledger.dueDate.get(write.id) as string)) {
              // An extension is written when a set deadline moves later; a first deadline, the same date or an earlier one is none.
              ledger.extensions.push({ instructionId: write.id, dueDate: write.dueDate, reason: write.reason });
            }
            // Every acknowledged write returns the instruction's state (a report does not change it).
            if (write.kind !== 'report') {
              ledger.status.set(value.id, value.status);
              if (value.dueDate !== null) ledger.dueDate.set(value.id, value.dueDate);
            }
          }
        })();
        await new Promise((resolve) => setTimeout(resolve, killAfter));
        killed = true;
        app.process.kill('SIGKILL');
        await exited;
        await writes;
        totals.kills++;
        totals.rounds++;
        expect(integrityOf(file), `integrity after kill ${round + 1} (seed ${SEED})`).toEqual(['ok']);
      }
    } catch (err) {
      console.log(`[crash] FAILED with seed ${SEED}: replay with CRASH_SEED=${SEED}`);
      throw err;
    } finally {
      console.log(
        `[crash] rounds ${totals.rounds}, kills ${totals.kills}, writes attempted ${totals.attempted}, acknowledged ${totals.acknowledged}, refused ${totals.refused}, lost ${totals.lost} (seed ${SEED})`,
      );
    }
    expect(totals.acknowledged).toBeGreaterThan(ROUNDS);
  });
});
