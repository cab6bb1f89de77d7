// How a table's columns are declared, once, and what is derived from the declaration: the row
// type, the domain/exchange record type and the converters between them. Pure: no node, no
// SQLite, so the contract and the team server may import it.

/** How a value is stored: text as is, integers, booleans as 0/1, JSON as text. */
export type ColumnKind = 'text' | 'int' | 'bool' | 'json';

/** Why a column is not carried somewhere (the schema test demands a reason). */
export interface NotCarried {
  readonly notCarried: string;
}

export interface ColumnDecl {
  /** The SQL column name. */
  readonly sql: string;
  readonly kind: ColumnKind;
  readonly nullable?: boolean;
  /** For text columns with a fixed set of values (a CHECK in the schema). */
  readonly values?: readonly string[];
  /** For JSON columns: a value of the parsed type, for the types only (never read). */
  readonly json?: unknown;
  /** The exchange file carries the column (the default), or why not. */
  readonly exchange?: true | NotCarried;
  /**
   * How the merge treats a column the exchange carries: `field` is compared and merged field by
   * field; `fixed` is written when the record is added and never merged (identity, creation
   * facts, counters the store keeps), which must say why.
   */
  readonly merge?: 'field' | NotCarried;
  /** The domain type (db/model.ts) has the field (the default), or why not. */
  readonly domain?: true | NotCarried;
}

/** A table's columns, keyed by the domain/exchange field name, in the order records list them. */
export type TableColumns = Readonly<Record<string, ColumnDecl>>;

export interface TableDecl<C extends TableColumns = TableColumns> {
  readonly table: string;
  readonly columns: C;
}

export function notCarried(reason: string): NotCarried {
  return { notCarried: reason };
}

/** The reasons every table shares for a column the merge does not merge field by field. */
export const identity = notCarried('the record identity: the merge matches records by it');
export const created = notCarried('set once when the record is made');
export const stamp = notCarried('follows the newer copy when the merge writes any field');

export function defineTable<const C extends TableColumns>(table: string, columns: C): TableDecl<C> {
  return { table, columns };
}

// ---- types derived from a declaration ----

type Base<C extends ColumnDecl> = C extends { values: readonly (infer V)[] }
  ? V
  : C extends { kind: 'json'; json: infer J }
    ? J
    : C['kind'] extends 'text'
      ? string
      : C['kind'] extends 'int'
        ? number
        : C['kind'] extends 'bool'
          ? boolean
          : unknown;
type StoredBase<C extends ColumnDecl> = C['kind'] extends 'bool' ? number : C['kind'] extends 'json' ? string : Base<C>;
type Null<C extends ColumnDecl, T> = C extends { nullable: true } ? T | null : T;
export type Simplify<T> = { -readonly [K in keyof T]: T[K] } & {};

/** The field's value in domain and exchange records. */
export type FieldValue<C extends ColumnDecl> = Null<C, Base<C>>;
/** The value as SQLite hands it back. */
export type StoredValue<C extends ColumnDecl> = Null<C, StoredBase<C>>;

/** A row as `SELECT *` returns it. */
export type RowOf<T extends TableDecl> = Simplify<{ [F in keyof T['columns'] as T['columns'][F]['sql']]: StoredValue<T['columns'][F]> }>;

/** The domain record: every column the domain type has, under its field name. */
export type DomainOf<T extends TableDecl> = Simplify<{
  [F in keyof T['columns'] as T['columns'][F] extends { domain: NotCarried } ? never : F]: FieldValue<T['columns'][F]>;
}>;

/** The exchange record: every column the exchange carries, under its field name. */
export type ExchangeOf<T extends TableDecl> = Simplify<{
  [F in keyof T['columns'] as T['columns'][F] extends { exchange: NotCarried } ? never : F]: FieldValue<T['columns'][F]>;
}>;

/** Compile-time equality of two types: `const _: Same<A, B> = true` fails to compile unless A and B are the same. */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// ---- what the declaration says, at run time ----

export interface Column {
  sql: string;
  field: string;
  kind: ColumnKind;
  nullable: boolean;
  decl: ColumnDecl;
}

/** The columns in declaration order. */
export function columnsOf(t: TableDecl): Column[] {
  return Object.entries(t.columns).map(([field, decl]) => ({ sql: decl.sql, field, kind: decl.kind, nullable: decl.nullable === true, decl }));
}

export const isCarried = (flag: true | NotCarried | undefined): boolean => flag === undefined || flag === true;

export function exchangeColumns(t: TableDecl): Column[] {
  return columnsOf(t).filter((c) => isCarried(c.decl.exchange));
}

export function domainColumns(t: TableDecl): Column[] {
  return columnsOf(t).filter((c) => isCarried(c.decl.domain));
}

/** The fields the merge compares and merges one by one. */
export function mergedFields(t: TableDecl): string[] {
  return exchangeColumns(t)
    .filter((c) => c.decl.merge === 'field')
    .map((c) => c.field);
}

/** A stored value as the field holds it. */
export function decode(kind: ColumnKind, value: unknown): unknown {
  if (kind === 'bool') return value === 1;
  if (kind === 'json') return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return value;
}

/** A field's value as the column stores it. */
export function encode(kind: ColumnKind, value: unknown): unknown {
  if (kind === 'bool') return value ? 1 : 0;
  if (kind === 'json') return JSON.stringify(value ?? {});
  return value ?? null;
}

/**
 * A row→record converter over the given columns. It is compiled from the declaration into one
 * object literal: that is what a hand-written converter was, and it is an order of magnitude
 * faster than setting the fields one by one in a loop, which matters for an export or merge of
 * hundreds of thousands of rows. Only the declared names (quoted as JSON) go into the source.
 */
function converter(columns: Column[]): (row: Record<string, unknown>) => Record<string, unknown> {
  const read = (c: Column) => {
    const value = `r[${JSON.stringify(c.sql)}]`;
    if (c.kind === 'bool') return `${value} === 1`;
    if (c.kind === 'json') return `decode("json", ${value})`;
    return value;
  };
  const body = `return (r) => ({ ${columns.map((c) => `${JSON.stringify(c.field)}: ${read(c)}`).join(', ')} });`;
  // Compiled from the declarations, never from data.
  const make = new Function('decode', body) as (decoder: typeof decode) => (row: Record<string, unknown>) => Record<string, unknown>;
  return make(decode);
}

/** The row→domain converter of a table. */
export function toDomain<T extends TableDecl>(t: T): (row: RowOf<T>) => DomainOf<T> {
  return converter(domainColumns(t)) as unknown as (row: RowOf<T>) => DomainOf<T>;
}

/** The row→exchange converter of a table (rows as `SELECT *` returns them). */
export function toExchangeRecord<T extends TableDecl>(t: T): (row: Record<string, unknown>) => ExchangeOf<T> {
  return converter(exchangeColumns(t)) as unknown as (row: Record<string, unknown>) => ExchangeOf<T>;
}

/** The domain→row converter of a table (for tests and for writing whole records). */
export function toRow<T extends TableDecl>(t: T): (record: Record<string, unknown>) => Record<string, unknown> {
  const columns = columnsOf(t);
  return (record) => {
    const out: Record<string, unknown> = {};
    for (const c of columns) if (c.field in record) out[c.sql] = encode(c.kind, record[c.field]);
    return out;
  };
}
