// The meetings channels over db/meetings; a new meeting also gets its built-in board.
import type { StoreContext } from '../../../db/context';
import * as meetings from '../../../db/meetings';
import { ensureBuiltinBoards } from '../../../db/boards';
import type { Handlers } from '../dispatch';
import type { meetingChannels } from './channels';

export interface MeetingHandlerDeps {
  ctx: StoreContext;
}

export function createMeetingHandlers({ ctx }: MeetingHandlerDeps): Pick<Handlers, keyof typeof meetingChannels> {
  return {
    'meetings.list': () => meetings.listMeetings(ctx),
    'meetings.get': ({ id }) => meetings.getMeeting(ctx, id),
    'meetings.create': (input) =>
      ctx.transaction(() => {
        const meeting = meetings.createMeeting(ctx, input);
        ensureBuiltinBoards(ctx);
        return meeting;
      }),
    'meetings.update': ({ id, patch }) => meetings.updateMeeting(ctx, id, patch),
  };
}
