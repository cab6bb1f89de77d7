// The store's reminder policy (default: 5 and 1 working days before, on the day, then every 3
// working days while overdue), and the fields an instruction's own policy is edited with.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ReminderPolicy } from '../../../db/model';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import '../due/due.css';

/** The policy as typed: the days before as text ("5, 1"), the overdue step as text ("" for none). */
export interface PolicyDraft {
  daysBefore: string;
  onTheDay: boolean;
  overdueEvery: string;
}

export function policyDraft(policy: ReminderPolicy): PolicyDraft {
  return { daysBefore: policy.daysBefore.join(', '), onTheDay: policy.onTheDay, overdueEvery: policy.overdueEvery === null ? '' : String(policy.overdueEvery) };
}

const count = (text: string) => /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 60;

/** The typed policy, or what is wrong with it, in words. */
export function readPolicyDraft(draft: PolicyDraft, t: TFunction): { policy: ReminderPolicy | null; problems: { daysBefore?: string; overdueEvery?: string } } {
  const problems: { daysBefore?: string; overdueEvery?: string } = {};
  const parts = draft.daysBefore.split(/[,;\s]+/).filter((p) => p !== '');
  const bad = parts.find((p) => !count(p));
  if (bad !== undefined) problems.daysBefore = t('reminders.policy.badDays', { value: bad });
  else {
    const repeated = parts.find((p, i) => parts.findIndex((q) => Number(q) === Number(p)) !== i);
    if (repeated !== undefined) problems.daysBefore = t('reminders.policy.repeated', { value: repeated });
  }
  const every = draft.overdueEvery.trim();
  if (every !== '' && !count(every)) problems.overdueEvery = t('reminders.policy.badDays', { value: every });
  if (problems.daysBefore || problems.overdueEvery) return { policy: null, problems };
  return { policy: { daysBefore: parts.map(Number), onTheDay: draft.onTheDay, overdueEvery: every === '' ? null : Number(every) }, problems };
}

export function PolicyFields({ draft, onChange, problems }: { draft: PolicyDraft; onChange: (draft: PolicyDraft) => void; problems: { daysBefore?: string; overdueEvery?: string } }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="policy-fields">
      <div className="field-row">
        <label htmlFor={`${id}-before`}>{t('reminders.policy.daysBefore')}</label>
        <input
          id={`${id}-before`}
          type="text"
          value={draft.daysBefore}
          maxLength={60}
          aria-invalid={problems.daysBefore ? true : undefined}
          aria-describedby={`${id}-before-hint${problems.daysBefore ? ` ${id}-before-error` : ''}`}
          onChange={(e) => onChange({ ...draft, daysBefore: e.target.value })}
        />
        <span id={`${id}-before-hint`} className="settings-note">
          {t('reminders.policy.daysBeforeHint')}
        </span>
      </div>
      {problems.daysBefore && (
        <p id={`${id}-before-error`} className="field-error" role="alert">
          {problems.daysBefore}
        </p>
      )}
      <div className="field-row">
        <label className="choice">
          <input type="checkbox" checked={draft.onTheDay} onChange={(e) => onChange({ ...draft, onTheDay: e.target.checked })} /> {t('reminders.policy.onTheDay')}
        </label>
      </div>
      <div className="field-row">
        <label htmlFor={`${id}-every`}>{t('reminders.policy.overdueEvery')}</label>
        <input
          id={`${id}-every`}
          type="text"
          value={draft.overdueEvery}
          maxLength={3}
          className="narrow"
          aria-invalid={problems.overdueEvery ? true : undefined}
          aria-describedby={`${id}-every-hint${problems.overdueEvery ? ` ${id}-every-error` : ''}`}
          onChange={(e) => onChange({ ...draft, overdueEvery: e.target.value })}
        />
        <span id={`${id}-every-hint`} className="settings-note">
          {t('reminders.policy.overdueEveryHint')}
        </span>
      </div>
      {problems.overdueEvery && (
        <p id={`${id}-every-error`} className="field-error" role="alert">
          {problems.overdueEvery}
        </p>
      )}
    </div>
  );
}

export function ReminderPolicySettings() {
  const { t } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api['reminders.policy']({}).then(
      (p) => setDraft(policyDraft(p)),
      (err: unknown) => setError(describeError(err, t)),
    );
  }, [api, t]);

  if (!draft) return error ? <p className="field-error">{error}</p> : null;
  const parsed = readPolicyDraft(draft, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.policy) return;
    setBusy(true);
    setError(null);
    void api['reminders.setPolicy']({ policy: parsed.policy })
      .then(
        (saved) => {
          setDraft(policyDraft(saved));
          announce(t('reminders.policy.saved'));
        },
        (err: unknown) => setError(describeError(err, t)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <section className="settings-section reminder-settings" aria-labelledby={`${id}-title`} data-testid="reminder-policy">
      <h3 id={`${id}-title`}>{t('reminders.policy.title')}</h3>
      <p className="settings-note">{t('reminders.policy.note')}</p>
      <form onSubmit={submit}>
        <PolicyFields draft={draft} onChange={setDraft} problems={parsed.problems} />
        <button type="submit" className="primary" disabled={busy || !parsed.policy}>
          {t('reminders.policy.save')}
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
