// The directory channels over db/catalog: organizations, people and topics.
import type { StoreContext } from '../../../db/context';
import type { Language } from '../../../db/model';
import * as catalog from '../../../db/catalog';
import type { Handlers } from '../dispatch';
import type { directoryChannels } from './channels';

export interface DirectoryHandlerDeps {
  ctx: StoreContext;
  language: () => Language;
}

export function createDirectoryHandlers({ ctx, language }: DirectoryHandlerDeps): Pick<Handlers, keyof typeof directoryChannels> {
  return {
    'organizations.list': () => catalog.listOrganizations(ctx),
    'organizations.create': (input) => catalog.createOrganization(ctx, input),
    'organizations.update': ({ id, patch }) => catalog.updateOrganization(ctx, id, patch),
    'organizations.merge': ({ duplicateId, survivorId }) => catalog.mergeOrganizations(ctx, duplicateId, survivorId),

    'people.list': () => catalog.listPeople(ctx),
    'people.create': (input) => catalog.createPerson(ctx, input),
    'people.update': ({ id, patch }) => catalog.updatePerson(ctx, id, patch),
    'people.merge': ({ duplicateId, survivorId }) => catalog.mergePeople(ctx, duplicateId, survivorId),

    'tags.list': () => catalog.listTags(ctx, language()),
  };
}
