// A pasted meeting readout → a proposed meeting and candidate instructions. Offline and
// deterministic: rules, stems and suffixes for English, Russian, Kazakh and Kyrgyz. What the text
// does not give (a date, a place, instructions) is left empty and said so in `notes`, never invented.
import type { ReadoutLanguage, ReadoutNote, ReadoutProposal } from '../../../../db/intake-types';
import type { IsoDate } from '../../../../db/model';
import { StoreError } from '../../../../db/errors';
import { localIsoDate } from '../../../../db/dates';
import { findCandidates, type ReadoutCatalog } from './candidates';
import { countryOf } from './lexicon';
import { findParticipants, findPlace, meetingSentence } from './people';
import { normalise, splitSentences, takeDateLine } from './sentences';
import { meetingWhen } from './when';

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

/** Letters Kazakh has and Kyrgyz and Russian lack; letters Kazakh and Kyrgyz have and Russian lacks. */
const KAZAKH_ONLY = /[әғқұһіӘҒҚҰҺІ]/gu;
const KAZAKH_KYRGYZ = /[өүңӨҮҢ]/gu;
/** Kazakh in the Latin alphabet of 2018 (`Úkimet`, `tapsyrdy`, `mınıstrligi`). */
const KAZAKH_LATIN = /[áǵıńóúýÁǴÍŃÓÚÝ]/gu;

/** Words only one of the three languages uses, for a text too short to count its letters. */
const KAZAKH_WORDS = /(?<![\p{L}])(?:және|мен|бойынша|туралы|үшін|берді|тапсырды|тапсырма|министрлігі\p{L}*|үкімет\p{L}*|деді|керек|тиіс|jáne|boıynsha|úshin|tapsyrdy|berdi)(?![\p{L}])/giu;
const KYRGYZ_WORDS = /(?<![\p{L}])(?:жана|менен|боюнча|тууралуу|үчүн|берди|тапшырды|тапшырма\p{L}*|министрлиги\p{L}*|өкмөт\p{L}*|деди|керек|тийиш|зарыл|кабинетинин)(?![\p{L}])/giu;
const RUSSIAN_WORDS = /(?<![\p{L}])(?:и|в|на|по|с|не|что|для|от|о|к|у|из|за|это|как|был[аои]?|поручил\p{L}*)(?![\p{L}])/giu;

export function detectLanguage(text: string): ReadoutLanguage {
  const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  const latin = text.match(/[a-z]/gi)?.length ?? 0;
  if (cyrillic > latin) {
    const kazakh = text.match(KAZAKH_ONLY)?.length ?? 0;
    const shared = text.match(KAZAKH_KYRGYZ)?.length ?? 0;
    if (kazakh >= Math.max(3, cyrillic * 0.004)) return 'kk';
    if (shared >= Math.max(3, cyrillic * 0.004) && kazakh === 0) return 'ky';
    // A short text: by its function words.
    const kk = kazakh + 3 * (text.match(KAZAKH_WORDS)?.length ?? 0);
    const ky = (kazakh === 0 ? shared : 0) + 3 * (text.match(KYRGYZ_WORDS)?.length ?? 0);
    const ru = 3 * (text.match(RUSSIAN_WORDS)?.length ?? 0);
    if (Math.max(kk, ky) > ru) return kk > ky ? 'kk' : 'ky';
    return 'ru';
  }
  const kazakhLatin = text.match(KAZAKH_LATIN)?.length ?? 0;
  return kazakhLatin >= Math.max(3, latin * 0.01) ? 'kk' : 'en';
}

const MEETING_WORD: Record<ReadoutLanguage, string> = { en: 'Meeting', ru: 'Совещание', kk: 'Кеңес', ky: 'Кеңешме' };
const WITH: Record<Exclude<ReadoutLanguage, 'en'>, string> = { ru: 'Встреча', kk: 'Кездесу', ky: 'Жолугушуу' };

function meetingTitle(language: ReadoutLanguage, names: string[], firstSentence: string): string {
  if (names.length >= 2) {
    const list = `${names.slice(0, -1).join(', ')} ${language === 'en' ? 'and' : 'и'} ${names[names.length - 1]}`;
    return language === 'en' ? `Meeting of ${list}` : `${WITH[language]}: ${names.join(', ')}`;
  }
  if (names.length === 1) return language === 'en' ? `Meeting with ${names[0]}` : `${WITH[language]}: ${names[0]}`;
  const sentence = firstSentence.replace(/[.!?…]+$/, '');
  if (sentence.length <= 120) return sentence || MEETING_WORD[language];
  const cut = sentence.slice(0, 120);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** `today`: the day the text is read (a date the text gives without a year is placed by it). */
export function parseReadout(source: string, catalog: ReadoutCatalog, today: IsoDate = localIsoDate(new Date())): ReadoutProposal {
  if (source.length > MAX_READOUT_CHARS) throw readoutTooLarge(source.length);
  const normalised = normalise(source);
  const { date: dateLine, rest } = takeDateLine(normalised);
  const language = detectLanguage(rest);
  const sentences = splitSentences(rest);
  const wordsLanguage = language === 'en' ? 'en' : 'ru';
  const participants = findParticipants(sentences, wordsLanguage);
  const place = findPlace(meetingSentence(sentences, wordsLanguage), wordsLanguage);
  const homeCountry = participants.map((p) => countryOf(p.position ?? '')).find((c) => c !== null) ?? null;
  // The meeting date first without the tasks (deadlines count from it), then told whether there are any.
  const probe = meetingWhen(rest, today, true);
  const when = dateLine ? { date: dateLine, yearAssumed: false, textYear: probe.textYear } : probe;
  let candidates = findCandidates(sentences, { language, meetingDate: when.date, homeCountry, catalog, today, textYear: when.textYear });
  let held = when;
  if (!dateLine && candidates.length === 0) {
    held = meetingWhen(rest, today, false);
    if (held.date !== when.date) candidates = findCandidates(sentences, { language, meetingDate: held.date, homeCountry, catalog, today, textYear: held.textYear });
  }
  const heldOn = held.date;
  const notes: ReadoutNote[] = [];
  if (heldOn === null) notes.push('noDate');
  else if (held.yearAssumed) notes.push('yearAssumed');
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
