// The readout worker: parses one pasted readout off the main thread, so IPC and the loopback
// server keep answering while a long text is read. Built as its own bundle (readout-worker.cjs)
// next to the main process and the browser-mode server, like the export worker.
import { parentPort, workerData } from 'node:worker_threads';
import { StoreError } from '../../../../db/errors';
import type { ReadoutProposal } from '../../../../db/intake-model';
import { parseReadout, type ReadoutCatalog } from './index';

export interface ReadoutWorkerInput {
  text: string;
  catalog: ReadoutCatalog;
}

export type ReadoutWorkerMessage =
  | { type: 'done'; proposal: ReadoutProposal }
  | { type: 'error'; code: StoreError['code'] | null; message: string; key?: string; params?: StoreError['params'] };

function run(): void {
  const port = parentPort;
  if (!port) throw new Error('the readout worker must run as a worker thread');
  const { text, catalog } = workerData as ReadoutWorkerInput;
  try {
    port.postMessage({ type: 'done', proposal: parseReadout(text, catalog) } satisfies ReadoutWorkerMessage);
  } catch (err) {
    const message: ReadoutWorkerMessage =
      err instanceof StoreError
        ? { type: 'error', code: err.code, message: err.message, key: err.key, params: err.params }
        : { type: 'error', code: null, message: err instanceof Error ? err.message : String(err) };
    port.postMessage(message);
  }
}

run();
