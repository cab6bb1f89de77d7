// Attachments of meetings, instructions and reports: attaching a received file (an upload, a file
// picked in the shell's dialog, or a file staged for an import, such as a scanned protocol), listing,
// removing (the file goes when no attachment refers to it any more), reading for a download, and
// opening in the system's viewer from a temporary copy, which only document and image types may.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreContext } from '../../../db/context';
import { StoreError } from '../../../db/errors';
import { FILE_MODE, FOLDER_MODE } from '../../../db/connection';
import { adoptFile, blobPath, hasBlob, removeBlob, storeBytes } from '../../../db/attachment-files';
import {
  addAttachment,
  getAttachment,
  isFileReferenced,
  listAttachments,
  removeAttachment,
  type Attachment,
  type AttachmentOwner,
} from '../../../db/attachments';
import type { ShellFiles, StagedFiles } from '../intake/files';
import { decideOpen, HEAD_BYTES, mediaTypeFor } from './media';
import type { AttachmentUploads } from './uploads';

export interface AttachmentServiceDeps {
  ctx: StoreContext;
  /** The attachments folder beside the store. */
  dir: string;
  uploads: AttachmentUploads;
  /** Files staged for an import (a protocol opened as a file) can be attached by their id too. */
  staging?: StagedFiles;
  shell?: ShellFiles;
  /** Where temporary copies to open are made; the system's temporary folder by default. */
  tempRoot?: string;
}

export interface AttachmentFile {
  attachment: Attachment;
  path: string;
}

export interface AttachmentService {
  /** The attachments folder beside the store. */
  readonly dir: string;
  list(owner: AttachmentOwner): Attachment[];
  /** Attaches a received or staged file to its owner. */
  add(owner: AttachmentOwner, fileId: string): Attachment;
  /** Electron: the shell's dialog picks a file, which is attached; null when cancelled. */
  pick(owner: AttachmentOwner): Promise<Attachment | null>;
  remove(id: string): void;
  /** The stored file of an attachment, for a download or a copy. */
  file(id: string): AttachmentFile;
  /** Electron: opens a temporary copy in the system's viewer; refused for anything but documents and images. */
  open(id: string): Promise<{ opened: boolean }>;
  /** Electron: saves a copy where the official chooses. */
  saveCopy(id: string): Promise<{ path: string | null }>;
}

function noShell(): StoreError {
  return new StoreError('unsupported', 'This copy of the app has no file dialogs (browser mode): the page sends and downloads files itself.', 'intake.noDialogs');
}

function fileMissing(attachment: Attachment): StoreError {
  return new StoreError(
    'not_found',
    `The file of “${attachment.fileName}” is missing from the attachments folder. Restore a backup that holds it.`,
    'attachmentFileMissing',
    { name: attachment.fileName },
  );
}

function readHead(file: string): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, head, 0, HEAD_BYTES, 0);
    return head.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

export function createAttachmentService({ ctx, dir, uploads, staging, shell, tempRoot }: AttachmentServiceDeps): AttachmentService {
  const file = (id: string): AttachmentFile => {
    const attachment = getAttachment(ctx, id);
    if (!hasBlob(dir, attachment.sha256, attachment.size)) throw fileMissing(attachment);
    return { attachment, path: blobPath(dir, attachment.sha256) };
  };

  /** Records the attachment of a file just stored; a file no attachment then refers to is removed again. */
  const attachStored = (owner: AttachmentOwner, name: string, sha256: string, size: number, existed: boolean): Attachment => {
    try {
      return addAttachment(ctx, { owner, fileName: name, mediaType: mediaTypeFor(name), size, sha256 });
    } catch (err) {
      if (!existed && !isFileReferenced(ctx, sha256)) removeBlob(dir, sha256);
      throw err;
    }
  };

  const add = (owner: AttachmentOwner, fileId: string): Attachment => {
    const received = uploads.take(fileId);
    if (received) {
      const existed = hasBlob(dir, received.sha256, received.size);
      try {
        adoptFile(dir, received.temp, received.sha256);
      } finally {
        fs.rmSync(received.temp, { force: true });
      }
      return attachStored(owner, received.name, received.sha256, received.size, existed);
    }
    if (staging) {
      const staged = staging.get(fileId);
      const sha256 = crypto.createHash('sha256').update(staged.bytes).digest('hex');
      const existed = hasBlob(dir, sha256, staged.size);
      storeBytes(dir, staged.bytes);
      return attachStored(owner, staged.name, sha256, staged.size, existed);
    }
    throw new StoreError('not_found', 'The file is no longer waiting to be attached. Choose it again.', 'attachmentFileGone');
  };

  return {
    dir,
    list: (owner) => listAttachments(ctx, owner),
    add,
    pick: async (owner) => {
      if (!shell) throw noShell();
      const chosen = await shell.pickFile({ filters: [] });
      if (chosen === null) return null;
      const received = await uploads.fromPath(chosen);
      return add(owner, received.fileId);
    },
    remove: (id) => {
      const { attachment, fileStillUsed } = removeAttachment(ctx, id);
      if (!fileStillUsed) removeBlob(dir, attachment.sha256);
    },
    file,
    open: async (id) => {
      if (!shell?.openPath) throw noShell();
      const { attachment, path: stored } = file(id);
      const decision = decideOpen(attachment.fileName, attachment.mediaType, readHead(stored));
      if (!decision.open) {
        throw decision.reason === 'type'
          ? new StoreError(
              'unsupported',
              `“${attachment.fileName}” is not a document or image the app opens (programs and scripts are never opened). Save a copy instead.`,
              'attachmentNotOpenable',
              { name: attachment.fileName },
            )
          : new StoreError(
              'unsupported',
              `“${attachment.fileName}” is not what its name says (its contents are not a document or image of that type), so it is not opened. Save a copy instead.`,
              'attachmentContentMismatch',
              { name: attachment.fileName },
            );
      }
      const folder = fs.mkdtempSync(path.join(tempRoot ?? os.tmpdir(), 'ministry-tracker-open-'));
      fs.chmodSync(folder, FOLDER_MODE);
      const copy = path.join(folder, attachment.fileName);
      fs.copyFileSync(stored, copy);
      fs.chmodSync(copy, FILE_MODE & 0o400);
      const problem = await shell.openPath(copy);
      if (problem !== '') {
        throw new StoreError('io_error', `“${attachment.fileName}” could not be opened: ${problem}`, 'attachmentOpenFailed', { name: attachment.fileName, reason: problem });
      }
      return { opened: true };
    },
    saveCopy: async (id) => {
      if (!shell?.saveCopy) throw noShell();
      const { attachment, path: stored } = file(id);
      return { path: await shell.saveCopy({ suggestedName: attachment.fileName, source: stored }) };
    },
  };
}
