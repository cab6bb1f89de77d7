// Meetings: the sessions instructions are given at.
import { z } from 'zod';
import type { Meeting } from '../../../db/model';
import { meetingsTable } from '../../../db/schema/meetings';
import { channel, empty, field, id, isoDate, longText, shortText } from '../channel';

// The fields stand for declared columns (db/schema); the contract adds a request's limits.
const M = meetingsTable.columns;
const title = field(M.title, shortText.min(1));

/** What a meeting records besides its title; every field may be left out. */
const meetingFields = {
  heldOn: field(M.heldOn, isoDate).optional(),
  place: field(M.place, shortText).optional(),
  participants: field(M.participants, z.string().max(5000)).optional(),
  protocolNumber: field(M.protocolNumber, z.string().max(100)).optional(),
  sourceText: field(M.sourceText, longText).optional(),
};

export const meetingChannels = {
  'meetings.list': channel<Meeting[]>()(empty),
  'meetings.get': channel<Meeting>()(z.strictObject({ id })),
  'meetings.create': channel<Meeting>()(z.strictObject({ title, ...meetingFields })),
  'meetings.update': channel<Meeting>()(z.strictObject({ id, patch: z.strictObject({ title: title.optional(), ...meetingFields }) })),
} as const;
