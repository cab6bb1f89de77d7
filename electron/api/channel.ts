// What every feature's channels are made of: the channel helper and the field schemas they share.
// Part of the contract layer: zod only (and type-only imports), no node, no DOM.
import { z } from 'zod';
import type { ErrorCode, ErrorParams } from '../../db/errors';

/** A channel: its input schema and, as a type only, its output. */
export interface Channel<I extends z.ZodType, O> {
  input: I;
  output: O;
}

/** A feature's channels, by name. */
export type Channels = Record<string, Channel<z.ZodType, unknown>>;

export function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input, output: undefined as O });
}

export const empty = z.strictObject({});
export const id = z.uuid();
export const isoDate = z.iso.date();
export const shortText = z.string().max(500);
export const longText = z.string().max(200_000);
export const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
export const version = z.number().int().positive();

/** How a failed call is reported to the UI: a code, a message, and the key and parameters it is translated by. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  key?: string;
  params?: ErrorParams;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };
