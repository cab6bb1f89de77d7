import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstructionDetail, Status } from '../../../db/model';
import { useApi } from '../app/context';
import { useUndo } from '../app/undo';
import { PromptDialog, type PromptRequest } from '../common/PromptDialog';
import type { RunChange } from './types';

interface Props {
  detail: InstructionDetail;
  onStatus(status: Status, extra: { report?: string | null; reason?: string | null }): Promise<boolean>;
  run: RunChange;
}

/** The store's limit of a reason (the contract's shortText). */
const REASON_LIMIT = 500;

interface Ask {
  request: PromptRequest;
  then: (value: string) => void;
}

/** The workflow buttons: the next steps of assigned → in progress → report submitted → resolved. */
export function WorkflowActions({ detail, onStatus, run }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const undo = useUndo();
  const [ask, setAsk] = useState<Ask | null>(null);
  const { instruction } = detail;
  const status = instruction.status;
  const hasReport = detail.reports.length > 0;

  const resolve = () =>
    setAsk({
      request: { title: t('move.finalReportTitle'), text: t('move.finalReportText', { title: instruction.title }), label: t('move.reportLabel'), confirm: t('cardDialog.resolve'), why: t('errors.finalReportRequired') },
      then: (report) => void onStatus('resolved', { report }),
    });
  const reopen = () =>
    setAsk({
      request: { title: t('move.reopenTitle'), text: t('move.reopenText', { title: instruction.title }), label: t('move.reasonLabel'), confirm: t('cardDialog.reopen'), why: t('errors.reopenReasonRequired'), limit: REASON_LIMIT },
      then: (reason) => void onStatus('in_progress', { reason }),
    });
  const submit = () =>
    hasReport
      ? void onStatus('report_submitted', {})
      : setAsk({
          request: { title: t('move.reportTitle'), text: t('move.reportText', { title: instruction.title }), label: t('move.reportLabel'), confirm: t('cardDialog.submitReport'), why: t('errors.reportRequired') },
          then: (report) => void onStatus('report_submitted', { report }),
        });
  const archive = (archived: boolean) =>
    run(async () => {
      await api['instructions.archive']({ id: instruction.id, archived, expectedVersion: instruction.version });
      undo.push({
        label: archived ? t('cardDialog.archivedDone', { title: instruction.title }) : t('cardDialog.restoredDone', { title: instruction.title }),
        undo: () => api['instructions.archive']({ id: instruction.id, archived: !archived }),
      });
    }, archived ? t('cardDialog.archivedDone', { title: instruction.title }) : t('cardDialog.restoredDone', { title: instruction.title }));

  return (
    <div className="workflow-actions">
      {!instruction.archived && status === 'assigned' && (
        <button type="button" onClick={() => void onStatus('in_progress', {})}>
          {t('cardDialog.startWork')}
        </button>
      )}
      {!instruction.archived && (status === 'assigned' || status === 'in_progress') && (
        <button type="button" onClick={submit}>
          {t('cardDialog.submitReport')}
        </button>
      )}
      {!instruction.archived && status === 'report_submitted' && (
        <button type="button" onClick={() => void onStatus('in_progress', {})}>
          {t('cardDialog.returnForRework')}
        </button>
      )}
      {!instruction.archived && status !== 'resolved' && (
        <button type="button" className="primary" onClick={resolve}>
          {t('cardDialog.resolve')}
        </button>
      )}
      {!instruction.archived && status === 'resolved' && (
        <button type="button" onClick={reopen}>
          {t('cardDialog.reopen')}
        </button>
      )}
      <button type="button" className="quiet" onClick={() => void archive(!instruction.archived)}>
        {instruction.archived ? t('cardDialog.restore') : t('cardDialog.archive')}
      </button>
      {ask && (
        <PromptDialog
          request={ask.request}
          onDone={(value) => {
            const pendingAsk = ask;
            setAsk(null);
            if (value !== null) pendingAsk.then(value);
          }}
        />
      )}
    </div>
  );
}
