import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeCapabilities, StagedFileInfo } from '../../../db/intake-types';
import { useApi } from '../app/context';
import { uploadFile } from '../api/transport';
import { describeError } from '../common/errors';

interface Props {
  purpose: 'list' | 'exchange' | 'protocol';
  /** The file the dialog works on, shown beside the button. */
  current: StagedFileInfo | null;
  capabilities: IntakeCapabilities;
  accept: string;
  disabled?: boolean;
  onStaged: (file: StagedFileInfo) => void;
  onError: (message: string | null) => void;
}

/**
 * Getting a file into the app: inside Electron the main process shows its open dialog and reads
 * the file; in browser mode the page uploads the file the official picked. A file over the limit
 * is refused here, before a byte of it is sent.
 */
export function FilePicker({ purpose, current, capabilities, accept, disabled, onStaged, onError }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const inputId = useId();
  // A file refused before it was read (too large) is still named: the official sees which one.
  const [refused, setRefused] = useState<{ name: string; size: number } | null>(null);
  const named = refused ?? current;
  const shown = named ? t('intake.common.file', { name: named.name, size: formatSize(named.size, i18n.language) }) : null;
  const [busy, setBusy] = useState(false);

  const run = async (task: () => Promise<StagedFileInfo | null>) => {
    setBusy(true);
    setRefused(null);
    onError(null);
    try {
      const staged = await task();
      if (staged) onStaged(staged);
    } catch (err) {
      onError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  if (capabilities.nativeDialogs) {
    return (
      <div className="file-picker">
        <span className="file-picker-label">{t('intake.common.fileLabel')}</span>
        <span className="file-picker-row">
          <button type="button" className="primary" disabled={disabled || busy} onClick={() => void run(() => api['intake.openFile']({ purpose }))}>
            {t('intake.common.chooseFile')}
          </button>
          <span className="muted" data-testid="chosen-file">
            {busy ? t('intake.common.working') : (shown ?? t('intake.common.noFile'))}
          </span>
        </span>
      </div>
    );
  }
  const limitMb = Math.round(capabilities.maxFileBytes / 1024 / 1024);
  // The browser's own file control speaks the browser's language; this one speaks the app's.
  return (
    <div className="file-picker">
      <span className="file-picker-label" id={`${inputId}-label`}>
        {t('intake.common.fileLabel')}
      </span>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={accept}
        disabled={disabled || busy}
        aria-labelledby={`${inputId}-label ${inputId}-button`}
        data-testid={`${purpose}-file`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          if (file.size > capabilities.maxFileBytes) {
            setRefused({ name: file.name, size: file.size });
            onError(t('intake.common.tooLarge', { sizeMb: Math.ceil(file.size / 1024 / 1024), limitMb }));
            return;
          }
          void run(() => uploadFile(file));
        }}
      />
      <span className="file-picker-row">
        <label htmlFor={inputId} id={`${inputId}-button`} className={`button-like${disabled || busy ? ' disabled' : ''}`}>
          {t('intake.common.chooseFile')}
        </label>
        <span className="muted" data-testid="chosen-file">
          {busy ? t('intake.common.working') : (shown ?? t('intake.common.noFile'))}
        </span>
      </span>
    </div>
  );
}

export function formatSize(bytes: number, language: string): string {
  const unit = bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte';
  const value = bytes / (unit === 'megabyte' ? 1024 * 1024 : 1024);
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(Math.max(value, 0.1));
}
