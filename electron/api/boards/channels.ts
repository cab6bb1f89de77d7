// Boards: saved views of the instructions (columns by one field, optional swimlanes, a filter in
// the search language, WIP limits).
import { z } from 'zod';
import type { Board, BoardView } from '../../../db/model';
import { channel, empty, id, nullable } from '../channel';

// Literal copies of the store's enumerations: the contract imports no runtime code from below.
const BOARD_FIELDS = ['status', 'organization', 'topic', 'meeting', 'priority'] as const;
const SWIMLANE_FIELDS = ['organization', 'topic', 'meeting'] as const;

const boardFields = {
  name: z.string().min(1).max(200),
  columnField: z.enum(BOARD_FIELDS),
  meetingId: nullable(id).optional(),
  swimlaneField: nullable(z.enum(SWIMLANE_FIELDS)).optional(),
  filter: z.string().max(2000).optional(),
  wipLimits: z.record(z.string().max(100), z.number().int().min(1).max(100_000)).optional(),
};

export const boardChannels = {
  'boards.list': channel<Board[]>()(empty),
  'boards.view': channel<BoardView>()(z.strictObject({ boardId: id, search: z.string().max(2000).optional() })),
  'boards.create': channel<Board>()(z.strictObject(boardFields)),
  'boards.update': channel<Board>()(
    z.strictObject({
      id,
      patch: z.strictObject({
        name: nullable(boardFields.name).optional(),
        columnField: boardFields.columnField.optional(),
        swimlaneField: boardFields.swimlaneField,
        filter: boardFields.filter,
        wipLimits: boardFields.wipLimits,
      }),
    }),
  ),
  'boards.duplicate': channel<Board>()(z.strictObject({ id, name: boardFields.name })),
  'boards.delete': channel<null>()(z.strictObject({ id })),
} as const;
