import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../db/model';
import { useApi } from '../app/context';
import { useReferenceData } from '../app/data';
import { useAnnounce } from '../common/Announcer';
import { Dialog } from '../common/Dialog';
import { describeDeadlineBeforeMeeting, describeError, errorKey } from '../common/errors';
import { formatDate } from '../common/format';
import { ReferenceOptions, FormActions, PriorityOptions, TopicCheckboxes } from '../common/choices';

export function NewInstructionDialog({ meetingId, onClose, onCreated }: { meetingId?: string | null; onClose: () => void; onCreated?: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const referenceData = useReferenceData();
  const announce = useAnnounce();
  const id = useId();
  const [form, setForm] = useState({
    title: '',
    body: '',
    itemNumber: '',
    meetingId: meetingId ?? '',
    leadOrgId: '',
    dueDate: '',
    priority: 'normal' as Priority,
    tagIds: [] as string[],
  });
  const [busy, setBusy] = useState(false);
  const [dateError, setDateError] = useState<string | null>(null);
  const [confirmPast, setConfirmPast] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent | null, allowPastDeadline = false) => {
    event?.preventDefault();
    if (form.title.trim() === '') return;
    setBusy(true);
    try {
      const created = await api['instructions.create']({
        title: form.title.trim(),
        body: form.body,
        itemNumber: form.itemNumber || null,
        meetingId: form.meetingId || null,
        leadOrgId: form.leadOrgId || null,
        dueDate: form.dueDate || null,
        priority: form.priority,
        tagIds: form.tagIds,
        ...(allowPastDeadline ? { allowPastDeadline } : {}),
      });
      announce(t('newInstruction.created', { title: created.title }));
      await referenceData.changed();
      onCreated?.(created.id);
      onClose();
    } catch (err) {
      setBusy(false);
      const key = errorKey(err);
      if (key === 'deadlineInPast') setConfirmPast(true);
      else if (key === 'deadlineBeforeMeeting') setDateError(describeDeadlineBeforeMeeting(err, t, (iso) => formatDate(iso, i18n.language)));
      else announce(describeError(err, t), 'error');
    }
  };

  return (
    <Dialog title={t('newInstruction.title')} onClose={onClose} testId="new-instruction-dialog">
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-title`}>{t('fields.title')}</label>
        <input id={`${id}-title`} value={form.title} required data-autofocus maxLength={1000} onChange={(e) => set('title', e.target.value)} />
        <label htmlFor={`${id}-body`}>{t('fields.body')}</label>
        <textarea id={`${id}-body`} rows={4} value={form.body} onChange={(e) => set('body', e.target.value)} />
        <label htmlFor={`${id}-meeting`}>{t('fields.meeting')}</label>
        <select id={`${id}-meeting`} value={form.meetingId} onChange={(e) => set('meetingId', e.target.value)}>
          <ReferenceOptions of="meetings" />
        </select>
        <label htmlFor={`${id}-number`}>{t('fields.itemNumber')}</label>
        <input id={`${id}-number`} value={form.itemNumber} maxLength={40} onChange={(e) => set('itemNumber', e.target.value)} />
        <label htmlFor={`${id}-lead`}>{t('fields.leadOrg')}</label>
        <select id={`${id}-lead`} value={form.leadOrgId} onChange={(e) => set('leadOrgId', e.target.value)}>
          <ReferenceOptions of="organizations" />
        </select>
        <label htmlFor={`${id}-due`}>{t('fields.dueDate')}</label>
        <div>
          <input
            id={`${id}-due`}
            type="date"
            value={form.dueDate}
            aria-invalid={dateError !== null}
            aria-describedby={dateError ? `${id}-due-error` : undefined}
            onChange={(e) => {
              set('dueDate', e.target.value);
              setDateError(null);
            }}
          />
          {dateError && (
            <p id={`${id}-due-error`} className="field-error" role="alert">
              {dateError}
            </p>
          )}
        </div>
        <label htmlFor={`${id}-priority`}>{t('fields.priority')}</label>
        <select id={`${id}-priority`} value={form.priority} onChange={(e) => set('priority', e.target.value as Priority)}>
          <PriorityOptions />
        </select>
        <span className="form-label" id={`${id}-topics`}>
          {t('fields.topics')}
        </span>
        <TopicCheckboxes value={form.tagIds} onChange={(ids) => set('tagIds', ids)} labelledBy={`${id}-topics`} />
        <FormActions onCancel={onClose} submit={t('newInstruction.create')} disabled={busy || form.title.trim() === ''} />
      </form>
      {confirmPast && (
        <Dialog title={t('deadline.pastTitle')} onClose={() => setConfirmPast(false)}>
          <p>{t('deadline.pastText', { date: formatDate(form.dueDate, i18n.language) })}</p>
          <div className="form-actions">
            <button type="button" onClick={() => setConfirmPast(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                setConfirmPast(false);
                void submit(null, true);
              }}
            >
              {t('deadline.setAnyway')}
            </button>
          </div>
        </Dialog>
      )}
    </Dialog>
  );
}
