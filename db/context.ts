import { randomUUID } from 'node:crypto';
import type { Db } from './connection';
import type Database from 'better-sqlite3';
import { localIsoDate } from './dates';
import type { IsoDate } from './model';

/** What every part of the store needs: the connection, a clock and who is acting. */
export class StoreContext {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly db: Db,
    readonly now: () => Date = () => new Date(),
    readonly actor: () => string = () => 'user',
  ) {}

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

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

/**
 * A new id: a time-ordered UUID (version 7, RFC 9562: 48 bits of milliseconds, 74 random bits).
 * Ids made one after another sort together, so inserting them extends the indexes at their end
 * instead of touching pages all over them, which matters when an import writes 100,000 rows.
 */
export function newId(): string {
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, V the variant
  const time = Date.now().toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
