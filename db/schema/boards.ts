import { BOARD_FIELDS, BOARD_SORTS, SWIMLANE_FIELDS } from '../model';
import { created, defineTable, identity, notCarried, stamp, type DomainOf, type ExchangeOf, type RowOf } from './columns';

const own = notCarried("only boards officials made travel, and a board's kind and meeting never change");

export const boardsTable = defineTable('boards', {
  id: { sql: 'id', kind: 'text', merge: identity },
  name: { sql: 'name', kind: 'text', nullable: true, merge: 'field' },
  builtin: { sql: 'builtin', kind: 'text', nullable: true, merge: own },
  meetingId: { sql: 'meeting_id', kind: 'text', nullable: true, merge: own },
  columnField: { sql: 'column_field', kind: 'text', values: BOARD_FIELDS, merge: 'field' },
  swimlaneField: { sql: 'swimlane_field', kind: 'text', values: SWIMLANE_FIELDS, nullable: true, merge: 'field' },
  filter: { sql: 'filter', kind: 'text', merge: 'field' },
  wipLimits: { sql: 'wip_limits', kind: 'json', json: {} as Record<string, number>, merge: 'field' },
  position: { sql: 'position', kind: 'int', merge: 'field' },
  // Migration 004 (after position in the records, last in the table).
  sortBy: { sql: 'sort_by', kind: 'text', values: BOARD_SORTS, merge: 'field' },
  createdAt: { sql: 'created_at', kind: 'text', merge: created },
  updatedAt: { sql: 'updated_at', kind: 'text', merge: stamp },
});

export type BoardRow = RowOf<typeof boardsTable>;
/** A board as stored; the domain Board (db/model.ts) names built-in meeting boards `meeting` and drops bad WIP limits. */
export type BoardRecord = DomainOf<typeof boardsTable>;
export type ExchangeBoard = ExchangeOf<typeof boardsTable>;
