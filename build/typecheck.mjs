// Type-checks every layer with its own tsconfig: what a layer may see (DOM, node, electron) is
// fixed there, so crossing a layer is a compile error.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const layers = [
  'db/tsconfig.json',
  'electron/api/contract.tsconfig.json',
  'electron/tsconfig.json',
  'electron/main/tsconfig.json',
  'electron/preload/tsconfig.json',
  'renderer/tsconfig.json',
  'team/tsconfig.json',
  'tests/tsconfig.json',
  'build/tsconfig.json',
];
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
let failed = 0;
for (const project of layers) {
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, project), '--noEmit', '--pretty'], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.error(`type errors in ${project}`);
  }
}
if (failed > 0) process.exit(1);
console.log(`${layers.length} layers type-check cleanly.`);
