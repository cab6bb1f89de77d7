import type { TFunction } from 'i18next';
import { ApiFailure } from '../api/transport';

/** The message an official reads for a failed call, in the UI's language where we have one. */
export function describeError(err: unknown, t: TFunction): string {
  if (err instanceof ApiFailure) {
    const { key, params, message } = err.error;
    if (key) {
      const translated = t(`errors.${key}`, { ...params, defaultValue: '' });
      if (translated) return translated;
    }
    return t('errors.generic', { message });
  }
  return t('errors.generic', { message: err instanceof Error ? err.message : String(err) });
}
