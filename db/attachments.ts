// Which file is attached to what (migration 009). The files themselves are content-addressed
// beside the store (db/attachment-files.ts); a row names its file by SHA-256, so the same bytes
// attached to two owners are one file. Removing sets removed_at/removed_by (the row stays, so an
// exchange package that still lists it does not bring it back) and writes a history row; the caller
// deletes the file once removeAttachment says no live row refers to it any more.
import { newId, type StoreContext } from './context';
import { recordChange } from './history';
import { StoreError } from './errors';
import { ATTACHMENT_OWNER_KINDS, attachmentsTable, toDomain, type AttachmentOwnerKind, type AttachmentRecord, type AttachmentRow } from './schema/index';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB, isSha256 } from './attachment-files';

/** An attachment as the UI lists it (a row that is not removed). */
export type Attachment = Omit<AttachmentRecord, 'removedAt' | 'removedBy'>;

export interface AttachmentOwner {
  kind: AttachmentOwnerKind;
  id: string;
}

export interface NewAttachment {
  owner: AttachmentOwner;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

const toRecord = toDomain(attachmentsTable);

function visible(record: AttachmentRecord): Attachment {
  const { removedAt: _removedAt, removedBy: _removedBy, ...rest } = record;
  return rest;
}

export function attachmentTooLarge(size?: number): StoreError {
  const sizeMb = size === undefined ? undefined : Math.ceil(size / 1024 / 1024);
  return new StoreError(
    'too_large',
    `The file is too large${sizeMb ? ` (${sizeMb} MB)` : ''} to attach: the limit is ${MAX_ATTACHMENT_MB} MB. Nothing was attached.`,
    'attachmentTooLarge',
    { limitMb: MAX_ATTACHMENT_MB, ...(sizeMb ? { sizeMb } : {}) },
  );
}

const OWNER_SQL: Record<AttachmentOwnerKind, string> = {
  meeting: 'SELECT NULL AS instruction_id FROM meetings WHERE id = ?',
  instruction: 'SELECT id AS instruction_id FROM instructions WHERE id = ?',
  report: 'SELECT instruction_id FROM reports WHERE id = ?',
};

/** The owner's instruction (for its history), or undefined when the owner does not exist. */
function ownerInstruction(ctx: StoreContext, owner: AttachmentOwner): { instructionId: string | null } | undefined {
  const row = ctx.stmt(OWNER_SQL[owner.kind]).get(owner.id) as { instruction_id: string | null } | undefined;
  return row ? { instructionId: row.instruction_id } : undefined;
}

function ownerMissing(owner: AttachmentOwner): StoreError {
  return new StoreError('not_found', `The ${owner.kind} to attach the file to no longer exists. Nothing was attached.`, 'attachmentOwnerNotFound', { kind: owner.kind });
}

/** The file's own name, without folders or control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base)
    .filter((ch) => ch >= ' ' && ch !== '\u007f')
    .join('')
    .trim()
    .slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

/** Records an attachment of a stored file to its owner, with a history row. */
export function addAttachment(ctx: StoreContext, input: NewAttachment): Attachment {
  if (!(ATTACHMENT_OWNER_KINDS as readonly string[]).includes(input.owner.kind)) throw ownerMissing(input.owner);
  if (input.size > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(input.size);
  if (!isSha256(input.sha256)) throw new StoreError('validation', 'The file could not be identified. Nothing was attached.', 'attachmentInvalid');
  return ctx.transaction(() => {
    const owner = ownerInstruction(ctx, input.owner);
    if (!owner) throw ownerMissing(input.owner);
    const id = newId();
    const fileName = cleanFileName(input.fileName);
    ctx
      .stmt('INSERT INTO attachments (id, owner_kind, owner_id, file_name, media_type, size, sha256, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.owner.kind, input.owner.id, fileName, input.mediaType.slice(0, 200) || 'application/octet-stream', input.size, input.sha256, ctx.timestamp(), ctx.actor());
    recordChange(ctx, { entity: 'attachment', entityId: id, instructionId: owner.instructionId, field: 'attachment', oldValue: null, newValue: fileName });
    return getAttachment(ctx, id);
  });
}

/** The owner's attachments that are not removed, in the order they were added. */
export function listAttachments(ctx: StoreContext, owner: AttachmentOwner): Attachment[] {
  const rows = ctx.stmt('SELECT * FROM attachments WHERE owner_kind = ? AND owner_id = ? AND removed_at IS NULL ORDER BY added_at, id').all(owner.kind, owner.id) as AttachmentRow[];
  return rows.map((r) => visible(toRecord(r)));
}

export function getAttachment(ctx: StoreContext, id: string): Attachment {
  const row = ctx.stmt('SELECT * FROM attachments WHERE id = ? AND removed_at IS NULL').get(id) as AttachmentRow | undefined;
  if (!row) throw new StoreError('not_found', 'This attachment no longer exists (it was removed).', 'attachmentNotFound');
  return visible(toRecord(row));
}

/** Whether an attachment that is not removed refers to the file with this hash. */
export function isFileReferenced(ctx: StoreContext, sha256: string): boolean {
  return ctx.stmt('SELECT 1 FROM attachments WHERE sha256 = ? AND removed_at IS NULL LIMIT 1').get(sha256) !== undefined;
}

/** The hashes of every file an attachment that is not removed refers to. */
export function referencedFiles(ctx: StoreContext): Set<string> {
  return new Set((ctx.stmt('SELECT DISTINCT sha256 FROM attachments WHERE removed_at IS NULL').all() as { sha256: string }[]).map((r) => r.sha256));
}

/**
 * Removes an attachment (its row is kept as removed, with a history row). Returns it and whether
 * its file is still referenced by another attachment (if not, the caller deletes the file).
 */
export function removeAttachment(ctx: StoreContext, id: string): { attachment: Attachment; fileStillUsed: boolean } {
  return ctx.transaction(() => {
    const attachment = getAttachment(ctx, id);
    ctx.stmt('UPDATE attachments SET removed_at = ?, removed_by = ? WHERE id = ?').run(ctx.timestamp(), ctx.actor(), id);
    const owner = ownerInstruction(ctx, { kind: attachment.ownerKind, id: attachment.ownerId });
    recordChange(ctx, {
      entity: 'attachment',
      entityId: id,
      instructionId: owner?.instructionId ?? null,
      field: 'attachment',
      oldValue: attachment.fileName,
      newValue: null,
    });
    return { attachment, fileStillUsed: isFileReferenced(ctx, attachment.sha256) };
  });
}

/** Every attachment record, removed ones included, for the exchange package. */
export function allAttachmentRecords(ctx: StoreContext): AttachmentRecord[] {
  return (ctx.stmt('SELECT * FROM attachments ORDER BY added_at, id').all() as AttachmentRow[]).map(toRecord);
}

export interface AttachmentMergeResult {
  added: number;
  removed: number;
  /** Records whose meeting, instruction or report is not in this store (not added). */
  withoutOwner: number;
}

/**
 * Brings the records of an exchange package in (inside the import's transaction): a record this
 * store lacks is added when its owner is here; one removed on the other side is removed here too.
 * A removal here is never undone by the other side's record.
 */
export function mergeAttachmentRecords(ctx: StoreContext, records: readonly AttachmentRecord[]): AttachmentMergeResult {
  const result: AttachmentMergeResult = { added: 0, removed: 0, withoutOwner: 0 };
  for (const r of records) {
    const local = ctx.stmt('SELECT removed_at FROM attachments WHERE id = ?').get(r.id) as { removed_at: string | null } | undefined;
    if (local) {
      if (local.removed_at === null && r.removedAt !== null) {
        ctx.stmt('UPDATE attachments SET removed_at = ?, removed_by = ? WHERE id = ?').run(r.removedAt, r.removedBy, r.id);
        result.removed++;
      }
      continue;
    }
    if (!ownerInstruction(ctx, { kind: r.ownerKind, id: r.ownerId })) {
      result.withoutOwner++;
      continue;
    }
    ctx
      .stmt(
        'INSERT INTO attachments (id, owner_kind, owner_id, file_name, media_type, size, sha256, added_at, added_by, removed_at, removed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(r.id, r.ownerKind, r.ownerId, cleanFileName(r.fileName), r.mediaType, r.size, r.sha256, r.addedAt, r.addedBy, r.removedAt, r.removedBy);
    if (r.removedAt === null) result.added++;
  }
  return result;
}
