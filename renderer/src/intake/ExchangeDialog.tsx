import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, ExchangeEntity, ExchangeFieldSide, ExchangePreview, IntakeCapabilities, StagedFileInfo } from '../../../db/intake-types';
import { useApi } from '../app/context';
import { describeError } from '../common/errors';
import { formatDateTime } from '../common/format';
import { FilePicker } from './FilePicker';
import { DialogError, IntakeDialog } from './IntakeDialog';

const ENTITIES: readonly ExchangeEntity[] = ['organization', 'person', 'meeting', 'tag', 'instruction', 'coexecutor', 'report', 'extension', 'board'];
/** Updates listed in the dialog; the counts above cover them all. */
const SHOWN_UPDATES = 100;

/** Import exchange file: what would be added, updated and removed; a choice per conflict; apply. */
export function ExchangeDialog({ capabilities, onClose, onDone }: { capabilities: IntakeCapabilities; onClose: () => void; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [file, setFile] = useState<StagedFileInfo | null>(null);
  const [preview, setPreview] = useState<ExchangePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async (staged: StagedFileInfo) => {
    if (file) void api['intake.discardFile']({ fileId: file.fileId }).catch(() => undefined);
    setFile(staged);
    setPreview(null);
    setChoices({});
    setError(null);
    setBusy(true);
    try {
      setPreview(await api['intake.exchangePreview']({ fileId: staged.fileId }));
    } catch (err) {
      // The chosen file stays named beside the button: the message says what is wrong with it.
      setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    if (file) void api['intake.discardFile']({ fileId: file.fileId }).catch(() => undefined);
    onClose();
  };

  const apply = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api['intake.exchangeCommit']({ fileId: file.fileId, choices });
      onDone(
        result.changed
          ? [
              t('intake.exchange.done', { added: result.added, updated: result.updated, removed: result.removed, history: result.historyAdded }),
              result.attachmentsAdded ? t('attachments.importedAttachments', { count: result.attachmentsAdded }) : null,
            ]
              .filter((x) => x !== null)
              .join(' ')
          : t('intake.exchange.doneNothing'),
      );
    } catch (err) {
      setError(describeError(err, t));
      setBusy(false);
    }
  };

  const open = preview ? preview.conflicts.filter((c) => !choices[c.key]).length : 0;
  const chooseAll = (choice: ConflictChoice) => setChoices(Object.fromEntries((preview?.conflicts ?? []).map((c) => [c.key, choice])));
  const side = (s: ExchangeFieldSide) => (s.value === null || s.value === '' ? t('intake.exchange.empty') : s.value);
  const changedBy = (s: ExchangeFieldSide) => (s.by && s.at ? t('intake.exchange.changedBy', { by: s.by, at: formatDateTime(s.at, i18n.language) }) : '');

  return (
    <IntakeDialog title={t('intake.exchange.title')} onClose={close} testId="exchange-dialog">
      <p>{t('intake.exchange.intro')}</p>
      <FilePicker purpose="exchange" current={file} capabilities={capabilities} accept=".json,.zip,application/json,application/zip" disabled={busy} onError={setError} onStaged={(s) => void load(s)} />
      <DialogError message={error} />
      {preview && (
        <>
          <p className="muted">{t('intake.exchange.from', { by: preview.exportedBy, at: formatDateTime(preview.exportedAt, i18n.language), version: preview.appVersion })}</p>
          <p className="muted" data-testid="exchange-attachments">
            {preview.attachments.inPackage ? t('attachments.packageCount', { count: preview.attachments.count }) : t('attachments.plainJson')}
          </p>
          {!preview.changes ? (
            <p className="intake-summary" role="status" data-testid="exchange-nothing">
              {t('intake.exchange.nothing')}
            </p>
          ) : (
            <>
              <table className="intake-table counts" data-testid="exchange-counts">
                <caption>{t('intake.exchange.countsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('intake.exchange.entity')}</th>
                    <th scope="col">{t('intake.exchange.added')}</th>
                    <th scope="col">{t('intake.exchange.updated')}</th>
                    <th scope="col">{t('intake.exchange.removed')}</th>
                    <th scope="col">{t('intake.exchange.unchanged')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ENTITIES.filter((e) => preview.added[e] + preview.updated[e] + preview.removed[e] + preview.unchanged[e] > 0).map((e) => (
                    <tr key={e}>
                      <th scope="row">{t(`intake.exchange.entities.${e}`)}</th>
                      <td>{preview.added[e]}</td>
                      <td>{preview.updated[e]}</td>
                      <td>{preview.removed[e]}</td>
                      <td>{preview.unchanged[e]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">{t('intake.exchange.history', { count: preview.historyAdded })}</p>
              {preview.joined.length > 0 && (
                <details className="intake-updates" open data-testid="exchange-joined">
                  <summary>{t('intake.exchange.joined', { count: preview.joined.length })}</summary>
                  <ul>
                    {preview.joined.map((j) => (
                      <li key={`${j.entity}:${j.local}`}>{j.incoming === j.local ? j.local : `${j.incoming} = ${j.local}`}</li>
                    ))}
                  </ul>
                </details>
              )}
              {preview.updates.length > 0 && (
                <details className="intake-updates">
                  <summary>{t('intake.exchange.updatesCaption')}</summary>
                  <ul>
                    {preview.updates.slice(0, SHOWN_UPDATES).map((u) => (
                      <li key={`${u.entity}:${u.id}`}>
                        {u.label} — {u.fields.map((f) => t(`intake.exchange.fields.${f}`, { defaultValue: f })).join(', ')}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {preview.conflicts.length > 0 && (
                <section className="conflicts" aria-labelledby="conflicts-title" data-testid="exchange-conflicts">
                  <h3 id="conflicts-title">{t('intake.exchange.conflictsTitle', { count: preview.conflicts.length })}</h3>
                  <div className="dialog-actions start">
                    <button type="button" onClick={() => chooseAll('local')}>
                      {t('intake.exchange.allMine')}
                    </button>
                    <button type="button" onClick={() => chooseAll('incoming')}>
                      {t('intake.exchange.allTheirs')}
                    </button>
                  </div>
                  {preview.conflicts.map((c) => (
                    <fieldset key={c.key} className="conflict">
                      <legend>
                        {t('intake.exchange.conflict', {
                          entity: t(`intake.exchange.entity_name.${c.entity}`),
                          label: c.label,
                          field: t(`intake.exchange.fields.${c.field}`, { defaultValue: c.field }),
                        })}
                      </legend>
                      {(['local', 'incoming'] as const).map((choice) => {
                        const s = choice === 'local' ? c.local : c.incoming;
                        return (
                          <label key={choice} className="conflict-choice">
                            <input type="radio" name={c.key} checked={choices[c.key] === choice} onChange={() => setChoices((all) => ({ ...all, [c.key]: choice }))} />
                            <span>
                              {t(choice === 'local' ? 'intake.exchange.mine' : 'intake.exchange.theirs', { value: side(s) })}
                              <span className="muted"> {changedBy(s)}</span>
                            </span>
                          </label>
                        );
                      })}
                    </fieldset>
                  ))}
                </section>
              )}
            </>
          )}
        </>
      )}
      <div className="dialog-actions">
        {preview && open > 0 && <span className="muted">{t('intake.exchange.choose', { count: open })}</span>}
        <button type="button" onClick={close}>
          {preview && !preview.changes ? t('intake.common.close') : t('intake.common.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy || !preview || !preview.changes || open > 0} onClick={() => void apply()}>
          {busy ? t('intake.common.working') : t('intake.exchange.apply')}
        </button>
      </div>
    </IntakeDialog>
  );
}
