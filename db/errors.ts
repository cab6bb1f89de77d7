// Typed errors of the store. Their `code` travels to the UI unchanged; `message` is written for
// the official reading it, never a stack trace.

export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'database_from_future',
  'not_a_database',
  'storage_full',
  'read_only',
  'busy',
  'too_large',
  'unsupported',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One item of a list param, e.g. one problem of a malformed filter (`{ code, field, value }`). */
export type ErrorParamItem = Readonly<Record<string, string | number>>;
/** Values the UI puts into the message; a list (`problems`) the UI writes out in words. */
export type ErrorParams = Record<string, string | number | readonly ErrorParamItem[]>;

export class StoreError extends Error {
  readonly code: ErrorCode;
  /** Translation key (`errors.<key>`) the UI shows in the official's language. */
  readonly key: string | undefined;
  readonly params: ErrorParams | undefined;
  constructor(code: ErrorCode, message: string, key?: string, params?: ErrorParams) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    this.key = key;
    this.params = params;
  }
}

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/** Turns a SQLite error into a StoreError an official can act on; other errors pass through. */
export function fromSqliteError(err: unknown): unknown {
  if (err instanceof StoreError || typeof err !== 'object' || err === null) return err;
  const code = (err as SqliteLikeError).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return err;
  if (code === 'SQLITE_FULL') {
    return new StoreError('storage_full', 'The disk is full: the change was not saved. Free some space and try again; nothing already stored was lost.', 'diskFull');
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreError('read_only', 'The data file cannot be written (read-only disk or no permission). Nothing was changed.', 'readOnly');
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError('busy', 'The data file is in use by another program. Try again in a moment.', 'busy');
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError('not_a_database', 'The data file is damaged or is not a database of this app.', 'notADatabase');
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new StoreError('validation', `The change breaks a rule of the data: ${String((err as SqliteLikeError).message)}`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError('storage_full', 'The data file could not be written (disk error or full disk). Nothing was changed.', 'diskFull');
  }
  return err;
}
