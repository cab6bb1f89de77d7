import { defineTable, notCarried, type RowOf } from './columns';

const byCode = notCarried('topics are matched by code; a topic new to the store is added with its names, known ones are kept');
const translated = notCarried('the domain Tag has the one name of the interface language (db/topics.ts tagName)');

/** The exchange file carries a topic as `{ id, code, names: { en, ru, kk, ky } }` (db/exchange.ts). */
export const tagsTable = defineTable('tags', {
  id: { sql: 'id', kind: 'text', merge: byCode },
  code: { sql: 'code', kind: 'text', merge: byCode },
  nameEn: { sql: 'name_en', kind: 'text', merge: byCode, domain: translated },
  nameRu: { sql: 'name_ru', kind: 'text', merge: byCode, domain: translated },
  nameKk: { sql: 'name_kk', kind: 'text', merge: byCode, domain: translated },
  nameKy: { sql: 'name_ky', kind: 'text', merge: byCode, domain: translated },
});

export type TagRow = RowOf<typeof tagsTable>;

/** Which instruction has which topic; the exchange carries it as each instruction's `tagIds`, the merge as `tags` (codes). */
export const instructionTagsTable = defineTable('instruction_tags', {
  instructionId: { sql: 'instruction_id', kind: 'text', merge: notCarried('merged as the instruction field `tags`') },
  tagId: { sql: 'tag_id', kind: 'text', merge: notCarried('merged as the instruction field `tags`, by topic code') },
});
