import { created, defineTable, identity, notCarried, stamp, type DomainOf, type ExchangeOf, type RowOf } from './columns';

export const peopleTable = defineTable('people', {
  id: { sql: 'id', kind: 'text', merge: identity },
  fullName: { sql: 'full_name', kind: 'text', merge: 'field' },
  position: { sql: 'position', kind: 'text', nullable: true, merge: 'field' },
  organizationId: { sql: 'organization_id', kind: 'text', nullable: true, merge: 'field' },
  mergedInto: {
    sql: 'merged_into',
    kind: 'text',
    nullable: true,
    merge: 'field',
    domain: notCarried('a tombstone for the directory and the merge; the app lists live people only'),
  },
  createdAt: { sql: 'created_at', kind: 'text', merge: created },
  updatedAt: { sql: 'updated_at', kind: 'text', merge: stamp },
});

export type PersonRow = RowOf<typeof peopleTable>;
export type PersonRecord = DomainOf<typeof peopleTable>;
export type ExchangePerson = ExchangeOf<typeof peopleTable>;
