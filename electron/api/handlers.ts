// The handler table: one plain-Node function per contract channel, over the store. The compiler
// checks that every channel has a handler and that each returns the contract's output type.
import type { StoreContext } from '../../db/context';
import { StoreError } from '../../db/errors';
import { setSetting } from '../../db/settings';
import type { AppInfo, Language } from '../../db/model';
import * as catalog from '../../db/catalog';
import * as instructions from '../../db/instructions';
import * as boards from '../../db/boards';
import { listInstructionHistory } from '../../db/history';
import { loadDemo } from '../services/demo/seed';
import { createIntakeHandlers, type ShellFiles } from '../services/intake/handlers';
import type { StagedFiles } from '../services/intake/files';
import { createReportService, type ReportService } from '../services/reports/service';
import type { Handlers } from './dispatch';

export interface HandlerDeps {
  ctx: StoreContext;
  info: () => AppInfo;
  setActor: (name: string) => void;
  /** Files handed to the app for an import. */
  staging: StagedFiles;
  /** The shell's file dialogs (Electron); browser mode has none and uploads files instead. */
  shellFiles?: ShellFiles;
  readoutWorker?: string;
  /** Reports and exports; the app core passes one wired to the shell (save dialog, print engine). */
  reports?: ReportService;
}

export function createHandlers({ ctx, info, setActor, staging, shellFiles, readoutWorker, reports: givenReports }: HandlerDeps): Handlers {
  const language = (): Language => info().language;
  const reports = givenReports ?? createReportService({ ctx, language, appVersion: info().version });

  return {
    'app.info': () => info(),
    'app.setLanguage': ({ language: lang }) => {
      setSetting(ctx, 'language', lang);
      return info();
    },
    'app.setActor': ({ name }) => {
      setActor(name);
      return info();
    },
    'app.rememberBoard': ({ boardId }) => {
      boards.getBoard(ctx, boardId);
      setSetting(ctx, 'lastBoardId', boardId);
      return null;
    },
    'app.chooseStart': ({ choice }) => {
      ctx.transaction(() => {
        if (!info().firstRun) {
          throw new StoreError('conflict', 'The start was already chosen; the data was left as it is.', 'startAlreadyChosen');
        }
        if (choice === 'demo') loadDemo(ctx, language());
        setSetting(ctx, 'startChoice', choice);
      });
      return info();
    },

    'boards.list': () => boards.listBoards(ctx),
    'boards.view': ({ boardId, search }) => boards.getBoardView(ctx, boardId, search ?? '', language()),
    'boards.create': (input) => boards.createBoard(ctx, input),
    'boards.update': ({ id, patch }) => boards.updateBoard(ctx, id, patch),
    'boards.duplicate': ({ id, name }) => boards.duplicateBoard(ctx, id, name),
    'boards.delete': ({ id }) => {
      boards.deleteBoard(ctx, id);
      return null;
    },

    'instructions.get': ({ id }) => {
      const instruction = instructions.getInstruction(ctx, id);
      const extensions = instructions.listExtensions(ctx, id);
      return {
        instruction,
        deadline: instructions.deriveDeadline(instruction, extensions.length, ctx.today(), instructions.dueSoonDays(ctx)),
        coexecutors: instructions.listCoexecutors(ctx, id),
        reports: instructions.listReports(ctx, id),
        extensions,
        tagIds: instructions.listInstructionTagIds(ctx, id),
        history: listInstructionHistory(ctx, id),
        today: ctx.today(),
      };
    },
    'instructions.create': (input) => instructions.createInstruction(ctx, input),
    'instructions.update': ({ id, patch, expectedVersion }) => instructions.updateInstruction(ctx, id, patch, expectedVersion),
    'instructions.move': (input) => instructions.moveInstruction(ctx, input),
    'instructions.setStatus': ({ id, status, report, reason, expectedVersion }) =>
      instructions.changeStatus(ctx, id, status, { report, reason, expectedVersion }),
    'instructions.changeDueDate': ({ id, dueDate, reason, expectedVersion }) =>
      instructions.changeDueDate(ctx, id, dueDate, reason ?? null, expectedVersion),
    'instructions.setTags': ({ id, tagIds, expectedVersion }) => instructions.setInstructionTags(ctx, id, tagIds, expectedVersion),
    'instructions.archive': ({ id, archived, expectedVersion }) => instructions.archiveInstruction(ctx, id, archived, expectedVersion),

    'reports.add': ({ instructionId, kind, body }) => instructions.addReport(ctx, instructionId, kind, body),
    'coexecutors.add': ({ instructionId, ...input }) => instructions.addCoexecutor(ctx, instructionId, input),
    'coexecutors.update': ({ id, patch }) => instructions.updateCoexecutor(ctx, id, patch),
    'coexecutors.remove': ({ id }) => {
      instructions.removeCoexecutor(ctx, id);
      return null;
    },

    'organizations.list': () => catalog.listOrganizations(ctx),
    'organizations.create': (input) => catalog.createOrganization(ctx, input),
    'organizations.update': ({ id, patch }) => catalog.updateOrganization(ctx, id, patch),
    'organizations.merge': ({ duplicateId, survivorId }) => catalog.mergeOrganizations(ctx, duplicateId, survivorId),

    'people.list': () => catalog.listPeople(ctx),
    'people.create': (input) => catalog.createPerson(ctx, input),
    'people.update': ({ id, patch }) => catalog.updatePerson(ctx, id, patch),
    'people.merge': ({ duplicateId, survivorId }) => catalog.mergePeople(ctx, duplicateId, survivorId),

    'meetings.list': () => catalog.listMeetings(ctx),
    'meetings.get': ({ id }) => catalog.getMeeting(ctx, id),
    'meetings.create': (input) =>
      ctx.transaction(() => {
        const meeting = catalog.createMeeting(ctx, input);
        boards.ensureBuiltinBoards(ctx);
        return meeting;
      }),
    'meetings.update': ({ id, patch }) => catalog.updateMeeting(ctx, id, patch),

    'tags.list': () => catalog.listTags(ctx, language()),

    ...createIntakeHandlers({ ctx, info, staging, shell: shellFiles, readoutWorker }),
    'reports.options': () => reports.options(),
    'reports.preview': (input) => reports.preview(input),
    'reports.start': (input) => reports.start(input),
    'reports.job': ({ jobId }) => reports.job(jobId),
    'reports.cancel': ({ jobId }) => reports.cancel(jobId),
    'reports.save': ({ jobId }) => reports.save(jobId),
    'reports.print': ({ jobId }) => reports.print(jobId),
  };
}
