// What a new user hit on the board (issue 10): the "Move to…" menu shown whole, a long
// virtualised column that the keyboard and screen readers can walk, cards scrolled to and focused
// when created, found, moved or undone, sorted boards, the "Due this week" board, the first start
// in the system's language and the demo banner only beside demo data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openWithDemo } from './fixtures';
import { cardByNumber, column, giveProfile, movesSaved } from '../support/journeys';
import { startBrowserModeApp, type RunningApp } from '../support/server';
import { openStore } from '../../db/store';
import { createMeeting } from '../../db/meetings';
import { createInstructions } from '../../db/instructions/bulk';
import { setSetting } from '../../db/settings';

/** Every item of the open menu is inside the window and is what a click at its centre would hit. */
async function expectWholeMenu(menu: Locator): Promise<void> {
  const items = menu.getByRole('menuitem');
  const count = await items.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    await expect(item).toBeInViewport({ ratio: 1 });
    const onTop = await item.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    expect(onTop, `menu item ${i + 1} (${await item.textContent()}) is covered`).toBe(true);
  }
}

test('the "Move to…" menu shows whole at the first and last card of a column and near the window edges', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const assigned = column(page, 'assigned').getByTestId('card');
  const first = assigned.first();
  await first.getByRole('button', { name: /^Move to…/ }).click();
  const menu = page.getByRole('menu', { name: /^Move to…/ });
  await expectWholeMenu(menu);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(first.getByRole('button', { name: /^Move to…/ })).toBeFocused();

  await assigned.last().getByRole('button', { name: /^Move to…/ }).click();
  await expectWholeMenu(menu);
  await page.keyboard.press('Escape');

  // A short, narrow window: the last card's menu opens upwards, the rightmost column's stays inside.
  await page.setViewportSize({ width: 760, height: 560 });
  const last = assigned.last();
  // The column re-renders its window while it scrolls: retry until the last card stands still in view.
  await expect(async () => {
    await last.scrollIntoViewIfNeeded({ timeout: 2000 });
    await expect(last).toBeInViewport();
  }).toPass();
  await last.getByRole('button', { name: /^Move to…/ }).click();
  await expectWholeMenu(menu);
  // The menu still works: the card goes where it says.
  const title = (await last.getAttribute('aria-label')) ?? '';
  await menu.getByRole('menuitem', { name: 'In progress' }).click();
  await expect(column(page, 'in_progress').getByRole('article', { name: title })).toBeFocused();
  await movesSaved(page);

  const resolved = column(page, 'resolved').getByTestId('card').first();
  await resolved.scrollIntoViewIfNeeded();
  await resolved.getByRole('button', { name: /^Move to…/ }).click();
  await expectWholeMenu(menu);
  expect(pageErrors).toEqual([]);
});

/** A store whose control board's first column holds `count` cards, numbered 1…count. */
async function longColumn(count: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-e2e-long-'));
  const store = await openStore(path.join(dir, 'ministry-tracker.sqlite'));
  const meeting = createMeeting(store.ctx, { title: 'Заседание межправсовета', heldOn: '2026-11-01' });
  createInstructions(
    store.ctx,
    Array.from({ length: count }, (_, i) => ({ meetingId: meeting.id, itemNumber: String(i + 1), title: `Поручение ${String(i + 1).padStart(3, '0')} по транзиту` })),
  );
  setSetting(store.ctx, 'startChoice', 'empty');
  setSetting(store.ctx, 'language', 'en');
  store.close();
  return dir;
}

const focusedCard = (page: Page) => page.locator('[data-testid=card]:focus');

test.describe('a column of 500 cards', () => {
  let big: RunningApp;
  test.beforeEach(async () => {
    big = await startBrowserModeApp({ dataDir: await longColumn(500) });
  });
  test.afterEach(async () => {
    await big.stop();
    fs.rmSync(big.dataDir, { recursive: true, force: true });
  });

  test('says each card\'s place, lets the keyboard walk it past the rendered cards, and scrolls to created, found, moved and undone cards', async ({ page, pageErrors }) => {
    await page.goto(big.openUrl);
    const feed = page.getByRole('feed', { name: /^Assigned/ });
    await expect(feed).toBeVisible();
    const cards = feed.getByRole('article');
    // Virtualised: far fewer than 500 are rendered, yet each says where it stands.
    expect(await cards.count()).toBeLessThan(40);
    await expect(cards.first()).toHaveAttribute('aria-setsize', '500');
    await expect(cards.first()).toHaveAttribute('aria-posinset', '1');

    // The shortcuts list tells how to walk a column.
    await page.locator('body').press('?');
    await expect(page.getByTestId('help-sheet')).toContainText('Go to the next or previous card in the column');
    await expect(page.getByTestId('help-sheet')).toContainText('Go to the first or last card in the column');
    await page.keyboard.press('Escape');

    await cards.first().focus();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
    await expect(focusedCard(page)).toHaveAttribute('aria-posinset', '16');
    await expect(focusedCard(page)).toHaveAccessibleName('No. 16 Поручение 016 по транзиту');
    await expect(focusedCard(page)).toBeInViewport();
    await page.keyboard.press('End');
    await expect(focusedCard(page)).toHaveAttribute('aria-posinset', '500');
    await expect(focusedCard(page)).toBeInViewport();
    await page.keyboard.press('ArrowUp');
    await expect(focusedCard(page)).toHaveAccessibleName('No. 499 Поручение 499 по транзиту');
    await expect(focusedCard(page)).toBeInViewport();

    // Moved from the bottom to the next column, then undone: focus follows the card both times.
    await page.keyboard.press('Shift+ArrowRight');
    await expect(column(page, 'in_progress').getByRole('article', { name: 'No. 499 Поручение 499 по транзиту' })).toBeFocused();
    await movesSaved(page);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('notices')).toContainText('Undone');
    const back = column(page, 'assigned').getByRole('article', { name: 'No. 499 Поручение 499 по транзиту' });
    await expect(back).toBeFocused();
    await expect(back).toHaveAttribute('aria-posinset', '499');
    await expect(back).toBeInViewport();

    await page.keyboard.press('Home');
    await expect(focusedCard(page)).toHaveAttribute('aria-posinset', '1');

    // A new instruction joins the end of the column: the board scrolls to it and focuses it.
    await page.getByRole('button', { name: 'New instruction' }).click();
    const dialog = page.getByTestId('new-instruction-dialog');
    await dialog.getByLabel('Title').fill('Новое поручение о пункте пропуска');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const created = page.getByRole('article', { name: /Новое поручение о пункте пропуска/ });
    await expect(created).toBeFocused();
    await expect(created).toBeInViewport();
    await expect(created).toHaveAttribute('aria-setsize', '501');

    // Enter in the search goes to the card found.
    await page.getByRole('searchbox').fill('"Поручение 450"');
    await page.getByRole('searchbox').press('Enter');
    const found = page.getByRole('article', { name: 'No. 450 Поручение 450 по транзиту' });
    await expect(found).toBeFocused();
    await expect(found).toBeInViewport();
    expect(pageErrors).toEqual([]);
  });
});

test('Ctrl+Z returns keyboard focus to the card that changed', async ({ page, app }) => {
  await openWithDemo(page, app);
  await cardByNumber(page, 3).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(cardByNumber(column(page, 'in_progress'), 3)).toBeFocused();
  await movesSaved(page);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('notices')).toContainText('Undone');
  await expect(cardByNumber(column(page, 'assigned'), 3)).toBeFocused();
  // From there the keyboard carries on: the next undo and the card's own keys work without a click.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(cardByNumber(column(page, 'in_progress'), 3)).toBeFocused();
});

test('a board sorted by control number or deadline keeps its sort and does not pretend to reorder (every sort: tests/unit/db/boards-sort.test.ts)', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const numbers = () => column(page, 'assigned').locator('.card-number').allTextContents();
  const manual = await numbers();
  const sort = page.getByLabel('Order in columns');
  await expect(sort).toHaveValue('manual');

  await sort.selectOption({ label: 'By control number' });
  await expect(page.getByTestId('sort-note')).toContainText('Dragging within a column does not change it');
  const byNumber = [...manual].sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
  await expect.poll(numbers).toEqual(byNumber);

  // Within the column the card stays put, and the board says why; no "Move up" pretends otherwise.
  const first = column(page, 'assigned').getByTestId('card').first();
  await first.focus();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('notices')).toContainText('The board is sorted (By control number), so the card stays where the sort puts it');
  expect(await numbers()).toEqual(byNumber);
  await first.getByRole('button', { name: /^Move to…/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Move up' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Move down' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await sort.selectOption({ label: 'By deadline' });
  await page.reload();
  await expect(page.getByLabel('Order in columns')).toHaveValue('deadline');
  // By deadline, the overdue cards of each column come first.
  const overdueFlags = await page.getByTestId('column').evaluateAll((columns) =>
    columns.map((c) => [...c.querySelectorAll('[data-testid=card]')].map((card) => card.querySelector('.deadline-overdue') !== null)),
  );
  expect(overdueFlags.flat()).toContain(true);
  for (const flags of overdueFlags) expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));

  await page.getByLabel('Order in columns').selectOption({ label: 'By hand (drag)' });
  await expect(page.getByTestId('sort-note')).toHaveCount(0);
  await expect.poll(numbers).toEqual(manual);
  expect(pageErrors).toEqual([]);
});

test('the built-in "Due this week" board holds what is due by Sunday and the overdue, in every language', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  await page.getByTestId('board-select').selectOption({ label: 'Due this week' });
  await expect(page.getByLabel('Order in columns')).toHaveValue('deadline');
  // The demo's No. 2 is 6 days overdue: on the board. Every card on it is overdue or due within days, none resolved.
  await expect(cardByNumber(page, 2)).toBeVisible();
  await expect(column(page, 'resolved').getByTestId('card')).toHaveCount(0);
  for (const card of await page.getByTestId('card').all()) {
    await expect(card.locator('.deadline-overdue, .deadline-soon')).toHaveCount(1);
  }
  for (const [language, name] of [
    ['ru', 'Срок на этой неделе'],
    ['kk', 'Осы аптада мерзімі бітетіндер'],
    ['ky', 'Ушул жумада мөөнөтү бүтөөрлөр'],
  ] as const) {
    await page.getByTestId('language-select').selectOption(language);
    await expect(page.getByTestId('board-select').locator('option:checked')).toHaveText(name);
  }
  expect(pageErrors).toEqual([]);
});

for (const [locale, heading, demo] of [
  ['ru-RU', 'Добро пожаловать', 'Загрузить демонстрацию'],
  ['kk-KZ', 'Қош келдіңіз', 'Демо деректерді жүктеу'],
  ['ky-KG', 'Кош келиңиз', null],
] as const) {
  test.describe(`a first start on a system in ${locale}`, () => {
    test.use({ locale });
    test('starts in the system\'s language', async ({ page, app, pageErrors }) => {
      await page.goto(app.openUrl);
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      await expect(page.getByTestId('language-select')).toHaveValue(locale.slice(0, 2));
      if (demo) {
        await giveProfile(page);
        await page.getByRole('button', { name: new RegExp(demo) }).click();
        await expect(page.getByTestId('card').first()).toBeVisible();
      }
      // Chosen once, it stays, whatever the system says next.
      await page.getByTestId('language-select').selectOption('en');
      await page.reload();
      await expect(page.getByTestId('language-select')).toHaveValue('en');
      expect(pageErrors).toEqual([]);
    });
  });
}

test('the demo banner shows on boards with demo data, not on the board of a real meeting', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const banner = page.getByText(/^Demo data:/);
  await expect(banner).toBeVisible();

  await page.getByRole('button', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'New meeting' }).click();
  const meeting = page.getByTestId('meeting-dialog');
  await meeting.getByLabel('Meeting').fill('Заседание правительства');
  await meeting.getByLabel('Date').fill('2026-11-20');
  await meeting.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Add instruction: Заседание правительства' }).click();
  const dialog = page.getByTestId('new-instruction-dialog');
  await dialog.getByLabel('Title').fill('Подготовить проект соглашения');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Open board: Заседание правительства' }).click();
  await expect(page.getByRole('article', { name: /Подготовить проект соглашения/ })).toBeVisible();
  await expect(banner).toHaveCount(0);

  await page.getByTestId('board-select').selectOption({ label: 'Control board' });
  await expect(banner).toBeVisible();
  expect(pageErrors).toEqual([]);
});
