// The execution-discipline figures against a small store whose every figure was worked out by hand
// (the comments give the sums). Today is Thursday 3 December 2026; the period is October and
// November 2026 by the deadline in force.
import { describe, expect, it } from 'vitest';
import { addReport, createInstruction } from '../../../db/instructions';
import { createOrganization } from '../../../db/organizations';
import { listPeriods } from '../../../db/periods';
import { tempStore } from '../../support/temp';
import { createMeeting } from '../../../db/meetings';
import { disciplineFigures } from '../../../db/discipline';
import { queryCards } from '../../../db/boards';
import type { StoreError } from '../../../db/errors';
import { disciplineWorld as world, DISCIPLINE_PERIOD as PERIOD } from '../../support/discipline-world';

describe('the execution-discipline figures', () => {
  it('per organization: on time, late, overdue (calendar and working days), extended, both on-time rates, average delay', async () => {
    const { ctx, energy, economy } = await world();
    const report = disciplineFigures(ctx, PERIOD);
    expect(report.today).toBe('2026-12-03');
    expect(report.organizations.map((o) => o.name)).toEqual(['Министерство экономики', 'Министерство энергетики', null]);

    const e = report.organizations.find((o) => o.organizationId === energy.id);
    // E1 and E2 on time (E2 against its extended deadline), E3 late by 4 days, E4, E5 and E6 overdue:
    // 13 + 8 + 41 calendar days; working days in Kazakhstan 9 + 6 + 28 (Republic Day, Sunday
    // 25 October, moved to Monday 26 October).
    expect(e).toMatchObject({
      instructions: 6,
      resolvedOnTime: 2,
      resolvedLate: 1,
      overdue: 3,
      overdueCalendarDays: 62,
      overdueWorkingDays: 43,
      pending: 0,
      extended: 1, // E2; E5's extension was withdrawn
      dueItems: 6,
      onTimeOriginal: 1, // only E1 met its first deadline
      dueItemsOriginal: 6,
      lateDays: 4,
      averageDelay: 4,
    });
    expect(e?.extendedShare).toBeCloseTo(1 / 6);
    expect(e?.onTimeRate).toBeCloseTo(2 / 6);
    expect(e?.onTimeRateOriginal).toBeCloseTo(1 / 6);

    const k = report.organizations.find((o) => o.organizationId === economy.id);
    // K1 overdue 3 days (3 working days in Kyrgyzstan); K3 resolved late on its last resolve; K2 is due after the period.
    expect(k).toMatchObject({ instructions: 2, resolvedOnTime: 0, resolvedLate: 1, overdue: 1, overdueCalendarDays: 3, overdueWorkingDays: 3, extended: 0, onTimeRate: 0, averageDelay: 10 });

    // Without a lead organization: the store's default calendar (Kyrgyzstan), 24 working days
    // (Friday 30 October: a deadline is set on working days, db/working-calendar.ts).
    expect(report.organizations[2]).toMatchObject({ organizationId: null, instructions: 1, overdue: 1, overdueCalendarDays: 34, overdueWorkingDays: 24, onTimeRate: 0, averageDelay: null });

    expect(report.total).toMatchObject({
      instructions: 9,
      resolvedOnTime: 2,
      resolvedLate: 2,
      overdue: 5,
      overdueCalendarDays: 99,
      overdueWorkingDays: 70,
      extended: 1,
      dueItems: 9,
      onTimeOriginal: 1,
      lateDays: 14,
      averageDelay: 7,
    });
    expect(report.total.onTimeRate).toBeCloseTo(2 / 9);
    expect(report.total.onTimeRateOriginal).toBeCloseTo(1 / 9);
    expect(report.total.extendedShare).toBeCloseTo(1 / 9);
    expect(report.missingYears).toEqual([]);
  });

  it('the monthly trend by the month of the deadline in force, and the worst overdue items, oldest deadline first', async () => {
    const { ctx, ids } = await world();
    const report = disciplineFigures(ctx, PERIOD);
    expect(report.trend).toEqual([
      { month: '2026-10', due: 4, onTime: 1, late: 1, overdue: 2 }, // E1; K3; E6, N1
      { month: '2026-11', due: 5, onTime: 1, late: 1, overdue: 3 }, // E2; E3; E4, E5, K1
    ]);
    expect(report.worst.map((w) => [w.id, w.calendarDays, w.workingDays])).toEqual([
      [ids.e6.id, 41, 28],
      [ids.n1.id, 34, 24],
      [ids.e4.id, 13, 9],
      [ids.e5.id, 8, 6],
      [ids.k1.id, 3, 3],
    ]);
    expect(report.worst[0]).toMatchObject({ organizationName: 'Министерство энергетики', dueDate: '2026-10-23', extensions: 0 });
  });

  it('keeps the worst ten only, and a period by creation counts what was created in it', async () => {
    const { ctx } = await world();
    const meeting = createMeeting(ctx, { title: 'Later', heldOn: '2026-12-01' });
    for (let n = 0; n < 12; n++) createInstruction(ctx, { title: `Late ${n}`, meetingId: meeting.id, dueDate: '2026-12-02', allowPastDeadline: true });
    const byDeadline = disciplineFigures(ctx, { from: '2026-10-01', to: '2026-12-31', basis: 'deadline' });
    expect(byDeadline.worst).toHaveLength(10);
    expect(byDeadline.total.overdue).toBe(17);
    expect(byDeadline.trend.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    // Created today: the twelve only (the rest were created on 1 September).
    const created = disciplineFigures(ctx, { from: '2026-12-01', to: '2026-12-31', basis: 'created' });
    expect(created.total).toMatchObject({ instructions: 12, overdue: 12, overdueCalendarDays: 12 });
    const september = disciplineFigures(ctx, { from: '2026-09-01', to: '2026-09-30', basis: 'created' });
    expect(september.total.instructions).toBe(10);
  });

  it('a scope in the search language narrows the figures, and bad periods are refused with a reason', async () => {
    const { ctx } = await world();
    expect(disciplineFigures(ctx, { ...PERIOD, query: 'org:экономики' }).total.instructions).toBe(2);
    const refused = (from: string, to: string) => {
      try {
        disciplineFigures(ctx, { from, to, basis: 'deadline' });
      } catch (err) {
        return (err as StoreError).key;
      }
      return null;
    };
    expect(refused('2026-11-31', '2026-12-01')).toBe('disciplineBadPeriod');
    expect(refused('2026-12-01', '2026-11-01')).toBe('disciplinePeriodReversed');
    expect(refused('2000-01-01', '2026-12-01')).toBe('disciplinePeriodTooLong');
  });
});

describe('the board filters the figures open', () => {
  it('resolved:ontime, resolved:late, extended:yes and created: pick exactly the instructions the figures counted', async () => {
    const { ctx, ids } = await world();
    const titles = (filter: string) =>
      queryCards(ctx, { filters: [filter, 'due:>=2026-10-01 due:<=2026-11-30'] })
        .cards.map((c) => c.title.slice(0, 2))
        .sort();
    expect(titles('resolved:ontime')).toEqual(['E1', 'E2']);
    expect(titles('исполнено:с_опозданием')).toEqual(['E3', 'K3']);
    expect(titles('extended:yes')).toEqual(['E2']);
    expect(titles('overdue:yes')).toEqual(['E4', 'E5', 'E6', 'K1', 'N1']);
    expect(titles('-resolved:yes -overdue:yes')).toEqual([]);
    expect(queryCards(ctx, { filters: ['created:>=2026-09-01 created:<=2026-09-01'] }).cards).toHaveLength(10);
    expect(queryCards(ctx, { filters: ['resolved:maybe'] }).problems[0]).toMatchObject({ code: 'bad_value', field: 'resolved' });
    void ids;
  });
});

describe('periodic instructions in the figures', () => {
  it('count each period as its own due item, on time, late or overdue by the period due date, and never the instruction itself', async () => {
    let clock = new Date('2026-01-10T09:00:00Z');
    const { ctx } = await tempStore({ now: () => clock });
    const meeting = createMeeting(ctx, { title: 'Monthly reporting', heldOn: '2026-01-10' });
    const org = createOrganization(ctx, { name: 'Министерство финансов', country: 'Kyrgyzstan' });
    // Monthly by the 5th of the next month: January is due 5 Feb, February 5 Mar, March 5 Apr (a Sunday: moved to Friday 3 April).
    const item = createInstruction(ctx, { title: 'Monthly report', meetingId: meeting.id, leadOrgId: org.id, recurrence: 'monthly:5' });
    const periods = listPeriods(ctx, item.id).slice(0, 3);
    expect(periods.map((p) => p.dueDate)).toEqual(['2026-02-05', '2026-03-05', '2026-04-03']);
    clock = new Date('2026-02-04T09:00:00Z');
    addReport(ctx, item.id, 'interim', 'January done'); // on time
    clock = new Date('2026-03-09T09:00:00Z');
    addReport(ctx, item.id, 'interim', 'February done'); // 4 days late
    clock = new Date('2026-04-10T09:00:00Z'); // March's report is 7 days overdue
    const report = disciplineFigures(ctx, { from: '2026-02-01', to: '2026-04-30', basis: 'deadline' });
    // April's period is due 30 April (1–9 May are holidays in Kyrgyzstan): not yet due, pending.
    expect(report.total).toMatchObject({ instructions: 4, resolvedOnTime: 1, resolvedLate: 1, overdue: 1, pending: 1, overdueCalendarDays: 7, lateDays: 4, averageDelay: 4 });
    expect(report.trend).toEqual([
      { month: '2026-02', due: 1, onTime: 1, late: 0, overdue: 0 },
      { month: '2026-03', due: 1, onTime: 0, late: 1, overdue: 0 },
      { month: '2026-04', due: 2, onTime: 0, late: 0, overdue: 1 },
    ]);
  });
});
