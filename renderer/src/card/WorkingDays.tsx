// Working days in the forms: the deadline rule said beside the date field («1 May is a holiday
// (Labour Day): the deadline is 30 April»), «in N working days» and «urgent» from the meeting date,
// the Repeats field of a periodic instruction, and the labels of periods.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RuledDeadline } from '../../../electron/api/contract';
import { useApi } from '../app/context';
import { formatDate } from '../common/format';

/** Why a day is off, in the interface language. */
export function whyOff(ruled: RuledDeadline, t: TFunction): string {
  const name = ruled.holiday ? t(`workdays.holidays.${ruled.holiday}`) : (ruled.label ?? '');
  switch (ruled.reason) {
    case 'holiday':
    case 'observed':
    case 'edit-non-working':
    case 'transfer-day-off':
    case 'weekend':
      return t(`workdays.why.${ruled.reason}`, { name });
    default:
      return t('workdays.why.other');
  }
}

/** The store's answer for a deadline typed: where the rule moves it and why (nothing when it stays). */
export function DeadlineRuleNote({ id, date, leadOrgId, meetingId }: { id: string; date: string; leadOrgId: string | null; meetingId: string | null }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [ruled, setRuled] = useState<RuledDeadline | null>(null);
  useEffect(() => {
    let live = true;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setRuled(null);
      return;
    }
    void api['calendar.previewDeadline']({ date, leadOrgId, meetingId }).then(
      (r) => live && setRuled(r),
      () => live && setRuled(null),
    );
    return () => {
      live = false;
    };
  }, [api, date, leadOrgId, meetingId]);
  if (!ruled?.movedFrom) return null;
  return (
    <p id={id} className="field-note deadline-moved" role="status">
      {t('workdays.moved', { from: formatDate(ruled.movedFrom, i18n.language), why: whyOff(ruled, t), to: formatDate(ruled.date, i18n.language) })}
    </p>
  );
}

/** «In N working days» and «Urgent» from `from` (the meeting date, or today) on the lead organization's calendar. */
export function WorkingDaysPicker({ from, leadOrgId, onPick }: { from: string; leadOrgId: string | null; onPick: (date: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const [days, setDays] = useState('10');
  const pick = async (n: number) => {
    const { date } = await api['calendar.workingDaysFrom']({ from, days: n, leadOrgId });
    if (date) onPick(date);
  };
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= 3650;
  return (
    <div className="working-days-picker">
      <label htmlFor={`${id}-n`}>{t('workdays.inWorkingDays')}</label>
      <input id={`${id}-n`} type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} className="working-days-count" />
      <button type="button" disabled={!valid} aria-label={t('workdays.inWorkingDaysLabel', { count: valid ? n : 0, from: formatDate(from, i18n.language) })} onClick={() => void pick(n)}>
        {t('workdays.inWorkingDaysApply')}
      </button>
      <button type="button" onClick={() => void pick(3)}>
        {t('workdays.urgent')}
      </button>
    </div>
  );
}

type RepeatKind = 'none' | 'monthly' | 'quarterly' | 'yearly' | 'custom';

export interface RepeatDraft {
  kind: RepeatKind;
  day: string;
  month: string;
  rule: string;
}

export const NO_REPEAT: RepeatDraft = { kind: 'none', day: '5', month: '1', rule: '' };

/** The stored text of a draft (db/periods.ts), null for none. The store checks it and says what is wrong. */
export function repeatText(draft: RepeatDraft): string | null {
  switch (draft.kind) {
    case 'none':
      return null;
    case 'monthly':
    case 'quarterly':
      return `${draft.kind}:${draft.day.trim()}`;
    case 'yearly':
      return `yearly:${draft.month.trim().padStart(2, '0')}-${draft.day.trim().padStart(2, '0')}`;
    case 'custom':
      return `rrule:${draft.rule.trim()}`;
  }
}

export function repeatDraft(text: string | null): RepeatDraft {
  if (!text) return NO_REPEAT;
  const [kind, ...rest] = text.split(':');
  const value = rest.join(':');
  if (kind === 'monthly' || kind === 'quarterly') return { ...NO_REPEAT, kind, day: value };
  if (kind === 'yearly') {
    const [m, d] = value.split('-');
    return { ...NO_REPEAT, kind, month: String(Number(m)), day: String(Number(d)) };
  }
  return { ...NO_REPEAT, kind: 'custom', rule: value };
}

export function RepeatsField({ value, onChange, error }: { value: RepeatDraft; onChange: (draft: RepeatDraft) => void; error?: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<RepeatDraft>) => onChange({ ...value, ...patch });
  const months = t('dateInput.months').split(',');
  return (
    <div className="repeats-field">
      <select id={`${id}-kind`} aria-label={t('workdays.repeats')} value={value.kind} onChange={(e) => set({ kind: e.target.value as RepeatKind })}>
        {(['none', 'monthly', 'quarterly', 'yearly', 'custom'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`workdays.repeat.${k}`)}
          </option>
        ))}
      </select>
      {value.kind === 'yearly' && (
        <label>
          {t('workdays.repeatMonth')}{' '}
          <select value={value.month} onChange={(e) => set({ month: e.target.value })}>
            {months.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </select>
        </label>
      )}
      {(value.kind === 'monthly' || value.kind === 'quarterly' || value.kind === 'yearly') && (
        <label>
          {t('workdays.repeatDay')} <input type="number" min={1} max={28} value={value.day} onChange={(e) => set({ day: e.target.value })} className="working-days-count" />
        </label>
      )}
      {value.kind === 'custom' && (
        <label>
          {t('workdays.repeatRule')} <input type="text" value={value.rule} placeholder={t('workdays.repeatRuleHint')} onChange={(e) => set({ rule: e.target.value })} aria-invalid={error ? true : undefined} />
        </label>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A period's label in the interface language: «January 2027», «Q1 2027», «2026» or a date. */
export function periodLabel(label: string, t: TFunction, language: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return t('workdays.quarter', { quarter: quarter[2], year: quarter[1] });
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) return `${t('dateInput.months').split(',')[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return formatDate(label, language);
  return label;
}
