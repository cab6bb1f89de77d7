// Media types of attachments and the decision whether the desktop app may open one in the
// system's viewer. Only documents and images open, and only when the name's extension, the media
// type and the first bytes agree; anything else (executables, scripts, installers, unknown types, a
// ".pdf" that is really a program) is refused with a message and can only be saved. Pure: tested
// without Electron.

/** The types that open in the system's viewer, by extension: the media types that may go with each, and a check of the first bytes. */
interface Openable {
  types: readonly string[];
  /** Whether the file's first bytes are what this type starts with. */
  magic: (head: Uint8Array) => boolean;
}

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean => bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Plain text: no NUL bytes in what was read, and not a program under a text name. */
function plainText(head: Uint8Array): boolean {
  return !head.includes(0) && !isExecutable(head);
}

const OPENABLE: Readonly<Record<string, Openable>> = {
  pdf: { types: ['application/pdf'], magic: (h) => startsWith(h, ascii('%PDF-')) },
  docx: { types: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], magic: (h) => startsWith(h, ZIP) },
  doc: { types: ['application/msword'], magic: (h) => startsWith(h, OLE) },
  xlsx: { types: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], magic: (h) => startsWith(h, ZIP) },
  xls: { types: ['application/vnd.ms-excel'], magic: (h) => startsWith(h, OLE) },
  odt: { types: ['application/vnd.oasis.opendocument.text'], magic: (h) => startsWith(h, ZIP) },
  ods: { types: ['application/vnd.oasis.opendocument.spreadsheet'], magic: (h) => startsWith(h, ZIP) },
  rtf: { types: ['application/rtf', 'text/rtf'], magic: (h) => startsWith(h, ascii('{\\rtf')) },
  txt: { types: ['text/plain'], magic: plainText },
  csv: { types: ['text/csv', 'text/plain'], magic: plainText },
  png: { types: ['image/png'], magic: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { types: ['image/jpeg'], magic: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  jpeg: { types: ['image/jpeg'], magic: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  tif: { types: ['image/tiff'], magic: (h) => startsWith(h, [0x49, 0x49, 0x2a, 0x00]) || startsWith(h, [0x4d, 0x4d, 0x00, 0x2a]) },
  tiff: { types: ['image/tiff'], magic: (h) => startsWith(h, [0x49, 0x49, 0x2a, 0x00]) || startsWith(h, [0x4d, 0x4d, 0x00, 0x2a]) },
  gif: { types: ['image/gif'], magic: (h) => startsWith(h, ascii('GIF87a')) || startsWith(h, ascii('GIF89a')) },
  bmp: { types: ['image/bmp'], magic: (h) => startsWith(h, ascii('BM')) },
  webp: { types: ['image/webp'], magic: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8) },
};

/** The extensions whose files open in the system's viewer. */
export const OPENABLE_EXTENSIONS: readonly string[] = Object.keys(OPENABLE);

/** How many first bytes the decision reads. */
export const HEAD_BYTES = 64;

export function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName.trim());
  return m ? (m[1] as string).toLowerCase() : '';
}

/** The media type an attachment is recorded with: by its extension, else a generic binary type. */
export function mediaTypeFor(fileName: string): string {
  const openable = OPENABLE[extensionOf(fileName)];
  return openable ? (openable.types[0] as string) : 'application/octet-stream';
}

/** A program whatever its name says: Windows PE (MZ), ELF, Mach-O, or a script with a #! line. */
export function isExecutable(head: Uint8Array): boolean {
  return (
    startsWith(head, ascii('MZ')) ||
    startsWith(head, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(head, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(head, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(head, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(head, ascii('#!'))
  );
}

export type OpenDecision = { open: true } | { open: false; reason: 'type' | 'content' };

/**
 * Whether the desktop app opens this attachment in the system's viewer: its extension must be one
 * of the document and image types, its media type one that goes with that extension, and its first
 * bytes those of that type (never a program). `type`: not a document or image type; `content`: the
 * bytes are not what the name says.
 */
export function decideOpen(fileName: string, mediaType: string, head: Uint8Array): OpenDecision {
  const openable = OPENABLE[extensionOf(fileName)];
  if (!openable) return { open: false, reason: 'type' };
  if (!openable.types.includes(mediaType.split(';')[0]!.trim().toLowerCase())) return { open: false, reason: 'type' };
  if (isExecutable(head) || !openable.magic(head)) return { open: false, reason: 'content' };
  return { open: true };
}
