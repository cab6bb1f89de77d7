// Team mode (issue 13): this desk's connection to a team server — its address, signing in and out,
// and a status that always says online or offline, when the desk last synced and how many changes
// wait to be sent. A desk that never signs in works alone, exactly as before.
import { z } from 'zod';
import { channel, empty } from '../channel';

export interface TeamStatusView {
  serverUrl: string | null;
  signedIn: boolean;
  online: boolean;
  login: string | null;
  role: 'administrator' | 'controller' | 'executor' | 'viewer' | null;
  organizationId: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  /** Local changes not yet acknowledged by the server. */
  waiting: number;
  /** Local changes the server refused (kept, with the reason). */
  refused: number;
}

export const teamChannels = {
  'team.status': channel<TeamStatusView>()(empty),
  'team.signIn': channel<TeamStatusView>()(
    z.strictObject({ serverUrl: z.string().trim().min(1).max(500), login: z.string().trim().min(1).max(100), password: z.string().min(1).max(1000) }),
  ),
  'team.signOut': channel<TeamStatusView>()(empty),
  'team.syncNow': channel<TeamStatusView>()(empty),
  /**
   * The change signal: a revision that moves whenever operations pulled from the team server
   * changed the store. Without `after`, the current revision at once; with it, the answer waits
   * (up to `waitSeconds`, default 25) until the revision is no longer `after`. Open screens reload
   * when it moves, so changes from others appear without reloading the page.
   */
  'team.changes': channel<{ revision: number }>()(
    z.strictObject({ after: z.number().int().min(0).optional(), waitSeconds: z.number().int().min(0).max(60).optional() }),
  ),
} as const;
