// Backups from the Backups screen: back up now, change an instruction, restore the backup and see
// the old data, then restore the 'before-restore' backup and see the change again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openWithDemo } from './fixtures';

const OLD_TITLE = 'Take part in the meeting of the SCO Council';
const NEW_TITLE = 'Prepare the delegation to the SCO meeting in Astana';

async function openBackups(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
  return page.getByRole('table', { name: 'Backups' });
}

async function restoreRow(page: Page, reason: string) {
  await page.getByRole('button', { name: new RegExp(`^Restore the backup of .*\\(${reason}\\)$`) }).first().click();
  const confirm = page.getByRole('dialog', { name: 'Restore a backup?' });
  await expect(confirm).toContainText('The current data is backed up first');
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  // The page reloads on the restored data and opens on the board.
  await expect(page.getByTestId('card').first()).toBeVisible();
}

test('back up now, change an instruction, restore the backup, and restore back', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const card = page.getByTestId('card').filter({ hasText: OLD_TITLE });
  await expect(card).toBeVisible();

  const table = await openBackups(page);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('notices')).toContainText('A backup was made.');
  await expect(table.getByRole('row').filter({ hasText: 'Made by hand' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: 'Made by hand' })).toContainText(/\d/);
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Change an instruction after the backup.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Board', exact: true }).click();
  await card.getByRole('button', { name: /^Open/ }).click();
  const dialog = page.getByTestId('card-dialog');
  const form = dialog.getByTestId('details-form');
  await form.getByLabel('Title').fill(NEW_TITLE);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('notices')).toContainText('was saved');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('card').filter({ hasText: NEW_TITLE })).toBeVisible();

  // Restore the backup: the old title is back.
  await openBackups(page);
  await restoreRow(page, 'Made by hand');
  await expect(page.getByTestId('card').filter({ hasText: OLD_TITLE })).toBeVisible();
  await expect(page.getByTestId('card').filter({ hasText: NEW_TITLE })).toHaveCount(0);

  // The store that was replaced was backed up first: restoring that brings the change back.
  const after = await openBackups(page);
  await expect(after.getByRole('row').filter({ hasText: 'Before a restore' })).toHaveCount(1);
  await restoreRow(page, 'Before a restore');
  await expect(page.getByTestId('card').filter({ hasText: NEW_TITLE })).toBeVisible();
  await expect(page.getByTestId('card').filter({ hasText: OLD_TITLE })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('restore from a file kept elsewhere: the page sends it, the app restores it and leaves no copy behind', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  await openBackups(page);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('notices')).toContainText('A backup was made.');
  // The official keeps a copy of that backup somewhere else (a USB stick, say).
  const made = fs.readdirSync(path.join(app.dataDir, 'backups')).find((f) => f.endsWith('-manual.sqlite'));
  if (!made) throw new Error('no manual backup');
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-usb-'));
  const copy = path.join(elsewhere, 'archive-copy.sqlite');
  fs.copyFileSync(path.join(app.dataDir, 'backups', made), copy);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByTestId('card').filter({ hasText: OLD_TITLE }).getByRole('button', { name: /^Open/ }).click();
  const dialog = page.getByTestId('card-dialog');
  await dialog.getByTestId('details-form').getByLabel('Title').fill(NEW_TITLE);
  await dialog.getByTestId('details-form').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('notices')).toContainText('was saved');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openBackups(page);
  await page.getByLabel('Restore from a file…').setInputFiles(copy);
  const confirm = page.getByRole('dialog', { name: 'Restore a backup?' });
  await expect(confirm).toContainText('The data will be replaced by the file “archive-copy.sqlite”.');
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByTestId('card').filter({ hasText: OLD_TITLE })).toBeVisible();
  await expect(page.getByTestId('card').filter({ hasText: NEW_TITLE })).toHaveCount(0);
  expect(fs.readdirSync(app.dataDir).filter((f) => f.startsWith('.restore-upload-'))).toEqual([]);
  expect(fs.existsSync(copy)).toBe(true);
  fs.rmSync(elsewhere, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});
