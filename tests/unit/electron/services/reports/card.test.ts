// The instruction's card (карточка поручения) printed through the report engine: its number, source
// meeting and protocol, text, lead executor and co-executors, deadlines with the extensions, reports,
// a history summary and the signature, in all four languages, read back from the PDF Chromium prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService, type ReportService } from '../../../../../electron/services/reports/service';
import { createProfile, saveSignature, selectProfile } from '../../../../../db/profiles';
import type { Language } from '../../../../../db/model';
import { tempDir } from '../../../../support/temp';
import { openStore } from '../../../../../db/store';
import { KG_ORG, KZ_ORG, KZ_ORG_2, KZ_PERSON, LETTERS_TITLE, REPORT_NOW, reportWorld, type ReportWorld } from '../../../../support/report-world';
import { launchChromium, pdfPages, pdfText, printToPdf } from '../../../../support/readers';

let browser: Browser;
let dir: string;
let w: ReportWorld;
let language: Language = 'ru';
let service: ReportService;
let close = (): unknown => undefined;

beforeAll(async () => {
  let signer = 'root';
  // Open for the whole file (tempStore's stores close after each test).
  const store = await openStore(path.join(tempDir(), 'card.sqlite'), { now: () => REPORT_NOW, actor: () => signer });
  close = () => store.close();
  const official = createProfile(store.ctx, { fullName: 'Айгерим Садыкова', position: 'главный специалист', phone: '+996 312 62 00 00' });
  selectProfile(store.ctx, official.id);
  signer = official.fullName;
  w = reportWorld(store.ctx);
  saveSignature(store.ctx, 'card', { preparedName: '', preparedPosition: '', preparedPhone: '', approvedPosition: 'Заведующий отделом контроля', approvedName: 'К. Омурбеков' });
  service = createReportService({ ctx: store.ctx, language: () => language, appVersion: '0.0.0-test' });
  browser = await launchChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-card-'));
});

afterAll(async () => {
  close();
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function printed(instructionId: string, lang: Language): Promise<{ text: string; flat: string; pages: number }> {
  language = lang;
  const card = service.card({ instructionId, pageMargins: true });
  const { pdf, console } = await printToPdf(browser, card.html, dir);
  expect(console).toEqual([]);
  const file = path.join(dir, `card-${lang}.pdf`);
  fs.writeFileSync(file, pdf);
  const text = pdfText(file);
  return { text, flat: text.replace(/\s+/g, ' '), pages: pdfPages(file) };
}

describe('the instruction card', () => {
  it('prints everything about the instruction, in Russian', async () => {
    const { flat, text, pages } = await printed(w.items.lettered.id, 'ru');
    expect(flat).toContain('Карточка поручения № 7-қ/1');
    expect(flat).toContain('Совещание глав правительств Кыргызстана и Казахстана от 20.01.2026');
    expect(flat).toContain('Протокол № 7-қ');
    expect(flat).toContain(LETTERS_TITLE);
    expect(flat).toContain('Обеспечить поставку электроэнергии; жауапты: Әсел Нұрғалиқызы.');
    expect(flat).toContain(`Головной исполнитель ${KZ_ORG} ${KZ_PERSON}, вице-министр`);
    expect(flat).toContain(`${KG_ORG} (до 01.04.2026)`);
    expect(flat).toContain(`${KZ_ORG_2} — ${KZ_PERSON}`);
    expect(flat).toContain('Срок 15.04.2026');
    expect(flat).toMatch(/История Записано изменений: \d+/);
    expect(flat).toContain('Утверждаю Заведующий отделом контроля К. Омурбеков');
    expect(flat).toContain('Подготовил(а) главный специалист Айгерим Садыкова Тел. +996 312 62 00 00');
    expect(text.split('Исполнитель: Айгерим Садыкова').length - 1).toBe(pages);
    expect(text).not.toMatch(/\broot\b/);
  });

  it('shows the deadline changes and the reports of an extended, resolved instruction', async () => {
    const extended = await printed(w.items.extended.id, 'ru');
    expect(extended.flat).toContain('Изменения срока 20.02.2026 → 05.03.2026: Ожидается заключение погранслужбы (Айгерим Садыкова)');
    expect(extended.flat).toContain('Первоначальный срок 20.02.2026');
    // The history summary speaks the report's language, not the store's field names.
    expect(extended.flat).toContain('Айгерим Садыкова · Срок: 05.03.2026');
    expect(extended.flat).not.toContain('dueDate');
    const resolved = await printed(w.items.resolved.id, 'ru');
    expect(resolved.flat).toContain('Проект дорожной карты направлен сторонам.');
    expect(resolved.flat).toContain('Дорожная карта подписана 25.02.2026.');
    expect(resolved.flat).toMatch(/Промежуточный отчёт, \d\d\.\d\d\.2026/);
    expect(resolved.flat).toContain('Статус: Исполнено');
    expect(resolved.flat).not.toMatch(/\b(status|resolvedAt): /);
  });

  it('reads in English, Kazakh and Kyrgyz', async () => {
    const expected: Record<Exclude<Language, 'ru'>, string[]> = {
      en: ['Instruction card No. 7-қ/3', 'Lead executor', 'Deadline changes', 'Approved by', 'Prepared by Айгерим Садыкова'],
      kk: ['Тапсырма карточкасы № 7-қ/3', 'Бас орындаушы', 'Мерзімнің өзгерістері', 'Бекітемін', 'Орындаушы: Айгерим Садыкова'],
      ky: ['Тапшырманын карточкасы № 7-қ/3', 'Башкы аткаруучу', 'Мөөнөттүн өзгөрүүлөрү', 'Бекитемин', 'Аткаруучу: Айгерим Садыкова'],
    };
    for (const [lang, words] of Object.entries(expected) as [Exclude<Language, 'ru'>, string[]][]) {
      const { flat } = await printed(w.items.extended.id, lang);
      for (const word of words) expect(flat, `${lang}: ${word}`).toContain(word);
    }
  });

  it('refuses a card of an instruction that is not there, in words', () => {
    expect(() => service.card({ instructionId: '00000000-0000-4000-8000-000000000000' })).toThrow(/instruction/i);
  });
});
