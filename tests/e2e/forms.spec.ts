// The forms as a new user meets them (issue 10): one date field typed in the interface language
// with a calendar, the reason beside a button that waits, no silent cuts, clear file refusals,
// a missing ministry and co-executors added in the new-instruction form.
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import type { InstructionDetail } from '../../db/model';
import { giveProfile } from '../support/journeys';
import { test, expect, openWithDemo } from './fixtures';
import type { RunningApp } from '../support/server';
import { DEMO_READOUT } from '../../electron/services/demo/readout';

async function call<T>(request: APIRequestContext, app: RunningApp, channel: string, data: unknown): Promise<T> {
  const answer = (await (await request.post(`${app.url}api/${channel}`, { data, headers: { 'x-ministry-token': app.token } })).json()) as { ok: boolean; value: T };
  expect(answer.ok, channel).toBe(true);
  return answer.value;
}

/** The instruction of that title, read back from the store through the contract. */
async function stored(request: APIRequestContext, app: RunningApp, title: string): Promise<InstructionDetail> {
  const boards = await call<{ id: string; builtin: string | null }[]>(request, app, 'boards.list', {});
  const view = await call<{ columns: { cards: { id: string; title: string }[] }[] }>(request, app, 'boards.view', { boardId: boards.find((b) => b.builtin === 'control')!.id });
  const card = view.columns.flatMap((c) => c.cards).find((c) => c.title === title);
  expect(card, title).toBeDefined();
  return call<InstructionDetail>(request, app, 'instructions.get', { id: card!.id });
}

async function speak(page: Page, language: 'en' | 'ru' | 'kk' | 'ky'): Promise<void> {
  await page.getByTestId('language-select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test('a deadline is typed as dd.mm.yyyy in Russian, picked from a Monday-first calendar by keyboard, and an impossible date is refused', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  await speak(page, 'ru');
  await page.getByRole('button', { name: 'Новое поручение' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новое поручение' });
  await dialog.getByLabel('Наименование', { exact: true }).fill('Подготовить график поставок');
  const due = dialog.getByRole('textbox', { name: 'Срок', exact: true });
  await expect(due).toHaveAttribute('placeholder', 'дд.мм.гггг');

  await due.fill('31.02.2026');
  await due.blur();
  await expect(dialog.getByRole('alert')).toHaveText('Даты 31.02.2026 не существует: в месяце «февраль 2026» 28 дней.');
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  // The impossible date is not sent: the form waits for a real one.
  await dialog.getByRole('button', { name: 'Создать' }).click();
  await expect(dialog).toBeVisible();

  await due.fill('5.12.2026');
  await due.blur();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(due).toHaveValue('05.12.2026');

  // The calendar: in Russian, Monday first, worked from the keyboard.
  await dialog.getByRole('button', { name: 'Открыть календарь' }).click();
  const calendar = page.getByRole('dialog', { name: 'декабрь 2026' });
  await expect(calendar).toBeVisible();
  await expect(calendar.getByRole('columnheader')).toHaveText(['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'].map((d) => new RegExp(`^${d}`)));
  await expect(calendar.getByRole('gridcell', { name: 'суббота, 5 (декабрь 2026)' })).toBeFocused();
  await expect(calendar.getByRole('gridcell', { name: 'суббота, 5 (декабрь 2026)' })).toHaveAttribute('aria-selected', 'true');
  // 1 December 2026 is a Tuesday: the first row starts with an empty Monday.
  const firstWeek = calendar.getByRole('row').nth(1).getByRole('gridcell');
  await expect(firstWeek.first()).toHaveText('');
  await expect(firstWeek.nth(1)).toHaveAccessibleName('вторник, 1 (декабрь 2026)');
  const serious = (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious).toEqual([]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(calendar.getByRole('gridcell', { name: 'воскресенье, 13 (декабрь 2026)' })).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('dialog', { name: 'январь 2027' }).getByRole('gridcell', { name: 'среда, 13 (январь 2027)' })).toBeFocused();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect(page.getByRole('dialog', { name: 'ноябрь 2026' }).getByRole('gridcell', { name: 'пятница, 13 (ноябрь 2026)' })).toBeFocused();
  // Escape closes the calendar only; the form stays, the date unchanged.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'ноябрь 2026' })).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(due).toHaveValue('05.12.2026');
  await expect(dialog.getByRole('button', { name: 'Открыть календарь' })).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(due).toHaveValue('04.01.2027');
  await expect(due).toBeFocused();

  await dialog.getByRole('button', { name: 'Создать' }).click();
  await expect(dialog).toHaveCount(0);
  const detail = await stored(request, app, 'Подготовить график поставок');
  // 4 January 2027 is one of Kyrgyzstan's New Year holidays: the deadline rule stores the working day before.
  expect(detail.deadline.dueDate).toBe('2026-12-31');
  expect(pageErrors).toEqual([]);
});

test('in English a date is typed day first or as the app writes it, and the calendar starts on Monday', async ({ page, app, request, pageErrors }) => {
  await page.goto(app.openUrl);
  await giveProfile(page);
  await page.getByRole('button', { name: /Start empty/ }).click();
  await page.getByRole('button', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'New meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'New meeting' });
  await dialog.getByRole('textbox', { name: 'Meeting' }).fill('Energy council');
  const date = dialog.getByRole('textbox', { name: 'Date' });
  await expect(date).toHaveAccessibleDescription('Date, e.g. 5 Dec 2026 or 05/12/2026');
  await date.fill('31 Feb 2026');
  await date.press('Tab');
  await expect(dialog.getByRole('alert')).toHaveText('There is no 31 Feb 2026: February 2026 has 28 days.');
  await date.fill('20/11/2026');
  await date.press('Tab');
  await expect(date).toHaveValue('20 Nov 2026');
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Open the calendar' }).click();
  const calendar = page.getByRole('dialog', { name: 'November 2026' });
  await expect(calendar.getByRole('columnheader')).toHaveText(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => new RegExp(`^${d}`)));
  await expect(calendar.getByRole('gridcell', { name: 'Friday, 20 November 2026' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(calendar.getByRole('gridcell', { name: 'Sunday, 22 November 2026' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+PageDown');
  await expect(page.getByRole('dialog', { name: 'November 2027' }).getByRole('gridcell', { name: 'Tuesday, 16 November 2027' })).toBeFocused();
  await page.keyboard.press('Shift+PageUp');
  await page.keyboard.press('Enter');
  await expect(date).toHaveValue('16 Nov 2026');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const meetings = await call<{ title: string; heldOn: string | null }[]>(request, app, 'meetings.list', {});
  expect(meetings.map((m) => [m.title, m.heldOn])).toEqual([['Energy council', '2026-11-16']]);
  expect(pageErrors).toEqual([]);
});

test('an empty title or report says why the button waits, and an over-long title is refused with its length, never cut', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  await page.getByRole('button', { name: 'New instruction' }).click();
  const dialog = page.getByRole('dialog', { name: 'New instruction' });
  const title = dialog.getByRole('textbox', { name: 'Title', exact: true });
  const create = dialog.getByRole('button', { name: 'Create' });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAccessibleDescription('Write the title: an instruction cannot be created without one.');
  await expect(title).toHaveAccessibleDescription('Write the title: an instruction cannot be created without one.');

  const long = 'Ensure the supply of electricity to the southern regions. '.repeat(90).slice(0, 5000);
  await title.fill(long);
  // Every character is kept in the field; nothing is cut to the limit.
  expect((await title.inputValue()).length).toBe(5000);
  await expect(dialog.getByRole('alert')).toHaveText('Too long — characters: 5000, at most 1000 allowed. Shorten it; nothing was cut.');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(create).toBeDisabled();
  await title.fill(long.slice(0, 1000));
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(create).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Resolving without a final report: the reason stands next to the report field, in Kazakh too.
  await speak(page, 'kk');
  await page.getByTestId('card').first().getByRole('button', { name: /тапсырмасын ашу$/ }).click();
  const card = page.getByTestId('card-dialog');
  await card.getByRole('button', { name: 'Бақылаудан алу' }).click();
  const report = page.getByRole('dialog', { name: 'Қорытынды есеп' });
  await expect(report.getByRole('button', { name: 'Бақылаудан алу' })).toBeDisabled();
  await expect(report.getByRole('button', { name: 'Бақылаудан алу' })).toHaveAccessibleDescription('Тапсырманы бақылаудан алу үшін қорытынды есеп қажет.');
  await expect(report.getByRole('textbox', { name: 'Есеп' })).toHaveAccessibleDescription('Тапсырманы бақылаудан алу үшін қорытынды есеп қажет.');
  await report.getByRole('textbox', { name: 'Есеп' }).fill('Келісім жасалды.');
  await expect(report.getByRole('button', { name: 'Бақылаудан алу' })).toBeEnabled();
  expect(request).toBeTruthy();
  expect(pageErrors).toEqual([]);
});

test('a proposed instruction from a readout keeps an over-long title whole and says why the meeting cannot be created', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('menuitem', { name: /New meeting from text/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New meeting from text' });
  await dialog.getByLabel('Meeting readout').fill(DEMO_READOUT);
  await dialog.getByRole('button', { name: 'Propose meeting and instructions' }).click();
  const title = dialog.getByLabel('Title of instruction 1');
  const long = 'Bring mutual trade between Kyrgyzstan and Kazakhstan to USD 1 billion. '.repeat(20);
  await title.fill(long);
  expect(await title.inputValue()).toBe(long);
  await expect(dialog.getByRole('alert')).toHaveText(`Too long — characters: ${long.trim().length}, at most 1000 allowed. Shorten it; nothing was cut.`);
  await expect(title).toHaveAccessibleDescription(/^Too long/);
  await expect(dialog.getByRole('button', { name: /^Create the meeting with/ })).toBeDisabled();
  await title.fill('Bring mutual trade to USD 1 billion');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: /^Create the meeting with/ })).toBeEnabled();
  expect(pageErrors).toEqual([]);
});

test('a missing ministry is added from the new-instruction form, a duplicate is refused, and co-executors are created with the instruction', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  await page.getByRole('button', { name: 'New instruction' }).click();
  const dialog = page.getByRole('dialog', { name: 'New instruction' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Agree the winter electricity balance');

  const lead = dialog.getByRole('combobox', { name: 'Lead organization' });
  await dialog.getByRole('button', { name: 'Add organization…' }).first().click();
  const newOrg = dialog.getByRole('group', { name: 'New organization' });
  const name = newOrg.getByRole('textbox', { name: 'Name of the new organization' });
  await newOrg.getByRole('button', { name: 'Add to the list' }).click();
  await expect(newOrg.getByRole('alert')).toHaveText('Write the name of the organization.');
  await name.fill('  ministry of energy of the kyrgyz republic ');
  await newOrg.getByRole('button', { name: 'Add to the list' }).click();
  await expect(newOrg.getByRole('alert')).toHaveText('“Ministry of Energy of the Kyrgyz Republic” is already in the list. Choose it there.');
  await expect(name).toHaveAccessibleDescription('“Ministry of Energy of the Kyrgyz Republic” is already in the list. Choose it there.');
  await name.fill('Ministry of Water Resources of the Kyrgyz Republic');
  await name.press('Enter');
  await expect(newOrg).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(lead.locator('option:checked')).toHaveText('Ministry of Water Resources of the Kyrgyz Republic');

  // Co-executors: one from the list, one added on the spot.
  const pick = dialog.getByRole('combobox', { name: 'Co-executor to add' });
  await expect(pick.getByRole('option', { name: 'Ministry of Water Resources of the Kyrgyz Republic' })).toHaveCount(0);
  await pick.selectOption({ label: 'Ministry of Energy of the Kyrgyz Republic' });
  await dialog.getByRole('button', { name: 'Add co-executor' }).click();
  await dialog.getByRole('button', { name: 'Add organization…' }).nth(1).click();
  await dialog.getByRole('group', { name: 'New organization' }).getByRole('textbox', { name: 'Name of the new organization' }).fill('State Agency for Hydrometeorology');
  await dialog.getByRole('group', { name: 'New organization' }).getByRole('button', { name: 'Add to the list' }).click();
  const chosen = dialog.getByRole('group', { name: 'Co-executors' }).getByRole('listitem');
  await expect(chosen).toHaveText([/^Ministry of Energy of the Kyrgyz Republic/, /^State Agency for Hydrometeorology/]);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);

  const detail = await stored(request, app, 'Agree the winter electricity balance');
  const orgs = new Map((await call<{ id: string; name: string }[]>(request, app, 'organizations.list', {})).map((o) => [o.id, o.name]));
  expect(orgs.get(detail.instruction.leadOrgId!)).toBe('Ministry of Water Resources of the Kyrgyz Republic');
  expect(detail.coexecutors.map((c) => orgs.get(c.organizationId!)).sort()).toEqual(['Ministry of Energy of the Kyrgyz Republic', 'State Agency for Hydrometeorology']);
  // One write: the co-executors were stored in the same moment as the instruction itself.
  const added = detail.history.filter((h) => h.entity === 'coexecutor');
  expect(added).toHaveLength(2);
  for (const entry of added) expect(entry.at).toBe(detail.instruction.createdAt);
  expect(pageErrors).toEqual([]);
});

test('a random-bytes workbook chosen for a list import is called no valid Excel workbook, and the chosen file stays named', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  await speak(page, 'ru');
  await page.getByRole('button', { name: 'Импорт', exact: true }).click();
  await page.getByRole('menuitem', { name: /Импорт списка/ }).click();
  const list = page.getByRole('dialog', { name: 'Импорт списка поручений' });
  const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  await list.getByLabel(/^Файл/).setInputFiles({ name: 'поручения.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: noise });
  await expect(list.getByRole('alert')).toHaveText(
    '«поручения.xlsx» — не книга Excel (.xlsx): файл повреждён или это файл другого типа с изменённым расширением. Ничего не импортировано.',
  );
  await expect(list.getByText(/^поручения\.xlsx, 4 кБ$/)).toBeVisible();
  await expect(list.getByText('Файл не выбран')).toHaveCount(0);
  await expect(list.getByRole('button', { name: /^Импортировать/ })).toBeDisabled();

  await list.getByLabel(/^Файл/).setInputFiles({ name: 'протокол.docx', mimeType: 'application/octet-stream', buffer: noise });
  await expect(list.getByRole('alert')).toHaveText(/^«протокол\.docx» — документ Word, а не список\./);
  await expect(list.getByText(/^протокол\.docx, 4 кБ$/)).toBeVisible();
  expect(pageErrors).toEqual([]);
});

/**
 * The labels in `scope` whose text does not fit: buttons, tabs, badges and deadline labels whose
 * content is wider than their box (cut by an ellipsis or by overflow), as Chromium lays them out.
 * Titles and organization names are clamped on purpose (their full text is in the card) and left out.
 */
async function cutLabels(scope: ReturnType<Page['locator']>): Promise<string[]> {
  return scope.evaluateAll((roots) => {
    const cut: string[] = [];
    const selector = '.card-org, button, [role="tab"], .priority, .demo-mark, .deadline, .deadline-flag, .card-topics li, .card-meta span, .card-meta, .card-topics, .column-header h2, .column-count, .tab-count, .badge, .status-badge, label';
    for (const root of roots) {
      const candidates = [root, ...root.querySelectorAll<HTMLElement>(selector)].filter((el) => el instanceof HTMLElement && el.matches(selector));
      for (const el of candidates as HTMLElement[]) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || el.closest('.visually-hidden')) continue;
        // An organization's name may end in an ellipsis (its full name is in the card); its line may not vanish.
        if (el.scrollWidth > el.clientWidth + 1 && !el.matches('.card-org')) cut.push(`${el.className || el.tagName}: ${el.textContent?.trim()} (${el.scrollWidth} > ${el.clientWidth})`);
        if (el.scrollHeight > el.clientHeight + 1 && !el.matches('.card-topics')) cut.push(`${el.className || el.tagName}: ${el.textContent?.trim()} (height ${el.scrollHeight} > ${el.clientHeight})`);
        // A label cut by a clipping box around it (the card's fixed height, a one-line row): partly
        // inside, partly outside. A whole topic chip moved to a hidden line is not cut (the list's
        // title names every topic).
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          const style = getComputedStyle(up);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          if (style.overflowX === 'auto' || style.overflowY === 'auto' || style.overflowX === 'scroll' || style.overflowY === 'scroll') break;
          const clip = up.getBoundingClientRect();
          const outside = box.right > clip.right + 1 || box.left < clip.left - 1 || box.bottom > clip.bottom + 1 || box.top < clip.top - 1;
          const hidden = box.left >= clip.right || box.right <= clip.left || box.top >= clip.bottom || box.bottom <= clip.top;
          if (outside && !hidden) cut.push(`${el.className || el.tagName} cut by ${up.className}: ${el.textContent?.trim()}`);
        }
      }
    }
    return cut;
  });
}

for (const language of ['kk', 'ky'] as const) {
  test(`no button, badge or deadline label is cut in ${language === 'kk' ? 'Kazakh' : 'Kyrgyz'}: cards, the card dialog and the board header`, async ({ page, app, pageErrors }) => {
    await openWithDemo(page, app);
    await speak(page, language);
    const cards = page.getByTestId('card');
    await expect(cards.first()).toBeVisible();
    expect(await cutLabels(page.locator('.board-toolbar, .app-header, header'))).toEqual([]);
    expect(await cutLabels(page.getByTestId('column'))).toEqual([]);
    expect(await cutLabels(cards)).toEqual([]);

    await cards.nth(1).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('card-dialog');
    await expect(dialog.getByTestId('card-status')).toBeVisible();
    expect(await cutLabels(dialog)).toEqual([]);
    for (const tab of await dialog.getByRole('tab').all()) {
      await tab.click();
      expect(await cutLabels(dialog)).toEqual([]);
    }
    expect(pageErrors).toEqual([]);
  });
}
