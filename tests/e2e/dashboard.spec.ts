// The execution-discipline dashboard (issue 11) as the official uses it: the figures as a chart
// and a table, a figure or a bar opening the board searched to exactly those instructions, the
// справка downloaded in every format and read back, and the calendar of deadlines where dragging
// a card (or its "Move deadline" button) asks for the reason and changes the deadline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, openWithDemo } from './fixtures';
import type { RunningApp } from '../support/server';
import { docxParts, launchChromium, parseCsv, pdfText, printToPdf } from '../support/readers';
import { builtInCalendar, isWorkingDay } from '../../db/calendars';

// The sandboxed report frames refuse trace snapshots' scripts (see reports.spec.ts).
test.use({ trace: 'off', viewport: { width: 1400, height: 1000 } });

const ENERGY = 'Ministry of Energy of the Kyrgyz Republic';

async function call<T>(request: APIRequestContext, app: RunningApp, channel: string, data: unknown): Promise<T> {
  const response = await request.post(`${app.url}api/${channel}`, { data, headers: { 'x-ministry-token': app.token } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.value;
}

function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function daysFromNow(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return iso(d);
}

/** The dashboard over the demo's deadlines: two months either side of today, by deadline in force. */
async function openDashboard(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Dashboard' }).click();
  await page.getByLabel('From', { exact: true }).fill(daysFromNow(-60));
  await page.getByLabel('From', { exact: true }).press('Tab');
  await page.getByLabel('To', { exact: true }).fill(daysFromNow(60));
  await page.getByLabel('To', { exact: true }).press('Tab');
  const table = page.getByTestId('discipline-table');
  await expect(table).toBeVisible();
  return table;
}

test('the dashboard shows the figures as a chart and a table; a figure and a bar open exactly those cards on the board', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const table = await openDashboard(page);
  await expect(page.getByTestId('discipline-chart').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('discipline-chart')).toHaveAttribute('role', 'img');
  await expect(page.getByTestId('discipline-chart')).toHaveAttribute('aria-label', /resolved on time, resolved late and overdue now/);
  await expect(page.getByTestId('trend-chart').locator('canvas')).toHaveCount(1);

  // The table says what the store counts.
  const figures = await call<{ organizations: { name: string | null; overdue: number; instructions: number }[]; total: { overdue: number } }>(request, app, 'discipline.figures', {
    from: daysFromNow(-60),
    to: daysFromNow(60),
    basis: 'deadline',
  });
  const energy = figures.organizations.find((o) => o.name === ENERGY)!;
  expect(energy.overdue).toBe(1);
  const row = table.getByRole('row', { name: new RegExp(`^${ENERGY}`) });
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
  await expect(table.locator('tfoot')).toContainText(String(figures.total.overdue));

  // A figure in the table: the board, searched to this ministry's overdue instructions.
  await row.getByRole('button', { name: `Show on the board: ${ENERGY}, Overdue now: 1` }).click();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(new RegExp(`org:"${ENERGY}" due:>=\\S+ due:<=\\S+ overdue:yes`));
  await expect(page.getByTestId('card')).toHaveCount(1);
  await expect(page.getByTestId('card')).toContainText('Work out the supply of electricity from Kazakhstan');

  // All the overdue ones, from the total row.
  await openDashboard(page);
  await page.getByTestId('discipline-table').locator('tfoot').getByRole('button', { name: /Overdue now/ }).click();
  await expect(page.getByTestId('card')).toHaveCount(figures.total.overdue);
  for (const card of await page.getByTestId('card').all()) await expect(card.locator('.deadline-flag')).toContainText('Overdue');

  // A bar of the chart: the categories are the named organizations in the table's order.
  await openDashboard(page);
  const named = figures.organizations.filter((o) => o.name !== null);
  const index = named.findIndex((o) => o.name === ENERGY);
  const chart = page.getByTestId('discipline-chart');
  const box = (await chart.boundingBox())!;
  // The plot spans the chart's width less the axis labels; each organization has an equal band.
  const left = 40;
  const right = 16;
  const x = box.x + left + ((index + 0.5) / named.length) * (box.width - left - right);
  await page.mouse.click(x, box.y + box.height * 0.6);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(new RegExp(`org:"${ENERGY}" .*overdue:yes`));
  await expect(page.getByTestId('card')).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});

test('the discipline report is downloaded from the dashboard in every format and read back', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  await openDashboard(page);
  await page.getByRole('button', { name: 'Discipline report…' }).click();
  const dialog = page.getByTestId('reports-dialog');
  await expect(dialog.getByRole('radio', { name: /Execution discipline report/ })).toBeChecked();
  await expect(dialog.getByLabel('From', { exact: true })).toHaveValue(/\d/);
  await expect(page.frameLocator('iframe[data-testid=report-preview]').locator('h1')).toHaveText('Report on execution discipline');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-discipline-e2e-'));
  const download = async (format: RegExp) => {
    await dialog.getByRole('radio', { name: format }).check();
    const waiting = page.waitForEvent('download');
    await dialog.getByRole('button', { name: /^Download / }).click();
    const done = await waiting;
    const file = path.join(dir, done.suggestedFilename());
    await done.saveAs(file);
    await expect(dialog.getByTestId('report-notice')).toContainText(done.suggestedFilename());
    return file;
  };
  const browser = await launchChromium();
  try {
    const csv = await download(/^CSV$/);
    expect(path.basename(csv)).toMatch(/^execution-discipline-\d{4}-\d{2}-\d{2}\.csv$/);
    const { records } = parseCsv(fs.readFileSync(csv));
    expect(records[0]?.slice(0, 5)).toEqual(['Lead organization', 'Instructions', 'Resolved on time', 'Resolved late', 'Overdue now']);
    expect(records.find((r) => r[0] === ENERGY)?.[4]).toBe('1');
    expect(records[records.length - 1]?.[0]).toBe('Total');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download(/^Excel/));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['By organization', 'By month', 'Most overdue']);

    const { text } = await docxParts(fs.readFileSync(await download(/Word/)));
    expect(text).toContain('Report on execution discipline');
    expect(text).toContain('The ten most overdue instructions');
    expect(text).toContain('Work out the supply of electricity from Kazakhstan');
    expect(text).toContain('Aigerim Sadykova');

    // PDF: in browser mode the print document, printed by Chromium as the desktop app's printToPDF does.
    await dialog.getByRole('button', { name: 'Print…' }).click();
    const frame = page.locator('iframe[data-testid=report-print-frame]');
    await expect(frame).toHaveAttribute('srcdoc', /Report on execution discipline/);
    const { pdf, console } = await printToPdf(browser, (await frame.getAttribute('srcdoc')) as string, dir);
    expect(console).toEqual([]);
    fs.writeFileSync(path.join(dir, 'discipline.pdf'), pdf);
    const flat = pdfText(path.join(dir, 'discipline.pdf')).replace(/\s+/g, ' ');
    expect(flat).toContain('Report on execution discipline');
    expect(flat).toContain(ENERGY);
    expect(flat).toContain('Aigerim Sadykova');
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // The same report from the header's Reports dialog.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Reports' }).click();
  await page.getByTestId('reports-dialog').getByRole('radio', { name: /Execution discipline report/ }).check();
  await expect(page.frameLocator('iframe[data-testid=report-preview]').locator('h1')).toHaveText('Report on execution discipline');
  expect(pageErrors).toEqual([]);
});

test('in the calendar, dragging a card to another day asks for the reason and extends its deadline; so does its Move deadline button', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  // An instruction due on the second Tuesday three months on (a working day in both countries).
  const now = new Date();
  const month = new Date(now.getFullYear(), now.getMonth() + 3, 1);
  const tuesday = new Date(month);
  tuesday.setDate(1 + ((2 - month.getDay() + 7) % 7) + 7);
  // The week moves on while that Tuesday, Thursday or Friday is a day off in the default (Kyrgyz)
  // calendar, so the deadline rule leaves the dates where the test puts them.
  const kg = builtInCalendar('KG');
  const working = (d: Date) => isWorkingDay(kg, iso(d)).ok && (isWorkingDay(kg, iso(d)) as { value: boolean }).value;
  const plus = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
  while (!working(tuesday) || !working(plus(tuesday, 2)) || !working(plus(tuesday, 3))) tuesday.setDate(tuesday.getDate() + 7);
  const due = iso(tuesday);
  const thursday = iso(new Date(tuesday.getFullYear(), tuesday.getMonth(), tuesday.getDate() + 2));
  const friday = iso(new Date(tuesday.getFullYear(), tuesday.getMonth(), tuesday.getDate() + 3));
  const meeting = await call<{ id: string }>(request, app, 'meetings.create', { title: 'Calendar check', heldOn: iso(now) });
  const item = await call<{ id: string }>(request, app, 'instructions.create', { title: 'Open the Karkyra checkpoint all year', meetingId: meeting.id, dueDate: due });

  await page.getByRole('navigation').getByRole('button', { name: 'Deadlines calendar' }).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next month ›' }).click();
  const card = page.getByTestId('calendar-card').filter({ hasText: 'Open the Karkyra checkpoint all year' });
  const day = (d: string) => page.locator(`[data-day="${d}"]`);
  await expect(day(due).getByTestId('calendar-card')).toContainText('Open the Karkyra checkpoint all year');

  await card.dragTo(day(thursday));
  const dialog = page.getByRole('dialog', { name: 'Change the deadline' });
  await expect(dialog).toContainText('A later deadline is an extension: give the reason.');
  await expect(dialog.getByRole('button', { name: 'Change the deadline' })).toBeDisabled();
  await dialog.getByLabel('Reason').fill('The border service asked for two more days');
  await dialog.getByRole('button', { name: 'Change the deadline' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(day(thursday).getByTestId('calendar-card')).toContainText('Open the Karkyra checkpoint all year');
  await expect(day(due).getByTestId('calendar-card')).toHaveCount(0);
  let detail = await call<{ instruction: { dueDate: string }; extensions: { reason: string }[] }>(request, app, 'instructions.get', { id: item.id });
  expect(detail.instruction.dueDate).toBe(thursday);
  expect(detail.extensions.map((e) => e.reason)).toEqual(['The border service asked for two more days']);

  // The keyboard's way: the card's own button, a date typed, the reason.
  await card.getByRole('button', { name: 'Move the deadline of Open the Karkyra checkpoint all year' }).focus();
  await page.keyboard.press('Enter');
  await dialog.getByLabel('New deadline').fill(friday);
  await dialog.getByLabel('Reason').fill('Agreed with the ministry');
  await dialog.getByLabel('Reason').press('Tab');
  await dialog.getByRole('button', { name: 'Change the deadline' }).click();
  await expect(day(friday).getByTestId('calendar-card')).toContainText('Open the Karkyra checkpoint all year');
  detail = await call(request, app, 'instructions.get', { id: item.id });
  expect(detail.instruction.dueDate).toBe(friday);
  expect(detail.extensions).toHaveLength(2);
  expect(pageErrors).toEqual([]);
});
