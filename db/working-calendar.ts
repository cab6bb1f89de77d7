// Which production calendar a deadline follows: an organization's country picks the calendar, the
// store's default country covers organizations without one, and the store's edits (days off added
// or removed, transferred working days) apply on top of the built-in data. Every part of the app
// that counts working days (deadline rules, reminders, the discipline figures, the calendar view)
// asks here, so they all agree.
import { builtInCalendar, type Calendar, type CountryCode, withEdits } from './calendars';
import type { StoreContext } from './context';
import { foldText } from './query';
import { getSetting } from './settings';

export const DEFAULT_COUNTRY_KEY = 'calendar.defaultCountry';
export const MOVE_OFF_NON_WORKING_KEY = 'deadlines.moveToPreviousWorkingDay';
export const CALENDAR_EDITS_KEY_PREFIX = 'calendar.edits.';

const COUNTRY_NAMES: Record<CountryCode, readonly string[]> = {
  KG: ['kg', 'kgz', 'kyrgyzstan', 'kyrgyz republic', 'кыргызстан', 'киргизия', 'кыргызская республика', 'қырғызстан', 'кыргыз республикасы'],
  KZ: ['kz', 'kaz', 'kazakhstan', 'republic of kazakhstan', 'казахстан', 'республика казахстан', 'қазақстан', 'қазақстан республикасы', 'казакстан'],
};

/** The calendar country of a free-text country field ("Kyrgyzstan", "Кыргызстан", "KG"), or null. */
export function countryCodeOf(country: string | null | undefined): CountryCode | null {
  if (!country) return null;
  const folded = foldText(country.trim());
  for (const code of Object.keys(COUNTRY_NAMES) as CountryCode[]) {
    if (COUNTRY_NAMES[code].some((name) => foldText(name) === folded)) return code;
  }
  return null;
}

export function defaultCountry(ctx: StoreContext): CountryCode {
  const value = getSetting<unknown>(ctx, DEFAULT_COUNTRY_KEY, 'KG');
  return value === 'KZ' ? 'KZ' : 'KG';
}

/** Whether a deadline set on a day off moves to the previous working day (on unless turned off). */
export function movesOffNonWorking(ctx: StoreContext): boolean {
  return getSetting<unknown>(ctx, MOVE_OFF_NON_WORKING_KEY, true) !== false;
}

/** A country's calendar with the store's edits (unreadable edits are ignored, never fatal). */
export function calendarForCountry(ctx: StoreContext, country: CountryCode): Calendar {
  const base = builtInCalendar(country);
  const edits = getSetting<unknown>(ctx, CALENDAR_EDITS_KEY_PREFIX + country, null);
  if (edits === null) return base;
  const edited = withEdits(base, edits);
  return edited.ok ? edited.value : base;
}

/** The calendar an organization's deadlines follow; the store's default for none or an unknown country. */
export function calendarForOrganization(ctx: StoreContext, organizationId: string | null): Calendar {
  if (organizationId) {
    const row = ctx.stmt('SELECT country FROM organizations WHERE id = ?').get(organizationId) as { country: string | null } | undefined;
    const code = countryCodeOf(row?.country);
    if (code) return calendarForCountry(ctx, code);
  }
  return calendarForCountry(ctx, defaultCountry(ctx));
}

/** The calendar each organization follows: the country its country field names (null for none or
 * another country) and the calendar used, the store's default when the country is not KG or KZ. */
export function organizationCalendars(ctx: StoreContext): { organizationId: string; country: CountryCode | null; follows: CountryCode }[] {
  const fallback = defaultCountry(ctx);
  const rows = ctx.stmt('SELECT id, country FROM organizations ORDER BY id').all() as { id: string; country: string | null }[];
  return rows.map((r) => {
    const code = countryCodeOf(r.country);
    return { organizationId: r.id, country: code, follows: code ?? fallback };
  });
}
