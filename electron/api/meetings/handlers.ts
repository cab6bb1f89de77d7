// The meetings channels over db/catalog; a new meeting also gets its built-in board.
import type { StoreContext } from '../../../db/context';
import * as catalog from '../../../db/catalog';
import { ensureBuiltinBoards } from '../../../db/boards';
import type { Handlers } from '../dispatch';
import type { meetingChannels } from './channels';

export interface MeetingHandlerDeps {
  ctx: StoreContext;
}

export function createMeetingHandlers({ ctx }: MeetingHandlerDeps): Pick<Handlers, keyof typeof meetingChannels> {
  return {
    'meetings.list': () => catalog.listMeetings(ctx),
    'meetings.get': ({ id }) => catalog.getMeeting(ctx, id),
    'meetings.create': (input) =>
      ctx.transaction(() => {
        const meeting = catalog.createMeeting(ctx, input);
        ensureBuiltinBoards(ctx);
        return meeting;
      }),
    'meetings.update': ({ id, patch }) => catalog.updateMeeting(ctx, id, patch),
  };
}
