import { defineTable, notCarried, type DomainOf, type RowOf } from './columns';

/** Where an attachment may hang: a meeting, an instruction or a report. */
export const ATTACHMENT_OWNER_KINDS = ['meeting', 'instruction', 'report'] as const;
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];

// The plain JSON exchange file carries no attachments (it could not carry their files); the exchange
// package (a ZIP: the JSON document, attachments.json with these records, and the files named by
// their hash) carries every column, and its import adds the records it lacks and applies removals.
const packaged = notCarried(
  'carried by the exchange package (attachments.json beside the JSON document, with the files), not by the plain JSON file, which cannot hold the files',
);

export const attachmentsTable = defineTable('attachments', {
  id: { sql: 'id', kind: 'text', exchange: packaged },
  ownerKind: { sql: 'owner_kind', kind: 'text', values: ATTACHMENT_OWNER_KINDS, exchange: packaged },
  ownerId: { sql: 'owner_id', kind: 'text', exchange: packaged },
  fileName: { sql: 'file_name', kind: 'text', exchange: packaged },
  mediaType: { sql: 'media_type', kind: 'text', exchange: packaged },
  size: { sql: 'size', kind: 'int', exchange: packaged },
  sha256: { sql: 'sha256', kind: 'text', exchange: packaged },
  addedAt: { sql: 'added_at', kind: 'text', exchange: packaged },
  addedBy: { sql: 'added_by', kind: 'text', exchange: packaged },
  /** Set when the attachment was removed: the row stays (a tombstone), the file goes. */
  removedAt: { sql: 'removed_at', kind: 'text', nullable: true, exchange: packaged },
  removedBy: { sql: 'removed_by', kind: 'text', nullable: true, exchange: packaged },
});

export type AttachmentRow = RowOf<typeof attachmentsTable>;
export type AttachmentRecord = DomainOf<typeof attachmentsTable>;
