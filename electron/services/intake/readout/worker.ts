// The readout worker: parses one pasted readout off the main thread, so IPC and the loopback
// server keep answering while a long text is read. Built as its own bundle (readout-worker.cjs)
// next to the main process and the browser-mode server, like the export worker.
import { parentPort, workerData } from 'node:worker_threads';
import { StoreError } from '../../../../db/errors';
import type { ReadoutProposal } from '../../../../db/intake-types';
import { parseReadout, type ReadoutCatalog } from './index';

export interface ReadoutWorkerInput {
  text: string;
  catalog: ReadoutCatalog;
}

export type ReadoutWorkerMessage =
  | { type: 'done'; proposal: ReadoutProposal }
  /** The one store error a parse can raise is the length limit; anything else is a fault. */
  | { type: 'error'; tooLarge: boolean; message: string };

function run(): void {
  const port = parentPort;
  if (!port) throw new Error('the readout worker must run as a worker thread');
  const { text, catalog } = workerData as ReadoutWorkerInput;
  try {
    port.postMessage({ type: 'done', proposal: parseReadout(text, catalog) } satisfies ReadoutWorkerMessage);
  } catch (err) {
    const tooLarge = err instanceof StoreError && err.code === 'too_large';
    port.postMessage({ type: 'error', tooLarge, message: err instanceof Error ? err.message : String(err) } satisfies ReadoutWorkerMessage);
  }
}

run();
