// The channels of the "store unavailable" state: what the UI asks when the data file is damaged
// (or not ours) and the app started without it. They answer also while the store is open.
import { z } from 'zod';
import { channel, empty } from '../channel';

/** One good backup offered for a restore, newest first. */
export interface RecoveryBackup {
  name: string;
  createdAt: string;
  reason: string;
  size: number;
  instructions: number | null;
}

export type RecoveryStatus =
  | { state: 'ok' }
  | {
      state: 'unavailable';
      /** What is wrong with the data file: its StoreError key ('storeDamaged', 'notOurStore', …). */
      problem: string;
      file: string;
      /** The system's language (there is no store to read the setting from). */
      language: 'en' | 'ru' | 'kk' | 'ky';
      backups: RecoveryBackup[];
    };

export const recoveryChannels = {
  'recovery.status': channel<RecoveryStatus>()(empty),
  /** Runs the full integrity check now (it also runs once while idle after the start). */
  'recovery.check': channel<RecoveryStatus>()(empty),
  /** Moves the damaged file aside (kept), restores the named backup and opens the store again. */
  'recovery.restore': channel<RecoveryStatus>()(z.strictObject({ name: z.string().min(1).max(300) })),
} as const;
