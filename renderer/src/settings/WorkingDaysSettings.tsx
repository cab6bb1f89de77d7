// Settings → Working days: the deadline rule (on by default), the calendar of organizations without
// a country, and a country's calendar for a chosen year (days off and transfers with their names,
// the data's status and sources), edited one day at a time; a bad edit is refused with why.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSettings, CalendarYearView } from '../../../electron/api/contract';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { formatDate } from '../common/format';
import { RecordTable } from '../common/RecordTable';

type Country = 'KG' | 'KZ';
type Action = 'addNonWorking' | 'addWorking' | 'removeNonWorking' | 'removeWorking';

export function WorkingDaysSettings() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  const [settings, setSettings] = useState<CalendarSettings | null>(null);
  const [country, setCountry] = useState<Country>('KG');
  const [year, setYear] = useState(new Date().getFullYear());
  const [view, setView] = useState<CalendarYearView | null>(null);
  const [action, setAction] = useState<Action>('addNonWorking');
  const [date, setDate] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api['calendar.settings']({}).then(setSettings, () => undefined);
  }, [api]);
  useEffect(() => {
    void api['calendar.year']({ country, year }).then(setView, () => setView(null));
  }, [api, country, year]);

  const change = async (patch: Partial<CalendarSettings>) => {
    setSettings(await api['calendar.setSettings'](patch));
    announce(t('workdays.settings.saved'));
  };

  const edit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setView(await api['calendar.edit']({ country, year, action, date, label }));
      setError(null);
      setDate('');
      setLabel('');
      announce(t('workdays.settings.saved'));
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  const undo = async (day: string) => setView(await api['calendar.edit']({ country, year, action: 'undo', date: day }));

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('workdays.settings.title')}</h2>
      {settings && (
        <div className="form-grid">
          <label className="checkbox-row">
            <input type="checkbox" checked={settings.moveToPreviousWorkingDay} onChange={(e) => void change({ moveToPreviousWorkingDay: e.target.checked })} />{' '}
            {t('workdays.settings.rule')}
          </label>
          <label htmlFor={`${id}-default`}>{t('workdays.settings.defaultCountry')}</label>
          <select id={`${id}-default`} value={settings.defaultCountry} onChange={(e) => void change({ defaultCountry: e.target.value as Country })}>
            <option value="KG">{t('workdays.countries.KG')}</option>
            <option value="KZ">{t('workdays.countries.KZ')}</option>
          </select>
        </div>
      )}
      <div className="form-grid">
        <label htmlFor={`${id}-country`}>{t('workdays.settings.country')}</label>
        <select id={`${id}-country`} value={country} onChange={(e) => setCountry(e.target.value as Country)}>
          <option value="KG">{t('workdays.countries.KG')}</option>
          <option value="KZ">{t('workdays.countries.KZ')}</option>
        </select>
        <label htmlFor={`${id}-year`}>{t('workdays.settings.year')}</label>
        <input id={`${id}-year`} type="number" min={1900} max={2200} value={year} onChange={(e) => Number(e.target.value) >= 1900 && Number(e.target.value) <= 2200 && setYear(Number(e.target.value))} />
      </div>
      {view && (
        <>
          <p>{t(`workdays.settings.status.${view.status ?? 'none'}`)}</p>
          {view.sources.length > 0 && (
            <details>
              <summary>{t('workdays.settings.sources')}</summary>
              <ul>
                {[...view.sources, ...view.notes].map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </details>
          )}
          <RecordTable caption={t('workdays.settings.days')} columns={[t('workdays.settings.date'), t('workdays.settings.kind'), t('workdays.settings.name')]} actions>
            {view.days.map((d) => (
              <tr key={d.date}>
                <td>{formatDate(d.date, i18n.language)}</td>
                <td>{t(`workdays.settings.reason.${d.reason}`)}</td>
                <td>
                  {d.holiday ? t(`workdays.holidays.${d.holiday}`) : (d.label ?? '')}
                  {d.estimated ? ` (${t('workdays.settings.estimated')})` : ''}
                </td>
                <td>
                  {(d.reason === 'edit-non-working' || d.reason === 'edit-working') && (
                    <button type="button" aria-label={t('workdays.settings.removeLabel', { date: formatDate(d.date, i18n.language) })} onClick={() => void undo(d.date)}>
                      {t('workdays.settings.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </RecordTable>
        </>
      )}
      <form className="form-grid" onSubmit={(e) => void edit(e)} aria-label={t('workdays.settings.addTitle')}>
        <label htmlFor={`${id}-action`}>{t('workdays.settings.action')}</label>
        <select id={`${id}-action`} value={action} onChange={(e) => setAction(e.target.value as Action)}>
          {(['addNonWorking', 'addWorking', 'removeNonWorking', 'removeWorking'] as const).map((a) => (
            <option key={a} value={a}>
              {t(`workdays.settings.actions.${a}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-date`}>{t('workdays.settings.date')}</label>
        <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        <label htmlFor={`${id}-label`}>{t('workdays.settings.label')}</label>
        <input id={`${id}-label`} type="text" maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!/^\d{4}-\d{2}-\d{2}$/.test(date)}>
            {t('workdays.settings.apply')}
          </button>
        </div>
      </form>
    </section>
  );
}
