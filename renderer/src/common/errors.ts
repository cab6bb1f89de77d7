import type { TFunction } from 'i18next';
import type { ErrorParamItem, ErrorParams } from '../../../db/errors';
import { ApiFailure } from '../api/transport';
import { describeQueryProblem } from './query-problems';

/** One problem of a malformed filter or search, in words (“unknown field “foo:””). */
function describeProblem(item: ErrorParamItem, t: TFunction): string {
  const { code, field, value } = item;
  return describeQueryProblem({ code: code ?? '', ...(field === undefined ? {} : { field }), ...(value === undefined ? {} : { value }) }, t);
}

/** Params as the message reads them: a list (the problems of a filter) is written out in words. */
function readableParams(params: ErrorParams | undefined, t: TFunction): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    out[name] = Array.isArray(value) ? value.map((item: ErrorParamItem) => describeProblem(item, t)).join('; ') : (value as string | number);
  }
  return out;
}

/** The message an official reads for a failed call, in the UI's language where we have one. */
export function describeError(err: unknown, t: TFunction): string {
  if (err instanceof ApiFailure) {
    const { key, params, message } = err.error;
    if (key) {
      const translated = t(`errors.${key}`, { ...readableParams(params, t), defaultValue: '' });
      if (translated) return translated;
    }
    return t('errors.generic', { message });
  }
  return t('errors.generic', { message: err instanceof Error ? err.message : String(err) });
}

/** The translation key of a refusal from the store, if it has one. */
export function errorKey(err: unknown): string | undefined {
  return err instanceof ApiFailure ? (err.error.key ?? undefined) : undefined;
}

/** The refusal of a deadline before the meeting, its dates written as the official reads them. */
export function describeDeadlineBeforeMeeting(err: unknown, t: TFunction, format: (iso: string) => string): string {
  const params = err instanceof ApiFailure ? err.error.params : undefined;
  const date = typeof params?.date === 'string' ? format(params.date) : '';
  const meetingDate = typeof params?.meetingDate === 'string' ? format(params.meetingDate) : '';
  return t('errors.deadlineBeforeMeeting', { date, meetingDate });
}
