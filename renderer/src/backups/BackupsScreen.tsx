import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupsView } from '../../../electron/api/contract';
import type { IntakeCapabilities, StagedFileInfo } from '../../../db/intake-types';
import { useApi } from '../app/context';
import { ApiFailure, uploadFile } from '../api/transport';
import { RecordTable } from '../common/RecordTable';
import { useAnnounce } from '../common/Announcer';
import { Dialog } from '../common/Dialog';
import { describeError } from '../common/errors';
import { formatDateTime } from '../common/format';
import { formatSize } from '../intake/FilePicker';
import '../common/screen.css';
import './backups.css';

const REASONS = ['daily', 'manual', 'before-import', 'before-merge', 'before-restore', 'before-migration'];

/** What is about to be restored: a backup of the list, or a file the official handed over. */
type Pending = { kind: 'backup'; backup: BackupEntry } | { kind: 'file'; file: StagedFileInfo };

export function BackupsScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  const [view, setView] = useState<BackupsView | null>(null);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [capabilities, setCapabilities] = useState<IntakeCapabilities | null>(null);

  const show = useCallback((next: BackupsView) => {
    setView(next);
    setFolder(next.folder);
  }, []);

  useEffect(() => {
    let live = true;
    void Promise.all([api['backups.list']({}), api['intake.capabilities']({})])
      .then(([next, caps]) => {
        if (!live) return;
        show(next);
        setCapabilities(caps);
      })
      .catch((err: unknown) => live && setError(describeError(err, t)));
    return () => {
      live = false;
    };
  }, [api, show, t]);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (err) {
      const message = describeError(err, t);
      setError(message);
      announce(message, 'error');
      // The list may have changed (a failure is recorded): show what is there now.
      await api['backups.list']({}).then(show, () => undefined);
    } finally {
      setBusy(false);
    }
  };

  const reasonOf = (reason: string) => (REASONS.includes(reason) ? t(`backups.reason.${reason}`) : reason);
  const dateOf = (b: BackupEntry) => formatDateTime(b.createdAt, i18n.language);

  const backUpNow = () =>
    run(async () => {
      const next = await api['backups.create']({});
      show(next);
      announce(t('backups.made'));
    });

  const changeFolder = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      show(await api['backups.setFolder']({ folder: folder.trim() }));
      announce(t('backups.folderChanged'));
    });
  };

  const restore = (what: Pending) =>
    run(async () => {
      const outcome = what.kind === 'backup' ? await api['backups.restore']({ name: what.backup.name }) : await api['backups.restoreFile']({ fileId: what.file.fileId });
      setPending(null);
      // Said before the reload, which would take a notice on the page with it.
      if (outcome.attachmentsMissing) window.alert(t('attachments.restoreMissing', { count: outcome.attachmentsMissing }));
      // Everything on the page was read from the store that was replaced: start again from the restored one.
      window.location.reload();
    });

  const lastError = view?.lastError ?? null;

  return (
    <section className="screen backups-screen" aria-labelledby={`${id}-title`}>
      <div className="screen-head">
        <h2 id={`${id}-title`}>{t('backups.title')}</h2>
        <div className="row-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void backUpNow()}>
            {t('backups.now')}
          </button>
          {capabilities?.nativeDialogs ? (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  const file = await api['backups.openFile']({});
                  if (file) setPending({ kind: 'file', file });
                })
              }
            >
              {t('backups.fromFile')}
            </button>
          ) : (
            <>
              <input
                id={`${id}-file`}
                className="visually-hidden"
                type="file"
                accept=".sqlite,.db,application/vnd.sqlite3,application/octet-stream"
                disabled={busy}
                aria-labelledby={`${id}-file-button`}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void run(async () => setPending({ kind: 'file', file: await uploadFile(file, '/upload/restore') }));
                }}
              />
              <label htmlFor={`${id}-file`} id={`${id}-file-button`} className={`button-like${busy ? ' disabled' : ''}`}>
                {t('backups.fromFile')}
              </label>
            </>
          )}
        </div>
      </div>
      <p className="muted">{t('backups.explain')}</p>
      {view && (
        <form className="field-inline backups-folder" onSubmit={changeFolder}>
          <label htmlFor={`${id}-folder`}>{t('backups.folder')}</label>
          <input id={`${id}-folder`} value={folder} size={60} onChange={(e) => setFolder(e.target.value)} disabled={busy} />
          <button type="submit" disabled={busy || folder.trim() === '' || folder.trim() === view.folder}>
            {t('backups.changeFolder')}
          </button>
          {!view.defaultFolder && (
            <button type="button" disabled={busy} onClick={() => void run(async () => show(await api['backups.setFolder']({ folder: null })))}>
              {t('backups.defaultFolder')}
            </button>
          )}
        </form>
      )}
      {error && (
        <p role="alert" className="backups-error">
          {error}
        </p>
      )}
      {lastError && !error && (
        <p role="alert" className="backups-error" data-testid="backups-last-error">
          {t('backups.lastError', { date: formatDateTime(lastError.at, i18n.language), message: describeError(new ApiFailure({ code: 'internal', ...lastError }), t) })}
        </p>
      )}
      {view && view.backups.length === 0 ? (
        <p className="muted">{t('backups.none')}</p>
      ) : (
        view && (
          <RecordTable caption={t('backups.title')} columns={[t('backups.date'), t('backups.reasonLabel'), t('backups.size'), t('backups.instructions')]} actions testId="backups-table">
            {view.backups.map((b) => (
              <tr key={b.name}>
                <td>{dateOf(b)}</td>
                <td>{reasonOf(b.reason)}</td>
                <td>{formatSize(b.size, i18n.language)}</td>
                <td>{b.instructions === null ? '—' : new Intl.NumberFormat(i18n.language).format(b.instructions)}</td>
                <td className="row-actions">
                  <button type="button" disabled={busy} onClick={() => setPending({ kind: 'backup', backup: b })} aria-label={t('backups.restoreLabel', { date: dateOf(b), reason: reasonOf(b.reason) })}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </RecordTable>
        )
      )}
      {pending && (
        <Dialog title={t('backups.confirmTitle')} onClose={() => setPending(null)} description={t('backups.confirmText')}>
          <p>{pending.kind === 'backup' ? t('backups.confirmBackup', { date: dateOf(pending.backup), reason: reasonOf(pending.backup.reason) }) : t('backups.confirmFile', { name: pending.file.name })}</p>
          <p>{t('backups.confirmText')}</p>
          {error && (
            <p role="alert" className="backups-error">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="button" onClick={() => setPending(null)} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button type="button" className="primary" data-autofocus disabled={busy} onClick={() => void restore(pending)}>
              {t('backups.confirmRestore')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
