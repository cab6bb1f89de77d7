// The exchange package: a ZIP holding the JSON exchange document (exchange.json, the same document
// as the plain exchange file), the attachment records (attachments.json) and each attached file
// once, named by its SHA-256 (files/<sha256>). On import every file's bytes are hashed and compared
// with its name and its records: a package in which one byte changed is refused as a whole, with a
// message naming the file, before anything is stored.
import fs from 'node:fs';
import JSZip from 'jszip';
import { z } from 'zod';
import { StoreError } from '../../../db/errors';
import { blobPath, hasBlob, sha256Of } from '../../../db/attachment-files';
import type { ExchangeDocument } from '../../../db/exchange';
import { ATTACHMENT_OWNER_KINDS, type AttachmentRecord } from '../../../db/schema/attachments';
import type { Same } from '../../../db/schema/columns';
import { readExchangeDocument } from '../intake/exchange';

export const PACKAGE_DOCUMENT = 'exchange.json';
export const PACKAGE_ATTACHMENTS = 'attachments.json';
export const PACKAGE_FILES = 'files/';
/** What the unpacked files of one package may add up to (the package itself is limited like any import). */
const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;

const timestamp = z.string().min(10).max(40);
export const packageAttachmentSchema = z.object({
  id: z.string().min(1).max(64),
  ownerKind: z.enum(ATTACHMENT_OWNER_KINDS),
  ownerId: z.string().min(1).max(64),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().max(200),
  size: z.number().int().min(0).max(50 * 1024 * 1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  addedAt: timestamp,
  addedBy: z.string().max(500),
  removedAt: timestamp.nullable(),
  removedBy: z.string().max(500).nullable(),
});
export const PACKAGE_SCHEMA_MATCHES: Same<z.infer<typeof packageAttachmentSchema>, AttachmentRecord> = true;

export interface ExchangePackage {
  document: ExchangeDocument;
  attachments: AttachmentRecord[];
  /** The files of the attachments that are not removed, by hash, each checked. */
  files: Map<string, Uint8Array>;
}

/**
 * The package of a store: the document, every attachment record (removals included, so they reach
 * the other desk) and the files of those not removed. A record whose file is missing here is left
 * out (the other desk could not check it).
 */
export async function buildExchangePackage(document: ExchangeDocument, records: readonly AttachmentRecord[], dir: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const kept: AttachmentRecord[] = [];
  const added = new Set<string>();
  for (const r of records) {
    if (r.removedAt !== null) {
      kept.push(r);
      continue;
    }
    if (!hasBlob(dir, r.sha256, r.size)) continue;
    kept.push(r);
    if (added.has(r.sha256)) continue;
    added.add(r.sha256);
    zip.file(`${PACKAGE_FILES}${r.sha256}`, fs.readFileSync(blobPath(dir, r.sha256)), { binary: true });
  }
  zip.file(PACKAGE_DOCUMENT, JSON.stringify(document));
  zip.file(PACKAGE_ATTACHMENTS, JSON.stringify(kept));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

function notPackage(detail: string): StoreError {
  return new StoreError('validation', `This ZIP file is not an exchange package of Ministry Action Tracker: ${detail}. Nothing was imported.`, 'notPackage', { detail });
}

function changedFile(name: string): StoreError {
  return new StoreError(
    'validation',
    `The attachment “${name}” in the package is not the file that was exported: its contents do not match its SHA-256 (the package was changed or damaged). Nothing was imported.`,
    'packageFileChanged',
    { name },
  );
}

/** Whether the bytes are a ZIP archive (an exchange package, or something else in a ZIP). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

/** Reads and checks a package: its document as any exchange file, its records, and every file against its hash. */
export async function readExchangePackage(bytes: Uint8Array): Promise<ExchangePackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    throw notPackage('the archive is damaged or cut short');
  }
  const documentEntry = zip.file(PACKAGE_DOCUMENT);
  if (!documentEntry) throw notPackage(`it holds no ${PACKAGE_DOCUMENT} (an Excel workbook or a Word document?)`);
  let document: ExchangeDocument;
  let recordsText: string | null;
  try {
    document = readExchangeDocument(await documentEntry.async('uint8array'));
    recordsText = (await zip.file(PACKAGE_ATTACHMENTS)?.async('string')) ?? null;
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw notPackage('the archive is damaged');
  }
  let attachments: AttachmentRecord[] = [];
  if (recordsText !== null) {
    let value: unknown;
    try {
      value = JSON.parse(recordsText);
    } catch {
      throw notPackage(`${PACKAGE_ATTACHMENTS} is not valid JSON`);
    }
    const parsed = z.array(packageAttachmentSchema).safeParse(value);
    if (!parsed.success) throw notPackage(`${PACKAGE_ATTACHMENTS} does not match its format`);
    attachments = parsed.data;
  }
  const files = new Map<string, Uint8Array>();
  let unpacked = 0;
  for (const r of attachments) {
    if (r.removedAt !== null || files.has(r.sha256)) continue;
    const entry = zip.file(`${PACKAGE_FILES}${r.sha256}`);
    if (!entry) throw notPackage(`the file of “${r.fileName}” is missing from it`);
    let data: Uint8Array;
    try {
      data = await entry.async('uint8array');
    } catch {
      // A changed byte in a compressed file fails its CRC or its inflation: the same refusal.
      throw changedFile(r.fileName);
    }
    unpacked += data.byteLength;
    if (unpacked > MAX_UNPACKED_BYTES) throw notPackage('its files are larger than any desk could have exported');
    if (data.byteLength !== r.size || sha256Of(data) !== r.sha256) throw changedFile(r.fileName);
    files.set(r.sha256, data);
  }
  for (const r of attachments) if (r.removedAt === null && files.get(r.sha256)?.byteLength !== r.size) throw changedFile(r.fileName);
  return { document, attachments, files };
}

/** What an exchange import works on: the document, and the package around it when the file is one. */
export interface ExchangeContent {
  document: ExchangeDocument;
  package: ExchangePackage | null;
}

/** The staged file's exchange content (a package or a plain JSON file), read once. */
export async function exchangeContentOf(file: { bytes: Uint8Array; cache: Map<string, unknown> }): Promise<ExchangeContent> {
  const cached = file.cache.get('exchange-content') as ExchangeContent | undefined;
  if (cached) return cached;
  let content: ExchangeContent;
  if (isZip(file.bytes)) {
    const pkg = await readExchangePackage(file.bytes);
    content = { document: pkg.document, package: pkg };
  } else content = { document: readExchangeDocument(file.bytes), package: null };
  file.cache.set('exchange-content', content);
  return content;
}
