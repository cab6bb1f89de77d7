// Attachments of meetings, instructions and reports (issue 12). A file reaches the app first (the
// page's upload to /upload/attachment in browser mode, the shell's dialog in Electron, or a file
// staged for an import) and is then attached by its id; attachments.add is also what the protocol
// import calls to attach a scanned protocol to its meeting.
import { z } from 'zod';
import { ATTACHMENT_OWNER_KINDS, type AttachmentRecord } from '../../../db/schema/attachments';
import { channel, id } from '../channel';

/** An attachment as listed: name, size, type, when and by whom it was added. */
export type AttachmentView = Omit<AttachmentRecord, 'removedAt' | 'removedBy'>;

const owner = z.strictObject({ kind: z.enum(ATTACHMENT_OWNER_KINDS), id });

export const attachmentChannels = {
  'attachments.list': channel<AttachmentView[]>()(z.strictObject({ owner })),
  /** Attaches a received file (an upload's or the dialog's id) or a file staged for an import (its fileId). */
  'attachments.add': channel<AttachmentView>()(z.strictObject({ owner, fileId: id })),
  /** Electron: picks a file in the shell's dialog and attaches it; null when cancelled. */
  'attachments.pick': channel<AttachmentView | null>()(z.strictObject({ owner })),
  'attachments.remove': channel<null>()(z.strictObject({ id })),
  /** Electron: opens a temporary copy in the system's viewer (documents and images only). */
  'attachments.open': channel<{ opened: boolean }>()(z.strictObject({ id })),
  /** Electron: saves a copy where the official chooses. */
  'attachments.saveCopy': channel<{ path: string | null }>()(z.strictObject({ id })),
} as const;
