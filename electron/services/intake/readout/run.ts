// Where a readout is parsed: in a worker thread (readout-worker.cjs) when the app runs built, so
// a long text never blocks IPC or the loopback server; in this thread when no worker file is
// given (tests and in-process runs).
import { Worker } from 'node:worker_threads';
import type { ReadoutProposal } from '../../../../db/intake-types';
import { MAX_READOUT_CHARS, parseReadout, readoutTooLarge, type ReadoutCatalog } from './index';
import type { ReadoutWorkerInput, ReadoutWorkerMessage } from './worker';

export type ReadoutParser = (text: string, catalog: ReadoutCatalog) => Promise<ReadoutProposal>;

export function createReadoutParser(workerFile?: string): ReadoutParser {
  if (!workerFile) return (text, catalog) => Promise.resolve().then(() => parseReadout(text, catalog));
  return (text, catalog) => {
    // Refused here at once: no thread is started for a text that will not be read.
    if (text.length > MAX_READOUT_CHARS) return Promise.reject(readoutTooLarge(text.length));
    return new Promise<ReadoutProposal>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: { text, catalog } satisfies ReadoutWorkerInput });
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        fn();
        void worker.terminate();
      };
      worker.on('message', (message: ReadoutWorkerMessage) =>
        settle(() => {
          if (message.type === 'done') resolve(message.proposal);
          else if (message.tooLarge) reject(readoutTooLarge(text.length));
          else reject(new Error(`the readout worker failed: ${message.message}`));
        }),
      );
      worker.on('error', (err) => settle(() => reject(err)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the readout worker stopped (exit code ${code})`))));
    });
  };
}
