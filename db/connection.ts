import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index';
import { StoreError, fromSqliteError } from './errors';

export type Db = Database.Database;

/** Marks our files (`PRAGMA application_id`), so that a stranger's SQLite file is refused. */
export const APPLICATION_ID = 0x4d415431; // "MAT1"

export interface OpenOptions {
  /** Path to a better-sqlite3 addon built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  /** Clock used to name the pre-migration backup. */
  now?: () => Date;
  /** The migrations to apply; the app's own unless a test brings a longer or shorter list. */
  migrations?: readonly string[];
}

export interface OpenedDatabase {
  db: Db;
  /** The backup written before migrating, if a migration ran on an existing file. */
  backupPath: string | null;
  migratedFrom: number;
}

function isEmptyFile(file: string): boolean {
  try {
    return fs.statSync(file).size === 0;
  } catch {
    return true;
  }
}

/** Reads the schema version without writing a single byte to the file. */
function probe(file: string, nativeBinding: string | undefined): { version: number; appId: number; tables: number } {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    return { version, appId, tables };
  } catch (err) {
    const mapped = fromSqliteError(err);
    if (mapped instanceof StoreError && mapped.code === 'not_a_database') {
      throw new StoreError('not_a_database', `${file} is damaged or is not a database of this app; it was left untouched.`, 'notADatabase', { file });
    }
    throw mapped;
  } finally {
    db?.close();
  }
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/**
 * Opens (creating if needed) the data file, refuses one written by a newer version or by another
 * program, backs it up through SQLite's backup API before migrating, and applies the numbered
 * migrations, one transaction each.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  fs.mkdirSync(path.dirname(file), { recursive: true });

  let existingVersion = 0;
  if (!isEmptyFile(file)) {
    const found = probe(file, options.nativeBinding);
    if (found.version > latest) {
      throw new StoreError(
        'database_from_future',
        `${file} was written by a newer version of this app (data version ${found.version}; this version reads up to ${latest}). Install the newer version to open it; the file was left untouched.`,
        'databaseFromFuture',
        { file, version: found.version, supported: latest },
      );
    }
    if (found.appId !== APPLICATION_ID && (found.version > 0 || found.tables > 0)) {
      throw new StoreError('not_a_database', `${file} is a SQLite file of another program, not of this app; it was left untouched.`, 'notADatabase', { file });
    }
    existingVersion = found.version;
  }

  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    let backupPath: string | null = null;
    if (existingVersion > 0 && existingVersion < latest) {
      backupPath = `${file}.v${existingVersion}-${stamp(now())}.backup`;
      await db.backup(backupPath);
    }
    for (let version = existingVersion; version < latest; version++) {
      const sql = migrations[version] as string;
      db.transaction(() => {
        db.exec(sql);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${version + 1}`);
      })();
    }
    return { db, backupPath, migratedFrom: existingVersion };
  } catch (err) {
    db.close();
    throw fromSqliteError(err);
  }
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
