// The reminder letter (напоминание) to one lead organization, in one step: the letter is ready as
// it opens (its preview below); the official may type the head it is addressed to, the outgoing
// number and the date, then takes it as DOCX, or as PDF (the desktop app saves it; in the browser
// "Print or save as PDF" prints the letter, and the browser's "Save as PDF" makes the file).
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportJob, LetterPreview, ReportOptions } from '../../../electron/api/contract';
import { useApi } from '../app/context';
import { ApiFailure } from '../api/transport';
import { useAnnounce } from '../common/Announcer';
import { DateInput } from '../common/DateInput';
import { Dialog } from '../common/Dialog';
import { describeError } from '../common/errors';
import { PrintFrame } from '../common/PrintFrame';
import { fetchExport, saveBlob } from '../reports/download';
import '../reports/reports.css';
import './due.css';

const POLL_MS = 150;
const delay = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

export function LetterDialog({ organizationId, organizationName, onClose }: { organizationId: string; organizationName: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  const [addressee, setAddressee] = useState('');
  const [outgoingNumber, setOutgoingNumber] = useState('');
  const [letterDate, setLetterDate] = useState<string>('');
  const [preview, setPreview] = useState<LetterPreview | null>(null);
  const [options, setOptions] = useState<ReportOptions | null>(null);
  const [notice, setNotice] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [printKey, setPrintKey] = useState(0);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const request = () => ({
    organizationId,
    addressee: addressee.trim() || undefined,
    outgoingNumber: outgoingNumber.trim() || undefined,
    letterDate: letterDate || undefined,
  });

  useEffect(() => {
    void api['reports.options']({}).then((o) => mounted.current && setOptions(o), () => undefined);
  }, [api]);

  // The preview follows what is typed (a moment after the last key).
  const key = JSON.stringify([addressee.trim(), outgoingNumber.trim(), letterDate]);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      void api['reminders.letterPreview'](request()).then(
        (p) => live && setPreview(p),
        (err: unknown) => live && setNotice({ text: describeError(err, t), tone: 'error' }),
      );
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the typed fields `request` reads
  }, [api, key, organizationId, t, i18n.language]);

  const take = async (format: 'docx' | 'pdf') => {
    setNotice(null);
    setBusy(true);
    try {
      let job: ExportJob = await api['reminders.letter']({ ...request(), format });
      while (job.state === 'running') {
        await delay(POLL_MS);
        if (!mounted.current) return;
        job = await api['reports.job']({ jobId: job.id });
      }
      if (job.state === 'failed') throw new ApiFailure(job.error ?? { code: 'internal', message: 'The export failed.', key: 'exportFailed' });
      if (job.state !== 'done') return;
      if (options?.canSave) {
        const saved = await api['reports.save']({ jobId: job.id });
        setNotice({ text: saved.path ? t('reports.saved', { path: saved.path }) : t('reports.notSaved'), tone: 'info' });
      } else {
        saveBlob(await fetchExport(job.id), job.fileName);
        setNotice({ text: t('reminders.letter.downloaded', { name: job.fileName }), tone: 'info' });
      }
    } catch (err) {
      if (mounted.current) setNotice({ text: describeError(err, t), tone: 'error' });
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  useEffect(() => {
    if (notice) announce(notice.text, notice.tone === 'error' ? 'error' : undefined);
  }, [notice, announce]);

  const canPdf = options?.formats.letter.includes('pdf') ?? false;
  return (
    <Dialog title={t('reminders.letter.title', { name: organizationName })} onClose={onClose} wide testId="letter-dialog">
      <div className="letter-fields">
        <div>
          <label htmlFor={`${id}-to`}>{t('reminders.letter.addressee')}</label>
          <input id={`${id}-to`} data-autofocus value={addressee} maxLength={300} placeholder={t('reminders.letter.addresseeHint')} onChange={(e) => setAddressee(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-number`}>{t('reminders.letter.number')}</label>
          <input id={`${id}-number`} value={outgoingNumber} maxLength={60} onChange={(e) => setOutgoingNumber(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-date`}>{t('reminders.letter.date')}</label>
          <DateInput id={`${id}-date`} value={letterDate} onChange={setLetterDate} />
        </div>
      </div>
      <div className="reports-actions">
        <button type="button" className="primary" disabled={busy || !preview} onClick={() => void take('docx')}>
          {t('reminders.letter.docx')}
        </button>
        {canPdf ? (
          <button type="button" disabled={busy || !preview} onClick={() => void take('pdf')}>
            {t('reminders.letter.pdf')}
          </button>
        ) : (
          <button type="button" disabled={!preview} onClick={() => setPrintKey((k) => k + 1)}>
            {t('reminders.letter.print')}
          </button>
        )}
        {preview && <span className="muted">{t('reminders.letter.count', { count: preview.instructions })}</span>}
      </div>
      {notice && (
        <p className={notice.tone === 'error' ? 'field-error' : 'settings-note'} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {preview ? (
        <iframe className="letter-frame" title={t('reminders.letter.previewTitle')} sandbox="" srcDoc={preview.html} data-testid="letter-preview" />
      ) : (
        <p>{t('reminders.letter.preparing')}</p>
      )}
      {preview && printKey > 0 && <PrintFrame key={printKey} html={preview.html} testId="letter-print-frame" />}
    </Dialog>
  );
}
