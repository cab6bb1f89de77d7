import { defineTable, notCarried, type DomainOf, type ExchangeOf, type RowOf } from './columns';

const appendOnly = notCarried('history is append-only: the merge adds the rows it lacks, by uid');

export const historyTable = defineTable('history', {
  id: {
    sql: 'id',
    kind: 'int',
    exchange: notCarried("the local row number (order of this store's rows); `uid` is the identity across machines"),
  },
  uid: { sql: 'uid', kind: 'text', merge: appendOnly },
  instructionId: { sql: 'instruction_id', kind: 'text', nullable: true, merge: appendOnly },
  entity: { sql: 'entity', kind: 'text', merge: appendOnly },
  entityId: { sql: 'entity_id', kind: 'text', merge: appendOnly },
  field: { sql: 'field', kind: 'text', merge: appendOnly },
  oldValue: { sql: 'old_value', kind: 'text', nullable: true, merge: appendOnly },
  newValue: { sql: 'new_value', kind: 'text', nullable: true, merge: appendOnly },
  note: { sql: 'note', kind: 'text', nullable: true, merge: appendOnly },
  actor: { sql: 'actor', kind: 'text', merge: appendOnly },
  at: { sql: 'at', kind: 'text', merge: appendOnly },
  /** The rows one action wrote (a resolve: status, report, dates) share it; null before version 2. */
  actionId: { sql: 'action_id', kind: 'text', nullable: true, merge: appendOnly },
});

export type HistoryRow = RowOf<typeof historyTable>;
export type HistoryRecord = DomainOf<typeof historyTable>;
export type ExchangeHistory = ExchangeOf<typeof historyTable>;
