// Real readers for the exported files: Chromium's print engine for the PDF (the app's printToPDF
// is the same engine), poppler's pdftotext and pdffonts, exceljs, jszip, csv-parse and LibreOffice.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { PDF_PRINT_OPTIONS } from '../../electron/services/reports/html';
import { CHROMIUM_ARGS, findChromium } from './chromium';

/** The app's printToPDF options in Playwright's words. */
export const PLAYWRIGHT_PDF_OPTIONS = {
  format: PDF_PRINT_OPTIONS.pageSize,
  landscape: PDF_PRINT_OPTIONS.landscape,
  printBackground: PDF_PRINT_OPTIONS.printBackground,
  preferCSSPageSize: PDF_PRINT_OPTIONS.preferCSSPageSize,
} as const;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/**
 * Prints a report document to PDF the way the app does: loaded as a document of its own (from a
 * file, as the shell loads it) and printed by Chromium. Console messages (a CSP violation, say)
 * are collected.
 */
export async function printToPdf(browser: Browser, html: string, dir: string): Promise<{ pdf: Buffer; console: string[] }> {
  const file = path.join(dir, `print-${Date.now()}-${Math.random().toString(36).slice(2)}.html`);
  fs.writeFileSync(file, html);
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  try {
    await page.goto(pathToFileURL(file).href);
    const pdf = await page.pdf(PLAYWRIGHT_PDF_OPTIONS);
    return { pdf, console: messages };
  } finally {
    await page.close();
  }
}

export function pdfText(file: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  unicode: boolean;
}

/** pdffonts' table: every font with its type, whether it is embedded and has a ToUnicode map. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
    if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
    return { name: m[1] as string, type: m[2] as string, embedded: m[4] === 'yes', unicode: m[6] === 'yes' };
  });
}

/** The visible text of a DOCX: every w:t of the body, headers and footers, paragraph by paragraph. */
export async function docxParts(bytes: Uint8Array): Promise<{ zip: JSZip; document: string; text: string; headers: string; footers: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const document = await read('word/document.xml');
  const names = Object.keys(zip.files);
  const headers = (await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read))).join('\n');
  const footers = (await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read))).join('\n');
  return { zip, document, text: docxText(document), headers, footers };
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

export function docxText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => (m[1] as string).replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e] as string))
        .join(''),
    )
    .filter((p) => p !== '')
    .join('\n');
}

export function parseCsv(bytes: Uint8Array, delimiter: ',' | ';' = ','): { bom: boolean; records: string[][] } {
  const text = Buffer.from(bytes).toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  const records = parse(bom ? text.slice(1) : text, { delimiter, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
  return { bom, records };
}

/** Converts with LibreOffice headless (its own profile in a temporary folder); returns the output file. */
export function libreOfficeConvert(input: string, to: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-lo-profile-'));
  try {
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, input],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const output = path.join(outDir, `${path.basename(input, path.extname(input))}.${to.split(':')[0]}`);
    if (result.status !== 0 || !fs.existsSync(output)) {
      throw new Error(`LibreOffice could not convert ${input} to ${to}: ${result.stdout}${result.stderr}`);
    }
    return output;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
