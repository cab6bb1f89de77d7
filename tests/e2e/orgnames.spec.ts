// One ministry under every name (issue 12): the directory records a ministry's names in Russian
// and Kazakh; in a Russian or Kazakh interface the card shows that language's short name, with the
// full name on hover and as what assistive technology reads; the same ministry recorded twice is
// suggested for a merge, merged only when the official confirms.
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { RunningApp } from '../support/server';
import { giveProfile } from '../support/journeys';

const ENERGY_EN = 'Ministry of Energy of the Kyrgyz Republic';
const ENERGY_RU = 'Министерство энергетики Кыргызской Республики';
const ENERGY_KK = 'Қырғыз Республикасының Энергетика министрлігі';

async function call<T>(request: APIRequestContext, app: RunningApp, channel: string, data: unknown): Promise<T> {
  const answer = (await (await request.post(`${app.url}api/${channel}`, { data, headers: { 'x-ministry-token': app.token } })).json()) as { ok: boolean; value: T };
  expect(answer.ok, channel).toBe(true);
  return answer.value;
}

async function startEmpty(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.openUrl);
  await giveProfile(page);
  await page.getByRole('button', { name: /Start empty/ }).click();
  await expect(page.getByRole('button', { name: 'Organizations and people' })).toBeVisible();
}

test('the directory records a ministry’s Russian and Kazakh names, and the card shows the short one of the interface language with the full one on hover', async ({ page, app, request, pageErrors }) => {
  await startEmpty(page, app);
  await page.getByRole('button', { name: 'Organizations and people' }).click();
  await page.getByRole('button', { name: 'New organization' }).click();
  const dialog = page.getByRole('dialog', { name: 'New organization' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(ENERGY_EN);
  await dialog.getByRole('combobox', { name: 'Country' }).selectOption('KG');
  const names = dialog.getByRole('group', { name: 'Official names in each language' });
  await names.getByRole('textbox', { name: 'Full name in Russian' }).fill(ENERGY_RU);
  await names.getByRole('textbox', { name: 'Short name in Russian' }).fill('Минэнерго КР');
  await names.getByRole('textbox', { name: 'Full name in Kazakh' }).fill(ENERGY_KK);
  await names.getByRole('textbox', { name: 'Short name in Kazakh' }).fill('ҚР Энергетика министрлігі');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('organizations-table').getByRole('cell', { name: ENERGY_EN, exact: true })).toBeVisible();

  const [org] = await call<{ id: string; nameRu: string; nameKk: string }[]>(request, app, 'organizations.list', {});
  expect(org).toMatchObject({ nameRu: ENERGY_RU, nameKk: ENERGY_KK });
  await call(request, app, 'instructions.create', { title: 'Work out electricity supply', leadOrgId: org!.id });

  await page.getByTestId('language-select').selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // The directory lists it under its Russian name now.
  await expect(page.getByTestId('organizations-table').getByRole('cell', { name: ENERGY_RU, exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Доска' }).click();
  const card = page.getByTestId('card').filter({ hasText: 'Work out electricity supply' });
  const lead = card.getByRole('note', { name: ENERGY_RU });
  await expect(lead).toHaveText('Минэнерго КР');
  await expect(lead).toHaveAttribute('title', ENERGY_RU);
  await lead.hover();

  await page.getByTestId('language-select').selectOption('kk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  const kazakh = card.getByRole('note', { name: ENERGY_KK });
  await expect(kazakh).toHaveText('ҚР Энергетика министрлігі');
  await expect(kazakh).toHaveAttribute('title', ENERGY_KK);
  expect(pageErrors).toEqual([]);
});

test('the same ministry recorded in two languages is suggested for a merge, and merged only once confirmed', async ({ page, app, request, pageErrors }) => {
  await startEmpty(page, app);
  const english = await call<{ id: string }>(request, app, 'organizations.create', { name: ENERGY_EN, country: 'KG' });
  const russian = await call<{ id: string }>(request, app, 'organizations.create', { name: ENERGY_RU, country: 'Кыргызстан' });
  await call(request, app, 'instructions.create', { title: 'Supply electricity to the south', leadOrgId: russian.id });
  await page.reload();
  await page.getByRole('button', { name: 'Organizations and people' }).click();
  const table = page.getByTestId('organizations-table');
  await expect(table.getByRole('row')).toHaveCount(3);
  // Two names in two languages, nothing to tell they are one ministry yet.
  await expect(page.getByRole('heading', { name: 'Possible duplicates' })).toHaveCount(0);

  // The official records the English one's Russian name: now they are suggested, not merged.
  await page.getByRole('button', { name: `Edit ${ENERGY_EN}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit organization' });
  await dialog.getByRole('textbox', { name: 'Full name in Russian' }).fill(ENERGY_RU);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const suggestions = page.getByRole('region', { name: 'Possible duplicates' });
  await expect(suggestions).toContainText(`“${ENERGY_RU}” is also a name of “${ENERGY_EN}”.`);
  await expect(table.getByRole('row')).toHaveCount(3);

  // Merge…, then cancel: nothing changes.
  const mergeButton = suggestions.getByRole('button', { name: `Merge “${ENERGY_RU}” and “${ENERGY_EN}”…` });
  await mergeButton.click();
  let confirm = page.getByRole('dialog', { name: 'Merge two organizations' });
  await expect(confirm.getByRole('radio', { name: `Keep “${ENERGY_EN}”` })).toBeChecked();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(table.getByRole('row')).toHaveCount(3);

  await mergeButton.click();
  confirm = page.getByRole('dialog', { name: 'Merge two organizations' });
  await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(suggestions).toHaveCount(0);
  const boards = await call<{ id: string; builtin: string | null }[]>(request, app, 'boards.list', {});
  const view = await call<{ columns: { cards: { title: string; leadOrgId: string | null }[] }[] }>(request, app, 'boards.view', { boardId: boards.find((b) => b.builtin === 'control')!.id });
  expect(view.columns.flatMap((c) => c.cards).map((c) => [c.title, c.leadOrgId])).toEqual([['Supply electricity to the south', english.id]]);
  expect(pageErrors).toEqual([]);
});
