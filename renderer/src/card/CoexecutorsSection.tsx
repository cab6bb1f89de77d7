import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordTable } from '../common/RecordTable';
import type { InstructionDetail } from '../../../db/model';
import { useApi } from '../app/context';
import { useReferenceData } from '../app/data';
import { formatDate } from '../common/format';
import type { RunChange } from './types';
import { ReferenceOptions } from '../common/choices';
import { DateInput } from '../common/DateInput';

/** Co-executors, each with a deadline of its own. */
export function CoexecutorsSection({ detail, run }: { detail: InstructionDetail; run: RunChange }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const referenceData = useReferenceData();
  const [orgId, setOrgId] = useState('');
  const [personId, setPersonId] = useState('');
  const [due, setDue] = useState('');
  const id = useId();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!orgId && !personId) return;
    const ok = await run(
      () => api['coexecutors.add']({ instructionId: detail.instruction.id, organizationId: orgId || null, personId: personId || null, dueDate: due || null }),
      t('coexecutors.added'),
    );
    if (ok) {
      setOrgId('');
      setPersonId('');
      setDue('');
    }
  };

  return (
    <div className="section">
      {detail.coexecutors.length === 0 ? (
        <p className="muted">{t('coexecutors.none')}</p>
      ) : (
        <RecordTable caption={t('coexecutors.caption')} columns={[t('fields.organization'), t('fields.person'), t('fields.dueDate')]} actions testId="coexecutor-table">
          {detail.coexecutors.map((co) => (
            <tr key={co.id}>
              <td>{referenceData.orgName(co.organizationId) || '—'}</td>
              <td>{referenceData.personName(co.personId) || '—'}</td>
              <td>
                <CoexecutorDue
                  label={t('coexecutors.dueFor', { name: referenceData.orgName(co.organizationId) || referenceData.personName(co.personId) })}
                  saved={co.dueDate}
                  onSave={(value) => void run(() => api['coexecutors.update']({ id: co.id, patch: { dueDate: value } }), t('coexecutors.updated'))}
                />
                {co.dueDate && <span className="visually-hidden">{formatDate(co.dueDate, i18n.language)}</span>}
              </td>
              <td>
                <button
                  type="button"
                  className="quiet"
                  aria-label={t('coexecutors.removeLabel', { name: referenceData.orgName(co.organizationId) || referenceData.personName(co.personId) })}
                  onClick={() => void run(() => api['coexecutors.remove']({ id: co.id }), t('coexecutors.removed'))}
                >
                  {t('common.remove')}
                </button>
              </td>
            </tr>
          ))}
        </RecordTable>
      )}
      <form className="form-grid" onSubmit={(e) => void add(e)} data-testid="coexecutor-form">
        <label htmlFor={`${id}-org`}>{t('fields.organization')}</label>
        <select id={`${id}-org`} value={orgId} onChange={(e) => setOrgId(e.target.value)}>
          <ReferenceOptions of="organizations" />
        </select>
        <label htmlFor={`${id}-person`}>{t('fields.person')}</label>
        <select id={`${id}-person`} value={personId} onChange={(e) => setPersonId(e.target.value)}>
          <ReferenceOptions of="people" />
        </select>
        <label htmlFor={`${id}-due`}>{t('fields.dueDate')}</label>
        <DateInput id={`${id}-due`} value={due} onChange={setDue} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!orgId && !personId}>
            {t('coexecutors.add')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A co-executor's own deadline, saved when the field is left or a day is picked. */
function CoexecutorDue({ label, saved, onSave }: { label: string; saved: string | null; onSave: (value: string | null) => void }) {
  const [value, setValue] = useState(saved ?? '');
  return (
    <DateInput
      aria-label={label}
      value={value}
      onChange={setValue}
      onCommit={(committed) => {
        if ((committed || null) !== saved) onSave(committed || null);
      }}
    />
  );
}
