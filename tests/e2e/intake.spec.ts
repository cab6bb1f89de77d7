// Getting meetings in, in Chromium against browser mode: a pasted readout, CSV and XLSX lists, an
// exchange file imported twice and with a conflict, and bad files that leave the board unchanged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import type { BoardCard, BoardView } from '../../db/model';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openWithDemo } from './fixtures';
import { giveProfile } from '../support/journeys';
import type { RunningApp } from '../support/server';
import { DEMO_READOUT } from '../../electron/services/demo/readout';
import { EN_NO_INSTRUCTIONS, RU_NO_DATE } from '../support/readouts';
import { utf8, windows1251, xlsx } from '../support/intake';
import { openStore, type Store } from '../../db/store';
import { loadDemo } from '../../electron/services/demo/seed';
import { exportExchange } from '../../db/exchange';
import { updateInstruction } from '../../db/instructions';

async function openImport(page: Page, item: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function call<T>(request: APIRequestContext, app: RunningApp, channel: string, data: unknown): Promise<T> {
  const answer = (await (await request.post(`${app.url}api/${channel}`, { data, headers: { 'x-ministry-token': app.token } })).json()) as { ok: boolean; value: T };
  expect(answer.ok, channel).toBe(true);
  return answer.value;
}

/**
 * The cards of a board (the page renders only those in view), column after column, each in its
 * order on the board, with their lead organization's name.
 */
async function cardsOf(request: APIRequestContext, app: RunningApp, boardId: string): Promise<(BoardCard & { leadOrgName: string | null })[]> {
  const view = await call<BoardView>(request, app, 'boards.view', { boardId });
  const orgs = new Map((await call<{ id: string; name: string }[]>(request, app, 'organizations.list', {})).map((o) => [o.id, o.name]));
  const seen = new Map(view.columns.flatMap((c) => c.cards).map((card) => [card.id, card]));
  return [...seen.values()].map((card) => ({ ...card, leadOrgName: card.leadOrgId ? (orgs.get(card.leadOrgId) ?? null) : null }));
}

/** The newest cards of a board's first column (where new instructions land). */
async function newestAssigned(request: APIRequestContext, app: RunningApp, boardId: string, count: number) {
  const cards = await cardsOf(request, app, boardId);
  return cards.filter((c) => c.status === 'assigned').slice(-count);
}

/** Instructions on the control board, as the app counts them. */
async function total(request: APIRequestContext, app: RunningApp): Promise<number> {
  const boards = await call<{ id: string; builtin: string | null }[]>(request, app, 'boards.list', {});
  return (await cardsOf(request, app, boards.find((b) => b.builtin === 'control')!.id)).length;
}

const shownBoard = (page: Page) => page.getByTestId('board-select').inputValue();

async function otherOfficial(): Promise<{ store: Store; dir: string; file: (name: string) => { name: string; mimeType: string; buffer: Buffer } }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-other-'));
  const store = await openStore(path.join(dir, 'other.sqlite'), { actor: () => 'aida' });
  loadDemo(store.ctx);
  return {
    store,
    dir,
    file: (name) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportExchange(store.ctx, '0.1.0'))) }),
  };
}

test('a pasted readout becomes a meeting with the instructions the official accepted', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  await openImport(page, /New meeting from text/);
  const dialog = page.getByRole('dialog', { name: 'New meeting from text' });
  await dialog.getByLabel('Meeting readout').fill(DEMO_READOUT);
  await dialog.getByRole('button', { name: 'Propose meeting and instructions' }).click();

  await expect(dialog.getByText('8 proposed instructions')).toBeVisible();
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue('Meeting of Akylbek Japarov and Askar Mamin');
  // The proposed date is shown as the app writes dates in English; the store gets 2021-11-05.
  await expect(dialog.getByLabel('Date')).toHaveValue('5 Nov 2021');
  await expect(dialog.getByLabel('Participants')).toHaveValue(/Akylbek Japarov.*Askar Mamin/);
  await expect(dialog.getByLabel('Title of instruction 2')).toHaveValue('Work out electricity supply from Kazakhstan');
  await expect(dialog.getByLabel('Lead organization of instruction 2')).toHaveValue(/^id:/);
  await expect(dialog.getByLabel('Lead organization of instruction 2').locator('option:checked')).toHaveText('Ministry of Energy of the Kyrgyz Republic');

  // The official edits the meeting's title and one instruction, gives one a deadline and rejects the invitation.
  await dialog.getByLabel('Title', { exact: true }).fill('Heads of government of Kyrgyzstan and Kazakhstan, 5 November 2021');
  await dialog.getByLabel('Title of instruction 1').fill('Bring mutual trade to USD 1 billion');
  await dialog.getByLabel('Deadline of instruction 2').fill('20 Dec 2021');
  await dialog.getByLabel('Accept instruction 8').uncheck();
  await expect(dialog.getByLabel('Title of instruction 8')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Create the meeting with 7 instructions' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notices')).toContainText('The meeting was created with 7 instructions.');
  await expect(page.getByTestId('board-select').locator('option:checked')).toHaveText('Meeting: Heads of government of Kyrgyzstan and Kazakhstan, 5 November 2021');
  await expect(page.locator('[data-column-key="assigned"] .column-count')).toHaveText('7');
  await expect(page.getByTestId('card').first()).toContainText('Bring mutual trade to USD 1 billion');
  const supply = page.getByTestId('card').filter({ hasText: 'Work out electricity supply from Kazakhstan' });
  await expect(supply.getByRole('note', { name: 'Ministry of Energy of the Kyrgyz Republic' })).toBeVisible();
  await expect(supply).toContainText('20 Dec 2021');
  const cards = await cardsOf(request, app, await shownBoard(page));
  expect(cards.map((c) => c.title)).toEqual([
    'Bring mutual trade to USD 1 billion',
    'Work out electricity supply from Kazakhstan',
    'Work out electricity transit through the territory of Kazakhstan',
    'Consider cooperation in joint projects for the construction of wholesale distribution centers',
    'Consider creation of an industrial trade and logistics complex with attraction of Kazakh investments',
    'Consider the functioning of Kazakhstani resorts in Issyk-Kul region',
    'Consider opening land checkpoints in Kazakhstan for citizens of Kyrgyzstan who received a vaccine against coronavirus infection',
  ]);
  expect(cards.map((c) => c.itemNumber)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  expect(await total(request, app)).toBe(9 + 7);
  expect(pageErrors).toEqual([]);
});

/** A Kazakh readout written for this test: a Kazakh ministry named with its country, a deadline with «дейін». */
const KK_READOUT =
  'Премьер-Министр Олжас Бектенов Үкімет отырысында Қазақстан Республикасы Энергетика министрлігіне жылу маусымына дайындықты 1 қазанға дейін аяқтауды тапсырды. Бұл туралы Үкіметтің баспасөз қызметі хабарлады.';

test('a Kazakh readout proposes the Kazakh ministry by its name and country, and the meeting keeps it so', async ({ page, app, request, pageErrors }) => {
  await page.goto(app.openUrl);
  await giveProfile(page);
  await page.getByRole('button', { name: /Start empty/ }).click();
  await openImport(page, /New meeting from text/);
  const dialog = page.getByRole('dialog', { name: 'New meeting from text' });
  await dialog.getByLabel('Meeting readout').fill(KK_READOUT);
  await dialog.getByRole('button', { name: 'Propose meeting and instructions' }).click();

  await expect(dialog.getByText('1 proposed instruction')).toBeVisible();
  await expect(dialog.getByLabel('Title of instruction 1')).toHaveValue('Жылу маусымына дайындықты аяқтау');
  await expect(dialog.getByLabel('Lead organization of instruction 1').locator('option:checked')).toHaveText('Қазақстан Республикасы Энергетика министрлігі (new)');
  await expect(dialog.getByLabel('Deadline of instruction 1')).not.toHaveValue('');
  await dialog.getByRole('button', { name: 'Create the meeting with 1 instruction' }).click();
  await expect(dialog).toBeHidden();

  const orgs = await call<{ name: string; country: string | null }[]>(request, app, 'organizations.list', {});
  expect(orgs.find((o) => o.name === 'Қазақстан Республикасы Энергетика министрлігі')?.country).toBe('Kazakhstan');
  const cards = await cardsOf(request, app, await shownBoard(page));
  expect(cards.map((c) => [c.title, c.leadOrgName, c.dueDate?.slice(5)])).toEqual([['Жылу маусымына дайындықты аяқтау', 'Қазақстан Республикасы Энергетика министрлігі', '10-01']]);
  expect(pageErrors).toEqual([]);
});

test('a readout without a date or without instructions says so and invents nothing', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const before = await total(request, app);
  await openImport(page, /New meeting from text/);
  const dialog = page.getByRole('dialog', { name: 'New meeting from text' });
  await dialog.getByLabel('Meeting readout').fill(EN_NO_INSTRUCTIONS);
  await dialog.getByRole('button', { name: 'Propose meeting and instructions' }).click();
  await expect(dialog.getByTestId('readout-notes')).toHaveText('The text gives no instructions: nothing was found to assign. You can still create the meeting.');
  await expect(dialog.getByTestId('candidate')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Back' }).click();
  await dialog.getByLabel('Meeting readout').fill(RU_NO_DATE);
  await dialog.getByRole('button', { name: 'Propose meeting and instructions' }).click();
  await expect(dialog.getByTestId('readout-notes')).toContainText('The text gives no date for the meeting');
  await expect(dialog.getByLabel('Date')).toHaveValue('');
  await expect(dialog.getByTestId('candidate')).toHaveCount(2);
  // A text over the limit is kept whole, not cut, and refused where it was pasted, with the reason.
  await dialog.getByRole('button', { name: 'Back' }).click();
  const long = `${EN_NO_INSTRUCTIONS} `.repeat(Math.ceil(200_001 / (EN_NO_INSTRUCTIONS.length + 1)));
  await dialog.getByLabel('Meeting readout').fill(long);
  await expect(dialog.getByLabel('Meeting readout')).toHaveValue(long);
  await expect(dialog.getByRole('alert').filter({ hasText: 'The text is too long' })).toContainText('the limit is 200,000. Paste it in parts.');
  await expect(dialog.getByRole('button', { name: 'Propose meeting and instructions' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await total(request, app)).toBe(before);
  expect(pageErrors).toEqual([]);
});

const RU_CSV = [
  'Перечень поручений по итогам встречи 5 ноября 2021 г.',
  '№;Поручение;Ответственный исполнитель;Срок исполнения;Приоритет;Тема',
  '1;Проработать график поставок электроэнергии;Ministry of Energy of the Kyrgyz Republic;05.12.2021;высокий;Энергетика',
  '2;Открыть пункты пропуска;Пограничная служба;31.02.2022;;Пункты пропуска',
  '3;;Министерство экономики;01.01.2022;;',
  '4;Подготовить сезон на курортах Иссык-Куля;Министерство туризма;15 января 2022 г.;странный;Туризм, космос',
  '',
].join('\r\n');

test('a CSV list in Windows-1251 shows every row’s problems, imports the valid rows and saves the report', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const before = await total(request, app);
  await openImport(page, /Import list/);
  const dialog = page.getByRole('dialog', { name: 'Import a list of instructions' });
  await dialog.getByTestId('list-file').setInputFiles({ name: 'поручения.csv', mimeType: 'text/csv', buffer: windows1251(RU_CSV) });
  await expect(dialog.getByTestId('list-format')).toHaveText('Read as CSV · Encoding: windows-1251 · Delimiter: ;');
  await expect(dialog.getByLabel('Header row')).toHaveValue('2');
  await expect(dialog.getByLabel('Import column 2 “Поручение” as')).toHaveValue('title');
  await expect(dialog.getByLabel('Import column 4 “Срок исполнения” as')).toHaveValue('dueDate');
  await expect(dialog.getByTestId('list-summary')).toHaveText('Rows: 4. To be imported: 2; skipped: 2; with warnings: 1.');
  const problems = dialog.getByTestId('list-problems');
  await expect(problems.getByRole('row')).toHaveText([/Row.*Status.*Problems/, /4\s*skipped\s*“31\.02\.2022” is not a date/, /5\s*skipped\s*no title/, /6\s*imported\s*priority “странный” is unknown.*topic “космос” is unknown/]);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save report (CSV)' }).click();
  const report = fs.readFileSync(await (await download).path(), 'utf8');
  expect(report.startsWith('\ufeffRow,Problems,№,Поручение')).toBe(true);
  expect(report).toContain('4,“31.02.2022” is not a date,2,Открыть пункты пропуска');

  await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(dialog.getByTestId('list-result')).toHaveText('Instructions imported: 2. Rows skipped: 2. New organizations: 1.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('board-select').locator('option:checked')).toHaveText('Control board');
  await expect(page.locator('[data-column-key="assigned"] .column-count')).toHaveText('6');
  const imported = await newestAssigned(request, app, await shownBoard(page), 2);
  // Sunday 5 December 2021 is a day off in Kyrgyzstan: the deadline rule moves it to the Friday before.
  expect(imported.map((c) => [c.itemNumber, c.title, c.leadOrgName, c.dueDate, c.priority])).toEqual([
    ['1', 'Проработать график поставок электроэнергии', 'Ministry of Energy of the Kyrgyz Republic', '2021-12-03', 'high'],
    ['4', 'Подготовить сезон на курортах Иссык-Куля', 'Министерство туризма', '2022-01-15', 'normal'],
  ]);
  expect(await total(request, app)).toBe(before + 2);
  expect(pageErrors).toEqual([]);
});

test('an XLSX list with a corrected mapping goes to the meeting the official chose', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const before = await total(request, app);
  const book = await xlsx({
    Notes: [['Prepared by the secretariat']],
    Actions: [
      ['Ref', 'Action', 'Who', 'When'],
      ['A1', 'Agree electricity volumes for the winter', 'Ministry of Energy of the Kyrgyz Republic', new Date(Date.UTC(2021, 11, 1))],
      ['A2', 'Draft the checkpoint schedule', 'Border Service of the State Committee for National Security of the Kyrgyz Republic', 44550],
      ['A3', 'Report on the resorts', 'Issyk-Kul Regional Administration', 'next spring'],
    ],
  });
  await openImport(page, /Import list/);
  const dialog = page.getByRole('dialog', { name: 'Import a list of instructions' });
  await dialog.getByLabel('Meeting the instructions belong to').selectOption({ label: 'Meeting of the heads of government of Kyrgyzstan and Kazakhstan (demo) (5 Nov 2021)' });
  await dialog.getByTestId('list-file').setInputFiles({ name: 'actions.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: book });
  await expect(dialog.getByLabel('Sheet')).toHaveValue('Actions');
  await expect(dialog.getByLabel('Import column 2 “Action” as')).toHaveValue('title');
  await expect(dialog.getByLabel('Import column 3 “Who” as')).toHaveValue('leadOrg');
  await expect(dialog.getByLabel('Import column 4 “When” as')).toHaveValue('dueDate');
  // "Ref" is not recognised: the official maps it.
  await expect(dialog.getByLabel('Import column 1 “Ref” as')).toHaveValue('');
  await dialog.getByLabel('Import column 1 “Ref” as').selectOption('itemNumber');
  await expect(dialog.getByTestId('list-summary')).toHaveText('Rows: 3. To be imported: 2; skipped: 1; with warnings: 0.');
  await expect(dialog.getByTestId('list-problems')).toContainText('“next spring” is not a date');
  await expect(dialog.getByTestId('list-sample')).toContainText('1 Dec 2021');
  await expect(dialog.getByTestId('list-sample')).toContainText('20 Dec 2021');
  await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('board-select').locator('option:checked')).toHaveText(/^Meeting: Meeting of the heads of government/);
  await expect(page.locator('[data-column-key="assigned"] .column-count')).toHaveText('6');
  const imported = await newestAssigned(request, app, await shownBoard(page), 2);
  expect(imported.map((c) => [c.itemNumber, c.title, c.leadOrgName, c.dueDate])).toEqual([
    ['A1', 'Agree electricity volumes for the winter', 'Ministry of Energy of the Kyrgyz Republic', '2021-12-01'],
    ['A2', 'Draft the checkpoint schedule', 'Border Service of the State Committee for National Security of the Kyrgyz Republic', '2021-12-20'],
  ]);
  expect(await total(request, app)).toBe(before + 2);
  expect(pageErrors).toEqual([]);
});

test('an exchange file imported twice changes nothing the second time', async ({ page, app, request, pageErrors }) => {
  const other = await otherOfficial();
  try {
    await page.goto(app.openUrl);
    await giveProfile(page);
    await page.getByRole('button', { name: /Start empty/ }).click();
    await openImport(page, /Import exchange file/);
    const dialog = page.getByRole('dialog', { name: 'Import an exchange file' });
    const file = other.file('aida.json');
    await dialog.getByTestId('exchange-file').setInputFiles(file);
    const counts = dialog.getByTestId('exchange-counts');
    await expect(counts.getByRole('row', { name: /Instructions/ })).toHaveText(/Instructions\s*9\s*0\s*0\s*0/);
    await expect(counts.getByRole('row', { name: /Organizations/ })).toHaveText(/Organizations\s*15\s*0\s*0\s*0/);
    await dialog.getByRole('button', { name: 'Apply the import' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('column').locator('.column-count')).toHaveText(['4', '3', '1', '1']);
    await expect(page.getByTestId('notices')).toContainText('Imported. New records: 42');
    expect(await total(request, app)).toBe(9);

    await openImport(page, /Import exchange file/);
    await dialog.getByTestId('exchange-file').setInputFiles(file);
    await expect(dialog.getByTestId('exchange-nothing')).toHaveText('Nothing to change: everything in this file is already here.');
    await expect(dialog.getByRole('button', { name: 'Apply the import' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('column').locator('.column-count')).toHaveText(['4', '3', '1', '1']);
    expect(await total(request, app)).toBe(9);
  } finally {
    other.store.close();
    fs.rmSync(other.dir, { recursive: true, force: true });
  }
  expect(pageErrors).toEqual([]);
});

test('the ministries both officials created are joined into one, not doubled', async ({ page, app, request, pageErrors }) => {
  const other = await otherOfficial();
  try {
    // Both officials loaded the demo: the same 15 organizations and 2 people, created on each computer.
    await openWithDemo(page, app);
    const mine = await call<{ id: string; name: string }[]>(request, app, 'organizations.list', {});
    expect(mine).toHaveLength(15);
    await openImport(page, /Import exchange file/);
    const dialog = page.getByRole('dialog', { name: 'Import an exchange file' });
    await dialog.getByTestId('exchange-file').setInputFiles(other.file('aida.json'));
    const joined = dialog.getByTestId('exchange-joined');
    await expect(joined.locator('summary')).toHaveText('Organizations and people created on both computers, each to be joined into one: 17');
    await expect(joined.getByRole('listitem').filter({ hasText: /^Akylbek Japarov$/ })).toBeVisible();
    await expect(joined.getByRole('listitem').filter({ hasText: /^Ministry of Energy of the Kyrgyz Republic$/ })).toBeVisible();
    await dialog.getByRole('button', { name: 'Apply the import' }).click();
    await expect(dialog).toBeHidden();

    const after = await call<{ id: string; name: string }[]>(request, app, 'organizations.list', {});
    expect(after.map((o) => o.name).sort()).toEqual(mine.map((o) => o.name).sort());
    expect(await call<unknown[]>(request, app, 'people.list', {})).toHaveLength(2);
    // Both demo meetings' instructions now name the one ministry of each name.
    expect(await total(request, app)).toBe(18);
    const energy = after.find((o) => o.name === 'Ministry of Energy of the Kyrgyz Republic')!;
    const boards = await call<{ id: string; builtin: string | null }[]>(request, app, 'boards.list', {});
    const control = boards.find((b) => b.builtin === 'control')!;
    const board = await call<BoardView>(request, app, 'boards.view', { boardId: control.id, search: 'org:"Ministry of Energy of the Kyrgyz Republic"' });
    const cards = board.columns.flatMap((c) => c.cards);
    expect(cards).toHaveLength(4);
    expect(new Set(cards.map((c: BoardCard) => c.leadOrgId))).toEqual(new Set([energy.id]));
  } finally {
    other.store.close();
    fs.rmSync(other.dir, { recursive: true, force: true });
  }
  expect(pageErrors).toEqual([]);
});

test('a field changed on both sides is the official’s choice', async ({ page, app, pageErrors }) => {
  const other = await otherOfficial();
  try {
    await page.goto(app.openUrl);
    await giveProfile(page);
    await page.getByRole('button', { name: /Start empty/ }).click();
    await openImport(page, /Import exchange file/);
    const dialog = page.getByRole('dialog', { name: 'Import an exchange file' });
    await dialog.getByTestId('exchange-file').setInputFiles(other.file('aida.json'));
    await dialog.getByRole('button', { name: 'Apply the import' }).click();
    await expect(dialog).toBeHidden();

    const id = (other.store.ctx.db.prepare("SELECT id FROM instructions WHERE item_number = '2'").get() as { id: string }).id;
    updateInstruction(other.store.ctx, id, { title: 'Aida: electricity supply for the winter' });
    await page.request.post(`${app.url}api/instructions.update`, { headers: { 'x-ministry-token': app.token }, data: { id, patch: { title: 'Mine: electricity supply, urgent' } } });
    await page.reload();
    await openImport(page, /Import exchange file/);
    await dialog.getByTestId('exchange-file').setInputFiles(other.file('aida-2.json'));
    const conflicts = dialog.getByTestId('exchange-conflicts');
    await expect(conflicts.getByRole('heading')).toHaveText('1 field was changed on both sides: choose which version to keep');
    const group = conflicts.getByRole('group', { name: 'Instruction “Mine: electricity supply, urgent”: Title' });
    await expect(group.getByRole('radio', { name: /Keep mine: Mine: electricity supply, urgent/ })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Apply the import' })).toBeDisabled();
    await group.getByRole('radio', { name: /Take theirs: Aida: electricity supply for the winter/ }).check();
    await dialog.getByRole('button', { name: 'Apply the import' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('card').filter({ hasText: 'Aida: electricity supply for the winter' })).toBeVisible();
    const detail = await call<{ instruction: { title: string }; history: { field: string; actor: string }[] }>(page.request, app, 'instructions.get', { id });
    expect(detail.instruction.title).toBe('Aida: electricity supply for the winter');
    // Both sides' edits are in the instruction's history.
    const titleEdits = detail.history.filter((h) => h.field === 'title').map((h) => h.actor);
    expect(titleEdits).toHaveLength(2);
    expect(titleEdits).toContain('aida');
  } finally {
    other.store.close();
    fs.rmSync(other.dir, { recursive: true, force: true });
  }
  expect(pageErrors).toEqual([]);
});

test('bad files get a clear message and leave the board unchanged', async ({ page, app, request, pageErrors }) => {
  await openWithDemo(page, app);
  const before = await total(request, app);
  const cards = await page.getByTestId('card').count();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-bad-'));
  try {
    const huge = path.join(folder, 'huge.csv');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 100 * 1024 * 1024);

    await openImport(page, /Import list/);
    const list = page.getByRole('dialog', { name: 'Import a list of instructions' });
    const listCases: [Parameters<Page['setInputFiles']>[1], RegExp][] = [
      [huge, /The file is too large \(100 MB\): the limit is 50 MB\. Nothing was imported\./],
      [{ name: 'cut.csv', mimeType: 'text/csv', buffer: utf8('Title;Lead\n"Work out the supply;Ministry\n') }, /damaged or cut short: a quoted cell near line \d+ is never closed/],
      [{ name: 'picture.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) }, /“picture\.csv” is not a valid CSV file: it holds binary data, not text/],
      [{ name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }, /old Excel workbook \(\.xls\)/],
      [{ name: 'export.json', mimeType: 'application/json', buffer: utf8('{"format":"ministry-action-tracker.exchange","version":1}') }, /This is a JSON file, not a list/],
    ];
    for (const [file, message] of listCases) {
      await list.getByTestId('list-file').setInputFiles(file);
      await expect(list.getByRole('alert')).toHaveText(message);
      await expect(list.getByRole('button', { name: /^Import \d+ row/ })).toBeDisabled();
    }
    await list.getByRole('button', { name: 'Cancel' }).click();

    await openImport(page, /Import exchange file/);
    const exchange = page.getByRole('dialog', { name: 'Import an exchange file' });
    const good = JSON.stringify({ format: 'ministry-action-tracker.exchange', version: 1, schemaVersion: 1 });
    const exchangeCases: [Parameters<Page['setInputFiles']>[1], RegExp][] = [
      [{ name: 'cut.json', mimeType: 'application/json', buffer: utf8('{"format":"ministry-action-tracker.exchange","version":1,"instructions":[{"id":') }, /cut short: it was not copied completely/],
      [{ name: 'newer.json', mimeType: 'application/json', buffer: utf8('{"format":"ministry-action-tracker.exchange","version":2}') }, /made by a newer version of the app \(format 2; this version reads up to 1\)\. Update the app/],
      [{ name: 'partial.json', mimeType: 'application/json', buffer: utf8(good) }, /does not match its format/],
      [{ name: 'list.csv', mimeType: 'text/csv', buffer: utf8('Title,Lead\nA,B\n') }, /not an exchange file of this app/],
      [{ name: 'ansi.json', mimeType: 'application/json', buffer: Buffer.concat([utf8('{"format":"'), Buffer.from([0xcf, 0xf0, 0xe8]), utf8('"}')]) }, /not UTF-8 text/],
    ];
    for (const [file, message] of exchangeCases) {
      await exchange.getByTestId('exchange-file').setInputFiles(file);
      await expect(exchange.getByRole('alert')).toHaveText(message);
      await expect(exchange.getByRole('button', { name: 'Apply the import' })).toBeDisabled();
    }
    await exchange.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('card')).toHaveCount(cards);
    await expect(page.getByTestId('column').locator('.column-count')).toHaveText(['4', '3', '1', '1']);
    expect(await total(request, app)).toBe(before);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  expect(pageErrors).toEqual([]);
});

test('the import dialogs pass an accessibility check', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  const check = async (dialog: string) => {
    await expect(page.getByTestId(dialog)).toBeVisible();
    const results = await new AxeBuilder({ page }).include(`[data-testid="${dialog}"]`).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), dialog).toEqual([]);
  };
  await openImport(page, /New meeting from text/);
  await check('readout-dialog');
  const readout = page.getByRole('dialog', { name: 'New meeting from text' });
  await readout.getByLabel('Meeting readout').fill(DEMO_READOUT);
  await readout.getByRole('button', { name: 'Propose meeting and instructions' }).click();
  await expect(readout.getByTestId('candidate')).toHaveCount(8);
  await check('readout-dialog');
  await readout.getByRole('button', { name: 'Cancel' }).click();

  await openImport(page, /Import list/);
  const list = page.getByRole('dialog', { name: 'Import a list of instructions' });
  await list.getByTestId('list-file').setInputFiles({ name: 'поручения.csv', mimeType: 'text/csv', buffer: windows1251(RU_CSV) });
  await expect(list.getByTestId('list-problems')).toBeVisible();
  await check('list-dialog');
  await list.getByRole('button', { name: 'Cancel' }).click();

  const other = await otherOfficial();
  try {
    await openImport(page, /Import exchange file/);
    const exchange = page.getByRole('dialog', { name: 'Import an exchange file' });
    await exchange.getByTestId('exchange-file').setInputFiles(other.file('aida.json'));
    await expect(exchange.getByTestId('exchange-counts')).toBeVisible();
    await check('exchange-dialog');
  } finally {
    other.store.close();
    fs.rmSync(other.dir, { recursive: true, force: true });
  }
  expect(pageErrors).toEqual([]);
});
