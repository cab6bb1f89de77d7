// The application core both shells run: the store, the settings the UI needs and the handler
// table. Electron's main process and the loopback server each own one of these.
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../db/store';
import type { CloseReport } from '../../db/connection';
import { getSetting, setSetting } from '../../db/settings';
import { currentProfile } from '../../db/profiles';
import { boardToOpen, hasInstructions } from '../../db/app-state';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { LANGUAGES, type AppInfo, type Language } from '../../db/model';
import { createHandlers } from '../api/handlers';
import type { Handlers } from '../api/dispatch';
import { fileTooLarge, MAX_IMPORT_BYTES, StagedFiles, type ShellFiles } from './intake/files';
import { createReportService, type ReportService, type ReportShell } from './reports/service';
import type { RenderInProcess } from './reports/jobs';
import { restoreBackup, rotateBackups, verifyCopy } from '../../db/backups';
import { createBackupService, type BackupService, type Every } from './backups';
import type { RestoreOutcome } from '../api/backups/channels';
import { CHANNELS } from '../api/contract';
import { StoreError } from '../../db/errors';
import { startRecoverableCore } from './recovery';
import { RestoreFiles } from './restore-files';
import { createRecoveryHandlers } from '../api/recovery/handlers';
import { attachmentsDirFor, sweepBlobs } from '../../db/attachment-files';
import { referencedFiles } from '../../db/attachments';
import { AttachmentUploads } from './attachments/uploads';
import { createAttachmentService, type AttachmentFile } from './attachments/service';
import { TeamSync } from './team-sync';
import { ChangeSignal } from './change-signal';

export const APP_NAME = 'Ministry Action Tracker';
export const DATABASE_FILE_NAME = 'ministry-tracker.sqlite';

export interface AppConfig {
  dataDir: string;
  version: string;
  /** better-sqlite3 addon built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  /** The check worker bundle: the check on open is stopped after a few seconds (db/integrity.ts). */
  checkWorker?: string;
  /** The system's preferred languages, best first; the first supported one is the default. */
  preferredLanguages?: readonly string[];
  now?: () => Date;
  /** The shell's file dialogs, when the app runs inside Electron. */
  shellFiles?: ShellFiles;
  /** The bundled export worker (report-worker.cjs) exports render in, off the main thread. */
  reportWorker?: string;
  /** The bundled readout worker (readout-worker.cjs) pasted readouts are parsed in; without it, in this thread. */
  readoutWorker?: string;
  /** The bundled protocol worker (protocol-worker.cjs) protocol files are read in; without it, in this thread. */
  protocolWorker?: string;
  /** Instead of the worker, render exports in this thread (tests and benchmarks). */
  renderInProcess?: RenderInProcess;
  /** Save dialog and print engine, provided by the Electron shell; absent in browser mode. */
  reportShell?: ReportShell;
  /** The 24-hour backup timer (tests drive their own); a real interval by default. */
  backupTimer?: Every;
  /** When the full integrity check runs after the start (ms, once); 0 turns it off. */
  idleCheckAfterMs?: number;
}

/** Where files uploaded by the page in browser mode go (the loopback server's upload route). */
export interface UploadSink {
  maxBytes: number;
  accept(name: string, bytes: Uint8Array): unknown;
  tooLarge(size?: number): unknown;
}

/** Backup files the page sends for a restore (browser mode): streamed to disk, never held in memory. */
export interface RestoreUploadSink {
  receive(name: string, body: AsyncIterable<Buffer>, declaredSize?: number): Promise<unknown>;
}

export interface AppCore {
  store: Store;
  config: AppConfig;
  handlers: Handlers;
  uploads: UploadSink;
  restoreUploads: RestoreUploadSink;
  /** Files the page sends to be attached (browser mode): streamed to the attachments folder. */
  attachmentUploads: RestoreUploadSink;
  /** An attachment's stored file, for browser mode's download. */
  attachmentFile(id: string): AttachmentFile;
  reports: ReportService;
  backups: BackupService;
  info(): AppInfo;
  /** Stops the schedules and closes the store; the report says whether the last write finished. */
  close(): CloseReport;
}

function defaultActor(): string {
  try {
    return os.userInfo().username || 'user';
  } catch {
    return 'user';
  }
}

export function pickLanguage(preferred: readonly string[] | undefined): Language {
  for (const tag of preferred ?? []) {
    const base = tag.toLowerCase().split(/[-_]/)[0] as Language;
    if ((LANGUAGES as readonly string[]).includes(base)) return base;
  }
  return 'en';
}

/**
 * Starts the app core. A damaged data file (or one that is not ours) does not stop the start: the
 * core then runs without its store and offers the backups (electron/services/recovery.ts).
 */
export async function startAppCore(config: AppConfig): Promise<AppCore> {
  const file = path.join(config.dataDir, DATABASE_FILE_NAME);
  return startRecoverableCore(config, { file, open: openAppCore, language: () => pickLanguage(config.preferredLanguages) });
}

async function openAppCore(config: AppConfig): Promise<AppCore> {
  const file = path.join(config.dataDir, DATABASE_FILE_NAME);
  // The name every change is signed with: the desk's profile in use; before any profile was given
  // (a store from before profiles), the name set with app.setActor, else the login name.
  let actor = defaultActor();
  const openOptions = { nativeBinding: config.nativeBinding, checkWorker: config.checkWorker, now: config.now, actor: () => actor };
  let store = await openStore(file, openOptions);
  // The current store: a restore replaces it, and everything below reads it through these.
  let ctx = store.ctx;
  const signed = (): void => {
    actor = currentProfile(ctx)?.fullName ?? getSetting(ctx, 'actor', defaultActor());
  };
  signed();
  const fallbackLanguage = pickLanguage(config.preferredLanguages);
  const now = config.now ?? (() => new Date());

  const info = (): AppInfo => {
    const choice = getSetting<string | null>(ctx, 'startChoice', null);
    const lastBoard = getSetting<string | null>(ctx, 'lastBoardId', null);
    return {
      name: APP_NAME,
      version: config.version,
      schemaVersion: SCHEMA_VERSION,
      dataDir: config.dataDir,
      databaseFile: file,
      language: getSetting<Language>(ctx, 'language', fallbackLanguage),
      languageChosen: getSetting<Language | null>(ctx, 'language', null) !== null,
      firstRun: choice === null && !hasInstructions(ctx),
      actor,
      profile: currentProfile(ctx),
      today: ctx.today(),
      boardId: boardToOpen(ctx, lastBoard),
    };
  };

  const staging = new StagedFiles();
  const restoreFiles = new RestoreFiles(config.dataDir);
  const attachmentsDir = attachmentsDirFor(file);
  const attachmentUploads = new AttachmentUploads(() => attachmentsDir);
  // Files no attachment refers to any more (removed while the app was closed, left by a restore or
  // an interrupted upload) are removed at the start; every backup keeps its own copies.
  const sweep = (): void => {
    try {
      sweepBlobs(attachmentsDir, referencedFiles(ctx));
    } catch {
      // an unreadable folder is met again, with its message, when a file is opened
    }
  };
  sweep();
  const attachmentService = () =>
    createAttachmentService({ ctx, dir: attachmentsDir, uploads: attachmentUploads, staging, shell: config.shellFiles });
  const backups = createBackupService({ ctx: () => ctx, dataFile: file, now, every: config.backupTimer });
  const makeReports = (): ReportService =>
    createReportService({
      ctx,
      language: () => info().language,
      appVersion: config.version,
      workerFile: config.reportWorker,
      render: config.renderInProcess,
      shell: config.reportShell,
      attachmentsDir: attachmentsDirFor(file),
    });

  /** Closes the store, puts the backup in its place (the current store backed up first) and reopens the app on it. */
  const restore = async (backupFile: string): Promise<RestoreOutcome> => {
    verifyCopy(backupFile, path.basename(backupFile)); // a bad file is refused before the store is touched
    await backups.idle();
    const folder = backups.folder();
    const defaultFolder = backups.isDefaultFolder();
    // While the store is closed every other request is answered, not run against a closed connection.
    const busy = (): never => {
      throw new StoreError('conflict', 'A backup is being restored; try again in a moment. Nothing was changed.', 'restoreInProgress');
    };
    Object.assign(core.handlers, Object.fromEntries(CHANNELS.map((name) => [name, busy])));
    core.reports.close();
    const { lock } = store.closeKeepingLock();
    let outcome: RestoreOutcome | undefined;
    let failure: unknown;
    try {
      const result = await restoreBackup(file, backupFile, { backupsDir: folder, now: now() });
      outcome = {
        restoredFrom: path.basename(backupFile),
        safetyBackup: result.safetyBackup === null ? null : path.basename(result.safetyBackup),
        attachmentsMissing: result.attachmentsMissing,
      };
    } catch (err) {
      failure = err;
    }
    // Restored or not, the app goes on with the file now in place, under the same lock.
    store = await openStore(file, { ...openOptions, lock: lock ?? undefined });
    ctx = store.ctx;
    team.stop();
    team = new TeamSync(ctx, config.dataDir, { changes: teamChanges });
    team.start();
    signed();
    // The backup folder is this machine's choice, not part of the data: the restored store keeps
    // using the folder the 'before-restore' backup went to, so the restore can be undone from the list.
    if (backups.folder() !== folder) backups.setFolder(defaultFolder ? null : folder);
    core.store = store;
    core.reports = makeReports();
    // The transports hold this very object: its handlers now see the reopened store.
    Object.assign(core.handlers, makeHandlers(core.reports));
    if (failure !== undefined) throw failure;
    try {
      rotateBackups(folder, now());
    } catch {
      // the listing reports an unreadable folder
    }
    return outcome as RestoreOutcome;
  };

  const makeHandlers = (reports: ReportService): Handlers => {
    const handlers: Handlers = {
      // The recovery core around this one answers these; over an open store they say 'ok'.
      ...createRecoveryHandlers({ status: () => ({ state: 'ok' }), check: () => ({ state: 'ok' }), restore: () => Promise.resolve({ state: 'ok' }) }),
      ...createHandlers({
      ctx,
      info,
      setActor: (name: string) => {
        setSetting(ctx, 'actor', name);
        signed();
      },
      signed,
      staging,
      shellFiles: config.shellFiles,
      readoutWorker: config.readoutWorker,
      protocolWorker: config.protocolWorker,
      reports,
      backups: { backups, restore, restoreFiles },
      attachments: attachmentService(),
      team: () => team,
      }),
    };
    // A verified backup before every import and merge; if it cannot be made, the operation is refused.
    const guard = <K extends 'intake.readoutCommit' | 'intake.listCommit' | 'intake.exchangeCommit'>(name: K, reason: string): void => {
      const inner = handlers[name] as (input: unknown) => unknown;
      (handlers as Record<string, (input: unknown) => unknown>)[name] = async (input: unknown) => {
        await backups.create(reason);
        return inner(input);
      };
    };
    guard('intake.readoutCommit', 'before-import');
    guard('intake.listCommit', 'before-import');
    guard('intake.exchangeCommit', 'before-merge');
    return handlers;
  };

  // A desk signed in to a team server keeps in step with it while the app runs; one never signed in does nothing.
  // The change signal outlives a restore (which makes a new TeamSync), so the renderer's wait goes on.
  const teamChanges = new ChangeSignal();
  let team = new TeamSync(ctx, config.dataDir, { changes: teamChanges });
  team.start();
  const reports = makeReports();
  const core: AppCore = {
    store,
    config,
    info,
    uploads: { maxBytes: MAX_IMPORT_BYTES, accept: (name, bytes) => staging.stage(name, bytes), tooLarge: fileTooLarge },
    restoreUploads: { receive: (name, body, declaredSize) => restoreFiles.receive(name, body, declaredSize) },
    attachmentUploads: { receive: (name, body, declaredSize) => attachmentUploads.receive(name, body, declaredSize) },
    attachmentFile: (id) => attachmentService().file(id),
    reports,
    backups,
    handlers: makeHandlers(reports),
    close: () => {
      team.stop();
      backups.stop();
      core.reports.close();
      restoreFiles.clear();
      attachmentUploads.clear();
      return core.store.close();
    },
  };
  await backups.start();
  return core;
}
