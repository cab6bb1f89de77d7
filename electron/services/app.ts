// The application core both shells run: the store, the settings the UI needs and the handler
// table. Electron's main process and the loopback server each own one of these.
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../db/store';
import { getSetting, setSetting } from '../../db/settings';
import { boardToOpen, hasInstructions } from '../../db/app-state';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { LANGUAGES, type AppInfo, type Language } from '../../db/model';
import { createHandlers } from '../api/handlers';
import type { Handlers } from '../api/dispatch';
import { fileTooLarge, MAX_IMPORT_BYTES, StagedFiles, type ShellFiles } from './intake/files';
import { createReportService, type ReportService, type ReportShell } from './reports/service';
import type { RenderInProcess } from './reports/jobs';
import { startRecoverableCore } from './recovery';
import { createRecoveryHandlers } from '../api/recovery/handlers';

export const APP_NAME = 'Ministry Action Tracker';
export const DATABASE_FILE_NAME = 'ministry-tracker.sqlite';

export interface AppConfig {
  dataDir: string;
  version: string;
  /** better-sqlite3 addon built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  /** The system's preferred languages, best first; the first supported one is the default. */
  preferredLanguages?: readonly string[];
  now?: () => Date;
  /** The shell's file dialogs, when the app runs inside Electron. */
  shellFiles?: ShellFiles;
  /** The bundled export worker (report-worker.cjs) exports render in, off the main thread. */
  reportWorker?: string;
  /** The bundled readout worker (readout-worker.cjs) pasted readouts are parsed in; without it, in this thread. */
  readoutWorker?: string;
  /** Instead of the worker, render exports in this thread (tests and benchmarks). */
  renderInProcess?: RenderInProcess;
  /** Save dialog and print engine, provided by the Electron shell; absent in browser mode. */
  reportShell?: ReportShell;
  /** When the full integrity check runs after the start (ms, once); 0 turns it off. */
  idleCheckAfterMs?: number;
}

/** Where files uploaded by the page in browser mode go (the loopback server's upload route). */
export interface UploadSink {
  maxBytes: number;
  accept(name: string, bytes: Uint8Array): unknown;
  tooLarge(size?: number): unknown;
}

export interface AppCore {
  store: Store;
  config: AppConfig;
  handlers: Handlers;
  uploads: UploadSink;
  reports: ReportService;
  info(): AppInfo;
  close(): void;
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
  let actor = defaultActor();
  const store = await openStore(file, { nativeBinding: config.nativeBinding, now: config.now, actor: () => actor });
  const ctx = store.ctx;
  actor = getSetting(ctx, 'actor', actor);
  const fallbackLanguage = pickLanguage(config.preferredLanguages);

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
      firstRun: choice === null && !hasInstructions(ctx),
      actor,
      today: ctx.today(),
      boardId: boardToOpen(ctx, lastBoard),
    };
  };

  const staging = new StagedFiles();
  const reports = createReportService({
    ctx,
    language: () => info().language,
    appVersion: config.version,
    workerFile: config.reportWorker,
    render: config.renderInProcess,
    shell: config.reportShell,
  });
  const core: AppCore = {
    store,
    config,
    info,
    uploads: { maxBytes: MAX_IMPORT_BYTES, accept: (name, bytes) => staging.stage(name, bytes), tooLarge: fileTooLarge },
    reports,
    handlers: {
      // The recovery core around this one answers these; over an open store they say 'ok'.
      ...createRecoveryHandlers({ status: () => ({ state: 'ok' }), check: () => ({ state: 'ok' }), restore: () => Promise.resolve({ state: 'ok' }) }),
      ...createHandlers({
      ctx,
      info,
      setActor: (name: string) => {
        actor = name;
        setSetting(ctx, 'actor', name);
      },
      staging,
      shellFiles: config.shellFiles,
      readoutWorker: config.readoutWorker,
      reports,
    }),
    },
    close: () => {
      reports.close();
      store.close();
    },
  };
  return core;
}
