// Reminders on real store files with a clock the test controls (ctx.now). The dates are checked by
// hand against Kyrgyzstan's 2026 production calendar (the store's default country): Kurman Ait on
// Wednesday 27 May 2026 and the May holidays (1–9 May 2026, Labour Code of 2025) are days off.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInstruction } from '../../../db/instructions';
import { addReport, changeDueDate, changeStatus } from '../../../db/instructions/workflow';
import { createOrganization } from '../../../db/organizations';
import {
  fireDueReminders,
  getDueView,
  getInstructionReminders,
  getReminderPolicy,
  setInstructionReminders,
  setReminderPolicy,
  snoozeInstruction,
  takeDigest,
} from '../../../db/reminders';
import { openStore, type Store } from '../../../db/store';
import { StoreError } from '../../../db/errors';
import { tempDir, trackStore } from '../../support/temp';

/** A clock the test moves: local 09:00 of the day set. */
function clock(start: string) {
  let day = start;
  return {
    set: (d: string) => (day = d),
    now: () => {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      return new Date(y, m - 1, d, 9, 0, 0);
    },
  };
}

async function open(file: string, now: () => Date): Promise<Store> {
  return trackStore(await openStore(file, { now }));
}

/** Fires what is due on `day` and answers the rules fired, per instruction title. */
function fireOn(store: Store, c: ReturnType<typeof clock>, day: string): string[] {
  c.set(day);
  return fireDueReminders(store.ctx).map((e) => `${e.title} ${e.rule}`);
}

describe('reminders', () => {
  it('fire 5 and 1 working days before, on the day and every 3 working days overdue, across a holiday, each once', async () => {
    const c = clock('2026-05-18');
    const store = await open(path.join(tempDir(), 'r.sqlite'), c.now);
    const ctx = store.ctx;
    expect(getReminderPolicy(ctx)).toEqual({ daysBefore: [5, 1], onTheDay: true, overdueEvery: 3 });
    createInstruction(ctx, { title: 'Transit', dueDate: '2026-05-29' });

    // 5 working days before Friday 29 May, Kurman Ait (Wed 27 May) not counted: Thu 21 May.
    expect(fireOn(store, c, '2026-05-20')).toEqual([]);
    expect(fireOn(store, c, '2026-05-21')).toEqual(['Transit before:5']);
    expect(fireOn(store, c, '2026-05-21')).toEqual([]);
    expect(fireOn(store, c, '2026-05-27')).toEqual([]);
    // 1 working day before: Thu 28 May; on the day: Fri 29 May.
    expect(fireOn(store, c, '2026-05-28')).toEqual(['Transit before:1']);
    expect(fireOn(store, c, '2026-05-29')).toEqual(['Transit day']);
    expect(fireOn(store, c, '2026-05-31')).toEqual([]);
    // Overdue: Mon 1, Tue 2, Wed 3 June are working days 1–3 after the deadline; then 4, 5, 8 June.
    expect(fireOn(store, c, '2026-06-02')).toEqual([]);
    expect(fireOn(store, c, '2026-06-03')).toEqual(['Transit overdue:3']);
    expect(fireOn(store, c, '2026-06-05')).toEqual([]);
    expect(fireOn(store, c, '2026-06-08')).toEqual(['Transit overdue:6']);
  });

  it('count overdue days across the May holidays: 3 working days after 30 April 2026 is 13 May', async () => {
    const c = clock('2026-05-12');
    const store = await open(path.join(tempDir(), 'r.sqlite'), c.now);
    createInstruction(store.ctx, { title: 'Checkpoints', dueDate: '2026-04-30', allowPastDeadline: true });
    expect(fireOn(store, c, '2026-05-12')).toEqual(['Checkpoints day']);
    expect(fireOn(store, c, '2026-05-13')).toEqual(['Checkpoints overdue:3']);
    const view = getDueView(store.ctx);
    const item = view.groups.find((g) => g.group === 'overdue')!.organizations[0]!.items[0]!;
    expect([item.overdueWorkingDays, item.overdueCalendarDays]).toEqual([3, 13]);
  });

  it('never fire twice for one event across a close and reopen of the store', async () => {
    const c = clock('2026-05-21');
    const file = path.join(tempDir(), 'r.sqlite');
    let store = await open(file, c.now);
    createInstruction(store.ctx, { title: 'Transit', dueDate: '2026-05-29' });
    expect(fireOn(store, c, '2026-05-21')).toEqual(['Transit before:5']);
    store.close();

    store = await open(file, c.now);
    expect(fireOn(store, c, '2026-05-21')).toEqual([]);
    expect(fireOn(store, c, '2026-05-22')).toEqual([]);
    store.close();

    store = await open(file, c.now);
    expect(fireOn(store, c, '2026-05-28')).toEqual(['Transit before:1']);
    expect(store.ctx.db.prepare('SELECT rule, due_date, fired_on FROM fired_reminders ORDER BY id').all()).toEqual([
      { rule: 'before:5', due_date: '2026-05-29', fired_on: '2026-05-21' },
      { rule: 'before:1', due_date: '2026-05-29', fired_on: '2026-05-28' },
    ]);
  });

  it('fire only the latest event after days away, not the backlog', async () => {
    const c = clock('2026-06-08');
    const store = await open(path.join(tempDir(), 'r.sqlite'), c.now);
    createInstruction(store.ctx, { title: 'Transit', dueDate: '2026-05-29', allowPastDeadline: true });
    expect(fireOn(store, c, '2026-06-08')).toEqual(['Transit overdue:6']);
  });

  it('make new events after an extension (a new deadline in force)', async () => {
    const c = clock('2026-05-29');
    const store = await open(path.join(tempDir(), 'r.sqlite'), c.now);
    const i = createInstruction(store.ctx, { title: 'Transit', dueDate: '2026-05-29' });
    expect(fireOn(store, c, '2026-05-29')).toEqual(['Transit day']);
    // Extended to Friday 5 June: 5 working days before is 29 May, which has come.
    changeDueDate(store.ctx, i.id, '2026-06-05', 'Data from the ministry arrive later');
    expect(fireOn(store, c, '2026-05-29')).toEqual(['Transit before:5']);
    expect(fireOn(store, c, '2026-06-04')).toEqual(['Transit before:1']);
    expect(fireOn(store, c, '2026-06-05')).toEqual(['Transit day']);
  });

  it('stay quiet while snoozed (until a date, or for N working days) and come back when the snooze ends', async () => {
    const c = clock('2026-05-21');
    const store = await open(path.join(tempDir(), 'r.sqlite'), c.now);
    const a = createInstruction(store.ctx, { title: 'A', dueDate: '2026-05-29' });
    const b = createInstruction(store.ctx, { title: 'B', dueDate: '2026-05-29' });
    snoozeInstruction(store.ctx, a.id, { until: '2026-05-28' });
    // 2 working days from Thu 21 May: Fri 22, Mon 25 May.
    expect(snoozeInstruction(store.ctx, b.id, { workingDays: 2 }).snoozedUntil).toBe('2026-05-25');
    expect(fireOn(store, c, '2026-05-21')).toEqual([]);
    expect(fireOn(store, c, '2026-05-22')).toEqual([]);
    expect(fireOn(store, c, '2026-05-25')).toEqual(['B before:5']);
    expect(fireOn(store, c, '2026-05-26')).toEqual([]);
    expect(fireOn(store, c, '2026-05-28')).toEqual(['A before:1', 'B before:1']);
    expect(getInstructionReminders(store.ctx, a.id).snoozedUntil).toBeNull();
    // Refused: a day that has passed, a count out of range; nothing changes.
    expect(() => snoozeInstruction(store.ctx, a.id, { until: '2026-05-28' })).toThrow(StoreError);
    expect(() => snoozeInstruction(store.ctx, a.id, { workingDays: 0 })).toThrow(/1 to 60 working days/);
  });

  it('follow the instruction’s own policy, or none, over the store’s', async () => {
    const c = clock('2026-05-15');
    const store = await open(path.join(tempDir(), 'r.sqlite'), c.now);
    const own = createInstruction(store.ctx, { title: 'Own', dueDate: '2026-05-29' });
    const none = createInstruction(store.ctx, { title: 'None', dueDate: '2026-05-29' });
    createInstruction(store.ctx, { title: 'Store', dueDate: '2026-05-29' });
    // 10 working days before 29 May: 28, 26, 25, 22, 21, 20, 19, 18, 15, 14 May.
    expect(setInstructionReminders(store.ctx, own.id, 'custom', { daysBefore: [10], onTheDay: false, overdueEvery: null }).effective).toEqual({
      daysBefore: [10],
      onTheDay: false,
      overdueEvery: null,
    });
    expect(setInstructionReminders(store.ctx, none.id, 'none').effective).toBeNull();
    expect(fireOn(store, c, '2026-05-15')).toEqual(['Own before:10']);
    expect(fireOn(store, c, '2026-05-21')).toEqual(['Store before:5']);
    expect(fireOn(store, c, '2026-05-29')).toEqual(['Store day']);
    expect(fireOn(store, c, '2026-06-03')).toEqual(['Store overdue:3']);
    // Back to the store's policy.
    expect(setInstructionReminders(store.ctx, own.id, 'store').effective).toEqual(getReminderPolicy(store.ctx));
    expect(fireOn(store, c, '2026-06-03')).toEqual(['Own overdue:3']);
  });

  it('keep the store’s policy as edited, and refuse a bad one with a clear message', async () => {
    const c = clock('2026-05-20');
    const file = path.join(tempDir(), 'r.sqlite');
    let store = await open(file, c.now);
    setReminderPolicy(store.ctx, { daysBefore: [1, 3], onTheDay: false, overdueEvery: 1 });
    expect(() => setReminderPolicy(store.ctx, { daysBefore: [0], onTheDay: true, overdueEvery: 3 })).toThrow(/whole numbers from 1 to 60/);
    expect(() => setReminderPolicy(store.ctx, { daysBefore: [2, 2], onTheDay: true, overdueEvery: 3 })).toThrow(/listed twice/);
    store.close();
    store = await open(file, c.now);
    expect(getReminderPolicy(store.ctx)).toEqual({ daysBefore: [3, 1], onTheDay: false, overdueEvery: 1 });
    createInstruction(store.ctx, { title: 'T', dueDate: '2026-05-25' });
    // 3 working days before Mon 25 May: Fri 22, Thu 21, Wed 20 May.
    expect(fireOn(store, c, '2026-05-20')).toEqual(['T before:3']);
    expect(fireOn(store, c, '2026-05-25')).toEqual([]);
    expect(fireOn(store, c, '2026-05-26')).toEqual(['T overdue:1']);
  });

  it('fire nothing for a resolved or archived instruction', async () => {
    const c = clock('2026-05-29');
    const store = await open(path.join(tempDir(), 'r.sqlite'), c.now);
    const i = createInstruction(store.ctx, { title: 'Done', dueDate: '2026-05-29' });
    changeStatus(store.ctx, i.id, 'resolved', { report: 'Carried out in full.' });
    expect(fireOn(store, c, '2026-05-29')).toEqual([]);
  });
});

describe('periodic instructions', () => {
  it('make each open period its own due item with its own reminders, and a report closes the period', async () => {
    // Given on Wednesday 20 May 2026, a report by the 5th of each month: May's is due Friday 5 June,
    // June's on Sunday 5 July, moved to the working day before, Friday 3 July.
    const c = clock('2026-05-20');
    const store = await open(path.join(tempDir(), 'r.sqlite'), c.now);
    const ctx = store.ctx;
    const org = createOrganization(ctx, { name: 'Ministry of Energy' });
    const monthly = createInstruction(ctx, { controlNumber: '7/1', title: 'Monthly report', leadOrgId: org.id, recurrence: 'monthly:5' });
    createInstruction(ctx, { controlNumber: '7/2', title: 'One-off', dueDate: '2026-07-02', leadOrgId: org.id });

    // Wednesday 1 July: May's period is 18 working days late (8 June to 1 July), June's due this week.
    c.set('2026-07-01');
    const view = getDueView(ctx);
    const items = view.groups.flatMap((g) => g.organizations.flatMap((o) => o.items.map((i) => `${g.group} ${i.title} ${i.periodKey ?? '-'} ${i.dueDate} ${i.overdueWorkingDays}`)));
    expect(items).toEqual(['overdue Monthly report 2026-05 2026-06-05 18', 'thisWeek One-off - 2026-07-02 0', 'thisWeek Monthly report 2026-06 2026-07-03 0']);
    expect(fireDueReminders(ctx).map((e) => `${e.title} ${e.periodKey ?? '-'} ${e.rule}`)).toEqual([
      'Monthly report 2026-05 overdue:18',
      'One-off - before:1',
      'Monthly report 2026-06 before:5',
    ]);
    expect(fireDueReminders(ctx)).toEqual([]);

    // The report filed closes May's period: it leaves the panel and is reminded no more.
    addReport(ctx, monthly.id, 'interim', 'The May figures are sent.');
    expect(getDueView(ctx).groups[0]!.count).toBe(0);
    expect(fireOn(store, c, '2026-07-02').sort()).toEqual(['Monthly report before:1', 'One-off day']);
    expect(fireOn(store, c, '2026-07-06')).toEqual(['Monthly report day']);
  });
});

describe('the Due panel and the digest', () => {
  it('group overdue, today, this week and next week per lead organization, with overdue in working and calendar days', async () => {
    // Wednesday 20 May 2026: this week ends Sunday 24 May, next week Sunday 31 May.
    const c = clock('2026-05-20');
    const store = await open(path.join(tempDir(), 'r.sqlite'), c.now);
    const ctx = store.ctx;
    const energy = createOrganization(ctx, { name: 'Ministry of Energy' });
    const trade = createOrganization(ctx, { name: 'Ministry of Economy and Trade' });
    const mk = (title: string, dueDate: string, leadOrgId: string | null) => createInstruction(ctx, { title, dueDate, leadOrgId, allowPastDeadline: true });
    mk('Late energy', '2026-04-30', energy.id);
    mk('Late trade', '2026-05-19', trade.id);
    mk('Today', '2026-05-20', energy.id);
    mk('Friday', '2026-05-22', null);
    mk('Next Monday', '2026-05-25', trade.id);
    mk('Next Friday', '2026-05-29', trade.id);
    mk('Later', '2026-06-01', trade.id);

    const view = getDueView(ctx);
    expect([view.today, view.weekEnd, view.nextWeekEnd]).toEqual(['2026-05-20', '2026-05-24', '2026-05-31']);
    const shape = Object.fromEntries(view.groups.map((g) => [g.group, g.organizations.map((o) => `${o.organizationName || '—'}: ${o.items.map((i) => i.title).join(', ')}`)]));
    expect(shape).toEqual({
      overdue: ['Ministry of Economy and Trade: Late trade', 'Ministry of Energy: Late energy'],
      today: ['Ministry of Energy: Today'],
      thisWeek: ['—: Friday'],
      nextWeek: ['Ministry of Economy and Trade: Next Monday, Next Friday'],
    });
    // 30 April to 20 May: 1–10 May are days off (the May holidays), 11–15 and 18–20 May working days.
    const late = view.groups[0]!.organizations[1]!.items[0]!;
    expect([late.overdueWorkingDays, late.overdueCalendarDays]).toEqual([8, 20]);
    expect(view.counts).toEqual({ overdue: 2, today: 1, thisWeek: 1, nextWeek: 2 });
    expect(getDueView(ctx, { organizationId: trade.id }).counts).toEqual({ overdue: 1, today: 0, thisWeek: 0, nextWeek: 2 });
  });

  it('count each lead organization’s overdue days in its own country’s calendar', async () => {
    // Friday 8 May 2026. Kyrgyzstan: 1–9 May are holidays, so 30 April is 0 working days late; Kazakhstan:
    // 1 and 7 May are holidays, so it is 4 (4, 5, 6 and 8 May); 27 April is 3 more in both.
    const c = clock('2026-05-08');
    const store = await open(path.join(tempDir(), 'r.sqlite'), c.now);
    const ctx = store.ctx;
    const kg = createOrganization(ctx, { name: 'KG ministry', country: 'Кыргызстан' });
    const kz = createOrganization(ctx, { name: 'KZ ministry', country: 'Қазақстан' });
    for (const org of [kg, kz]) {
      createInstruction(ctx, { title: `${org.name} A`, dueDate: '2026-04-30', leadOrgId: org.id, allowPastDeadline: true });
      createInstruction(ctx, { title: `${org.name} B`, dueDate: '2026-04-27', leadOrgId: org.id, allowPastDeadline: true });
    }
    const overdue = getDueView(ctx).groups[0]!.organizations.flatMap((o) => o.items.map((i) => `${i.title} ${i.overdueWorkingDays}/${i.overdueCalendarDays}`));
    expect(overdue).toEqual(['KG ministry B 3/11', 'KG ministry A 0/8', 'KZ ministry B 7/11', 'KZ ministry A 4/8']);
    // Reminders follow the same counts: KZ's 30 April deadline is 4 working days late (one "every 3"), KG's is not yet.
    expect(fireOn(store, c, '2026-05-08').sort()).toEqual(['KG ministry A day', 'KG ministry B overdue:3', 'KZ ministry A overdue:3', 'KZ ministry B overdue:6']);
  });

  it('show the digest once per day per store, across a reopen, and again the next day', async () => {
    const c = clock('2026-05-20');
    const file = path.join(tempDir(), 'r.sqlite');
    let store = await open(file, c.now);
    createInstruction(store.ctx, { title: 'Late', dueDate: '2026-05-19', allowPastDeadline: true });
    createInstruction(store.ctx, { title: 'Today', dueDate: '2026-05-20' });
    expect(takeDigest(store.ctx)).toEqual({ show: true, today: '2026-05-20', overdue: 1, dueToday: 1, thisWeek: 0 });
    expect(takeDigest(store.ctx).show).toBe(false);
    store.close();
    store = await open(file, c.now);
    expect(takeDigest(store.ctx).show).toBe(false);
    c.set('2026-05-21');
    expect(takeDigest(store.ctx)).toEqual({ show: true, today: '2026-05-21', overdue: 2, dueToday: 0, thisWeek: 0 });
  });
});
