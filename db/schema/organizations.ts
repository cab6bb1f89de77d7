import { created, defineTable, identity, notCarried, stamp, type DomainOf, type ExchangeOf, type RowOf } from './columns';

export const organizationsTable = defineTable('organizations', {
  id: { sql: 'id', kind: 'text', merge: identity },
  name: { sql: 'name', kind: 'text', merge: 'field' },
  shortName: { sql: 'short_name', kind: 'text', nullable: true, merge: 'field' },
  country: { sql: 'country', kind: 'text', nullable: true, merge: 'field' },
  // The official name and short name in each language of the app (migration 010); `name` stays the
  // name the organization was created with, shown where the language has none.
  nameEn: { sql: 'name_en', kind: 'text', nullable: true, merge: 'field' },
  nameRu: { sql: 'name_ru', kind: 'text', nullable: true, merge: 'field' },
  nameKk: { sql: 'name_kk', kind: 'text', nullable: true, merge: 'field' },
  nameKy: { sql: 'name_ky', kind: 'text', nullable: true, merge: 'field' },
  shortNameEn: { sql: 'short_name_en', kind: 'text', nullable: true, merge: 'field' },
  shortNameRu: { sql: 'short_name_ru', kind: 'text', nullable: true, merge: 'field' },
  shortNameKk: { sql: 'short_name_kk', kind: 'text', nullable: true, merge: 'field' },
  shortNameKy: { sql: 'short_name_ky', kind: 'text', nullable: true, merge: 'field' },
  mergedInto: {
    sql: 'merged_into',
    kind: 'text',
    nullable: true,
    merge: 'field',
    domain: notCarried('a tombstone for the directory and the merge; the app lists live organizations only'),
  },
  createdAt: { sql: 'created_at', kind: 'text', merge: created },
  updatedAt: { sql: 'updated_at', kind: 'text', merge: stamp },
});

export type OrganizationRow = RowOf<typeof organizationsTable>;
export type OrganizationRecord = DomainOf<typeof organizationsTable>;
export type ExchangeOrganization = ExchangeOf<typeof organizationsTable>;
