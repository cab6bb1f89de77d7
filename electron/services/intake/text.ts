// Reading a file's bytes as text: the encoding is detected (byte-order marks, valid UTF-8, else
// Windows-1251) and anything else — binary content, damaged UTF-8, another single-byte Cyrillic
// code page, Western European text — is refused with a message naming the problem, never guessed.
import { StoreError } from '../../../db/errors';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** What a binary file most likely is, from its first bytes. */
export function sniffBinary(bytes: Uint8Array): 'zip' | 'ole' | 'pdf' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  return null;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Counts well-formed multi-byte UTF-8 sequences and stray high bytes; notes the first stray one. */
function utf8Census(bytes: Uint8Array): { sequences: number; stray: number; firstStray: number } {
  let sequences = 0;
  let stray = 0;
  let firstStray = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      ok = c !== undefined && c >= 0x80 && c <= 0xbf;
    }
    if (ok) {
      sequences++;
      i += need + 1;
    } else {
      if (firstStray < 0) firstStray = i;
      stray++;
      i++;
    }
  }
  return { sequences, stray, firstStray };
}

/**
 * The text of bytes that are well-formed UTF-8, else null: the native decoder's check, much
 * faster than the census on a large file. Well-formed UTF-8 has no stray bytes in the census's
 * sense, so whatever passes here the census would pass too, and decodes the same.
 */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const FREQUENT_RUSSIAN = new Set('оеаинтсрвлкмдпуяыьгзбчйхжшюцщэф');

/** How Russian a text reads: lower-case Cyrillic letters in Cyrillic-only words count for it. */
function russianScore(text: string): { score: number; cyrillic: number; mixed: number } {
  let score = 0;
  let cyrillic = 0;
  let mixed = 0;
  for (const word of text.match(/[\p{L}]+/gu) ?? []) {
    const cyr = word.match(/[\u0400-\u04ff]/g)?.length ?? 0;
    if (cyr === 0) continue;
    cyrillic += cyr;
    if (/[a-z]/i.test(word)) {
      mixed += cyr;
      continue;
    }
    for (const ch of word) if (FREQUENT_RUSSIAN.has(ch)) score++;
  }
  return { score, cyrillic, mixed };
}

function decoder(label: string): { decode(input: Uint8Array): string } {
  return new TextDecoder(label, { fatal: false, ignoreBOM: true });
}

export function decodeText(input: Uint8Array): DecodedText {
  const bytes = input;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const strict = strictUtf8(body);
    if (strict !== null) return { text: strict, encoding: 'utf-8-bom' };
    const census = utf8Census(body);
    if (census.stray > 0) badUtf8(body, census.firstStray);
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };

  const head = bytes.subarray(0, 65_536);
  if (head.includes(0)) {
    const kind = sniffBinary(bytes);
    throw new StoreError(
      'validation',
      kind === 'zip'
        ? 'The file is a ZIP archive (an Excel workbook or another packed file), not text.'
        : kind === 'ole'
          ? 'The file is an old Microsoft Office file (.xls or .doc), not text. Save it as .xlsx or CSV and import that.'
          : 'The file is not text: it holds binary data (or UTF-16 text without a byte-order mark). Nothing was imported.',
      'intake.binaryFile',
    );
  }

  const strict = strictUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: 'utf-8' };
  const census = utf8Census(bytes);
  if (census.stray === 0) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  // Mostly well-formed UTF-8 with a few broken bytes is a damaged UTF-8 file, not Windows-1251.
  if (census.sequences >= 2 && census.sequences >= census.stray) badUtf8(bytes, census.firstStray);

  const cp1251 = decoder('windows-1251').decode(bytes);
  const ours = russianScore(cp1251);
  if (ours.cyrillic > 0 && ours.mixed * 2 > ours.cyrillic) {
    throw new StoreError(
      'validation',
      'The file’s encoding is not supported: its letters read as neither UTF-8 nor Windows-1251 Cyrillic (it looks like a Western European code page). Save it as UTF-8 and import it again. Nothing was imported.',
      'intake.unsupportedEncoding',
      { encoding: 'windows-1252' },
    );
  }
  for (const other of ['koi8-r', 'ibm866'] as const) {
    const score = russianScore(decoder(other).decode(bytes)).score;
    if (score > ours.score * 1.5 && score >= 10) {
      throw new StoreError(
        'validation',
        `The file seems to be in the ${other.toUpperCase()} encoding, which is not supported. Save it as UTF-8 or Windows-1251 and import it again. Nothing was imported.`,
        'intake.unsupportedEncoding',
        { encoding: other.toUpperCase() },
      );
    }
  }
  return { text: cp1251, encoding: 'windows-1251' };
}

function badUtf8(bytes: Uint8Array, offset: number): never {
  const line = lineAt(bytes, offset);
  throw new StoreError(
    'validation',
    `The file is UTF-8 text with damaged bytes (line ${line}): it may be corrupted or mix two encodings. Nothing was imported.`,
    'intake.badUtf8',
    { line },
  );
}
