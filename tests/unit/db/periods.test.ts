// Periodic instructions (db/periods.ts): the periods of a recurrence with the working-day rule
// applied to each due date, a report closes its period, periods survive a reopen of the store, and
// the due items the reminders and the dashboard read.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addReport, changeStatus, createInstruction, getInstruction } from '../../../db/instructions';
import { listPeriodDueItems, listPeriods, parseRecurrence, setRecurrence } from '../../../db/periods';
import { queryCards } from '../../../db/boards';
import { StoreError } from '../../../db/errors';
import { openStore } from '../../../db/store';
import { smallWorld } from '../../support/fixtures';
import { tempDir, tempStore, trackStore } from '../../support/temp';

const at = (iso: string) => () => new Date(`${iso}T09:00:00`);

describe('periodic instructions', () => {
  it('gives a quarterly instruction one period per quarter, due by the 5th of the month after it, moved off days off', async () => {
    const { ctx } = await tempStore({ now: at('2026-12-01') });
    const world = smallWorld(ctx);
    // The meeting was on 1 November 2026. Kyrgyzstan: 5 January 2027 is a New Year holiday.
    const kg = world.add('Quarterly, Kyrgyz', { leadOrgId: world.economy.id, recurrence: 'quarterly:5' });
    expect(listPeriods(ctx, kg.id).map((p) => [p.seq, p.label, p.periodStart, p.periodEnd, p.dueDate])).toEqual([
      [1, '2026-Q4', '2026-10-01', '2026-12-31', '2026-12-31'],
      [2, '2027-Q1', '2027-01-01', '2027-03-31', '2027-04-05'],
      [3, '2027-Q2', '2027-04-01', '2027-06-30', '2027-07-05'],
      [4, '2027-Q3', '2027-07-01', '2027-09-30', '2027-10-05'],
    ]);
    // The instruction's deadline is the first open period's.
    expect(getInstruction(ctx, kg.id).dueDate).toBe('2026-12-31');
    // Kazakhstan works on 5 January 2027; 5 July 2027 too (Capital Day is the 6th).
    const kz = world.add('Quarterly, Kazakh', { leadOrgId: world.energy.id, recurrence: 'quarterly:5' });
    expect(listPeriods(ctx, kz.id).map((p) => p.dueDate)).toEqual(['2027-01-05', '2027-04-05', '2027-07-05', '2027-10-05']);
  });

  it('moves a monthly due date off a weekend, and a report closes the period it is for', async () => {
    const { ctx } = await tempStore({ now: at('2026-12-01') });
    const world = smallWorld(ctx);
    const monthly = world.add('Monthly', { leadOrgId: world.energy.id, recurrence: 'monthly:5' });
    const periods = listPeriods(ctx, monthly.id);
    // November 2026's report is due by Saturday 5 December → Friday the 4th.
    expect(periods[0]).toMatchObject({ seq: 1, label: '2026-11', dueDate: '2026-12-04', closedAt: null });
    expect(periods.length).toBe(12);
    const report = addReport(ctx, monthly.id, 'interim', 'November figures');
    const after = listPeriods(ctx, monthly.id);
    expect(after[0]).toMatchObject({ label: '2026-11', reportId: report.id });
    expect(after[0]!.closedAt).not.toBeNull();
    expect(after[1]!.closedAt).toBeNull();
    // The card now shows the next period: December's report, due 5 January 2027.
    const card = queryCards(ctx, { filters: [] }).cards.find((c) => c.id === monthly.id)!;
    expect(card.period).toEqual({ seq: 2, label: '2026-12' });
    expect(card.dueDate).toBe('2027-01-05');
  });

  it('keeps its periods and closures across a reopen of the store, and generates ahead on open', async () => {
    const file = path.join(tempDir(), 'periods.sqlite');
    const first = await openStore(file, { now: at('2026-12-01') });
    const world = smallWorld(first.ctx);
    const yearly = world.add('Yearly', { leadOrgId: world.economy.id, recurrence: 'yearly:01-15' });
    addReport(first.ctx, yearly.id, 'interim', 'The year 2026');
    const before = listPeriods(first.ctx, yearly.id);
    expect(before.map((p) => [p.label, p.dueDate])).toEqual([['2026', '2027-01-15']]);
    first.close();
    // A year later the store opens and adds the next period.
    const again = trackStore(await openStore(file, { now: at('2027-12-01') }));
    const after = listPeriods(again.ctx, yearly.id);
    expect(after[0]).toEqual(before[0]);
    expect(after.map((p) => [p.seq, p.label, p.dueDate])).toEqual([
      [1, '2026', '2027-01-15'],
      [2, '2027', '2028-01-14'],
    ]);
  });

  it('lists due items in a date range for instructions in control, and resolving removes them', async () => {
    const { ctx } = await tempStore({ now: at('2026-12-01') });
    const world = smallWorld(ctx);
    const a = world.add('Monthly A', { leadOrgId: world.economy.id, recurrence: 'monthly:10' });
    const b = world.add('Quarterly B', { leadOrgId: world.energy.id, recurrence: 'quarterly:5' });
    world.add('One-off', { dueDate: '2026-12-15' });
    const items = listPeriodDueItems(ctx, '2026-12-01', '2027-01-31');
    expect(items.map((i) => [i.instructionId === a.id ? 'A' : 'B', i.label, i.dueDate, i.closed, i.leadOrgId])).toEqual([
      ['A', '2026-11', '2026-12-10', false, world.economy.id],
      ['B', '2026-Q4', '2027-01-05', false, world.energy.id],
      ['A', '2026-12', '2027-01-08', false, world.economy.id],
    ]);
    changeStatus(ctx, b.id, 'resolved', { report: 'Removed from control' });
    expect(listPeriodDueItems(ctx, '2026-12-01', '2027-01-31').map((i) => i.instructionId)).toEqual([a.id, a.id]);
    expect(getInstruction(ctx, b.id).onControl).toBe(false);
  });

  it('takes a custom RRULE and refuses a bad one with a clear message', async () => {
    const { ctx } = await tempStore({ now: at('2026-12-01') });
    const world = smallWorld(ctx);
    const custom = world.add('Twice a year', { leadOrgId: world.economy.id, recurrence: 'rrule:FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=20' });
    // 20 December 2026 is a Sunday → Friday the 18th; 20 June 2027 is a Sunday → Friday the 18th.
    expect(listPeriods(ctx, custom.id).map((p) => [p.label, p.dueDate])).toEqual([
      ['2026-12-20', '2026-12-18'],
      ['2027-06-20', '2027-06-18'],
    ]);
    const refused = (text: string) => {
      try {
        parseRecurrence(text);
      } catch (err) {
        return [(err as StoreError).key, (err as StoreError).message];
      }
      return null;
    };
    expect(refused('rrule:FREQ=SOMETIMES')?.[0]).toBe('recurrenceRule');
    expect(refused('rrule:EVERY MONDAY')?.[1]).toMatch(/is not an RRULE/);
    expect(refused('monthly:31')?.[0]).toBe('recurrenceDay');
    expect(() => world.add('Bad', { recurrence: 'monthly:0' })).toThrow(StoreError);
    expect(queryCards(ctx, { filters: [] }).cards.map((c) => c.title)).not.toContain('Bad');
    // Setting a rule later replaces the open periods; clearing it keeps the closed ones.
    setRecurrence(ctx, custom.id, 'monthly:5');
    expect(listPeriods(ctx, custom.id)[0]).toMatchObject({ label: '2026-11', dueDate: '2026-12-04' });
    addReport(ctx, custom.id, 'interim', 'November');
    setRecurrence(ctx, custom.id, null);
    expect(listPeriods(ctx, custom.id).map((p) => p.label)).toEqual(['2026-11']);
    expect(getInstruction(ctx, custom.id).recurrence).toBeNull();
  });
});

describe('a one-off instruction', () => {
  it('has no periods and files reports as before', async () => {
    const { ctx } = await tempStore({ now: at('2026-12-01') });
    const made = createInstruction(ctx, { title: 'Once', dueDate: '2026-12-15' });
    addReport(ctx, made.id, 'interim', 'Done');
    expect(listPeriods(ctx, made.id)).toEqual([]);
    expect(getInstruction(ctx, made.id).dueDate).toBe('2026-12-15');
  });
});
