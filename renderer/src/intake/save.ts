import type { TFunction } from 'i18next';
import type { Api } from '../../../electron/api/contract';
import type { IntakeCapabilities } from '../../../db/intake-types';

/**
 * Saves a text file the official asked for: through the app's save dialog in Electron (the main
 * process picks the path and writes it), as a download in browser mode. Returns what to announce,
 * or null when the official cancelled.
 */
export async function saveTextFile(api: Api, capabilities: IntakeCapabilities, name: string, content: string, t: TFunction): Promise<string | null> {
  if (capabilities.nativeDialogs) {
    const saved = await api['intake.saveText']({ suggestedName: name, content });
    return saved ? t('intake.common.reportSaved', { path: saved.path }) : null;
  }
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  // Inside the open modal dialog, if any: the rest of the page is inert while it is open.
  (document.querySelector('dialog[open]') ?? document.body).appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return t('intake.common.reportDownloaded', { name });
}
