// Corruption scenarios on real store files holding the demo: each ends in a clear refusal (a
// StoreError with a translation key, never a raw SQLite message) or detected damage (code
// 'damaged') — never a silent start on damaged data, never a new install in its place, never an
// 'internal' error — and the file stays byte-identical (or is only moved aside). Where the check on
// open (quick_check) cannot see the damage, the full check (integrity_check + FTS5) must.
// The damaged page is chosen with a seeded RNG: CORRUPTION_SEED=<seed printed> replays a failure.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppCore, DATABASE_FILE_NAME } from '../../../electron/services/app';
import { dispatch } from '../../../electron/api/dispatch';
import type { RecoveryStatus } from '../../../electron/api/contract';
import { StoreError } from '../../../db/errors';
import { fullCheck } from '../../../db/integrity';
import { tempDir } from '../../support/temp';
import { seedFrom, seededRng, type Rng } from '../../support/rng';

const SEED = seedFrom('CORRUPTION_SEED');

let pristine: Buffer;
let pageSize: number;
/** Page numbers (1-based) by b-tree name, from dbstat. */
let pagesOf: Map<string, number[]>;
let foreignWal: Buffer;
const summary: string[] = [];

function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

beforeAll(async () => {
  const dir = tempDir('mat-corrupt-src-');
  const core = await startAppCore({ dataDir: dir, version: '0.0.0-test' });
  expect((await dispatch(core.handlers, 'app.chooseStart', { choice: 'demo' })).ok).toBe(true);
  core.close();
  const file = path.join(dir, DATABASE_FILE_NAME);
  expect(fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0).toBe(false);
  pristine = fs.readFileSync(file);
  const db = new Database(file, { readonly: true });
  pageSize = db.pragma('page_size', { simple: true }) as number;
  pagesOf = new Map();
  for (const row of db.prepare('SELECT name, pageno FROM dbstat ORDER BY pageno').all() as { name: string; pageno: number }[]) {
    pagesOf.set(row.name, [...(pagesOf.get(row.name) ?? []), row.pageno]);
  }
  db.close();

  // A WAL with committed frames of another database (the demo store of another data folder).
  const otherDir = tempDir('mat-corrupt-other-');
  const other = await startAppCore({ dataDir: otherDir, version: '0.0.0-test' });
  other.close();
  const otherFile = path.join(otherDir, DATABASE_FILE_NAME);
  const raw = new Database(otherFile);
  raw.pragma('journal_mode = WAL');
  raw.pragma('wal_autocheckpoint = 0');
  raw.exec("CREATE TABLE IF NOT EXISTS scratch(x); INSERT INTO scratch VALUES (randomblob(20000)); UPDATE settings SET value = value WHERE 1");
  foreignWal = fs.readFileSync(`${otherFile}-wal`);
  raw.close();
  expect(foreignWal.length).toBeGreaterThan(32);
});

afterAll(() => {
  console.log(`[corruption] seed ${SEED} (replay with CORRUPTION_SEED=${SEED}); page size ${pageSize}\n${summary.join('\n')}`);
});

function readVarint(buf: Buffer, at: number): [value: number, length: number] {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = buf[at + i]!;
    if (i === 8) return [value * 256 + byte, 9];
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  return [value, 9];
}

/** The offsets of the cells of a b-tree page (its leaf cells, for a leaf page). */
function cellsOf(bytes: Buffer, page: number): { offsets: number[]; leaf: boolean; type: number } {
  const base = (page - 1) * pageSize;
  const header = base + (page === 1 ? 100 : 0);
  const type = bytes[header]!;
  const leaf = type === 0x0a || type === 0x0d;
  const count = bytes.readUInt16BE(header + 3);
  const pointers = header + (leaf ? 8 : 12);
  return { offsets: Array.from({ length: count }, (_, i) => base + bytes.readUInt16BE(pointers + 2 * i)), leaf, type };
}

type Damage = (bytes: Buffer, rng: Rng) => Buffer;

/** Every byte of one page of `name` (chosen by the RNG) overwritten with random bytes. */
function pageOverwritten(name: string): Damage {
  return (bytes, rng) => {
    const page = rng.pick(pagesOf.get(name)!);
    const copy = Buffer.from(bytes);
    for (let i = 0; i < pageSize; i++) copy[(page - 1) * pageSize + i] = rng.int(0, 255);
    return copy;
  };
}

/**
 * The b-tree stays well formed but the content of one leaf cell of `name` changes: the last byte of
 * its payload (an index key's rowid, or a byte inside an FTS segment) is flipped.
 */
function cellContentChanged(name: string): Damage {
  return (bytes, rng) => {
    const copy = Buffer.from(bytes);
    const leaves = pagesOf.get(name)!.filter((p) => {
      const { leaf, offsets } = cellsOf(bytes, p);
      return leaf && offsets.length > 0;
    });
    const page = rng.pick(leaves);
    const { offsets, type } = cellsOf(bytes, page);
    const cell = rng.pick(offsets);
    const [payload, n] = readVarint(bytes, cell);
    let at = cell + n;
    if (type === 0x0d) at += readVarint(bytes, at)[1]; // a table leaf's rowid
    const local = Math.min(payload, pageSize - 35); // payload kept on the page (no overflow for these)
    copy[at + local - 1] = (copy[at + local - 1]! ^ 0x01) & 0xff;
    return copy;
  };
}

interface Scenario {
  name: string;
  damage: Damage;
  /** A -wal file placed beside the data file. */
  wal?: () => Buffer;
  /** Damage the check on open does not see, which the full check must. */
  expectOpen?: boolean;
}

const scenarios: Scenario[] = [
  { name: 'zero bytes', damage: () => Buffer.alloc(0) },
  { name: 'truncated to half', damage: (b) => Buffer.from(b.subarray(0, Math.floor(b.length / 2))) },
  { name: 'header (first 100 bytes) damaged', damage: (b, rng) => Buffer.concat([Buffer.from(Array.from({ length: 100 }, () => rng.int(0, 255))), b.subarray(100)]) },
  { name: 'a page of the instructions table overwritten', damage: pageOverwritten('instructions') },
  { name: 'a page of an index on instructions overwritten', damage: (b, rng) => pageOverwritten(indexOfInstructions())(b, rng) },
  { name: 'a page of the FTS index (instruction_fts_data) overwritten', damage: pageOverwritten('instruction_fts_data') },
  { name: 'one index entry changed, b-tree intact', damage: (b, rng) => cellContentChanged(indexOfInstructions())(b, rng), expectOpen: true },
  { name: 'one FTS segment byte changed, b-tree intact', damage: cellContentChanged('instruction_fts_data'), expectOpen: true },
  { name: 'the WAL of another database beside it', damage: (b) => b, wal: () => foreignWal },
];

function indexOfInstructions(): string {
  const names = [...pagesOf.keys()].filter((n) => n.startsWith('idx_instructions') || n.startsWith('sqlite_autoindex_instructions'));
  expect(names.length).toBeGreaterThan(0);
  return names.sort()[0]!;
}

describe('a damaged store file', () => {
  it.each(scenarios)('$name: refused or detected, never started silently, never replaced', async (scenario) => {
    const rng = seededRng(SEED + scenario.name.length);
    const dir = tempDir('mat-corrupt-');
    const file = path.join(dir, DATABASE_FILE_NAME);
    const damaged = scenario.damage(pristine, rng);
    fs.writeFileSync(file, damaged);
    if (scenario.wal) fs.writeFileSync(`${file}-wal`, scenario.wal());
    const before = sha256(damaged);
    const walBefore = scenario.wal ? sha256(scenario.wal()) : null;

    const started = await startAppCore({ dataDir: dir, version: '0.0.0-test', idleCheckAfterMs: 0 }).catch((e: unknown) => e);
    let outcome: string;
    if (started instanceof Error) {
      expect(started, `${scenario.name} (seed ${SEED}): ${String(started)}`).toBeInstanceOf(StoreError);
      const err = started as StoreError;
      expect(err.code).not.toBe('internal');
      expect(['not_a_database', 'damaged']).toContain(err.code);
      expect(err.key, err.message).toMatch(/^(notOurStore|storeDamaged)$/);
      expect(err.message).not.toMatch(/SQLITE_|malformed|file is not a database|disk image/i);
      outcome = `refused on open: ${err.code} (${err.key})`;
    } else {
      const core = started as Awaited<ReturnType<typeof startAppCore>>;
      const answered = await dispatch(core.handlers, 'recovery.status', {});
      if (!answered.ok) throw new Error(`recovery.status failed: ${JSON.stringify(answered)}`);
      const status = { value: answered.value as RecoveryStatus };
      if (status.value.state === 'unavailable') {
        // Started on the recovery screen: the file named, every normal channel refused in words.
        expect(status.value.problem, `${scenario.name} (seed ${SEED})`).toMatch(/^(notOurStore|storeDamaged)$/);
        expect(status.value.file).toBe(file);
        const answer = await dispatch(core.handlers, 'meetings.list', {});
        expect(answer).toMatchObject({ ok: false, error: { code: 'damaged', key: status.value.problem } });
        expect(JSON.stringify(answer)).not.toMatch(/SQLITE_|malformed|file is not a database|disk image|\n\s+at /i);
        core.close();
        outcome = `recovery screen: ${status.value.problem}`;
      } else {
        // Opened: only damage the check on open cannot see, which the full check must then find.
        const full = fullCheck(core.store.ctx.db);
        core.close();
        expect(scenario.expectOpen, `${scenario.name} started (seed ${SEED})`).toBe(true);
        expect(full.ok, `${scenario.name}: the full check missed it (seed ${SEED})`).toBe(false);
        outcome = `opened (quick_check passes); fullCheck finds it: ${full.problems[0]?.slice(0, 80)}`;
      }
    }
    // The damaged file is still there, byte for byte, or moved aside whole; no new store in its place.
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith(`${DATABASE_FILE_NAME}.damaged-`) && !f.endsWith('-wal') && !f.endsWith('-shm'));
    if (fs.existsSync(file)) {
      expect(sha256(fs.readFileSync(file)), `${scenario.name}: the file changed (seed ${SEED})`).toBe(before);
      expect(aside).toEqual([]);
    } else {
      expect(aside).toHaveLength(1);
      expect(sha256(fs.readFileSync(path.join(dir, aside[0]!)))).toBe(before);
      outcome += '; moved aside';
    }
    if (walBefore !== null && fs.existsSync(`${file}-wal`)) expect(sha256(fs.readFileSync(`${file}-wal`)), 'the -wal changed').toBe(walBefore);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.creating-'))).toEqual([]);
    summary.push(`${scenario.name.padEnd(62)} ${outcome}`);
  });
});
