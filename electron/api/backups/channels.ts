// Backups of the store: the list in the backup folder, a backup now, the folder setting, and
// restoring a backup from the list or a file chosen anywhere (the shell's dialog, or the page's
// upload in browser mode).
import { z } from 'zod';
import type { StagedFileInfo } from '../../../db/intake-types';
import type { ErrorParams } from '../../../db/errors';
import { channel, empty, id } from '../channel';

export interface BackupEntry {
  /** The file's name in the backup folder: what backups.restore takes. */
  name: string;
  /** ISO timestamp (UTC). */
  createdAt: string;
  /** daily, manual, before-import, before-merge, before-restore, before-migration … */
  reason: string;
  size: number;
  instructions: number | null;
}

export interface BackupFailure {
  at: string;
  reason: string;
  folder: string;
  message: string;
  key?: string;
  params?: ErrorParams;
}

export interface BackupsView {
  folder: string;
  defaultFolder: boolean;
  backups: BackupEntry[];
  /** The last backup that could not be made (scheduled or not), until one succeeds. */
  lastError: BackupFailure | null;
}

export interface RestoreOutcome {
  restoredFrom: string;
  /** The name of the 'before-restore' backup of the replaced store, to restore it back. */
  safetyBackup: string | null;
  /** Attachment files the restored data refers to that were not found beside the backup (0 when all came back). */
  attachmentsMissing?: number;
}

export const backupChannels = {
  'backups.list': channel<BackupsView>()(empty),
  'backups.create': channel<BackupsView>()(empty),
  'backups.setFolder': channel<BackupsView>()(z.strictObject({ folder: z.string().trim().min(1).max(4096).nullable() })),
  'backups.restore': channel<RestoreOutcome>()(z.strictObject({ name: z.string().min(1).max(300) })),
  'backups.openFile': channel<StagedFileInfo | null>()(empty),
  'backups.restoreFile': channel<RestoreOutcome>()(z.strictObject({ fileId: id })),
} as const;
