// Production calendars: the shapes. Pure data, no SQL and no node APIs, so the team server and the
// renderer (by `import type`) can share them.
import type { IsoDate } from '../model';

export type CountryCode = 'KG' | 'KZ';

export const COUNTRIES: readonly CountryCode[] = ['KG', 'KZ'];

/** How well a year's data is known. */
export type YearStatus =
  /** Holidays and the government's transfers for the year were checked against published sources. */
  | 'confirmed'
  /** Holidays are known; part of the year (named in `notes`) could not be confirmed. */
  | 'partial'
  /** Built from the law's rules only: the transfers were not yet published and the Islamic
   * holidays are astronomical estimates until the clergy announce them. */
  | 'projected';

/** Stable keys of the holidays, for the UI to translate; `name` in the data is the Russian name. */
export type HolidayKey =
  | 'new-year'
  | 'new-year-holidays'
  | 'orthodox-christmas'
  | 'defender-day'
  | 'womens-day'
  | 'nooruz'
  | 'nauryz'
  | 'april-revolution-day'
  | 'labour-day'
  | 'may-holidays'
  | 'constitution-day'
  | 'victory-day'
  | 'independence-day'
  | 'history-memory-days'
  | 'orozo-ait'
  | 'kurman-ait'
  | 'unity-day'
  | 'capital-day'
  | 'republic-day'
  | 'first-president-day'
  | 'extra-day-off';

export interface HolidayEntry {
  date: IsoDate;
  key: HolidayKey;
  /** When the law moves a holiday that falls on a weekend to the next working day: false for the
   * ones it does not move (in Kazakhstan the first day of Kurban Ait and Orthodox Christmas). */
  movesOffWeekend: boolean;
  /** The date is an estimate (Islamic holidays not yet announced). */
  estimated?: boolean;
}

/** A government transfer: `dayOff` (a weekday) becomes a day off, `workDay` (a weekend day, or a day
 * off the law gave) becomes a working day. Either side may be absent: an extra day off granted
 * without compensation, or a day off the law gave that the government made a working day. */
export interface Transfer {
  dayOff?: IsoDate;
  workDay?: IsoDate;
}

export interface CalendarYearData {
  country: CountryCode;
  year: number;
  status: YearStatus;
  /** The legal basis and the documents of the year's transfers, as known. */
  sources: string[];
  /** What could not be confirmed, and anything unusual about the year. */
  notes: string[];
  holidays: HolidayEntry[];
  /** The law's rule for a holiday on a Saturday or Sunday. */
  weekendRule: 'next-working-day' | 'none';
  transfers: Transfer[];
}

/** Why a day is what it is. */
export type DayReason =
  | 'weekday'
  | 'weekend'
  | 'holiday'
  /** The next working day given for a holiday that fell on a weekend. */
  | 'observed'
  /** A weekday made a day off by a transfer (or an extra day off). */
  | 'transfer-day-off'
  /** A weekend day (or a holiday's observed day) made a working day by a transfer. */
  | 'transfer-working-day'
  | 'edit-non-working'
  | 'edit-working';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  reason: DayReason;
  /** The holiday a non-working day is for, when there is one. */
  holiday?: HolidayKey;
  /** The holiday's date is an estimate (an Islamic holiday not yet announced). */
  estimated?: boolean;
  /** The name given to an added day in the store's edits. */
  label?: string;
  /** True when the year has no built-in calendar: only weekends are days off (plus edits). */
  noCalendarForYear: boolean;
}

/**
 * The store's own changes to the built-in calendar, kept as a plain value in settings.
 * `nonWorking`: days off added (a regional holiday, a day off the data lacks) or removed (a day the
 * data wrongly gives off). `workingDays`: transferred working days added (a Saturday the government
 * made a working day) or removed. Removing a day off that the data does not give (a plain Saturday)
 * changes nothing: a weekend day becomes a working day only by adding it to `workingDays`.
 */
export interface CalendarEdits {
  nonWorking: { add: { date: IsoDate; label: string }[]; remove: IsoDate[] };
  workingDays: { add: { date: IsoDate; label: string }[]; remove: IsoDate[] };
}

export const NO_EDITS: CalendarEdits = {
  nonWorking: { add: [], remove: [] },
  workingDays: { add: [], remove: [] },
};

export type CalendarErrorCode =
  | 'calendar.invalidDate'
  | 'calendar.invalidCount'
  | 'calendar.invalidEdits'
  | 'calendar.noWorkingDay';

export interface CalendarError {
  code: CalendarErrorCode;
  message: string;
}

/** Every calculation answers with a value and the years it had to reckon with weekends only. */
export type CalendarResult<T> =
  | { ok: true; value: T; missingYears: number[] }
  | { ok: false; error: CalendarError };
