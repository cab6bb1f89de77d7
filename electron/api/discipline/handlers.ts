// The discipline channels over db/discipline.
import type { StoreContext } from '../../../db/context';
import { deadlinesBetween, disciplineFigures } from '../../../db/discipline';
import type { Handlers } from '../dispatch';
import type { disciplineChannels } from './channels';

export function createDisciplineHandlers({ ctx }: { ctx: StoreContext }): Pick<Handlers, keyof typeof disciplineChannels> {
  return {
    'discipline.figures': (request) => disciplineFigures(ctx, request),
    'discipline.deadlines': (request) => deadlinesBetween(ctx, request),
  };
}
