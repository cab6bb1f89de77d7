// The schema of a freshly migrated database, as SQLite stores it, against the committed
// __snapshots__/schema.sql: any change to the schema shows in review as a change to that file
// (and belongs in a new numbered migration, see db/migrations/index.ts).
// After a deliberate schema change: npx vitest run -c tests/vitest.config.ts tests/unit/db/migrations -u
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { tempDir, trackStore } from '../../../support/temp';

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Each line trimmed, runs of blanks made one space, blank lines dropped, continuation lines indented by two. */
function normalize(sql: string): string {
  return sql
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line !== '')
    .map((line, i) => (i === 0 ? line : `  ${line}`))
    .join('\n');
}

describe('the schema', () => {
  it('of a freshly migrated database matches the committed snapshot', async () => {
    const store = trackStore(await openStore(path.join(tempDir(), 'fresh.sqlite')));
    const rows = store.ctx.db
      // sqlite_stat* come and go with ANALYZE / PRAGMA optimize; they are statistics, not schema.
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")
      .all() as SchemaRow[];
    const text = [
      `-- The schema at version ${SCHEMA_VERSION}, from sqlite_schema ordered by type and name.`,
      ...rows.map((r) => `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql === null ? '-- (made by SQLite, no SQL)' : `${normalize(r.sql)};`}`),
      '',
    ].join('\n');
    await expect(text).toMatchFileSnapshot('./__snapshots__/schema.sql');
  });
});
