// Migration 010 (an organization's names per language) on a version 1 database: the demo fixture
// (tests/fixtures/db/v1-demo.sqlite) opened by today's code keeps every organization as it was,
// with no name recorded in any language (nothing is guessed), shown under its original name in
// every language; names recorded afterwards survive a reopen and are matched.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { SCHEMA_VERSION } from '../../../../db/migrations/index';
import { listOrganizations, updateOrganization } from '../../../../db/organizations';
import { matchOrganization, organizationName, organizationShortName } from '../../../../db/organization-names';
import { LANGUAGES } from '../../../../db/model';
import { tempDir, trackStore } from '../../../support/temp';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db/v1-demo.sqlite');
const NEW_COLUMNS = ['name_en', 'name_ru', 'name_kk', 'name_ky', 'short_name_en', 'short_name_ru', 'short_name_kk', 'short_name_ky'];

function copyFixture(): string {
  const file = path.join(tempDir('mat-migration-010-'), 'data.sqlite');
  fs.copyFileSync(FIXTURE, file);
  return file;
}

type Row = Record<string, unknown>;

describe('migration 010: an organization under every name', () => {
  it('keeps every organization of a version 1 store as it was, with no language names guessed', async () => {
    const file = copyFixture();
    const old = new Database(file, { readonly: true, fileMustExist: true });
    const before = old.prepare('SELECT * FROM organizations ORDER BY id').all() as Row[];
    old.close();
    expect(before.length).toBeGreaterThan(0);

    const store = trackStore(await openStore(file));
    const db = store.ctx.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const columns = (db.prepare(`SELECT name, "notnull" AS "notNull" FROM pragma_table_info('organizations')`).all() as { name: string; notNull: number }[]).filter((c) =>
      NEW_COLUMNS.includes(c.name),
    );
    expect(columns).toEqual(NEW_COLUMNS.map((name) => ({ name, notNull: 0 })));
    const after = db.prepare('SELECT * FROM organizations ORDER BY id').all() as Row[];
    expect(after).toEqual(before.map((row) => ({ ...row, ...Object.fromEntries(NEW_COLUMNS.map((c) => [c, null])) })));
    // Each shows under the name it had, in every language.
    for (const org of listOrganizations(store.ctx)) {
      const old = before.find((r) => r.id === org.id)!;
      for (const language of LANGUAGES) {
        expect(organizationName(org, language)).toBe(old.name);
        expect(organizationShortName(org, language)).toBe(old.short_name ?? old.name);
      }
    }
  });

  it('keeps the names recorded after the upgrade across a reopen, and matches by them', async () => {
    const file = copyFixture();
    const store = await openStore(file);
    const org = listOrganizations(store.ctx)[0]!;
    updateOrganization(store.ctx, org.id, { nameKk: '  Қазақстан   Республикасының Энергетика министрлігі ', shortNameKk: 'ҚР ЭМ' });
    store.close();

    const reopened = trackStore(await openStore(file));
    const again = listOrganizations(reopened.ctx).find((o) => o.id === org.id)!;
    expect([again.name, again.nameKk, again.shortNameKk, again.nameRu]).toEqual([org.name, 'Қазақстан Республикасының Энергетика министрлігі', 'ҚР ЭМ', null]);
    expect(matchOrganization(reopened.ctx, '«қазақстан республикасының энергетика министрлігі»')?.id).toBe(org.id);
    expect(organizationShortName(again, 'kk')).toBe('ҚР ЭМ');
    expect(organizationName(again, 'ru')).toBe(org.name);
  });
});
