// Working days and periodic instructions over the store (db/working-calendar.ts, db/deadline-rule.ts, db/periods.ts).
import { calendarYears, describeDay, validateEdits, type CalendarEdits, type CountryCode } from '../../../db/calendars';
import type { StoreContext } from '../../../db/context';
import { addDays } from '../../../db/dates';
import { applyDeadlineRule, meetingDate, workingDaysFrom } from '../../../db/deadline-rule';
import { StoreError } from '../../../db/errors';
import { listPeriods, refreshAllPeriods, setRecurrence } from '../../../db/periods';
import { getSetting, setSetting } from '../../../db/settings';
import {
  CALENDAR_EDITS_KEY_PREFIX,
  DEFAULT_COUNTRY_KEY,
  MOVE_OFF_NON_WORKING_KEY,
  calendarForCountry,
  defaultCountry,
  movesOffNonWorking,
  organizationCalendars,
} from '../../../db/working-calendar';
import type { Handlers } from '../dispatch';
import type { CalendarSettings, CalendarYearView, calendarChannels } from './channels';

export interface CalendarHandlerDeps {
  ctx: StoreContext;
}

function settings(ctx: StoreContext): CalendarSettings {
  return { defaultCountry: defaultCountry(ctx), moveToPreviousWorkingDay: movesOffNonWorking(ctx) };
}

function storedEdits(ctx: StoreContext, country: CountryCode): CalendarEdits {
  const checked = validateEdits(getSetting<unknown>(ctx, CALENDAR_EDITS_KEY_PREFIX + country, null));
  return checked.ok ? checked.value : { nonWorking: { add: [], remove: [] }, workingDays: { add: [], remove: [] } };
}

function yearView(ctx: StoreContext, country: CountryCode, year: number): CalendarYearView {
  const calendar = calendarForCountry(ctx, country);
  const data = calendarYears(country).find((y) => y.year === year);
  const days = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    const day = describeDay(calendar, d);
    if (day.ok && day.value.reason !== 'weekday' && day.value.reason !== 'weekend') days.push(day.value);
  }
  return {
    country,
    year,
    status: data?.status ?? null,
    sources: data?.sources ?? [],
    notes: data?.notes ?? [],
    days,
    edits: storedEdits(ctx, country),
  };
}

type EditAction = 'addNonWorking' | 'removeNonWorking' | 'addWorking' | 'removeWorking' | 'undo';

/** One change of the store's edits, checked (validateEdits) before it is stored. */
function edit(ctx: StoreContext, country: CountryCode, action: EditAction, date: string, label: string | undefined): void {
  const edits = storedEdits(ctx, country);
  const drop = (list: { date: string }[] | string[]) => (list as (string | { date: string })[]).filter((x) => (typeof x === 'string' ? x : x.date) !== date);
  const next: CalendarEdits = {
    nonWorking: { add: drop(edits.nonWorking.add) as CalendarEdits['nonWorking']['add'], remove: drop(edits.nonWorking.remove) as string[] },
    workingDays: { add: drop(edits.workingDays.add) as CalendarEdits['workingDays']['add'], remove: drop(edits.workingDays.remove) as string[] },
  };
  const base = describeDay(calendarForCountry(ctx, country), date);
  if (!base.ok) throw new StoreError('validation', base.error.message, 'calendarInvalidDate', { date });
  const text = label?.trim() ?? '';
  const needLabel = () => {
    if (text === '') throw new StoreError('validation', 'Name the day (for example "Regional holiday").', 'calendarLabelRequired', { date });
  };
  switch (action) {
    case 'addNonWorking':
      needLabel();
      if (!base.value.working && base.value.reason !== 'edit-non-working') {
        throw new StoreError('validation', `${date} is already a day off.`, 'calendarAlreadyOff', { date });
      }
      next.nonWorking.add.push({ date, label: text });
      break;
    case 'addWorking':
      needLabel();
      if (base.value.working && base.value.reason !== 'edit-working') {
        throw new StoreError('validation', `${date} is already a working day.`, 'calendarAlreadyWorking', { date });
      }
      next.workingDays.add.push({ date, label: text });
      break;
    case 'removeNonWorking':
      if (!edits.nonWorking.add.some((a) => a.date === date)) next.nonWorking.remove.push(date);
      break;
    case 'removeWorking':
      if (!edits.workingDays.add.some((a) => a.date === date)) next.workingDays.remove.push(date);
      break;
    case 'undo':
      break;
  }
  const checked = validateEdits(next);
  if (!checked.ok) throw new StoreError('validation', checked.error.message, 'calendarInvalidEdits', { date });
  setSetting(ctx, CALENDAR_EDITS_KEY_PREFIX + country, checked.value);
}

export function createCalendarHandlers({ ctx }: CalendarHandlerDeps): Pick<Handlers, keyof typeof calendarChannels> {
  return {
    'calendar.settings': () => settings(ctx),
    'calendar.setSettings': (input) =>
      ctx.transaction(() => {
        if (input.defaultCountry !== undefined) setSetting(ctx, DEFAULT_COUNTRY_KEY, input.defaultCountry);
        if (input.moveToPreviousWorkingDay !== undefined) setSetting(ctx, MOVE_OFF_NON_WORKING_KEY, input.moveToPreviousWorkingDay);
        refreshAllPeriods(ctx);
        return settings(ctx);
      }),
    'calendar.organizations': () => ({ defaultCountry: defaultCountry(ctx), organizations: organizationCalendars(ctx) }),
    'calendar.year': ({ country, year }) => yearView(ctx, country, year),
    'calendar.edit': ({ country, year, action, date, label }) =>
      ctx.transaction(() => {
        edit(ctx, country, action, date, label);
        // Open periods' due dates follow the edited calendar.
        refreshAllPeriods(ctx);
        return yearView(ctx, country, year);
      }),
    'calendar.previewDeadline': ({ date, leadOrgId, meetingId }) => applyDeadlineRule(ctx, date, leadOrgId ?? null, meetingDate(ctx, meetingId)),
    'calendar.workingDaysFrom': ({ from, days, leadOrgId }) => {
      const date = workingDaysFrom(ctx, from, days, leadOrgId);
      return { date: date === null ? null : applyDeadlineRule(ctx, date, leadOrgId ?? null).date };
    },
    'periods.list': ({ instructionId }) => listPeriods(ctx, instructionId),
    'instructions.setRecurrence': ({ id, recurrence, expectedVersion }) => {
      setRecurrence(ctx, id, recurrence, expectedVersion);
      return listPeriods(ctx, id);
    },
  };
}
