import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtocolReadResult } from '../../../db/intake-types';
import type { Meeting } from '../../../db/model';
import { useApi } from '../app/context';
import { DateInput } from '../common/DateInput';
import { describeError } from '../common/errors';
import { formatDate } from '../common/format';
import { DialogError } from './IntakeDialog';

type Scan = Extract<ProtocolReadResult, { kind: 'scan' }>;

/** The file's name without its extension: the new meeting's title until the official writes one. */
function titleOf(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').trim() || fileName;
}

/**
 * A protocol that is a scan (no text on its pages): the app says so and keeps the file with a
 * meeting instead, a new one or one the store has, through the attachments (the staged file is
 * attached by its id; nothing is uploaded twice).
 */
export function ScanPanel({ scan, onKept }: { scan: Scan; onKept: (boardId: string | null, message: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const ids = { meeting: useId(), title: useId(), date: useId() };
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [choice, setChoice] = useState('new');
  const [title, setTitle] = useState(() => titleOf(scan.fileName));
  const [heldOn, setHeldOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api['meetings.list']({}).then(setMeetings, (err: unknown) => setError(describeError(err, t)));
  }, [api, t]);

  const keep = async () => {
    setBusy(true);
    setError(null);
    try {
      const meeting = choice === 'new' ? await api['meetings.create']({ title: title.trim(), heldOn: heldOn || null }) : meetings.find((m) => m.id === choice);
      if (!meeting) throw new Error('meeting gone');
      await api['attachments.add']({ owner: { kind: 'meeting', id: meeting.id }, fileId: scan.fileId });
      let boardId: string | null = null;
      try {
        boardId = (await api['boards.list']({})).find((b) => b.meetingId === meeting.id)?.id ?? null;
      } catch {
        // The scan is kept; staying on the current board is fine.
      }
      onKept(boardId, t('protocol.scanKept', { name: scan.fileName, meeting: meeting.title }));
    } catch (err) {
      setError(describeError(err, t));
      setBusy(false);
    }
  };

  const valid = choice !== 'new' || title.trim() !== '';
  return (
    <div className="scan-panel" data-testid="protocol-scan">
      <div className="intake-notes" role="status">
        <p>{t('protocol.scan', { count: scan.pages, name: scan.fileName })}</p>
      </div>
      <fieldset className="scan-keep">
        <legend>{t('protocol.scanKeepLegend')}</legend>
        <div className="intake-field">
          <label htmlFor={ids.meeting}>{t('protocol.scanMeeting')}</label>
          <select id={ids.meeting} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="new">{t('protocol.scanNewMeeting')}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.heldOn ? `${m.title} (${formatDate(m.heldOn, i18n.language)})` : m.title}
              </option>
            ))}
          </select>
        </div>
        {choice === 'new' && (
          <>
            <div className="intake-field">
              <label htmlFor={ids.title}>{t('protocol.scanMeetingTitle')}</label>
              <input id={ids.title} value={title} required onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="intake-field">
              <label htmlFor={ids.date}>{t('protocol.scanMeetingDate')}</label>
              <DateInput id={ids.date} value={heldOn} onChange={setHeldOn} />
            </div>
          </>
        )}
        <button type="button" className="primary" disabled={busy || !valid} onClick={() => void keep()}>
          {busy ? t('intake.common.working') : t('protocol.scanKeep')}
        </button>
      </fieldset>
      <DialogError message={error} />
    </div>
  );
}
