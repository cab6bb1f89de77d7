// The recovery channels. The app core that can start without its store (electron/services/recovery.ts)
// answers them; a core over an open store answers 'ok' until a check finds damage.
import type { Handlers } from '../dispatch';
import type { recoveryChannels, RecoveryStatus } from './channels';

export type RecoveryHandlers = Pick<Handlers, keyof typeof recoveryChannels>;

export interface RecoveryDeps {
  status: () => RecoveryStatus;
  check: () => RecoveryStatus;
  restore: (name: string) => Promise<RecoveryStatus>;
}

export function createRecoveryHandlers(deps: RecoveryDeps): RecoveryHandlers {
  return {
    'recovery.status': () => deps.status(),
    'recovery.check': () => deps.check(),
    'recovery.restore': ({ name }) => deps.restore(name),
  };
}
