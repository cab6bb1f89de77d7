// A readout as sentences: the text normalised, a leading `date …` line taken off, paragraphs and
// list items kept apart, and sentences split at their ends but not after abbreviations,
// initials or numbers (`г. Астана`, `A. Japarov`, `$1 млрд. долларов`, `т.е.`, `No. 5`).
import { findDates } from '../dates';
import type { IsoDate } from '../../../../db/model';

export interface Sentence {
  text: string;
  paragraph: number;
  /** Position among all sentences. */
  index: number;
  /** The sentence opens a list item (`- …`, `1. …`, `• …`). */
  item?: boolean;
  /** The text's first line standing alone without a full stop: its headline. */
  headline?: boolean;
}

export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();
}

/** A leading `date 2021-11-05` (or `дата: 05.11.2021`) the text starts with, as the seed does. */
export function takeDateLine(text: string): { date: IsoDate | null; rest: string } {
  const m = /^(?:date|дата|күні|датасы)\s*[:-]?\s*/iu.exec(text);
  if (!m) return { date: null, rest: text };
  const after = text.slice(m[0].length);
  const found = findDates(after)[0];
  if (!found || found.index !== 0) return { date: null, rest: text };
  return { date: found.date, rest: after.slice(found.text.length).replace(/^[\s.,;:—-]+/, '') };
}

/** Abbreviations after which a period never ends a sentence. */
const NEVER_END = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'vs', 'e.g', 'i.e', 'approx', 'dept', 'gov', 'govt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'u.s', 'u.k', 'fig', 'p', 'pp', 'art', 'para', 'sec', 'gen', 'col', 'lt', 'sr', 'jr',
  'им', 'ул', 'д', 'стр', 'ст', 'п', 'пп', 'см', 'напр', 'обл', 'р-н', 'респ', 'каб', 'зам', 'пред', 'ген', 'проф', 'акад', 'чл', 'кор', 'т.е', 'т.к', 'т.н',
  'и.о', 'в.т.ч', 'т.ч', 'вкл', 'пр-т', 'пер', 'пл', 'тел', 'г-н', 'г-жа', 'рис', 'гл', 'разд', 'ред', 'изд', 'акад', 'ж', 'көш',
]);
/** Abbreviations that end a sentence only when a capital letter follows. */
const END_IF_CAPITAL = new Set(['etc', 'т.д', 'т.п', 'др', 'пр', 'тыс', 'млн', 'млрд', 'трлн', 'руб', 'долл', 'сом', 'тг', 'т.б', 'bn', 'mln', 'thous', 'гг', 'г']);

/** How far back a word before a full stop is looked for: far longer than any abbreviation. */
const WORD_WINDOW = 64;
const WORD_BEFORE = /([\p{L}][\p{L}.-]*)\.$/u;
const SPACES = /\s*/y;
const CAPITAL_NEXT = /[«"“„(]?[\p{Lu}\d]/uy;
const DASH_NEXT = /[-–—•]/y;

/**
 * Whether the full stop at `dot` in `unit`, its match ending at `end`, ends a sentence. Looks
 * only at a short window on either side, so splitting a long line stays linear (the window
 * is longer than any abbreviation, so the answer is the same as reading the whole line).
 */
function endsSentence(unit: string, dot: number, end: number): boolean {
  SPACES.lastIndex = end;
  SPACES.exec(unit);
  const at = SPACES.lastIndex;
  if (at >= unit.length) return true;
  const before = unit.slice(Math.max(0, dot + 1 - WORD_WINDOW), dot + 1);
  const word = WORD_BEFORE.exec(before)?.[1]?.toLowerCase();
  CAPITAL_NEXT.lastIndex = at;
  const capital = CAPITAL_NEXT.test(unit);
  if (word) {
    // `A. Japarov`, `Ж. Иванов`: an initial.
    if (word.length === 1 && /\p{Lu}/u.test(before.slice(-2, -1))) return false;
    if (word === 'г' || word === 'гг') {
      // `2021 г. Стороны …` ends a sentence; `г. Астана` does not.
      return capital && /\d\s*гг?\.$/u.test(before);
    }
    if (NEVER_END.has(word)) return false;
    if (END_IF_CAPITAL.has(word)) return capital;
  }
  DASH_NEXT.lastIndex = at;
  return capital || DASH_NEXT.test(unit);
}

/** Lines that start a list item stay sentences of their own. */
const ITEM_START = /^(?:\d{1,3}[.)]|[-–—•*]|\(?[a-zа-я]\))\s+/iu;

/** A first line without a full stop followed by a line of its own: a headline, not a soft break. */
function isHeadline(line: string, next: string | undefined): boolean {
  return next !== undefined && !/[.!?…:;,]$/.test(line) && line.length <= 300 && /^[«"“„(]?[\p{Lu}\d]/u.test(next) && !/^[\p{Ll}]/u.test(line);
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = text.split(/\n\s*\n/);
  paragraphs.forEach((paragraph, p) => {
    // Soft line breaks join; a line that starts a list item, or follows a line ending a
    // sentence or a heading, starts anew.
    const units: string[] = [];
    const lines = paragraph.split('\n');
    let headline = -1;
    if (p === 0 && isHeadline(lines[0] ?? '', lines[1])) headline = 0;
    lines.forEach((line, i) => {
      const last = units[units.length - 1];
      if (last !== undefined && i - 1 !== headline && !ITEM_START.test(line) && !/[.!?…:;]$/.test(last)) units[units.length - 1] = `${last} ${line}`;
      else if (line !== '') units.push(line);
    });
    units.forEach((line, u) => {
      const item = ITEM_START.test(line);
      const unit = line.replace(ITEM_START, '');
      const first = sentences.length;
      let start = 0;
      const re = /[.!?…]+[»"”')\]]*(?=\s|$)/gu;
      for (let m = re.exec(unit); m; m = re.exec(unit)) {
        const end = m.index + m[0].length;
        if (!endsSentence(unit, m.index, end)) continue;
        push(unit.slice(start, end), p);
        start = end;
      }
      push(unit.slice(start), p);
      for (const s of sentences.slice(first)) {
        if (item) s.item = true;
        if ((p === 0 && u === 0 && headline === 0) || (p === 0 && u === 0 && paragraphs.length > 1 && lines.length === 1 && !/[.!?…:;]$/.test(line))) s.headline = true;
      }
    });
  });

  function push(raw: string, paragraph: number): void {
    const text = raw.trim();
    if (/[\p{L}\d]/u.test(text)) sentences.push({ text, paragraph, index: sentences.length });
  }
  return sentences;
}
