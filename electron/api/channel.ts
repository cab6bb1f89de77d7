// What every feature's channels are made of: the channel helper and the field schemas they share.
// Part of the contract layer: zod, the store's pure declarations (db/model, db/schema) and
// type-only imports; no node, no DOM.
import { z } from 'zod';
import type { ErrorCode, ErrorParams } from '../../db/errors';
import type { ColumnDecl, FieldValue } from '../../db/schema/columns';

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

/**
 * A field that stands for a declared column (db/schema): the declaration fixes the value's type
 * (the base must produce it, or this does not compile) and whether it may be null; the contract
 * adds only what a request may carry (a length, an id's form). `required` leaves null out where a
 * request must give a value the column may otherwise lack (a board's name).
 */
export function field<C extends ColumnDecl, S extends z.ZodType<NonNullable<FieldValue<C>>>>(
  decl: C,
  base: S,
): C extends { nullable: true } ? z.ZodNullable<S> : S {
  return (decl.nullable === true ? base.nullable() : base) as C extends { nullable: true } ? z.ZodNullable<S> : S;
}

export function required<C extends ColumnDecl, S extends z.ZodType<NonNullable<FieldValue<C>>>>(_decl: C, base: S): S {
  return base;
}

/** A declared column's fixed values (a CHECK in the schema) as an enumeration: `field(decl, valuesOf(decl))`. */
export function valuesOf<const V extends readonly [string, ...string[]]>(decl: { readonly values: V }): z.ZodEnum<{ [K in V[number]]: K }> {
  return z.enum(decl.values) as unknown as z.ZodEnum<{ [K in V[number]]: K }>;
}

/** How a failed call is reported to the UI: a code, a message, and the key and parameters it is translated by. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  key?: string;
  params?: ErrorParams;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };
