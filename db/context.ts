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

export function newId(): string {
  return randomUUID();
}
