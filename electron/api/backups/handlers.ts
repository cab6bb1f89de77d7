// The backup channels over the backup service and the app core's restore (which closes the store,
// replaces it and reopens the app on the restored data).
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../../../db/errors';
import { makeFolder } from '../../../db/connection';
import { unreachable } from '../../../db/backups';
import type { BackupService } from '../../services/backups';
import type { ShellFiles } from '../../services/intake/files';
import type { RestoreFiles } from '../../services/restore-files';
import type { Handlers } from '../dispatch';
import type { backupChannels, BackupsView, RestoreOutcome } from './channels';

export interface BackupHandlerDeps {
  backups: BackupService;
  /** Closes the store, restores `file` over it (backing the current one up first) and reopens the app. */
  restore: (file: string) => Promise<RestoreOutcome>;
  /** Backup files chosen in the dialog or sent by the page, by path (never read into memory). */
  restoreFiles: RestoreFiles;
  shell?: ShellFiles;
}


export function createBackupHandlers({ backups, restore, restoreFiles, shell }: BackupHandlerDeps): Pick<Handlers, keyof typeof backupChannels> {
  const view = (): BackupsView => {
    const folder = backups.folder();
    let listed: BackupsView['backups'] = [];
    let lastError = backups.lastError();
    try {
      listed = backups.list().map((b) => ({ name: b.name, createdAt: b.createdAt.toISOString(), reason: b.reason, size: b.size, instructions: b.instructions }));
    } catch (err) {
      // An unreadable folder is shown on the screen, with the folder setting to change it.
      if (!(err instanceof StoreError)) throw err;
      lastError ??= { at: new Date().toISOString(), reason: 'list', folder, message: err.message, ...(err.key ? { key: err.key } : {}), ...(err.params ? { params: err.params } : {}) };
    }
    return { folder, defaultFolder: backups.isDefaultFolder(), backups: listed, lastError };
  };

  return {
    'backups.list': () => view(),
    'backups.create': async () => {
      await backups.create('manual');
      return view();
    },
    'backups.setFolder': ({ folder }) => {
      if (folder !== null) {
        if (!path.isAbsolute(folder)) {
          throw new StoreError('validation', `The backup folder must be a full path (${folder}).`, 'backupFolderNotAbsolute', { folder });
        }
        try {
          makeFolder(folder);
          fs.accessSync(folder, fs.constants.W_OK);
        } catch (err) {
          throw unreachable(folder, err);
        }
      }
      backups.setFolder(folder);
      return view();
    },
    'backups.restore': ({ name }) => {
      const found = backups.list().find((b) => b.name === name);
      if (!found) throw new StoreError('not_found', `There is no backup “${name}” in ${backups.folder()}.`, 'backupNotFound', { name });
      return restore(found.file);
    },
    'backups.openFile': async () => {
      if (!shell) throw new StoreError('unsupported', 'This copy of the app has no file dialogs (browser mode): the page sends and downloads files itself.', 'intake.noDialogs');
      const file = await shell.pickFile({ filters: [{ name: 'SQLite', extensions: ['sqlite', 'db', 'bak'] }] });
      return file === null ? null : restoreFiles.chosen(file);
    },
    'backups.restoreFile': async ({ fileId }) => {
      const file = restoreFiles.get(fileId);
      try {
        return await restore(file.path);
      } finally {
        restoreFiles.discard(fileId);
      }
    },
  };
}
