import { defineTable, notCarried, type DomainOf, type ExchangeOf, type RowOf } from './columns';

const decided = notCarried('a recorded extension never changes: the merge only adds extensions');
const withdrawn = notCarried('written with the extension when the merge adds it; a withdrawal made on another desk after this store took the extension is not merged (the merge only adds extensions)');

export const extensionsTable = defineTable('extensions', {
  id: { sql: 'id', kind: 'text', merge: decided },
  instructionId: { sql: 'instruction_id', kind: 'text', merge: decided },
  oldDate: { sql: 'old_date', kind: 'text', nullable: true, merge: decided },
  newDate: { sql: 'new_date', kind: 'text', merge: decided },
  reason: { sql: 'reason', kind: 'text', merge: decided },
  decidedBy: { sql: 'decided_by', kind: 'text', merge: decided },
  createdAt: { sql: 'created_at', kind: 'text', merge: decided },
  /** Set when the deadline change was undone: the extension no longer stands (never deleted). */
  withdrawnAt: { sql: 'withdrawn_at', kind: 'text', nullable: true, merge: withdrawn },
  withdrawnBy: { sql: 'withdrawn_by', kind: 'text', nullable: true, merge: withdrawn },
});

export type ExtensionRow = RowOf<typeof extensionsTable>;
export type ExtensionRecord = DomainOf<typeof extensionsTable>;
export type ExchangeExtension = ExchangeOf<typeof extensionsTable>;
