// Attachments in browser mode: a scan attached to an instruction in its card is listed with its
// name and size, downloads under its own (Cyrillic) name with the same bytes, and is removed after
// a question; a file over 50 MB is refused before it is sent; the meeting takes its own attachments.
import fs from 'node:fs';
import { test, expect, openWithDemo } from './fixtures';

const OLD_TITLE = 'Take part in the meeting of the SCO Council';

test('an attachment added to an instruction is listed, downloaded byte for byte and removed', async ({ page, app, pageErrors }, testInfo) => {
  await openWithDemo(page, app);
  await page.getByTestId('card').filter({ hasText: OLD_TITLE }).getByRole('button', { name: /^Open/ }).click();
  const dialog = page.getByTestId('card-dialog');
  await dialog.getByRole('tab', { name: 'Attachments (0)' }).click();
  const panel = dialog.getByTestId('attachments-instruction');
  await expect(panel).toContainText('No files attached.');

  const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300 * 1024, 0x41), Buffer.from('\n%%EOF\n')]);
  await panel.getByLabel('Attach a file…').setInputFiles({ name: 'Протокол №12 от 5 ноября.pdf', mimeType: 'application/pdf', buffer: scan });
  await expect(page.getByTestId('notices')).toContainText('“Протокол №12 от 5 ноября.pdf” attached.');
  const row = panel.getByRole('listitem').filter({ hasText: 'Протокол №12 от 5 ноября.pdf' });
  await expect(row).toContainText(/300(\.\d)? kB · added .* by /);
  await expect(dialog.getByRole('tab', { name: 'Attachments (1)' })).toBeVisible();

  const waiting = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Download Протокол №12 от 5 ноября.pdf' }).click();
  const download = await waiting;
  expect(download.suggestedFilename()).toBe('Протокол №12 от 5 ноября.pdf');
  expect(fs.readFileSync(await download.path()).equals(scan)).toBe(true);

  // A file over 50 MB is refused on the page, before a byte is sent.
  const big = testInfo.outputPath('scan-51mb.tif');
  fs.writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 1));
  await panel.getByLabel('Attach a file…').setInputFiles(big);
  await expect(panel.getByRole('alert')).toHaveText('“scan-51mb.tif” is too large (51 MB) to attach: the limit is 50 MB. Nothing was sent.');
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  fs.rmSync(big);

  page.once('dialog', (question) => {
    expect(question.message()).toContain('Remove the attachment “Протокол №12 от 5 ноября.pdf”?');
    void question.accept();
  });
  await row.getByRole('button', { name: 'Remove Протокол №12 от 5 ноября.pdf' }).click();
  await expect(panel).toContainText('No files attached.');
  await expect(dialog.getByRole('tab', { name: 'Attachments (0)' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('a meeting takes its own attachments', async ({ page, app }) => {
  await openWithDemo(page, app);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: /^Edit / }).first().click();
  const dialog = page.getByTestId('meeting-dialog');
  const panel = dialog.getByTestId('attachments-meeting');
  await expect(panel.getByRole('heading', { name: 'Attachments of the meeting' })).toBeVisible();
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);
  await panel.getByLabel('Attach a file…').setInputFiles({ name: 'scan-page-1.png', mimeType: 'image/png', buffer: png });
  await expect(panel.getByRole('listitem').filter({ hasText: 'scan-page-1.png' })).toContainText('2 kB');

  // Closed and opened again, the meeting still lists it.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: /^Edit / }).first().click();
  await expect(page.getByTestId('meeting-dialog').getByTestId('attachments-meeting').getByRole('listitem')).toHaveText([/scan-page-1\.png/]);
});
