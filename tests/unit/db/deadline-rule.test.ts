// The deadline rule (db/deadline-rule.ts) on every path that sets a deadline: a deadline on a
// holiday or a transferred day off moves to the previous working day of the lead organization's
// calendar, a Kazakh organization follows the Kazakh calendar, the store's edits change the result,
// and with the setting off the date stays.
import { describe, expect, it } from 'vitest';
import {
  addCoexecutor,
  changeDueDate,
  createInstruction,
  createInstructions,
  getInstruction,
  listCoexecutors,
  updateCoexecutor,
} from '../../../db/instructions';
import { applyDeadlineRule, overdueCounter, workingDaysFrom } from '../../../db/deadline-rule';
import { queryCards } from '../../../db/boards';
import { setSetting } from '../../../db/settings';
import { CALENDAR_EDITS_KEY_PREFIX, DEFAULT_COUNTRY_KEY, MOVE_OFF_NON_WORKING_KEY } from '../../../db/working-calendar';
import { smallWorld } from '../../support/fixtures';
import { tempStore } from '../../support/temp';

const at = (iso: string) => () => new Date(`${iso}T09:00:00`);

describe('the deadline rule', () => {
  it('moves a deadline on a holiday to the previous working day of the lead organization, and says why', async () => {
    const { ctx } = await tempStore({ now: at('2026-12-01') });
    const world = smallWorld(ctx);
    // 31 August 2027 is Independence Day in Kyrgyzstan, a working Tuesday in Kazakhstan.
    const kg = world.add('Kyrgyz lead', { leadOrgId: world.economy.id, dueDate: '2027-08-31' });
    const kz = world.add('Kazakh lead', { leadOrgId: world.energy.id, dueDate: '2027-08-31' });
    expect([kg.dueDate, kg.originalDueDate]).toEqual(['2027-08-30', '2027-08-30']);
    expect(kz.dueDate).toBe('2027-08-31');
    // 6 July 2027 is Capital Day in Kazakhstan only.
    expect(world.add('Capital day', { leadOrgId: world.energy.id, dueDate: '2027-07-06' }).dueDate).toBe('2027-07-05');
    expect(world.add('Capital day KG', { leadOrgId: world.economy.id, dueDate: '2027-07-06' }).dueDate).toBe('2027-07-06');
    expect(applyDeadlineRule(ctx, '2027-08-31', world.economy.id)).toEqual({ date: '2027-08-30', movedFrom: '2027-08-31', reason: 'holiday', holiday: 'independence-day' });
    // A weekend: Saturday 4 September 2027 → Friday the 3rd.
    expect(applyDeadlineRule(ctx, '2027-09-04', world.energy.id)).toMatchObject({ date: '2027-09-03', reason: 'weekend' });
  });

  it('moves a deadline on a transferred day off (Kyrgyzstan, 8 January 2026) past the holidays before it', async () => {
    const { ctx } = await tempStore({ now: at('2025-11-03') });
    const world = smallWorld(ctx);
    const made = createInstruction(ctx, { title: 'Transfer', leadOrgId: world.economy.id, dueDate: '2026-01-08' });
    expect(made.dueDate).toBe('2025-12-31');
    expect(applyDeadlineRule(ctx, '2026-01-08', world.economy.id)).toMatchObject({ reason: 'transfer-day-off', movedFrom: '2026-01-08' });
    // Kazakhstan works on 8 January 2026.
    expect(createInstruction(ctx, { title: 'KZ', leadOrgId: world.energy.id, dueDate: '2026-01-08' }).dueDate).toBe('2026-01-08');
  });

  it("follows the store's default country for an organization without one", async () => {
    const { ctx } = await tempStore({ now: at('2026-12-01') });
    expect(createInstruction(ctx, { title: 'No lead', dueDate: '2027-07-06' }).dueDate).toBe('2027-07-06');
    setSetting(ctx, DEFAULT_COUNTRY_KEY, 'KZ');
    expect(createInstruction(ctx, { title: 'No lead, KZ', dueDate: '2027-07-06' }).dueDate).toBe('2027-07-05');
  });

  it("changes with the store's calendar edits, and keeps the date with the setting off", async () => {
    const { ctx } = await tempStore({ now: at('2026-12-01') });
    const world = smallWorld(ctx);
    expect(world.add('Before the edit', { dueDate: '2027-03-03' }).dueDate).toBe('2027-03-03');
    setSetting(ctx, `${CALENDAR_EDITS_KEY_PREFIX}KZ`, { nonWorking: { add: [{ date: '2027-03-03', label: 'Regional day' }], remove: [] }, workingDays: { add: [], remove: [] } });
    expect(world.add('After the edit', { dueDate: '2027-03-03' }).dueDate).toBe('2027-03-02');
    expect(applyDeadlineRule(ctx, '2027-03-03', world.energy.id)).toMatchObject({ reason: 'edit-non-working', label: 'Regional day' });
    // A transferred working day added: Saturday 6 March 2027 works, so a deadline on it stays.
    setSetting(ctx, `${CALENDAR_EDITS_KEY_PREFIX}KZ`, { nonWorking: { add: [], remove: [] }, workingDays: { add: [{ date: '2027-03-06', label: 'Transfer' }], remove: [] } });
    expect(world.add('Working Saturday', { dueDate: '2027-03-06' }).dueDate).toBe('2027-03-06');
    setSetting(ctx, MOVE_OFF_NON_WORKING_KEY, false);
    expect(world.add('Rule off', { leadOrgId: world.economy.id, dueDate: '2027-08-31' }).dueDate).toBe('2027-08-31');
  });

  it('applies on every path: the first deadline, an extension, a co-executor, an import', async () => {
    const { ctx } = await tempStore({ now: at('2026-12-01') });
    const world = smallWorld(ctx);
    const plain = world.add('No deadline yet', { leadOrgId: world.economy.id });
    // The detail edit sets the first deadline.
    expect(changeDueDate(ctx, plain.id, '2027-08-31', null).dueDate).toBe('2027-08-30');
    // An extension to Saturday 11 September 2027 → Friday the 10th, recorded as such.
    const extended = changeDueDate(ctx, plain.id, '2027-09-11', 'More time');
    expect(extended.dueDate).toBe('2027-09-10');
    expect(ctx.db.prepare('SELECT new_date FROM extensions WHERE instruction_id = ?').all(plain.id)).toEqual([{ new_date: '2027-09-10' }]);
    // A co-executor's deadline follows the lead organization's calendar.
    const co = addCoexecutor(ctx, plain.id, { organizationId: world.energy.id, dueDate: '2027-08-31' });
    expect(co.dueDate).toBe('2027-08-30');
    expect(updateCoexecutor(ctx, co.id, { dueDate: '2027-05-09' }).dueDate).toBe('2027-04-30');
    expect(listCoexecutors(ctx, plain.id).map((c) => c.dueDate)).toEqual(['2027-04-30']);
    // An import's candidates, committed through the bulk path.
    const [imported] = createInstructions(ctx, [
      { title: 'Imported', meetingId: world.meeting.id, leadOrgId: world.economy.id, dueDate: '2027-05-01', coexecutors: [{ organizationId: world.energy.id, dueDate: '2027-05-09' }] },
    ]);
    expect(getInstruction(ctx, imported!).dueDate).toBe('2027-04-30');
    expect(listCoexecutors(ctx, imported!).map((c) => c.dueDate)).toEqual(['2027-04-30']);
  });

  it('never moves a deadline before the meeting that gave the instruction', async () => {
    const { ctx } = await tempStore({ now: at('2027-01-01') });
    const world = smallWorld(ctx);
    // The meeting was on Sunday 1 November 2026; a deadline that day stays (a move would go before it).
    const made = createInstruction(ctx, { title: 'Same day', meetingId: world.meeting.id, leadOrgId: world.economy.id, dueDate: '2026-11-01', allowPastDeadline: true });
    expect(made.dueDate).toBe('2026-11-01');
  });
});

describe('working days from the meeting and overdue days', () => {
  it('counts «in N working days» across a year boundary on the lead organization’s calendar', async () => {
    const { ctx } = await tempStore({ now: at('2026-12-01') });
    const world = smallWorld(ctx);
    // Kyrgyzstan: 30, 31 December, then 1–7 January 2027 off, then 8, 11, 12 January.
    expect(workingDaysFrom(ctx, '2026-12-29', 5, world.economy.id)).toBe('2027-01-12');
    // Kazakhstan: 30, 31 December, 1, 2 (and the observed 4th) January off, then 5, 6, 8 January (7th off).
    expect(workingDaysFrom(ctx, '2026-12-29', 5, world.energy.id)).toBe('2027-01-08');
    expect(workingDaysFrom(ctx, '2026-12-29', 3, world.economy.id)).toBe('2027-01-08');
    expect(workingDaysFrom(ctx, '2026-12-29', -1, world.economy.id)).toBeNull();
  });

  it('shows overdue cards with both counts: working days and calendar days', async () => {
    const { ctx } = await tempStore({ now: at('2027-01-11') });
    const world = smallWorld(ctx);
    const late = world.add('Late', { leadOrgId: world.economy.id, dueDate: '2026-12-30', allowPastDeadline: true });
    const card = queryCards(ctx, { filters: [] }).cards.find((c) => c.id === late.id)!;
    // 31 December, then 8 and 11 January are working days: 3 working days, 12 calendar days.
    expect(card.overdue).toBe(true);
    expect(card.overdueWorkingDays).toBe(3);
    expect(overdueCounter(ctx, '2027-01-11')(world.economy.id, '2026-12-30')).toEqual({ workingDays: 3, calendarDays: 12 });
  });
});
