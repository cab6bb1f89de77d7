// The intake channels: files staged by the shell's dialog or the page's upload, each import a
// preview that stores nothing and a commit that stores everything in one transaction.
import type { StoreContext } from '../../../db/context';
import { StoreError } from '../../../db/errors';
import { listOrganizations, listTagRows } from '../../../db/catalog';
import { applyMerge, previewMerge } from '../../../db/merge';
import type { AppInfo } from '../../../db/model';
import type { ChannelName } from '../../api/contract';
import type { Handlers } from '../../api/dispatch';
import { exchangeDocumentOf } from './exchange';
import { MAX_IMPORT_BYTES, type StagedFiles } from './files';
import { commitList, previewList } from './lists/index';
import { commitReadout } from './readout/commit';
import { createReadoutParser } from './readout/run';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What the Electron shell provides: its own open and save dialogs. Browser mode has none. */
export interface ShellFiles {
  /** Lets the official pick a file and reads it; null when cancelled. A file over `maxBytes` is refused before it is read. */
  openFile(options: { filters: FileFilter[]; maxBytes: number }): Promise<{ name: string; bytes: Uint8Array } | null>;
  /** Lets the official pick where to save and writes the file there atomically; null when cancelled. */
  saveFile(options: { suggestedName: string; filters: FileFilter[]; content: string }): Promise<string | null>;
}

export interface IntakeDeps {
  ctx: StoreContext;
  info: () => AppInfo;
  staging: StagedFiles;
  shell?: ShellFiles;
  /** The bundled readout worker (readout-worker.cjs); without it a readout is parsed in this thread. */
  readoutWorker?: string;
}

export type IntakeChannel = Extract<ChannelName, `intake.${string}`>;

const FILTERS: Record<'list' | 'exchange' | 'csv', Record<'en' | 'ru', FileFilter[]>> = {
  list: {
    en: [{ name: 'Lists (CSV, Excel)', extensions: ['csv', 'txt', 'xlsx'] }],
    ru: [{ name: 'Списки (CSV, Excel)', extensions: ['csv', 'txt', 'xlsx'] }],
  },
  exchange: {
    en: [{ name: 'Exchange files (JSON)', extensions: ['json'] }],
    ru: [{ name: 'Файлы обмена (JSON)', extensions: ['json'] }],
  },
  csv: {
    en: [{ name: 'CSV', extensions: ['csv'] }],
    ru: [{ name: 'CSV', extensions: ['csv'] }],
  },
};

function noDialogs(): StoreError {
  return new StoreError('unsupported', 'This copy of the app has no file dialogs (browser mode): the page sends and downloads files itself.', 'intake.noDialogs');
}

export function createIntakeHandlers({ ctx, info, staging, shell, readoutWorker }: IntakeDeps): Pick<Handlers, IntakeChannel> {
  const parseReadout = createReadoutParser(readoutWorker);
  const lang = (): 'en' | 'ru' => (info().language === 'en' ? 'en' : 'ru');
  return {
    'intake.capabilities': () => ({ nativeDialogs: shell !== undefined, maxFileBytes: MAX_IMPORT_BYTES }),
    'intake.openFile': async ({ purpose }) => {
      if (!shell) throw noDialogs();
      const file = await shell.openFile({ filters: FILTERS[purpose][lang()], maxBytes: MAX_IMPORT_BYTES });
      return file ? staging.stage(file.name, file.bytes) : null;
    },
    'intake.discardFile': ({ fileId }) => {
      staging.discard(fileId);
      return null;
    },
    'intake.saveText': async ({ suggestedName, content }) => {
      if (!shell) throw noDialogs();
      const path = await shell.saveFile({ suggestedName, filters: FILTERS.csv[lang()], content });
      return path === null ? null : { path };
    },
    'intake.readoutParse': ({ text }) =>
      parseReadout(text, {
        organizations: listOrganizations(ctx),
        tags: listTagRows(ctx).map((t) => ({ id: t.id, code: t.code })),
      }),
    'intake.readoutCommit': (input) => commitReadout(ctx, input),
    'intake.listPreview': (input) => previewList(ctx, staging.get(input.fileId), input),
    'intake.listCommit': async (input) => {
      const result = await commitList(ctx, staging.get(input.fileId), input);
      staging.discard(input.fileId);
      return result;
    },
    'intake.exchangePreview': ({ fileId }) => {
      const file = staging.get(fileId);
      return { fileId, fileName: file.name, ...previewMerge(ctx, exchangeDocumentOf(file)) };
    },
    'intake.exchangeCommit': ({ fileId, choices }) => {
      const result = applyMerge(ctx, exchangeDocumentOf(staging.get(fileId)), choices);
      staging.discard(fileId);
      return result;
    },
  };
}
