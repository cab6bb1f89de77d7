// Getting meetings in: a pasted readout, CSV/XLSX lists, exchange files (preview, then commit).
import { z } from 'zod';
import {
  LIST_FIELDS,
  type ExchangeCommitResult,
  type ExchangePreview,
  type IntakeCapabilities,
  type ListCommitResult,
  type ListPreview,
  type ProtocolReadResult,
  type ReadoutCommitResult,
  type ReadoutProposal,
  type StagedFileInfo,
} from '../../../db/intake-types';
import { channel, empty, id, isoDate, longText, nullable, shortText } from '../channel';

/** An import of a list: the file, and the corrections the official made to how it is read. */
const listImport = {
  fileId: id,
  sheet: nullable(z.string().max(200)).optional(),
  headerRow: nullable(z.number().int().min(1).max(10_000_000)).optional(),
  mapping: nullable(z.array(nullable(z.enum(LIST_FIELDS))).max(200)).optional(),
  meetingId: nullable(id).optional(),
};

export const intakeChannels = {
  'intake.capabilities': channel<IntakeCapabilities>()(empty),
  'intake.openFile': channel<StagedFileInfo | null>()(z.strictObject({ purpose: z.enum(['list', 'exchange', 'protocol']) })),
  'intake.discardFile': channel<null>()(z.strictObject({ fileId: id })),
  'intake.saveText': channel<{ path: string } | null>()(
    z.strictObject({ suggestedName: z.string().min(1).max(200), content: z.string().max(100_000_000) }),
  ),
  'intake.readoutParse': channel<ReadoutProposal>()(z.strictObject({ text: z.string().min(1).max(1_000_000) })), // over 200k: refused by the handler, with its message
  /** A protocol file (DOCX, PDF) staged by openFile or the upload: the proposal, or word that it is a scan. */
  'intake.protocolRead': channel<ProtocolReadResult>()(z.strictObject({ fileId: id })),
  'intake.readoutCommit': channel<ReadoutCommitResult>()(
    z.strictObject({
      meeting: z.strictObject({
        title: z.string().trim().min(1).max(500),
        heldOn: nullable(isoDate),
        place: nullable(shortText),
        participants: nullable(z.string().max(5000)),
        /** A protocol's number (from its header). */
        protocolNumber: nullable(z.string().trim().max(100)).optional(),
      }),
      sourceText: longText,
      instructions: z
        .array(
          z.strictObject({
            title: z.string().trim().min(1).max(1000),
            body: longText,
            lead: nullable(z.union([z.strictObject({ id }), z.strictObject({ name: z.string().trim().min(1).max(500), country: nullable(shortText).optional() })])),
            tagIds: z.array(id).max(50),
            dueDate: nullable(isoDate),
            /** A protocol's item number (`2.1`); without it the items are numbered in order. */
            itemNumber: nullable(z.string().trim().min(1).max(50)).optional(),
            /** Co-executors after the lead, as the protocol names them. */
            coexecutors: z.array(z.union([z.strictObject({ id }), z.strictObject({ name: z.string().trim().min(1).max(500) })])).max(50).optional(),
          }),
        )
        .max(1000),
    }),
  ),
  'intake.listPreview': channel<ListPreview>()(z.strictObject(listImport)),
  'intake.listCommit': channel<ListCommitResult>()(z.strictObject(listImport)),
  'intake.exchangePreview': channel<ExchangePreview>()(z.strictObject({ fileId: id })),
  'intake.exchangeCommit': channel<ExchangeCommitResult>()(
    z.strictObject({ fileId: id, choices: z.record(z.string().max(300), z.enum(['local', 'incoming'])) }),
  ),
} as const;
