// The directory: organizations (ministries, agencies), people (officials) and topics (tags).
import { z } from 'zod';
import type { Organization, Person, Tag } from '../../../db/model';
import type { DuplicateSuggestion } from '../../../db/organization-names';
import { organizationsTable } from '../../../db/schema/organizations';
import { peopleTable } from '../../../db/schema/people';
import { channel, empty, field, id, shortText } from '../channel';

// The fields stand for declared columns (db/schema); the contract adds a request's limits.
const O = organizationsTable.columns;
const P = peopleTable.columns;
const organizationFields = {
  name: field(O.name, shortText.min(1)),
  shortName: field(O.shortName, shortText).optional(),
  country: field(O.country, shortText).optional(),
  // The official name and short name in each language (migration 010).
  nameEn: field(O.nameEn, shortText).optional(),
  nameRu: field(O.nameRu, shortText).optional(),
  nameKk: field(O.nameKk, shortText).optional(),
  nameKy: field(O.nameKy, shortText).optional(),
  shortNameEn: field(O.shortNameEn, shortText).optional(),
  shortNameRu: field(O.shortNameRu, shortText).optional(),
  shortNameKk: field(O.shortNameKk, shortText).optional(),
  shortNameKy: field(O.shortNameKy, shortText).optional(),
};
const personFields = {
  fullName: field(P.fullName, shortText.min(1)),
  position: field(P.position, shortText).optional(),
  organizationId: field(P.organizationId, id).optional(),
};

export const directoryChannels = {
  'organizations.list': channel<Organization[]>()(empty),
  'organizations.create': channel<Organization>()(
    z.strictObject(organizationFields),
  ),
  'organizations.update': channel<Organization>()(
    z.strictObject({
      id,
      patch: z.strictObject({ ...organizationFields, name: organizationFields.name.optional() }),
    }),
  ),
  'organizations.merge': channel<Organization>()(z.strictObject({ duplicateId: id, survivorId: id })),
  /** Pairs that are likely one organization (two languages, two spellings): suggestions only, merged on confirmation. */
  'organizations.duplicates': channel<DuplicateSuggestion[]>()(empty),

  'people.list': channel<Person[]>()(empty),
  'people.create': channel<Person>()(
    z.strictObject(personFields),
  ),
  'people.update': channel<Person>()(
    z.strictObject({
      id,
      patch: z.strictObject({ ...personFields, fullName: personFields.fullName.optional() }),
    }),
  ),
  'people.merge': channel<Person>()(z.strictObject({ duplicateId: id, survivorId: id })),

  'tags.list': channel<Tag[]>()(empty),
} as const;
