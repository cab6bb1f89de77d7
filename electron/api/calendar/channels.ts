// Working days and periodic instructions: the production calendars (settings, a year's days off,
// the store's edits), the deadline rule as the UI previews it, and the periods of an instruction.
import { z } from 'zod';
import type { CalendarEdits, CalendarYearData, CountryCode, DayInfo, YearStatus } from '../../../db/calendars/types';
import type { RuledDeadline } from '../../../db/deadline-rule';
import type { InstructionPeriod } from '../../../db/periods';
import { channel, empty, id, isoDate, nullable, version } from '../channel';

export type { RuledDeadline } from '../../../db/deadline-rule';
export type { InstructionPeriod } from '../../../db/periods';

export interface CalendarSettings {
  /** The calendar of organizations without a known country. */
  defaultCountry: CountryCode;
  /** A deadline on a day off moves to the previous working day. */
  moveToPreviousWorkingDay: boolean;
}

export interface CalendarYearView {
  country: CountryCode;
  year: number;
  /** Null when the app ships no data for the year (weekends only, plus edits). */
  status: YearStatus | null;
  sources: CalendarYearData['sources'];
  notes: CalendarYearData['notes'];
  /** Every day of the year that is not an ordinary weekday or weekend: holidays, observed days, transfers, edits. */
  days: DayInfo[];
  /** The store's edits of the country's calendar (all years). */
  edits: CalendarEdits;
}

/** Which calendar an organization's deadlines follow: its country's, or the default when its country is not one the app has a calendar for. */
export interface OrganizationCalendar {
  organizationId: string;
  /** The calendar country its country field names ("Kyrgyzstan", "Кыргызстан", "KG"), null when none or another country. */
  country: CountryCode | null;
  /** The calendar followed: `country`, or the store's default. */
  follows: CountryCode;
}

const country = z.enum(['KG', 'KZ']);
const label = z.string().max(200);

export const calendarChannels = {
  'calendar.settings': channel<CalendarSettings>()(empty),
  'calendar.setSettings': channel<CalendarSettings>()(
    z.strictObject({ defaultCountry: country.optional(), moveToPreviousWorkingDay: z.boolean().optional() }),
  ),
  /** The calendar every organization follows, with the store's default for those without a known country. */
  'calendar.organizations': channel<{ defaultCountry: CountryCode; organizations: OrganizationCalendar[] }>()(empty),
  'calendar.year': channel<CalendarYearView>()(z.strictObject({ country, year: z.number().int().min(1900).max(2200) })),
  /** Adds or removes one day of the store's edits; a bad edit is refused with what is wrong. */
  'calendar.edit': channel<CalendarYearView>()(
    z.strictObject({
      country,
      year: z.number().int().min(1900).max(2200),
      action: z.enum(['addNonWorking', 'removeNonWorking', 'addWorking', 'removeWorking', 'undo']),
      date: isoDate,
      label: label.optional(),
    }),
  ),
  'calendar.previewDeadline': channel<RuledDeadline>()(z.strictObject({ date: isoDate, leadOrgId: nullable(id).optional(), meetingId: nullable(id).optional() })),
  'calendar.workingDaysFrom': channel<{ date: string | null }>()(
    z.strictObject({ from: isoDate, days: z.number().int().min(0).max(3650), leadOrgId: nullable(id).optional() }),
  ),
  'periods.list': channel<InstructionPeriod[]>()(z.strictObject({ instructionId: id })),
  'instructions.setRecurrence': channel<InstructionPeriod[]>()(
    z.strictObject({ id, recurrence: nullable(z.string().max(500)), expectedVersion: version.optional() }),
  ),
} as const;
