// The lists every form offers: organizations, people, meetings, priorities and topics.
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../db/model';
import { useReferenceData } from '../app/data';
import { fullOrgName } from './orgNames';

const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'critical'];

/** `<option>`s for a select of organizations, people or meetings, with "none" first. */
export function ReferenceOptions({ of, none = true }: { of: 'organizations' | 'people' | 'meetings'; none?: boolean }) {
  const { t, i18n } = useTranslation();
  const referenceData = useReferenceData();
  const items =
    of === 'organizations'
      ? referenceData.organizations.map((o) => ({ id: o.id, label: fullOrgName(o, i18n.language) }))
      : of === 'people'
        ? referenceData.people.map((p) => ({ id: p.id, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName }))
        : referenceData.meetings.map((m) => ({ id: m.id, label: m.title }));
  return (
    <>
      {none && <option value="">{t('fields.none')}</option>}
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.label}
        </option>
      ))}
    </>
  );
}

export function PriorityOptions() {
  const { t } = useTranslation();
  return (
    <>
      {PRIORITIES.map((p) => (
        <option key={p} value={p}>
          {t(`priority.${p}`)}
        </option>
      ))}
    </>
  );
}

/** The topics as a group of checkboxes, labelled by the element with `labelledBy`. */
export function TopicCheckboxes({ value, onChange, labelledBy }: { value: string[]; onChange: (ids: string[]) => void; labelledBy: string }) {
  const { tags } = useReferenceData();
  return (
    <div className="checkbox-group" role="group" aria-labelledby={labelledBy}>
      {tags.map((tag) => (
        <label key={tag.id} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(tag.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, tag.id] : value.filter((x) => x !== tag.id))}
          />
          {tag.name}
        </label>
      ))}
    </div>
  );
}

/** Cancel and submit, at the end of every form. */
export function FormActions({ onCancel, submit, disabled, describedBy }: { onCancel: () => void; submit: string; disabled?: boolean; describedBy?: string }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="primary" disabled={disabled} aria-describedby={describedBy}>
        {submit}
      </button>
    </div>
  );
}
