// The directory channels: organizations, people and topics.
import type { StoreContext } from '../../../db/context';
import type { Language } from '../../../db/model';
import * as organizations from '../../../db/organizations';
import { suggestDuplicates } from '../../../db/organization-names';
import * as people from '../../../db/people';
import * as topics from '../../../db/topics';
import type { Handlers } from '../dispatch';
import type { directoryChannels } from './channels';

export interface DirectoryHandlerDeps {
  ctx: StoreContext;
  language: () => Language;
}

export function createDirectoryHandlers({ ctx, language }: DirectoryHandlerDeps): Pick<Handlers, keyof typeof directoryChannels> {
  return {
    'organizations.list': () => organizations.listOrganizations(ctx),
    'organizations.create': (input) => organizations.addOrganization(ctx, input),
    'organizations.update': ({ id, patch }) => organizations.updateOrganization(ctx, id, patch),
    'organizations.merge': ({ duplicateId, survivorId }) => organizations.mergeOrganizations(ctx, duplicateId, survivorId),
    'organizations.duplicates': () => suggestDuplicates(ctx),

    'people.list': () => people.listPeople(ctx),
    'people.create': (input) => people.createPerson(ctx, input),
    'people.update': ({ id, patch }) => people.updatePerson(ctx, id, patch),
    'people.merge': ({ duplicateId, survivorId }) => people.mergePeople(ctx, duplicateId, survivorId),

    'tags.list': () => topics.listTags(ctx, language()),
  };
}
