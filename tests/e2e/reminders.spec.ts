// Reminders in browser mode on the demo (its deadlines are set relative to the day it is loaded):
// the day's digest once per day, the Due panel's groups per lead organization, a row opening the
// card, and the reminder letter downloaded from the panel and from the directory and read back.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { giveProfile } from '../support/journeys';
import { docxParts } from '../support/readers';
import { addDays, daysBetween, localIsoDate } from '../../db/dates';
import { adjustDeadline, builtInCalendar } from '../../db/calendars';
import { weekEndOf } from '../../db/reminders';

const EN_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const enDate = (iso: string) => EN_DATE.format(new Date(`${iso}T00:00:00Z`));

/** A demo deadline `n` days from today, moved off a day off as the app moves it (the demo's ministries follow Kyrgyzstan's calendar). */
function demoDue(today: string, n: number): string {
  const moved = adjustDeadline(builtInCalendar('KG'), addDays(today, n), { moveOffNonWorking: true });
  return moved.ok ? moved.value.date : addDays(today, n);
}

const ENERGY = 'Ministry of Energy of the Kyrgyz Republic';
const CULTURE = 'Ministry of Culture, Information, Sports and Youth Policy of the Kyrgyz Republic (Department of Tourism)';

/** Reloads and answers what the store said of the day's digest on that load. */
async function reloadForDigest(page: Page): Promise<{ show: boolean }> {
  const answer = page.waitForResponse((r) => r.url().includes('/api/reminders.digest'));
  await page.reload();
  const body = (await (await answer).json()) as { ok: boolean; value: { show: boolean } };
  return body.value;
}

async function downloadLetter(page: Page): Promise<{ name: string; text: string; lines: string[] }> {
  const dialog = page.getByTestId('letter-dialog');
  const waiting = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'DOCX' }).click();
  const download = await waiting;
  const { text } = await docxParts(fs.readFileSync(await download.path()));
  await expect(dialog.getByText(`Downloaded: ${download.suggestedFilename()}`)).toBeVisible();
  return { name: download.suggestedFilename(), text, lines: text.split('\n') };
}

test('the digest once a day, the Due panel per organization, a row opens its card, and the reminder letter', async ({ page, app, pageErrors }) => {
  const today = localIsoDate(new Date());
  await page.goto(app.openUrl);
  await giveProfile(page);
  await page.getByRole('button', { name: /Load the demo/ }).click();
  await expect(page.getByTestId('card').first()).toBeVisible();

  // The first session after the demo was loaded shows no digest; the next one of the day does, once.
  expect(await reloadForDigest(page)).toEqual(expect.objectContaining({ show: true }));
  const digest = page.getByRole('region', { name: `Today’s control, ${enDate(today)}` });
  await expect(digest).toBeVisible();
  await expect(digest).toContainText('Overdue: 2');
  await expect(digest).toContainText('Due today: 0');
  // The demo's "in 2 days" falls in this week unless the week ends sooner.
  const inTwoDays = demoDue(today, 2);
  const resortsDue = demoDue(today, -3);
  const supplyDue = demoDue(today, -6);
  const thisWeek = inTwoDays <= weekEndOf(today) ? 1 : 0;
  await expect(digest).toContainText(`Later this week: ${thisWeek}`);
  await digest.getByRole('button', { name: 'Open the Due panel' }).click();
  await expect(digest).toBeHidden();

  // The Due panel: overdue per lead organization (by name), with working and calendar days.
  await expect(page.getByRole('heading', { level: 2, name: 'Due and overdue' })).toBeVisible();
  const overdue = page.getByTestId('due-overdue');
  await expect(overdue.getByRole('heading', { level: 3 })).toHaveText('Overdue: 2');
  await expect(overdue.getByRole('heading', { level: 4 })).toHaveText([CULTURE, ENERGY]);
  const resorts = overdue.getByRole('button', { name: /Functioning of Kazakhstani resorts in the Issyk-Kul region/ });
  await expect(resorts).toContainText(`deadline ${enDate(resortsDue)}`);
  await expect(resorts).toContainText(new RegExp(`overdue \\d+ working days \\(${daysBetween(resortsDue, today)} calendar days\\)`));
  await expect(overdue.getByRole('button', { name: /Work out the supply of electricity from Kazakhstan/ })).toContainText(
    new RegExp(`overdue \\d+ working days \\(${daysBetween(supplyDue, today)} calendar days\\)`),
  );
  await expect(page.getByTestId('due-today').getByRole('heading', { level: 3 })).toHaveText('Due today: 0');
  await expect(page.getByTestId('due-today')).toContainText('Nothing here.');
  const transit = page.getByRole('button', { name: /Work out the transit of electricity through the territory of Kazakhstan/ });
  await expect(page.getByTestId(thisWeek ? 'due-thisWeek' : 'due-nextWeek').getByRole('heading', { level: 4 })).toContainText([ENERGY]);
  await expect(transit).toContainText(`deadline ${enDate(inTwoDays)}`);

  // A row opens its card.
  await resorts.click();
  const card = page.getByTestId('card-dialog');
  await expect(card.getByRole('heading', { name: /Functioning of Kazakhstani resorts/ })).toBeVisible();
  await card.getByRole('button', { name: 'Close' }).first().click();
  await expect(card).toBeHidden();

  // The reminder letter to the Ministry of Energy, in one step from the panel.
  await overdue.getByRole('button', { name: `Reminder letter to ${ENERGY}` }).click();
  const letter = page.getByTestId('letter-dialog');
  await expect(letter.getByText('Instructions listed: 2')).toBeVisible();
  await letter.getByRole('textbox', { name: 'Outgoing number' }).fill('01-12/345');
  await letter.getByRole('textbox', { name: 'Addressed to (the head)' }).fill('To the Minister of Energy');
  const docx = await downloadLetter(page);
  expect(docx.name).toBe(`Reminder ${ENERGY} ${today}.docx`);
  expect(docx.lines.slice(0, 4)).toEqual([`Ref. No. 01-12/345 of ${enDate(today)}`, ENERGY, 'To the Minister of Energy', 'Reminder']);
  const table = docx.lines.indexOf('Overdue, calendar days');
  expect(docx.lines.slice(table + 1, table + 13)).toEqual([
    '1',
    'DEMO-2021-11-05/2',
    'Work out the supply of electricity from Kazakhstan',
    enDate(supplyDue),
    expect.stringMatching(/^\d+$/),
    String(daysBetween(supplyDue, today)),
    '2',
    'DEMO-2021-11-05/3',
    'Work out the transit of electricity through the territory of Kazakhstan',
    enDate(inTwoDays),
    '—',
    '—',
  ]);
  expect(docx.text).toContain('Performed by: Aigerim Sadykova, Tel. +996 312 62 00 00');
  await letter.getByRole('button', { name: 'Close' }).first().click();

  // The same letter from the organization's row in the directory.
  await page.getByRole('button', { name: 'Organizations and people' }).click();
  await page.getByRole('button', { name: `Reminder letter to ${CULTURE}` }).click();
  await expect(page.getByTestId('letter-dialog').getByText('Instructions listed: 1')).toBeVisible();
  const fromDirectory = await downloadLetter(page);
  expect(fromDirectory.lines[0]).toBe(`Ref. No. ________ of ${enDate(today)}`);
  expect(fromDirectory.text).toContain('Functioning of Kazakhstani resorts in the Issyk-Kul region');
  expect(fromDirectory.text).not.toContain('Work out the supply of electricity');

  // Reloaded the same day: no digest again.
  expect(await reloadForDigest(page)).toEqual(expect.objectContaining({ show: false }));
  await expect(page.getByTestId('card').first()).toBeVisible();
  await expect(page.getByTestId('digest')).toHaveCount(0);
  // As in officials.spec.ts: Chromium reports a blocked script in the sandboxed srcdoc frame the
  // letter's preview is shown in (the letter has no script); that message alone is set aside.
  const blocked = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;
  expect(pageErrors.filter((e) => !blocked.test(e))).toEqual([]);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !blocked.test(e)));
});

test('an instruction’s reminders: its own policy (a bad one refused beside the field) and a snooze, kept across a reload', async ({ page, app, pageErrors }) => {
  await page.goto(app.openUrl);
  await giveProfile(page);
  await page.getByRole('button', { name: /Load the demo/ }).click();
  await page.getByRole('button', { name: 'Due', exact: true }).click();
  await page.getByRole('button', { name: /Functioning of Kazakhstani resorts/ }).click();
  const card = page.getByTestId('card-dialog');
  await card.getByRole('tab', { name: /^Deadline/ }).click();
  const reminders = card.getByTestId('card-reminders');
  await expect(reminders.getByRole('radio', { name: 'As set for all instructions' })).toBeChecked();
  await reminders.getByRole('radio', { name: 'Its own' }).check();
  await reminders.getByRole('textbox', { name: 'Working days before the deadline' }).fill('10, 0');
  await expect(reminders.getByText('“0” is not a whole number from 1 to 60.')).toBeVisible();
  await expect(reminders.getByRole('button', { name: 'Save' })).toBeDisabled();
  await reminders.getByRole('textbox', { name: 'Working days before the deadline' }).fill('10, 2');
  await reminders.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The instruction’s reminders are saved.')).toBeAttached();
  await reminders.getByRole('spinbutton', { name: 'Snooze for (working days)' }).fill('2');
  await reminders.getByRole('button', { name: 'Snooze', exact: true }).click();
  await expect(reminders.getByText(/^Snoozed until /)).toBeVisible();

  await page.reload();
  await page.getByRole('button', { name: 'Due', exact: true }).click();
  const row = page.getByRole('button', { name: /Functioning of Kazakhstani resorts/ });
  await expect(row).toContainText('reminders snoozed until');
  await row.click();
  await card.getByRole('tab', { name: /^Deadline/ }).click();
  await expect(reminders.getByRole('radio', { name: 'Its own' })).toBeChecked();
  await expect(reminders.getByRole('textbox', { name: 'Working days before the deadline' })).toHaveValue('10, 2');
  await reminders.getByRole('button', { name: 'End the snooze' }).click();
  await expect(reminders.getByText(/^Snoozed until /)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
