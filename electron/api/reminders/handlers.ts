// The reminders channels over db/reminders.ts and, for the letter, the report service.
import type { StoreContext } from '../../../db/context';
import { getDueView, getInstructionReminders, getReminderPolicy, setInstructionReminders, setReminderPolicy, snoozeInstruction, takeDigest } from '../../../db/reminders';
import type { ReportService } from '../../services/reports/service';
import type { Handlers } from '../dispatch';
import type { reminderChannels } from './channels';

export function createReminderHandlers({ ctx, reports }: { ctx: StoreContext; reports: ReportService }): Pick<Handlers, keyof typeof reminderChannels> {
  return {
    'reminders.due': ({ organizationId }) => getDueView(ctx, organizationId === undefined ? {} : { organizationId }),
    'reminders.digest': () => takeDigest(ctx),
    'reminders.policy': () => getReminderPolicy(ctx),
    'reminders.setPolicy': ({ policy }) => setReminderPolicy(ctx, policy),
    'reminders.instruction': ({ instructionId }) => getInstructionReminders(ctx, instructionId),
    'reminders.setInstruction': ({ instructionId, mode, policy }) => setInstructionReminders(ctx, instructionId, mode, policy),
    'reminders.snooze': (input) =>
      snoozeInstruction(ctx, input.instructionId, 'workingDays' in input ? { workingDays: input.workingDays } : input.until === null ? null : { until: input.until }),
    'reminders.letterPreview': (input) => reports.letterPreview(input),
    'reminders.letter': (input) => reports.letter(input),
  };
}
