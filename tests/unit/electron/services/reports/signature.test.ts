// The справка ends with a signature block — "approved by" (the head's position and name) and
// "prepared by" (name, position, phone, from the profile in use unless the report kind or the
// dialog says otherwise) — and its page footer names the official, not the login. Read back from
// the DOCX's XML and from the PDF Chromium prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportSnapshot, type ReportSnapshot } from '../../../../../db/reports';
import { renderExport } from '../../../../../electron/services/reports/render';
import { startAppCore } from '../../../../../electron/services/app';
import { dispatch } from '../../../../../electron/api/dispatch';
import type { Input, ReportPreview } from '../../../../../electron/api/contract';
import { tempDir, tempStore } from '../../../../support/temp';
import { REPORT_NOW, reportWorld } from '../../../../support/report-world';
import { docxParts, launchChromium, pdfPages, pdfText, printToPdf } from '../../../../support/readers';

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
  // The store's actor is a login name: the report must not show it where a profile signs.
  const store = await tempStore({ now: () => REPORT_NOW, actor: () => 'root' });
  reportWorld(store.ctx);
  snapshot = { ...readReportSnapshot(store.ctx, { filters: [] }), signature: SIGNATURE };
  store.close();
  browser = await launchChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-signature-'));
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the signature block of the справка', () => {
  it('ends the DOCX with approved by and prepared by, and names the official in the footer', async () => {
    const { text, footers } = await docxParts(await renderExport({ kind: 'status', format: 'docx', language: 'ru', snapshot }));
    const lines = text.split('\n');
    const approved = lines.indexOf('Утверждаю');
    const prepared = lines.indexOf('Подготовил(а)');
    expect(approved).toBeGreaterThan(0);
    expect(prepared).toBeGreaterThan(approved);
    expect(lines[approved + 1]).toMatch(/^Заведующий отделом контроля\s+К\. Омурбеков$/);
    expect(lines[prepared + 1]).toMatch(/^главный специалист отдела контроля\s+Айгерим Садыкова$/);
    expect(lines[prepared + 2]).toBe('Тел. +996 312 62 00 00');
    expect(text).toContain('Айгерим Садыкова');
    expect(text).not.toMatch(/\broot\b/);
    expect(footers).toContain('Исполнитель: Айгерим Садыкова, Тел. +996 312 62 00 00');
    expect(footers).not.toMatch(/\broot\b/);
  });

  it('ends the PDF with the same block and prints the official in the footer of every page', async () => {
    const html = Buffer.from(await renderExport({ kind: 'status', format: 'pdf', language: 'ru', snapshot })).toString('utf8');
    const { pdf, console } = await printToPdf(browser, html, dir);
    expect(console).toEqual([]);
    const file = path.join(dir, 'status.pdf');
    fs.writeFileSync(file, pdf);
    const text = pdfText(file);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/Утверждаю Заведующий отделом контроля К\. Омурбеков/);
    expect(flat).toMatch(/Подготовил\(а\) главный специалист отдела контроля Айгерим Садыкова Тел\. \+996 312 62 00 00/);
    const pages = pdfPages(file);
    expect(text.split('Исполнитель: Айгерим Садыкова, Тел. +996 312 62 00 00').length - 1).toBe(pages);
    expect(text).not.toMatch(/\broot\b/);
  });

  it('prints nothing of the block where nobody is named, and each language has its words', async () => {
    const bare = { ...snapshot, signature: undefined };
    const { text } = await docxParts(await renderExport({ kind: 'status', format: 'docx', language: 'ru', snapshot: bare }));
    expect(text).not.toContain('Утверждаю');
    for (const [language, approved, prepared] of [
      ['en', 'Approved by', 'Prepared by'],
      ['kk', 'Бекітемін', 'Дайындаған'],
      ['ky', 'Бекитемин', 'Даярдаган'],
    ] as const) {
      const parts = await docxParts(await renderExport({ kind: 'overdue', format: 'docx', language, snapshot }));
      expect(parts.text.split('\n')).toEqual(expect.arrayContaining([approved, prepared]));
    }
  });

  it('takes "prepared by" from the profile in use and "approved by" from the settings of the kind; the dialog can change both', async () => {
    const core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test', preferredLanguages: ['ru'] });
    try {
      await dispatch(core.handlers, 'app.chooseStart', { choice: 'demo', profile: { fullName: 'Нурлан Абдылдаев', position: 'заведующий сектором', phone: '62-10-10' } });
      await dispatch(core.handlers, 'profiles.saveSignature', {
        kind: 'status',
        signature: { preparedName: '', preparedPosition: '', preparedPhone: '', approvedPosition: 'Руководитель аппарата', approvedName: 'А. Жапаров' },
      });
      const scope = { type: 'search', query: '' } as const;
      const previewHtml = async (input: Input<'reports.preview'>): Promise<string> => {
        const result = await dispatch(core.handlers, 'reports.preview', input);
        if (!result.ok) throw new Error(result.error.message);
        return (result.value as ReportPreview).html;
      };
      const html = await previewHtml({ kind: 'status', scope });
      expect(html).toContain('<span class="sig-name">Нурлан Абдылдаев</span>');
      expect(html).toContain('<span class="sig-pos">заведующий сектором</span>');
      expect(html).toContain('Тел. 62-10-10');
      expect(html).toContain('<span class="sig-name">А. Жапаров</span>');
      // Another kind has its own (nothing saved: no "approved by").
      expect(await previewHtml({ kind: 'overdue', scope })).not.toContain('А. Жапаров');
      // Edited in the dialog for this report only.
      const edited = await previewHtml({
        kind: 'status',
        scope,
        signature: { preparedName: 'И. Исаков', preparedPosition: '', preparedPhone: '', approvedPosition: 'Премьер-министр', approvedName: 'А. Жапаров' },
      });
      expect(edited).toContain('<span class="sig-name">И. Исаков</span>');
      expect(edited).toContain('<span class="sig-pos">Премьер-министр</span>');
      const saved = await dispatch(core.handlers, 'profiles.signature', { kind: 'status' });
      expect(saved).toMatchObject({ ok: true, value: { saved: { approvedPosition: 'Руководитель аппарата' } } });
    } finally {
      core.close();
    }
  });
});
