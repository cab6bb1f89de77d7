// The fields of a profile (the first run, settings) and of a report's signature block (settings,
// the reports dialog), labelled so that a screen reader and a test find each by its name.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSignature } from '../../../electron/api/contract';
import './settings.css';

export interface ProfileDraft {
  fullName: string;
  position: string;
  organization: string;
  phone: string;
}

export const EMPTY_PROFILE: ProfileDraft = { fullName: '', position: '', organization: '', phone: '' };

export function ProfileFields({ value, onChange, nameError }: { value: ProfileDraft; onChange: (next: ProfileDraft) => void; nameError?: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const input = (key: keyof ProfileDraft, type = 'text', autoComplete?: string) => (
    <div className="profile-field">
      <label htmlFor={`${id}-${key}`}>
        {t(`profile.${key}`)}
        {key === 'fullName' && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={value[key]}
        autoComplete={autoComplete}
        required={key === 'fullName'}
        maxLength={key === 'phone' ? 60 : 200}
        aria-invalid={key === 'fullName' && nameError ? true : undefined}
        aria-describedby={key === 'fullName' && nameError ? `${id}-name-error` : undefined}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
      />
      {key === 'fullName' && nameError && (
        <span id={`${id}-name-error`} className="field-error" role="alert">
          {nameError}
        </span>
      )}
    </div>
  );
  return (
    <div className="profile-fields">
      {input('fullName', 'text', 'name')}
      {input('position', 'text', 'organization-title')}
      {input('organization', 'text', 'organization')}
      {input('phone', 'tel', 'tel')}
    </div>
  );
}

const PREPARED = ['preparedName', 'preparedPosition', 'preparedPhone'] as const;
const APPROVED = ['approvedPosition', 'approvedName'] as const;

/** "Prepared by" (placeholders show what the profile in use fills in) and "approved by". */
export function SignatureFields({ value, fromProfile, onChange }: { value: ReportSignature; fromProfile: ReportSignature; onChange: (next: ReportSignature) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const input = (key: keyof ReportSignature) => (
    <div className="profile-field" key={key}>
      <label htmlFor={`${id}-${key}`}>{t(`signature.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type={key === 'preparedPhone' ? 'tel' : 'text'}
        value={value[key]}
        maxLength={key === 'preparedPhone' ? 60 : 200}
        placeholder={(PREPARED as readonly string[]).includes(key) && fromProfile[key] ? t('signature.fromProfile', { value: fromProfile[key] }) : undefined}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <div className="signature-fields">
      <fieldset>
        <legend>{t('signature.prepared')}</legend>
        {PREPARED.map(input)}
      </fieldset>
      <fieldset>
        <legend>{t('signature.approved')}</legend>
        {APPROVED.map(input)}
      </fieldset>
    </div>
  );
}
