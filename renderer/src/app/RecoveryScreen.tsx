// The "store unavailable" screen: the data file could not be opened (damaged, or not ours). It
// names the file and the problem, lists the good backups of the data folder (newest first) and
// restores one; the damaged file is moved aside by the app, never deleted. Then the page reloads.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '../../../electron/api/contract';
import { useApi } from './context';
import { describeError } from '../common/errors';
import './app.css';

type Unavailable = Extract<RecoveryStatus, { state: 'unavailable' }>;

export function RecoveryScreen({ status }: { status: Unavailable }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  const restore = async (name: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const after = await api['recovery.restore']({ name });
      if (after.state === 'ok') window.location.reload();
      else setBusy(false);
    } catch (err) {
      setFailure(t('recovery.failed', { message: describeError(err, t) }));
      setBusy(false);
    }
  };

  const [latest, ...older] = status.backups;
  return (
    <main className="first-run" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('recovery.title')}</h1>
      <p role="alert">{status.problem === 'notOurStore' ? t('errors.notOurStore', { file: status.file }) : t('errors.storeDamaged', { file: status.file })}</p>
      <p>{t('recovery.keptNote')}</p>
      <h2>{t('recovery.backupsTitle')}</h2>
      {latest === undefined ? (
        <p>{t('recovery.noBackups')}</p>
      ) : (
        <>
          <p>
            <button type="button" className="primary" disabled={busy} onClick={() => void restore(latest.name)}>
              {t('recovery.restoreLatest')}
            </button>{' '}
            {when(latest.createdAt)}
            {latest.instructions !== null ? ` · ${t('recovery.instructions', { count: latest.instructions })}` : ''}
          </p>
          {older.length > 0 && (
            <ul>
              {older.map((b) => (
                <li key={b.name}>
                  <button type="button" disabled={busy} onClick={() => void restore(b.name)}>
                    {t('recovery.restoreThis', { date: when(b.createdAt) })}
                  </button>
                  {b.instructions !== null ? ` · ${t('recovery.instructions', { count: b.instructions })}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {busy && <p aria-live="polite">{t('recovery.restoring')}</p>}
      {failure !== null && <p role="alert">{failure}</p>}
    </main>
  );
}
