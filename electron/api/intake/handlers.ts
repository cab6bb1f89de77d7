// The intake channels: files staged by the shell's dialog or the page's upload, each import a
// preview that stores nothing and a commit that stores everything in one transaction. The work is
// done by electron/services/intake; this file wires it to the channels.
import type { StoreContext } from '../../../db/context';
import { StoreError } from '../../../db/errors';
import { listOrganizations } from '../../../db/organizations';
import { namesOf } from '../../../db/organization-names';
import { listTagRows } from '../../../db/topics';
import { applyMerge, previewMerge } from '../../../db/merge';
import type { AppInfo } from '../../../db/model';
import { exchangeContentOf } from '../../services/attachments/package';
import { isFileReferenced, mergeAttachmentRecords } from '../../../db/attachments';
import { hasBlob, removeBlob, storeBytes } from '../../../db/attachment-files';
import { MAX_IMPORT_BYTES, type FileFilter, type ShellFiles, type StagedFiles } from '../../services/intake/files';
import { commitList, previewList } from '../../services/intake/lists/index';
import { commitReadout } from '../../services/intake/readout/commit';
import { MAX_READOUT_CHARS } from '../../services/intake/readout/index';
import { createReadoutParser } from '../../services/intake/readout/run';
import { readProtocol } from '../../services/intake/protocol/read';
import { createProtocolFileReader } from '../../services/intake/protocol/run';
import type { Handlers } from '../dispatch';
import type { intakeChannels } from './channels';

export interface IntakeHandlerDeps {
  ctx: StoreContext;
  info: () => AppInfo;
  staging: StagedFiles;
  shell?: ShellFiles;
  /** The bundled readout worker (readout-worker.cjs); without it a readout is parsed in this thread. */
  readoutWorker?: string;
  /** The bundled protocol worker (protocol-worker.cjs); without it a protocol file is read in this thread. */
  protocolWorker?: string;
  /** The attachments folder, where an exchange package's files go. */
  attachmentsDir?: string;
}

const FILTERS: Record<'list' | 'exchange' | 'protocol' | 'csv', Record<'en' | 'ru', FileFilter[]>> = {
  protocol: {
    en: [{ name: 'Protocols (Word, PDF)', extensions: ['docx', 'pdf'] }],
    ru: [{ name: 'Протоколы (Word, PDF)', extensions: ['docx', 'pdf'] }],
  },
  list: {
    en: [{ name: 'Lists (CSV, Excel)', extensions: ['csv', 'txt', 'xlsx'] }],
    ru: [{ name: 'Списки (CSV, Excel)', extensions: ['csv', 'txt', 'xlsx'] }],
  },
  exchange: {
    en: [{ name: 'Exchange files (JSON, or a package with attachments)', extensions: ['json', 'zip'] }],
    ru: [{ name: 'Файлы обмена (JSON или пакет с вложениями)', extensions: ['json', 'zip'] }],
  },
  csv: {
    en: [{ name: 'CSV', extensions: ['csv'] }],
    ru: [{ name: 'CSV', extensions: ['csv'] }],
  },
};

function noDialogs(): StoreError {
  return new StoreError('unsupported', 'This copy of the app has no file dialogs (browser mode): the page sends and downloads files itself.', 'intake.noDialogs');
}

export function createIntakeHandlers({ ctx, info, staging, shell, readoutWorker, protocolWorker, attachmentsDir }: IntakeHandlerDeps): Pick<Handlers, keyof typeof intakeChannels> {
  const parseReadout = createReadoutParser(readoutWorker);
  const readProtocolFile = createProtocolFileReader(protocolWorker);
  const lang = (): 'en' | 'ru' => (info().language === 'en' ? 'en' : 'ru');
  return {
    'intake.capabilities': () => ({ nativeDialogs: shell !== undefined, maxFileBytes: MAX_IMPORT_BYTES, maxReadoutChars: MAX_READOUT_CHARS }),
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
        // Every name an organization goes by (official and short, in each language) is matched.
        organizations: listOrganizations(ctx).map((o) => ({ id: o.id, name: o.name, shortName: o.shortName, country: o.country, names: namesOf(o) })),
        tags: listTagRows(ctx).map((t) => ({ id: t.id, code: t.code })),
      }),
    'intake.protocolRead': ({ fileId }) => readProtocol(ctx, staging.get(fileId), readProtocolFile),
    'intake.readoutCommit': (input) => commitReadout(ctx, input),
    'intake.listPreview': (input) => previewList(ctx, staging.get(input.fileId), input),
    'intake.listCommit': async (input) => {
      const result = await commitList(ctx, staging.get(input.fileId), input);
      staging.discard(input.fileId);
      return result;
    },
    'intake.exchangePreview': async ({ fileId }) => {
      const file = staging.get(fileId);
      const content = await exchangeContentOf(file);
      const plan = previewMerge(ctx, content.document);
      const count = content.package?.attachments.filter((a) => a.removedAt === null).length ?? 0;
      return { fileId, fileName: file.name, ...plan, changes: plan.changes || count > 0, attachments: { inPackage: content.package !== null, count } };
    },
    'intake.exchangeCommit': async ({ fileId, choices }) => {
      const content = await exchangeContentOf(staging.get(fileId));
      const pkg = content.package;
      if (!pkg) {
        const result = applyMerge(ctx, content.document, choices);
        staging.discard(fileId);
        return result;
      }
      if (!attachmentsDir) throw new StoreError('unsupported', 'This copy of the app keeps no attachments. Nothing was imported.', 'attachmentsUnavailable');
      // Every file was checked against its hash when the package was read; they are stored first
      // (a file is never referenced before it is there), and those the import then does not use go again.
      const written = [...pkg.files].filter(([sha256, bytes]) => !hasBlob(attachmentsDir, sha256, bytes.byteLength)).map(([sha256]) => sha256);
      // Files of attachments the other desk removed go here too once nothing refers to them.
      const removed = pkg.attachments.filter((a) => a.removedAt !== null).map((a) => a.sha256);
      try {
        for (const [, bytes] of pkg.files) storeBytes(attachmentsDir, bytes);
        const result = ctx.transaction(() => {
          const merged = applyMerge(ctx, content.document, choices);
          const attached = mergeAttachmentRecords(ctx, pkg.attachments);
          return { ...merged, changed: merged.changed || attached.added + attached.removed > 0, attachmentsAdded: attached.added };
        });
        staging.discard(fileId);
        return result;
      } finally {
        for (const sha256 of new Set([...written, ...removed])) if (!isFileReferenced(ctx, sha256)) removeBlob(attachmentsDir, sha256);
      }
    },
  };
}
