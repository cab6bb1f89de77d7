// Boards: saved views of the instructions (columns by one field, optional swimlanes, a filter in
// the search language, WIP limits).
import { z } from 'zod';
import type { Board, BoardView } from '../../../db/model';
import { boardsTable } from '../../../db/schema/boards';
import { channel, empty, field, id, nullable, required, valuesOf } from '../channel';

// The fields stand for declared columns (db/schema); the contract adds a request's limits.
const B = boardsTable.columns;
const boardFields = {
  // A board the official makes has a name; only built-in boards keep theirs empty.
  name: required(B.name, z.string().min(1).max(200)),
  columnField: field(B.columnField, valuesOf(B.columnField)),
  meetingId: field(B.meetingId, id).optional(),
  swimlaneField: field(B.swimlaneField, valuesOf(B.swimlaneField)).optional(),
  filter: field(B.filter, z.string().max(2000)).optional(),
  wipLimits: field(B.wipLimits, z.record(z.string().max(100), z.number().int().min(1).max(100_000))).optional(),
  sortBy: field(B.sortBy, valuesOf(B.sortBy)).optional(),
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
        sortBy: boardFields.sortBy,
      }),
    }),
  ),
  'boards.duplicate': channel<Board>()(z.strictObject({ id, name: boardFields.name })),
  'boards.delete': channel<null>()(z.strictObject({ id })),
} as const;
