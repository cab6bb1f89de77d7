// The reminder service decides what the shell shows: a notification per reminder fired now, in the
// official's language (one summary when many fire at once), and the badge count of overdue + due
// today. Real store file, a clock the test controls.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { createInstruction } from '../../../../db/instructions';
import { createOrganization } from '../../../../db/organizations';
import type { Language } from '../../../../db/model';
import { createReminderService, MAX_NOTIFICATIONS, type ReminderNotification } from '../../../../electron/services/reminders';
import { tempDir, trackStore } from '../../../support/temp';

async function world(day: string) {
  let now = day;
  const store = trackStore(await openStore(path.join(tempDir(), 'r.sqlite'), { now: () => new Date(`${now}T09:00:00`) }));
  let language: Language = 'en';
  const shown: ReminderNotification[] = [];
  const badges: [number, string][] = [];
  const service = createReminderService({
    ctx: () => store.ctx,
    language: () => language,
    shell: { notify: (n) => shown.push(n), setBadge: (count, label) => badges.push([count, label]) },
  });
  return { store, service, shown, badges, setDay: (d: string) => (now = d), setLanguage: (l: Language) => (language = l) };
}

describe('the reminder service', () => {
  it('says when, what and who, in the official’s language, and counts overdue + due today on the badge', async () => {
    const w = await world('2026-06-03');
    const org = createOrganization(w.store.ctx, { name: 'Energetika ministrligi' });
    const late = createInstruction(w.store.ctx, { controlNumber: '12/3', title: 'Transit', dueDate: '2026-05-29', leadOrgId: org.id, allowPastDeadline: true });
    createInstruction(w.store.ctx, { controlNumber: '12/4', title: 'Checkpoints', dueDate: '2026-06-03' });
    createInstruction(w.store.ctx, { controlNumber: '12/5', title: 'Resorts', dueDate: '2026-06-04' });
    w.setLanguage('kk');
    expect(w.service.check()).toEqual([
      { title: '3 жұмыс күні (5 күнтізбелік) кешіктірілді: № 12/3', body: 'Transit — Energetika ministrligi', instructionId: late.id },
      { title: 'Мерзімі бүгін: № 12/4', body: 'Checkpoints', instructionId: expect.any(String) },
      { title: 'Мерзімге 1 жұмыс күні қалды: № 12/5', body: 'Resorts', instructionId: expect.any(String) },
    ]);
    expect(w.badges).toEqual([[2, 'Кешіктірілген немесе мерзімі бүгін: 2']]);
    // Checked again the same day: nothing new, the badge the same.
    expect(w.service.check()).toEqual([]);
    expect(w.shown).toHaveLength(3);
    w.setDay('2026-06-04');
    w.setLanguage('en');
    expect(w.service.check().map((n) => n.title)).toEqual(['Due today: № 12/5']);
    expect(w.badges.at(-1)).toEqual([3, '3 overdue or due today']);
  });

  it('names the period of a periodic instruction', async () => {
    const w = await world('2026-05-20');
    createInstruction(w.store.ctx, { controlNumber: '7/1', title: 'Monthly report', recurrence: 'monthly:5' });
    w.setDay('2026-06-05');
    expect(w.service.check().map((n) => n.title)).toEqual(['Due today: № 7/1 (2026-05)']);
  });

  it('sums up many reminders at once in one notification', async () => {
    const w = await world('2026-06-03');
    for (let i = 0; i <= MAX_NOTIFICATIONS; i++) createInstruction(w.store.ctx, { title: `T${i}`, dueDate: '2026-06-03' });
    w.setLanguage('ru');
    expect(w.service.check()).toEqual([{ title: `Напоминаний: ${MAX_NOTIFICATIONS + 1}`, body: expect.stringContaining('«Сроки»'), instructionId: null }]);
  });
});
