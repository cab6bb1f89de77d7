// Reports: the official picks the report (status report, overdue list, register, or the JSON
// exchange file), what it covers (the board and search on screen, or a meeting) and the format,
// sees the report as it will print, prints it, and exports it. In the desktop app the shell asks
// where to save; in browser mode the file is downloaded.
//
// The preview is the report's own HTML document in a sandboxed srcdoc frame rather than React
// components: it is exactly what is printed and turned into the PDF, and it never enters the
// app's DOM. The frame runs no scripts (no allow-scripts), and the app's policy, which the frame
// inherits, allows only the report's constant stylesheet (by hash).
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintFrame } from '../common/PrintFrame';
import type { Meeting } from '../../../db/model';
import type { CsvSeparator, ExportFormat, ExportJob, ExportKind, ReportOptions, ReportPreview, ReportScope, ReportSignature, SignatureView } from '../../../electron/api/contract';
import { SignatureFields } from '../settings/fields';
import { useApi } from '../app/context';
import { ApiFailure } from '../api/transport';
import { describeError } from '../common/errors';
import { formatDate } from '../common/format';
import { fetchExport, saveBlob } from './download';
import './reports.css';

const KINDS: readonly ExportKind[] = ['status', 'overdue', 'register', 'exchange'];
/** The formats offered as files; `html` is the print document. */
const FILE_FORMATS: readonly ExportFormat[] = ['pdf', 'docx', 'xlsx', 'csv', 'json', 'zip'];
const CSV_SEPARATORS: readonly CsvSeparator[] = ['semicolon', 'comma'];
const POLL_MS = 150;

interface Props {
  boardId: string | null;
  /** The board on screen, as its title reads. */
  boardName: string;
  /** The search typed over it. */
  search: string;
  meetings: readonly Meeting[];
  onClose(): void;
}

type Notice = { text: string; tone: 'info' | 'error' };

const delay = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

export function ReportsDialog({ boardId, boardName, search, meetings, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [options, setOptions] = useState<ReportOptions | null>(null);
  const [kind, setKind] = useState<ExportKind>('status');
  const [scopeType, setScopeType] = useState<'search' | 'meeting'>('search');
  const [meetingId, setMeetingId] = useState(meetings[0]?.id ?? '');
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [csvSeparator, setCsvSeparator] = useState<CsvSeparator>('comma');
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [job, setJob] = useState<ExportJob | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [printDocument, setPrintDocument] = useState<{ html: string; key: number } | null>(null);
  const mounted = useRef(true);
  const running = useRef<string | null>(null);
  const previewRequest = useRef(0);
  // The signature block: the one saved for the kind, editable here for this report.
  const [signatureView, setSignatureView] = useState<SignatureView | null>(null);
  const [signature, setSignature] = useState<ReportSignature | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Closing the dialog stops an export still running.
      if (running.current) void api['reports.cancel']({ jobId: running.current }).catch(() => undefined);
    };
  }, [api]);

  useEffect(() => {
    api['reports.options']({})
      .then((o) => {
        if (!mounted.current) return;
        setOptions(o);
        setFormat(o.formats.status.includes('pdf') ? 'pdf' : 'docx');
        setCsvSeparator(o.csvSeparator);
      })
      .catch((err: unknown) => setNotice({ text: describeError(err, t), tone: 'error' }));
  }, [api, t]);

  const formats = (options?.formats[kind] ?? []).filter((f) => FILE_FORMATS.includes(f));
  const pdfInBrowserOnly = options !== null && kind !== 'exchange' && !options.formats[kind].includes('pdf');
  const scope: ReportScope = scopeType === 'meeting' && meetingId ? { type: 'meeting', meetingId } : { type: 'search', query: search, boardId };
  const scopeKey = JSON.stringify(scope);

  const chooseKind = (next: ExportKind) => {
    setKind(next);
    const available = (options?.formats[next] ?? []).filter((f) => FILE_FORMATS.includes(f));
    if (!available.includes(format)) setFormat(available[0] ?? 'docx');
  };

  useEffect(() => {
    if (kind === 'exchange') return;
    let live = true;
    void api['profiles.signature']({ kind }).then(
      (view) => {
        if (!live) return;
        setSignatureView(view);
        setSignature(view.saved);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, kind]);

  useEffect(() => {
    if (kind === 'exchange') {
      setPreview(null);
      setPreviewError(null);
      return;
    }
    const id = ++previewRequest.current;
    setPreviewError(null);
    // The preview shows the signature saved for the kind; what is edited here goes into the file and the printout.
    api['reports.preview']({ kind, scope: JSON.parse(scopeKey) as ReportScope })
      .then((p) => {
        if (mounted.current && id === previewRequest.current) setPreview(p);
      })
      .catch((err: unknown) => {
        if (!mounted.current || id !== previewRequest.current) return;
        setPreview(null);
        setPreviewError(describeError(err, t));
      });
  }, [api, kind, scopeKey, t, i18n.language]);

  /** Starts an export and follows it to the end; null when it was cancelled. */
  const runJob = useCallback(
    async (purpose: 'file' | 'print', jobFormat: ExportFormat): Promise<ExportJob | null> => {
      let current = await api['reports.start']({
        kind,
        format: jobFormat,
        scope: kind === 'exchange' ? undefined : (JSON.parse(scopeKey) as ReportScope),
        purpose,
        csvSeparator: jobFormat === 'csv' ? csvSeparator : undefined,
        signature: kind === 'exchange' || !signature ? undefined : signature,
      });
      running.current = current.id;
      setJob(current);
      try {
        while (current.state === 'running') {
          await delay(POLL_MS);
          if (!mounted.current) return null;
          current = await api['reports.job']({ jobId: current.id });
          setJob(current);
        }
      } finally {
        running.current = null;
      }
      if (current.state === 'failed') throw new ApiFailure(current.error ?? { code: 'internal', message: 'The export failed.', key: 'exportFailed' });
      return current.state === 'done' ? current : null;
    },
    [api, kind, scopeKey, csvSeparator, signature],
  );

  const exportFile = async () => {
    setNotice(null);
    try {
      const done = await runJob('file', format);
      if (!done || !mounted.current) {
        if (mounted.current) setNotice({ text: t('reports.cancelled'), tone: 'info' });
        return;
      }
      if (options?.canSave) {
        const saved = await api['reports.save']({ jobId: done.id });
        setNotice(saved.path ? { text: t('reports.saved', { path: saved.path }), tone: 'info' } : { text: t('reports.notSaved'), tone: 'info' });
      } else {
        saveBlob(await fetchExport(done.id), done.fileName);
        setNotice({ text: t('reports.downloaded', { name: done.fileName }), tone: 'info' });
      }
    } catch (err) {
      if (mounted.current) setNotice({ text: describeError(err, t), tone: 'error' });
    }
  };

  const print = async () => {
    setNotice(null);
    try {
      const done = await runJob('print', 'html');
      if (!done || !mounted.current) return;
      if (options?.canPrint) {
        const result = await api['reports.print']({ jobId: done.id });
        setNotice({ text: result.printed ? t('reports.printed') : t('reports.notPrinted'), tone: 'info' });
      } else {
        // The browser prints the whole document from a hidden frame of its own.
        const html = await (await fetchExport(done.id)).text();
        setPrintDocument((previous) => ({ html, key: (previous?.key ?? 0) + 1 }));
        setNotice({ text: t('reports.printOpened'), tone: 'info' });
      }
    } catch (err) {
      if (mounted.current) setNotice({ text: describeError(err, t), tone: 'error' });
    }
  };

  const cancel = () => {
    if (job) void api['reports.cancel']({ jobId: job.id }).then(setJob).catch(() => undefined);
  };

  const busy = job?.state === 'running';
  const formatLabel = (f: ExportFormat) => t(`reports.formats.${f}`);

  return (
    <dialog
      ref={dialogRef}
      className="dialog reports-dialog"
      aria-labelledby={titleId}
      data-testid="reports-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="reports-layout">
        <div className="reports-controls">
          <h2 id={titleId}>{t('reports.title')}</h2>

          <fieldset>
            <legend>{t('reports.kindLegend')}</legend>
            {KINDS.map((k) => (
              <label key={k} className="reports-choice">
                <input type="radio" name="report-kind" value={k} checked={kind === k} onChange={() => chooseKind(k)} disabled={busy} />
                <span>
                  {t(`reports.kinds.${k}`)}
                  <small>{t(`reports.kindHints.${k}`)}</small>
                </span>
              </label>
            ))}
          </fieldset>

          {kind !== 'exchange' && (
            <fieldset>
              <legend>{t('reports.scopeLegend')}</legend>
              <label className="reports-choice">
                <input type="radio" name="report-scope" value="search" checked={scopeType === 'search'} onChange={() => setScopeType('search')} disabled={busy} />
                <span>
                  {t('reports.scopeSearch')}
                  <small>{search.trim() ? t('reports.scopeSearchWith', { board: boardName, search }) : boardName}</small>
                </span>
              </label>
              <label className="reports-choice">
                <input
                  type="radio"
                  name="report-scope"
                  value="meeting"
                  checked={scopeType === 'meeting'}
                  onChange={() => setScopeType('meeting')}
                  disabled={busy || meetings.length === 0}
                />
                <span>{t('reports.scopeMeeting')}</span>
              </label>
              <select
                aria-label={t('reports.meetingLabel')}
                value={meetingId}
                onChange={(e) => {
                  setMeetingId(e.target.value);
                  setScopeType('meeting');
                }}
                disabled={busy || meetings.length === 0}
                data-testid="report-meeting"
              >
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.heldOn ? `${formatDate(m.heldOn, i18n.language)} — ${m.title}` : m.title}
                  </option>
                ))}
              </select>
            </fieldset>
          )}

          <fieldset>
            <legend>{t('reports.formatLegend')}</legend>
            {formats.map((f) => (
              <label key={f} className="reports-choice">
                <input type="radio" name="report-format" value={f} checked={format === f} onChange={() => setFormat(f)} disabled={busy} />
                <span>{formatLabel(f)}</span>
              </label>
            ))}
            {pdfInBrowserOnly && <p className="reports-hint">{t('reports.pdfInBrowser')}</p>}
          </fieldset>

          {format === 'csv' && formats.includes('csv') && (
            <fieldset>
              <legend>{t('reports.csvSeparatorLegend')}</legend>
              {CSV_SEPARATORS.map((s) => (
                <label key={s} className="reports-choice">
                  <input type="radio" name="csv-separator" value={s} checked={csvSeparator === s} onChange={() => setCsvSeparator(s)} disabled={busy} />
                  <span>
                    {t(`reports.csvSeparators.${s}`)}
                    <small>{t(`reports.csvSeparatorHints.${s}`)}</small>
                  </span>
                </label>
              ))}
            </fieldset>
          )}

          {kind !== 'exchange' && signature && signatureView && (
            <details className="reports-signature">
              <summary>{t('signature.legend')}</summary>
              <SignatureFields value={signature} fromProfile={signatureView.effective} onChange={setSignature} />
            </details>
          )}

          <div className="reports-actions">
            <button type="button" className="primary" onClick={() => void exportFile()} disabled={busy || !options || !formats.includes(format)}>
              {options?.canSave ? t('reports.save', { format: formatLabel(format) }) : t('reports.download', { format: formatLabel(format) })}
            </button>
            {kind !== 'exchange' && (
              <button type="button" onClick={() => void print()} disabled={busy || !options}>
                {t('reports.print')}
              </button>
            )}
            <button type="button" onClick={onClose}>
              {t('reports.close')}
            </button>
          </div>

          {busy && job && (
            <div className="reports-progress" data-testid="report-progress">
              <progress
                aria-label={t('reports.progressLabel')}
                max={job.phase === 'rendering' && job.total > 0 ? job.total : undefined}
                value={job.phase === 'rendering' && job.total > 0 ? job.done : undefined}
              />
              <span>
                {job.phase === 'rendering' && job.total === 0
                  ? t('reports.phases.preparing')
                  : t(`reports.phases.${job.phase}`, { done: job.done.toLocaleString(i18n.language), total: job.total.toLocaleString(i18n.language) })}
              </span>
              <button type="button" onClick={cancel}>
                {t('reports.cancel')}
              </button>
            </div>
          )}
          <p className={`reports-notice${notice?.tone === 'error' ? ' reports-notice-error' : ''}`} role={notice?.tone === 'error' ? 'alert' : 'status'} data-testid="report-notice">
            {notice?.text ?? ''}
          </p>
        </div>

        <section className="reports-preview" aria-label={t('reports.previewLabel')}>
          {kind === 'exchange' ? (
            <p className="reports-exchange">{t('reports.exchangeText')}</p>
          ) : previewError ? (
            <p className="reports-notice-error" role="alert">
              {previewError}
            </p>
          ) : preview ? (
            <>
              {preview.shownRows < preview.rows && <p className="reports-hint">{t('reports.previewLimited', { shown: preview.shownRows.toLocaleString(i18n.language), total: preview.rows.toLocaleString(i18n.language) })}</p>}
              <iframe className="reports-frame" title={t('reports.previewTitle', { title: preview.title })} sandbox="" srcDoc={preview.html} data-testid="report-preview" />
            </>
          ) : (
            <p>{t('app.loading')}</p>
          )}
        </section>
      </div>
      {printDocument && (
        <PrintFrame key={printDocument.key} html={printDocument.html} testId="report-print-frame" />
      )}
    </dialog>
  );
}
