import fs from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { startBrowserModeApp, type RunningApp } from '../support/server';
import { giveProfile } from '../support/journeys';

interface Fixtures {
  app: RunningApp;
  /** Console errors and CSP violations seen by the page; a test ends with none. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  app: async ({}, use) => {
    const app = await startBrowserModeApp();
    await use(app);
    await app.stop();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await use(errors);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});

export { expect };

export async function openWithDemo(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.openUrl);
  await giveProfile(page);
  await page.getByRole('button', { name: /Load the demo/ }).click();
  await expect(page.getByTestId('card').first()).toBeVisible();
}

