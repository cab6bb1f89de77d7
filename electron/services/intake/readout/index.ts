// A pasted meeting readout → a proposed meeting and candidate instructions. Offline and
// deterministic: rules and dictionaries for English and Russian. What the text does not give
// (a date, a place, instructions) is left empty and said so in `notes`, never invented.
import type { ReadoutLanguage, ReadoutNote, ReadoutProposal } from '../../../../db/intake-types';
import type { IsoDate } from '../../../../db/model';
import { StoreError } from '../../../../db/errors';
import { findDates } from '../dates';
import { findCandidates, type ReadoutCatalog } from './candidates';
import { countryOf } from './lexicon';
import { findParticipants, findPlace, meetingSentence } from './people';
import { normalise, splitSentences, takeDateLine } from './sentences';

export type { ReadoutCatalog } from './candidates';

/** The longest readout parsed: what a meeting can keep as its source text (intake.readoutCommit). */
export const MAX_READOUT_CHARS = 200_000;

export function readoutTooLarge(length: number): StoreError {
  const n = (v: number): string => v.toLocaleString('en-US');
  return new StoreError(
    'too_large',
    `The text is too long (${n(length)} characters): the limit is ${n(MAX_READOUT_CHARS)}. Paste it in parts.`,
    'intake.readoutTooLarge',
    { length, limit: MAX_READOUT_CHARS },
  );
}

export function detectLanguage(text: string): ReadoutLanguage {
  const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  const latin = text.match(/[a-z]/gi)?.length ?? 0;
  return cyrillic > latin ? 'ru' : 'en';
}

const DEADLINE_BEFORE = /(?:\bby|\buntil|\bbefore|\bnot later than|\bno later than|\bdeadline|(?<![\p{L}])до|не позднее|не позже|срок)\s*$/iu;

/** The meeting's own date: a `date` line, else the first date in the text that is not a deadline. */
function meetingDate(dateLine: IsoDate | null, text: string): IsoDate | null {
  if (dateLine) return dateLine;
  for (const found of findDates(text)) {
    if (!DEADLINE_BEFORE.test(text.slice(Math.max(0, found.index - 24), found.index))) return found.date;
  }
  return null;
}

function meetingTitle(language: ReadoutLanguage, names: string[], firstSentence: string): string {
  if (names.length >= 2) {
    const list = `${names.slice(0, -1).join(', ')} ${language === 'en' ? 'and' : 'и'} ${names[names.length - 1]}`;
    return language === 'en' ? `Meeting of ${list}` : `Встреча: ${names.join(', ')}`;
  }
  if (names.length === 1) return language === 'en' ? `Meeting with ${names[0]}` : `Встреча: ${names[0]}`;
  const sentence = firstSentence.replace(/[.!?…]+$/, '');
  if (sentence.length <= 120) return sentence || (language === 'en' ? 'Meeting' : 'Совещание');
  const cut = sentence.slice(0, 120);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

export function parseReadout(source: string, catalog: ReadoutCatalog): ReadoutProposal {
  if (source.length > MAX_READOUT_CHARS) throw readoutTooLarge(source.length);
  const normalised = normalise(source);
  const { date: dateLine, rest } = takeDateLine(normalised);
  const language = detectLanguage(rest);
  const sentences = splitSentences(rest);
  const heldOn = meetingDate(dateLine, rest);
  const participants = findParticipants(sentences, language);
  const place = findPlace(meetingSentence(sentences, language), language);
  const homeCountry = participants.map((p) => countryOf(p.position ?? '')).find((c) => c !== null) ?? null;
  const candidates = findCandidates(sentences, { language, meetingDate: heldOn, homeCountry, catalog });
  const notes: ReadoutNote[] = [];
  if (heldOn === null) notes.push('noDate');
  if (candidates.length === 0) notes.push('noCandidates');
  if (participants.length === 0) notes.push('noParticipants');
  if (place === null) notes.push('noPlace');
  return {
    language,
    meeting: {
      title: meetingTitle(language, participants.map((p) => p.name), sentences[0]?.text ?? ''),
      heldOn,
      place,
      participants: participants.length > 0 ? participants.map((p) => (p.position ? `${p.name}, ${p.position}` : p.name)).join('; ') : null,
    },
    participants,
    candidates,
    notes,
  };
}
