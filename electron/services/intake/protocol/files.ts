// A protocol file → its text, paragraph by paragraph. DOCX through mammoth (its simple HTML keeps
// paragraphs and Word's own list numbering, which is rebuilt here as `1.`, `2.1.`); PDF through
// unpdf (pdf.js for Node), line by line. A PDF whose pages carry no text (a scan) is told apart
// rather than read as an empty protocol; a damaged, encrypted or foreign file is refused by name.
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { StoreError } from '../../../../db/errors';
import type { ProtocolFormat } from '../../../../db/intake-types';

/** A page with fewer letters than this carries no text layer worth reading (a stamp, a page number). */
export const MIN_LETTERS_PER_TEXT_PAGE = 80;

export type ProtocolFile =
  | { kind: 'text'; format: ProtocolFormat; text: string; pages: number | null }
  | { kind: 'scan'; format: 'pdf'; pages: number };

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk (some scanners write a few bytes first).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** Why each refused file is refused (the message names the file before it). */
const WHY = {
  oldWord: 'is an old Word document (.doc) or a password-protected one: save it as DOCX without a password and open that.',
  notDocument: 'is neither a Word document (DOCX) nor a PDF.',
  badDocx: 'is not a Word document that can be read (DOCX): it is damaged, cut short or another kind of file renamed.',
  emptyDocument: 'holds no text.',
  encryptedPdf: 'is protected with a password: open it in a PDF viewer, save a copy without the password and open that.',
  badPdf: 'is not a PDF that can be read: it is damaged or cut short.',
} as const;

function refused(key: string, name: string, message: string): StoreError {
  return new StoreError('validation', `“${name}” ${message} Nothing was imported.`, key, { name });
}

/**
 * The refusal a store error's key names, made anew (a worker thread sends the key and the file's
 * name back, not the error); null for a key that is no protocol refusal.
 */
export function protocolRefusal(key: string | undefined, name: string): StoreError | null {
  switch (key) {
    case 'protocol.oldWord':
      return refused('protocol.oldWord', name, WHY.oldWord);
    case 'protocol.notDocument':
      return refused('protocol.notDocument', name, WHY.notDocument);
    case 'protocol.badDocx':
      return refused('protocol.badDocx', name, WHY.badDocx);
    case 'protocol.emptyDocument':
      return refused('protocol.emptyDocument', name, WHY.emptyDocument);
    case 'protocol.encryptedPdf':
      return refused('protocol.encryptedPdf', name, WHY.encryptedPdf);
    case 'protocol.badPdf':
      return refused('protocol.badPdf', name, WHY.badPdf);
    default:
      return null;
  }
}

/** Reads a protocol file; refuses with a message naming the file when it cannot be read. */
export async function readProtocolFile(name: string, bytes: Uint8Array): Promise<ProtocolFile> {
  if (isPdf(bytes)) return readPdf(name, bytes);
  if (startsWith(bytes, ZIP)) return { kind: 'text', format: 'docx', text: await readDocx(name, bytes), pages: null };
  if (startsWith(bytes, OLE)) {
    throw refused('protocol.oldWord', name, WHY.oldWord);
  }
  throw refused('protocol.notDocument', name, WHY.notDocument);
}

// ---- DOCX ----

async function readDocx(name: string, bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw refused('protocol.badDocx', name, WHY.badDocx);
  }
  const text = htmlToText(html);
  if (text.trim() === '') throw refused('protocol.emptyDocument', name, WHY.emptyDocument);
  return text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[ent.toLowerCase()] ?? all;
  });
}

/**
 * Mammoth's HTML → one line per paragraph, list item or table cell. A list item gets the number
 * Word shows (`2.`, `2.1.`): mammoth keeps the lists but not their numbers.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  const counters: number[] = [];
  let line = '';
  let prefix = '';
  const flush = () => {
    const text = decode(line).replace(/\s+/g, ' ').trim();
    if (text !== '' || prefix !== '') lines.push(`${prefix}${prefix && text ? ' ' : ''}${text}`.trim());
    line = '';
    prefix = '';
  };
  const tags = /<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (m[3] !== undefined) {
      line += m[3];
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'ol' || tag === 'ul') {
      flush();
      if (closing) counters.pop();
      else counters.push(0);
    } else if (tag === 'li') {
      flush();
      if (!closing && counters.length > 0) {
        counters[counters.length - 1]! += 1;
        prefix = `${counters.join('.')}.`;
      }
    } else if (tag === 'br') {
      line += ' ';
    } else if (['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'tr', 'table'].includes(tag)) {
      flush();
    }
  }
  flush();
  return lines.join('\n');
}

// ---- PDF ----

function letters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

async function readPdf(name: string, bytes: Uint8Array): Promise<ProtocolFile> {
  let pages: string[];
  try {
    // pdf.js may keep (and detach) the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.loadingTask.destroy();
    }
  } catch (err) {
    const kind = err instanceof Error ? err.name : '';
    if (kind === 'PasswordException') {
      throw refused('protocol.encryptedPdf', name, WHY.encryptedPdf);
    }
    throw refused('protocol.badPdf', name, WHY.badPdf);
  }
  if (!pages.some((page) => letters(page) >= MIN_LETTERS_PER_TEXT_PAGE)) return { kind: 'scan', format: 'pdf', pages: pages.length };
  return { kind: 'text', format: 'pdf', text: pages.join('\n'), pages: pages.length };
}
