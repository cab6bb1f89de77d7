// One ministry under every name. An organization keeps the name it was created with and may record
// its official name and short name in English, Russian, Kazakh and Kyrgyz (migration 010). Whatever
// names an organization in text — a list being imported, an exchange file, a readout, a search —
// is matched here against all of them, by one key that case, quotes, «ё» and spacing do not change
// (`organizationNameKey`), and the name to show in a language is picked here too.
import type { StoreContext } from './context';
import type { Language, Organization } from './model';
import { foldText } from './query';
import { organizationsTable, toDomain, type OrganizationRow } from './schema/index';
import { countryCodeOf } from './working-calendar';

const toOrganization = toDomain(organizationsTable);

type LanguageFields = { name: 'nameEn' | 'nameRu' | 'nameKk' | 'nameKy'; shortName: 'shortNameEn' | 'shortNameRu' | 'shortNameKk' | 'shortNameKy' };

/** The fields that hold an organization's names in each language. */
export const NAME_FIELDS: Readonly<Record<Language, LanguageFields>> = {
  en: { name: 'nameEn', shortName: 'shortNameEn' },
  ru: { name: 'nameRu', shortName: 'shortNameRu' },
  kk: { name: 'nameKk', shortName: 'shortNameKk' },
  ky: { name: 'nameKy', shortName: 'shortNameKy' },
};

/** The names of an organization, as stored (the language ones may be absent). */
export type OrganizationNames = Pick<Organization, 'name' | 'shortName' | LanguageFields['name'] | LanguageFields['shortName']>;

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** A name as officials tell two names apart: case, quotes, «ё» and spacing do not count. */
export function organizationNameKey(name: string): string {
  return foldText(name.replace(/[«»"“”„‘’'`]/g, ' ').replace(/\s+/g, ' ')).trim();
}

/** The organization's full name in a language: its own there, else the name it was created with. */
export function organizationName(org: OrganizationNames, language: Language): string {
  const own = org[NAME_FIELDS[language].name];
  return present(own) ? own : org.name;
}

/**
 * The short name in a language: its own there, else the full name in that language, else the short
 * name it was created with, else its original name.
 */
export function organizationShortName(org: OrganizationNames, language: Language): string {
  const fields = NAME_FIELDS[language];
  for (const value of [org[fields.shortName], org[fields.name], org.shortName]) if (present(value)) return value;
  return org.name;
}

/** Every name an organization goes by (original, short, and each language's), once each. */
export function namesOf(org: OrganizationNames): string[] {
  const all = [org.name, org.shortName, ...Object.values(NAME_FIELDS).flatMap((f) => [org[f.name], org[f.shortName]])];
  return [...new Set(all.filter(present).map((n) => n.replace(/\s+/g, ' ').trim()))];
}

/** The keys of every name an organization goes by. */
export function nameKeysOf(org: OrganizationNames): string[] {
  return [...new Set(namesOf(org).map(organizationNameKey).filter((k) => k !== ''))];
}

/** Two countries agree when either is not given or both name the same country ("KG", "Kyrgyzstan", "Кыргызстан"). */
export function sameCountry(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!present(a) || !present(b)) return true;
  const codeA = countryCodeOf(a);
  const codeB = countryCodeOf(b);
  if (codeA !== null || codeB !== null) return codeA === codeB;
  return foldText(a) === foldText(b);
}

/** Both countries are given and name the same country. */
function knownSameCountry(a: string | null | undefined, b: string | null | undefined): boolean {
  return present(a) && present(b) && sameCountry(a, b);
}

export interface MatchOptions {
  /** The country the text belongs to, when known: an organization of another country never matches. */
  country?: string | null;
}

/** Matches names against the store's organizations, loaded once: for imports of many rows. */
export interface OrganizationMatcher {
  /** The live organization one of whose names the text is (merged ones lead to their survivor), or null. */
  match(text: string, options?: MatchOptions): Organization | null;
  /** Every live organization the text names (several where names are shared). */
  matchAll(text: string, options?: MatchOptions): Organization[];
}

/**
 * A matcher over the store's organizations as they are now. A name of an organization merged into
 * another is still that one's name: it leads to the survivor, so an import naming the duplicate
 * finds the organization it was merged into.
 */
export function organizationMatcher(ctx: StoreContext): OrganizationMatcher {
  const rows = ctx.stmt('SELECT * FROM organizations ORDER BY created_at, id').all() as OrganizationRow[];
  const all = rows.map((r) => ({ org: toOrganization(r), mergedInto: r.merged_into }));
  const byId = new Map(all.map((o) => [o.org.id, o]));
  const survivor = (id: string): Organization | null => {
    let current = byId.get(id);
    for (let hops = 0; current?.mergedInto && hops < 50; hops++) current = byId.get(current.mergedInto);
    return current && !current.mergedInto ? current.org : null;
  };
  const byKey = new Map<string, Organization[]>();
  for (const { org } of all) {
    const live = survivor(org.id);
    if (!live) continue;
    for (const key of nameKeysOf(org)) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(live)) list.push(live);
      byKey.set(key, list);
    }
  }
  const matchAll = (text: string, options: MatchOptions = {}): Organization[] => {
    const found = byKey.get(organizationNameKey(text)) ?? [];
    return found.filter((o) => sameCountry(o.country, options.country));
  };
  return {
    matchAll,
    match(text, options = {}) {
      const found = matchAll(text, options);
      // An organization of the very country named is preferred to one whose country is not given;
      // otherwise the oldest (the order they were created in).
      return found.find((o) => knownSameCountry(o.country, options.country)) ?? found[0] ?? null;
    },
  };
}

/**
 * The organization a text names, by any of its names in any language (case, quotes and spacing
 * aside), of the given country when one is given; null when none is named so. The one function
 * imports, the exchange, the readout and search match organizations with.
 */
export function matchOrganization(ctx: StoreContext, text: string, options: MatchOptions = {}): Organization | null {
  return organizationMatcher(ctx).match(text, options);
}

/** Live organizations one of whose names contains the text (case and spacing aside): the search's `org:`. */
export function organizationsNamedLike(ctx: StoreContext, text: string): string[] {
  const wanted = organizationNameKey(text);
  if (wanted === '') return [];
  const matcher = organizationMatcher(ctx);
  const rows = ctx.stmt('SELECT * FROM organizations ORDER BY created_at, id').all() as OrganizationRow[];
  const ids = new Set<string>();
  for (const row of rows) {
    const org = toOrganization(row);
    if (!nameKeysOf(org).some((k) => k.includes(wanted))) continue;
    // A merged organization's names lead to its survivor.
    const live = row.merged_into === null ? org : matcher.match(org.name);
    if (live) ids.add(live.id);
  }
  return [...ids];
}

/** A name's key without a closing parenthesis such as "(KG)" or "(РК)". */
function bareKey(key: string): string {
  return key.replace(/\s*\([^()]*\)$/u, '').trim();
}

/**
 * Live organizations the text is the name of (in any language, with or without a closing "(KG)"):
 * free text in the search finds their instructions.
 */
export function organizationsCalled(ctx: StoreContext, text: string): string[] {
  const wanted = organizationNameKey(text);
  if (wanted.length < 3) return [];
  const rows = ctx.stmt('SELECT * FROM organizations WHERE merged_into IS NULL ORDER BY created_at, id').all() as OrganizationRow[];
  return rows
    .map(toOrganization)
    .filter((org) => nameKeysOf(org).some((key) => key === wanted || bareKey(key) === wanted))
    .map((org) => org.id);
}

// ---- likely duplicates ----

export type DuplicateReason = 'sameName' | 'similarName' | 'transliteration';

export interface DuplicateSuggestion {
  /** The organization suggested to keep (the older one). */
  keep: Organization;
  /** The organization suggested to merge into it. */
  merge: Organization;
  reason: DuplicateReason;
  /** The two names that matched: one of `merge`'s, one of `keep`'s. */
  names: [string, string];
}

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Kazakh and Kyrgyz letters.
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

/** Latin letters for a key, so that "Ministerstvo energetiki" and "Министерство энергетики" compare. */
export function transliterate(key: string): string {
  let out = '';
  for (const ch of key) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  // Spellings transliteration systems disagree on.
  return out
    .replace(/kh/g, 'h')
    .replace(/[yj]/g, 'i')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Edit distance of two strings, or max + 1 once it is known to exceed max. */
function distanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/** Near-identical: a few letters apart in a long name (a typo, a dropped letter), never in a short one. */
function nearlySame(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  if (length < 12) return false;
  const max = Math.min(3, Math.floor(length / 12));
  return distanceWithin(a, b, max) <= max;
}

/** Keys with what stands apart in a name only as punctuation removed, for the near-identical test. */
function looseKey(key: string): string {
  return key.replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Pairs of live organizations that are likely one and the same: of the same country (or one
 * without a country) and either going by a common name (one's name is another's recorded name in
 * some language), or with names a few letters apart, or the same once Cyrillic is written in Latin
 * letters. Only suggestions: nothing is merged until an official confirms.
 */
export function suggestDuplicates(ctx: StoreContext): DuplicateSuggestion[] {
  const rows = ctx.stmt('SELECT * FROM organizations WHERE merged_into IS NULL ORDER BY created_at, id').all() as OrganizationRow[];
  const orgs = rows.map(toOrganization).map((org) => {
    const names = namesOf(org);
    return { org, names, keys: names.map((n) => looseKey(organizationNameKey(n))), latin: names.map((n) => transliterate(organizationNameKey(n))) };
  });
  const out: DuplicateSuggestion[] = [];
  for (let i = 0; i < orgs.length; i++) {
    const keep = orgs[i]!;
    for (let j = i + 1; j < orgs.length; j++) {
      const other = orgs[j]!;
      if (!sameCountry(keep.org.country, other.org.country)) continue;
      const found = findReason(keep, other);
      if (found) out.push({ keep: keep.org, merge: other.org, reason: found.reason, names: [other.names[found.theirs]!, keep.names[found.mine]!] });
    }
  }
  return out;
}

interface Named {
  keys: string[];
  latin: string[];
}

function findReason(mine: Named, theirs: Named): { reason: DuplicateReason; mine: number; theirs: number } | null {
  const pairs: [number, number][] = [];
  for (let a = 0; a < mine.keys.length; a++) for (let b = 0; b < theirs.keys.length; b++) pairs.push([a, b]);
  for (const [a, b] of pairs) if (mine.keys[a] !== '' && mine.keys[a] === theirs.keys[b]) return { reason: 'sameName', mine: a, theirs: b };
  for (const [a, b] of pairs) if (nearlySame(mine.keys[a]!, theirs.keys[b]!)) return { reason: 'similarName', mine: a, theirs: b };
  for (const [a, b] of pairs) {
    const x = mine.latin[a]!;
    const y = theirs.latin[b]!;
    if (x.length >= 8 && (x === y || nearlySame(x, y))) return { reason: 'transliteration', mine: a, theirs: b };
  }
  return null;
}
