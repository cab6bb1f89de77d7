// Working days as a user meets them: a day off added in Settings moves a deadline typed on it to the
// previous working day, «in 10 working days» lands on the right date, a monthly instruction shows its
// current period's due date and its periods, and an overdue card counts working and calendar days.
// Every expected date is reckoned here with db/calendars, never written by hand.
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, openWithDemo } from './fixtures';
import type { RunningApp } from '../support/server';
import type { InstructionDetail } from '../../db/model';
import { addWorkingDays, adjustDeadline, builtInCalendar, isWorkingDay, overdue, previousWorkingDay, withEdits, type Calendar } from '../../db/calendars';
import { countryCodeOf } from '../../db/working-calendar';
import { addDays } from '../../db/dates';
import { formatDate } from '../../renderer/src/common/format';

async function call<T>(request: APIRequestContext, app: RunningApp, channel: string, data: unknown): Promise<T> {
  const answer = (await (await request.post(`${app.url}api/${channel}`, { data, headers: { 'x-ministry-token': app.token } })).json()) as { ok: boolean; value: T };
  expect(answer.ok, channel).toBe(true);
  return answer.value;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Today as the app reckons it: the local date of this machine. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function firstOfNextMonth(): string {
  const [y, m] = today().split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** A working day of next month whose day before is also a working day: where a day off is added. */
function dayToTakeOff(cal: Calendar): string {
  let d = addDays(firstOfNextMonth(), 9);
  while (!(value(isWorkingDay(cal, d)) && value(isWorkingDay(cal, addDays(d, -1))))) d = addDays(d, 1);
  return d;
}

async function newInstruction(page: Page, title: string) {
  await page.getByRole('button', { name: 'New instruction' }).click();
  const dialog = page.getByRole('dialog', { name: 'New instruction' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  return dialog;
}

async function openCard(page: Page, title: string) {
  await page.getByTestId('card').filter({ hasText: title }).getByRole('button', { name: /^Open/ }).click();
  const dialog = page.getByTestId('card-dialog');
  await expect(dialog.getByTestId('card-status')).toBeVisible();
  return dialog;
}

test('a day off added in Settings moves a deadline typed on it to the previous working day, said beside the field and kept on the card', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const kg = builtInCalendar('KG');
  const off = dayToTakeOff(kg);
  const edited = value(withEdits(kg, { nonWorking: { add: [{ date: off, label: 'Regional holiday' }], remove: [] }, workingDays: { add: [], remove: [] } }));
  const moved = value(previousWorkingDay(edited, off));

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Working days' });
  await expect(settings.getByRole('combobox', { name: 'Calendar of organizations without a country' })).toHaveValue('KG');
  await settings.getByRole('combobox', { name: 'Year', exact: true }).or(settings.getByRole('spinbutton', { name: 'Year' })).fill(off.slice(0, 4));
  const change = settings.getByRole('form', { name: 'Change a day' });
  await change.getByRole('combobox', { name: 'Change' }).selectOption({ label: 'Add a day off' });
  await change.getByLabel('Date').fill(off);
  await change.getByRole('textbox', { name: 'Name of the day' }).fill('Regional holiday');
  await change.getByRole('button', { name: 'Apply' }).click();
  await expect(settings.getByRole('row', { name: new RegExp(`${formatDate(off, 'en')}.*Day off \\(added here\\).*Regional holiday`) })).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Board', exact: true }).click();
  const dialog = await newInstruction(page, 'Hold the regional water council');
  await dialog.getByRole('combobox', { name: 'Lead organization' }).selectOption({ label: 'Ministry of Energy of the Kyrgyz Republic' });
  await dialog.getByRole('textbox', { name: 'Deadline', exact: true }).fill(off);
  await expect(dialog.getByRole('status').filter({ hasText: 'the deadline is' })).toHaveText(`${formatDate(off, 'en')} is a day off (Regional holiday): the deadline is ${formatDate(moved, 'en')}.`);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);

  const card = page.getByTestId('card').filter({ hasText: 'Hold the regional water council' });
  await expect(card).toContainText(`Due ${formatDate(moved, 'en')}`);
  const opened = await openCard(page, 'Hold the regional water council');
  await opened.getByRole('tab', { name: /Deadline/ }).click();
  await expect(opened.getByTestId('current-deadline')).toHaveText(formatDate(moved, 'en'));
  expect(pageErrors).toEqual([]);
});

test('«in 10 working days» from the meeting date sets the tenth working day after it', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const meetings = await call<{ id: string; title: string; heldOn: string | null }[]>(request, app, 'meetings.list', {});
  const meeting = meetings.find((m) => m.heldOn)!;
  const expected = value(addWorkingDays(builtInCalendar('KG'), meeting.heldOn!, 10));

  const dialog = await newInstruction(page, 'Prepare the draft agreement on transit');
  await dialog.getByRole('combobox', { name: 'Meeting' }).selectOption({ value: meeting.id });
  await dialog.getByRole('combobox', { name: 'Lead organization' }).selectOption({ label: 'Ministry of Energy of the Kyrgyz Republic' });
  await dialog.getByRole('spinbutton', { name: 'In working days' }).fill('10');
  await dialog.getByRole('button', { name: `Set the deadline 10 working days from ${formatDate(meeting.heldOn!, 'en')}` }).click();
  await expect(dialog.getByRole('textbox', { name: 'Deadline', exact: true })).toHaveValue(formatDate(expected, 'en'));
  await dialog.getByRole('button', { name: 'Create' }).click();
  // The demo's meeting is long past: the app asks before setting a deadline in the past.
  await page.getByRole('dialog', { name: 'Deadline in the past' }).getByRole('button', { name: 'Set it anyway' }).click();
  await expect(dialog).toHaveCount(0);
  const opened = await openCard(page, 'Prepare the draft agreement on transit');
  await opened.getByRole('tab', { name: /Deadline/ }).click();
  await expect(opened.getByTestId('current-deadline')).toHaveText(formatDate(expected, 'en'));
  expect(pageErrors).toEqual([]);
});

test('a monthly instruction shows the current period’s due date on its card and lists its periods', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await newInstruction(page, 'Report monthly on electricity imports');
  await dialog.getByRole('combobox', { name: 'Lead organization' }).selectOption({ label: 'Ministry of Energy of the Kyrgyz Republic' });
  await dialog.getByRole('combobox', { name: 'Repeats' }).selectOption({ label: 'Monthly, by day N of the next month' });
  await dialog.getByRole('spinbutton', { name: 'Day of the month' }).fill('10');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);

  // This month's report is due by the 10th of the next month, moved off a day off.
  const due = value(adjustDeadline(builtInCalendar('KG'), addDays(firstOfNextMonth(), 9), { moveOffNonWorking: true })).date;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [year, month] = today().split('-').map(Number) as [number, number];
  const card = page.getByTestId('card').filter({ hasText: 'Report monthly on electricity imports' });
  await expect(card).toContainText(`Due ${formatDate(due, 'en')}`);
  await expect(card).toContainText(`Period 1 · ${months[month - 1]} ${year} report due ${formatDate(due, 'en')}`);

  const opened = await openCard(page, 'Report monthly on electricity imports');
  await opened.getByRole('tab', { name: /Deadline/ }).click();
  const periods = opened.getByRole('table', { name: 'Periods' });
  await expect(periods.getByRole('row').nth(1)).toContainText(`${months[month - 1]} ${year}`);
  await expect(periods.getByRole('row').nth(1)).toContainText(formatDate(due, 'en'));
  await expect(periods.getByRole('row').nth(1)).toContainText('open');
  // The periods ahead follow, month by month.
  await expect(periods.getByRole('row').nth(2)).toContainText(`${months[month % 12]} ${month === 12 ? year + 1 : year}`);
  await expect(periods.getByRole('row').nth(2)).toContainText('open');
  expect(pageErrors).toEqual([]);
});

test('an overdue instruction says on its card how many working and calendar days it is overdue', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const boards = await call<{ id: string; builtin: string | null }[]>(request, app, 'boards.list', {});
  const view = await call<{ columns: { cards: { id: string; title: string; overdue: boolean }[] }[] }>(request, app, 'boards.view', { boardId: boards.find((b) => b.builtin === 'control')!.id });
  const late = view.columns.flatMap((c) => c.cards).find((c) => c.overdue)!;
  const detail = await call<InstructionDetail>(request, app, 'instructions.get', { id: late.id });
  const orgs = await call<{ id: string; country: string | null }[]>(request, app, 'organizations.list', {});
  const country = countryCodeOf(orgs.find((o) => o.id === detail.instruction.leadOrgId)?.country) ?? 'KG';
  const counted = value(overdue(builtInCalendar(country), detail.instruction.dueDate!, today()));

  const said = `Overdue ${counted.workingDays} working / ${counted.calendarDays} calendar days`;
  const card = page.getByTestId('card').filter({ hasText: late.title });
  await expect(card.locator('.deadline-flag')).toHaveText(said);
  const opened = await openCard(page, late.title);
  await expect(opened.locator('.deadline-flag')).toHaveText(said);
  expect(pageErrors).toEqual([]);
});

test('the directory: a country chosen from a list, another country kept as written, and the calendar each organization follows', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Organizations and people' }).click();
  const table = page.getByTestId('organizations-table');
  await expect(table.getByRole('row', { name: /Government of the Republic of Kazakhstan/ })).toContainText('Kazakhstan');

  await page.getByRole('button', { name: 'New organization' }).click();
  const dialog = page.getByTestId('organization-dialog');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Ministry of Energy of Uzbekistan');
  const country = dialog.getByRole('combobox', { name: 'Country' });
  await expect(country.getByRole('option')).toHaveText(['Not set', 'Kyrgyzstan', 'Kazakhstan', 'Other country…']);
  await country.selectOption({ label: 'Kazakhstan' });
  await expect(dialog.getByRole('status')).toHaveText('Deadlines follow the working days of Kazakhstan.');
  await country.selectOption({ label: 'Other country…' });
  await dialog.getByRole('textbox', { name: 'Country, as written' }).fill('Uzbekistan');
  await expect(dialog.getByRole('status')).toHaveText('No calendar for this country: deadlines follow the default calendar, Kyrgyzstan (Settings → Working days).');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const row = table.getByRole('row', { name: /Ministry of Energy of Uzbekistan/ });
  await expect(row.getByRole('cell')).toContainText(['Ministry of Energy of Uzbekistan', '—', 'Uzbekistan', 'Kyrgyzstan (the default: no country with a calendar)']);

  // Reopened, the country written is kept; choosing Kazakhstan makes its deadlines follow Kazakhstan's calendar.
  await page.getByRole('button', { name: 'Edit Ministry of Energy of Uzbekistan' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Country' })).toHaveValue('other');
  await expect(dialog.getByRole('textbox', { name: 'Country, as written' })).toHaveValue('Uzbekistan');
  await dialog.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'Kazakhstan' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByRole('cell')).toContainText(['Ministry of Energy of Uzbekistan', '—', 'Kazakhstan', 'Kazakhstan']);
  expect(pageErrors).toEqual([]);
});
