// Settings → Team: the desk's connection to a team server. The status always says online or
// offline, when the desk last synced and how many changes wait to be sent; it is read again every
// few seconds. A desk never signed in shows that it works on its own.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatusView } from '../../../electron/api/contract';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { formatDateTime } from '../common/format';
import { TEAM_SIGNED_IN_EVENT } from '../app/data';

const REFRESH_MS = 5000;

export function TeamSettings() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  const [status, setStatus] = useState<TeamStatusView | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => api['team.status']({}).then(setStatus), [api]);

  useEffect(() => {
    let live = true;
    void api['team.status']({}).then((s) => {
      if (!live) return;
      setStatus(s);
      if (s.serverUrl) setServerUrl(s.serverUrl);
    });
    const timer = setInterval(() => void refresh().catch(() => undefined), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, refresh]);

  const run = (task: () => Promise<TeamStatusView>, done: string) => {
    setBusy(true);
    setError(null);
    void task()
      .then(
        (s) => {
          setStatus(s);
          announce(t(done));
        },
        (err: unknown) => {
          setError(describeError(err, t));
          void refresh().catch(() => undefined);
        },
      )
      .finally(() => setBusy(false));
  };

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const s = await api['team.signIn']({ serverUrl: serverUrl.trim(), login: login.trim(), password });
      setPassword('');
      window.dispatchEvent(new Event(TEAM_SIGNED_IN_EVENT));
      return s;
    }, 'team.signedIn');
  };

  const errorId = `${id}-error`;
  const signedIn = status?.signedIn === true;
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('team.title')}</h3>
      <p className="settings-note">{t('team.intro')}</p>
      {status && (
        <div className="team-status" role="status" aria-live="polite">
          <p>
            <span className={`team-light ${status.online ? 'online' : 'offline'}`} aria-hidden="true" />
            <strong>{status.online ? t('team.online') : t('team.offline')}</strong>
            {' · '}
            {signedIn && status.login && status.role ? t('team.signedInAs', { login: status.login, role: t(`team.roles.${status.role}`) }) : t('team.notConnected')}
          </p>
          {(signedIn || status.waiting > 0) && (
            <ul className="team-facts">
              <li>{status.lastSyncAt ? t('team.lastSync', { when: formatDateTime(status.lastSyncAt, i18n.language) }) : t('team.neverSynced')}</li>
              <li>{t('team.waiting', { count: status.waiting })}</li>
              {status.refused > 0 && <li>{t('team.refused', { count: status.refused })}</li>}
            </ul>
          )}
        </div>
      )}
      {signedIn ? (
        <div className="row-actions start">
          <button type="button" className="primary" disabled={busy} onClick={() => run(() => api['team.syncNow']({}), 'team.synced')}>
            {t('team.syncNow')}
          </button>
          <button type="button" disabled={busy} onClick={() => run(() => api['team.signOut']({}), 'team.signedOut')}>
            {t('team.signOut')}
          </button>
        </div>
      ) : (
        <form className="team-form" onSubmit={signIn} aria-describedby={error ? errorId : undefined}>
          <label htmlFor={`${id}-server`}>{t('team.server')}</label>
          <input id={`${id}-server`} type="url" value={serverUrl} placeholder={t('team.serverHint')} required maxLength={500} onChange={(e) => setServerUrl(e.target.value)} />
          <label htmlFor={`${id}-login`}>{t('team.login')}</label>
          <input id={`${id}-login`} value={login} required maxLength={100} autoComplete="username" onChange={(e) => setLogin(e.target.value)} />
          <label htmlFor={`${id}-password`}>{t('team.password')}</label>
          <input id={`${id}-password`} type="password" value={password} required maxLength={1000} autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
          <div className="row-actions start">
            <button type="submit" className="primary" disabled={busy || serverUrl.trim() === '' || login.trim() === '' || password === ''}>
              {t('team.signIn')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
