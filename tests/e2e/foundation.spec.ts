import { test, expect, openWithDemo } from './fixtures';
import { cardByNumber, chooseDemo, column, dragTo, moveCardsEveryWay, movesSaved, seeDemoBoard, giveProfile } from '../support/journeys';

test('first run offers the demo and shows the control board by status', async ({ page, app, pageErrors }) => {
  await page.goto(app.openUrl);
  await chooseDemo(page);
  await seeDemoBoard(page);
  expect(pageErrors).toEqual([]);
});

test('a card moves by mouse, by keyboard and by the menu, and the moves survive a reload', async ({ page, app, pageErrors }) => {
  await openWithDemo(page, app);
  await moveCardsEveryWay(page);
  expect(pageErrors).toEqual([]);
});

test('cancelling the final report leaves the card where it was', async ({ page, app }) => {
  await openWithDemo(page, app);
  await dragTo(page, cardByNumber(page, 4), column(page, 'resolved'));
  const dialog = page.getByRole('dialog', { name: 'Final report' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(cardByNumber(column(page, 'report_submitted'), 4)).toBeVisible();
  await page.reload();
  await expect(cardByNumber(column(page, 'report_submitted'), 4)).toBeVisible();
});

test('a card reorders within its column by keyboard and keeps its place after a reload', async ({ page, app }) => {
  await openWithDemo(page, app);
  const assigned = column(page, 'assigned');
  const numbers = async () => (await assigned.locator('.card-number').allTextContents()).join(',');
  await expect.poll(numbers).toBe('No. DEMO-2021-11-05/3,No. DEMO-2021-11-05/6,No. DEMO-2021-11-05/7,No. DEMO-2021-11-05/9');
  await cardByNumber(page, 9).focus();
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(numbers).toBe('No. DEMO-2021-11-05/3,No. DEMO-2021-11-05/9,No. DEMO-2021-11-05/6,No. DEMO-2021-11-05/7');
  await movesSaved(page);
  await page.reload();
  await expect.poll(numbers).toBe('No. DEMO-2021-11-05/3,No. DEMO-2021-11-05/9,No. DEMO-2021-11-05/6,No. DEMO-2021-11-05/7');
});

test('the UI follows the chosen language and remembers it', async ({ page, app }) => {
  await openWithDemo(page, app);
  await expect(page).toHaveTitle('Ministry Action Tracker');
  await page.getByTestId('language-select').selectOption('ru');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([/Назначено/, /В работе/, /Отчёт представлен/, /Исполнено/]);
  await expect(page.getByText(/^Просрочено на \d+ раб\. \/ 6 календ\. дн\.$/)).toBeVisible();
  // The document title, and so the window title, is the app's name in the interface language.
  await expect(page).toHaveTitle('Контроль поручений');
  await page.reload();
  await expect(page.getByRole('heading', { name: /Контроль поручений/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page).toHaveTitle('Контроль поручений');
  await page.getByTestId('language-select').selectOption('kk');
  await expect(page).toHaveTitle('Тапсырмаларды бақылау');
});

test('a demo loaded in Russian is in Russian, with the same board', async ({ page, app, pageErrors }) => {
  await page.goto(app.openUrl);
  await page.getByTestId('language-select').selectOption('ru');
  await giveProfile(page, { fullName: 'Айгерим Садыкова' });
  await page.getByRole('button', { name: /Загрузить демонстрацию/ }).click();
  await expect(page.getByTestId('card')).toHaveCount(9);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([/Назначено/, /В работе/, /Отчёт представлен/, /Исполнено/]);
  await expect(page.getByTestId('column').locator('.column-count')).toHaveText(['4', '3', '1', '1']);
  const overdue = cardByNumber(page, 2);
  await expect(overdue).toContainText('Проработать вопрос поставок электроэнергии из Казахстана');
  await expect(overdue.getByRole('note', { name: 'Министерство энергетики Кыргызской Республики' })).toHaveText('Минэнерго (КР)');
  await expect(overdue.locator('.deadline-flag')).toHaveText(/^Просрочено на \d+ раб\. \/ 6 календ\. дн\.$/);
  expect(pageErrors).toEqual([]);
});

test('starting empty shows an empty board', async ({ page, app }) => {
  await page.goto(app.openUrl);
  await giveProfile(page);
  await page.getByRole('button', { name: /Start empty/ }).click();
  await expect(page.getByText('This board has no instructions yet.')).toBeVisible();
  await expect(page.getByTestId('column')).toHaveCount(4);
});

test('the loopback server requires the token and refuses foreign hosts and origins', async ({ request, app }) => {
  const noToken = await request.post(`${app.url}api/app.info`, { data: {} });
  expect(noToken.status()).toBe(401);
  const wrongToken = await request.post(`${app.url}api/app.info`, { data: {}, headers: { 'x-ministry-token': 'guess' } });
  expect(wrongToken.status()).toBe(401);
  // The page itself holds no data and no token: served to anyone, useless without the token.
  const page = await request.get(app.url);
  expect(page.status()).toBe(200);
  expect(await page.text()).not.toContain(app.token);
  const cookieOnly = await request.post(`${app.url}api/app.info`, { data: {}, headers: { Cookie: `ministry_token=${app.token}` } });
  expect(cookieOnly.status()).toBe(401);
  const ok = await request.post(`${app.url}api/app.info`, { data: {}, headers: { 'x-ministry-token': app.token } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).ok).toBe(true);
  const rebinding = await request.post(`${app.url}api/app.info`, { data: {}, headers: { 'x-ministry-token': app.token, Host: 'evil.example:80' } });
  expect(rebinding.status()).toBe(403);
  const crossSite = await request.post(`${app.url}api/app.info`, {
    data: {},
    headers: { 'x-ministry-token': app.token, Origin: 'http://evil.example' },
  });
  expect(crossSite.status()).toBe(403);
  const huge = await request.post(`${app.url}api/meetings.create`, {
    data: { title: 'x'.repeat(3 * 1024 * 1024) },
    headers: { 'x-ministry-token': app.token },
  });
  expect(huge.status()).toBe(413);
  expect(app.openUrl).toBe(`${app.url}#token=${app.token}`);
  expect((await request.get(app.openUrl, { maxRedirects: 0 })).headers()['set-cookie']).toBeUndefined();
});

test('the token moves from the address into the tab, never into a cookie, and survives a reload', async ({ page, app, context }) => {
  await page.goto(app.openUrl);
  await expect(page.getByRole('button', { name: /Load the demo/ })).toBeVisible();
  expect(page.url()).toBe(app.url);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => sessionStorage.getItem('ministry-token'))).toBe(app.token);
  await page.reload();
  await expect(page.getByRole('button', { name: /Load the demo/ })).toBeVisible();
  expect(await context.cookies()).toEqual([]);
});

test('pages are served with a strict content security policy', async ({ page, app }) => {
  const response = await page.goto(app.openUrl);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  // An injected inline script does not run.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.appendChild(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});

test('Ctrl+C stops browser mode cleanly and closes the database', async ({ app }) => {
  const code = await app.stop();
  expect(code).toBe(0);
  expect(app.output()).toContain('database was closed');
});
