import { created, defineTable, identity, stamp, type DomainOf, type ExchangeOf, type RowOf } from './columns';

export const meetingsTable = defineTable('meetings', {
  id: { sql: 'id', kind: 'text', merge: identity },
  title: { sql: 'title', kind: 'text', merge: 'field' },
  heldOn: { sql: 'held_on', kind: 'text', nullable: true, merge: 'field' },
  place: { sql: 'place', kind: 'text', nullable: true, merge: 'field' },
  participants: { sql: 'participants', kind: 'text', nullable: true, merge: 'field' },
  protocolNumber: { sql: 'protocol_number', kind: 'text', nullable: true, merge: 'field' },
  sourceText: { sql: 'source_text', kind: 'text', nullable: true, merge: 'field' },
  isDemo: { sql: 'is_demo', kind: 'bool', merge: 'field' },
  createdAt: { sql: 'created_at', kind: 'text', merge: created },
  updatedAt: { sql: 'updated_at', kind: 'text', merge: stamp },
});

export type MeetingRow = RowOf<typeof meetingsTable>;
export type MeetingRecord = DomainOf<typeof meetingsTable>;
export type ExchangeMeeting = ExchangeOf<typeof meetingsTable>;
