// Settings → Team in browser mode against a real team server on a throwaway PostgreSQL cluster:
// the desk starts offline and says it works on its own; a wrong password is refused in the
// official's words; signed in, it says online, who it is and that nothing waits; the meeting the
// desk creates reaches the server; signed out, it says offline again.
import pg from 'pg';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openWithDemo } from './fixtures';
import { giveProfile } from '../support/journeys';
import { startBrowserModeApp } from '../support/server';
import { startPostgres, type PostgresCluster } from '../support/postgres';
import { migrate } from '../../team/migrations';
import { addUser } from '../../team/accounts';
import { createTeamServer } from '../../team/server';

let cluster: PostgresCluster;
let pool: pg.Pool;
let server: ReturnType<typeof createTeamServer>;
let url: string;

test.beforeAll(async () => {
  cluster = await startPostgres();
  pool = new pg.Pool({ connectionString: await cluster.createDatabase('e2e_team') });
  const client = await pool.connect();
  await migrate(client);
  client.release();
  await addUser(pool, { login: 'aidana', role: 'controller', password: 'correct horse battery' });
  await addUser(pool, { login: 'bolot', role: 'controller', password: 'correct horse battery' });
  server = createTeamServer({ pool });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

test.afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await pool?.end();
  cluster?.stop();
});

test('a desk signs in to the team server from Settings → Team, sends its changes and signs out', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  const team = page.getByRole('region', { name: 'Team' });
  await expect(team.getByRole('status')).toContainText('Offline · Not connected: this desk works on its own.');

  await team.getByRole('textbox', { name: 'Server address' }).fill(url);
  await team.getByRole('textbox', { name: 'Login' }).fill('aidana');
  await team.getByLabel('Password').fill('wrong password');
  await team.getByRole('button', { name: 'Sign in' }).click();
  await expect(team.getByRole('alert')).toHaveText('Wrong login or password.');

  await team.getByLabel('Password').fill('correct horse battery');
  await team.getByRole('button', { name: 'Sign in' }).click();
  await expect(team.getByRole('status')).toContainText('Online · Signed in as aidana (controller)');
  await expect(team.getByRole('status')).toContainText('Changes waiting to be sent: 0');
  await expect(team.getByRole('status')).toContainText('Last sync:');

  // A meeting made on this desk reaches the server.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'New meeting' }).click();
  const meeting = page.getByTestId('meeting-dialog');
  await meeting.getByLabel('Meeting').fill('Council of the heads of government, 5 November 2021');
  await meeting.getByRole('button', { name: 'Save' }).click();
  await expect(meeting).toBeHidden();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await team.getByRole('button', { name: 'Sync now' }).click();
  await expect(team.getByRole('status')).toContainText('Changes waiting to be sent: 0');
  await expect
    .poll(async () => (await pool.query("SELECT count(*)::int AS n FROM operations WHERE entity = 'meeting' AND body::text LIKE '%5 November 2021%'")).rows[0].n)
    .toBe(1);

  await team.getByRole('button', { name: 'Sign out' }).click();
  await expect(team.getByRole('status')).toContainText('Offline · Not connected');
  expect(pageErrors).toEqual([]);
});

async function signInFromSettings(page: Page, login: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  const team = page.getByRole('region', { name: 'Team' });
  await team.getByRole('textbox', { name: 'Server address' }).fill(url);
  await team.getByRole('textbox', { name: 'Login' }).fill(login);
  await team.getByLabel('Password').fill('correct horse battery');
  await team.getByRole('button', { name: 'Sign in' }).click();
  await expect(team.getByRole('status')).toContainText(`Online · Signed in as ${login} (controller)`);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Board', exact: true }).click();
}

test('a card created on one desk appears on the other desk’s open board without a reload', async ({ page, app, browser, pageErrors }) => {
  // Desk A is this test's app; desk B is a second app on its own data folder, in its own page.
  const other = await startBrowserModeApp();
  const context = await browser.newContext();
  const pageB = await context.newPage();
  const errorsB: string[] = [];
  pageB.on('console', (m) => m.type() === 'error' && errorsB.push(m.text()));
  pageB.on('pageerror', (e) => errorsB.push(String(e)));
  try {
    for (const p of [page, pageB]) {
      await p.goto(p === page ? app.openUrl : other.openUrl);
      await giveProfile(p);
      await p.getByRole('button', { name: /Start empty/ }).click();
      await expect(p.getByText('This board has no instructions yet.')).toBeVisible();
    }
    await signInFromSettings(page, 'aidana');
    await signInFromSettings(pageB, 'bolot');
    await expect(pageB.getByText('This board has no instructions yet.')).toBeVisible();
    let loads = 0;
    pageB.on('load', () => loads++);

    await page.getByRole('button', { name: 'New instruction' }).click();
    const dialog = page.getByRole('dialog', { name: 'New instruction' });
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Prepare the schedule of electricity supply for the winter');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('card').filter({ hasText: 'Prepare the schedule of electricity supply for the winter' })).toBeVisible();

    // Nobody presses anything on desk B: the card arrives on its open board (Playwright waits up to its timeout).
    await expect(pageB.getByTestId('card').filter({ hasText: 'Prepare the schedule of electricity supply for the winter' })).toBeVisible();
    await expect(pageB.getByRole('heading', { level: 2, name: /Assigned/ }).locator('xpath=ancestor::*[@data-testid="column"]').getByTestId('card')).toHaveCount(1);
    expect(loads, 'desk B was not reloaded').toBe(0);
    expect(errorsB).toEqual([]);
  } finally {
    await context.close();
    await other.stop();
    fs.rmSync(other.dataDir, { recursive: true, force: true });
  }
  expect(pageErrors).toEqual([]);
});
