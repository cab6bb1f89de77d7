// The only bridge between the page and the app: one named function per contract channel, each
// invoking its own IPC channel. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { ChannelName } from '../api/contract';

// The build writes the contract's channel names here, so the sandboxed preload stays a few
// lines instead of carrying zod and every schema.
declare const __MINISTRY_CHANNELS__: readonly ChannelName[];

function bridgeName(channel: string): string {
  const [a, b] = channel.split('.') as [string, string];
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}`;
}

const bridge: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const channel of __MINISTRY_CHANNELS__) {
  bridge[bridgeName(channel)] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('ministryApi', Object.freeze(bridge));

// One-way events from the main process: a click on a reminder notification opens that card. The
// page gets the instruction id only, never the IPC event.
const OPEN_CARD_EVENT = 'app:openCard';
contextBridge.exposeInMainWorld(
  'ministryEvents',
  Object.freeze({
    onOpenCard(listener: (instructionId: string) => void): void {
      ipcRenderer.on(OPEN_CARD_EVENT, (_event, instructionId: unknown) => {
        if (typeof instructionId === 'string') listener(instructionId);
      });
    },
  }),
);
