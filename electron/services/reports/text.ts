// Text hygiene shared by the XML-based formats (XLSX, DOCX): XML 1.0 cannot carry most control
// characters or lone surrogates, and a spreadsheet cell holds at most 32,767 characters.

// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what is matched
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Replaces what XML cannot hold with U+FFFD, so one odd character never makes a file unreadable,
 * and writes line breaks as LF (an XML reader turns a raw CR into LF anyway).
 */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '\ufffd').replace(/\r\n?/g, '\n');
}

export const CELL_LIMIT = 32_767;
export const TRUNCATED_MARK = ' […]';

/** Text for one spreadsheet cell: XML-safe and within Excel's cell limit (marked where cut). */
export function cellText(text: string): string {
  const safe = xmlSafe(text);
  return safe.length <= CELL_LIMIT ? safe : safe.slice(0, CELL_LIMIT - TRUNCATED_MARK.length) + TRUNCATED_MARK;
}

/** Lets other work run between chunks of a long export. */
export function yieldNow(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export type Progress = (done: number, total: number, phase: 'rendering' | 'packing') => void;
