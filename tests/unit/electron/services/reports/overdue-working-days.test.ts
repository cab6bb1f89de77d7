// The overdue list counts each late instruction in working days on its lead organization's calendar
// as well as in calendar days: read back from the CSV (csv-parse) and the XLSX (exceljs) a user opens.
// The same deadline is a different number of working days late in Kazakhstan (Nauryz) and Kyrgyzstan.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReportSnapshot, type ReportSnapshot } from '../../../../../db/reports';
import { createMeeting } from '../../../../../db/meetings';
import { createOrganization } from '../../../../../db/organizations';
import { createInstruction } from '../../../../../db/instructions';
import { builtInCalendar, overdue } from '../../../../../db/calendars';
import { renderExport } from '../../../../../electron/services/reports/render';
import { tempStore } from '../../../../support/temp';
import { parseCsv } from '../../../../support/readers';

const NOW = new Date('2026-03-27T09:00:00Z');
const TODAY = '2026-03-27';
const DUE = '2026-03-16';
const KZ_TITLE = 'Agree the Nauryz transit schedule';
const KG_TITLE = 'Agree the Nooruz transit schedule';

function counted(country: 'KG' | 'KZ'): { workingDays: number; calendarDays: number } {
  const result = overdue(builtInCalendar(country), DUE, TODAY);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

let snapshot: ReportSnapshot;

beforeAll(async () => {
  const store = await tempStore({ now: () => NOW, actor: () => 'Test user' });
  const meeting = createMeeting(store.ctx, { title: 'Energy council', heldOn: '2026-03-02' });
  const kz = createOrganization(store.ctx, { name: 'Ministry of Energy of the Republic of Kazakhstan', country: 'Kazakhstan' });
  const kg = createOrganization(store.ctx, { name: 'Ministry of Energy of the Kyrgyz Republic', country: 'KG' });
  createInstruction(store.ctx, { title: KZ_TITLE, meetingId: meeting.id, leadOrgId: kz.id, dueDate: DUE, allowPastDeadline: true });
  createInstruction(store.ctx, { title: KG_TITLE, meetingId: meeting.id, leadOrgId: kg.id, dueDate: DUE, allowPastDeadline: true });
  createInstruction(store.ctx, { title: 'Not yet due', meetingId: meeting.id, leadOrgId: kg.id, dueDate: '2026-04-30', allowPastDeadline: true });
  snapshot = readReportSnapshot(store.ctx, { filters: [] });
  store.close();
});


describe('the overdue list in working and calendar days', () => {
  it('the two countries count the same deadline differently (the test would prove nothing otherwise)', () => {
    expect(counted('KZ').calendarDays).toBe(11);
    expect(counted('KZ').workingDays).not.toBe(counted('KG').workingDays);
  });

  it('CSV: each late instruction has its calendar days and its working days on its lead organization’s calendar', async () => {
    const { records } = parseCsv(await renderExport({ kind: 'overdue', format: 'csv', language: 'en', snapshot }));
    const head = records[0] as string[];
    const at = (name: string) => head.indexOf(name);
    expect(at('Days overdue')).toBeGreaterThan(-1);
    expect(at('Working days overdue')).toBeGreaterThan(-1);
    const byTitle = new Map(records.slice(1).map((r) => [r[at('Instruction')], r]));
    expect([...byTitle.keys()].sort()).toEqual([KG_TITLE, KZ_TITLE].sort());
    for (const [title, country] of [[KZ_TITLE, 'KZ'], [KG_TITLE, 'KG']] as const) {
      const row = byTitle.get(title) as string[];
      expect(row[at('Days overdue')]).toBe(String(counted(country).calendarDays));
      expect(row[at('Working days overdue')]).toBe(String(counted(country).workingDays));
    }
  });

  it('XLSX in Russian: the working days are a number in their own column', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderExport({ kind: 'overdue', format: 'xlsx', language: 'ru', snapshot })) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets.find((ws) => {
      let found = false;
      ws.eachRow((row) => row.eachCell((cell) => (found ||= cell.value === 'Рабочих дней просрочки')));
      return found;
    });
    expect(sheet, 'a sheet with the column «Рабочих дней просрочки»').toBeDefined();
    let headerRow = 0;
    let column = 0;
    let titleColumn = 0;
    sheet!.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.value === 'Рабочих дней просрочки') [headerRow, column] = [r, c];
        if (cell.value === 'Поручение') titleColumn = c;
      }),
    );
    const values = new Map<string, unknown>();
    for (let r = headerRow + 1; r <= sheet!.rowCount; r++) {
      const title = sheet!.getRow(r).getCell(titleColumn).value;
      if (typeof title === 'string') values.set(title, sheet!.getRow(r).getCell(column).value);
    }
    expect(values.get(KZ_TITLE)).toBe(counted('KZ').workingDays);
    expect(values.get(KG_TITLE)).toBe(counted('KG').workingDays);
  });
});
