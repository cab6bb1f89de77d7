// The directory: organizations (ministries, agencies), people (officials) and topics (tags).
import { z } from 'zod';
import type { Organization, Person, Tag } from '../../../db/model';
import { channel, empty, id, nullable, shortText } from '../channel';

export const directoryChannels = {
  'organizations.list': channel<Organization[]>()(empty),
  'organizations.create': channel<Organization>()(
    z.strictObject({ name: shortText.min(1), shortName: nullable(shortText).optional(), country: nullable(shortText).optional() }),
  ),
  'organizations.update': channel<Organization>()(
    z.strictObject({
      id,
      patch: z.strictObject({ name: shortText.min(1).optional(), shortName: nullable(shortText).optional(), country: nullable(shortText).optional() }),
    }),
  ),
  'organizations.merge': channel<Organization>()(z.strictObject({ duplicateId: id, survivorId: id })),

  'people.list': channel<Person[]>()(empty),
  'people.create': channel<Person>()(
    z.strictObject({ fullName: shortText.min(1), position: nullable(shortText).optional(), organizationId: nullable(id).optional() }),
  ),
  'people.update': channel<Person>()(
    z.strictObject({
      id,
      patch: z.strictObject({
        fullName: shortText.min(1).optional(),
        position: nullable(shortText).optional(),
        organizationId: nullable(id).optional(),
      }),
    }),
  ),
  'people.merge': channel<Person>()(z.strictObject({ duplicateId: id, survivorId: id })),

  'tags.list': channel<Tag[]>()(empty),
} as const;
