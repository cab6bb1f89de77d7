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
});

export type ReportRow = RowOf<typeof reportsTable>;
export type ReportRecord = DomainOf<typeof reportsTable>;
export type ExchangeReport = ExchangeOf<typeof reportsTable>;
