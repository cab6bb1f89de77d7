// Printed column widths that never break a header word. A header cell is as wide as its share of
// the page; a word longer than that is cut mid-word by Word, LibreOffice and Chromium alike
// ("Дайындалд/ы" in the Kyrgyz summary). Each column is widened to its longest header word, the
// widening taken from the columns that have room to spare, widest first.
import type { PrintColumn } from './model';

/** The table's text width in points: A4 landscape less the side margins (DOCX 12 mm each, PDF the same or more). */
const TABLE_WIDTH_PT = 841.9 - 2 * 34;
/** Header text: 8.5 pt bold in every format. */
const HEADER_PT = 8.5;
/** A cell's left and right padding together (Word's default 0.19 cm, the PDF's 3 pt each side) and a little slack. */
const CELL_PADDING_PT = 13;

// Advance widths in em of a bold sans face, rounded up to the widest of Arial Bold, Noto Sans Bold
// and DejaVu Sans Bold's condensed cut (the faces a report is opened in), so an estimate is never short.
const WIDE = new Set([...'жшщыюфмЖШЩЫЮФМmwMWшҗ№%']);
const NARROW = new Set([...'iіIІlj.,:;!|\'()[]- ']);

function charEm(ch: string): number {
  if (WIDE.has(ch)) return 0.98;
  if (NARROW.has(ch)) return 0.36;
  if (/\d/.test(ch)) return 0.66;
  if (ch !== ch.toLowerCase()) return 0.8;
  return 0.7;
}

/** The width in points of a word set in the header's font. */
export function headerWordWidthPt(word: string): number {
  let em = 0;
  for (const ch of word) em += charEm(ch);
  return em * HEADER_PT;
}

/** The smallest share of the table width (percent) that holds the header's longest word on one line. */
export function minimumHeaderShare(header: string): number {
  const longest = Math.max(0, ...header.split(/\s+/).map(headerWordWidthPt));
  return Math.ceil(((longest + CELL_PADDING_PT) / TABLE_WIDTH_PT) * 1000) / 10;
}

/**
 * The columns with each one at least as wide as its longest header word; the widths still add up
 * to the same total. Columns above their minimum give up the difference in proportion to what they
 * have to spare. Where even that cannot help (too many columns) the widths are left as they were.
 */
export function fitHeaderWords(columns: PrintColumn[]): PrintColumn[] {
  const minimum = columns.map((c) => minimumHeaderShare(c.header));
  const need = columns.reduce((n, c, i) => n + Math.max(0, (minimum[i] as number) - c.width), 0);
  if (need === 0) return columns;
  const spare = columns.map((c, i) => Math.max(0, c.width - (minimum[i] as number)));
  const spareTotal = spare.reduce((a, b) => a + b, 0);
  if (spareTotal < need) return columns;
  return columns.map((c, i) => {
    const min = minimum[i] as number;
    const width = c.width < min ? min : c.width - (need * (spare[i] as number)) / spareTotal;
    return { ...c, width: Math.round(width * 100) / 100 };
  });
}
