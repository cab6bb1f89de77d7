// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package ships no types; every layer that bundles this file needs its declaration
/// <reference path="./snowball-stemmers.d.ts" />
// Word forms for search: the stems of a word in every language it may be written in. The language
// of an instruction is not recorded (a Kyrgyz protocol quotes Russian names, a Russian text names
// Kazakh bodies), so a word is stemmed with every stemmer its script allows and the union is kept:
// Latin letters by the English Snowball stemmer, Cyrillic by the Russian Snowball stemmer and by
// the Kazakh-Kyrgyz suffix stripper (turkic.ts); a word with a letter Russian lacks (ә, ғ, қ, ң,
// ө, ұ, ү, һ, і) is not given to the Russian one. The index holds each word with its stems and a
// query word matches by its own prefix or by any of its stems, so a stem a wrong stemmer makes
// only adds a near miss, never loses a match.
import { newStemmer } from 'snowball-stemmers';
import { turkicStems } from './turkic';

const russian = newStemmer('russian');
const english = newStemmer('english');

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const KAZAKH_KYRGYZ_LETTERS = /[әғқңөұүһі]/;

/** Text as the index keeps it: lower case, ё written е (Russian writers use the two alike). */
export function foldWord(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/** The words of a text, folded, in order (letters, digits and combining marks; anything else separates). */
export function searchWords(text: string): string[] {
  return foldWord(text).match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/**
 * Russian stems that lose their last vowel in other forms (the fleeting о/е: уголь/угля,
 * поставок/поставки, звонок/звонка, отец/отца) are also kept without it, on both sides, so each
 * form meets the other's stem.
 */
function withoutFleetingVowel(stem: string): string | null {
  const m = /^(.*[бвгджзклмнпрстфхцчшщ])[ое]([бвгджзклмнпрстфхцчшщ])$/.exec(stem);
  return m && stem.length >= 4 ? `${m[1]}${m[2]}` : null;
}

/**
 * Snowball's Russian stemmer reads some nouns as verbs and stems their forms apart (транзите →
 * транз, транзитом → транзит, since -ите and -ит are verb endings). The word is also stripped of
 * its noun or adjective ending alone, so the forms of a noun always share that stem.
 */
const NOUN_ENDINGS = [
  'иями', 'ями', 'ами', 'иях', 'ях', 'ах', 'иям', 'ям', 'ам', 'ией', 'ьей', 'ьём', 'ием', 'ом', 'ем', 'ой', 'ей', 'ев', 'ов',
  'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ый', 'ий', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ым', 'им', 'ую', 'юю',
  'ия', 'ии', 'ию', 'а', 'я', 'о', 'е', 'у', 'ю', 'ы', 'и', 'ь',
];
const NOUN_ENDINGS_LONGEST_FIRST = [...NOUN_ENDINGS].sort((a, b) => b.length - a.length);
function russianNounStem(word: string): string {
  for (const ending of NOUN_ENDINGS_LONGEST_FIRST) if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  return word;
}

function computeStems(word: string): string[] {
  const stems = new Set<string>();
  if (CYRILLIC.test(word)) {
    if (!KAZAKH_KYRGYZ_LETTERS.test(word)) {
      for (const stem of [russian.stem(word), russianNounStem(word)]) {
        stems.add(stem);
        const short = withoutFleetingVowel(stem);
        if (short) stems.add(short);
      }
    }
    for (const stem of turkicStems(word)) stems.add(stem);
  } else if (LATIN.test(word)) {
    stems.add(english.stem(word));
  }
  stems.delete(word);
  return [...stems].filter((s) => s.length >= 2);
}

/** Stems of the words seen lately: an import repeats a few thousand words over and over. */
const cache = new Map<string, string[]>();
const CACHE_LIMIT = 50_000;

/** The stems of a folded word in every language its script allows, the word itself left out. */
export function wordStems(word: string): string[] {
  let stems = cache.get(word);
  if (!stems) {
    stems = computeStems(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stems);
  }
  return stems;
}

/** What the search index holds for a text: each distinct word and each of its stems, space-separated. */
export function stemmedText(text: string): string {
  const tokens = new Set<string>();
  for (const word of searchWords(text)) {
    tokens.add(word);
    for (const stem of wordStems(word)) tokens.add(stem);
  }
  return [...tokens].join(' ');
}

/** The Russian Snowball stem of a folded word (the readout extractor tells verb forms by it). */
export function russianStem(word: string): string {
  return russian.stem(foldWord(word));
}
