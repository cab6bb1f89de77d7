// Meetings: the sessions instructions are given at.
import { z } from 'zod';
import type { Meeting } from '../../../db/model';
import { channel, empty, id, isoDate, longText, nullable, shortText } from '../channel';

const title = shortText.min(1);

/** What a meeting records besides its title; every field may be left out. */
const meetingFields = {
  heldOn: nullable(isoDate).optional(),
  place: nullable(shortText).optional(),
  participants: nullable(z.string().max(5000)).optional(),
  protocolNumber: nullable(z.string().max(100)).optional(),
  sourceText: nullable(longText).optional(),
};

export const meetingChannels = {
  'meetings.list': channel<Meeting[]>()(empty),
  'meetings.get': channel<Meeting>()(z.strictObject({ id })),
  'meetings.create': channel<Meeting>()(z.strictObject({ title, ...meetingFields })),
  'meetings.update': channel<Meeting>()(z.strictObject({ id, patch: z.strictObject({ title: title.optional(), ...meetingFields }) })),
} as const;
