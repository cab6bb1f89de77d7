import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordTable } from '../common/RecordTable';
import type { InstructionDetail } from '../../../db/model';
import { useApi } from '../app/context';
import { useUndo } from '../app/undo';
import { formatDate, formatDateTime } from '../common/format';
import type { RunChange } from './types';
import { DateInput } from '../common/DateInput';

/** The deadline, its extensions with their reasons, and the one way to change it. */
export function DeadlineSection({ detail, run }: { detail: InstructionDetail; run: RunChange }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const undo = useUndo();
  const { instruction, deadline } = detail;
  const [date, setDate] = useState(deadline.dueDate ?? '');
  const [reason, setReason] = useState('');
  const id = useId();
  const needsReason = deadline.dueDate !== null;
  const resolved = instruction.status === 'resolved';

  const change = async (event: FormEvent) => {
    event.preventDefault();
    if (!date || (needsReason && reason.trim() === '')) return;
    const old = deadline.dueDate;
    const ok = await run(async () => {
      await api['instructions.changeDueDate']({ id: instruction.id, dueDate: date, reason: reason.trim() || null, expectedVersion: instruction.version });
      if (old) {
        undo.push({
          label: t('deadline.changed', { date: formatDate(date, i18n.language) }),
          cardId: instruction.id,
          undo: () => api['instructions.changeDueDate']({ id: instruction.id, dueDate: old, reason: t('undo.reason') }),
        });
      }
    }, t('deadline.changed', { date: formatDate(date, i18n.language) }));
    if (ok) setReason('');
  };

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
            <tr key={e.id}>
              <td>{formatDateTime(e.createdAt, i18n.language)}</td>
              <td>{e.oldDate ? formatDate(e.oldDate, i18n.language) : '—'}</td>
              <td>{formatDate(e.newDate, i18n.language)}</td>
              <td>{e.reason}</td>
              <td>{e.decidedBy}</td>
            </tr>
          ))}
        </RecordTable>
      )}
      {resolved ? (
        <p className="muted">{t('deadline.resolvedNoChange')}</p>
      ) : (
        <form className="form-grid" onSubmit={(e) => void change(e)} data-testid="deadline-form">
          <label htmlFor={`${id}-date`}>{t('deadline.newDate')}</label>
          <DateInput id={`${id}-date`} value={date} required onChange={setDate} />
          <label htmlFor={`${id}-reason`}>{t('deadline.reason')}</label>
          <textarea id={`${id}-reason`} rows={2} value={reason} required={needsReason} onChange={(e) => setReason(e.target.value)} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!date || date === deadline.dueDate || (needsReason && reason.trim() === '')}>
              {needsReason ? t('deadline.extend') : t('deadline.set')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
