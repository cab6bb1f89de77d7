// A staged protocol file → what the intake screen shows: the proposed meeting and items, or word
// that the file is a scan (kept staged, so that it can be kept as the meeting's file instead).
// Deadlines are reckoned on the calendar db/working-calendar.ts gives, like everywhere else.
import type { StoreContext } from '../../../../db/context';
import type { ProtocolReadResult } from '../../../../db/intake-types';
import { listOrganizations } from '../../../../db/organizations';
import { listTagRows } from '../../../../db/topics';
import { calendarForCountry, defaultCountry, movesOffNonWorking } from '../../../../db/working-calendar';
import type { StagedFile } from '../files';
import { MAX_READOUT_CHARS, readoutTooLarge } from '../readout/index';
import { readProtocolFile } from './files';
import { parseProtocol } from './index';
import type { ProtocolFileReader } from './run';

export async function readProtocol(ctx: StoreContext, file: StagedFile, readFile: ProtocolFileReader = readProtocolFile): Promise<ProtocolReadResult> {
  const read = await readFile(file.name, file.bytes);
  if (read.kind === 'scan') return { kind: 'scan', fileId: file.fileId, fileName: file.name, pages: read.pages };
  // The text becomes the meeting's source text, which has the readout's limit.
  if (read.text.length > MAX_READOUT_CHARS) throw readoutTooLarge(read.text.length);
  const proposal = parseProtocol(
    read.text,
    { fileName: file.name, format: read.format },
    {
      catalog: { organizations: listOrganizations(ctx), tags: listTagRows(ctx).map((t) => ({ id: t.id, code: t.code })) },
      calendarFor: (country) => calendarForCountry(ctx, country ?? defaultCountry(ctx)),
      moveOffNonWorking: movesOffNonWorking(ctx),
    },
  );
  return { kind: 'protocol', proposal };
}
