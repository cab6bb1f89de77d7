import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordTable } from '../common/RecordTable';
import type { Meeting } from '../../../db/model';
import { useApi } from '../app/context';
import { useReferenceData } from '../app/data';
import { useAnnounce } from '../common/Announcer';
import { Dialog } from '../common/Dialog';
import { describeError } from '../common/errors';
import { formatDate } from '../common/format';
import { FormActions } from '../common/choices';
import '../common/screen.css';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { DateInput } from '../common/DateInput';

interface Props {
  onOpenBoard(meetingId: string): void;
  onAddInstruction(meetingId: string): void;
}

export function MeetingsScreen({ onOpenBoard, onAddInstruction }: Props) {
  const { t, i18n } = useTranslation();
  const referenceData = useReferenceData();
  const [editing, setEditing] = useState<Meeting | 'new' | null>(null);

  return (
    <section className="screen" aria-labelledby="meetings-title">
      <div className="screen-head">
        <h2 id="meetings-title">{t('meetings.title')}</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('meetings.new')}
        </button>
      </div>
      {referenceData.meetings.length === 0 ? (
        <p className="muted">{t('meetings.none')}</p>
      ) : (
        <RecordTable caption={t('meetings.title')} columns={[t('fields.heldOn'), t('fields.meetingTitle'), t('fields.protocolNumber'), t('fields.place')]} actions testId="meetings-table">
          {referenceData.meetings.map((m) => (
            <tr key={m.id}>
              <td>{m.heldOn ? formatDate(m.heldOn, i18n.language) : '—'}</td>
              <td>{m.title}</td>
              <td>{m.protocolNumber ?? '—'}</td>
              <td>{m.place ?? '—'}</td>
              <td className="row-actions">
                <button type="button" onClick={() => onOpenBoard(m.id)} aria-label={t('meetings.openBoardLabel', { title: m.title })}>
                  {t('meetings.openBoard')}
                </button>
                <button type="button" onClick={() => onAddInstruction(m.id)} aria-label={t('meetings.addInstructionLabel', { title: m.title })}>
                  {t('meetings.addInstruction')}
                </button>
                <button type="button" onClick={() => setEditing(m)} aria-label={t('meetings.editLabel', { title: m.title })}>
                  {t('common.edit')}
                </button>
              </td>
            </tr>
          ))}
        </RecordTable>
      )}
      {editing && <MeetingDialog meeting={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

export function MeetingDialog({ meeting, onClose }: { meeting: Meeting | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const referenceData = useReferenceData();
  const announce = useAnnounce();
  const id = useId();
  const [form, setForm] = useState({
    title: meeting?.title ?? '',
    heldOn: meeting?.heldOn ?? '',
    place: meeting?.place ?? '',
    participants: meeting?.participants ?? '',
    protocolNumber: meeting?.protocolNumber ?? '',
    sourceText: meeting?.sourceText ?? '',
  });
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.title.trim() === '') return;
    const fields = {
      title: form.title.trim(),
      heldOn: form.heldOn || null,
      place: form.place || null,
      participants: form.participants || null,
      protocolNumber: form.protocolNumber || null,
      sourceText: form.sourceText || null,
    };
    try {
      if (meeting) await api['meetings.update']({ id: meeting.id, patch: fields });
      else await api['meetings.create'](fields);
      announce(t(meeting ? 'meetings.saved' : 'meetings.created', { title: fields.title }));
      await referenceData.changed();
      onClose();
    } catch (err) {
      announce(describeError(err, t), 'error');
    }
  };

  return (
    <Dialog title={meeting ? t('meetings.edit') : t('meetings.new')} onClose={onClose} testId="meeting-dialog">
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-title`}>{t('fields.meetingTitle')}</label>
        <input id={`${id}-title`} value={form.title} required data-autofocus onChange={(e) => set('title', e.target.value)} />
        <label htmlFor={`${id}-date`}>{t('fields.heldOn')}</label>
        <DateInput id={`${id}-date`} value={form.heldOn} onChange={(v) => set('heldOn', v)} />
        <label htmlFor={`${id}-place`}>{t('fields.place')}</label>
        <input id={`${id}-place`} value={form.place} onChange={(e) => set('place', e.target.value)} />
        <label htmlFor={`${id}-participants`}>{t('fields.participants')}</label>
        <textarea id={`${id}-participants`} rows={2} value={form.participants} onChange={(e) => set('participants', e.target.value)} />
        <label htmlFor={`${id}-protocol`}>{t('fields.protocolNumber')}</label>
        <input id={`${id}-protocol`} value={form.protocolNumber} onChange={(e) => set('protocolNumber', e.target.value)} />
        <label htmlFor={`${id}-source`}>{t('fields.sourceText')}</label>
        <textarea id={`${id}-source`} rows={6} value={form.sourceText} onChange={(e) => set('sourceText', e.target.value)} />
        <FormActions onCancel={onClose} submit={t('common.save')} disabled={form.title.trim() === ''} />
      </form>
      {meeting && <AttachmentsPanel owner={{ kind: 'meeting', id: meeting.id }} heading={t('attachments.meetingTitle')} />}
    </Dialog>
  );
}
