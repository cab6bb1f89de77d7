// `npm run soak`: the "Nothing lost" proofs at length — 200 SIGKILL rounds of the crash test and
// many more fuzz cases per channel than `npm test` runs. Each prints its totals and its seed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, SOAK_ROUNDS: process.env.SOAK_ROUNDS ?? '200', FUZZ_RUNS: process.env.FUZZ_RUNS ?? '1000' };
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '-c', 'tests/vitest.config.ts', 'tests/unit/crash/kill.test.ts', 'tests/unit/electron/api/fuzz.test.ts', '--testTimeout', '3600000'],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
