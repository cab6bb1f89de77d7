import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openWithDemo } from './fixtures';
import { cardByNumber, column, giveProfile } from '../support/journeys';

const cards = (page: Page) => page.getByTestId('card');

test('a meeting is created, instructions are added to it and its board opens', async ({ page, app, pageErrors }) => {
  await page.goto(app.openUrl);
  await giveProfile(page);
  await page.getByRole('button', { name: /Start empty/ }).click();

  await page.getByRole('button', { name: 'Organizations and people' }).click();
  await page.getByRole('button', { name: 'New organization' }).click();
  const org = page.getByTestId('organization-dialog');
  await org.getByLabel('Name', { exact: true }).fill('Қазақстан Республикасының Энергетика министрлігі');
  await org.getByLabel('Short name', { exact: true }).fill('Энергетика министрлігі');
  await org.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('organizations-table')).toContainText('Энергетика министрлігі');

  await page.getByRole('button', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'New meeting' }).click();
  const meeting = page.getByTestId('meeting-dialog');
  await meeting.getByLabel('Meeting').fill('Совещание по энергетике');
  await meeting.getByLabel('Date').fill('2026-11-20');
  await meeting.getByLabel('Place').fill('Астана');
  await meeting.getByLabel('Protocol No.').fill('14-р');
  await meeting.getByLabel('Participants').fill('Министры энергетики');
  await meeting.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('meetings-table')).toContainText('Совещание по энергетике');

  await page.getByRole('button', { name: 'Add instruction: Совещание по энергетике' }).click();
  const dialog = page.getByTestId('new-instruction-dialog');
  await dialog.getByLabel('Title').fill('Согласовать баланс электроэнергии на зиму');
  await dialog.getByLabel('Lead organization').selectOption({ label: 'Қазақстан Республикасының Энергетика министрлігі' });
  await dialog.getByLabel('Deadline', { exact: true }).fill('2027-01-15');
  await dialog.getByRole('checkbox', { name: 'Energy' }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();

  await page.getByRole('button', { name: 'Open board: Совещание по энергетике' }).click();
  await expect(page.getByTestId('board-select')).toHaveValue(/.+/);
  await expect(page.getByTestId('board-select').locator('option:checked')).toHaveText('Meeting: Совещание по энергетике');
  await expect(cards(page)).toHaveCount(1);
  await expect(column(page, 'assigned')).toContainText('Согласовать баланс электроэнергии на зиму');
  await expect(column(page, 'assigned')).toContainText('Энергетика министрлігі');
  expect(pageErrors).toEqual([]);
});

test('search uses the query language, explains a malformed query and is saved as a board', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const search = page.getByRole('searchbox', { name: 'Search' });

  await search.fill('status:in_progress topic:energy');
  await expect(page.getByTestId('search-summary')).toHaveText('1 instruction found');
  await expect(cardByNumber(page, 2)).toBeVisible();

  await search.fill('электричество OR');
  await search.fill('overdue:yes');
  await expect(page.getByTestId('search-summary')).toHaveText('2 instructions found');

  await search.fill('-org:"Kyrgyz Republic" checkpoints');
  await expect(page.getByTestId('search-summary')).toHaveText('1 instruction found');
  await expect(cardByNumber(page, 8)).toBeVisible();

  await search.fill('colour:red due:<someday');
  const problems = page.getByTestId('query-problems');
  await expect(problems).toContainText('unknown field “colour:”');
  await expect(problems).toContainText('“someday” is not a date');
  await expect(cards(page)).toHaveCount(0);

  await search.fill('topic:energy');
  await expect(page.getByTestId('search-summary')).toHaveText('2 instructions found');
  await page.getByRole('button', { name: 'Save as board' }).click();
  const settings = page.getByTestId('board-settings');
  await expect(settings.getByLabel('Filter (search language)')).toHaveValue('topic:energy');
  await settings.getByLabel('Name').fill('Energy instructions');
  await settings.getByRole('button', { name: 'Create board' }).click();
  await search.fill('');
  await expect(page.getByTestId('board-select').locator('option:checked')).toHaveText('Energy instructions');
  await expect(cards(page)).toHaveCount(2);
  await page.reload();
  await page.getByTestId('board-select').selectOption({ label: 'Energy instructions' });
  await expect(cards(page)).toHaveCount(2);
  expect(pageErrors).toEqual([]);
});

test('boards are created with swimlanes and WIP limits, renamed, duplicated and deleted', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  await page.getByRole('button', { name: 'New board' }).click();
  let settings = page.getByTestId('board-settings');
  await settings.getByLabel('Name').fill('Priorities by topic');
  await settings.getByLabel('Columns by').selectOption('priority');
  await settings.getByLabel('Swimlanes by').selectOption('topic');
  await settings.getByRole('button', { name: 'Create board' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Energy' })).toBeVisible();
  await expect(page.getByTestId('lane')).toHaveCount(9);

  // A card moved to another lane changes its topic; the move menu offers lanes too.
  const energyLane = page.getByTestId('lane').filter({ has: page.getByRole('heading', { name: 'Energy', exact: true }) });
  await expect(cardByNumber(energyLane, 2)).toBeVisible();
  await cardByNumber(energyLane, 2).getByRole('button', { name: /^Move to…/ }).click();
  await page.getByRole('menuitem', { name: 'Lane: Health' }).click();
  const healthLane = page.getByTestId('lane').filter({ has: page.getByRole('heading', { name: 'Health', exact: true }) });
  await expect(cardByNumber(healthLane, 2)).toBeVisible();
  await expect(cardByNumber(energyLane, 2)).toHaveCount(0);

  // WIP limits: set a limit of 1 on "Normal" and see the warning.
  await page.getByRole('button', { name: 'Board settings' }).click();
  settings = page.getByTestId('board-settings');
  await settings.getByLabel('Swimlanes by').selectOption('');
  await settings.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Board settings' }).click();
  settings = page.getByTestId('board-settings');
  await settings.getByLabel('Normal').fill('1');
  await settings.getByLabel('Name').fill('Priorities');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(column(page, 'normal').getByText('Over the limit of 1')).toBeVisible();
  await expect(page.getByTestId('board-select').locator('option:checked')).toHaveText('Priorities');

  await page.getByRole('button', { name: 'Board settings' }).click();
  await page.getByTestId('board-settings').getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByTestId('board-select').locator('option:checked')).toHaveText('Priorities (copy)');
  await expect(column(page, 'normal').getByText('Over the limit of 1')).toBeVisible();

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Board settings' }).click();
  await page.getByTestId('board-settings').getByRole('button', { name: 'Delete board' }).click();
  await expect(page.getByTestId('board-select').locator('option', { hasText: 'Priorities (copy)' })).toHaveCount(0);
  await expect(page.getByTestId('board-select').locator('option', { hasText: 'Priorities' })).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});

test('a move the store refuses snaps back and says why', async ({ page, browser, app }) => {
  await openWithDemo(page, app);
  // Someone else moves card No. 7 in another window meanwhile.
  const other = await browser.newPage();
  await other.goto(app.openUrl);
  await cardByNumber(other, 7).focus();
  await other.keyboard.press('Shift+ArrowRight');
  await expect(cardByNumber(column(other, 'in_progress'), 7)).toBeVisible();
  await other.close();

  // This window still shows the old card; moving it is refused and it returns.
  await cardByNumber(page, 7).getByRole('button', { name: /^Move to…/ }).click();
  await page.getByRole('menuitem', { name: 'Report submitted' }).click();
  const prompt = page.getByRole('dialog', { name: 'Progress report' });
  await prompt.getByLabel('Report').fill('Working group set up.');
  await prompt.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByTestId('errors')).toContainText('stayed in Assigned');
  await expect(page.getByTestId('errors')).toContainText('was changed elsewhere');
  // After the reload the board shows the truth: the other window's move.
  await expect(cardByNumber(column(page, 'in_progress'), 7)).toBeVisible();
  await expect(cardByNumber(column(page, 'report_submitted'), 7)).toHaveCount(0);
});

test('Ctrl+Z undoes the last moves, newest first', async ({ page, app }) => {
  await openWithDemo(page, app);
  await cardByNumber(page, 3).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(cardByNumber(column(page, 'in_progress'), 3)).toBeVisible();
  await cardByNumber(page, 6).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(cardByNumber(column(page, 'in_progress'), 6)).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(cardByNumber(column(page, 'assigned'), 6)).toBeVisible();
  await expect(cardByNumber(column(page, 'in_progress'), 3)).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(cardByNumber(column(page, 'assigned'), 3)).toBeVisible();
  await expect(page.getByTestId('notices')).toContainText('Undone');
  const numbers = await column(page, 'assigned').locator('.card-number').allTextContents();
  expect(numbers).toEqual(['No. DEMO-2021-11-05/3', 'No. DEMO-2021-11-05/6', 'No. DEMO-2021-11-05/7', 'No. DEMO-2021-11-05/9']);
});

test('organizations and people are merged and their instructions follow', async ({ page, app }) => {
  await openWithDemo(page, app);
  await page.getByRole('button', { name: 'Organizations and people' }).click();
  await page.getByRole('button', { name: 'Merge Ministry of Energy of the Kyrgyz Republic into another record' }).click();
  const merge = page.getByTestId('merge-dialog');
  await merge.getByLabel('Merge into').selectOption({ label: 'Ministry of Economy and Commerce of the Kyrgyz Republic' });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByTestId('organizations-table')).not.toContainText('Ministry of Energy of the Kyrgyz Republic');
  await page.getByRole('button', { name: 'New person' }).click();
  const person = page.getByTestId('person-dialog');
  await person.getByLabel('Full name').fill('Ақылбек Жапаров');
  await person.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Merge Ақылбек Жапаров into another record' }).click();
  await page.getByTestId('merge-dialog').getByLabel('Merge into').selectOption({ label: 'Akylbek Japarov' });
  await page.getByTestId('merge-dialog').getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByTestId('people-table')).not.toContainText('Ақылбек Жапаров');

  await page.getByRole('button', { name: 'Board', exact: true }).click();
  // Cards show the short name, with the full one as its accessible name (and on hover).
  await expect(cardByNumber(page, 2).getByRole('note', { name: 'Ministry of Economy and Commerce of the Kyrgyz Republic' })).toHaveText('Ministry of Economy and Commerce (KG)');
  await expect(cardByNumber(page, 3).getByRole('note', { name: 'Ministry of Economy and Commerce of the Kyrgyz Republic' })).toBeVisible();
});

test('keyboard shortcuts open a new instruction, the search and the help sheet', async ({ page, app }) => {
  await openWithDemo(page, app);
  await page.locator('body').press('?');
  const help = page.getByTestId('help-sheet');
  await expect(help).toContainText('Undo the last move or edit');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 200 } });

  await page.locator('body').press('n');
  const dialog = page.getByTestId('new-instruction-dialog');
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Prepare a roadmap on water and energy');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'No. 1 Prepare a roadmap on water and energy', exact: true })).toBeVisible();
  // The new card is shown and focused (the notice says the same words, so the card is found by its role).
  await expect(page.getByRole('article', { name: 'Prepare a roadmap on water and energy' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Prepare a roadmap on water and energy' })).toBeVisible();

  // Enter opens the focused card; Escape closes it and focus returns to the card.
  await cardByNumber(page, 2).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('card-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('card-dialog')).toHaveCount(0);
  await expect(cardByNumber(page, 2)).toBeFocused();
});

test('the board, card and meeting views have no serious accessibility violations', async ({ page, app }) => {
  await openWithDemo(page, app);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(await serious()).toEqual([]);
  await cardByNumber(page, 2).getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByTestId('card-dialog').getByTestId('card-status')).toBeVisible();
  expect(await serious()).toEqual([]);
  for (const tab of [/Reports/, /Deadline/, /Co-executors/, /History/]) {
    await page.getByRole('tab', { name: tab }).click();
    expect(await serious()).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Meetings' }).click();
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: 'Organizations and people' }).click();
  expect(await serious()).toEqual([]);
  await page.getByTestId('language-select').selectOption('ru');
  await page.getByRole('button', { name: 'Доска' }).click();
  expect(await serious()).toEqual([]);
});
