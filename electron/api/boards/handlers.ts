// The boards channels over db/boards.
import type { StoreContext } from '../../../db/context';
import type { Language } from '../../../db/model';
import * as boards from '../../../db/boards';
import type { Handlers } from '../dispatch';
import type { boardChannels } from './channels';

export interface BoardHandlerDeps {
  ctx: StoreContext;
  language: () => Language;
}

export function createBoardHandlers({ ctx, language }: BoardHandlerDeps): Pick<Handlers, keyof typeof boardChannels> {
  return {
    'boards.list': () => boards.listBoards(ctx),
    'boards.view': ({ boardId, search }) => boards.getBoardView(ctx, boardId, search ?? '', language()),
    'boards.create': (input) => boards.createBoard(ctx, input),
    'boards.update': ({ id, patch }) => boards.updateBoard(ctx, id, patch),
    'boards.duplicate': ({ id, name }) => boards.duplicateBoard(ctx, id, name),
    'boards.delete': ({ id }) => {
      boards.deleteBoard(ctx, id);
      return null;
    },
  };
}
