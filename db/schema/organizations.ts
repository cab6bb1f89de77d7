import { defineTable, notCarried, type DomainOf, type ExchangeOf, type RowOf } from './columns';

const identity = notCarried('the record identity: the merge matches records by it');
const created = notCarried('set once when the record is made');
const stamp = notCarried('follows the newer copy when the merge writes any field');

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
