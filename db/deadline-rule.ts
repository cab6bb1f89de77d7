// The deadline rule, in one place: a deadline set or derived on a day that is not a working day of
// the lead organization's calendar moves to the previous working day, while the store's setting
// `deadlines.moveToPreviousWorkingDay` is on (the default). Every path that sets a deadline (a new
// instruction, a deadline change or extension, a co-executor's deadline, imports, the demo, the
// due dates of periodic instructions) calls applyDeadlineRule, and the UI asks the same function
// (channel `calendar.previewDeadline`) to tell the official where the date went and why.
import { addWorkingDays, adjustDeadline, describeDay, overdue, type DayReason, type HolidayKey } from './calendars';
import type { StoreContext } from './context';
import type { IsoDate } from './model';
import { calendarForOrganization, movesOffNonWorking } from './working-calendar';

export interface RuledDeadline {
  /** The deadline that stands. */
  date: IsoDate;
  /** The date asked for, when the rule moved the deadline off it. */
  movedFrom?: IsoDate;
  /** Why the date asked for is not a working day. */
  reason?: DayReason;
  /** The holiday the date asked for is (or is observed for). */
  holiday?: HolidayKey;
  /** The name the store's calendar edits gave the day off. */
  label?: string;
}

/**
 * The deadline that stands for `date` under the rule, on the calendar of `leadOrgId` (the store's
 * default country when there is none). A move that would land before `notBefore` (the meeting that
 * gave the instruction) keeps the date asked for. A date the calendars cannot reckon with is kept.
 */
export function applyDeadlineRule(ctx: StoreContext, date: IsoDate, leadOrgId: string | null | undefined, notBefore?: IsoDate | null): RuledDeadline {
  const calendar = calendarForOrganization(ctx, leadOrgId ?? null);
  const adjusted = adjustDeadline(calendar, date, { moveOffNonWorking: movesOffNonWorking(ctx) });
  if (!adjusted.ok || adjusted.value.movedFrom === undefined) return { date };
  if (notBefore && adjusted.value.date < notBefore) return { date };
  const ruled: RuledDeadline = { date: adjusted.value.date, movedFrom: date };
  if (adjusted.value.reason) ruled.reason = adjusted.value.reason;
  const day = describeDay(calendar, date);
  if (day.ok) {
    if (day.value.holiday) ruled.holiday = day.value.holiday;
    if (day.value.label) ruled.label = day.value.label;
  }
  return ruled;
}

/** The date of the meeting that gave an instruction: a deadline never moves before it. */
export function meetingDate(ctx: StoreContext, meetingId: string | null | undefined): IsoDate | null {
  if (!meetingId) return null;
  const row = ctx.stmt('SELECT held_on FROM meetings WHERE id = ?').get(meetingId) as { held_on: string | null } | undefined;
  return row?.held_on ?? null;
}

/** How long a deadline is overdue, in working days of the lead organization's calendar and in calendar days. */
export interface OverdueDays {
  workingDays: number;
  calendarDays: number;
}

/**
 * A counter of overdue days on `today` for many deadlines at once (a board, a report): calendars
 * are looked up once per organization and each (country, date) is counted once.
 */
export function overdueCounter(ctx: StoreContext, today: IsoDate): (leadOrgId: string | null, due: IsoDate) => OverdueDays {
  const calendars = new Map<string | null, ReturnType<typeof calendarForOrganization>>();
  const counted = new Map<string, OverdueDays>();
  return (leadOrgId, due) => {
    let calendar = calendars.get(leadOrgId);
    if (!calendar) {
      calendar = calendarForOrganization(ctx, leadOrgId);
      calendars.set(leadOrgId, calendar);
    }
    const key = `${calendar.country}|${due}`;
    let days = counted.get(key);
    if (!days) {
      const result = overdue(calendar, due, today);
      days = result.ok ? result.value : { workingDays: 0, calendarDays: 0 };
      counted.set(key, days);
    }
    return days;
  };
}

/**
 * «In N working days» from `from` (the meeting date) on the lead organization's calendar: the Nth
 * working day after it (`from` itself does not count); N = 3 is an urgent instruction's deadline.
 * Null when the count is out of range or no calendar can reckon it.
 */
export function workingDaysFrom(ctx: StoreContext, from: IsoDate, n: number, leadOrgId: string | null | undefined): IsoDate | null {
  const result = addWorkingDays(calendarForOrganization(ctx, leadOrgId ?? null), from, n);
  return result.ok ? result.value : null;
}
