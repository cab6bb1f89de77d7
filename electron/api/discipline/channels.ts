// The execution-discipline dashboard (issue 11): the figures for a period, and the deadlines of a
// month or week for the calendar view (a deadline is changed there through instructions.changeDueDate).
import { z } from 'zod';
import type { DeadlineItem, DisciplineReport } from '../../../db/discipline';
import { channel, isoDate } from '../channel';

/** Literal copy of db/discipline PERIOD_BASES: the contract imports no runtime code from below. */
export const PERIOD_BASES = ['deadline', 'created'] as const;

/** A period and what puts an instruction in it; the store refuses a reversed or too long one with a reason. */
export const disciplinePeriod = z.strictObject({ from: isoDate, to: isoDate, basis: z.enum(PERIOD_BASES) });

/** A scope in the search language (none: every instruction not archived). */
const scope = { query: z.string().max(2000).optional() };

export const disciplineChannels = {
  'discipline.figures': channel<DisciplineReport>()(disciplinePeriod.extend(scope)),
  'discipline.deadlines': channel<DeadlineItem[]>()(z.strictObject({ from: isoDate, to: isoDate, ...scope })),
} as const;
