import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordTable } from '../common/RecordTable';
import type { InstructionDetail } from '../../../db/model';
import { useApi } from '../app/context';
import { useUndo } from '../app/undo';
import { ConfirmPastDeadline } from './ConfirmPastDeadline';
import { useAnnounce } from '../common/Announcer';
import { describeDeadlineBeforeMeeting, errorKey } from '../common/errors';
import { formatDate, formatDateTime } from '../common/format';
import type { RunChange } from './types';
import { DateInput } from '../common/DateInput';
import { useReferenceData } from '../app/data';
import { DeadlineRuleNote, WorkingDaysPicker } from './WorkingDays';
import { PeriodsSection } from './PeriodsSection';

/** The deadline, its extensions with their reasons, and the one way to change it. */
export function DeadlineSection({ detail, run }: { detail: InstructionDetail; run: RunChange }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const undo = useUndo();
  const announce = useAnnounce();
  const referenceData = useReferenceData();
  const { instruction, deadline } = detail;
  const [date, setDate] = useState(deadline.dueDate ?? '');
  const [reason, setReason] = useState('');
  // A refusal that belongs to the date field (before the meeting), and the past date awaiting confirmation.
  const [dateError, setDateError] = useState<string | null>(null);
  const [confirmPast, setConfirmPast] = useState(false);
  const id = useId();
  // Moving a deadline earlier is no extension: the reason is asked only for a later date.
  const needsReason = deadline.dueDate !== null && date > deadline.dueDate;
  const resolved = instruction.status === 'resolved';

  const submit = async (allowPast: boolean) => {
    const old = deadline.dueDate;
    const done = t('deadline.changed', { date: formatDate(date, i18n.language) });
    let refused = false;
    const ok = await run(async () => {
      try {
        await api['instructions.changeDueDate']({ id: instruction.id, dueDate: date, reason: reason.trim() || null, expectedVersion: instruction.version, ...(allowPast ? { allowPast } : {}) });
      } catch (err) {
        const key = errorKey(err);
        if (key === 'deadlineInPast') {
          refused = true;
          setConfirmPast(true);
          return;
        }
        if (key === 'deadlineBeforeMeeting') {
          refused = true;
          setDateError(describeDeadlineBeforeMeeting(err, t, (iso) => formatDate(iso, i18n.language)));
          return;
        }
        throw err;
      }
      if (old) {
        undo.push({
          label: done,
          cardId: instruction.id,
          // The store's own undo: the date goes back and the extension this change made is withdrawn.
          undo: () => api['instructions.undoDueDateChange']({ id: instruction.id, previousDate: old }),
        });
      }
    });
    if (ok && !refused) {
      announce(done);
      setReason('');
      setDateError(null);
    }
  };

  const change = (event: FormEvent) => {
    event.preventDefault();
    if (!date || (needsReason && reason.trim() === '')) return;
    void submit(false);
  };

  const errorId = `${id}-date-error`;
  return (
    <div className="section">
      <dl className="facts">
        <dt>{t('deadline.current')}</dt>
        <dd data-testid="current-deadline">{deadline.dueDate ? formatDate(deadline.dueDate, i18n.language) : t('card.noDue')}</dd>
        <dt>{t('deadline.original')}</dt>
        <dd>{deadline.originalDueDate ? formatDate(deadline.originalDueDate, i18n.language) : '—'}</dd>
        <dt>{t('deadline.extensions')}</dt>
        <dd data-testid="extension-count">{deadline.extensions}</dd>
      </dl>
      {detail.extensions.length > 0 && (
        <RecordTable caption={t('deadline.historyCaption')} columns={[t('deadline.when'), t('deadline.from'), t('deadline.to'), t('deadline.reason'), t('deadline.decidedBy')]}>
          {detail.extensions.map((e) => (
            <tr key={e.id} className={e.withdrawnAt ? 'withdrawn' : undefined}>
              <td>{formatDateTime(e.createdAt, i18n.language)}</td>
              <td>{e.oldDate ? formatDate(e.oldDate, i18n.language) : '—'}</td>
              <td>{e.withdrawnAt ? <s>{formatDate(e.newDate, i18n.language)}</s> : formatDate(e.newDate, i18n.language)}</td>
              <td>
                {e.reason}
                {e.withdrawnAt && <span className="muted"> — {t('deadline.withdrawn', { date: formatDateTime(e.withdrawnAt, i18n.language), by: e.withdrawnBy ?? '' })}</span>}
              </td>
              <td>{e.decidedBy}</td>
            </tr>
          ))}
        </RecordTable>
      )}
      {resolved ? (
        <p className="muted">{t('deadline.resolvedNoChange')}</p>
      ) : (
        <form className="form-grid" onSubmit={change} data-testid="deadline-form">
          <label htmlFor={`${id}-date`}>{t('deadline.newDate')}</label>
          <div>
            <DateInput
              id={`${id}-date`}
              value={date}
              required
              describedBy={dateError ? errorId : undefined}
              invalid={dateError !== null}
              onChange={(value) => {
                setDate(value);
                setDateError(null);
              }}
            />
            {dateError && (
              <p id={errorId} className="field-error" role="alert">
                {dateError}
              </p>
            )}
            <DeadlineRuleNote id={`${id}-moved`} date={date} leadOrgId={instruction.leadOrgId} meetingId={instruction.meetingId} />
            <WorkingDaysPicker
              from={referenceData.meetings.find((m) => m.id === instruction.meetingId)?.heldOn ?? detail.today}
              leadOrgId={instruction.leadOrgId}
              onPick={(value) => {
                setDate(value);
                setDateError(null);
              }}
            />
          </div>
          <label htmlFor={`${id}-reason`}>{t('deadline.reason')}</label>
          <textarea id={`${id}-reason`} rows={2} value={reason} required={needsReason} onChange={(e) => setReason(e.target.value)} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!date || date === deadline.dueDate || (needsReason && reason.trim() === '')}>
              {deadline.dueDate !== null ? t('deadline.extend') : t('deadline.set')}
            </button>
          </div>
        </form>
      )}
      {confirmPast && (
        <ConfirmPastDeadline
          date={date}
          onCancel={() => setConfirmPast(false)}
          onConfirm={() => {
            setConfirmPast(false);
            void submit(true);
          }}
        />
      )}
      <PeriodsSection detail={detail} onChanged={() => void run(async () => undefined)} />
    </div>
  );
}
