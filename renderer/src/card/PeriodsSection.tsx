// A periodic instruction's repeat rule and its periods with their state, in the card's deadline tab.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstructionDetail } from '../../../db/model';
import type { InstructionPeriod } from '../../../electron/api/contract';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { formatDate, formatDateTime } from '../common/format';
import { RecordTable } from '../common/RecordTable';
import { RepeatsField, periodLabel, repeatDraft, repeatText } from './WorkingDays';

export function PeriodsSection({ detail, onChanged }: { detail: InstructionDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const { instruction } = detail;
  const [periods, setPeriods] = useState<InstructionPeriod[]>([]);
  const [draft, setDraft] = useState(repeatDraft(instruction.recurrence));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api['periods.list']({ instructionId: instruction.id }).then(setPeriods, () => setPeriods([]));
  }, [api, instruction.id, instruction.version]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setPeriods(await api['instructions.setRecurrence']({ id: instruction.id, recurrence: repeatText(draft), expectedVersion: instruction.version }));
      setError(null);
      announce(t('workdays.repeatSaved'));
      onChanged();
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  return (
    <section className="periods-section" aria-label={t('workdays.periods')}>
      <form className="form-grid" onSubmit={(e) => void save(e)}>
        <span className="form-label">{t('workdays.repeats')}</span>
        <RepeatsField value={draft} error={error} onChange={setDraft} />
        <div className="form-actions">
          <button type="submit" disabled={instruction.status === 'resolved' || repeatText(draft) === instruction.recurrence}>
            {t('workdays.repeatSave')}
          </button>
        </div>
      </form>
      {periods.length > 0 && (
        <RecordTable caption={t('workdays.periods')} columns={['№', t('workdays.settings.name'), t('fields.dueDate'), t('workdays.settings.kind')]}>
          {periods.map((p) => (
            <tr key={p.id}>
              <td>{p.seq}</td>
              <td>{periodLabel(p.label, t, i18n.language)}</td>
              <td>{formatDate(p.dueDate, i18n.language)}</td>
              <td>
                {p.closedAt
                  ? t('workdays.periodClosed', { date: formatDateTime(p.closedAt, i18n.language) })
                  : p.dueDate < detail.today
                    ? t('workdays.periodOverdue')
                    : t('workdays.periodOpen')}
              </td>
            </tr>
          ))}
        </RecordTable>
      )}
    </section>
  );
}
