// The name of an organization to show in an interface language: the same rule as the store's
// db/organization-names.ts (organizationName, organizationShortName), which the renderer may not
// import at run time. Keep the two alike: tests/unit/renderer/common/orgNames.test.ts compares them.
import type { Language, Organization } from '../../../db/model';

type Names = Pick<Organization, 'name' | 'shortName' | 'nameEn' | 'nameRu' | 'nameKk' | 'nameKy' | 'shortNameEn' | 'shortNameRu' | 'shortNameKk' | 'shortNameKy'>;

const FIELDS = {
  en: ['nameEn', 'shortNameEn'],
  ru: ['nameRu', 'shortNameRu'],
  kk: ['nameKk', 'shortNameKk'],
  ky: ['nameKy', 'shortNameKy'],
} as const satisfies Record<Language, readonly [keyof Names, keyof Names]>;

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

function fieldsOf(language: string) {
  return FIELDS[(language in FIELDS ? language : 'en') as Language];
}

/** The full name in the language, else the name the organization was created with. */
export function fullOrgName(org: Names, language: string): string {
  const own = org[fieldsOf(language)[0]];
  return present(own) ? own : org.name;
}

/** The short name in the language, else its full name there, else the original short name, else the original name. */
export function shortOrgName(org: Names, language: string): string {
  const [name, short] = fieldsOf(language);
  for (const value of [org[short], org[name], org.shortName]) if (present(value)) return value;
  return org.name;
}

/** Every name the organization goes by: the original and short name, and each language's. */
export function allOrgNames(org: Names): string[] {
  const all = [org.name, org.shortName, ...Object.values(FIELDS).flatMap(([name, short]) => [org[name], org[short]])];
  return all.filter(present);
}
