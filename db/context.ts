import { randomFillSync } from 'node:crypto';
import type { Db } from './connection';
import type Database from 'better-sqlite3';
import { localIsoDate } from './dates';
import type { IsoDate } from './model';

/** What every part of the store needs: the connection, a clock and who is acting. */
export class StoreContext {
  private readonly statements = new Map<string, Database.Statement>();
  /** The id every history row of the outermost transaction running now shares (one action, one entry). */
  private currentAction: string | null = null;

  constructor(
    readonly db: Db,
    readonly now: () => Date = () => new Date(),
    readonly actor: () => string = () => 'user',
  ) {
    // The same ids in SQL, for statements that write many rows at once (history of an import).
    db.function('new_id', { deterministic: false }, newId);
  }

  /** A prepared statement, prepared once per connection. */
  stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  today(): IsoDate {
    return localIsoDate(this.now());
  }

  /** The action the history rows written now belong to: one per outermost transaction. */
  actionId(): string {
    return this.currentAction ?? newId();
  }

  /**
   * Runs `fn` in a transaction (a savepoint inside another). `immediate` takes the write lock at the
   * start, for a write that reads what it then relies on (the next free control number): another
   * connection's write waits for it instead of being built on what it read before.
   */
  transaction<T>(fn: () => T, options: { immediate?: boolean } = {}): T {
    if (this.currentAction !== null) return this.db.transaction(fn)();
    this.currentAction = newId();
    try {
      const tx = this.db.transaction(fn);
      return options.immediate ? tx.immediate() : tx();
    } finally {
      this.currentAction = null;
    }
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Random bytes drawn in blocks: an import makes hundreds of thousands of ids. */
const pool = new Uint8Array(4096);
let poolAt = pool.length;

function randomBytes(n: number): Uint8Array {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += n;
  return pool.subarray(poolAt - n, poolAt);
}

// The state of the last id: its millisecond and its 74 bits after the version, as rand_a (12
// bits) and rand_b in three parts (14, 24 and 24 bits).
let lastMs = -1;
let randA = 0;
let randBHigh = 0;
let randBMiddle = 0;
let randBLow = 0;
/** Everything of the id before its last 6 hex digits (the low bits, which change most often). */
let head = '';

function setHead(): void {
  const time = lastMs.toString(16).padStart(12, '0');
  const variant = (0x8000 | randBHigh).toString(16);
  head = `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randA.toString(16).padStart(3, '0')}-${variant}-${randBMiddle.toString(16).padStart(6, '0')}`;
}

/** A fresh random start for the ids of millisecond `ms` (rand_a's top bit clear, room to count up). */
function seed(ms: number): void {
  const b = randomBytes(10);
  const byte = (i: number) => b[i] as number;
  lastMs = ms;
  randA = ((byte(0) & 0x07) << 8) | byte(1);
  randBHigh = ((byte(2) & 0x3f) << 8) | byte(3);
  randBMiddle = (byte(4) << 16) | (byte(5) << 8) | byte(6);
  randBLow = (byte(7) << 16) | (byte(8) << 8) | byte(9);
  setHead();
}

/**
 * A new id: a time-ordered UUID (version 7, RFC 9562: 48 bits of milliseconds, 74 random bits).
 * Ids sort in the order they were made, also within one millisecond (the random bits start at a
 * random value each millisecond and count up from there, RFC 9562's monotonic random method), so
 * inserting them extends the indexes at their end instead of touching pages all over them, which
 * matters when an import writes hundreds of thousands of rows.
 */
export function newId(): string {
  const ms = Date.now();
  if (ms > lastMs) seed(ms);
  else if (++randBLow === 0x1000000) {
    randBLow = 0;
    if (++randBMiddle === 0x1000000) {
      randBMiddle = 0;
      if (++randBHigh === 0x4000) {
        randBHigh = 0;
        if (++randA === 0x1000) seed(lastMs + 1);
      }
    }
    setHead();
  }
  return head + (HEX[randBLow >>> 16] as string) + (HEX[(randBLow >>> 8) & 0xff] as string) + (HEX[randBLow & 0xff] as string);
}
