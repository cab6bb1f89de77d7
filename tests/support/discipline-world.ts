// A small store for the execution-discipline figures, each worked out by hand
// (tests/unit/db/discipline.test.ts gives the sums): two ministries, one in Kazakhstan and one in
// Kyrgyzstan, and an instruction without a lead; deadlines met, missed, extended, an extension
// withdrawn, a reopening, an archived item. Today is Thursday 3 December 2026.
import { archiveInstruction, changeDueDate, changeStatus, createInstruction, undoDueDateChange } from '../../db/instructions';
import { createMeeting } from '../../db/meetings';
import { createOrganization } from '../../db/organizations';
import { tempStore } from './temp';

export const DISCIPLINE_TODAY = '2026-12-03';
/** October and November 2026, by the deadline in force. */
export const DISCIPLINE_PERIOD = { from: '2026-10-01', to: '2026-11-30', basis: 'deadline' as const };
export const ENERGY = 'Министерство энергетики';
export const ECONOMY = 'Министерство экономики';

export async function disciplineWorld(options: { actor?: () => string } = {}) {
  let clock = new Date('2026-09-01T09:00:00Z');
  const store = await tempStore({ now: () => clock, ...options });
  const { ctx } = store;
  const at = (iso: string) => {
    clock = new Date(`${iso}T10:00:00Z`);
  };
  const meeting = createMeeting(ctx, { title: 'Совещание', heldOn: '2026-09-01' });
  const energy = createOrganization(ctx, { name: ENERGY, country: 'Kazakhstan' });
  const economy = createOrganization(ctx, { name: ECONOMY, country: 'Kyrgyzstan' });
  const add = (title: string, dueDate: string, leadOrgId: string | null) => createInstruction(ctx, { title, meetingId: meeting.id, leadOrgId, dueDate });
  const resolve = (id: string, day: string) => {
    at(day);
    changeStatus(ctx, id, 'resolved', { report: 'Исполнено' });
  };

  const e1 = add('E1 on time', '2026-10-09', energy.id);
  const e2 = add('E2 extended, on time against the new deadline', '2026-10-20', energy.id);
  const e3 = add('E3 late by 4 days', '2026-11-10', energy.id);
  const e4 = add('E4 overdue 13 days', '2026-11-20', energy.id);
  const e5 = add('E5 extension withdrawn, overdue 8 days', '2026-11-25', energy.id);
  const e6 = add('E6 overdue over Republic Day', '2026-10-23', energy.id);
  const k1 = add('K1 overdue 3 days', '2026-11-30', economy.id);
  const k2 = add('K2 due after the period', '2026-12-10', economy.id);
  const k3 = add('K3 reopened, late by 10 days', '2026-10-15', economy.id);
  const n1 = add('N1 no lead, overdue 34 days', '2026-10-30', null);
  const archived = add('Archived, never counted', '2026-10-05', energy.id);
  archiveInstruction(ctx, archived.id, true);

  changeDueDate(ctx, e2.id, '2026-11-05', 'Awaiting the partner');
  changeDueDate(ctx, e5.id, '2026-11-28', 'By mistake');
  undoDueDateChange(ctx, e5.id, '2026-11-25');

  resolve(e1.id, '2026-10-09');
  resolve(k3.id, '2026-10-12'); // on time at first …
  at('2026-10-20');
  changeStatus(ctx, k3.id, 'in_progress', { reason: 'The report was incomplete' }); // … reopened: that report is superseded
  resolve(k3.id, '2026-10-25'); // … resolved again 10 days after 15 October
  resolve(e2.id, '2026-11-04');
  resolve(e3.id, '2026-11-14');
  at('2026-12-03');
  return { store, ctx, energy, economy, ids: { e1, e2, e3, e4, e5, e6, k1, k2, k3, n1 } };
}

