import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/context';
import { useReferenceData } from '../app/data';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { allOrgNames } from '../common/orgNames';

/** As the store compares names (db/organization-names.ts): case, quotes, «ё» and spacing do not count. */
function nameKey(name: string): string {
  return name
    .replace(/[«»"“”„‘’'`]/g, ' ')
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .trim();
}

/**
 * "Add organization…" inside a form: a name (required), refused when the list already has it, and
 * the new organization handed back to the form. It is a group of the form, not a form of its own
 * (forms do not nest), so Enter adds here instead of sending the outer form.
 */
export function AddOrganization({ onAdded, onCancel }: { onAdded: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const referenceData = useReferenceData();
  const announce = useAnnounce();
  const id = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setProblem(t('forms.organizationNameRequired'));
      return;
    }
    // Any of its names, in any language, is the organization already listed.
    const same = referenceData.organizations.find((o) => allOrgNames(o).some((n) => nameKey(n) === nameKey(trimmed)));
    if (same) {
      setProblem(t('forms.organizationDuplicate', { name: referenceData.orgFullName(same.id) }));
      return;
    }
    setBusy(true);
    try {
      const created = await api['organizations.create']({ name: trimmed });
      await referenceData.changed();
      announce(t('forms.organizationAdded', { name: created.name }));
      onAdded(created.id);
    } catch (err) {
      setProblem(describeError(err, t));
      setBusy(false);
    }
  };

  return (
    <div className="inline-add" role="group" aria-labelledby={`${id}-title`}>
      <span className="form-label" id={`${id}-title`}>
        {t('forms.newOrganization')}
      </span>
      <label htmlFor={`${id}-name`} className="visually-hidden">
        {t('forms.newOrganizationName')}
      </label>
      <span className="field-row">
        <input
          id={`${id}-name`}
          value={name}
          autoFocus
          placeholder={t('forms.newOrganizationName')}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <button type="button" className="primary" disabled={busy} onClick={() => void add()}>
          {t('forms.addOrganizationConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </span>
      {problem && (
        <span id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
