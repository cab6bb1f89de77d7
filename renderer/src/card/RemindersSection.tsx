// An instruction's reminders, in its card (deadline tab): the store's policy, its own, or none; and
// snooze for N working days or until a date, or end the snooze.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstructionReminders, ReminderMode, ReminderPolicy } from '../../../db/model';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { DateInput } from '../common/DateInput';
import { describeError } from '../common/errors';
import { formatDate } from '../common/format';
import { PolicyFields, policyDraft, readPolicyDraft, type PolicyDraft } from '../settings/ReminderPolicySettings';
import '../due/due.css';

const MODES: ReminderMode[] = ['store', 'custom', 'none'];

export function RemindersSection({ instructionId }: { instructionId: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  const [state, setState] = useState<InstructionReminders | null>(null);
  const [mode, setMode] = useState<ReminderMode>('store');
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [days, setDays] = useState('3');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);

  const show = (value: InstructionReminders) => {
    setState(value);
    setMode(value.mode);
    setDraft(policyDraft(value.policy ?? value.effective ?? { daysBefore: [5, 1], onTheDay: true, overdueEvery: 3 }));
  };
  useEffect(() => {
    void api['reminders.instruction']({ instructionId }).then(show, (err: unknown) => setError(describeError(err, t)));
  }, [api, instructionId, t]);

  const run = async (action: () => Promise<InstructionReminders>, done: (v: InstructionReminders) => string) => {
    setError(null);
    try {
      const value = await action();
      show(value);
      announce(done(value));
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  if (!state || !draft) return error ? <p className="field-error" role="alert">{error}</p> : null;
  const parsed = readPolicyDraft(draft, t);
  const save = () => {
    if (mode === 'custom' && !parsed.policy) return;
    void run(
      () => api['reminders.setInstruction']({ instructionId, mode, policy: mode === 'custom' ? (parsed.policy as ReminderPolicy) : undefined }),
      () => t('reminders.card.saved'),
    );
  };
  const snoozeDays = Number(days);
  return (
    <section className="reminder-settings" aria-labelledby={`${id}-title`} data-testid="card-reminders">
      <h3 id={`${id}-title`}>{t('reminders.card.legend')}</h3>
      <fieldset>
        <legend>{t('reminders.card.mode')}</legend>
        {MODES.map((m) => (
          <label key={m} className="choice">
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`reminders.card.modes.${m}`)}
          </label>
        ))}
        {mode === 'custom' && <PolicyFields draft={draft} onChange={setDraft} problems={parsed.problems} />}
        <div className="field-row">
          <button type="button" className="primary" onClick={save} disabled={mode === 'custom' && !parsed.policy}>
            {t('common.save')}
          </button>
        </div>
      </fieldset>
      {state.snoozedUntil && <p className="settings-note">{t('reminders.card.snoozedUntil', { date: formatDate(state.snoozedUntil, i18n.language) })}</p>}
      <div className="field-row">
        <label htmlFor={`${id}-days`}>{t('reminders.card.snoozeDays')}</label>
        <input id={`${id}-days`} type="number" min={1} max={60} value={days} onChange={(e) => setDays(e.target.value)} className="narrow" />
        <label htmlFor={`${id}-until`}>{t('reminders.card.snoozeUntil')}</label>
        <DateInput id={`${id}-until`} value={until} onChange={setUntil} />
        <button
          type="button"
          disabled={until === '' && !(Number.isInteger(snoozeDays) && snoozeDays >= 1 && snoozeDays <= 60)}
          onClick={() =>
            void run(
              () => api['reminders.snooze'](until ? { instructionId, until } : { instructionId, workingDays: snoozeDays }),
              (v) => t('reminders.card.snoozedNotice', { date: v.snoozedUntil ? formatDate(v.snoozedUntil, i18n.language) : '' }),
            )
          }
        >
          {t('reminders.card.snooze')}
        </button>
        {state.snoozedUntil && (
          <button type="button" onClick={() => void run(() => api['reminders.snooze']({ instructionId, until: null }), () => t('reminders.card.unsnoozedNotice'))}>
            {t('reminders.card.unsnooze')}
          </button>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
