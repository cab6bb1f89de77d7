// The app's own channels over the store's settings, and the first run's choice.
import type { StoreContext } from '../../../db/context';
import { StoreError } from '../../../db/errors';
import { setSetting } from '../../../db/settings';
import { getBoard } from '../../../db/boards';
import type { AppInfo } from '../../../db/model';
import { loadDemo } from '../../services/demo/seed';
import { createProfile, selectProfile } from '../../../db/profiles';
import type { Handlers } from '../dispatch';
import type { appChannels } from './channels';

export interface AppHandlerDeps {
  ctx: StoreContext;
  info: () => AppInfo;
  setActor: (name: string) => void;
  signed: () => void;
}

export function createAppHandlers({ ctx, info, setActor, signed }: AppHandlerDeps): Pick<Handlers, keyof typeof appChannels> {
  return {
    'app.info': () => info(),
    'app.setLanguage': ({ language }) => {
      setSetting(ctx, 'language', language);
      return info();
    },
    'app.setActor': ({ name }) => {
      setActor(name);
      return info();
    },
    'app.rememberBoard': ({ boardId }) => {
      getBoard(ctx, boardId);
      setSetting(ctx, 'lastBoardId', boardId);
      return null;
    },
    'app.chooseStart': ({ choice, profile }) => {
      try {
        ctx.transaction(() => {
          const { firstRun, language } = info();
          if (!firstRun) {
            throw new StoreError('conflict', 'The start was already chosen; the data was left as it is.', 'startAlreadyChosen');
          }
          // The profile first: the demo's rows are signed with it.
          if (profile) {
            selectProfile(ctx, createProfile(ctx, profile).id);
            signed();
          }
          if (choice === 'demo') loadDemo(ctx, language);
          setSetting(ctx, 'startChoice', choice);
        });
      } finally {
        // A refused start takes its profile back with it.
        signed();
      }
      return info();
    },
  };
}
