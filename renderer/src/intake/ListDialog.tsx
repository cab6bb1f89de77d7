import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../db/model';
import type { IntakeCapabilities, ListCommitResult, ListField, ListPreview, StagedFileInfo } from '../../../db/intake-types';
import { useApi } from '../app/context';
import { describeError } from '../common/errors';
import { formatDate } from '../common/format';
import { FilePicker } from './FilePicker';
import { DialogError, IntakeDialog } from './IntakeDialog';
import { describeIssue, skippedRowsCsv } from './report';
import { saveTextFile } from './save';

const FIELDS: ListField[] = ['itemNumber', 'title', 'body', 'leadOrg', 'coexecutors', 'dueDate', 'priority', 'topics'];
/** Rows with problems shown in the dialog; the saved report has them all. */
const SHOWN_ROWS = 200;

interface Options {
  sheet: string | null;
  headerRow: number | null;
  mapping: (ListField | null)[] | null;
}

/** Import list: choose a CSV or XLSX file, correct the mapping, see every row's problems, import. */
export function ListDialog({
  capabilities,
  onClose,
  onDone,
}: {
  capabilities: IntakeCapabilities;
  onClose: () => void;
  onDone: (message: string, meetingId: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const meetingId = useId();
  const sheetId = useId();
  const headerRowId = useId();
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [meeting, setMeeting] = useState('');
  const [file, setFile] = useState<StagedFileInfo | null>(null);
  const [options, setOptions] = useState<Options>({ sheet: null, headerRow: null, mapping: null });
  const [preview, setPreview] = useState<ListPreview | null>(null);
  const [result, setResult] = useState<ListCommitResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    api['meetings.list']({}).then(setMeetings, (err: unknown) => setError(describeError(err, t)));
  }, [api, t]);

  const input = useCallback(
    (fileId: string) => ({ fileId, sheet: options.sheet, headerRow: options.headerRow, mapping: options.mapping, meetingId: meeting || null }),
    [options, meeting],
  );

  useEffect(() => {
    if (!file) return;
    let current = true;
    setBusy(true);
    setError(null);
    api['intake.listPreview'](input(file.fileId)).then(
      (p) => {
        if (!current) return;
        setPreview(p);
        setBusy(false);
      },
      (err: unknown) => {
        if (!current) return;
        // The chosen file stays named beside the button: the message says what is wrong with it.
        setPreview(null);
        setError(describeError(err, t));
        setBusy(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, file, input, t]);

  const close = () => {
    if (file && !result) void api['intake.discardFile']({ fileId: file.fileId }).catch(() => undefined);
    onClose();
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api['intake.listCommit'](input(file.fileId)));
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const saveReport = async (header: string[], rows: ListPreview['rows']) => {
    setError(null);
    try {
      const name = `${t('intake.list.reportName')}-${(file?.name ?? 'list').replace(/\.[^.]+$/, '')}.csv`;
      const message = await saveTextFile(api, capabilities, name, skippedRowsCsv(header, rows, t, i18n.language), t);
      if (message) setNotice(message);
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  const setField = (index: number, field: ListField | null) => {
    if (!preview) return;
    const mapping = preview.columns.map((c) => (c.field === field ? null : c.field));
    mapping[index] = field;
    setOptions((o) => ({ ...o, mapping }));
  };

  if (result) {
    const done = t('intake.list.done', { imported: result.imported, skipped: result.skipped.length, orgs: result.newOrganizations });
    return (
      <IntakeDialog title={t('intake.list.title')} onClose={() => onDone(done, result.meetingId)} testId="list-dialog">
        <p role="status" data-testid="list-result">
          {done}
        </p>
        {result.skipped.length > 0 && <ProblemRows rows={result.skipped} />}
        {notice && <p role="status">{notice}</p>}
        <DialogError message={error} />
        <div className="dialog-actions">
          {result.skipped.length > 0 && (
            <button type="button" onClick={() => void saveReport(result.header, result.skipped)}>
              {t('intake.common.saveReport')}
            </button>
          )}
          <button type="button" className="primary" onClick={() => onDone(done, result.meetingId)} autoFocus>
            {t('intake.common.close')}
          </button>
        </div>
      </IntakeDialog>
    );
  }

  return (
    <IntakeDialog title={t('intake.list.title')} onClose={close} testId="list-dialog">
      <p>{t('intake.list.intro')}</p>
      <div className="intake-row">
        <div className="intake-field">
          <label htmlFor={meetingId}>{t('intake.list.meeting')}</label>
          <select id={meetingId} value={meeting} onChange={(e) => setMeeting(e.target.value)}>
            <option value="">{t('intake.list.noMeeting')}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.heldOn ? `${m.title} (${formatDate(m.heldOn, i18n.language)})` : m.title}
              </option>
            ))}
          </select>
        </div>
        <FilePicker
          purpose="list"
          current={file}
          capabilities={capabilities}
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onError={setError}
          onStaged={(staged) => {
            if (file) void api['intake.discardFile']({ fileId: file.fileId }).catch(() => undefined);
            setOptions({ sheet: null, headerRow: null, mapping: null });
            setPreview(null);
            setFile(staged);
          }}
        />
      </div>
      <DialogError message={error} />
      {preview && (
        <>
          <p className="muted" data-testid="list-format">
            {[
              t('intake.list.read', { format: preview.format.toUpperCase() }),
              preview.encoding && t('intake.list.encoding', { encoding: preview.encoding }),
              preview.delimiter && t('intake.list.delimiter', { delimiter: preview.delimiter === '\t' ? t('intake.list.tab') : preview.delimiter }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <div className="intake-row">
            {preview.sheets.length > 1 && (
              <div className="intake-field">
                <label htmlFor={sheetId}>{t('intake.list.sheet')}</label>
                <select id={sheetId} value={preview.sheet ?? ''} onChange={(e) => setOptions({ sheet: e.target.value, headerRow: null, mapping: null })}>
                  {preview.sheets.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="intake-field narrow">
              <label htmlFor={headerRowId}>{t('intake.list.headerRow')}</label>
              <input
                id={headerRowId}
                type="number"
                min={1}
                value={preview.headerRow}
                onChange={(e) => {
                  const row = Number(e.target.value);
                  if (Number.isInteger(row) && row >= 1) setOptions((o) => ({ ...o, headerRow: row, mapping: null }));
                }}
              />
            </div>
          </div>
          <table className="intake-table mapping" data-testid="list-mapping">
            <caption>{t('intake.list.columns')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('intake.list.column')}</th>
                <th scope="col">{t('intake.list.header')}</th>
                <th scope="col">{t('intake.list.samples')}</th>
                <th scope="col">{t('intake.list.field')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((c) => (
                <tr key={c.index}>
                  <td>{c.index + 1}</td>
                  <th scope="row">{c.header}</th>
                  <td className="samples">{c.samples.join(' · ')}</td>
                  <td>
                    <select
                      value={c.field ?? ''}
                      aria-label={t('intake.list.fieldLabel', { number: c.index + 1, header: c.header })}
                      onChange={(e) => setField(c.index, (e.target.value || null) as ListField | null)}
                    >
                      <option value="">{t('intake.list.fields.none')}</option>
                      {FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {t(`intake.list.fields.${f}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="intake-summary" data-testid="list-summary">
            {t('intake.list.summary', { total: preview.totalRows, valid: preview.validRows, skipped: preview.skippedRows, warnings: preview.warningRows })}
          </p>
          {preview.problems.map((p) => (
            <p key={p} className="intake-warning">
              {t(`intake.list.fileProblems.${p}`)}
            </p>
          ))}
          {preview.newOrganizations.length > 0 && <p className="muted">{t('intake.list.newOrganizations', { names: preview.newOrganizations.join('; ') })}</p>}
          {preview.sample.length > 0 && (
            <table className="intake-table" data-testid="list-sample">
              <caption>{t('intake.list.sampleCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('intake.list.row')}</th>
                  <th scope="col">{t('intake.list.fields.itemNumber')}</th>
                  <th scope="col">{t('intake.list.fields.title')}</th>
                  <th scope="col">{t('intake.list.fields.leadOrg')}</th>
                  <th scope="col">{t('intake.list.fields.dueDate')}</th>
                  <th scope="col">{t('intake.list.fields.priority')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.slice(0, 5).map((s) => (
                  <tr key={s.row}>
                    <td>{s.row}</td>
                    <td>{s.itemNumber}</td>
                    <td>{s.title}</td>
                    <td>{s.leadOrg}</td>
                    <td>{s.dueDate ? formatDate(s.dueDate, i18n.language) : ''}</td>
                    <td>{t(`priority.${s.priority}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.rows.length > 0 ? <ProblemRows rows={preview.rows} /> : <p className="muted">{t('intake.list.noProblems')}</p>}
          {notice && <p role="status">{notice}</p>}
        </>
      )}
      <div className="dialog-actions">
        {preview && preview.rows.length > 0 && (
          <button type="button" onClick={() => void saveReport(preview.columns.map((c) => c.header), preview.rows)}>
            {t('intake.common.saveReport')}
          </button>
        )}
        <button type="button" onClick={close}>
          {t('intake.common.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy || !preview || preview.validRows === 0} onClick={() => void commit()}>
          {busy ? t('intake.common.working') : t('intake.list.import', { count: preview?.validRows ?? 0 })}
        </button>
      </div>
    </IntakeDialog>
  );
}

function ProblemRows({ rows }: { rows: ListPreview['rows'] }) {
  const { t } = useTranslation();
  return (
    <>
      <table className="intake-table problems" data-testid="list-problems">
        <caption>{t('intake.list.problemsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('intake.list.row')}</th>
            <th scope="col">{t('intake.list.status')}</th>
            <th scope="col">{t('intake.list.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN_ROWS).map((r) => (
            <tr key={r.row} className={r.skipped ? 'row-skipped' : 'row-warning'}>
              <td>{r.row}</td>
              <td>{r.skipped ? t('intake.list.skipped') : t('intake.list.imported')}</td>
              <td>{r.issues.map((i) => describeIssue(i, t)).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN_ROWS && <p className="muted">{t('intake.common.more', { count: rows.length - SHOWN_ROWS })}</p>}
    </>
  );
}
