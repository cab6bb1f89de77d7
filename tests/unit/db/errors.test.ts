import { describe, expect, it } from 'vitest';
import { StoreError, fromSqliteError } from '../../../db/errors';
import { en } from '../../../renderer/src/i18n/en';
import { ru } from '../../../renderer/src/i18n/ru';
import { kk } from '../../../renderer/src/i18n/kk';
import { ky } from '../../../renderer/src/i18n/ky';

function sqlite(code: string): Error {
  return Object.assign(new Error(`raw ${code}`), { code });
}

describe('fromSqliteError', () => {
  it.each([
    ['SQLITE_FULL', 'storage_full', 'diskFull'],
    ['SQLITE_IOERR', 'io_error', 'diskError'],
    ['SQLITE_IOERR_WRITE', 'io_error', 'diskError'],
    ['SQLITE_IOERR_FSYNC', 'io_error', 'diskError'],
    ['SQLITE_CANTOPEN', 'cannot_open', 'cannotOpen'],
    ['SQLITE_CANTOPEN_ISDIR', 'cannot_open', 'cannotOpen'],
    ['SQLITE_READONLY', 'read_only', 'readOnly'],
    ['SQLITE_READONLY_DIRECTORY', 'read_only', 'readOnly'],
    ['SQLITE_CORRUPT', 'damaged', 'dataDamaged'],
    ['SQLITE_CORRUPT_INDEX', 'damaged', 'dataDamaged'],
    ['SQLITE_NOTADB', 'damaged', 'dataDamaged'],
    ['SQLITE_BUSY', 'busy', 'busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy', 'busy'],
    ['SQLITE_LOCKED', 'busy', 'busy'],
  ])('%s means %s', (sqliteCode, code, key) => {
    const mapped = fromSqliteError(sqlite(sqliteCode));
    expect(mapped).toBeInstanceOf(StoreError);
    expect(mapped).toMatchObject({ code, key });
    expect((mapped as StoreError).message).not.toContain('SQLITE_');
  });

  it('names the file of a damaged store when it is known', () => {
    expect(fromSqliteError(sqlite('SQLITE_CORRUPT'), '/data/x.sqlite')).toMatchObject({ code: 'damaged', key: 'storeDamaged', params: { file: '/data/x.sqlite' } });
  });

  it('an IO error is not called a full disk, and cannot-open is not called read-only', () => {
    expect((fromSqliteError(sqlite('SQLITE_IOERR_WRITE')) as StoreError).message).not.toMatch(/full/i);
    expect((fromSqliteError(sqlite('SQLITE_CANTOPEN')) as StoreError).message).not.toMatch(/read-only/i);
  });

  it('a broken rule stays a validation error', () => {
    expect(fromSqliteError(sqlite('SQLITE_CONSTRAINT_UNIQUE'))).toMatchObject({ code: 'validation' });
  });

  it('passes other errors through', () => {
    const plain = new Error('x');
    expect(fromSqliteError(plain)).toBe(plain);
    const other = sqlite('SQLITE_MISMATCH');
    expect(fromSqliteError(other)).toBe(other);
  });

  it('every key it and the store use has a message in all four languages', () => {
    const keys = ['diskFull', 'diskError', 'cannotOpen', 'cannotOpenFile', 'readOnly', 'busy', 'dataDamaged', 'storeDamaged', 'notOurStore', 'databaseFromFuture', 'storeLocked', 'backupFolderUnreachable'];
    for (const catalog of [en, ru, kk, ky]) {
      const errors = catalog.errors as unknown as Record<string, string>;
      for (const key of keys) expect(typeof errors[key], key).toBe('string');
    }
  });
});
