// The handler table: one plain-Node function per contract channel, over the store and the
// services. Each feature's handlers live next to its channels (`<feature>/handlers.ts`); the
// compiler checks that every channel has a handler and that each returns the contract's output.
import type { StoreContext } from '../../db/context';
import type { AppInfo } from '../../db/model';
import type { ShellFiles, StagedFiles } from '../services/intake/files';
import type { ReportService } from '../services/reports/service';
import type { Handlers } from './dispatch';
import { createAppHandlers } from './app/handlers';
import { createBoardHandlers } from './boards/handlers';
import { createInstructionHandlers } from './instructions/handlers';
import { createDirectoryHandlers } from './directory/handlers';
import { createMeetingHandlers } from './meetings/handlers';
import { createIntakeHandlers } from './intake/handlers';
import { createReportHandlers } from './reports/handlers';
import { createBackupHandlers, type BackupHandlerDeps } from './backups/handlers';
import { createProfileHandlers } from './profiles/handlers';
import { createCalendarHandlers } from './calendar/handlers';
import { createTeamHandlers } from './team/handlers';
import type { TeamSync } from '../services/team-sync';
import { createReminderHandlers } from './reminders/handlers';
import { createDisciplineHandlers } from './discipline/handlers';
import type { recoveryChannels } from './recovery/channels';
import { createAttachmentHandlers } from './attachments/handlers';
import type { AttachmentService } from '../services/attachments/service';

/** Every channel over the open store; the recovery channels are answered by the app core around it. */
export type StoreHandlers = Omit<Handlers, keyof typeof recoveryChannels>;

export interface HandlerDeps {
  ctx: StoreContext;
  info: () => AppInfo;
  setActor: (name: string) => void;
  /** The profile in use may have changed: the app core re-reads the name changes are signed with. */
  signed: () => void;
  /** Files handed to the app for an import. */
  staging: StagedFiles;
  /** The shell's file dialogs (Electron); browser mode has none and uploads files instead. */
  shellFiles?: ShellFiles;
  /** The bundled readout worker (readout-worker.cjs); without it a readout is parsed in this thread. */
  readoutWorker?: string;
  /** The bundled protocol worker (protocol-worker.cjs); without it a protocol file is read in this thread. */
  protocolWorker?: string;
  /** Reports and exports, wired by the app core to the shell (save dialog, print engine). */
  reports: ReportService;
  /** The backup service and the app core's restore. */
  backups: Pick<BackupHandlerDeps, 'backups' | 'restore' | 'restoreFiles'>;
  /** Attachments of meetings, instructions and reports. */
  attachments: AttachmentService;
  /** This desk's connection to a team server (the one for the store open now). */
  team: () => TeamSync;
}

export function createHandlers({ ctx, info, setActor, signed, staging, shellFiles, readoutWorker, protocolWorker, reports, backups, attachments, team }: HandlerDeps): StoreHandlers {
  const language = () => info().language;
  return {
    ...createAppHandlers({ ctx, info, setActor, signed }),
    ...createProfileHandlers({ ctx, info, signed }),
    ...createBoardHandlers({ ctx, language }),
    ...createInstructionHandlers({ ctx }),
    ...createDirectoryHandlers({ ctx, language }),
    ...createMeetingHandlers({ ctx }),
    ...createIntakeHandlers({ ctx, info, staging, shell: shellFiles, readoutWorker, protocolWorker, attachmentsDir: attachments.dir }),
    ...createReportHandlers(reports),
    ...createBackupHandlers({ ...backups, shell: shellFiles }),
    ...createAttachmentHandlers(attachments),
    ...createCalendarHandlers({ ctx }),
    ...createTeamHandlers(team),
    ...createReminderHandlers({ ctx, reports }),
    ...createDisciplineHandlers({ ctx }),
  };
}
