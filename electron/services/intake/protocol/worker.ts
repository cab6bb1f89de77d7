// The protocol worker: reads one protocol file (DOCX through mammoth, PDF through pdf.js) off the
// main thread, so IPC and the loopback server keep answering while a long PDF is read. Built as its
// own bundle (protocol-worker.cjs) next to the readout worker.
import { parentPort, workerData } from 'node:worker_threads';
import { StoreError } from '../../../../db/errors';
import { readProtocolFile, type ProtocolFile } from './files';

export interface ProtocolWorkerInput {
  name: string;
  bytes: Uint8Array;
}

export type ProtocolWorkerMessage =
  | { type: 'done'; file: ProtocolFile }
  /** The file was refused: the refusal's key, made anew in the main thread (protocolRefusal). */
  | { type: 'refused'; refusal: string | undefined }
  | { type: 'error'; message: string };

async function run(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('the protocol worker must run as a worker thread');
  const { name, bytes } = workerData as ProtocolWorkerInput;
  try {
    port.postMessage({ type: 'done', file: await readProtocolFile(name, bytes) } satisfies ProtocolWorkerMessage);
  } catch (err) {
    if (err instanceof StoreError) {
      port.postMessage({ type: 'refused', refusal: err.key } satisfies ProtocolWorkerMessage);
    } else {
      port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies ProtocolWorkerMessage);
    }
  }
}

void run();
