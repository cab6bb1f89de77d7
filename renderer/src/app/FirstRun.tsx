import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../db/model';
import { useApi } from './context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import './app.css';

export function FirstRun({ onChosen }: { onChosen: (info: AppInfo) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  const choose = async (choice: 'demo' | 'empty') => {
    setBusy(true);
    try {
      onChosen(await api['app.chooseStart']({ choice }));
    } catch (err) {
      announce(describeError(err, t), 'error');
      setBusy(false);
    }
  };

  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">{t('firstRun.title')}</h1>
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
