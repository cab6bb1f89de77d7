// Moves on a board: a card dropped into a column, a lane and a position.
import type { StoreContext } from '../context';
import { StoreError } from '../errors';
import type { Instruction, Priority, Status } from '../model';
import { checkVersion, touch } from './checks';
import { rankBetweenNeighbours } from './ranks';
import { getInstruction, updateInstruction } from './records';
import { listInstructionTagIds, setInstructionTags } from './tags';
import { changeStatus, type StatusChange } from './workflow';

export type MoveTarget =
  | { field: 'status'; value: Status }
  | { field: 'organization'; value: string | null }
  | { field: 'meeting'; value: string | null }
  | { field: 'priority'; value: Priority }
  | { field: 'topic'; value: string | null; from: string | null };

export interface MoveInput extends StatusChange {
  id: string;
  /** The column the card goes to; absent for a reorder within its column. */
  to?: MoveTarget;
  /** The swimlane the card goes to, on a board with swimlanes. */
  lane?: MoveTarget;
  afterId?: string | null;
  beforeId?: string | null;
}

function applyTarget(ctx: StoreContext, id: string, target: MoveTarget, change: StatusChange): void {
  switch (target.field) {
    case 'status':
      changeStatus(ctx, id, target.value, { report: change.report, reason: change.reason });
      break;
    case 'organization':
      updateInstruction(ctx, id, { leadOrgId: target.value });
      break;
    case 'meeting':
      updateInstruction(ctx, id, { meetingId: target.value });
      break;
    case 'priority':
      updateInstruction(ctx, id, { priority: target.value });
      break;
    case 'topic': {
      const tags = new Set(listInstructionTagIds(ctx, id));
      if (target.from) tags.delete(target.from);
      if (target.value) tags.add(target.value);
      setInstructionTags(ctx, id, [...tags]);
      break;
    }
  }
}

/**
 * Drops a card into a column (and lane) and a position. The fields the column and lane stand for
 * are set through the same rules as any edit; the position is a rank between the neighbours the
 * official saw.
 */
export function moveInstruction(ctx: StoreContext, input: MoveInput): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, input.id);
    checkVersion(before, input.expectedVersion);
    if (input.afterId === input.id || input.beforeId === input.id) {
      throw new StoreError('validation', 'A card cannot be placed next to itself.', 'moveSelf');
    }
    const target = input.to;
    if (target) applyTarget(ctx, input.id, target, input);
    if (input.lane) applyTarget(ctx, input.id, input.lane, input);
    if (input.afterId !== undefined || input.beforeId !== undefined) {
      const rank = rankBetweenNeighbours(ctx, input.afterId ?? null, input.beforeId ?? null);
      const current = getInstruction(ctx, input.id);
      if (rank !== current.rank) {
        // A position on a board is not a fact of the instruction: no history row (issue 10).
        ctx.stmt('UPDATE instructions SET rank = ? WHERE id = ?').run(rank, input.id);
        if (!target && !input.lane) touch(ctx, input.id);
      }
    }
    return getInstruction(ctx, input.id);
  });
}
