// The DOCX and XLSX open cleanly in a real office suite: LibreOffice (headless) converts them, and
// the converted files carry the report's text, Kazakh letters included, with embedded fonts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportSnapshot, type ReportSnapshot } from '../../../../../db/reports';
import { renderExport } from '../../../../../electron/services/reports/render';
import { tempStore } from '../../../../support/temp';
import { FORMULA_TITLES, KAZAKH_LETTERS, KZ_ORG, LETTERS_TITLE, REPORT_NOW, reportWorld } from '../../../../support/report-world';
import { libreOfficeConvert, parseCsv, pdfFonts, pdfText } from '../../../../support/readers';

let snapshot: ReportSnapshot;
let dir: string;

beforeAll(async () => {
  const store = await tempStore({ now: () => REPORT_NOW });
  reportWorld(store.ctx);
  snapshot = readReportSnapshot(store.ctx, { filters: [] });
  store.close();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-office-'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('LibreOffice', () => {
  it('opens the DOCX and prints it to PDF with every letter', async () => {
    const docx = path.join(dir, 'status.docx');
    fs.writeFileSync(docx, await renderExport({ kind: 'status', format: 'docx', language: 'ru', snapshot }));
    const pdf = libreOfficeConvert(docx, 'pdf', dir);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Справка о ходе исполнения поручений');
    expect(text).toContain(LETTERS_TITLE);
    expect(text).toContain(KZ_ORG);
    for (const letter of KAZAKH_LETTERS) expect(text).toContain(letter);
    // Page numbers from the footer's fields.
    expect(text).toMatch(/Стр\. 1 из \d+/);
    for (const font of pdfFonts(pdf)) expect(font, font.name).toMatchObject({ embedded: true });
  });

  it('opens the XLSX: the register reads back with its text cells as text', async () => {
    const xlsx = path.join(dir, 'register.xlsx');
    fs.writeFileSync(xlsx, await renderExport({ kind: 'register', format: 'xlsx', language: 'ru', snapshot }));
    // UTF-8 CSV of the first sheet, formulas (there must be none) shown as their text.
    const csv = libreOfficeConvert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false', dir);
    const { records } = parseCsvLoose(fs.readFileSync(csv));
    const flat = records.flat();
    expect(flat).toContain(LETTERS_TITLE);
    expect(flat).toContain(KZ_ORG);
    // Had LibreOffice taken a payload for a formula, its computed value would stand there instead.
    for (const payload of FORMULA_TITLES) expect(flat).toContain(payload);
  });
});

/** LibreOffice writes LF line ends and no BOM; parse leniently for that. */
function parseCsvLoose(bytes: Buffer): { records: string[][] } {
  const crlf = Buffer.from(bytes.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8');
  return { records: parseCsv(crlf).records };
}
