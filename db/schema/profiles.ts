import { defineTable, notCarried, type DomainOf, type RowOf } from './columns';

const desk = notCarried("the officials of one desk sign with their profile; another copy's register carries the names as signed, in history, reports and extensions");

export const profilesTable = defineTable('profiles', {
  id: { sql: 'id', kind: 'text', exchange: desk },
  fullName: { sql: 'full_name', kind: 'text', exchange: desk },
  position: { sql: 'position', kind: 'text', exchange: desk },
  organization: { sql: 'organization', kind: 'text', exchange: desk },
  phone: { sql: 'phone', kind: 'text', exchange: desk },
  createdAt: { sql: 'created_at', kind: 'text', exchange: desk },
  updatedAt: { sql: 'updated_at', kind: 'text', exchange: desk },
});

export type ProfileRow = RowOf<typeof profilesTable>;
export type ProfileRecord = DomainOf<typeof profilesTable>;
