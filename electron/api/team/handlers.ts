// The team channels over the sync service. A failure is a StoreError with a key the UI translates.
import { StoreError } from '../../../db/errors';
import { TeamSyncError, type TeamStatus, type TeamSync } from '../../services/team-sync';
import type { Handlers } from '../dispatch';
import type { teamChannels, TeamStatusView } from './channels';

export function teamView(s: TeamStatus): TeamStatusView {
  return {
    serverUrl: s.serverUrl,
    signedIn: s.signedIn,
    online: s.signedIn && s.online,
    login: s.login,
    role: s.role,
    organizationId: s.organizationId,
    lastSyncAt: s.lastSyncAt,
    lastError: s.lastError,
    waiting: s.waiting,
    refused: s.refused,
  };
}

function translate(error: unknown): never {
  if (error instanceof TeamSyncError) {
    switch (error.code) {
      case 'badCredentials':
        throw new StoreError('unauthorized', error.message, 'teamBadCredentials');
      case 'badAddress':
        throw new StoreError('validation', error.message, 'teamBadAddress');
      case 'unreachable':
        throw new StoreError('unsupported', error.message, 'teamUnreachable');
      case 'sessionEnded':
        throw new StoreError('unauthorized', error.message, 'teamSessionEnded');
      case 'notSignedIn':
        throw new StoreError('conflict', error.message, 'teamNotSignedIn');
      default:
        throw new StoreError('internal', error.message, 'teamServerFailed', { message: error.message });
    }
  }
  throw error;
}

export function createTeamHandlers(team: () => TeamSync): Pick<Handlers, keyof typeof teamChannels> {
  return {
    'team.status': () => teamView(team().status()),
    'team.signIn': async (input) => {
      const status = await team().signIn(input).catch(translate);
      await team().syncNow().catch(() => undefined);
      team().start();
      return teamView({ ...team().status(), online: status.online || team().status().online });
    },
    'team.signOut': async () => teamView(await team().signOut().catch(translate)),
    'team.syncNow': async () => teamView(await team().syncNow().catch(translate)),
    'team.changes': async (input) => ({ revision: await team().changes.wait(input.after, (input.waitSeconds ?? 25) * 1000) }),
  };
}
