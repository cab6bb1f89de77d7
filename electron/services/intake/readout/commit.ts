// Storing a reviewed readout: the meeting, the new organizations and the accepted instructions in
// one transaction, through the store's domain functions, with the meeting's own board.
import type { StoreContext } from '../../../../db/context';
import { ensureBuiltinBoards, listBoards } from '../../../../db/boards';
import { createMeeting } from '../../../../db/meetings';
import { createOrganization } from '../../../../db/organizations';
import { organizationMatcher, organizationNameKey } from '../../../../db/organization-names';
import { createInstructions } from '../../../../db/instructions';
import type { ReadoutCommitResult } from '../../../../db/intake-types';
import type { ParsedInput } from '../../../api/contract';

export type ReadoutCommitInput = ParsedInput<'intake.readoutCommit'>;

function coexecutorIds(lead: string | null, ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((x): x is string => x !== null && x !== lead))];
}

export function commitReadout(ctx: StoreContext, input: ReadoutCommitInput): ReadoutCommitResult {
  return ctx.transaction(() => {
    const meeting = createMeeting(ctx, {
      title: input.meeting.title,
      heldOn: input.meeting.heldOn,
      place: input.meeting.place,
      participants: input.meeting.participants,
      protocolNumber: input.meeting.protocolNumber ?? null,
      sourceText: input.sourceText,
    });
    // A new organization named like one the store has (by any of its names, in any language) is
    // that one; two candidates naming the same new organization get one.
    const matcher = organizationMatcher(ctx);
    const byName = new Map<string, string>();
    let created = 0;
    const orgId = (lead: ReadoutCommitInput['instructions'][number]['lead'] | { id: string } | { name: string }): string | null => {
      if (lead === null) return null;
      if ('id' in lead) return lead.id;
      const key = organizationNameKey(lead.name);
      const country = 'country' in lead ? (lead.country ?? null) : null;
      // Of the country the readout named, when it named one: never another country's namesake.
      let id = byName.get(key) ?? matcher.match(lead.name, { country })?.id;
      if (!id) {
        // A body the readout named with its country (`… Республики Казахстан`) is created with it.
        id = createOrganization(ctx, { name: lead.name, country }).id;
        created++;
      }
      byName.set(key, id);
      return id;
    };
    createInstructions(
      ctx,
      input.instructions.map((item, i) => ({
        meetingId: meeting.id,
        itemNumber: item.itemNumber ?? String(i + 1),
        title: item.title,
        body: item.body,
        leadOrgId: orgId(item.lead),
        dueDate: item.dueDate,
        // A readout of a past meeting keeps its deadlines as written (historical records).
        allowPastDeadline: true,
        tagIds: [...new Set(item.tagIds)],
        // A protocol's co-executors, each once and never the lead again.
        coexecutors: coexecutorIds(orgId(item.lead), (item.coexecutors ?? []).map(orgId)).map((organizationId) => ({ organizationId })),
      })),
    );
    ensureBuiltinBoards(ctx);
    const board = listBoards(ctx).find((b) => b.meetingId === meeting.id);
    return { meeting, boardId: board?.id ?? '', instructions: input.instructions.length, organizations: created };
  });
}
