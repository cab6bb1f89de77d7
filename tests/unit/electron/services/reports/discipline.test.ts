// The справка об исполнительской дисциплине through the report engine, in every format, read back
// by the real readers: the figures per organization with the total, the monthly trend, the worst
// overdue items and the signature block, in Russian, English, Kazakh and Kyrgyz.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSnapshot } from '../../../../../db/reports';
import type { Language } from '../../../../../db/model';
import { renderExport } from '../../../../../electron/services/reports/render';
import { snapshotFor } from '../../../../../electron/services/reports/service';
import { disciplineStrings } from '../../../../../electron/services/reports/discipline';
import { DISCIPLINE_PERIOD, disciplineWorld, ECONOMY, ENERGY } from '../../../../support/discipline-world';
import { docxParts, launchChromium, parseCsv, pdfText, printToPdf } from '../../../../support/readers';

const SIGNATURE = {
  preparedName: 'Айгерим Садыкова',
  preparedPosition: 'главный специалист отдела контроля',
  preparedPhone: '+996 312 62 00 00',
  approvedPosition: 'Заведующий отделом контроля',
  approvedName: 'К. Омурбеков',
};

let snapshot: ReportSnapshot;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  const { ctx } = await disciplineWorld();
  snapshot = { ...snapshotFor(ctx, 'discipline', undefined, DISCIPLINE_PERIOD), signature: SIGNATURE };
  browser = await launchChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-discipline-'));
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const render = (format: 'csv' | 'xlsx' | 'docx' | 'pdf', language: Language) => renderExport({ kind: 'discipline', format, language, snapshot, csvSeparator: 'semicolon' });

describe('the execution-discipline report', () => {
  it('CSV: one row per lead organization and the total, with both on-time rates and the working days', async () => {
    const { bom, records } = parseCsv(await render('csv', 'ru'), ';');
    expect(bom).toBe(true);
    const [header, ...rows] = records as [string[], ...string[][]];
    expect(header).toEqual([
      'Головной исполнитель',
      'Поручений',
      'Исполнено в срок',
      'Исполнено с нарушением срока',
      'Просрочено сейчас',
      'Дней просрочки (календарных)',
      'Дней просрочки (рабочих)',
      'Продлено',
      'Продлено, %',
      'В срок, % (по действующему сроку)',
      'В срок, % (по первоначальному сроку)',
      'Средняя задержка, дней',
    ]);
    const row = (name: string) => rows.find((r) => r[0] === name);
    expect(row(ENERGY)).toEqual([ENERGY, '6', '2', '1', '3', '62', '43', '1', '16.7', '33.3', '16.7', '4']);
    expect(row(ECONOMY)).toEqual([ECONOMY, '2', '0', '1', '1', '3', '3', '0', '0', '0', '0', '10']);
    expect(row('Головной исполнитель не назначен')).toEqual(['Головной исполнитель не назначен', '1', '0', '0', '1', '34', '24', '0', '0', '0', '0', '']);
    expect(row('Итого')).toEqual(['Итого', '9', '2', '2', '5', '99', '70', '1', '11.1', '22.2', '11.1', '7']);
  });

  it('XLSX: the figures, the trend by month and the worst overdue items, each on its sheet with typed cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await render('xlsx', 'ru')) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['По исполнителям', 'По месяцам', 'Наиболее просроченные']);
    const values = (sheet: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      sheet.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    const trend = values(wb.getWorksheet('По месяцам') as ExcelJS.Worksheet);
    const octoberAt = trend.findIndex((r) => typeof r[0] === 'string' && /октябрь 2026/i.test(r[0] as string));
    expect(octoberAt).toBeGreaterThan(0);
    expect(trend[octoberAt]?.slice(1)).toEqual([4, 1, 1, 2]);
    expect(trend[octoberAt + 1]?.slice(1)).toEqual([5, 1, 1, 3]);
    const worst = values(wb.getWorksheet('Наиболее просроченные') as ExcelJS.Worksheet);
    const first = worst.find((r) => r[1] === 'E6 overdue over Republic Day');
    expect(first?.slice(2)).toEqual([ENERGY, expect.any(Date), expect.any(Date), 41, 28, 0]);
    const figures = values(wb.getWorksheet('По исполнителям') as ExcelJS.Worksheet);
    expect(figures.find((r) => r[0] === 'Итого')?.slice(1, 8)).toEqual([9, 2, 2, 5, 99, 70, 1]);
  });

  it('DOCX and PDF: title, period, the three sections and the signature block, in each of the four languages', async () => {
    for (const language of ['ru', 'en', 'kk', 'ky'] as const) {
      const d = disciplineStrings(language);
      const { text } = await docxParts(await render('docx', language));
      expect(text).toContain(d.title);
      for (const heading of Object.values(d.sections)) expect(text).toContain(heading);
      expect(text).toContain(d.meta.basis.deadline);
      expect(text).toContain('E6 overdue over Republic Day');
      expect(text).toContain('К. Омурбеков');
      expect(text).toContain('Айгерим Садыкова');

      const html = Buffer.from(await render('pdf', language)).toString('utf8');
      const { pdf, console } = await printToPdf(browser, html, dir);
      expect(console).toEqual([]);
      const file = path.join(dir, `discipline-${language}.pdf`);
      fs.writeFileSync(file, pdf);
      const flat = pdfText(file).replace(/\s+/g, ' ');
      expect(flat).toContain(d.title);
      expect(flat).toContain(d.sections.worst);
      expect(flat).toContain(ENERGY);
      expect(flat).toContain('К. Омурбеков');
    }
  });
});
