// The profiles channels over db/profiles.ts. `signed` tells the app core the name changes are
// signed with may have changed (a profile chosen, renamed or removed).
import type { StoreContext } from '../../../db/context';
import type { AppInfo } from '../../../db/model';
import { createProfile, currentProfileId, deleteProfile, effectiveSignature, listProfiles, saveSignature, savedSignature, selectProfile, updateProfile } from '../../../db/profiles';
import type { Handlers } from '../dispatch';
import type { ProfileList, profileChannels, SignatureView, SignedKind } from './channels';

export interface ProfileHandlerDeps {
  ctx: StoreContext;
  info: () => AppInfo;
  signed: () => void;
}

export function createProfileHandlers({ ctx, info, signed }: ProfileHandlerDeps): Pick<Handlers, keyof typeof profileChannels> {
  const list = (): ProfileList => ({ profiles: listProfiles(ctx), currentId: currentProfileId(ctx) });
  const view = (kind: SignedKind): SignatureView => ({ kind, saved: savedSignature(ctx, kind), effective: effectiveSignature(ctx, kind) });
  return {
    'profiles.list': () => list(),
    'profiles.create': ({ use, ...input }) => {
      ctx.transaction(() => {
        const profile = createProfile(ctx, input);
        // The first profile of a desk is the one in use.
        if (use === true || currentProfileId(ctx) === null) selectProfile(ctx, profile.id);
      });
      signed();
      return list();
    },
    'profiles.update': ({ id, ...input }) => {
      updateProfile(ctx, id, input);
      signed();
      return list();
    },
    'profiles.delete': ({ id }) => {
      deleteProfile(ctx, id);
      signed();
      return list();
    },
    'profiles.use': ({ id }) => {
      selectProfile(ctx, id);
      signed();
      return info();
    },
    'profiles.signature': ({ kind }) => view(kind),
    'profiles.saveSignature': ({ kind, signature }) => {
      saveSignature(ctx, kind, signature);
      return view(kind);
    },
  };
}
