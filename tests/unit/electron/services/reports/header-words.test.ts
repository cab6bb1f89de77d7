// No header word of a printed report breaks mid-word, in any of the four languages: the DOCX as
// LibreOffice lays it out and the PDF as Chromium prints it, read back as text by poppler. A broken
// header shows in the text as the word's beginning and its rest on the next line
// ("Дайындалд" / "ы" in the Kyrgyz summary, before the widths were fitted to the words).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportSnapshot, type ReportSnapshot } from '../../../../../db/reports';
import { disciplineFigures } from '../../../../../db/discipline';
import { renderExport } from '../../../../../electron/services/reports/render';
import { buildReport } from '../../../../../electron/services/reports/build';
import { minimumHeaderShare } from '../../../../../electron/services/reports/fit';
import { columnWidths } from '../../../../../electron/services/reports/docx';
import type { Language } from '../../../../../db/model';
import { REPORT_KINDS, type ReportKind } from '../../../../../electron/services/reports/model';
import { tempStore } from '../../../../support/temp';
import { REPORT_NOW, reportWorld } from '../../../../support/report-world';
import { launchChromium, libreOfficeConvert, pdfText, printToPdf } from '../../../../support/readers';

const LANGUAGES: Language[] = ['en', 'ru', 'kk', 'ky'];
let snapshot: ReportSnapshot;
let dir: string;
let browser: Browser;

beforeAll(async () => {
  const store = await tempStore({ now: () => REPORT_NOW });
  reportWorld(store.ctx);
  // The discipline report's figures ride along, so its headers are checked with the others'.
  snapshot = { ...readReportSnapshot(store.ctx, { filters: [] }), discipline: disciplineFigures(store.ctx, { from: '2026-01-01', to: '2026-12-31', basis: 'deadline' }) };
  store.close();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-headers-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Header words that the text shows cut in two: a token that begins the word and a token that is its rest. */
function brokenWords(text: string, headers: string[]): string[] {
  const tokens = new Set(text.split(/\s+/).filter(Boolean));
  const broken: string[] = [];
  for (const header of headers) {
    for (const word of header.split(/\s+/)) {
      if (word.length < 4) continue;
      for (let cut = 2; cut < word.length; cut++) {
        const head = word.slice(0, cut);
        const rest = word.slice(cut);
        if ((tokens.has(head) || tokens.has(`${head}-`)) && tokens.has(rest)) broken.push(`${head}/${rest}`);
      }
    }
  }
  return broken;
}

function printedHeaders(language: Language): { kind: ReportKind; headers: string[] }[] {
  return REPORT_KINDS.map((kind) => ({
    kind,
    headers: buildReport(snapshot, { kind, language }).sections.flatMap((s) => s.printColumns.map((c) => c.header)),
  }));
}

describe('printed report headers', () => {
  it('every header cell of the DOCX is at least as wide as its longest word', () => {
    for (const language of LANGUAGES) {
      for (const kind of REPORT_KINDS) {
        for (const section of buildReport(snapshot, { kind, language }).sections) {
          const widths = columnWidths(section);
          expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(15478);
          section.printColumns.forEach((c, i) => {
            const needed = Math.floor((15478 * minimumHeaderShare(c.header)) / 100);
            expect(widths[i], `${language}/${kind}/${c.header}`).toBeGreaterThanOrEqual(needed - 1);
          });
        }
      }
    }
  });

  it('no header word breaks in the DOCX as LibreOffice prints it, in any language', async () => {
    for (const language of LANGUAGES) {
      for (const { kind, headers } of printedHeaders(language)) {
        const file = path.join(dir, `${kind}-${language}.docx`);
        fs.writeFileSync(file, await renderExport({ kind, format: 'docx', language, snapshot }));
        const text = pdfText(libreOfficeConvert(file, 'pdf', dir));
        expect(text.length).toBeGreaterThan(100);
        expect(brokenWords(text, headers), `${language}/${kind}`).toEqual([]);
      }
    }
  }, 240_000);

  it('no header word breaks in the PDF as Chromium prints it, in any language', async () => {
    for (const language of LANGUAGES) {
      for (const { kind, headers } of printedHeaders(language)) {
        const html = Buffer.from(await renderExport({ kind, format: 'html', language, snapshot })).toString('utf8');
        const { pdf } = await printToPdf(browser, html, dir);
        const file = path.join(dir, `${kind}-${language}.pdf`);
        fs.writeFileSync(file, pdf);
        expect(brokenWords(pdfText(file), headers), `${language}/${kind}`).toEqual([]);
      }
    }
  }, 240_000);
});
