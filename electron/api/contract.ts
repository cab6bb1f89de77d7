// The single source of truth for what the UI may ask of the app: every channel with its strict
// input schema (unknown keys rejected) and its output type. Each feature declares its channels in
// its own folder (`<feature>/channels.ts`, zod only); this file puts them together into the one
// table both transports (Electron IPC and the loopback HTTP server) dispatch through, and derives
// the renderer's Api type from it.
import type { z } from 'zod';
import type { Channels, Envelope } from './channel';
import { appChannels } from './app/channels';
import { boardChannels } from './boards/channels';
import { instructionChannels } from './instructions/channels';
import { directoryChannels } from './directory/channels';
import { meetingChannels } from './meetings/channels';
import { intakeChannels } from './intake/channels';
import { reportChannels } from './reports/channels';
import { backupChannels } from './backups/channels';
import { recoveryChannels } from './recovery/channels';
import { profileChannels } from './profiles/channels';
import { reminderChannels } from './reminders/channels';
import { attachmentChannels } from './attachments/channels';
import { calendarChannels } from './calendar/channels';
import { teamChannels } from './team/channels';
import { disciplineChannels } from './discipline/channels';

export type { ApiError, Envelope } from './channel';
export type { BackupEntry, BackupFailure, BackupsView, RestoreOutcome } from './backups/channels';
export type { AttachmentView } from './attachments/channels';
export type { RecoveryBackup, RecoveryStatus } from './recovery/channels';
export type { CalendarSettings, CalendarYearView, InstructionPeriod, OrganizationCalendar, RuledDeadline } from './calendar/channels';
export type { ProfileList, ReportSignature, SignatureView, SignedKind } from './profiles/channels';
export type { TeamStatusView } from './team/channels';
export type { LetterPreview } from './reminders/channels';
export type { CardDocument, CsvSeparator, ExportFormat, ExportJob, ExportKind, ReportOptions, ReportPreview, ReportScope } from './reports/channels';

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Merged<F extends readonly Channels[]> = { [K in keyof Intersection<F[number]>]: Intersection<F[number]>[K] };

/** The features' channels as one table; a channel name declared by two features is an error. */
function compose<const F extends readonly Channels[]>(...features: F): Merged<F> {
  const table: Channels = {};
  for (const feature of features) {
    for (const [name, declared] of Object.entries(feature)) {
      if (Object.prototype.hasOwnProperty.call(table, name)) throw new Error(`The channel ${name} is declared twice.`);
      table[name] = declared;
    }
  }
  return table as Merged<F>;
}

export const contract = compose(appChannels, boardChannels, instructionChannels, directoryChannels, meetingChannels, intakeChannels, reportChannels, backupChannels, recoveryChannels, profileChannels, attachmentChannels, calendarChannels, teamChannels, reminderChannels, disciplineChannels);

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type Input<K extends ChannelName> = z.input<Contract[K]['input']>;
/** The input after validation, as handlers receive it. */
export type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type Output<K extends ChannelName> = Contract[K]['output'];

export const CHANNELS = Object.keys(contract) as ChannelName[];

/** What the UI calls: one typed function per channel. */
export type Api = { [K in ChannelName]: (input: Input<K>) => Promise<Output<K>> };

/** `instructions.move` → `instructionsMove`: the name the preload exposes a channel under. */
export type BridgeName<K extends string> = K extends `${infer A}.${infer B}` ? `${A}${Capitalize<B>}` : K;

export function bridgeName<K extends ChannelName>(channelName: K): BridgeName<K> {
  const [a, b] = channelName.split('.') as [string, string];
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}` as BridgeName<K>;
}

/** What the preload puts on `window.ministryApi`: one named function per channel. */
export type Bridge = { [K in ChannelName as BridgeName<K>]: (input: Input<K>) => Promise<Envelope<Output<K>>> };

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
