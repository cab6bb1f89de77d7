// Builds the export worker the way `npm run build` does (esbuild, one CommonJS file), so the tests
// run exports through the real worker bundle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');

export function buildReportWorker(): Promise<{ file: string; remove(): void }> {
  return buildWorker('electron/services/reports/worker.ts', 'report-worker.cjs');
}

/** The readout worker (readout-worker.cjs), built the same way. */
export function buildReadoutWorker(): Promise<{ file: string; remove(): void }> {
  return buildWorker('electron/services/intake/readout/worker.ts', 'readout-worker.cjs');
}

/** The protocol worker (protocol-worker.cjs), built the same way. */
export function buildProtocolWorker(): Promise<{ file: string; remove(): void }> {
  return buildWorker('electron/services/intake/protocol/worker.ts', 'protocol-worker.cjs');
}

/** The check-on-open worker (check-worker.cjs), built the same way. */
export function buildCheckWorker(): Promise<{ file: string; remove(): void }> {
  return buildWorker('db/check-worker.ts', 'check-worker.cjs');
}

async function buildWorker(entry: string, name: string): Promise<{ file: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-worker-'));
  const file = path.join(dir, name);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3'],
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
