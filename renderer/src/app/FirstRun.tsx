import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../db/model';
import { useApi } from './context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { EMPTY_PROFILE, ProfileFields, type ProfileDraft } from '../settings/fields';
import './app.css';

/** The first start: the official's profile (every change is signed with it), then the demo or an empty start. */
export function FirstRun({ onChosen }: { onChosen: (info: AppInfo) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [profile, setProfile] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [nameError, setNameError] = useState<string | null>(null);
  const formRef = useRef<HTMLFieldSetElement>(null);

  const choose = async (choice: 'demo' | 'empty') => {
    if (profile.fullName.trim() === '') {
      setNameError(t('profile.nameRequired'));
      formRef.current?.querySelector('input')?.focus();
      return;
    }
    setNameError(null);
    setBusy(true);
    try {
      onChosen(await api['app.chooseStart']({ choice, profile }));
    } catch (err) {
      announce(describeError(err, t), 'error');
      setBusy(false);
    }
  };

  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">{t('firstRun.title')}</h1>
      <fieldset className="first-run-profile" ref={formRef}>
        <legend>{t('profile.legend')}</legend>
        <p>{t('profile.intro')}</p>
        <ProfileFields
          value={profile}
          nameError={nameError}
          onChange={(next) => {
            setProfile(next);
            if (next.fullName.trim() !== '') setNameError(null);
          }}
        />
      </fieldset>
      <p>{t('firstRun.intro')}</p>
      <div className="first-run-choices">
        <button type="button" className="choice primary" disabled={busy} onClick={() => void choose('demo')}>
          <strong>{t('firstRun.demoTitle')}</strong>
          <span>{t('firstRun.demoText')}</span>
        </button>
        <button type="button" className="choice" disabled={busy} onClick={() => void choose('empty')}>
          <strong>{t('firstRun.emptyTitle')}</strong>
          <span>{t('firstRun.emptyText')}</span>
        </button>
      </div>
    </main>
  );
}
