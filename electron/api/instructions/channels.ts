// Instructions and what hangs on them: status, deadline, tags, progress reports, co-executors.
import { z } from 'zod';
import type { Coexecutor, Instruction, InstructionDetail, Report } from '../../../db/model';
import { instructionsTable } from '../../../db/schema/instructions';
import { coexecutorsTable } from '../../../db/schema/coexecutors';
import { reportsTable } from '../../../db/schema/reports';
import { channel, empty, field, id, required, isoDate, longText, nullable, shortText, valuesOf, version } from '../channel';

// The fields stand for declared columns (db/schema): their types, values and nullability come
// from there; the contract adds a request's limits.
const I = instructionsTable.columns;
const C = coexecutorsTable.columns;

const instructionFields = {
  meetingId: field(I.meetingId, id).optional(),
  itemNumber: field(I.itemNumber, z.string().max(40)).optional(),
  title: field(I.title, z.string().min(1).max(1000)),
  body: field(I.body, longText).optional(),
  leadOrgId: field(I.leadOrgId, id).optional(),
  leadPersonId: field(I.leadPersonId, id).optional(),
  controllerId: field(I.controllerId, id).optional(),
  priority: field(I.priority, valuesOf(I.priority)).optional(),
  onControl: field(I.onControl, z.boolean()).optional(),
};

const coexecutorFields = {
  organizationId: field(C.organizationId, id).optional(),
  personId: field(C.personId, id).optional(),
  dueDate: field(C.dueDate, isoDate).optional(),
};

const status = field(I.status, valuesOf(I.status));

const moveTarget = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('status'), value: status }),
  z.strictObject({ field: z.literal('organization'), value: instructionFields.leadOrgId.unwrap() }),
  z.strictObject({ field: z.literal('meeting'), value: instructionFields.meetingId.unwrap() }),
  z.strictObject({ field: z.literal('priority'), value: instructionFields.priority.unwrap() }),
  z.strictObject({ field: z.literal('topic'), value: nullable(id), from: nullable(id) }),
]);

export const instructionChannels = {
  'instructions.get': channel<InstructionDetail>()(z.strictObject({ id })),
  'instructions.create': channel<Instruction>()(
    z.strictObject({
      ...instructionFields,
      dueDate: field(I.dueDate, isoDate).optional(),
      /** The official confirmed a deadline in the past. */
      allowPastDeadline: z.boolean().optional(),
      tagIds: z.array(id).max(50).optional(),
      coexecutors: z.array(z.strictObject(coexecutorFields)).max(100).optional(),
      /** How the instruction recurs (db/periods.ts): `monthly:5`, `quarterly:5`, `yearly:01-15`, `rrule:…`. */
      recurrence: field(I.recurrence, z.string().max(500)).optional(),
    }),
  ),
  'instructions.update': channel<Instruction>()(
    z.strictObject({
      id,
      expectedVersion: version.optional(),
      patch: z.strictObject({
        ...instructionFields,
        title: instructionFields.title.optional(),
        /** The control number, as the official corrects it: unique in the store (`controlNumberTaken`). */
        controlNumber: z.string().min(1).max(60).optional(),
      }),
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
      status,
      report: nullable(longText).optional(),
      reason: nullable(shortText).optional(),
      expectedVersion: version.optional(),
    }),
  ),
  'instructions.changeDueDate': channel<Instruction>()(
    z.strictObject({
      id,
      dueDate: required(I.dueDate, isoDate),
      reason: nullable(shortText).optional(),
      expectedVersion: version.optional(),
      /** The official confirmed a deadline in the past; without it such a date is refused (`deadlineInPast`). */
      allowPast: z.boolean().optional(),
    }),
  ),
  'instructions.undoDueDateChange': channel<Instruction>()(
    z.strictObject({ id, previousDate: required(I.dueDate, isoDate), expectedVersion: version.optional() }),
  ),
  /** The store's pattern for new control numbers (`{protocol}`, `{item}`, `{year}`, `{n}`); numbers already given stay. */
  'instructions.setControlNumberPattern': channel<string>()(z.strictObject({ pattern: z.string().min(1).max(60) })),
  'instructions.controlNumberPattern': channel<string>()(empty),
  'instructions.setTags': channel<Instruction>()(
    z.strictObject({ id, tagIds: z.array(id).max(50), expectedVersion: version.optional() }),
  ),
  'instructions.archive': channel<Instruction>()(
    z.strictObject({ id, archived: z.boolean(), expectedVersion: version.optional() }),
  ),

  'reports.add': channel<Report>()(
    z.strictObject({ instructionId: id, kind: field(reportsTable.columns.kind, valuesOf(reportsTable.columns.kind)), body: longText.min(1) }),
  ),
  'coexecutors.add': channel<Coexecutor>()(z.strictObject({ instructionId: id, ...coexecutorFields })),
  'coexecutors.update': channel<Coexecutor>()(z.strictObject({ id, patch: z.strictObject(coexecutorFields) })),
  'coexecutors.remove': channel<null>()(z.strictObject({ id })),
} as const;
