// The figures a control department is judged on (issue 10), at the store: undoing a deadline
// change withdraws its extension; reopening supersedes the final report; deadlines before the
// meeting are refused and past ones need confirming; every instruction has a unique control
// number; one action is one history entry and board positions are no history.
import { describe, expect, it } from 'vitest';
import {
  addReport,
  changeDueDate,
  changeStatus,
  createInstruction,
  createInstructions,
  getInstruction,
  listExtensions,
  listReports,
  moveInstruction,
  setControlNumberPattern,
  undoDueDateChange,
  updateInstruction,
} from '../../../../db/instructions';
import { listInstructionHistory } from '../../../../db/history';
import { createMeeting } from '../../../../db/meetings';
import { StoreError } from '../../../../db/errors';
import { exportExchange } from '../../../../db/exchange';
import { applyMerge } from '../../../../db/merge';
import { queryCards } from '../../../../db/boards';
import { createInstructionHandlers } from '../../../../electron/api/instructions/handlers';
import { readExchangeDocument } from '../../../../electron/services/intake/exchange';
import type { StoreContext } from '../../../../db/context';
import { tempStore } from '../../../support/temp';
import { smallWorld } from '../../../support/fixtures';
import { utf8 } from '../../../support/intake';

const NOW = new Date('2026-12-03T09:00:00Z');

/** The trigger-kept count a board and the reports read. */
function extensionCount(ctx: StoreContext, id: string): number {
  return (ctx.db.prepare('SELECT extension_count AS n FROM instructions WHERE id = ?').get(id) as { n: number }).n;
}

function refusal(fn: () => unknown): { code: string; key: string | undefined; params: unknown } {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreError) return { code: err.code, key: err.key, params: err.params };
    throw err;
  }
  throw new Error('expected the store to refuse');
}

describe('undoing a deadline change', () => {
  it('restores the date and withdraws its extension: the count shows only the extensions that stand', async () => {
    const { ctx } = await tempStore({ now: () => NOW, actor: () => 'a.ivanova' });
    const { add } = smallWorld(ctx);
    const item = add('Task', { dueDate: '2027-01-12' });
    changeDueDate(ctx, item.id, '2027-02-10', 'Awaiting the partner');
    expect(extensionCount(ctx, item.id)).toBe(1);

    const undone = undoDueDateChange(ctx, item.id, '2027-01-12');
    expect(undone.dueDate).toBe('2027-01-12');
    expect(extensionCount(ctx, item.id)).toBe(0);
    // Kept, marked withdrawn with who and when: not deleted.
    expect(listExtensions(ctx, item.id)).toMatchObject([{ oldDate: '2027-01-12', newDate: '2027-02-10', withdrawnAt: NOW.toISOString(), withdrawnBy: 'a.ivanova' }]);
    // The history keeps the change and its undo.
    expect(listInstructionHistory(ctx, item.id).map((h) => [h.field, h.oldValue, h.newValue])).toEqual(
      expect.arrayContaining([
        ['dueDate', '2027-01-12', '2027-02-10'],
        ['extensionWithdrawn', '2027-02-10', '2027-01-12'],
        ['dueDateUndone', '2027-02-10', '2027-01-12'],
      ]),
    );

    // A later real extension is the first that stands.
    changeDueDate(ctx, item.id, '2027-03-01', 'New schedule');
    expect(extensionCount(ctx, item.id)).toBe(1);
  });

  it('undoes a deadline moved earlier without counting anything', async () => {
    const { ctx } = await tempStore({ now: () => NOW });
    const { add } = smallWorld(ctx);
    const item = add('Task', { dueDate: '2027-02-10' });
    changeDueDate(ctx, item.id, '2027-01-12', null);
    expect(extensionCount(ctx, item.id)).toBe(0);
    const undone = undoDueDateChange(ctx, item.id, '2027-02-10');
    expect(undone.dueDate).toBe('2027-02-10');
    expect(extensionCount(ctx, item.id)).toBe(0);
    expect(listExtensions(ctx, item.id)).toEqual([]);
  });
});

describe('deadlines', () => {
  it('refuses a deadline before the meeting, on create and on change, and counts nothing', async () => {
    const { ctx } = await tempStore({ now: () => NOW });
    const { add } = smallWorld(ctx); // the meeting was held on 2026-11-01
    expect(refusal(() => add('Task', { dueDate: '2026-10-31', allowPastDeadline: true }))).toMatchObject({ code: 'validation', key: 'deadlineBeforeMeeting', params: { date: '2026-10-31', meetingDate: '2026-11-01' } });
    const item = add('Task', { dueDate: '2027-01-12' });
    expect(refusal(() => changeDueDate(ctx, item.id, '2019-05-01', 'typo', undefined, true))).toMatchObject({ key: 'deadlineBeforeMeeting' });
    expect(getInstruction(ctx, item.id).dueDate).toBe('2027-01-12');
    expect(extensionCount(ctx, item.id)).toBe(0);
  });

  it('needs explicit confirmation for a deadline in the past; moving it earlier is no extension', async () => {
    const { ctx } = await tempStore({ now: () => NOW });
    const { add, meeting } = smallWorld(ctx);
    expect(refusal(() => add('Task', { dueDate: '2026-11-20' }))).toMatchObject({ code: 'validation', key: 'deadlineInPast', params: { date: '2026-11-20' } });
    expect(refusal(() => createInstructions(ctx, [{ title: 'A', meetingId: meeting.id, dueDate: '2026-11-20' }]))).toMatchObject({ key: 'deadlineInPast' });
    expect(add('Task', { dueDate: '2026-11-20', allowPastDeadline: true }).dueDate).toBe('2026-11-20');

    const item = add('Other', { dueDate: '2027-01-12' });
    expect(refusal(() => changeDueDate(ctx, item.id, '2026-11-25', 'late'))).toMatchObject({ key: 'deadlineInPast' });
    const moved = changeDueDate(ctx, item.id, '2026-11-25', null, undefined, true);
    expect(moved.dueDate).toBe('2026-11-25');
    expect(extensionCount(ctx, item.id)).toBe(0);
    expect(listExtensions(ctx, item.id)).toEqual([]);
    expect(listInstructionHistory(ctx, item.id).filter((h) => h.field === 'dueDate').map((h) => [h.oldValue, h.newValue])).toEqual([['2027-01-12', '2026-11-25']]);
  });
});

describe('reopening a resolved instruction', () => {
  it('supersedes the final report, clears the outcome, and takes the next final report as the new one', async () => {
    const { ctx } = await tempStore({ now: () => NOW });
    const { add } = smallWorld(ctx);
    const item = add('Task', { dueDate: '2027-01-12' });
    changeStatus(ctx, item.id, 'resolved', { report: 'Executed' });
    const reopened = changeStatus(ctx, item.id, 'in_progress', { reason: 'The partner did not confirm' });
    expect(reopened).toMatchObject({ status: 'in_progress', resolution: null, resolvedAt: null });
    expect(listReports(ctx, item.id)).toMatchObject([{ kind: 'final', body: 'Executed', supersededAt: NOW.toISOString() }]);
    // The superseded report no longer resolves it.
    expect(refusal(() => changeStatus(ctx, item.id, 'resolved'))).toMatchObject({ key: 'finalReportRequired' });
    addReport(ctx, item.id, 'interim', 'Talks resumed');
    const again = changeStatus(ctx, item.id, 'resolved', { report: 'Confirmed by both sides' });
    expect(again.resolution).toBe('Confirmed by both sides');
    expect(listReports(ctx, item.id).map((r) => [r.body, r.supersededAt === null])).toEqual([
      ['Executed', false],
      ['Talks resumed', true],
      ['Confirmed by both sides', true],
    ]);
  });
});

describe('control numbers', () => {
  it('are made from the pattern, unique in the store, with a running number where the protocol is missing', async () => {
    const { ctx } = await tempStore({ now: () => NOW });
    const m12 = createMeeting(ctx, { title: 'Meeting 12', heldOn: '2026-11-01', protocolNumber: '№ 12' });
    const m13 = createMeeting(ctx, { title: 'Meeting 13', heldOn: '2026-11-02', protocolNumber: '13' });
    const bare = createMeeting(ctx, { title: 'No protocol', heldOn: '2026-11-03' });
    const a = createInstruction(ctx, { title: 'A', meetingId: m12.id, itemNumber: '3' });
    const b = createInstruction(ctx, { title: 'B', meetingId: m12.id, itemNumber: '3' });
    const c = createInstruction(ctx, { title: 'C', meetingId: m13.id, itemNumber: '1' });
    const d = createInstruction(ctx, { title: 'D', meetingId: bare.id, itemNumber: '1' });
    const e = createInstruction(ctx, { title: 'E' });
    expect([a, b, c, d, e].map((i) => i.controlNumber)).toEqual(['12/3', '12/3-2', '13/1', '1', '2']);
    // Import batches go the same way.
    const ids = createInstructions(ctx, [
      { title: 'F', meetingId: m13.id, itemNumber: '1' },
      { title: 'G', meetingId: m13.id, itemNumber: '2' },
    ]);
    expect(ids.map((id) => getInstruction(ctx, id).controlNumber)).toEqual(['13/1-2', '13/2']);

    setControlNumberPattern(ctx, '{year}-{protocol}.{item}');
    expect(createInstruction(ctx, { title: 'H', meetingId: m13.id, itemNumber: '5' }).controlNumber).toBe('2026-13.5');
    expect(refusal(() => setControlNumberPattern(ctx, '{nonsense}'))).toMatchObject({ key: 'controlPatternInvalid' });
  });

  it('follow the pattern the store is given through its channel; numbers already given stay', async () => {
    const { ctx } = await tempStore({ now: () => NOW });
    const handlers = createInstructionHandlers({ ctx });
    const m = createMeeting(ctx, { title: 'Meeting', heldOn: '2026-11-01', protocolNumber: '5' });
    const before = createInstruction(ctx, { title: 'Before', meetingId: m.id, itemNumber: '1' });
    expect(await handlers['instructions.setControlNumberPattern']({ pattern: 'П-{protocol}-{item}' })).toBe('П-{protocol}-{item}');
    const after = createInstruction(ctx, { title: 'After', meetingId: m.id, itemNumber: '2' });
    expect([getInstruction(ctx, before.id).controlNumber, after.controlNumber]).toEqual(['5/1', 'П-5-2']);
  });

  it('are editable by the official, never to another instruction’s number', async () => {
    const { ctx } = await tempStore({ now: () => NOW });
    const { add } = smallWorld(ctx);
    const a = add('A');
    const b = add('B');
    expect(refusal(() => updateInstruction(ctx, b.id, { controlNumber: ` ${a.controlNumber as string} ` }))).toMatchObject({ code: 'conflict', key: 'controlNumberTaken', params: { number: a.controlNumber, title: 'A' } });
    expect(refusal(() => updateInstruction(ctx, b.id, { controlNumber: '  ' }))).toMatchObject({ key: 'controlNumberRequired' });
    expect(updateInstruction(ctx, b.id, { controlNumber: '№ 7/1' }).controlNumber).toBe('7/1');
    expect(listInstructionHistory(ctx, b.id).some((h) => h.field === 'controlNumber' && h.newValue === '7/1')).toBe(true);
  });

  it('travel in the exchange; a number taken here gets the next free one on import', async () => {
    const source = await tempStore({ now: () => NOW });
    const target = await tempStore({ now: () => NOW });
    for (const store of [source, target]) {
      // The same protocol number in both stores, different meetings and instructions.
      const m = createMeeting(store.ctx, { title: 'Meeting', heldOn: '2026-11-01', protocolNumber: '12' });
      createInstruction(store.ctx, { title: store === source ? 'From the ministry' : 'Our own', meetingId: m.id, itemNumber: '3' });
    }
    const doc = readExchangeDocument(utf8(JSON.stringify(exportExchange(source.ctx, '0.1.0'))));
    expect(doc.instructions.map((i) => i.controlNumber)).toEqual(['12/3']);
    applyMerge(target.ctx, doc, {});
    const rows = target.ctx.db.prepare('SELECT title, control_number AS n FROM instructions ORDER BY title').all();
    expect(rows).toEqual([
      { title: 'From the ministry', n: '12/3-2' },
      { title: 'Our own', n: '12/3' },
    ]);
  });
});

describe('searching by control number', () => {
  it('finds “№ 12/3”, “No. 12/3” and “12/3”, and only that instruction', async () => {
    const { ctx } = await tempStore({ now: () => NOW });
    const m = createMeeting(ctx, { title: 'Meeting 12', heldOn: '2026-11-01', protocolNumber: '12' });
    createInstruction(ctx, { title: 'Supply of electricity', meetingId: m.id, itemNumber: '3' });
    createInstruction(ctx, { title: 'Transit of electricity', meetingId: m.id, itemNumber: '13' });
    const found = (q: string) => queryCards(ctx, { filters: [q] }).cards.map((c) => c.title);
    for (const q of ['№ 12/3', '№12/3', 'No. 12/3', 'no 12/3', '12/3']) expect(found(q), q).toEqual(['Supply of electricity']);
    expect(found('No. 12/3 transit')).toEqual([]);
    expect(found('electricity')).toHaveLength(2);
  });
});

describe('history in the official’s words', () => {
  it('writes one action id for everything one action changed, and no board positions', async () => {
    const { ctx } = await tempStore({ now: () => NOW });
    const { add } = smallWorld(ctx);
    const a = add('A', { dueDate: '2027-01-12' });
    const b = add('B', { dueDate: '2027-01-12' });
    moveInstruction(ctx, { id: a.id, afterId: b.id, beforeId: null });
    changeStatus(ctx, a.id, 'resolved', { report: 'Executed' });
    const history = listInstructionHistory(ctx, a.id);
    expect(history.some((h) => h.field === 'rank')).toBe(false);
    const resolve = history.filter((h) => ['status', 'resolution', 'resolvedAt', 'onControl', 'report.final'].includes(h.field));
    expect(resolve).toHaveLength(5);
    expect(new Set(resolve.map((h) => h.actionId)).size).toBe(1);
    const created = history.find((h) => h.field === 'created');
    expect(created?.actionId).not.toBe(resolve[0]?.actionId);
  });
});
