import { describe, expect, it } from 'vitest';
import { addReport, changeDueDate, changeStatus, getInstruction, listExtensions, updateInstruction } from '../../../../db/instructions';
import { listInstructionHistory } from '../../../../db/history';
import { StoreError } from '../../../../db/errors';
import { tempStore } from '../../../support/temp';
import { smallWorld } from '../../../support/fixtures';

function codeOf(fn: () => unknown): { code: string; key: string | undefined } {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreError) return { code: err.code, key: err.key };
    throw err;
  }
  throw new Error('expected the store to refuse');
}

describe('status workflow', () => {
  it('refuses to resolve without a final report and leaves the instruction as it was', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Обеспечить поставку электроэнергии');
    changeStatus(ctx, item.id, 'in_progress');
    addReport(ctx, item.id, 'interim', 'Переговоры начаты');
    const before = getInstruction(ctx, item.id);
    expect(codeOf(() => changeStatus(ctx, item.id, 'resolved'))).toEqual({ code: 'conflict', key: 'finalReportRequired' });
    expect(getInstruction(ctx, item.id)).toEqual(before);
  });

  it('resolves with a final report, removes it from control, and reopening needs a reason', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Открыть пункты пропуска');
    const resolved = changeStatus(ctx, item.id, 'resolved', { report: 'Пункты пропуска открыты' });
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolution).toBe('Пункты пропуска открыты');
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.onControl).toBe(false);

    expect(codeOf(() => changeStatus(ctx, item.id, 'in_progress'))).toEqual({ code: 'validation', key: 'reopenReasonRequired' });
    const reopened = changeStatus(ctx, item.id, 'in_progress', { reason: 'Пункт пропуска снова закрыт' });
    expect(reopened.status).toBe('in_progress');
    expect(reopened.resolvedAt).toBeNull();
    expect(reopened.onControl).toBe(true);
    const statusRows = listInstructionHistory(ctx, item.id).filter((h) => h.field === 'status');
    expect(statusRows.at(-1)).toMatchObject({ oldValue: 'resolved', newValue: 'in_progress', note: 'Пункт пропуска снова закрыт' });
  });

  it('needs a report before a report is marked submitted', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Подготовить план');
    expect(codeOf(() => changeStatus(ctx, item.id, 'report_submitted'))).toEqual({ code: 'conflict', key: 'reportRequired' });
    const submitted = changeStatus(ctx, item.id, 'report_submitted', { report: 'План подготовлен' });
    expect(submitted.status).toBe('report_submitted');
  });

  it('refuses a stale version instead of overwriting another edit', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Title');
    updateInstruction(ctx, item.id, { title: 'Changed elsewhere' }, item.version);
    expect(codeOf(() => updateInstruction(ctx, item.id, { title: 'Mine' }, item.version))).toEqual({ code: 'conflict', key: 'staleVersion' });
    expect(getInstruction(ctx, item.id).title).toBe('Changed elsewhere');
  });
});

describe('deadlines', () => {
  it('records every change of a due date as an extension with its reason and a history row', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Task', { dueDate: '2027-12-01' });
    expect(codeOf(() => changeDueDate(ctx, item.id, '2027-12-20', ''))).toEqual({ code: 'validation', key: 'extensionReasonRequired' });
    changeDueDate(ctx, item.id, '2027-12-20', 'Ждём ответа казахстанской стороны');
    const after = getInstruction(ctx, item.id);
    expect(after.dueDate).toBe('2027-12-20');
    expect(after.originalDueDate).toBe('2027-12-01');
    expect(listExtensions(ctx, item.id)).toMatchObject([{ oldDate: '2027-12-01', newDate: '2027-12-20', reason: 'Ждём ответа казахстанской стороны' }]);
    expect(listInstructionHistory(ctx, item.id).filter((h) => h.field === 'dueDate')).toMatchObject([
      { oldValue: '2027-12-01', newValue: '2027-12-20', note: 'Ждём ответа казахстанской стороны' },
    ]);
  });

  it('refuses an impossible date', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Task', { dueDate: '2027-12-01' });
    expect(codeOf(() => changeDueDate(ctx, item.id, '2026-02-30', 'reason'))).toMatchObject({ code: 'validation' });
  });
});

describe('history', () => {
  it('writes one row per changed field with who, when, old and new', async () => {
    let now = new Date('2026-11-27T09:00:00Z');
    const { ctx } = await tempStore({ now: () => now, actor: () => 'a.ivanova' });
    const { add, economy } = smallWorld(ctx);
    const item = add('Old title', { priority: 'normal' });
    now = new Date('2026-11-27T10:30:00Z');
    updateInstruction(ctx, item.id, { title: 'New title', priority: 'high', leadOrgId: economy.id, body: item.body });
    const rows = listInstructionHistory(ctx, item.id).filter((h) => h.at === '2026-11-27T10:30:00.000Z');
    expect(rows.map((r) => [r.field, r.oldValue, r.newValue, r.actor])).toEqual([
      ['title', 'Old title', 'New title', 'a.ivanova'],
      ['priority', 'normal', 'high', 'a.ivanova'],
      ['leadOrgId', item.leadOrgId, economy.id, 'a.ivanova'],
    ]);
    expect(() => ctx.db.prepare('DELETE FROM history').run()).toThrow(/append-only/);
    expect(() => ctx.db.prepare("UPDATE history SET actor = 'x'").run()).toThrow(/append-only/);
  });
});
