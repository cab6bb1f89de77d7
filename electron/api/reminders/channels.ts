// Reminders (issue 11): the Due panel, the day's digest, the store's reminder policy, an
// instruction's own policy or none, snooze, and the reminder letter to one lead organization.
import { z } from 'zod';
import type { DueDigest, DueView, InstructionReminders, ReminderPolicy } from '../../../db/model';
import { channel, empty, id, isoDate } from '../channel';
import { reportSignature } from '../profiles/channels';
import type { ExportJob } from '../reports/channels';

// Literal copies of db/model's values: the contract imports no runtime code from below.
const REMINDER_MODES = ['store', 'custom', 'none'] as const;
const MAX_DAYS = 60;
const days = z.number().int().min(1).max(MAX_DAYS);

export const reminderPolicy = z.strictObject({
  daysBefore: z.array(days).max(10),
  onTheDay: z.boolean(),
  overdueEvery: days.nullable(),
});

export interface LetterPreview {
  html: string;
  title: string;
  fileName: string;
  instructions: number;
}

const letterRequest = z.strictObject({
  organizationId: id,
  /** The head the letter is addressed to ("Министру …"), as typed. */
  addressee: z.string().max(300).optional(),
  outgoingNumber: z.string().max(60).optional(),
  letterDate: isoDate.optional(),
  signature: reportSignature.optional(),
});

export const reminderChannels = {
  /** Overdue, today, this week, next week, per lead organization (one organization with `organizationId`). */
  'reminders.due': channel<DueView>()(z.strictObject({ organizationId: id.optional() })),
  /** The day's digest: `show` is true for the day's first session only. */
  'reminders.digest': channel<DueDigest>()(empty),
  'reminders.policy': channel<ReminderPolicy>()(empty),
  'reminders.setPolicy': channel<ReminderPolicy>()(z.strictObject({ policy: reminderPolicy })),
  'reminders.instruction': channel<InstructionReminders>()(z.strictObject({ instructionId: id })),
  'reminders.setInstruction': channel<InstructionReminders>()(
    z.strictObject({ instructionId: id, mode: z.enum(REMINDER_MODES), policy: reminderPolicy.optional() }),
  ),
  /** Snoozes until a day, or for N working days; `until: null` ends the snooze. */
  'reminders.snooze': channel<InstructionReminders>()(
    z.union([
      z.strictObject({ instructionId: id, until: isoDate.nullable() }),
      z.strictObject({ instructionId: id, workingDays: days }),
    ]),
  ),
  'reminders.letterPreview': channel<LetterPreview>()(letterRequest),
  /** The letter as a file: DOCX, or PDF in the desktop app (the browser prints the preview). */
  'reminders.letter': channel<ExportJob>()(letterRequest.extend({ format: z.enum(['docx', 'pdf']) })),
} as const;
