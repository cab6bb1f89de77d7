import { created, defineTable, identity, notCarried, stamp, type DomainOf, type ExchangeOf, type RowOf } from './columns';

export const organizationsTable = defineTable('organizations', {
  id: { sql: 'id', kind: 'text', merge: identity },
  name: { sql: 'name', kind: 'text', merge: 'field' },
  shortName: { sql: 'short_name', kind: 'text', nullable: true, merge: 'field' },
  country: { sql: 'country', kind: 'text', nullable: true, merge: 'field' },
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
