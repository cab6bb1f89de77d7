import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instruction, InstructionDetail, Priority } from '../../../db/model';
import { useApi } from '../app/context';
import { useReferenceData } from '../app/data';
import { useUndo } from '../app/undo';
import type { RunChange } from './types';
import { ReferenceOptions, PriorityOptions, TopicCheckboxes } from '../common/choices';
import { FieldNote, checkText, noteRef } from '../common/FieldNote';

type Editable = Pick<Instruction, 'title' | 'body' | 'itemNumber' | 'controlNumber' | 'meetingId' | 'leadOrgId' | 'leadPersonId' | 'controllerId' | 'priority' | 'onControl'>;
const EDITABLE: (keyof Editable)[] = ['title', 'body', 'itemNumber', 'controlNumber', 'meetingId', 'leadOrgId', 'leadPersonId', 'controllerId', 'priority', 'onControl'];

function pick(instruction: Instruction): Editable {
  return Object.fromEntries(EDITABLE.map((k) => [k, instruction[k]])) as unknown as Editable;
}

/** The instruction's own fields, edited together and saved in one step. */
export function DetailsForm({ detail, run }: { detail: InstructionDetail; run: RunChange }) {
  const { t } = useTranslation();
  const api = useApi();
  const undo = useUndo();
  const referenceData = useReferenceData();
  const { instruction } = detail;
  const [form, setForm] = useState<Editable>(() => pick(instruction));
  const [tagIds, setTagIds] = useState<string[]>(detail.tagIds);
  const id = useId();
  const field = (name: string) => `${id}-${name}`;

  const set = <K extends keyof Editable>(key: K, value: Editable[K]) => setForm((f) => ({ ...f, [key]: value }));
  const original = pick(instruction);
  const patch = Object.fromEntries(EDITABLE.filter((k) => form[k] !== original[k]).map((k) => [k, form[k]])) as Partial<Editable>;
  const tagsChanged = [...tagIds].sort().join() !== [...detail.tagIds].sort().join();
  const dirty = Object.keys(patch).length > 0 || tagsChanged;
  const title = checkText(form.title, { required: t('forms.titleRequiredSave'), limit: 1000 }, t);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty || form.title.trim() === '') return;
    const inverse = Object.fromEntries(Object.keys(patch).map((k) => [k, original[k as keyof Editable]])) as Partial<Editable>;
    const oldTags = detail.tagIds;
    await run(async () => {
      let version = instruction.version;
      if (Object.keys(patch).length > 0) {
        const { controlNumber, ...rest } = patch;
        version = (await api['instructions.update']({ id: instruction.id, expectedVersion: version, patch: { ...rest, ...(controlNumber ? { controlNumber } : {}) } })).version;
      }
      if (tagsChanged) await api['instructions.setTags']({ id: instruction.id, tagIds, expectedVersion: version });
      undo.push({
        label: t('cardDialog.saved', { title: form.title }),
        cardId: instruction.id,
        undo: async () => {
          const { controlNumber, ...rest } = inverse;
          if (Object.keys(inverse).length > 0) await api['instructions.update']({ id: instruction.id, patch: { ...rest, ...(controlNumber ? { controlNumber } : {}) } });
          if (tagsChanged) await api['instructions.setTags']({ id: instruction.id, tagIds: oldTags });
        },
      });
    }, t('cardDialog.saved', { title: form.title }));
  };

  const peopleOf = (orgId: string | null) => referenceData.people.filter((p) => !orgId || p.organizationId === orgId || p.id === form.leadPersonId);

  return (
    <form className="form-grid" onSubmit={(e) => void save(e)} data-testid="details-form">
      <label htmlFor={field('title')}>{t('fields.title')}</label>
      <div className="field-with-note">
        {/* No maxLength: a longer paste would be cut without a word; it is kept and refused with the reason. */}
        <input
          id={field('title')}
          value={form.title}
          required
          aria-invalid={title.alert || undefined}
          aria-describedby={noteRef(field('title-note'), title)}
          onChange={(e) => set('title', e.target.value)}
        />
        <FieldNote id={field('title-note')} check={title} />
      </div>

      <label htmlFor={field('body')}>{t('fields.body')}</label>
      <textarea id={field('body')} rows={5} value={form.body} onChange={(e) => set('body', e.target.value)} />

      <label htmlFor={field('number')}>{t('fields.itemNumber')}</label>
      <input id={field('number')} value={form.itemNumber ?? ''} maxLength={40} onChange={(e) => set('itemNumber', e.target.value || null)} />

      <label htmlFor={field('control')}>{t('fields.controlNumber')}</label>
      <input id={field('control')} value={form.controlNumber ?? ''} required maxLength={60} onChange={(e) => set('controlNumber', e.target.value)} />

      <label htmlFor={field('meeting')}>{t('fields.meeting')}</label>
      <select id={field('meeting')} value={form.meetingId ?? ''} onChange={(e) => set('meetingId', e.target.value || null)}>
        <ReferenceOptions of="meetings" />
      </select>

      <label htmlFor={field('lead')}>{t('fields.leadOrg')}</label>
      <select id={field('lead')} value={form.leadOrgId ?? ''} onChange={(e) => set('leadOrgId', e.target.value || null)}>
        <ReferenceOptions of="organizations" />
      </select>

      <label htmlFor={field('person')}>{t('fields.leadPerson')}</label>
      <select id={field('person')} value={form.leadPersonId ?? ''} onChange={(e) => set('leadPersonId', e.target.value || null)}>
        <option value="">{t('fields.none')}</option>
        {peopleOf(form.leadOrgId).map((p) => (
          <option key={p.id} value={p.id}>
            {p.fullName}
            {p.position ? ` — ${p.position}` : ''}
          </option>
        ))}
      </select>

      <label htmlFor={field('controller')}>{t('fields.controller')}</label>
      <select id={field('controller')} value={form.controllerId ?? ''} onChange={(e) => set('controllerId', e.target.value || null)}>
        <ReferenceOptions of="people" />
      </select>

      <label htmlFor={field('priority')}>{t('fields.priority')}</label>
      <select id={field('priority')} value={form.priority} onChange={(e) => set('priority', e.target.value as Priority)}>
        <PriorityOptions />
      </select>

      <span className="form-label" id={field('topics')}>
        {t('fields.topics')}
      </span>
      <TopicCheckboxes value={tagIds} onChange={setTagIds} labelledBy={field('topics')} />

      <span className="form-label">{t('fields.control')}</span>
      <label className="checkbox">
        <input type="checkbox" checked={form.onControl} onChange={(e) => set('onControl', e.target.checked)} />
        {t('fields.onControl')}
      </label>

      <div className="form-actions">
        <button type="button" disabled={!dirty} onClick={() => { setForm(pick(instruction)); setTagIds(detail.tagIds); }}>
          {t('common.reset')}
        </button>
        <button type="submit" className="primary" disabled={!dirty || title.blocks || (form.controlNumber ?? '').trim() === ''} aria-describedby={noteRef(field('title-note'), title)}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
