// The export worker: renders one export off the main thread, so IPC and the loopback server keep
// answering while a long report is built. Built as its own bundle (report-worker.cjs) next to the
// main process and the browser-mode server. Receives a RenderInput, posts progress, then the bytes.
import { parentPort, workerData } from 'node:worker_threads';
import { renderExport, type RenderInput } from './render';

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; phase: 'rendering' | 'packing' }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'error'; message: string };

async function run(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('the export worker must run as a worker thread');
  let last = 0;
  try {
    const result = await renderExport(workerData as RenderInput, (done, total, phase) => {
      const now = Date.now();
      if (phase === 'packing' || now - last >= 50 || done === total) {
        last = now;
        port.postMessage({ type: 'progress', done, total, phase } satisfies WorkerMessage);
      }
    });
    // A fresh buffer of its own, so handing it over never detaches Node's shared buffer pool.
    const bytes = new Uint8Array(result.byteLength);
    bytes.set(result);
    port.postMessage({ type: 'done', bytes } satisfies WorkerMessage, [bytes.buffer]);
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
  }
}

void run();
