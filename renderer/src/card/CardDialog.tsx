// The card: every field of an instruction, its co-executors, reports, deadline changes, history,
// and the workflow actions (resolve, reopen, archive).
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstructionDetail, Status } from '../../../db/model';
import { useApi } from '../app/context';
import { useReferenceData } from '../app/data';
import { useUndo } from '../app/undo';
import { useAnnounce } from '../common/Announcer';
import { Dialog } from '../common/Dialog';
import { describeError } from '../common/errors';
import { formatDate } from '../common/format';
import { DeadlineBadge } from '../board/CardItem';
import { DetailsForm } from './DetailsForm';
import { CoexecutorsSection } from './CoexecutorsSection';
import { ReportsSection } from './ReportsSection';
import { DeadlineSection } from './DeadlineSection';
import { HistorySection } from './HistorySection';
import { WorkflowActions } from './WorkflowActions';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import './card.css';

const CardPrintDialog = lazy(() => import('./CardPrintDialog').then((m) => ({ default: m.CardPrintDialog })));

export function CardDialog({ instructionId, onClose }: { instructionId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const referenceData = useReferenceData();
  const undo = useUndo();
  const [detail, setDetail] = useState<InstructionDetail | null>(null);
  const [printing, setPrinting] = useState(false);
  const [tab, setTab] = useState<'details' | 'reports' | 'attachments' | 'deadline' | 'coexecutors' | 'history'>('details');
  const [attachmentCount, setAttachmentCount] = useState<number | null>(null);
  const countAttachments = useCallback(async () => {
    try {
      setAttachmentCount((await api['attachments.list']({ owner: { kind: 'instruction', id: instructionId } })).length);
    } catch {
      setAttachmentCount(null);
    }
  }, [api, instructionId]);
  useEffect(() => {
    void countAttachments();
  }, [countAttachments]);

  const load = useCallback(async () => {
    try {
      setDetail(await api['instructions.get']({ id: instructionId }));
    } catch (err) {
      announce(describeError(err, t), 'error');
      onClose();
    }
  }, [api, instructionId, announce, t, onClose]);

  useEffect(() => {
    void load();
  }, [load, referenceData.revision]);

  /** Runs a change, reports a refusal in words, and refreshes the card and the board. */
  const run = useCallback(
    async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
      try {
        await action();
        if (done) announce(done);
        await referenceData.changed();
        return true;
      } catch (err) {
        announce(describeError(err, t), 'error');
        await load();
        return false;
      }
    },
    [announce, referenceData, load, t],
  );

  if (!detail) {
    return (
      <Dialog title={t('app.loading')} onClose={onClose} wide testId="card-dialog">
        <p>{t('app.loading')}</p>
      </Dialog>
    );
  }

  const { instruction, deadline } = detail;
  const number = instruction.controlNumber ?? instruction.itemNumber;
  const title = `${number ? t('card.number', { number }) + ' · ' : ''}${instruction.title}`;
  const tabs: { key: typeof tab; label: string }[] = [
    { key: 'details', label: t('cardDialog.tabs.details') },
    { key: 'reports', label: t('cardDialog.tabs.reports', { count: detail.reports.length }) },
    { key: 'attachments', label: attachmentCount === null ? t('attachments.title') : t('attachments.tab', { count: attachmentCount }) },
    { key: 'deadline', label: t('cardDialog.tabs.deadline', { count: deadline.extensions }) },
    { key: 'coexecutors', label: t('cardDialog.tabs.coexecutors', { count: detail.coexecutors.length }) },
    { key: 'history', label: t('cardDialog.tabs.history') },
  ];

  const setStatus = (status: Status, extra: { report?: string | null; reason?: string | null }) =>
    run(async () => {
      const before = instruction.status;
      await api['instructions.setStatus']({ id: instruction.id, status, expectedVersion: instruction.version, ...extra });
      undo.push({
        label: t('cardDialog.statusChanged', { title: instruction.title, status: t(`status.${status}`) }),
        cardId: instruction.id,
        undo: () => api['instructions.setStatus']({ id: instruction.id, status: before, reason: status === 'resolved' ? t('undo.reason') : null }),
      });
    }, t('cardDialog.statusChanged', { title: instruction.title, status: t(`status.${status}`) }));

  return (
    <Dialog title={title} onClose={onClose} wide testId="card-dialog">
      <div className="card-summary">
        <span className={`status-chip status-${instruction.status}`} data-testid="card-status">
          {t(`status.${instruction.status}`)}
        </span>
        <DeadlineBadge card={{ dueDate: deadline.dueDate, overdue: deadline.overdue, dueSoon: deadline.dueSoon, status: instruction.status }} today={detail.today} locale={{ t, language: i18n.language }} />
        {deadline.extensions > 0 && <span className="extended">{t('card.extended', { count: deadline.extensions })}</span>}
        {deadline.originalDueDate && deadline.originalDueDate !== deadline.dueDate && (
          <span className="muted">{t('cardDialog.originalDue', { date: formatDate(deadline.originalDueDate, i18n.language) })}</span>
        )}
        {instruction.archived && <span className="archived-chip">{t('cardDialog.archived')}</span>}
        {instruction.isDemo && <span className="demo-mark">{t('card.demo')}</span>}
      </div>
      <WorkflowActions detail={detail} onStatus={setStatus} run={run} />
      <div className="card-print-row">
        <button type="button" onClick={() => setPrinting(true)} aria-haspopup="dialog">
          {t('cardPrint.button')}
        </button>
      </div>
      {printing && (
        <Suspense fallback={null}>
          <CardPrintDialog instructionId={instructionId} onClose={() => setPrinting(false)} />
        </Suspense>
      )}
      <div className="tabs" role="tablist" aria-label={t('cardDialog.sections')}>
        {tabs.map((item) => (
          <button
            key={item.key}
            type="button"
            role="tab"
            id={`card-tab-${item.key}`}
            aria-selected={tab === item.key}
            aria-controls={`card-panel-${item.key}`}
            tabIndex={tab === item.key ? 0 : -1}
            className={tab === item.key ? 'tab tab-active' : 'tab'}
            onClick={() => setTab(item.key)}
            onKeyDown={(e) => {
              const i = tabs.findIndex((x) => x.key === tab);
              const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : undefined;
              if (next) {
                e.preventDefault();
                setTab(next.key);
                document.getElementById(`card-tab-${next.key}`)?.focus();
              }
            }}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`card-panel-${tab}`} aria-labelledby={`card-tab-${tab}`} className="tab-panel">
        {tab === 'details' && <DetailsForm detail={detail} run={run} />}
        {tab === 'reports' && <ReportsSection detail={detail} run={run} />}
        {tab === 'attachments' && <AttachmentsPanel owner={{ kind: 'instruction', id: instruction.id }} onChanged={() => void countAttachments().then(load)} />}
        {tab === 'deadline' && <DeadlineSection detail={detail} run={run} />}
        {tab === 'coexecutors' && <CoexecutorsSection detail={detail} run={run} />}
        {tab === 'history' && <HistorySection detail={detail} />}
      </div>
    </Dialog>
  );
}
