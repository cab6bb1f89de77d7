import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { contractChannels } from '../build/contract-channels.mjs';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  // The build writes the contract's channel names into the preload the same way.
  define: { __MINISTRY_CHANNELS__: JSON.stringify(await contractChannels()) },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // A file's PostgreSQL cluster (initdb, start) can take longer than the default 10 s on a busy machine.
    hookTimeout: 120_000,
    alias: {
      // The shell tests run main and preload against a recording stand-in of electron's API,
      // because the Electron runtime cannot start here.
      electron: path.join(root, 'tests/support/fake-electron.ts'),
    },
  },
});
