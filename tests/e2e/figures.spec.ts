// The figures a control department is judged on (issue 10), as the official sees them in the card.
import type { Page } from '@playwright/test';
import { test, expect, openWithDemo } from './fixtures';
import { cardByNumber } from '../support/journeys';

async function openCard(page: Page, number: number) {
  await cardByNumber(page, number).getByRole('button', { name: /^Open/ }).click();
  const dialog = page.getByTestId('card-dialog');
  await expect(dialog.getByTestId('card-status')).toBeVisible();
  return dialog;
}

test('undoing a deadline change restores the date and takes back its extension', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await openCard(page, 2);
  await expect(dialog.getByRole('heading', { name: /No\. DEMO-2021-11-05\/2/ })).toBeVisible();
  await dialog.getByRole('tab', { name: /Deadline/ }).click();
  await expect(dialog.getByTestId('extension-count')).toHaveText('1');
  const before = await dialog.getByTestId('current-deadline').textContent();
  const form = dialog.getByTestId('deadline-form');
  await form.getByLabel('New deadline').fill('2030-03-01');
  await form.getByLabel('Reason').fill('Consultations moved');
  await form.getByRole('button', { name: 'Change the deadline' }).click();
  await expect(dialog.getByTestId('extension-count')).toHaveText('2');

  await page.keyboard.press('Control+z');
  await expect(dialog.getByTestId('extension-count')).toHaveText('1');
  await expect(dialog.getByTestId('current-deadline')).toHaveText(before ?? '');
  await expect(dialog.getByRole('row', { name: /Consultations moved/ })).toContainText('withdrawn');
  await dialog.getByRole('tab', { name: 'History' }).click();
  await expect(dialog.getByTestId('history')).toContainText('Deadline change undone');
  await expect(dialog.getByTestId('history')).not.toContainText('Position on the board');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(cardByNumber(page, 2)).not.toContainText('Extended 2 times');
  expect(pageErrors).toEqual([]);
});

test('a deadline before the meeting is refused at the field; one in the past asks first and is no extension', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await openCard(page, 2);
  await dialog.getByRole('tab', { name: /Deadline/ }).click();
  const form = dialog.getByTestId('deadline-form');
  const date = form.getByLabel('New deadline');
  await date.fill('2019-05-01');
  await form.getByRole('button', { name: 'Change the deadline' }).click();
  await expect(form.getByRole('alert')).toHaveText('The deadline 1 May 2019 is before the meeting of 5 Nov 2021 that gave the instruction.');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('extension-count')).toHaveText('1');

  // After the meeting (5 Nov 2021) but long past: earlier than now, so no reason and no extension.
  await date.fill('2022-01-10');
  await form.getByRole('button', { name: 'Change the deadline' }).click();
  const confirm = page.getByRole('dialog', { name: 'Deadline in the past' });
  await expect(confirm).toContainText('is in the past — set it anyway?');
  await confirm.getByRole('button', { name: 'Set it anyway' }).click();
  await expect(dialog.getByTestId('current-deadline')).toHaveText('10 Jan 2022');
  await expect(dialog.getByTestId('extension-count')).toHaveText('1');
  expect(pageErrors).toEqual([]);
});

test('resolving is one history entry; reopening marks the final report superseded', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await openCard(page, 3);
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  const finalReport = page.getByRole('dialog', { name: 'Final report' });
  await finalReport.getByLabel('Report').fill('Transit agreement signed.');
  await finalReport.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog.getByTestId('card-status')).toHaveText('Resolved');
  await dialog.getByRole('tab', { name: 'History' }).click();
  const newest = dialog.getByTestId('history').getByRole('listitem').first();
  await expect(newest).toContainText('Status: Assigned → Resolved');
  await expect(newest).toContainText('Final report: Transit agreement signed.');
  await expect(newest).toContainText('On control');

  await dialog.getByRole('button', { name: 'Reopen' }).click();
  const reopen = page.getByRole('dialog', { name: 'Reopen the instruction' });
  await reopen.getByLabel('Reason').fill('The agreement was not ratified.');
  await reopen.getByRole('button', { name: 'Reopen' }).click();
  await expect(dialog.getByTestId('card-status')).toHaveText('In progress');
  await dialog.getByRole('tab', { name: /Reports/ }).click();
  await expect(dialog.getByTestId('report-list').getByRole('listitem').filter({ hasText: 'Transit agreement signed.' })).toContainText('superseded by the reopening');
  expect(pageErrors).toEqual([]);
});

test('every card carries its control number, and typing it finds the card; the number is edited with its uniqueness checked', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const numbers = await page.getByTestId('card').locator('.card-number').allTextContents();
  expect(new Set(numbers).size).toBe(numbers.length);
  const search = page.getByRole('searchbox', { name: 'Search' });
  for (const typed of ['No. DEMO-2021-11-05/3', '№ DEMO-2021-11-05/3']) {
    await search.fill(typed);
    await expect(page.getByTestId('search-summary')).toHaveText('1 instruction found');
    await expect(cardByNumber(page, 3)).toBeVisible();
  }
  await search.fill('');

  const dialog = await openCard(page, 3);
  const control = dialog.getByLabel('Control number');
  await control.fill('DEMO-2021-11-05/2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('errors')).toContainText('No. DEMO-2021-11-05/2 is already the control number of');
  await dialog.getByLabel('Control number').fill('12/3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('heading', { name: /No\. 12\/3 · / })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await search.fill('No. 12/3');
  await expect(page.getByTestId('search-summary')).toHaveText('1 instruction found');
  expect(pageErrors).toEqual([]);
});

test('the control number pattern is set in Settings: a pattern it cannot use is refused beside the field, new instructions follow a good one', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Control numbers' });
  const pattern = section.getByRole('textbox', { name: 'Pattern of new control numbers' });
  await expect(pattern).toHaveValue('{protocol}/{item}');
  await pattern.fill('{date}-{item}');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('alert')).toHaveText('The control number pattern “{date}-{item}” may use only {protocol}, {item}, {year} and {n}.');
  await expect(pattern).toHaveAttribute('aria-invalid', 'true');
  await pattern.fill('K-{year}/{item}');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('notices')).toContainText('New instructions get numbers by the pattern K-{year}/{item}.');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('button', { name: 'New instruction' }).click();
  const dialog = page.getByRole('dialog', { name: 'New instruction' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Agree the winter electricity balance');
  await dialog.getByRole('combobox', { name: 'Meeting' }).selectOption({ label: 'Meeting of the heads of government of Kyrgyzstan and Kazakhstan (demo)' });
  await dialog.getByRole('textbox', { name: 'Item number' }).fill('12');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('card').filter({ hasText: 'Agree the winter electricity balance' }).locator('.card-number')).toHaveText('No. K-2021/12');
  // Numbers already given stay as they were.
  await expect(cardByNumber(page, 3).locator('.card-number')).toHaveText('No. DEMO-2021-11-05/3');
  expect(pageErrors).toEqual([]);
});
