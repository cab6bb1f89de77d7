import { defineTable, notCarried } from './columns';

const local = notCarried("one desk's preferences (language, last board, …), not the register's facts");

export const settingsTable = defineTable('settings', {
  key: { sql: 'key', kind: 'text', exchange: local, domain: local },
  value: { sql: 'value', kind: 'text', exchange: local, domain: local },
});
