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
import { DateInput } from '../common/DateInput';
import { FieldNote, checkText, noteRef } from '../common/FieldNote';
import { AddOrganization } from './AddOrganization';
import { ConfirmPastDeadline } from './ConfirmPastDeadline';
import { DeadlineRuleNote, NO_REPEAT, RepeatsField, WorkingDaysPicker, repeatText, type RepeatDraft } from './WorkingDays';

/** Today's date where the official is. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The longest title the store takes (the contract's limit). */
export const TITLE_LIMIT = 1000;

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
    coexecutorIds: [] as string[],
  });
  const [coexecutorPick, setCoexecutorPick] = useState('');
  const [adding, setAdding] = useState<'lead' | 'coexecutor' | null>(null);
  const [busy, setBusy] = useState(false);
  const [dateError, setDateError] = useState<string | null>(null);
  const [confirmPast, setConfirmPast] = useState(false);
  const [repeat, setRepeat] = useState<RepeatDraft>(NO_REPEAT);
  const [repeatError, setRepeatError] = useState<string | null>(null);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const title = checkText(form.title, { required: t('forms.titleRequired'), limit: TITLE_LIMIT }, t);
  const titleNoteId = `${id}-title-note`;

  const addCoexecutor = (orgId: string) => {
    if (!orgId || orgId === form.leadOrgId) return;
    setForm((f) => (f.coexecutorIds.includes(orgId) ? f : { ...f, coexecutorIds: [...f.coexecutorIds, orgId] }));
    setCoexecutorPick('');
  };

  const submit = async (event: FormEvent | null, allowPastDeadline = false) => {
    event?.preventDefault();
    if (title.blocks) return;
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
        coexecutors: form.coexecutorIds.map((organizationId) => ({ organizationId })),
        recurrence: repeatText(repeat),
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
      else if (key?.startsWith('recurrence')) setRepeatError(describeError(err, t));
      else if (key === 'deadlineBeforeMeeting') setDateError(describeDeadlineBeforeMeeting(err, t, (iso) => formatDate(iso, i18n.language)));
      else announce(describeError(err, t), 'error');
    }
  };

  const pickable = referenceData.organizations.filter((o) => o.id !== form.leadOrgId && !form.coexecutorIds.includes(o.id));

  return (
    <Dialog title={t('newInstruction.title')} onClose={onClose} testId="new-instruction-dialog">
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-title`}>{t('fields.title')}</label>
        <div className="field-with-note">
          {/* No maxLength: a longer paste would be cut without a word; it is kept and refused with the reason. */}
          <input
            id={`${id}-title`}
            value={form.title}
            required
            data-autofocus
            aria-invalid={title.alert || undefined}
            aria-describedby={noteRef(titleNoteId, title)}
            onChange={(e) => set('title', e.target.value)}
          />
          <FieldNote id={titleNoteId} check={title} />
        </div>
        <label htmlFor={`${id}-body`}>{t('fields.body')}</label>
        <textarea id={`${id}-body`} rows={4} value={form.body} onChange={(e) => set('body', e.target.value)} />
        <label htmlFor={`${id}-meeting`}>{t('fields.meeting')}</label>
        <select id={`${id}-meeting`} value={form.meetingId} onChange={(e) => set('meetingId', e.target.value)}>
          <ReferenceOptions of="meetings" />
        </select>
        <label htmlFor={`${id}-number`}>{t('fields.itemNumber')}</label>
        <input id={`${id}-number`} value={form.itemNumber} maxLength={40} onChange={(e) => set('itemNumber', e.target.value)} />
        <label htmlFor={`${id}-lead`}>{t('fields.leadOrg')}</label>
        <div className="field-with-note">
          <span className="field-row">
            <select
              id={`${id}-lead`}
              value={form.leadOrgId}
              onChange={(e) => {
                const lead = e.target.value;
                setForm((f) => ({ ...f, leadOrgId: lead, coexecutorIds: f.coexecutorIds.filter((x) => x !== lead) }));
              }}
            >
              <ReferenceOptions of="organizations" />
            </select>
            <button type="button" aria-expanded={adding === 'lead'} onClick={() => setAdding(adding === 'lead' ? null : 'lead')}>
              {t('forms.addOrganization')}
            </button>
          </span>
          {adding === 'lead' && (
            <AddOrganization
              onCancel={() => setAdding(null)}
              onAdded={(orgId) => {
                setAdding(null);
                setForm((f) => ({ ...f, leadOrgId: orgId, coexecutorIds: f.coexecutorIds.filter((x) => x !== orgId) }));
              }}
            />
          )}
        </div>
        <span className="form-label" id={`${id}-coexecutors`}>
          {t('forms.coexecutors')}
        </span>
        <div className="field-with-note" role="group" aria-labelledby={`${id}-coexecutors`}>
          {form.coexecutorIds.length === 0 ? (
            <span className="field-note">{t('forms.noCoexecutors')}</span>
          ) : (
            <ul className="chosen-list" aria-labelledby={`${id}-coexecutors`}>
              {form.coexecutorIds.map((orgId) => (
                <li key={orgId}>
                  <span>{referenceData.orgFullName(orgId) || orgId}</span>
                  <button
                    type="button"
                    className="quiet"
                    aria-label={t('forms.removeCoexecutor', { name: referenceData.orgFullName(orgId) })}
                    onClick={() => set('coexecutorIds', form.coexecutorIds.filter((x) => x !== orgId))}
                  >
                    {t('common.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <span className="field-row">
            <select aria-label={t('forms.coexecutorToAdd')} value={coexecutorPick} onChange={(e) => setCoexecutorPick(e.target.value)}>
              <option value="">{t('fields.none')}</option>
              {pickable.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            <button type="button" disabled={!coexecutorPick} onClick={() => addCoexecutor(coexecutorPick)}>
              {t('forms.addCoexecutor')}
            </button>
            <button type="button" aria-expanded={adding === 'coexecutor'} onClick={() => setAdding(adding === 'coexecutor' ? null : 'coexecutor')}>
              {t('forms.addOrganization')}
            </button>
          </span>
          {adding === 'coexecutor' && (
            <AddOrganization
              onCancel={() => setAdding(null)}
              onAdded={(orgId) => {
                setAdding(null);
                addCoexecutor(orgId);
              }}
            />
          )}
        </div>
        <label htmlFor={`${id}-due`}>{t('fields.dueDate')}</label>
        <div>
          <DateInput
            id={`${id}-due`}
            value={form.dueDate}
            describedBy={dateError ? `${id}-due-error` : undefined}
            invalid={dateError !== null}
            onChange={(v) => {
              set('dueDate', v);
              setDateError(null);
            }}
          />
          {dateError && (
            <p id={`${id}-due-error`} className="field-error" role="alert">
              {dateError}
            </p>
          )}
          <DeadlineRuleNote id={`${id}-due-moved`} date={form.dueDate} leadOrgId={form.leadOrgId || null} meetingId={form.meetingId || null} />
          <WorkingDaysPicker
            from={referenceData.meetings.find((m) => m.id === form.meetingId)?.heldOn ?? localToday()}
            leadOrgId={form.leadOrgId || null}
            onPick={(date) => {
              set('dueDate', date);
              setDateError(null);
            }}
          />
        </div>
        <span className="form-label" id={`${id}-repeats`}>
          {t('workdays.repeats')}
        </span>
        <RepeatsField
          value={repeat}
          error={repeatError}
          onChange={(draft) => {
            setRepeat(draft);
            setRepeatError(null);
          }}
        />
        <label htmlFor={`${id}-priority`}>{t('fields.priority')}</label>
        <select id={`${id}-priority`} value={form.priority} onChange={(e) => set('priority', e.target.value as Priority)}>
          <PriorityOptions />
        </select>
        <span className="form-label" id={`${id}-topics`}>
          {t('fields.topics')}
        </span>
        <TopicCheckboxes value={form.tagIds} onChange={(ids) => set('tagIds', ids)} labelledBy={`${id}-topics`} />
        <FormActions onCancel={onClose} submit={t('newInstruction.create')} disabled={busy || title.blocks} describedBy={noteRef(titleNoteId, title)} />
      </form>
      {confirmPast && (
        <ConfirmPastDeadline
          date={form.dueDate}
          onCancel={() => setConfirmPast(false)}
          onConfirm={() => {
            setConfirmPast(false);
            void submit(null, true);
          }}
        />
      )}
    </Dialog>
  );
}
