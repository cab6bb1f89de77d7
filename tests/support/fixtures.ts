import type { StoreContext } from '../../db/context';
import { createMeeting, createOrganization } from '../../db/catalog';
import { createInstruction, type InstructionInput } from '../../db/instructions';
import type { Instruction } from '../../db/model';
import { tagIdsByCode } from '../../db/tag-codes';

/** A meeting, two ministries and a helper that adds instructions to them. */
export function smallWorld(ctx: StoreContext) {
  const meeting = createMeeting(ctx, { title: 'Совещание по энергетике', heldOn: '2026-11-01' });
  const energy = createOrganization(ctx, { name: 'Министерство энергетики Республики Казахстан', shortName: 'Минэнерго РК', country: 'Kazakhstan' });
  const economy = createOrganization(ctx, { name: 'Ministry of Economy and Commerce', shortName: 'MEC KG', country: 'Kyrgyzstan' });
  const add = (title: string, extra: Partial<InstructionInput> = {}): Instruction =>
    createInstruction(ctx, { title, meetingId: meeting.id, leadOrgId: energy.id, ...extra });
  return { meeting, energy, economy, add };
}

export function tagId(ctx: StoreContext, code: string): string {
  const id = tagIdsByCode(ctx).get(code);
  if (id === undefined) throw new Error(`No topic with code ${code}`);
  return id;
}
