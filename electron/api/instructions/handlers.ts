// The instructions channels over db/instructions: the card and its detail, the workflow, progress
// reports and co-executors.
import { overdueCounter } from '../../../db/deadline-rule';
import type { StoreContext } from '../../../db/context';
import * as instructions from '../../../db/instructions';
import { listInstructionHistory } from '../../../db/history';
import type { Handlers } from '../dispatch';
import type { instructionChannels } from './channels';

export interface InstructionHandlerDeps {
  ctx: StoreContext;
}

export function createInstructionHandlers({ ctx }: InstructionHandlerDeps): Pick<Handlers, keyof typeof instructionChannels> {
  return {
    'instructions.get': ({ id }) => {
      const instruction = instructions.getInstruction(ctx, id);
      const extensions = instructions.listExtensions(ctx, id);
      const deadline = instructions.deriveDeadline(instruction, instructions.standingExtensions(extensions), ctx.today(), instructions.dueSoonDays(ctx));
      // Overdue in working days of the lead organization's calendar too.
      if (deadline.overdue && deadline.dueDate) deadline.overdueWorkingDays = overdueCounter(ctx, ctx.today())(instruction.leadOrgId, deadline.dueDate).workingDays;
      return {
        instruction,
        deadline,
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
    'instructions.changeDueDate': ({ id, dueDate, reason, expectedVersion, allowPast }) =>
      instructions.changeDueDate(ctx, id, dueDate, reason ?? null, expectedVersion, allowPast === true),
    'instructions.undoDueDateChange': ({ id, previousDate, expectedVersion }) => instructions.undoDueDateChange(ctx, id, previousDate, expectedVersion),
    'instructions.setControlNumberPattern': ({ pattern }) => ctx.transaction(() => instructions.setControlNumberPattern(ctx, pattern)),
    'instructions.controlNumberPattern': () => instructions.controlNumberPattern(ctx),
    'instructions.setTags': ({ id, tagIds, expectedVersion }) => instructions.setInstructionTags(ctx, id, tagIds, expectedVersion),
    'instructions.archive': ({ id, archived, expectedVersion }) => instructions.archiveInstruction(ctx, id, archived, expectedVersion),

    'reports.add': ({ instructionId, kind, body }) => instructions.addReport(ctx, instructionId, kind, body),
    'coexecutors.add': ({ instructionId, ...input }) => instructions.addCoexecutor(ctx, instructionId, input),
    'coexecutors.update': ({ id, patch }) => instructions.updateCoexecutor(ctx, id, patch),
    'coexecutors.remove': ({ id }) => {
      instructions.removeCoexecutor(ctx, id);
      return null;
    },
  };
}
