// The reminder letter (напоминание) to one lead organization, made through the report engine and
// read back: the DOCX with jszip, the PDF printed by Chromium and read with pdftotext, in Russian
// and Kazakh. The clock is Friday 8 May 2026; the organization follows Kazakhstan's calendar, where
// 1 May and 7 May are holidays (so 30 April is 4 working days and 8 calendar days overdue).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService, type ReportService } from '../../../../../electron/services/reports/service';
import { renderExport } from '../../../../../electron/services/reports/render';
import { createProfile, saveSignature, selectProfile } from '../../../../../db/profiles';
import { createOrganization } from '../../../../../db/organizations';
import { createInstruction } from '../../../../../db/instructions';
import { changeStatus } from '../../../../../db/instructions/workflow';
import type { Language } from '../../../../../db/model';
import { openStore } from '../../../../../db/store';
import { tempDir } from '../../../../support/temp';
import { docxParts, launchChromium, pdfText, printToPdf } from '../../../../support/readers';

const NOW = new Date(2026, 4, 8, 9, 0, 0);
const ORG = 'Қазақстан Республикасы Энергетика министрлігі';

let browser: Browser;
let dir: string;
let language: Language = 'ru';
let service: ReportService;
let orgId = '';
let emptyOrgId = '';
let close = (): unknown => undefined;

beforeAll(async () => {
  let signer = 'root';
  const store = await openStore(path.join(tempDir(), 'letter.sqlite'), { now: () => NOW, actor: () => signer });
  close = () => store.close();
  const ctx = store.ctx;
  const official = createProfile(ctx, { fullName: 'Айгерим Садыкова', position: 'главный специалист', phone: '+996 312 62 00 00' });
  selectProfile(ctx, official.id);
  signer = official.fullName;
  saveSignature(ctx, 'letter', { preparedName: '', preparedPosition: '', preparedPhone: '', approvedPosition: 'Заведующий отделом контроля', approvedName: 'К. Омурбеков' });
  const org = createOrganization(ctx, { name: ORG, country: 'Kazakhstan' });
  const other = createOrganization(ctx, { name: 'Министерство экономики', country: 'Kyrgyzstan' });
  orgId = org.id;
  emptyOrgId = createOrganization(ctx, { name: 'Пограничная служба', country: 'Kyrgyzstan' }).id;
  const mk = (controlNumber: string, title: string, dueDate: string, leadOrgId = org.id) =>
    createInstruction(ctx, { controlNumber, title, dueDate, leadOrgId, allowPastDeadline: true });
  mk('12/3', 'Электр энергиясын жеткізу', '2026-04-30');
  mk('12/5', 'Транзит графигі', '2026-05-08');
  mk('12/7', 'Көтерме тарату орталығы', '2026-05-14');
  mk('12/9', 'Later, not listed', '2026-06-30');
  mk('12/11', 'Other ministry, not listed', '2026-04-30', other.id);
  const done = mk('12/13', 'Resolved, not listed', '2026-04-29');
  changeStatus(ctx, done.id, 'resolved', { report: 'Исполнено.' });
  service = createReportService({ ctx, language: () => language, appVersion: '0.0.0-test', render: renderExport });
  browser = await launchChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-letter-'));
});

afterAll(async () => {
  close();
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const REQUEST = () => ({ organizationId: orgId, addressee: 'Министру энергетики', outgoingNumber: '01-12/345' });

async function docx(lang: Language, organizationId = orgId): Promise<{ text: string; lines: string[]; fileName: string }> {
  language = lang;
  let job = service.letter({ ...REQUEST(), organizationId, format: 'docx' });
  while (job.state === 'running') {
    await new Promise((resolve) => setImmediate(resolve));
    job = service.job(job.id);
  }
  expect(job.state).toBe('done');
  const file = service.file(job.id);
  const { text } = await docxParts(file.bytes);
  return { text, lines: text.split('\n'), fileName: file.fileName };
}

async function pdf(lang: Language): Promise<string> {
  language = lang;
  const letter = service.letterPreview(REQUEST());
  const { pdf: bytes, console } = await printToPdf(browser, letter.html, dir);
  expect(console).toEqual([]);
  const file = path.join(dir, `letter-${lang}.pdf`);
  fs.writeFileSync(file, bytes);
  return pdfText(file, true);
}

/** The table rows as the DOCX holds them: one paragraph per cell, six cells a row. */
function rowsAfter(lines: string[], header: string): string[][] {
  const start = lines.indexOf(header);
  expect(start).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (let i = start + 5; lines[i + 1] && /^\d+$/.test(lines[i + 1] as string); i += 6) rows.push(lines.slice(i + 1, i + 7));
  return rows;
}

describe('the reminder letter', () => {
  it('in Russian, as DOCX: number and date, addressee, body, the organization’s due and overdue instructions, the signature', async () => {
    const { text, lines, fileName } = await docx('ru');
    expect(fileName).toBe(`Напоминание ${ORG} 2026-05-08.docx`);
    expect(lines.slice(0, 5)).toEqual(['Исх. № 01-12/345 от 08.05.2026', ORG, 'Министру энергетики', 'Напоминание', 'Об исполнении поручений']);
    expect(text).toContain(`по состоянию на 08.05.2026 наступает или истёк срок исполнения следующих поручений, головным исполнителем которых является ${ORG}.`);
    expect(rowsAfter(lines, '№ п/п')).toEqual([
      ['1', '12/3', 'Электр энергиясын жеткізу', '30.04.2026', '4', '8'],
      ['2', '12/5', 'Транзит графигі', '08.05.2026', '—', '—'],
      ['3', '12/7', 'Көтерме тарату орталығы', '14.05.2026', '—', '—'],
    ]);
    expect(text).not.toContain('not listed');
    expect(text).toMatch(/\nЗаведующий отделом контроля\s+К\. Омурбеков\n/);
    expect(text).toContain('Исп.: Айгерим Садыкова, Тел. +996 312 62 00 00');
  });

  it('in Kazakh, as DOCX', async () => {
    const { text, lines } = await docx('kk');
    expect(lines[0]).toBe('Шығыс № 01-12/345, 08.05.2026');
    expect(text).toContain('Еске салу');
    expect(text).toContain('Тапсырмалардың орындалуы туралы');
    expect(text).toContain(`08.05.2026 жағдай бойынша бас орындаушысы ${ORG} болып табылатын`);
    expect(rowsAfter(lines, 'Р/с №').map((r) => r.slice(1, 6))).toEqual([
      ['12/3', 'Электр энергиясын жеткізу', '30.04.2026', '4', '8'],
      ['12/5', 'Транзит графигі', '08.05.2026', '—', '—'],
      ['12/7', 'Көтерме тарату орталығы', '14.05.2026', '—', '—'],
    ]);
    expect(text).toContain('Орынд.: Айгерим Садыкова');
  });

  it('in Russian and Kazakh, as the PDF Chromium prints', async () => {
    const ru = await pdf('ru');
    expect(ru).toContain('Исх. № 01-12/345 от 08.05.2026');
    expect(ru).toMatch(/1\s+12\/3\s+Электр энергиясын жеткізу\s+30\.04\.2026\s+4\s+8/);
    expect(ru).toMatch(/2\s+12\/5\s+Транзит графигі\s+08\.05\.2026\s+—\s+—/);
    expect(ru).toMatch(/Заведующий отделом контроля\s+К\. Омурбеков/);
    expect(ru).not.toContain('not listed');
    const kk = await pdf('kk');
    expect(kk).toContain('Еске салу');
    expect(kk).toMatch(/1\s+12\/3\s+Электр энергиясын жеткізу\s+30\.04\.2026\s+4\s+8/);
    expect(kk).toContain('Кешіктірілді');
  });

  it('says so when the organization has nothing due', async () => {
    const { text } = await docx('ru', emptyOrgId);
    expect(text).toContain('Поручений этой организации со сроком исполнения на ближайшие дни и просроченных нет.');
    language = 'ru';
    expect(service.letterPreview({ organizationId: emptyOrgId }).instructions).toBe(0);
  });
});
