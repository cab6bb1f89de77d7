// The backup channels over the backup service and the app core's restore (which closes the store,
// replaces it and reopens the app on the restored data).
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../../../db/errors';
import { FILE_MODE, makeFolder } from '../../../db/connection';
import { unreachable } from '../../../db/backups';
import type { BackupService } from '../../services/backups';
import { MAX_IMPORT_BYTES, type ShellFiles, type StagedFiles } from '../../services/intake/files';
import type { Handlers } from '../dispatch';
import type { backupChannels, BackupsView, RestoreOutcome } from './channels';

export interface BackupHandlerDeps {
  backups: BackupService;
  /** Closes the store, restores `file` over it (backing the current one up first) and reopens the app. */
  restore: (file: string) => Promise<RestoreOutcome>;
  /** Where a file handed over by the page or the dialog is written before it is restored. */
  dataDir: string;
  staging: StagedFiles;
  shell?: ShellFiles;
}


export function createBackupHandlers({ backups, restore, dataDir, staging, shell }: BackupHandlerDeps): Pick<Handlers, keyof typeof backupChannels> {
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

  const restoreBytes = async (bytes: Uint8Array): Promise<RestoreOutcome> => {
    const temp = path.join(dataDir, `.restore-${process.pid}-${Date.now()}.sqlite`);
    fs.writeFileSync(temp, bytes, { mode: FILE_MODE });
    try {
      return await restore(temp);
    } finally {
      fs.rmSync(temp, { force: true });
    }
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
      const file = await shell.openFile({ filters: [{ name: 'SQLite', extensions: ['sqlite', 'db', 'bak'] }], maxBytes: MAX_IMPORT_BYTES });
      return file ? staging.stage(file.name, file.bytes) : null;
    },
    'backups.restoreFile': async ({ fileId }) => {
      const file = staging.get(fileId);
      try {
        return await restoreBytes(file.bytes);
      } finally {
        staging.discard(fileId);
      }
    },
  };
}
