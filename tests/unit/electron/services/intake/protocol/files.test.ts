// Reading protocol files: DOCX through mammoth with Word's own list numbers rebuilt, PDF through
// unpdf (pdf.js) line by line, a scan (no text on its pages) told apart, and every file that
// cannot be read refused with a message naming it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readProtocolFile } from '../../../../../../electron/services/intake/protocol/files';
import { StoreError } from '../../../../../../db/errors';
import { passwordProtectedPdf, protocolFixture } from '../../../../../support/protocols';

async function textOf(name: string): Promise<string> {
  const read = await readProtocolFile(name, protocolFixture(name));
  if (read.kind !== 'text') throw new Error(`${name} was read as a scan`);
  return read.text;
}

async function refusal(name: string, bytes: Uint8Array): Promise<{ key: string | undefined; message: string }> {
  try {
    await readProtocolFile(name, bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    return { key: (err as StoreError).key, message: (err as StoreError).message };
  }
  throw new Error(`${name} was read`);
}

describe('a protocol as DOCX', () => {
  it('keeps every paragraph on its own line, the typed numbers as written', async () => {
    const lines = (await textOf('ru-protocol.docx')).split('\n');
    expect(lines).toContain('ПРОТОКОЛ');
    expect(lines).toContain('2.1. обеспечить накопление угля на ТЭЦ г. Бишкек в срок до 1 марта 2022 года;');
    expect(lines).toContain('1) срочно представить расчеты тарифов на электроэнергию;');
  });

  it("rebuilds Word's own list numbering, the sub-items numbered under their item", async () => {
    const lines = (await textOf('kk-protocol.docx')).split('\n');
    expect(lines.filter((l) => /^\d/.test(l)).map((l) => l.split(' ')[0])).toEqual(['1.', '2.', '2.1.', '2.2.', '2.3.', '3.', '4.', '5.', '6.']);
    expect(lines).toContain('2.2. бір ай мерзімде жылу желілерін жөндеу кестесін әзірлеу;');
  });
});

describe('a protocol as PDF', () => {
  it('reads the text layer line by line', async () => {
    const read = await readProtocolFile('ru-protocol.pdf', protocolFixture('ru-protocol.pdf'));
    expect(read).toMatchObject({ kind: 'text', format: 'pdf', pages: 1 });
    const text = (read as { text: string }).text;
    expect(text.split('\n')).toContain('ПРОТОКОЛ');
    expect(text).toMatch(/^2\.1\. обеспечить накопление угля на ТЭЦ г\. Бишкек в срок до 1 марта$/m);
  });

  it('tells a scan (a picture of the pages, no text on them) apart', async () => {
    expect(await readProtocolFile('scan.pdf', protocolFixture('scan.pdf'))).toEqual({ kind: 'scan', format: 'pdf', pages: 1 });
  });
});

describe('a file that is not a readable protocol', () => {
  it('is refused with a message naming it, and why', async () => {
    const docx = protocolFixture('ru-protocol.docx');
    const pdf = protocolFixture('ru-protocol.pdf');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Лист1').addRow(['№', 'Поручение']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const cases: [string, Uint8Array, string, RegExp][] = [
      ['notes.docx', Buffer.from('Протокол совещания: просто текст, не документ Word.'), 'protocol.notDocument', /“notes\.docx” is neither a Word document \(DOCX\) nor a PDF\./],
      ['old.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), 'protocol.oldWord', /old Word document \(\.doc\)/],
      ['cut.docx', docx.subarray(0, Math.floor(docx.length / 2)), 'protocol.badDocx', /“cut\.docx” is not a Word document that can be read/],
      ['list.docx', xlsx, 'protocol.badDocx', /“list\.docx” is not a Word document that can be read/],
      ['cut.pdf', pdf.subarray(0, Math.floor(pdf.length / 2)), 'protocol.badPdf', /“cut\.pdf” is not a PDF that can be read: it is damaged or cut short/],
      ['locked.pdf', passwordProtectedPdf(), 'protocol.encryptedPdf', /“locked\.pdf” is protected with a password/],
    ];
    for (const [name, bytes, key, message] of cases) {
      const refused = await refusal(name, bytes);
      expect(refused.key, name).toBe(key);
      expect(refused.message, name).toMatch(message);
      expect(refused.message, name).toMatch(/Nothing was imported\.$/);
    }
  });
});
