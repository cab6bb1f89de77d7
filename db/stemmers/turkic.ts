// A suffix-stripping stemmer for Kazakh and Kyrgyz (Cyrillic). Snowball has neither language, and
// the two share their grammar closely: a root, then derivational suffixes, then plural, possessive
// and case endings, each in several variants chosen by vowel harmony (Kazakh two-way: а/е, ы/і;
// Kyrgyz four-way: а/е/о/ө, ы/и/у/ү) and by the last sound of the stem (л/д/т, н/д/т, г/к/ғ/қ).
// One stemmer serves both languages: a variant that exists in only one of them never occurs in the
// other's words, so accepting both costs nothing.
//
// The endings are stripped from the outside in, one slot at a time (case, possessive, plural, then
// the verb- and noun-forming suffixes, then the passive voice), and every stage is kept: two word
// forms match when they share any stage, so a suffix stripped from a root that only looks like it
// ends in one ("Қазақстан" is not "Қазақс" + ablative "-тан") still leaves the full word to match.

/** Low (open) vowels of a suffix in either language, and high (close) ones. */
const LOW = ['а', 'е', 'ә', 'о', 'ө'];
const HIGH = ['ы', 'і', 'и', 'у', 'ү'];
const VOWELS = new Set([...'аәеёиоөуұүыіэюя']);

/** Every spelling of a suffix pattern: A is a low vowel, I a high one, other letters as given in the alternatives. */
function expand(...patterns: string[][][]): string[] {
  const out = new Set<string>();
  for (const pattern of patterns) {
    let forms = [''];
    for (const choices of pattern) forms = forms.flatMap((f) => choices.map((c) => f + c));
    for (const f of forms) out.add(f);
  }
  return [...out];
}
const A = LOW;
const I = HIGH;
const L = (s: string) => [...s];
const one = (s: string) => [s];

/** Case endings (outermost). */
const CASE = expand(
  [L('ндт'), I, L('ңн')], // genitive: -ның/-дің/-тың, Kyrgyz -нын/-дин/-тун/-дүн
  [L('гғкқ'), A], // dative: -ға/-ге/-қа/-ке, Kyrgyz -га/-го/-гө/-ка/-ко
  [one('н'), A], // dative after a possessive: -на/-не/-но/-нө
  [L('ндт'), I], // accusative: -ны/-ді/-ты, Kyrgyz -ну/-дү
  [L('дт'), A], // locative: -да/-те, Kyrgyz -до/-тө
  [one('н'), one('д'), A], // locative after a possessive: -нда/-нде
  [L('дтн'), A, one('н')], // ablative: -дан/-тен/-нан, Kyrgyz -дон/-төн
  [L('мбп'), one('е'), one('н')], // instrumental (Kazakh): -мен/-бен/-пен
  [L('мбп'), one('е'), one('н'), one('е'), one('н')], // instrumental (Kyrgyz): -менен/-бенен/-пенен
  [L('дт'), A, L('гғкқ'), I], // "the one in": -дағы/-тегі, Kyrgyz -дагы/-төгү
  [one('н'), one('д'), A, L('гғкқ'), I], // -ндағы/-ндегі
);

/** Possessive endings: 3rd person -(с)ы/-(с)і, 1st and 2nd plural -(ы)мыз/-(ы)ңыз, Kyrgyz -(ы)быз. */
const POSSESSIVE = expand(
  [I, L('мңб'), I, one('з')],
  [L('мңб'), I, one('з')],
  [one('с'), I],
  [I],
);

/** Plural: -лар/-лер/-дар/-тер, Kyrgyz also -лор/-лөр/-дор/-төр. */
const PLURAL = expand([L('лдт'), A, one('р')]);

/** Verb- and noun-forming suffixes. */
const FORMING = expand(
  [L('лдт'), I, L('қкгғ')], // -лық/-лік/-дық/-тік (noun), Kyrgyz -лык/-лук/-дүк
  [L('шч'), I], // -шы/-ші, Kyrgyz -чы/-чу/-чү (doer)
  [one('у'), L('шч'), I], // -ушы/-уші (doer of a verb)
  [L('уү'), L('уү'), one('ч'), I], // Kyrgyz -уучу/-үүчү
  [one('с'), I, one('з')], // -сыз/-сіз/-суз (without)
  [one('л'), I], // -лы/-лі (with)
  [L('лдт'), L('уү'), L('уү')], // Kyrgyz -луу/-дүү/-туу (with)
  [L('гғкқ'), A, one('н')], // participle -ған/-ген/-қан/-кен, Kyrgyz -ган/-гон/-гөн
  [L('аеый'), one('т'), I, one('н')], // -атын/-етін/-йтын (habitual participle)
  [L('уүоө'), L('уүоө')], // Kyrgyz verbal noun -уу/-үү/-оо/-өө
  [L('уүю')], // Kazakh verbal noun -у/-ү/-ю
);

/** The passive voice: -ыл/-іл/-ил/-ул, or -л after a vowel (орында-л-ды, аткар-ыл-ды). */
const PASSIVE = expand([I, one('л')], [one('л')]);

/** Each slot's suffixes, longest first, so the longest ending that fits is taken. */
const SLOTS = [CASE, POSSESSIVE, PLURAL, FORMING, PASSIVE].map((list) => [...list].sort((a, b) => b.length - a.length));

/** Shorter than this a stem is not left: Kazakh and Kyrgyz roots are rarely below three letters. */
const MIN_STEM = 3;

function hasVowel(word: string): boolean {
  for (const ch of word) if (VOWELS.has(ch)) return true;
  return false;
}

/** Voiced stem-final consonants before a vowel-initial suffix turn back voiceless (министрлігі → министрлік, кітабы → кітап). */
const DEVOICE: Record<string, string> = { г: 'к', ғ: 'қ', б: 'п' };

/** Every way a suffix of the slot can come off the word, longest suffix first. */
function strips(word: string, suffixes: readonly string[]): { stem: string; suffix: string }[] {
  const out: { stem: string; suffix: string }[] = [];
  for (const suffix of suffixes) {
    if (word.length - suffix.length < MIN_STEM || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (!hasVowel(stem)) continue;
    // A lone -л or vowel is a suffix only where the grammar puts it: the passive -л after a
    // vowel, a possessive's -ы/-і after a consonant (after a vowel it is -сы/-сі), the verbal
    // noun -у anywhere.
    const last = stem[stem.length - 1] as string;
    if (suffix === 'л' && !VOWELS.has(last)) continue;
    if (suffix.length === 1 && VOWELS.has(suffix) && VOWELS.has(last) && !/[уүю]/.test(suffix)) continue;
    // Nor is it the second half of a Kyrgyz long vowel (аткаруу is аткар + -уу).
    if (suffix.length === 1 && VOWELS.has(suffix) && last === suffix) continue;
    out.push({ stem, suffix });
  }
  return out;
}

/** The suffixes after which a passive -(ы)л may stand: tenses, participles, verbal nouns. */
const AFTER_PASSIVE = new Set([...expand([L('дт'), I]), ...FORMING]);

/**
 * Every stem of a lower-cased Kazakh or Kyrgyz word (the word itself not included):
 * "министрлігіне" → министрлігі, министрліг, министрлік, министр. At each slot both readings are
 * followed, the ending stripped and the word left as it is, since one ending can read as two
 * ("транзиті": accusative -ті or possessive -і), and every stem either reading reaches is kept.
 */
export function turkicStems(word: string): string[] {
  const stems = new Set<string>();
  const walk = (current: string, slot: number, lastSuffix: string | null): void => {
    if (slot === SLOTS.length) return;
    walk(current, slot + 1, lastSuffix);
    if (slot === 4 && (lastSuffix === null || !AFTER_PASSIVE.has(lastSuffix))) return;
    const hits = strips(current, SLOTS[slot] as string[]);
    // The accusative -н after a possessive (тапсырмасын, жолдарын).
    if (slot === 0 && /[ыіиуү]н$/.test(current) && current.length > MIN_STEM) hits.push({ stem: current.slice(0, -1), suffix: 'н' });
    for (const hit of hits) {
      let stem = hit.stem;
      stems.add(stem);
      const last = stem[stem.length - 1] as string;
      if (VOWELS.has(hit.suffix[0] as string) && last in DEVOICE) {
        stem = stem.slice(0, -1) + (DEVOICE[last] as string);
        stems.add(stem);
      }
      walk(stem, slot + 1, hit.suffix);
    }
  };
  walk(word, 0, null);
  stems.delete(word);
  return [...stems];
}
