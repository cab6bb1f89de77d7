import type { Page } from '@playwright/test';
import { test, expect, openWithDemo } from './fixtures';
import { cardByNumber, column } from '../support/journeys';

async function openCard(page: Page, number: number) {
  await cardByNumber(page, number).getByRole('button', { name: /^Open/ }).click();
  const dialog = page.getByTestId('card-dialog');
  await expect(dialog.getByTestId('card-status')).toBeVisible();
  return dialog;
}

test('extending a deadline needs a reason and counts the extensions', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await openCard(page, 2);
  await dialog.getByRole('tab', { name: /Deadline/ }).click();
  await expect(dialog.getByTestId('extension-count')).toHaveText('1');
  const form = dialog.getByTestId('deadline-form');
  await form.getByLabel('New deadline').fill('2027-03-01');
  await expect(form.getByRole('button', { name: 'Change the deadline' })).toBeDisabled();
  await form.getByLabel('Reason').fill('Technical consultations moved to February');
  await form.getByRole('button', { name: 'Change the deadline' }).click();
  await expect(dialog.getByTestId('extension-count')).toHaveText('2');
  await expect(dialog.getByTestId('current-deadline')).toHaveText('1 Mar 2027');
  await expect(dialog.getByRole('cell', { name: 'Technical consultations moved to February' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(cardByNumber(page, 2)).toContainText('Extended 2 times');
  await expect(cardByNumber(page, 2)).not.toContainText('Overdue');
  expect(pageErrors).toEqual([]);
});

test('progress reports are filed, and resolving and reopening follow the rules', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await openCard(page, 3);
  await dialog.getByRole('tab', { name: /Reports/ }).click();
  await dialog.getByLabel('Report text').fill('Expert consultations held in Almaty.');
  await dialog.getByRole('button', { name: 'File the report' }).click();
  await expect(dialog.getByTestId('report-list')).toContainText('Expert consultations held in Almaty.');
  await expect(dialog.getByRole('tab', { name: 'Reports (1)' })).toBeVisible();

  await dialog.getByRole('button', { name: 'Resolve' }).click();
  const finalReport = page.getByRole('dialog', { name: 'Final report' });
  await finalReport.getByLabel('Report').fill('Transit agreement signed.');
  await finalReport.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog.getByTestId('card-status')).toHaveText('Resolved');

  await dialog.getByRole('button', { name: 'Reopen' }).click();
  const reopen = page.getByRole('dialog', { name: 'Reopen the instruction' });
  await reopen.getByLabel('Reason').fill('The agreement was not ratified.');
  await reopen.getByRole('button', { name: 'Reopen' }).click();
  await expect(dialog.getByTestId('card-status')).toHaveText('In progress');

  await dialog.getByRole('tab', { name: 'History' }).click();
  const history = dialog.getByTestId('history');
  await expect(history).toContainText('Status: Resolved → In progress');
  await expect(history).toContainText('Reason: The agreement was not ratified.');
  await expect(history).toContainText('Final report: Transit agreement signed.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(cardByNumber(column(page, 'in_progress'), 3)).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('every field of a card is edited and saved, and Ctrl+Z undoes the edit', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await openCard(page, 9);
  const form = dialog.getByTestId('details-form');
  await form.getByLabel('Title').fill('Prepare the delegation to the SCO meeting in Astana');
  await form.getByLabel('Priority').selectOption({ label: 'High' });
  await form.getByLabel('Lead organization').selectOption({ label: 'Cabinet of Ministers of the Kyrgyz Republic' });
  await form.getByRole('checkbox', { name: 'Trade' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('notices')).toContainText('was saved');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const card = cardByNumber(page, 9);
  await expect(card).toContainText('Prepare the delegation to the SCO meeting in Astana');
  await expect(card).toContainText('Priority: High');
  await expect(card).toContainText('Trade');

  await page.keyboard.press('Control+z');
  await expect(card).toContainText('Take part in the meeting of the SCO Council');
  await expect(card).not.toContainText('Priority: High');
  await expect(card).not.toContainText('Trade');
  expect(pageErrors).toEqual([]);
});

test('co-executors are added with their own deadlines and removed', async ({ page, app }) => {
  await openWithDemo(page, app);
  const dialog = await openCard(page, 4);
  await dialog.getByRole('tab', { name: /Co-executors/ }).click();
  const form = dialog.getByTestId('coexecutor-form');
  await form.getByLabel('Organization').selectOption({ label: 'Ministry of Trade and Integration of the Republic of Kazakhstan' });
  await form.getByLabel('Deadline').fill('2027-02-15');
  await form.getByRole('button', { name: 'Add co-executor' }).click();
  const table = dialog.getByTestId('coexecutor-table');
  await expect(table).toContainText('Ministry of Trade and Integration (KZ)');
  await expect(dialog.getByRole('tab', { name: 'Co-executors (1)' })).toBeVisible();
  await table.getByRole('button', { name: /Remove/ }).click();
  await expect(dialog.getByRole('tab', { name: 'Co-executors (0)' })).toBeVisible();
});

test('archiving takes a card off the board and restoring brings it back', async ({ page, app }) => {
  await openWithDemo(page, app);
  const dialog = await openCard(page, 5);
  await dialog.getByRole('button', { name: 'Archive' }).click();
  await expect(dialog).toContainText('Archived');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(cardByNumber(page, 5)).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search' }).fill('archived:yes');
  await expect(cardByNumber(page, 5)).toBeVisible();
  const again = await openCard(page, 5);
  await again.getByRole('button', { name: 'Restore from archive' }).click();
  await again.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(cardByNumber(page, 5)).toBeVisible();
});
