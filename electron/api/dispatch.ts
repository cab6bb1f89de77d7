// One dispatcher for both transports: validate the payload against the contract, call the
// handler, and wrap the outcome in an envelope. Errors become {code, message}; stacks stay here.
import type { z } from 'zod';
import { StoreError, fromSqliteError } from '../../db/errors';
import { contract, isChannel, type ApiError, type ChannelName, type Envelope, type Output, type ParsedInput } from './contract';

export type Handlers = { [K in ChannelName]: (input: ParsedInput<K>) => Output<K> | Promise<Output<K>> };

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'payload';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

export function toApiError(err: unknown): ApiError {
  const mapped = fromSqliteError(err);
  if (mapped instanceof StoreError) {
    const error: ApiError = { code: mapped.code, message: mapped.message };
    if (mapped.key) error.key = mapped.key;
    if (mapped.params) error.params = mapped.params;
    return error;
  }
  console.error('[ministry-tracker] unexpected error:', err);
  return { code: 'internal', message: 'Something went wrong inside the app; nothing was changed. The details were written to the log.', key: 'internal' };
}

export async function dispatch(handlers: Handlers, channelName: string, payload: unknown): Promise<Envelope<unknown>> {
  if (!isChannel(channelName)) {
    return { ok: false, error: { code: 'not_found', message: `Unknown channel “${channelName.slice(0, 100)}”.` } };
  }
  const parsed = contract[channelName].input.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'validation', message: `Invalid request to ${channelName}: ${describeIssues(parsed.error.issues)}`, key: 'invalidRequest' },
    };
  }
  try {
    const handler = handlers[channelName] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}
