import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../../db/calendars';
import { calendarForOrganization, countryCodeOf, movesOffNonWorking } from '../../../db/working-calendar';
import { createOrganization } from '../../../db/organizations';
import { setSetting } from '../../../db/settings';
import { tempStore } from '../../support/temp';

describe('the calendar an organization follows', () => {
  it('reads the country field in any of the four languages', () => {
    expect(countryCodeOf('Kyrgyzstan')).toBe('KG');
    expect(countryCodeOf('Кыргызстан')).toBe('KG');
    expect(countryCodeOf('Қазақстан')).toBe('KZ');
    expect(countryCodeOf('Republic of Kazakhstan')).toBe('KZ');
    expect(countryCodeOf('Uzbekistan')).toBeNull();
    expect(countryCodeOf(null)).toBeNull();
  });

  it('gives a Kazakh organization the Kazakh holidays and the store edits on top', async () => {
    const { ctx } = await tempStore();
    const kz = createOrganization(ctx, { name: 'Ministry of Energy of the Republic of Kazakhstan', country: 'Kazakhstan' });
    const kg = createOrganization(ctx, { name: 'Ministry of Energy of the Kyrgyz Republic', country: 'Kyrgyzstan' });
    // 2024-12-16 (Monday) is Independence Day in Kazakhstan, a working day in Kyrgyzstan.
    expect(isWorkingDay(calendarForOrganization(ctx, kz.id), '2024-12-16')).toMatchObject({ ok: true, value: false });
    expect(isWorkingDay(calendarForOrganization(ctx, kg.id), '2024-12-16')).toMatchObject({ ok: true, value: true });
    setSetting(ctx, 'calendar.edits.KG', {
      nonWorking: { add: [{ date: '2024-12-16', label: 'local day off' }], remove: [] },
      workingDays: { add: [], remove: [] },
    });
    expect(isWorkingDay(calendarForOrganization(ctx, kg.id), '2024-12-16')).toMatchObject({ ok: true, value: false });
    expect(movesOffNonWorking(ctx)).toBe(true);
  });
});
