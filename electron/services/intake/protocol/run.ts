// Where a protocol file is read: in a worker thread (protocol-worker.cjs) when the app runs built,
// so a long PDF never blocks IPC or the loopback server; in this thread when no worker file is
// given (tests and in-process runs).
import { Worker } from 'node:worker_threads';
import { protocolRefusal, readProtocolFile, type ProtocolFile } from './files';
import type { ProtocolWorkerInput, ProtocolWorkerMessage } from './worker';

export type ProtocolFileReader = (name: string, bytes: Uint8Array) => Promise<ProtocolFile>;

export function createProtocolFileReader(workerFile?: string): ProtocolFileReader {
  if (!workerFile) return (name, bytes) => readProtocolFile(name, bytes);
  return (name, bytes) =>
    new Promise<ProtocolFile>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: { name, bytes } satisfies ProtocolWorkerInput });
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        fn();
        void worker.terminate();
      };
      worker.on('message', (message: ProtocolWorkerMessage) =>
        settle(() => {
          if (message.type === 'done') resolve(message.file);
          else if (message.type === 'refused') reject(protocolRefusal(message.refusal, name) ?? new Error(`the protocol worker refused ${name} (${message.refusal})`));
          else reject(new Error(`the protocol worker failed: ${message.message}`));
        }),
      );
      worker.on('error', (err) => settle(() => reject(err)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the protocol worker stopped (exit code ${code})`))));
    });
}
