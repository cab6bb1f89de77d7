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
  'io_error',
  'cannot_open',
  'read_only',
  'damaged',
  'store_locked',
  'backup_folder_unreachable',
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

/** Turns a SQLite error into a StoreError; `file`, when known, is named in the damaged message. */
export function fromSqliteError(err: unknown, file?: string): unknown {
  if (err instanceof StoreError || typeof err !== 'object' || err === null) return err;
  const code = (err as SqliteLikeError).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return err;
  if (code === 'SQLITE_FULL') {
    return new StoreError('storage_full', 'The disk is full: the change was not saved. Free some space and try again; nothing already stored was lost.', 'diskFull');
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError('io_error', 'The disk reported an error while reading or writing the data file. Nothing was changed; check the disk or the network folder and try again.', 'diskError');
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreError('cannot_open', 'The data file cannot be opened: its folder is missing or you have no permission there. Nothing was changed.', 'cannotOpen');
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return new StoreError('read_only', 'The data file cannot be written (read-only disk or no permission). Nothing was changed.', 'readOnly');
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError('busy', 'The data file is in use by another program. Try again in a moment.', 'busy');
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    if (file !== undefined) {
      return new StoreError('damaged', `The data file ${file} is damaged. It was left as it is; restore the latest backup.`, 'storeDamaged', { file });
    }
    return new StoreError('damaged', 'The data file is damaged. Nothing was changed; restore the latest backup.', 'dataDamaged');
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new StoreError('validation', `The change breaks a rule of the data: ${String((err as SqliteLikeError).message)}`);
  }
  return err;
}
