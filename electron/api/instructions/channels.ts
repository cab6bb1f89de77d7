// Instructions and what hangs on them: status, deadline, tags, progress reports, co-executors.
import { z } from 'zod';
import type { Coexecutor, Instruction, InstructionDetail, Report } from '../../../db/model';
import { channel, id, isoDate, longText, nullable, shortText, version } from '../channel';

// Literal copies of the store's enumerations: the contract imports no runtime code from below.
const STATUSES = ['assigned', 'in_progress', 'report_submitted', 'resolved'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
const REPORT_KINDS = ['interim', 'final'] as const;

const instructionFields = {
  meetingId: nullable(id).optional(),
  itemNumber: nullable(z.string().max(40)).optional(),
  title: z.string().min(1).max(1000),
  body: longText.optional(),
  leadOrgId: nullable(id).optional(),
  leadPersonId: nullable(id).optional(),
  controllerId: nullable(id).optional(),
  priority: z.enum(PRIORITIES).optional(),
  onControl: z.boolean().optional(),
};

const coexecutorFields = {
  organizationId: nullable(id).optional(),
  personId: nullable(id).optional(),
  dueDate: nullable(isoDate).optional(),
};

const moveTarget = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('status'), value: z.enum(STATUSES) }),
  z.strictObject({ field: z.literal('organization'), value: nullable(id) }),
  z.strictObject({ field: z.literal('meeting'), value: nullable(id) }),
  z.strictObject({ field: z.literal('priority'), value: z.enum(PRIORITIES) }),
  z.strictObject({ field: z.literal('topic'), value: nullable(id), from: nullable(id) }),
]);

export const instructionChannels = {
  'instructions.get': channel<InstructionDetail>()(z.strictObject({ id })),
  'instructions.create': channel<Instruction>()(
    z.strictObject({
      ...instructionFields,
      dueDate: nullable(isoDate).optional(),
      tagIds: z.array(id).max(50).optional(),
      coexecutors: z.array(z.strictObject(coexecutorFields)).max(100).optional(),
    }),
  ),
  'instructions.update': channel<Instruction>()(
    z.strictObject({
      id,
      expectedVersion: version.optional(),
      patch: z.strictObject({ ...instructionFields, title: instructionFields.title.optional() }),
    }),
  ),
  'instructions.move': channel<Instruction>()(
    z.strictObject({
      id,
      to: moveTarget.optional(),
      lane: moveTarget.optional(),
      afterId: nullable(id).optional(),
      beforeId: nullable(id).optional(),
      report: nullable(longText).optional(),
      reason: nullable(shortText).optional(),
      expectedVersion: version.optional(),
    }),
  ),
  'instructions.setStatus': channel<Instruction>()(
    z.strictObject({
      id,
      status: z.enum(STATUSES),
      report: nullable(longText).optional(),
      reason: nullable(shortText).optional(),
      expectedVersion: version.optional(),
    }),
  ),
  'instructions.changeDueDate': channel<Instruction>()(
    z.strictObject({ id, dueDate: isoDate, reason: nullable(shortText).optional(), expectedVersion: version.optional() }),
  ),
  'instructions.setTags': channel<Instruction>()(
    z.strictObject({ id, tagIds: z.array(id).max(50), expectedVersion: version.optional() }),
  ),
  'instructions.archive': channel<Instruction>()(
    z.strictObject({ id, archived: z.boolean(), expectedVersion: version.optional() }),
  ),

  'reports.add': channel<Report>()(
    z.strictObject({ instructionId: id, kind: z.enum(REPORT_KINDS), body: longText.min(1) }),
  ),
  'coexecutors.add': channel<Coexecutor>()(z.strictObject({ instructionId: id, ...coexecutorFields })),
  'coexecutors.update': channel<Coexecutor>()(z.strictObject({ id, patch: z.strictObject(coexecutorFields) })),
  'coexecutors.remove': channel<null>()(z.strictObject({ id })),
} as const;
