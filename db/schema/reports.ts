import { REPORT_KINDS } from '../model';
import { defineTable, notCarried, type DomainOf, type ExchangeOf, type RowOf } from './columns';

const filed = notCarried('a filed report never changes: the merge only adds reports');

export const reportsTable = defineTable('reports', {
  id: { sql: 'id', kind: 'text', merge: filed },
  instructionId: { sql: 'instruction_id', kind: 'text', merge: filed },
  kind: { sql: 'kind', kind: 'text', values: REPORT_KINDS, merge: filed },
  body: { sql: 'body', kind: 'text', merge: filed },
  author: { sql: 'author', kind: 'text', merge: filed },
  submittedAt: { sql: 'submitted_at', kind: 'text', merge: filed },
  /** Set on a final report when its instruction was reopened: kept, but no longer the outcome. */
  supersededAt: {
    sql: 'superseded_at',
    kind: 'text',
    nullable: true,
    merge: notCarried('written with the report when the merge adds it; a reopening on another desk after that is not merged (the merge only adds reports)'),
  },
});

export type ReportRow = RowOf<typeof reportsTable>;
export type ReportRecord = DomainOf<typeof reportsTable>;
export type ExchangeReport = ExchangeOf<typeof reportsTable>;
