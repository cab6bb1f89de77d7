// Who a task is given to, as a readout names them: ministries, governments, cabinets, commissions,
// councils, akimats, governors, heads of bodies and named officials, in English, Russian, Kazakh and
// Kyrgyz. A name is put back into the form a list of organizations holds (`Министерству энергетики`
// → `Министерство энергетики`, `Үкіметке` → `Үкімет`), its country read from its own words
// (`… Республики Казахстан`, `… of the Kyrgyz Republic`, `ҚР …`, `КР …`), and matched to the store's
// organizations: a named country's body is never matched to another country's.
import type { ReadoutLanguage, SuggestedOrganization } from '../../../../db/intake-types';
import { foldText } from '../../../../db/query';

/** Country words in the four languages (and the usual abbreviations), by the store's country names. */
const COUNTRY_WORDS: { key: string; pattern: RegExp }[] = [
  { key: 'Kyrgyzstan', pattern: /kyrgyz|кыргыз|киргиз|қырғыз|(?<![\p{L}])(?:кр|kr)(?![\p{L}])/iu },
  { key: 'Kazakhstan', pattern: /kazakh|qazaq|казах|қазақ|казакстан|(?<![\p{L}])(?:рк|ҚР|qr)(?![\p{L}])/iu },
  { key: 'Russia', pattern: /russia|росси|ресей|орусия|(?<![\p{L}])(?:рф|ресей федерациясы)(?![\p{L}])/iu },
  { key: 'Uzbekistan', pattern: /uzbek|узбек|өзбек/iu },
  { key: 'Tajikistan', pattern: /tajik|таджик|тәжік|тажик/iu },
  { key: 'Turkmenistan', pattern: /turkmen|туркмен|түрікмен|түркмөн/iu },
  { key: 'China', pattern: /china|chinese|китай|кнр|қытай|кытай/iu },
];

/** The country a body's own name names, or null. */
export function countryNamed(name: string): string | null {
  for (const c of COUNTRY_WORDS) if (c.pattern.test(name)) return c.key;
  return null;
}

/** The words that make a phrase a body or an office that can take a task. */
export const AGENT_WORD =
  /^(?:ministr\p{L}*|minist\p{L}*|mınıstr\p{L}*|government\p{L}*|cabinet\p{L}*|akim\p{L}*|ákim\p{L}*|governor\p{L}*|mayor\p{L}*|commission\p{L}*|committee\p{L}*|council\p{L}*|agenc\p{L}*|bank\p{L}*|office\p{L}*|service\p{L}*|administration\p{L}*|authorit\p{L}*|executive\p{L}*|department\p{L}*|parliament\p{L}*|group|team|head\p{L}*|leadership|prosecutor\p{L}*|police|embass\p{L}*|secretar\p{L}*|chairman|president|premier|deputy|organ\p{L}*|úkimet\p{L}*|basshy\p{L}*|basshy|министр\p{L}*|минист\p{L}*|мин[а-я]{3,}|рос[а-я]{4,}|правительств\p{L}*|кабинет\p{L}*|кабмин\p{L}*|аким\p{L}*|губернатор\p{L}*|мэр\p{L}*|комисси\p{L}*|комитет\p{L}*|совет\p{L}*|агентств\p{L}*|банк\p{L}*|служб\p{L}*|администраци\p{L}*|департамент\p{L}*|управлени\p{L}*|ведомств\p{L}*|орган\p{L}*|руководител\p{L}*|глав[аеуыой]|фронт\p{L}*|вице-премьер\p{L}*|премьер\p{L}*|заместител\p{L}*|власт\p{L}*|корпус\p{L}*|прокуратур\p{L}*|посольств\p{L}*|үкімет\p{L}*|өкмөт\p{L}*|әкім\p{L}*|басшы\p{L}*|башчы\p{L}*|жетекші\p{L}*|жетекчи\p{L}*|агенттік\p{L}*|агенттик\p{L}*|кеңес\p{L}*|кеңеш\p{L}*|мекеме\p{L}*|ұйым\p{L}*|уюм\p{L}*|компания\p{L}*|компани\p{L}*|мүше\p{L}*|мүчө\p{L}*|координатор\p{L}*|элчилиг\p{L}*|елшілі\p{L}*|төраға\p{L}*|төрага\p{L}*|депутат\p{L}*|әкімдік\p{L}*|акимчилик\p{L}*|мэрия\p{L}*|prime|minister\p{L}*)$/iu;

/** Addressees that say no more than "whoever is concerned". */
const GENERIC = /^(?:the\s+)?(?:relevant|respective|concerned|competent|appropriate)?\s*(?:ministries|bodies|agencies|departments|authorities|officials?|high-ranking official|parties|you|him|them|us|heads? of (?:the )?(?:relevant|respective) ministries)$|^(?:профильн\p{L}*|заинтересованн\p{L}*|соответствующ\p{L}*)?\s*(?:министерств\p{L}*|ведомств\p{L}*|орган\p{L}*|стороны|сторонам)$|^(?:тиісті|тиешелүү|мүдделі|кызыкдар)\s+\p{L}+$/iu;

export function isGeneric(name: string): boolean {
  return GENERIC.test(name.trim());
}

// ---- back to the form a list holds ----

/** A Russian body or person named in the dative or accusative, put in the nominative (its first words). */
function ruNominative(phrase: string): string {
  const words = phrase.split(/\s+/);
  const out: string[] = [];
  let headDone = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (headDone) {
      out.push(w);
      continue;
    }
    const lower = w.toLowerCase();
    let n = w;
    if (/(?:ому|ему)$/u.test(lower)) n = w.replace(/(ому|ему)$/u, (m) => (m === 'ому' ? (/[кгх]ому$/u.test(lower) ? 'ий' : 'ый') : 'ий'));
    else if (/(?:ой)$/u.test(lower) && i < words.length - 1) n = w.replace(/ой$/u, 'ая');
    else if (/(?:ым|им)$/u.test(lower) && i < words.length - 1) n = w.replace(/(ым|им)$/u, (m) => (m === 'ым' ? 'ые' : 'ие'));
    else if (/ству$/u.test(lower)) n = w.replace(/ству$/u, 'ство');
    else if (/(?:ии)$/u.test(lower)) n = w.replace(/ии$/u, 'ия');
    else if (/(?:ам)$/u.test(lower) && lower.length > 4) n = w.replace(/ам$/u, /[кгхжшчщ]ам$/u.test(lower) ? 'и' : 'ы');
    else if (/(?:ям)$/u.test(lower) && lower.length > 4) n = w.replace(/ям$/u, 'и');
    else if (/(?:ию)$/u.test(lower)) n = w.replace(/ию$/u, 'ий');
    else if (/(?:ю)$/u.test(lower) && /\p{Lu}/u.test(w[0] as string) && !/(?:ко|ых|их)$/u.test(lower)) n = w.replace(/ю$/u, 'ь');
    else if (/[бвгджзклмнпрстфхцчшщ]у$/u.test(lower)) n = w.replace(/у$/u, '');
    else if (/(?:е)$/u.test(lower) && /(?:служб|палат|групп|комисс|прокуратур|думе|администрац)\p{L}*$/u.test(lower)) n = w.replace(/е$/u, 'а');
    out.push(n);
    // The head noun (the first word that is no adjective) ends the words that change.
    if (!/(?:ый|ий|ой|ая|ое|ые|ие)$/u.test(n.toLowerCase()) || /^(?:министерств|правительств|агентств)/iu.test(n)) {
      // A person: given name and surname both change (`Дмитрию Чернышенко`).
      const next = words[i + 1];
      if (next && /^\p{Lu}/u.test(w) && /^\p{Lu}/u.test(next) && /^\p{Lu}\p{Ll}+$/u.test(w) && !AGENT_WORD.test(w)) {
        const nl = next.toLowerCase();
        out.push(/(?:ову|еву|ину|ыну)$/u.test(nl) ? next.replace(/у$/u, '') : /(?:ой|ому)$/u.test(nl) ? next : next);
        i++;
      }
      headDone = true;
    }
  }
  return out.join(' ');
}

/** A Kazakh or Kyrgyz name with its dative ending taken off its last word (`Үкіметке` → `Үкімет`, `басшыларына` → `басшылары`). */
function turkicNominative(phrase: string): string {
  return phrase
    .replace(/([ыіиуүy]|сы|сі|си|су|сү|ы|i)(?:на|не|но|нө|na|ne)$/iu, '$1')
    .replace(/(\p{L}{2,}?)(?:ға|ге|қа|ке|га|го|гө|ка|ко|кө|ǵa|ge|qa|ke)$/iu, '$1');
}

/** An addressee phrase as a list names it. */
export function nominative(phrase: string, language: ReadoutLanguage): string {
  const clean = phrase
    .replace(/^[\s,;:«»"“”„'-]+|[\s,;:«»"“”„'-]+$/gu, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/\s*\([^)]*\)\s*/gu, ' ')
    .trim();
  if (language === 'ru') return ruNominative(clean);
  if (language === 'kk' || language === 'ky') return turkicNominative(clean);
  return clean.replace(/^(?:respective|relevant)\s+/i, '').replace(/'s$/u, '');
}

// ---- matching the store's organizations ----

export interface CatalogOrganization {
  id: string;
  name: string;
  shortName: string | null;
  country: string | null;
  /** Every other name the organization is known by (official and short, in every language). */
  names?: string[];
}

const COUNTRY_PHRASE =
  /\s*(?:of the|of)\s+(?:the\s+)?(?:kyrgyz republic|republic of kazakhstan|kyrgyzstan|kazakhstan|russian federation|russia)\b|\s*(?:кыргызской республики|республики казахстан|российской федерации|республики кыргызстан|кыргызстана|казахстана|россии|рф|рк|кр)(?![\p{L}])|(?<![\p{L}])(?:қазақстан республикасы\p{L}*|кыргыз республикасы\p{L}*|ҚР|КР|РФ|РК)(?![\p{L}])\s*/giu;

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of foldText(text.replace(COUNTRY_PHRASE, ' ')).match(/[\p{L}\d]+/gu) ?? []) {
    if (w.length < 3 || /^(?:the|and|of|for|и|по|на|мен|және|жана|менен)$/u.test(w)) continue;
    out.add(w.slice(0, 5));
  }
  return out;
}

/** A name as officials tell two names apart (db/organization-names' key; kept here so the readout worker loads no store code). */
function nameKey(name: string): string {
  return foldText(name.replace(/[«»"“”„‘’'`]/g, ' ').replace(/\s+/g, ' ')).trim();
}

function similar(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let hit = 0;
  for (const w of x) if (y.has(w)) hit++;
  return hit / Math.max(x.size, y.size);
}

export function orgCountryKey(org: CatalogOrganization): string | null {
  return org.country ? (countryNamed(org.country) ?? org.country) : countryNamed(`${org.name} ${org.shortName ?? ''}`);
}

/**
 * The store's organizations a named body is, best first: every name of an organization is compared
 * (the words of the name without its country), and a body whose own name names a country matches
 * only that country's organizations. None: the body is proposed as a new organization, with its
 * country when its name gives one.
 */
export function matchNamedBody(name: string, catalog: CatalogOrganization[], homeCountry: string | null): SuggestedOrganization[] {
  const country = countryNamed(name);
  const scored: { org: CatalogOrganization; score: number }[] = [];
  for (const org of catalog) {
    const orgCountry = orgCountryKey(org);
    if (country && orgCountry && orgCountry !== country) continue;
    const all = [org.name, org.shortName, ...(org.names ?? [])].filter((n): n is string => Boolean(n));
    const score = Math.max(...all.map((n) => (nameKey(n) === nameKey(name) ? 1 : similar(name, n))));
    if (score >= 0.75) scored.push({ org, score: score + (!country && homeCountry && orgCountry === homeCountry ? 0.01 : 0) });
  }
  scored.sort((a, b) => b.score - a.score);
  if (scored.length > 0) return scored.slice(0, 2).map(({ org }) => ({ existingId: org.id, name: org.name }));
  return [country ? { existingId: null, name: capitaliseFirst(name), country } : { existingId: null, name: capitaliseFirst(name) }];
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
