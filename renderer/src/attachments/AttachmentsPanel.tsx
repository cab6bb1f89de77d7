// The attachments of a meeting, an instruction or a report: listed with name, size, date and who
// added them; added (the shell's dialog in the desktop app, an upload in browser mode, refused above
// 50 MB before a byte is sent), opened in the system's viewer (desktop app: documents and images
// only; anything else can only be saved) or downloaded (browser mode), and removed after a question.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../electron/api/contract';
import type { AttachmentOwnerKind } from '../../../db/schema/attachments';
import { useApi } from '../app/context';
import { ApiFailure, uploadFile } from '../api/transport';
import { loopbackToken, TOKEN_HEADER } from '../api/token';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { formatDateTime } from '../common/format';
import { formatSize } from '../intake/FilePicker';
import { saveBlob } from '../reports/download';
import './attachments.css';

/** The largest file that can be attached (the store refuses larger ones too). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

interface Props {
  owner: { kind: AttachmentOwnerKind; id: string };
  /** The heading over the list; the owner's kind names it when not given. */
  heading?: string;
  /** A smaller heading, for attachments inside another section (a report's). */
  level?: 3 | 4;
  /** Called after an attachment was added or removed (counts elsewhere may change). */
  onChanged?: () => void;
}

async function fetchAttachment(id: string): Promise<Blob> {
  const response = await fetch(`/attachment/${encodeURIComponent(id)}`, { headers: { [TOKEN_HEADER]: loopbackToken() } });
  if (!response.ok) {
    let error = { code: 'internal' as const, message: `The app answered ${response.status}.` };
    try {
      const body = (await response.json()) as { error?: typeof error };
      if (body.error) error = body.error;
    } catch {
      // not JSON: keep the status
    }
    throw new ApiFailure(error);
  }
  return response.blob();
}

export function AttachmentsPanel({ owner, heading, level = 3, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const inputId = useId();
  const headingId = useId();
  const [items, setItems] = useState<AttachmentView[] | null>(null);
  const [native, setNative] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  /** An attachment the desktop app refused to open: offered to save instead. */
  const [refused, setRefused] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await api['attachments.list']({ owner }));
    } catch (err) {
      setMessage(describeError(err, t));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the owner is compared by value
  }, [api, owner.kind, owner.id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    let live = true;
    api['intake.capabilities']({})
      .then((c) => live && setNative(c.nativeDialogs))
      .catch(() => live && setNative(false));
    return () => {
      live = false;
    };
  }, [api]);

  const run = async (task: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await task();
      if (done) announce(done);
    } catch (err) {
      setMessage(describeError(err, t));
    } finally {
      setBusy(false);
      await load();
    }
  };

  const attached = (a: AttachmentView | null): string | null => {
    if (!a) return null;
    onChanged?.();
    return t('attachments.added', { name: a.fileName });
  };

  const upload = (file: File) => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setMessage(t('attachments.tooLarge', { name: file.name, sizeMb: Math.ceil(file.size / 1024 / 1024), limitMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
      return;
    }
    void run(async () => {
      const received = await uploadFile(file, '/upload/attachment');
      return attached(await api['attachments.add']({ owner, fileId: received.fileId }));
    });
  };

  const remove = (a: AttachmentView) => {
    if (!window.confirm(t('attachments.removeConfirm', { name: a.fileName }))) return;
    void run(async () => {
      await api['attachments.remove']({ id: a.id });
      onChanged?.();
      return t('attachments.removed', { name: a.fileName });
    });
  };

  const open = (a: AttachmentView) =>
    void run(async () => {
      setRefused(null);
      if (!native) {
        saveBlob(await fetchAttachment(a.id), a.fileName);
        return t('attachments.downloaded', { name: a.fileName });
      }
      try {
        await api['attachments.open']({ id: a.id });
        return null;
      } catch (err) {
        if (err instanceof ApiFailure && (err.error.key === 'attachmentNotOpenable' || err.error.key === 'attachmentContentMismatch')) setRefused(a.id);
        throw err;
      }
    });

  const saveCopy = (a: AttachmentView) =>
    void run(async () => {
      const saved = await api['attachments.saveCopy']({ id: a.id });
      return saved.path ? t('attachments.saved', { path: saved.path }) : null;
    });

  const Heading = level === 3 ? 'h3' : 'h4';
  const limitMb = MAX_ATTACHMENT_BYTES / 1024 / 1024;
  return (
    <section className="attachments" aria-labelledby={headingId} data-testid={`attachments-${owner.kind}`}>
      <Heading id={headingId} className="attachments-heading">
        {heading ?? t('attachments.title')}
      </Heading>
      {items === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('attachments.none')}</p>
      ) : (
        <ul className="attachments-list" aria-labelledby={headingId}>
          {items.map((a) => (
            <li key={a.id} className="attachment-row">
              <span className="attachment-name">{a.fileName}</span>
              <span className="muted attachment-meta">
                {t('attachments.meta', { size: formatSize(a.size, i18n.language), date: formatDateTime(a.addedAt, i18n.language), who: a.addedBy })}
              </span>
              <span className="attachment-actions">
                <button type="button" disabled={busy || native === null} onClick={() => open(a)} aria-label={t(native ? 'attachments.openNamed' : 'attachments.downloadNamed', { name: a.fileName })}>
                  {native ? t('attachments.open') : t('attachments.download')}
                </button>
                {native && (refused === a.id || !a.mediaType.startsWith('image/')) && (
                  <button type="button" disabled={busy} onClick={() => saveCopy(a)} aria-label={t('attachments.saveNamed', { name: a.fileName })}>
                    {t('attachments.save')}
                  </button>
                )}
                <button type="button" disabled={busy} onClick={() => remove(a)} aria-label={t('attachments.removeNamed', { name: a.fileName })}>
                  {t('common.remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className="attachments-error" role="alert">
          {message}
        </p>
      )}
      <div className="attachments-add">
        {native ? (
          <button type="button" disabled={busy} onClick={() => void run(async () => attached(await api['attachments.pick']({ owner })))}>
            {t('attachments.add')}
          </button>
        ) : (
          <>
            <input
              id={inputId}
              className="visually-hidden"
              type="file"
              disabled={busy || native === null}
              aria-label={t('attachments.add')}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) upload(file);
              }}
            />
            <label htmlFor={inputId} className={`button-like${busy ? ' disabled' : ''}`} aria-hidden="true">
              {t('attachments.add')}
            </label>
          </>
        )}
        <span className="muted">{busy ? t('intake.common.working') : t('attachments.limit', { limitMb })}</span>
      </div>
    </section>
  );
}
