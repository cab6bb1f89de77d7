// Search by word forms and in the interface's own words (issue 10): an official types a word in the
// form that comes to mind ("уголь", "Бишкеке", "министрлігі") and finds the instructions that use
// another form of it; field and status names are typed in Kazakh, Kyrgyz or Russian as the
// interface shows them, and a wrong value is answered with the values that would be right.
import type { Page } from '@playwright/test';
import { giveProfile } from '../support/journeys';
import { test, expect } from './fixtures';

const cards = (page: Page) => page.getByTestId('card');
const summary = (page: Page) => page.getByTestId('search-summary');

async function addInstruction(page: Page, meeting: string, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: `Add instruction: ${meeting}` }).click();
  const dialog = page.getByTestId('new-instruction-dialog');
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
}

test('search finds word forms in Russian, Kazakh and English and speaks the interface language', async ({ page, app, pageErrors }) => {
  await page.goto(app.openUrl);
  // The demo in Russian (as the Kazakh and Kyrgyz interfaces load it), then two instructions of our own.
  await page.getByTestId('language-select').selectOption('ru');
  await giveProfile(page);
  await page.getByRole('button', { name: /Загрузить демонстрацию/ }).click();
  await expect(cards(page)).toHaveCount(9);
  await page.getByTestId('language-select').selectOption('en');
  const meeting = 'Встреча глав правительств Кыргызстана и Казахстана (демо)';
  await addInstruction(page, meeting, 'Обеспечить поставки угля в Бишкек до начала отопительного сезона');
  await addInstruction(page, meeting, 'Энергетика министрлігіне Бишкекте көмір қоймасын салу тапсырылсын');
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await expect(page.getByTestId('column').locator('.column-count')).toHaveText(['6', '3', '1', '1']);

  const search = page.getByRole('searchbox', { name: 'Search' });
  // Russian: another case, a fleeting vowel.
  await search.fill('уголь Бишкеке');
  await expect(summary(page)).toHaveText('1 instruction found');
  await expect(cards(page)).toHaveText([/Обеспечить поставки угля в Бишкек/]);
  await search.fill('Астана');
  await expect(cards(page)).toHaveText([/ШОС в Астане/]);
  await search.fill('поставка электроэнергия');
  await expect(cards(page)).toHaveText([/поставок электроэнергии из Казахстана/]);
  // Kazakh: possessive and case endings, a place name in the locative.
  await search.fill('министрлігі қоймасы');
  await expect(cards(page)).toHaveText([/Энергетика министрлігіне Бишкекте көмір қоймасын/]);
  await search.fill('Бишкек');
  await expect(summary(page)).toHaveText('2 instructions found');
  // A wrong value: the problem, a space after the colon, and the values that would be right.
  await search.fill('status:flying');
  await expect(page.getByTestId('query-problems')).toHaveText(
    'The search has a problem: “flying” is not a valid value for status: (valid values: assigned, "in progress", "report submitted", resolved)',
  );
  await expect(cards(page)).toHaveCount(0);

  // Kazakh interface: Kazakh field and status names, a Kazakh placeholder and problem.
  await page.getByTestId('language-select').selectOption('kk');
  const kkSearch = page.getByRole('searchbox', { name: 'Іздеу' });
  await expect(kkSearch).toHaveAttribute('placeholder', 'Іздеу: мәтін, мәртебе:, ұйым:, тақырып:, мерзім:<31.12.2026, кешікті:иә');
  await kkSearch.fill('мәртебе: орындалды');
  await expect(summary(page)).toHaveText('1 тапсырма табылды');
  await kkSearch.fill('мәртебе: Тағайындалды Бишкек');
  await expect(summary(page)).toHaveText('2 тапсырма табылды');
  await kkSearch.fill('мәртебе: ұшып');
  await expect(page.getByTestId('query-problems')).toHaveText(
    'Іздеу сұрауында қате бар: «ұшып» — «мәртебе» өрісі үшін жарамсыз мән (жарамды мәндер: тағайындалды, орындалуда, «есеп ұсынылды», орындалды)',
  );
  await kkSearch.fill('мәртебе:«есеп ұсынылды»');
  await expect(summary(page)).toHaveText('1 тапсырма табылды');

  // Kyrgyz interface.
  await page.getByTestId('language-select').selectOption('ky');
  const kySearch = page.getByRole('searchbox', { name: 'Издөө' });
  await expect(kySearch).toHaveAttribute('placeholder', 'Издөө: текст, абалы:, уюм:, тема:, мөөнөт:<31.12.2026, кечикти:ооба');
  await kySearch.fill('абалы: аткарылды');
  await expect(summary(page)).toHaveText('1 тапшырма табылды');
  await kySearch.fill('абалы: учуп');
  await expect(page.getByTestId('query-problems')).toHaveText(
    'Издөө суроосунда ката бар: «учуп» — «абалы» талаасы үчүн жараксыз маани (жарактуу маанилер: дайындалды, аткарылууда, «отчёт берилди», аткарылды)',
  );

  // Russian interface.
  await page.getByTestId('language-select').selectOption('ru');
  const ruSearch = page.getByRole('searchbox', { name: 'Поиск' });
  await ruSearch.fill('статус: исполнено');
  await expect(summary(page)).toHaveText('Найдено 1 поручение');
  await ruSearch.fill('цвет:красный');
  await expect(page.getByTestId('query-problems')).toHaveText(
    'В запросе ошибка: неизвестное поле «цвет:» (поля: статус:, орг:, тема:, совещание:, срок:, просрочено:, приоритет:, исполнитель:, архив:, исполнено:, продлено:, создано:)',
  );
  await ruSearch.fill('уголь');
  await expect(summary(page)).toHaveText('Найдено 1 поручение');
  expect(pageErrors).toEqual([]);
});
