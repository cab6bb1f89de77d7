import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstructionDetail, ReportKind } from '../../../db/model';
import { useApi } from '../app/context';
import { formatDateTime } from '../common/format';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import type { RunChange } from './types';

/** Progress reports, newest last, and a form to file one. */
export function ReportsSection({ detail, run }: { detail: InstructionDetail; run: RunChange }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [kind, setKind] = useState<ReportKind>('interim');
  const [body, setBody] = useState('');
  const id = useId();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    const ok = await run(
      () => api['reports.add']({ instructionId: detail.instruction.id, kind, body: body.trim() }),
      t('progress.added', { kind: t(`progress.kind.${kind}`) }),
    );
    if (ok) setBody('');
  };

  return (
    <div className="section">
      {detail.reports.length === 0 ? (
        <p className="muted">{t('progress.none')}</p>
      ) : (
        <ol className="report-list" data-testid="report-list">
          {detail.reports.map((r) => (
            <li key={r.id} className={`report report-${r.kind}${r.supersededAt ? ' report-superseded' : ''}`}>
              <p className="report-meta">
                <strong>{t(`progress.kind.${r.kind}`)}</strong> · {r.author} · <time dateTime={r.submittedAt}>{formatDateTime(r.submittedAt, i18n.language)}</time>
                {r.supersededAt && <> · <em>{t('progress.superseded', { date: formatDateTime(r.supersededAt, i18n.language) })}</em></>}
              </p>
              <p className="report-body">{r.body}</p>
              <AttachmentsPanel owner={{ kind: 'report', id: r.id }} heading={t('attachments.reportTitle')} level={4} />
            </li>
          ))}
        </ol>
      )}
      <form className="form-grid" onSubmit={(e) => void add(e)}>
        <label htmlFor={`${id}-kind`}>{t('progress.kindLabel')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ReportKind)}>
          <option value="interim">{t('progress.kind.interim')}</option>
          <option value="final">{t('progress.kind.final')}</option>
        </select>
        <label htmlFor={`${id}-body`}>{t('progress.text')}</label>
        <textarea id={`${id}-body`} rows={4} value={body} required onChange={(e) => setBody(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={body.trim() === ''}>
            {t('progress.add')}
          </button>
        </div>
      </form>
    </div>
  );
}
