import { created, defineTable, identity, notCarried, type DomainOf, type ExchangeOf, type RowOf } from './columns';

export const coexecutorsTable = defineTable('coexecutors', {
  id: { sql: 'id', kind: 'text', merge: identity },
  instructionId: { sql: 'instruction_id', kind: 'text', merge: notCarried('a co-executor never moves to another instruction') },
  organizationId: { sql: 'organization_id', kind: 'text', nullable: true, merge: 'field' },
  personId: { sql: 'person_id', kind: 'text', nullable: true, merge: 'field' },
  dueDate: { sql: 'due_date', kind: 'text', nullable: true, merge: 'field' },
  createdAt: { sql: 'created_at', kind: 'text', merge: created },
});

export type CoexecutorRow = RowOf<typeof coexecutorsTable>;
export type CoexecutorRecord = DomainOf<typeof coexecutorsTable>;
export type ExchangeCoexecutor = ExchangeOf<typeof coexecutorsTable>;
