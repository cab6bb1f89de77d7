// A protocol opened as a file from "New meeting from text", in Chromium against browser mode: the
// DOCX is uploaded, its items reviewed with their numbers, leads, co-executors and deadlines, and
// committed onto the meeting's board; a broken file is refused, and a scan is told apart and kept
// with a new meeting as its attachment.
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openWithDemo } from './fixtures';
import { PROTOCOL_FIXTURES } from '../support/protocols';

async function openReadout(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('menuitem', { name: /New meeting from text/ }).click();
  return page.getByRole('dialog', { name: 'New meeting from text' });
}

const fileControl = (dialog: Locator) => dialog.getByLabel(/^File/);

test('a protocol DOCX opened from the intake screen becomes a meeting with its items on the board', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await openReadout(page);
  await expect(dialog.getByRole('heading', { name: 'Protocol file' })).toBeVisible();
  await fileControl(dialog).setInputFiles(`${PROTOCOL_FIXTURES}/ru-protocol.docx`);

  await expect(dialog.getByText('Read from ru-protocol.docx.')).toBeVisible();
  await expect(dialog.getByText('7 proposed instructions')).toBeVisible();
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue(/^Протокол совещания у Председателя Кабинета Министров/);
  await expect(dialog.getByLabel('Date')).toHaveValue('15 Feb 2022');
  await expect(dialog.getByLabel('Place')).toHaveValue('Бишкек');
  await expect(dialog.getByLabel('Protocol number')).toHaveValue('12');

  // Each item with its number, its lead (new to this store), co-executors and deadline.
  const candidates = dialog.getByTestId('candidate');
  await expect(candidates).toHaveCount(7);
  await expect(candidates.nth(0).getByText('Item 2.1')).toBeVisible();
  await expect(dialog.getByLabel('Title of instruction 1')).toHaveValue('Обеспечить накопление угля на ТЭЦ г. Бишкек');
  await expect(dialog.getByLabel('Lead organization of instruction 1').locator('option:checked')).toHaveText('Министерство энергетики Кыргызской Республики (new)');
  await expect(dialog.getByLabel('Deadline of instruction 1')).toHaveValue('1 Mar 2022');
  await expect(candidates.nth(0)).toContainText('Official: Иванов И.И.');
  await expect(candidates.nth(0)).toContainText(
    'Co-executors: Министерство экономики и коммерции Кыргызской Республики (new); Министерство финансов Кыргызской Республики (new)',
  );
  await expect(candidates.nth(0)).toContainText('Deadline as written: “в срок до 1 марта 2022 года”');
  await expect(candidates.nth(2).getByText('Item 2.3')).toBeVisible();
  await expect(candidates.nth(2)).toContainText('Repeats every quarter; the first deadline is set.');
  await expect(candidates.nth(2)).toContainText('Reports to: Аппарат Кабинета Министров Кыргызской Республики');
  await expect(dialog.getByLabel('Deadline of instruction 3')).toHaveValue('5 Apr 2022');
  await expect(candidates.nth(3).getByText('Item 3')).toBeVisible();
  await expect(dialog.getByLabel('Lead organization of instruction 4').locator('option:checked')).toHaveText(
    'Министерство транспорта и коммуникаций Кыргызской Республики (new)',
  );
  await expect(candidates.nth(3)).toContainText('Co-executors: Пограничная служба (new)');
  await expect(dialog.getByLabel('Deadline of instruction 6')).toHaveValue('18 Feb 2022');
  await expect(candidates.nth(6).getByText('Item 5.2')).toBeVisible();

  // The official leaves item 5.2 out and commits the rest.
  await dialog.getByLabel('Accept instruction 7').uncheck();
  await dialog.getByRole('button', { name: 'Create the meeting with 6 instructions' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notices')).toContainText('The meeting was created with 6 instructions.');
  await expect(page.getByTestId('board-select').locator('option:checked')).toHaveText(/^Meeting: Протокол совещания у Председателя/);
  await expect(page.locator('[data-column-key="assigned"] .column-count')).toHaveText('6');
  const coal = page.getByTestId('card').filter({ hasText: 'Обеспечить накопление угля на ТЭЦ г. Бишкек' });
  await expect(coal).toContainText('No. 12/2.1');
  // The commit finds the demo's ministry by the Russian name it records, so no second ministry is made.
  await expect(coal.getByRole('note', { name: 'Ministry of Energy of the Kyrgyz Republic' })).toBeVisible();
  await expect(coal).toContainText('1 Mar 2022');
  const checkpoint = page.getByTestId('card').filter({ hasText: 'Проработать вопрос открытия пункта пропуска «Ак-Тилек»' });
  await expect(checkpoint).toContainText('No. 12/3');
  await expect(page.getByTestId('card').filter({ hasText: 'Внести проект постановления' })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a broken file is refused by name; a scan is told apart and kept with a new meeting as its attachment', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const dialog = await openReadout(page);
  await fileControl(dialog).setInputFiles({ name: 'protocol.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a Word document') });
  await expect(dialog.getByRole('alert')).toHaveText(
    '“protocol.docx” is not a Word document that can be read (DOCX): it is damaged, cut short or another kind of file renamed. Nothing was imported.',
  );
  await expect(dialog.getByTestId('chosen-file')).toContainText('protocol.docx');

  await fileControl(dialog).setInputFiles(`${PROTOCOL_FIXTURES}/scan.pdf`);
  await expect(dialog.getByRole('status')).toContainText('“scan.pdf” is a scan: its page holds a picture of the text, not text the app can read.');
  await expect(dialog.getByTestId('candidate')).toHaveCount(0);
  await expect(dialog.getByRole('group', { name: 'Keep the scan with a meeting' })).toBeVisible();
  await expect(dialog.getByLabel('Meeting', { exact: true }).locator('option:checked')).toHaveText('A new meeting');
  await expect(dialog.getByLabel('Title of the new meeting')).toHaveValue('scan');
  await dialog.getByLabel('Title of the new meeting').fill('Протокол № 12 (скан)');
  await dialog.getByLabel('Date of the new meeting').fill('15 Feb 2022');
  await dialog.getByRole('button', { name: 'Keep the scan with the meeting' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notices')).toContainText('“scan.pdf” was kept with the meeting “Протокол № 12 (скан)”.');
  await expect(page.getByTestId('board-select').locator('option:checked')).toHaveText(/^Meeting: Протокол № 12 \(скан\)/);
  // The meeting lists the scan as its attachment, byte for byte.
  const headers = { 'x-ministry-token': app.token };
  const meetings = (await (await request.post(`${app.url}api/meetings.list`, { data: {}, headers })).json()) as { value: { id: string; title: string; heldOn: string }[] };
  const meeting = meetings.value.find((m) => m.title === 'Протокол № 12 (скан)')!;
  expect(meeting.heldOn).toBe('2022-02-15');
  const listed = (await (await request.post(`${app.url}api/attachments.list`, { data: { owner: { kind: 'meeting', id: meeting.id } }, headers })).json()) as {
    value: { fileName: string; size: number }[];
  };
  expect(listed.value.map((a) => [a.fileName, a.size])).toEqual([['scan.pdf', fs.statSync(`${PROTOCOL_FIXTURES}/scan.pdf`).size]]);
  expect(pageErrors).toEqual([]);
});
