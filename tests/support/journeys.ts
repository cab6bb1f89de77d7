// The user journeys of the first board, written once and run by both suites: in Chromium against
// browser mode (tests/e2e) and in the Electron window where its runtime exists (tests/electron).
import { expect, type Locator, type Page } from '@playwright/test';

export function column(page: Page, key: string): Locator {
  return page.locator(`[data-testid=column][data-column-key="${key}"]`);
}

export function cardByNumber(scope: Page | Locator, number: number): Locator {
  const page = 'page' in scope && typeof scope.page === 'function' ? (scope as Locator).page() : (scope as Page);
  // The card shows its control number, `{protocol}/{item}` (e.g. "No. DEMO-2021-11-05/3") or a running number.
  return scope.getByTestId('card').filter({ has: page.locator('.card-number', { hasText: new RegExp(`^(No\\.|№) ([^ ]*/)?${number}$`) }) });
}

export async function dragTo(page: Page, card: Locator, target: Locator): Promise<void> {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('card or column not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
  await page.mouse.up();
}

/** Waits until every move made on the board has reached the store (the board is no longer busy). */
export async function movesSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('board')).toHaveAttribute('aria-busy', 'false');
}

/** The official the journeys sign in as at the first run. */
export const OFFICIAL = { fullName: 'Aigerim Sadykova', position: 'Chief specialist', phone: '+996 312 62 00 00' };

/** Fills the first run's profile (every change is signed with it); the first run asks for it before the start. */
export async function giveProfile(page: Page, official: { fullName: string; position?: string; phone?: string } = OFFICIAL): Promise<void> {
  await page.getByRole('textbox', { name: /^(Full name|ФИО|Аты-жөні|Аты-жөнү)/ }).fill(official.fullName);
  if (official.position) await page.getByRole('textbox', { name: /^(Position|Должность|Лауазымы|Кызматы)/ }).fill(official.position);
  if (official.phone) await page.getByRole('textbox', { name: /^(Phone|Телефон)/ }).fill(official.phone);
}

export async function chooseDemo(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  await giveProfile(page);
  await expect(page.getByRole('button', { name: /Start empty/ })).toBeVisible();
  await page.getByRole('button', { name: /Load the demo/ }).click();
  await expect(page.getByTestId('card').first()).toBeVisible();
}

/** The demo's control board: four status columns, nine cards, overdue said in words and colour. */
export async function seeDemoBoard(page: Page): Promise<void> {
  await expect(page.getByTestId('column')).toHaveCount(4);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([/Assigned/, /In progress/, /Report submitted/, /Resolved/]);
  await expect(page.getByTestId('card')).toHaveCount(9);
  await expect(page.getByText(/Demo data/)).toBeVisible();
  const overdue = cardByNumber(page, 2);
  await expect(overdue).toContainText('Work out the supply of electricity from Kazakhstan');
  // The card shows the short name, with the full one as its accessible name (and on hover).
  await expect(overdue.getByRole('note', { name: 'Ministry of Energy of the Kyrgyz Republic' })).toHaveText('Ministry of Energy (KG)');
  await expect(overdue.locator('.deadline-flag')).toHaveText(/^Overdue \d+ working \/ 6 calendar days$/);
  await expect(overdue.locator('.deadline-overdue')).toHaveCSS('color', 'rgb(180, 35, 24)');
  await expect(cardByNumber(page, 3).locator('.deadline-flag')).toHaveText(/^Due (today|in [12] days?)$/);
}

/** Moves by mouse, keyboard shortcut, keyboard drag and menu; then reloads and checks they held. */
export async function moveCardsEveryWay(page: Page): Promise<void> {
  await dragTo(page, cardByNumber(page, 3), column(page, 'in_progress'));
  await expect(cardByNumber(column(page, 'in_progress'), 3)).toBeVisible();
  await expect(page.getByTestId('notices')).toContainText('moved to In progress');

  await cardByNumber(page, 6).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(cardByNumber(column(page, 'in_progress'), 6)).toBeVisible();
  await expect(cardByNumber(column(page, 'in_progress'), 6)).toBeFocused();
  await movesSaved(page);

  // What a screen reader hears during a keyboard drag; a failure shows what it said instead.
  const dragAnnouncement = page.locator('[id^="DndLiveRegion"]');
  await cardByNumber(page, 9).focus();
  await page.keyboard.press('Space');
  await expect(dragAnnouncement).toHaveText(/SCO Council of Heads of Government in Astana is over Assigned\.$/);
  await expect(page.locator('.card-overlay')).toBeVisible();
  // dnd-kit listens for the arrow keys only from a timer after the pick-up, and measures the
  // columns in the frames after it; a person never presses an arrow sooner than that, but on a
  // loaded machine a test can, and the key is then lost ("… is over Assigned" stays).
  await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done(null))))));
  await page.keyboard.press('ArrowRight');
  await expect(dragAnnouncement).toHaveText(/is over In progress\.$/);
  await page.keyboard.press('Space');
  await expect(cardByNumber(column(page, 'in_progress'), 9)).toBeVisible();

  await cardByNumber(page, 1).getByRole('button', { name: /^Move to…/ }).click();
  await page.getByRole('menuitem', { name: 'Resolved' }).click();
  const dialog = page.getByRole('dialog', { name: 'Final report' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Report').fill('Trade plan approved by both governments.');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(cardByNumber(column(page, 'resolved'), 1)).toBeVisible();

  await movesSaved(page);
  await page.reload();
  await expect(cardByNumber(column(page, 'in_progress'), 3)).toBeVisible();
  await expect(cardByNumber(column(page, 'in_progress'), 6)).toBeVisible();
  await expect(cardByNumber(column(page, 'in_progress'), 9)).toBeVisible();
  await expect(cardByNumber(column(page, 'resolved'), 1)).toBeVisible();
  await expect(column(page, 'assigned').getByTestId('card')).toHaveCount(1);
}
