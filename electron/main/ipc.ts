// IPC: one handler per contract channel. The sender must be the main frame of our own page;
// the payload is validated by the dispatcher against the contract before any handler runs.
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { CHANNELS, type Envelope } from '../api/contract';
import { dispatch, type Handlers } from '../api/dispatch';
import { isAppUrl } from './protocol';

export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function forbidden(): Envelope<never> {
  return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the app’s own window.' } };
}

export function registerIpc(handlers: Handlers): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return forbidden();
      return dispatch(handlers, channel, payload);
    });
  }
}
