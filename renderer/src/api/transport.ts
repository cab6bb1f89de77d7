// The renderer's one way to reach the app: inside Electron through the preload's named
// functions, in browser mode through the loopback server. Both speak the contract's envelopes.
import type { Api, ApiError, Bridge, BridgeName, ChannelName, Envelope, Input, Output } from '../../../electron/api/contract';
import type { StagedFileInfo } from '../../../db/intake-types';
import { loopbackToken, TOKEN_HEADER } from './token';

export class ApiFailure extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
    this.error = error;
  }
}

declare global {
  interface Window {
    ministryApi?: Bridge;
  }
}

function bridgeName<K extends ChannelName>(channel: K): BridgeName<K> {
  const [a, b] = channel.split('.') as [string, string];
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}` as BridgeName<K>;
}

type Send = <K extends ChannelName>(channel: K, input: Input<K>) => Promise<Envelope<Output<K>>>;

function ipcSend(bridge: Bridge): Send {
  return (channel, input) => {
    const fn = bridge[bridgeName(channel)] as unknown as (input: unknown) => Promise<Envelope<never>>;
    return fn(input);
  };
}

function httpSend(): Send {
  return async (channel, input) => {
    const token = loopbackToken();
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'The app did not answer.', key: 'network' } };
    }
    try {
      return (await response.json()) as Envelope<never>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The app answered ${response.status}.`, key: 'network' } };
    }
  };
}

/**
 * Browser mode: hands a file the official picked to the app for an import, as raw bytes to the
 * loopback server's upload route (`/upload` for imports, `/upload/restore` for a backup to restore,
 * which the server streams to disk). In Electron the main process opens files itself.
 */
export async function uploadFile(file: File, route: '/upload' | '/upload/restore' | '/upload/attachment' = '/upload'): Promise<StagedFileInfo> {
  let response: Response;
  try {
    response = await fetch(route, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', [TOKEN_HEADER]: loopbackToken(), 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    });
  } catch {
    throw new ApiFailure({ code: 'internal', message: 'The app did not answer.', key: 'network' });
  }
  let envelope: Envelope<StagedFileInfo>;
  try {
    envelope = (await response.json()) as Envelope<StagedFileInfo>;
  } catch {
    throw new ApiFailure({ code: 'internal', message: `The app answered ${response.status}.`, key: 'network' });
  }
  if (!envelope.ok) throw new ApiFailure(envelope.error);
  return envelope.value;
}

export function createApi(): Api {
  let send: Send;
  if (window.ministryApi) {
    send = ipcSend(window.ministryApi);
  } else {
    loopbackToken();
    send = httpSend();
  }
  return new Proxy({} as Api, {
    get: (_target, channel: string) => async (input: unknown) => {
      const envelope = await send(channel as ChannelName, input as never);
      if (!envelope.ok) throw new ApiFailure(envelope.error);
      return envelope.value;
    },
  });
}
