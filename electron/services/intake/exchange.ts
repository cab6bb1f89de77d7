// Reading an exchange file: UTF-8 JSON whose header names this app's format and a version this
// app reads, then the whole document against the exchange schema. Each failure says which.
import { StoreError } from '../../../db/errors';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, exchangeDocumentSchema, exchangeHeaderSchema, type ExchangeDocument } from '../../../db/exchange';
import type { StagedFile } from './files';
import { sniffBinary } from './text';

function notExchange(detail: string): StoreError {
  return new StoreError(
    'validation',
    `This is not an exchange file of Ministry Action Tracker: ${detail}. Nothing was imported.`,
    'intake.notExchange',
    { detail },
  );
}

export function readExchangeDocument(bytes: Uint8Array): ExchangeDocument {
  const kind = sniffBinary(bytes);
  if (kind) throw notExchange(kind === 'zip' ? 'it is a ZIP archive (an Excel workbook?)' : kind === 'pdf' ? 'it is a PDF document' : 'it is an old Office document');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new StoreError('validation', 'The exchange file is not UTF-8 text: it is damaged or not an exchange file. Nothing was imported.', 'intake.exchangeNotUtf8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/^\s*[{[]/.test(text)) throw notExchange('it is not JSON');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/end of (?:JSON )?input|Unterminated|Unexpected end/i.test(message)) {
      throw new StoreError('validation', 'The exchange file is cut short (its JSON ends too early): it was not copied completely. Nothing was imported.', 'intake.exchangeTruncated');
    }
    const position = /position (\d+)/.exec(message)?.[1];
    throw new StoreError(
      'validation',
      `The exchange file is not valid JSON${position ? ` (at character ${position})` : ''}: it is damaged. Nothing was imported.`,
      'intake.exchangeBadJson',
      { position: position ?? '?' },
    );
  }
  const header = exchangeHeaderSchema.safeParse(value);
  if (!header.success) {
    const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
    throw notExchange(format === EXCHANGE_FORMAT ? 'its version is missing or wrong' : 'it has no “format” of this app');
  }
  if (header.data.version > EXCHANGE_VERSION) {
    throw new StoreError(
      'unsupported',
      `The exchange file was made by a newer version of the app (exchange format ${header.data.version}; this version reads up to ${EXCHANGE_VERSION}). Update the app to import it. Nothing was imported.`,
      'intake.exchangeFromFuture',
      { version: header.data.version, supported: EXCHANGE_VERSION },
    );
  }
  const parsed = exchangeDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || 'file'}: ${issue.message}`)
      .join('; ');
    throw new StoreError('validation', `The exchange file does not match its format (${details}). Nothing was imported.`, 'intake.exchangeInvalid', {
      details,
    });
  }
  return parsed.data;
}

/** The staged file's document, parsed once. */
export function exchangeDocumentOf(file: StagedFile): ExchangeDocument {
  const cached = file.cache.get('exchange') as ExchangeDocument | undefined;
  if (cached) return cached;
  const doc = readExchangeDocument(file.bytes);
  file.cache.set('exchange', doc);
  return doc;
}

