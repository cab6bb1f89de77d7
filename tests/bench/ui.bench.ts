// UI benchmarks in headless Chromium against browser mode, on a generated board of 5,000 cards.
// Baselines from the same run: the board timings and DOM size against the same board drawn without
// virtualization; the drag against the same pointer path dragging a box on a plain page; the
// bundle against a minimal React page (react and react-dom rendering one element) built minified.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { openStore } from '../../db/store';
import { setSetting } from '../../db/settings';
import { createMeeting } from '../../db/meetings';
import { ensureBuiltinBoards, listBoards } from '../../db/boards';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { startBrowserModeApp, type RunningApp } from '../support/server';
import { generate } from './generate';
import { emit, median } from './report';

const root = path.resolve(import.meta.dirname, '../..');

interface BenchData {
  dir: string;
  /** The control board: all 5,000 cards. */
  bigBoard: string;
  /** An empty meeting's board, where the app opens. */
  smallBoard: string;
}

async function makeDataDir(cards: number): Promise<BenchData> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-bench-ui-'));
  const store = await openStore(path.join(dir, 'ministry-tracker.sqlite'));
  generate(store.ctx, { instructions: cards, meetings: 1, organizations: 30 });
  const empty = createMeeting(store.ctx, { title: 'Empty meeting', heldOn: '2026-11-01' });
  ensureBuiltinBoards(store.ctx);
  const boards = listBoards(store.ctx);
  const bigBoard = boards.find((b) => b.builtin === 'control')!.id;
  const smallBoard = boards.find((b) => b.meetingId === empty.id)!.id;
  setSetting(store.ctx, 'startChoice', 'empty');
  store.close();
  return { dir, bigBoard, smallBoard };
}

function boardHolds(page: Page, cards: number) {
  return page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-testid=column-count]')].reduce((sum, el) => sum + Number(el.textContent), 0) === n && !!document.querySelector('[data-testid=card]'),
    cards,
    { timeout: 120_000, polling: 'raf' },
  );
}

/** Two frames after the cards appear, the board has painted and answers input. */
function twoFrames(page: Page, since: 'navigation' | 'choice'): Promise<number> {
  return page.evaluate(
    (from) =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve(performance.now() - (from === 'choice' ? (window as unknown as { t0: number }).t0 : 0))),
        ),
      ),
    since,
  );
}

async function openApp(page: Page, app: RunningApp, virtualize: boolean): Promise<void> {
  await page.goto(virtualize ? app.openUrl : app.openUrl.replace('/#', '/?virtualize=off#'));
  await page.waitForSelector('[data-testid=board-select] option', { state: 'attached', timeout: 120_000 });
}

/** ms from the official choosing the 5,000-card board until it is drawn and the page idle. */
async function switchToBoard(page: Page, boardId: string, cards: number): Promise<number> {
  await page.evaluate(() => {
    const select = document.querySelector('[data-testid=board-select]') as HTMLSelectElement;
    select.addEventListener('change', () => ((window as unknown as { t0: number }).t0 = performance.now()), { capture: true, once: true });
  });
  await page.selectOption('[data-testid=board-select]', boardId);
  await boardHolds(page, cards);
  return twoFrames(page, 'choice');
}

/** ms from navigation start until the app, opened straight on the 5,000-card board, is drawn and idle. */
async function coldOpen(page: Page, app: RunningApp, virtualize: boolean, cards: number): Promise<number> {
  await page.goto(virtualize ? app.openUrl : app.openUrl.replace('/#', '/?virtualize=off#'));
  await boardHolds(page, cards);
  return twoFrames(page, 'navigation');
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** The longest main-thread task while a card is dragged across two columns. */
async function longestTaskDuringDrag(browser: Browser, page: Page): Promise<number> {
  const card = page.locator('[data-testid=column][data-column-key=assigned] [data-testid=card]').first();
  const target = page.locator('[data-testid=column][data-column-key=report_submitted]');
  return longestTaskDuringMove(browser, page, (await card.boundingBox())!, (await target.boundingBox())!);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A plain page: two columns and a box that follows the pointer while the button is down. */
const PLAIN_DRAG_PAGE = `<!doctype html><html><body style="margin:0;display:flex;gap:16px;padding:16px">
<div id="a" style="width:300px;height:800px;background:#eee"><div id="card" style="height:80px;background:#fff;border:1px solid #999">Card</div></div>
<div id="b" style="width:300px;height:800px;background:#eee"></div><div id="c" style="width:300px;height:800px;background:#eee"></div>
<script>
const card = document.getElementById('card');
let from = null;
card.addEventListener('pointerdown', (e) => { from = [e.clientX, e.clientY]; card.setPointerCapture(e.pointerId); });
card.addEventListener('pointermove', (e) => { if (from) card.style.transform = 'translate(' + (e.clientX - from[0]) + 'px,' + (e.clientY - from[1]) + 'px)'; });
card.addEventListener('pointerup', () => { from = null; document.getElementById('c').appendChild(card); card.style.transform = ''; });
</script></body></html>`;

/** The same pointer path on the plain page: a drag's floor on this machine at this moment. */
async function longestTaskDuringPlainDrag(browser: Browser, page: Page): Promise<number> {
  await page.setContent(PLAIN_DRAG_PAGE);
  const from = (await page.locator('#card').boundingBox())!;
  const to = (await page.locator('#c').boundingBox())!;
  return longestTaskDuringMove(browser, page, from, to);
}

async function longestTaskDuringMove(browser: Browser, page: Page, from: Box, to: Box): Promise<number> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 200, { steps: 40 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const main = trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const tasks = trace.traceEvents.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.includes(`${e.pid}:${e.tid}`));
  return Math.max(...tasks.map((e) => (e.dur ?? 0) / 1000));
}

function initialBundleGzipKb(): number {
  const dist = path.join(root, 'dist/renderer');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  return bytes / 1024;
}

/** The same measure for a minimal React page (react-dom rendering one element), built minified. */
async function minimalReactGzipKb(): Promise<number> {
  const result = await build({
    stdin: {
      contents: `import { createElement } from 'react'; import { createRoot } from 'react-dom/client'; createRoot(document.getElementById('root')).render(createElement('div', null, 'Board'));`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return zlib.gzipSync(Buffer.from(result.outputFiles[0]!.contents), { level: 9 }).length / 1024;
}

export async function benchUi(): Promise<void> {
  emit('ui.bundle_gzip_kb', initialBundleGzipKb(), 'kB', await minimalReactGzipKb());
  const data = await makeDataDir(5000);
  const app = await startBrowserModeApp({ dataDir: data.dir });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const remember = (boardId: string) =>
    fetch(`${app.url}api/app.rememberBoard`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-ministry-token': app.token },
      body: JSON.stringify({ boardId }),
    });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Opening the board in a running app: the app starts on a small board, then the official
    // picks the 5,000-card board.
    const virtualized: number[] = [];
    const plain: number[] = [];
    // The virtualized board twice a round: its few hundred ms vary more with the machine's load.
    for (let round = 0; round < 4; round++) {
      for (const [virtualize, list] of [[true, virtualized], [false, plain], [true, virtualized]] as const) {
        await remember(data.smallBoard);
        const page = await context.newPage();
        await openApp(page, app, virtualize);
        list.push(await switchToBoard(page, data.bigBoard, 5000));
        await page.close();
      }
    }
    emit('ui.board_first_render_5k', median(virtualized.slice(1)), 'ms', median(plain.slice(1)));

    // The same, from a cold start of the app opened straight on that board.
    await remember(data.bigBoard);
    const cold: number[] = [];
    const coldPlain: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [virtualize, list] of [[true, cold], [false, coldPlain]] as const) {
        const page = await context.newPage();
        list.push(await coldOpen(page, app, virtualize, 5000));
        await page.close();
      }
    }
    emit('ui.app_open_on_board_5k', median(cold), 'ms', median(coldPlain));

    const nodes = async (virtualize: boolean) => {
      const p = await context.newPage();
      await coldOpen(p, app, virtualize, 5000);
      const n = await p.evaluate(() => document.getElementsByTagName('*').length);
      await p.close();
      return n;
    };
    emit('ui.board_dom_nodes_5k', await nodes(true), 'nodes', await nodes(false));

    const page = await context.newPage();
    await coldOpen(page, app, true, 5000);
    const drag = await longestTaskDuringDrag(browser, page);
    await page.close();
    const plainPage = await context.newPage();
    const plainDrag = await longestTaskDuringPlainDrag(browser, plainPage);
    await plainPage.close();
    emit('ui.drag_longest_task_5k', drag, 'ms', plainDrag);
  } finally {
    await browser.close();
    await app.stop();
    fs.rmSync(data.dir, { recursive: true, force: true });
  }
}
