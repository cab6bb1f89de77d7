// CSV and XLSX lists of instructions: encodings, delimiters, header rows and date forms offices
// use; every row's problems; valid rows in one transaction; bad files refused with the store unchanged.
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../../../electron/services/demo/seed';
import { MAX_IMPORT_BYTES, StagedFiles } from '../../../../../electron/services/intake/files';
import { commitList, previewList, type ListOptions } from '../../../../../electron/services/intake/lists/index';
import { parseCoexecutorEntry } from '../../../../../electron/services/intake/lists/rows';
import { mappingFor } from '../../../../../electron/services/intake/lists/headers';
import { renderExport } from '../../../../../electron/services/reports/render';
import { readReportSnapshot } from '../../../../../db/reports';
import { parseDate } from '../../../../../electron/services/intake/dates';
import { createMeeting } from '../../../../../db/meetings';
import { listOrganizations } from '../../../../../db/organizations';
import { StoreError } from '../../../../../db/errors';
import type { StoreContext } from '../../../../../db/context';
import { tempStore } from '../../../../support/temp';
import { count, storeHash, utf8, windows1251, xlsx } from '../../../../support/intake';
import { FORMULA_TITLES, KG_ORG, KZ_ORG, KZ_ORG_2, LETTERS_TITLE, REPORT_NOW, reportWorld } from '../../../../support/report-world';

async function demoStore(): Promise<StoreContext> {
  const { ctx } = await tempStore();
  loadDemo(ctx);
  return ctx;
}

const files = new StagedFiles();

async function preview(ctx: StoreContext, name: string, bytes: Uint8Array, options: Omit<ListOptions, 'fileId'> = {}) {
  const staged = files.stage(name, bytes);
  return { fileId: staged.fileId, preview: await previewList(ctx, files.get(staged.fileId), options) };
}

async function importFile(ctx: StoreContext, name: string, bytes: Uint8Array, options: Omit<ListOptions, 'fileId'> = {}) {
  const staged = files.stage(name, bytes);
  return commitList(ctx, files.get(staged.fileId), options);
}

async function refusal(ctx: StoreContext, name: string, bytes: Uint8Array): Promise<StoreError> {
  const hash = storeHash(ctx);
  let caught: unknown;
  try {
    const staged = files.stage(name, bytes);
    await previewList(ctx, files.get(staged.fileId), {});
    await commitList(ctx, files.get(staged.fileId), {});
  } catch (err) {
    caught = err;
  }
  expect(storeHash(ctx), `${name} changed the store`).toBe(hash);
  expect(caught).toBeInstanceOf(StoreError);
  return caught as StoreError;
}

const RU_LIST = [
  'Перечень поручений по итогам встречи 5 ноября 2021 г.',
  '№;Поручение;Ответственный исполнитель;Соисполнители;Срок исполнения;Приоритет;Тема',
  '1;Проработать вопрос поставки электроэнергии;Ministry of Energy of the Kyrgyz Republic;Ministry of Energy of the Republic of Kazakhstan;05.12.2021;высокий;Энергетика',
  '2;Открыть пункты пропуска;Пограничная служба;;31.02.2022;;Пункты пропуска',
  '3;;Министерство экономики;;01.01.2022;;',
  '4;"Рассмотреть работу курортов; подготовить ""дорожную карту""";Министерство туризма;Акимат Иссык-Кульской области;2022-01-15;странный;Туризм, космос',
  '1;Проработать вопрос поставки электроэнергии;Ministry of Energy of the Kyrgyz Republic;;05.12.2021;;',
  '5;Подготовить соглашение о транзите;Министерство энергетики;;5 ноября 2022 г.;срочно;"Энергетика; Логистика"',
  '',
].join('\r\n');

describe('a Russian list in Windows-1251 with a title row above the headers', () => {
  it('is read in the right encoding and delimiter, its headers mapped, every row’s problems listed', async () => {
    const ctx = await demoStore();
    const hash = storeHash(ctx);
    const { preview: p } = await preview(ctx, 'поручения.csv', windows1251(RU_LIST));
    expect(storeHash(ctx)).toBe(hash);
    expect(p).toMatchObject({ format: 'csv', encoding: 'windows-1251', delimiter: ';', headerRow: 2, totalRows: 6, validRows: 3, skippedRows: 3, warningRows: 1 });
    expect(p.columns.map((c) => [c.header, c.field])).toEqual([
      ['№', 'itemNumber'],
      ['Поручение', 'title'],
      ['Ответственный исполнитель', 'leadOrg'],
      ['Соисполнители', 'coexecutors'],
      ['Срок исполнения', 'dueDate'],
      ['Приоритет', 'priority'],
      ['Тема', 'topics'],
    ]);
    expect(p.rows.map((r) => [r.row, r.skipped, r.issues.map((i) => i.code)])).toEqual([
      [4, true, ['badDate']],
      [5, true, ['titleMissing']],
      [6, false, ['badPriority', 'unknownTopic']],
      [7, true, ['duplicateInFile']],
    ]);
    expect(p.rows[0]?.issues[0]).toEqual({ severity: 'error', code: 'badDate', field: 'dueDate', value: '31.02.2022' });
    expect(p.rows[3]?.issues[0]).toMatchObject({ row: 3 });
    expect(p.rows[2]?.cells[1]).toBe('Рассмотреть работу курортов; подготовить "дорожную карту"');
    expect(p.sample.map((s) => [s.row, s.dueDate, s.priority, s.topics])).toEqual([
      [3, '2021-12-05', 'high', ['energy']],
      [6, '2022-01-15', 'normal', ['tourism']],
      [8, '2022-11-05', 'critical', ['energy', 'logistics']],
    ]);
    expect(p.newOrganizations).toEqual(['Министерство туризма', 'Акимат Иссык-Кульской области', 'Министерство энергетики']);
  });

  it('imports the valid rows in one transaction and returns the skipped ones for the report', async () => {
    const ctx = await demoStore();
    const meeting = createMeeting(ctx, { title: 'Встреча 5 ноября', heldOn: '2021-11-05' });
    const before = { instructions: count(ctx, 'instructions'), orgs: count(ctx, 'organizations') };
    const result = await importFile(ctx, 'поручения.csv', windows1251(RU_LIST), { meetingId: meeting.id });
    expect(result).toMatchObject({ imported: 3, newOrganizations: 3, meetingId: meeting.id });
    expect(result.header[1]).toBe('Поручение');
    expect(result.skipped.map((r) => r.row)).toEqual([4, 5, 7]);
    expect(count(ctx, 'instructions')).toBe(before.instructions + 3);
    expect(count(ctx, 'organizations')).toBe(before.orgs + 3);
    const rows = ctx.db
      .prepare(
        `SELECT i.item_number, i.title, i.due_date, i.priority, o.name AS lead,
                (SELECT group_concat(t.code) FROM instruction_tags it JOIN tags t ON t.id = it.tag_id WHERE it.instruction_id = i.id) AS topics,
                (SELECT count(*) FROM coexecutors c WHERE c.instruction_id = i.id) AS co
           FROM instructions i LEFT JOIN organizations o ON o.id = i.lead_org_id WHERE i.meeting_id = ? ORDER BY i.rank`,
      )
      .all(meeting.id);
    // The list's Sunday 5 December 2021 and Saturday 5 November 2022 are days off in Kyrgyzstan:
    // the store's deadline rule moves each to the Friday before.
    expect(rows).toEqual([
      { item_number: '1', title: 'Проработать вопрос поставки электроэнергии', due_date: '2021-12-03', priority: 'high', lead: 'Ministry of Energy of the Kyrgyz Republic', topics: 'energy', co: 1 },
      { item_number: '4', title: 'Рассмотреть работу курортов; подготовить "дорожную карту"', due_date: '2022-01-15', priority: 'normal', lead: 'Министерство туризма', topics: 'tourism', co: 1 },
      { item_number: '5', title: 'Подготовить соглашение о транзите', due_date: '2022-11-04', priority: 'critical', lead: 'Министерство энергетики', topics: expect.stringMatching(/^(energy,logistics|logistics,energy)$/), co: 0 },
    ]);
    // History: a created row per instruction, a row per topic, per co-executor, per new organization.
    const history = ctx.db.prepare("SELECT count(*) AS n FROM history WHERE entity = 'instruction' AND field = 'created' AND entity_id IN (SELECT id FROM instructions WHERE meeting_id = ?)").get(meeting.id) as { n: number };
    expect(history.n).toBe(3);
  });

  it('refuses the same rows a second time as already imported', async () => {
    const ctx = await demoStore();
    const meeting = createMeeting(ctx, { title: 'Встреча', heldOn: '2021-11-05' });
    await importFile(ctx, 'a.csv', windows1251(RU_LIST), { meetingId: meeting.id });
    const hash = storeHash(ctx);
    const { preview: again } = await preview(ctx, 'a.csv', windows1251(RU_LIST), { meetingId: meeting.id });
    expect(again.validRows).toBe(0);
    expect(again.rows.filter((r) => r.issues.some((i) => i.code === 'alreadyImported')).map((r) => r.row)).toEqual([3, 6, 8]);
    const second = await importFile(ctx, 'a.csv', windows1251(RU_LIST), { meetingId: meeting.id });
    expect(second.imported).toBe(0);
    expect(storeHash(ctx)).toBe(hash);
  });
});

describe('encodings, delimiters and dates', () => {
  const EN = 'No.,Instruction,Lead,Deadline,Topic\n1,Work out electricity supply,Ministry of Energy (KG),2021-12-05,energy\n2,"Open checkpoints, land",Border Service (KG),5 November 2022,Checkpoints\n';

  it('reads UTF-8 with and without a byte-order mark, commas, semicolons and tabs alike', async () => {
    const ctx = await demoStore();
    const variants: [string, Uint8Array, string, string][] = [
      ['bom.csv', utf8(EN, true), 'utf-8-bom', ','],
      ['plain.csv', utf8(EN), 'utf-8', ','],
      ['semi.csv', utf8('No.;Instruction;Lead;Deadline;Topic\n1;Work out electricity supply;Ministry of Energy (KG);2021-12-05;energy\n2;Open checkpoints, land;Border Service (KG);5 November 2022;Checkpoints\n'), 'utf-8', ';'],
      ['tab.txt', utf8('No.\tInstruction\tLead\tDeadline\tTopic\n1\tWork out electricity supply\tMinistry of Energy (KG)\t2021-12-05\tenergy\n2\tOpen checkpoints, land\tBorder Service (KG)\t5 November 2022\tCheckpoints\n'), 'utf-8', '\t'],
      ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EN, 'utf16le')]), 'utf-16le', ','],
    ];
    for (const [name, bytes, encoding, delimiter] of variants) {
      const { preview: p } = await preview(ctx, name, bytes);
      expect({ name, encoding: p.encoding, delimiter: p.delimiter, valid: p.validRows, rows: p.rows }).toEqual({ name, encoding, delimiter, valid: 2, rows: [] });
      expect(p.sample.map((s) => [s.title, s.leadOrg, s.dueDate])).toEqual([
        ['Work out electricity supply', 'Ministry of Energy (KG)', '2021-12-05'],
        ['Open checkpoints, land', 'Border Service (KG)', '2022-11-05'],
      ]);
      expect(p.newOrganizations).toEqual([]);
    }
  });

  it('understands the date forms offices write', () => {
    for (const [text, iso] of [
      ['05.11.2021', '2021-11-05'],
      ['5.11.2021', '2021-11-05'],
      ['05.11.21', '2021-11-05'],
      ['2021-11-05', '2021-11-05'],
      ['2021-11-05 00:00:00', '2021-11-05'],
      ['05/11/2021', '2021-11-05'],
      ['11/25/2021', '2021-11-25'],
      ['5 ноября 2021 г.', '2021-11-05'],
      ['5 ноября 2021 года', '2021-11-05'],
      ['до 01.12.2021', '2021-12-01'],
      ['5 November 2021', '2021-11-05'],
      ['November 5, 2021', '2021-11-05'],
      ['2021 жылғы 5 қараша', '2021-11-05'],
      ['44505', '2021-11-05'],
    ] as const) {
      expect(parseDate(text), text).toBe(iso);
    }
    for (const bad of ['31.02.2021', 'tomorrow', 'в течение месяца', '2021', '13.13.2021', '5 ноября']) expect(parseDate(bad), bad).toBeNull();
  });
});

describe('XLSX lists', () => {
  it('read date cells, Excel date numbers and text dates, and the sheet the official picks', async () => {
    const ctx = await demoStore();
    const book = await xlsx({
      Cover: [['Instructions of the meeting of 5 November 2021']],
      List: [
        ['Item', 'Task', 'Responsible', 'Due date', 'Priority'],
        [1, 'Work out electricity supply', 'Ministry of Energy of the Kyrgyz Republic', new Date(Date.UTC(2021, 11, 5)), 'high'],
        [2, 'Open land checkpoints', 'New Border Agency', 44505, 'low'],
        [3, 'Prepare the SCO visit', null, '20.01.2022', null],
        [4, 'Impossible deadline', 'Ministry of Energy of the Kyrgyz Republic', 'someday', null],
        [5, null, 'Ministry of Energy of the Kyrgyz Republic', null, null],
      ],
    });
    const { fileId, preview: p } = await preview(ctx, 'list.xlsx', book);
    expect(p).toMatchObject({ format: 'xlsx', sheets: ['Cover', 'List'] });
    const cover = await previewList(ctx, files.get(fileId), { sheet: 'Cover' });
    expect(cover).toMatchObject({ sheet: 'Cover', validRows: 0, problems: ['noRows'] });
    expect(p).toMatchObject({ sheet: 'List', headerRow: 1, totalRows: 5, validRows: 3, skippedRows: 2, problems: [] });
    expect(p.columns.map((c) => c.field)).toEqual(['itemNumber', 'title', 'leadOrg', 'dueDate', 'priority']);
    expect(p.sample.map((s) => [s.itemNumber, s.dueDate, s.priority])).toEqual([
      ['1', '2021-12-05', 'high'],
      ['2', '2021-11-05', 'low'],
      ['3', '2022-01-20', 'normal'],
    ]);
    expect(p.rows.map((r) => [r.row, r.issues.map((i) => `${i.code}:${i.value ?? ''}`)])).toEqual([
      [5, ['badDate:someday']],
      [6, ['titleMissing:']],
    ]);
    expect(p.newOrganizations).toEqual(['New Border Agency']);
    const result = await commitList(ctx, files.get(fileId), { sheet: 'List' });
    expect(result.imported).toBe(3);
    expect(listOrganizations(ctx).map((o) => o.name)).toContain('New Border Agency');
  });

  it('takes the official’s mapping where the headers are not recognised, and refuses to import without a title column', async () => {
    const ctx = await demoStore();
    const book = await xlsx({ Sheet1: [['Col A', 'Col B', 'Col C'], ['1', 'Do the first thing', '01.02.2022'], ['2', 'Do the second thing', '03.02.2022']] });
    const { fileId, preview: p } = await preview(ctx, 'odd.xlsx', book);
    expect(p.columns.map((c) => c.field)).toEqual([null, null, null]);
    expect(p.problems).toEqual(['noTitleColumn']);
    expect(p.validRows).toBe(0);
    const hash = storeHash(ctx);
    await expect(commitList(ctx, files.get(fileId), {})).rejects.toMatchObject({ key: 'intake.noTitleColumn' });
    expect(storeHash(ctx)).toBe(hash);
    const mapping = ['itemNumber', 'title', 'dueDate'] as const;
    const fixed = await previewList(ctx, files.get(fileId), { mapping: [...mapping] });
    expect(fixed).toMatchObject({ validRows: 2, problems: [] });
    expect(fixed.sample.map((s) => s.dueDate)).toEqual(['2022-02-01', '2022-02-03']);
    expect((await commitList(ctx, files.get(fileId), { mapping: [...mapping] })).imported).toBe(2);
  });
});

describe('bad files', () => {
  it('are refused with a message naming the problem, and the store is unchanged', async () => {
    const ctx = await demoStore();
    const book = await xlsx({ Sheet1: [['Title'], ['Something']] });
    const cases: [string, Uint8Array, string][] = [
      ['cut.csv', utf8('Title,Lead\n"Work out electricity supply,Ministry of Energy\n2,'), 'intake.csvQuoteNotClosed'],
      ['koi8.csv', Buffer.from(new TextEncoderKoi8().encode('Поручение;Исполнитель\nПроработать вопрос поставки электроэнергии;Министерство энергетики\n')), 'intake.unsupportedEncoding'],
      ['latin1.csv', Buffer.from('Title,Lead\nCaf\xe9 r\xe9sum\xe9 \xe0 la cr\xe8me,Minist\xe8re de l\x27\xe9nergie\n', 'latin1'), 'intake.unsupportedEncoding'],
      ['damaged.csv', Buffer.concat([utf8('Поручение;Исполнитель\nПроработать вопрос;Минэнерго\n'), Buffer.from([0xd0]), utf8('\nещё строка;текст\n')]), 'intake.badUtf8'],
      ['picture.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'intake.notCsv'],
      ['random.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'intake.notXlsx'],
      // High bytes with no zero byte decode as Windows-1251; a file named .xlsx is still no workbook.
      ['noise.xlsx', Buffer.from(Array.from({ length: 600 }, (_, i) => 0xc0 + ((i * 31) % 64))), 'intake.notXlsx'],
      ['minutes.docx', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256)), 'intake.wordNotList'],
      ['dump.bin', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256)), 'intake.notListFile'],
      ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'intake.oldExcel'],
      ['cut.xlsx', book.subarray(0, Math.floor(book.length / 2)), 'intake.xlsxDamaged'],
      ['notes.pdf', utf8('%PDF-1.7\n%âãÏÓ\n'), 'intake.notAList'],
      ['export.json', utf8('{"format":"ministry-action-tracker.exchange","version":1}'), 'intake.jsonNotList'],
      ['empty.csv', new Uint8Array(0), 'intake.emptyFile'],
    ];
    for (const [name, bytes, key] of cases) {
      const err = await refusal(ctx, name, bytes);
      expect({ name, key: err.key }).toEqual({ name, key });
      expect(err.message.length, name).toBeGreaterThan(40);
    }
  });

  it('refuses a file over the limit before reading it, with the limit in the message', async () => {
    const ctx = await demoStore();
    const hash = storeHash(ctx);
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(() => files.stage('huge.csv', huge)).toThrow(/too large.*limit is 50 MB/);
    expect(storeHash(ctx)).toBe(hash);
  });

  it('roll back every row when the store fails halfway through the import', async () => {
    const ctx = await demoStore();
    const rows = Array.from({ length: 50 }, (_, i) => `${i + 1},Instruction number ${i + 1},Ministry of Brand New Affairs ${i % 3}`);
    const csv = utf8(['No.,Instruction,Lead', ...rows].join('\n'));
    const hash = storeHash(ctx);
    ctx.db.exec(`CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON instructions WHEN NEW.title = 'Instruction number 37' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    await expect(importFile(ctx, 'fifty.csv', csv)).rejects.toThrow(/disk trouble/);
    ctx.db.exec('DROP TRIGGER fail_midway');
    expect(storeHash(ctx)).toBe(hash);
  });
});

/** KOI8-R, the code page an old Unix mailer might still send; the app must refuse it, not guess. */
class TextEncoderKoi8 {
  encode(text: string): Uint8Array {
    const decoder = new TextDecoder('koi8-r');
    const table = new Map<string, number>();
    for (let b = 128; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
    return Uint8Array.from(Array.from(text, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : table.get(ch) ?? 0x3f)));
  }
}

describe('a report exported by this app imports back as a list', () => {
  const cases = [
    { language: 'ru', format: 'csv', csvSeparator: 'semicolon' },
    { language: 'en', format: 'csv', csvSeparator: 'comma' },
    { language: 'ru', format: 'xlsx', csvSeparator: undefined },
  ] as const;
  for (const { language, format, csvSeparator } of cases) {
    it(`the ${language} register as ${format}${csvSeparator ? ` (${csvSeparator})` : ''}: current deadlines, co-executors with their own, titles as written`, async () => {
      const source = await tempStore({ now: () => REPORT_NOW, actor: () => 'Тест' });
      const w = reportWorld(source.ctx);
      const snapshot = readReportSnapshot(source.ctx, { filters: [] });
      const bytes = await renderExport({ kind: 'register', format, language, snapshot, csvSeparator });
      const { ctx } = await tempStore();

      const result = await importFile(ctx, `register.${format}`, bytes);
      expect(result.skipped).toEqual([]);
      expect(result.imported).toBe(snapshot.instructions.length);
      // Formula-like titles come back without the guard the export put on them.
      const titles = (ctx.db.prepare('SELECT title FROM instructions').all() as { title: string }[]).map((r) => r.title).sort();
      expect(titles).toEqual(snapshot.instructions.map((i) => i.title).sort());
      expect(titles).toEqual(expect.arrayContaining(FORMULA_TITLES));
      // Organizations by their names only: no deadline or person glued on.
      expect(listOrganizations(ctx).map((o) => o.name).sort()).toEqual([KG_ORG, KZ_ORG, KZ_ORG_2].sort());

      const row = (title: string) => ctx.db.prepare('SELECT id, due_date AS dueDate FROM instructions WHERE title = ?').get(title) as { id: string; dueDate: string | null };
      expect(row(w.items.extended.title).dueDate).toBe('2026-03-05'); // the extended deadline, not the original 2026-02-20
      const lettered = row(LETTERS_TITLE);
      expect(lettered.dueDate).toBe('2026-04-15');
      const coexecutors = ctx.db
        .prepare('SELECT o.name, c.due_date AS dueDate FROM coexecutors c JOIN organizations o ON o.id = c.organization_id WHERE c.instruction_id = ? ORDER BY o.name')
        .all(lettered.id);
      expect(coexecutors).toEqual(
        [
          { name: KG_ORG, dueDate: '2026-04-01' },
          { name: KZ_ORG_2, dueDate: null },
        ].sort((a, b) => a.name.localeCompare(b.name)),
      );
    });
  }

  it('takes the column that names the deadline exactly, never the original deadline or its changes', () => {
    expect(mappingFor(['Переносы срока', 'Первоначальный срок', 'Срок'])).toEqual([null, null, 'dueDate']);
    expect(mappingFor(['Original deadline', 'Deadline changes', 'Deadline'])).toEqual([null, null, 'dueDate']);
    expect(mappingFor(['Срок исполнения поручения', 'Исходный текст'])).toEqual(['dueDate', 'body']);
  });

  it('keeps a dash that names a department, and takes the deadline in any form offices write', () => {
    const known = (name: string) => name === 'Министерство энергетики';
    expect(parseCoexecutorEntry('Министерство энергетики — Иванов И.И. (до 01.04.2026)', known)).toEqual({ name: 'Министерство энергетики', dueDate: '2026-04-01' });
    expect(parseCoexecutorEntry('Министерство культуры — Департамент туризма', known)).toEqual({ name: 'Министерство культуры — Департамент туризма', dueDate: null });
    expect(parseCoexecutorEntry('Ministry of Energy (by 1 Apr 2026)', known)).toEqual({ name: 'Ministry of Energy', dueDate: '2026-04-01' });
    expect(parseCoexecutorEntry('Акимат (Иссык-Кульская область)', known)).toEqual({ name: 'Акимат (Иссык-Кульская область)', dueDate: null });
  });
});
