// Every table's columns, declared once (DESIGN.md, "Data model"). Pure: the contract and the team
// server may import it.
import { attachmentsTable } from './attachments';
import { boardsTable } from './boards';
import { coexecutorsTable } from './coexecutors';
import type { TableDecl } from './columns';
import { extensionsTable } from './extensions';
import { historyTable } from './history';
import { instructionsTable } from './instructions';
import { meetingsTable } from './meetings';
import { organizationsTable } from './organizations';
import { peopleTable } from './people';
import { profilesTable } from './profiles';
import { reportsTable } from './reports';
import { settingsTable } from './settings';
import { instructionTagsTable, tagsTable } from './tags';

export * from './columns';
export * from './attachments';
export * from './boards';
export * from './coexecutors';
export * from './extensions';
export * from './history';
export * from './instructions';
export * from './meetings';
export * from './organizations';
export * from './people';
export * from './profiles';
export * from './reports';
export * from './settings';
export * from './tags';

/** Every declared table, by SQL name. */
export const TABLES: Readonly<Record<string, TableDecl>> = {
  organizations: organizationsTable,
  people: peopleTable,
  meetings: meetingsTable,
  instructions: instructionsTable,
  coexecutors: coexecutorsTable,
  reports: reportsTable,
  extensions: extensionsTable,
  tags: tagsTable,
  instruction_tags: instructionTagsTable,
  history: historyTable,
  boards: boardsTable,
  settings: settingsTable,
  profiles: profilesTable,
  attachments: attachmentsTable,
};

/** Tables in the schema that are not declared here, and why. */
export const UNDECLARED_TABLES: Readonly<Record<string, string>> = {
  instruction_fts: 'the full-text index, kept by triggers from instructions and reports',
  instruction_search: 'the word-form search index (words and their stems), rebuilt by db/search-index.ts from instructions and reports',
  search_index_queue: 'the instructions whose row of instruction_search is to be rebuilt, queued by triggers',
  sqlite_sequence: "SQLite's own counter for history's AUTOINCREMENT",
};
