// Builds the export worker the way `npm run build` does (esbuild, one CommonJS file), so the tests
// run exports through the real worker bundle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');

export async function buildReportWorker(): Promise<{ file: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-worker-'));
  const file = path.join(dir, 'report-worker.cjs');
  await build({
    entryPoints: [path.join(root, 'electron/services/reports/worker.ts')],
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
