import { defineConfig } from '@playwright/test';

// The same journeys as tests/e2e, in the real Electron window. Where the Electron runtime is not
// installed (it downloads from GitHub), every test here is reported as skipped with the reason.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  retries: 0,
  timeout: 180_000,
  reporter: [['list']],
  forbidOnly: true,
  globalSetup: './global-setup.ts',
});
