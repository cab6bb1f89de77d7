// Reminders (issue 11): the store's reminder policy, an instruction's own policy or none, snooze,
// the Due panel (overdue, today, this week, next week, per lead organization), the day's digest and
// the reminders due now, each fired once. Working days are the lead organization's calendar
// (db/working-calendar.ts); the clock is the store context's (ctx.now), so tests control it.
//
// A reminder is an event: the instruction, its period (empty for a one-off deadline), the rule
// (`before:5`, `day`, `overdue:6`) and the deadline in force. fired_reminders keeps each event
// fired, with a unique key, so it never fires twice, also across restarts; an extension gives a new
// deadline and so new events. Only the latest event whose day has come fires: after a week away
// the official gets one reminder per instruction, not the backlog.
import { addWorkingDays, overdue as overdueBy, previousWorkingDay, workingDaysBetween, type Calendar } from './calendars';
import type { StoreContext } from './context';
import { addDays, daysBetween, isIsoDate } from './dates';
import { StoreError } from './errors';
import {
  DEFAULT_REMINDER_POLICY,
  DUE_GROUPS,
  REMINDER_MODES,
  type DueDigest,
  type DueGroup,
  type DueItem,
  type DueOrganizationGroup,
  type DueView,
  type InstructionReminders,
  type IsoDate,
  type ReminderEvent,
  type ReminderMode,
  type ReminderPolicy,
  type Status,
} from './model';
import { getSetting, setSetting } from './settings';
import { calendarForOrganization } from './working-calendar';
import { listPeriodDueItems } from './periods';

export const REMINDER_POLICY_KEY = 'reminders.policy';
export const DIGEST_SHOWN_KEY = 'reminders.digestShownOn';
export const MAX_REMINDER_DAYS = 60;

// ---- the policy ----

/** A policy as given, checked: whole working-day counts from 1 to 60, no repeats; or why not. */
export function checkPolicy(value: unknown): ReminderPolicy {
  const bad = (detail: string): never => {
    throw new StoreError('validation', `The reminder policy is not valid: ${detail}.`, 'reminderPolicyInvalid', { detail });
  };
  if (typeof value !== 'object' || value === null) return bad('not a policy');
  const v = value as Record<string, unknown>;
  const days = v.daysBefore;
  if (!Array.isArray(days)) return bad('daysBefore is not a list');
  const count = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_REMINDER_DAYS;
  if (!days.every(count)) return bad(`days before must be whole numbers from 1 to ${MAX_REMINDER_DAYS}`);
  if (new Set(days).size !== days.length) return bad('a day before is listed twice');
  if (typeof v.onTheDay !== 'boolean') return bad('onTheDay is not true or false');
  if (v.overdueEvery !== null && !count(v.overdueEvery)) return bad(`overdue reminders must come every 1 to ${MAX_REMINDER_DAYS} working days`);
  return { daysBefore: [...(days as number[])].sort((a, b) => b - a), onTheDay: v.onTheDay, overdueEvery: v.overdueEvery as number | null };
}

function readPolicy(value: unknown): ReminderPolicy | null {
  try {
    return checkPolicy(value);
  } catch {
    return null;
  }
}

/** The store's policy; the default (5 and 1 working days before, on the day, every 3 overdue) until edited. */
export function getReminderPolicy(ctx: StoreContext): ReminderPolicy {
  return readPolicy(getSetting<unknown>(ctx, REMINDER_POLICY_KEY, null)) ?? DEFAULT_REMINDER_POLICY;
}

export function setReminderPolicy(ctx: StoreContext, policy: unknown): ReminderPolicy {
  const checked = checkPolicy(policy);
  setSetting(ctx, REMINDER_POLICY_KEY, checked);
  return checked;
}

// ---- one instruction's reminders ----

interface OverrideRow {
  mode: ReminderMode;
  policy: string | null;
  snoozed_until: string | null;
}

function requireInstruction(ctx: StoreContext, id: string): void {
  if (!ctx.stmt('SELECT 1 FROM instructions WHERE id = ?').get(id)) throw new StoreError('not_found', `No instruction ${id}.`, 'instructionNotFound');
}

function parsePolicy(text: string | null): ReminderPolicy | null {
  if (text === null) return null;
  try {
    return readPolicy(JSON.parse(text));
  } catch {
    return null;
  }
}

function effectivePolicy(store: ReminderPolicy, mode: ReminderMode, own: ReminderPolicy | null): ReminderPolicy | null {
  if (mode === 'none') return null;
  if (mode === 'custom') return own ?? store;
  return store;
}

export function getInstructionReminders(ctx: StoreContext, instructionId: string): InstructionReminders {
  requireInstruction(ctx, instructionId);
  const row = ctx.stmt('SELECT mode, policy, snoozed_until FROM reminder_overrides WHERE instruction_id = ?').get(instructionId) as OverrideRow | undefined;
  const mode = row?.mode ?? 'store';
  const policy = parsePolicy(row?.policy ?? null);
  const snoozedUntil = row?.snoozed_until ?? null;
  return {
    instructionId,
    mode,
    policy,
    effective: effectivePolicy(getReminderPolicy(ctx), mode, policy),
    // A snooze that has run out no longer shows.
    snoozedUntil: snoozedUntil !== null && snoozedUntil > ctx.today() ? snoozedUntil : null,
  };
}

function writeOverride(ctx: StoreContext, instructionId: string, patch: { mode?: ReminderMode; policy?: ReminderPolicy | null; snoozedUntil?: IsoDate | null }): void {
  const current = ctx.stmt('SELECT mode, policy, snoozed_until FROM reminder_overrides WHERE instruction_id = ?').get(instructionId) as OverrideRow | undefined;
  const mode = patch.mode ?? current?.mode ?? 'store';
  const policy = patch.policy !== undefined ? (patch.policy === null ? null : JSON.stringify(patch.policy)) : (current?.policy ?? null);
  const snoozed = patch.snoozedUntil !== undefined ? patch.snoozedUntil : (current?.snoozed_until ?? null);
  ctx
    .stmt(
      `INSERT INTO reminder_overrides (instruction_id, mode, policy, snoozed_until, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(instruction_id) DO UPDATE SET mode = excluded.mode, policy = excluded.policy, snoozed_until = excluded.snoozed_until, updated_at = excluded.updated_at`,
    )
    .run(instructionId, mode, policy, snoozed, ctx.timestamp());
}

/** The instruction follows the store's policy, its own (`policy` required), or has no reminders. */
export function setInstructionReminders(ctx: StoreContext, instructionId: string, mode: ReminderMode, policy?: unknown): InstructionReminders {
  return ctx.transaction(() => {
    requireInstruction(ctx, instructionId);
    if (!(REMINDER_MODES as readonly string[]).includes(mode)) throw new StoreError('validation', `Unknown reminder mode ${String(mode)}.`, 'reminderPolicyInvalid', { detail: String(mode) });
    if (mode === 'custom') {
      if (policy === undefined || policy === null) throw new StoreError('validation', 'An instruction with its own reminders needs its policy.', 'reminderPolicyInvalid', { detail: 'no policy' });
      writeOverride(ctx, instructionId, { mode, policy: checkPolicy(policy) });
    } else writeOverride(ctx, instructionId, { mode });
    return getInstructionReminders(ctx, instructionId);
  });
}

/**
 * Snoozes an instruction's reminders until a day (`until`, after today) or for N working days of
 * its lead organization's calendar; `null` ends a snooze.
 */
export function snoozeInstruction(ctx: StoreContext, instructionId: string, snooze: { until: IsoDate } | { workingDays: number } | null): InstructionReminders {
  return ctx.transaction(() => {
    requireInstruction(ctx, instructionId);
    const today = ctx.today();
    let until: IsoDate | null = null;
    if (snooze !== null && 'until' in snooze) {
      if (!isIsoDate(snooze.until)) throw new StoreError('validation', `${snooze.until} is not a date.`, 'badDate', { value: snooze.until });
      if (snooze.until <= today) throw new StoreError('validation', 'A reminder is snoozed until a day after today.', 'snoozeInPast', { date: snooze.until });
      until = snooze.until;
    } else if (snooze !== null) {
      const n = snooze.workingDays;
      if (!Number.isInteger(n) || n < 1 || n > MAX_REMINDER_DAYS) {
        throw new StoreError('validation', `A reminder is snoozed for 1 to ${MAX_REMINDER_DAYS} working days.`, 'snoozeDaysInvalid', { max: MAX_REMINDER_DAYS });
      }
      const lead = ctx.stmt('SELECT lead_org_id FROM instructions WHERE id = ?').get(instructionId) as { lead_org_id: string | null };
      const result = addWorkingDays(calendarForOrganization(ctx, lead.lead_org_id), today, n);
      until = result.ok ? result.value : addDays(today, n);
    }
    writeOverride(ctx, instructionId, { snoozedUntil: until });
    return getInstructionReminders(ctx, instructionId);
  });
}

// ---- what is due ----

/** One deadline that reminders and the Due panel look at. */
export interface DueSource {
  instructionId: string;
  periodKey: string | null;
  controlNumber: string | null;
  title: string;
  dueDate: IsoDate;
  status: Status;
  leadOrgId: string | null;
  leadOrgName: string;
  mode: ReminderMode;
  policy: string | null;
  snoozedUntil: IsoDate | null;
}

interface SourceRow {
  id: string;
  control_number: string | null;
  title: string;
  due_date: string;
  status: Status;
  lead_org_id: string | null;
  org_name: string | null;
  mode: ReminderMode | null;
  policy: string | null;
  snoozed_until: string | null;
}

const SOURCE_COLUMNS = `i.id, i.control_number, i.title, i.due_date, i.status, i.lead_org_id, o.name AS org_name, r.mode, r.policy, r.snoozed_until
         FROM instructions i
         LEFT JOIN organizations o ON o.id = i.lead_org_id
         LEFT JOIN reminder_overrides r ON r.instruction_id = i.id`;

function toSource(r: SourceRow, period: { key: string; dueDate: IsoDate } | null): DueSource {
  return {
    instructionId: r.id,
    periodKey: period?.key ?? null,
    controlNumber: r.control_number,
    title: r.title,
    dueDate: period?.dueDate ?? r.due_date,
    status: r.status,
    leadOrgId: r.lead_org_id,
    leadOrgName: r.org_name ?? '',
    mode: r.mode ?? 'store',
    policy: r.policy,
    snoozedUntil: r.snoozed_until,
  };
}

/**
 * The deadlines due on or before `until` of open instructions (not resolved, not archived): a
 * one-off instruction's deadline, and each open period of a periodic instruction (db/periods.ts),
 * which is its own due item with its own reminders (the period's label is its key), earliest first.
 */
export function dueSources(ctx: StoreContext, until: IsoDate): DueSource[] {
  const rows = ctx
    .stmt(
      `SELECT ${SOURCE_COLUMNS}
        WHERE i.archived = 0 AND i.status <> 'resolved' AND i.recurrence IS NULL AND i.due_date IS NOT NULL AND i.due_date <= ?
        ORDER BY i.due_date, i.control_number`,
    )
    .all(until) as SourceRow[];
  const out = rows.map((r) => toSource(r, null));
  const periods = listPeriodDueItems(ctx, '0001-01-01', until).filter((p) => !p.closed);
  if (periods.length === 0) return out;
  const owner = ctx.stmt(`SELECT ${SOURCE_COLUMNS} WHERE i.id = ?`);
  const owners = new Map<string, SourceRow | undefined>();
  for (const p of periods) {
    if (!owners.has(p.instructionId)) owners.set(p.instructionId, owner.get(p.instructionId) as SourceRow | undefined);
    const row = owners.get(p.instructionId);
    if (row) out.push(toSource(row, { key: p.label, dueDate: p.dueDate }));
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || (a.controlNumber ?? '').localeCompare(b.controlNumber ?? '', undefined, { numeric: true }));
}

/** Calendars by lead organization, read once per computation; organizations of one country share one. */
function calendars(ctx: StoreContext): (orgId: string | null) => Calendar {
  const byOrg = new Map<string | null, Calendar>();
  const byCountry = new Map<string, Calendar>();
  return (orgId) => {
    let cal = byOrg.get(orgId);
    if (!cal) {
      cal = calendarForOrganization(ctx, orgId);
      const shared = byCountry.get(cal.country);
      if (shared) cal = shared;
      else byCountry.set(cal.country, cal);
      byOrg.set(orgId, cal);
    }
    return cal;
  };
}

/** The Sunday ending the week `date` is in (weeks run Monday to Sunday). */
export function weekEndOf(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, (7 - weekday) % 7);
}

function groupOf(due: IsoDate, today: IsoDate, weekEnd: IsoDate, nextWeekEnd: IsoDate): DueGroup | null {
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  if (due <= weekEnd) return 'thisWeek';
  if (due <= nextWeekEnd) return 'nextWeek';
  return null;
}

function overdueDays(cal: Calendar, due: IsoDate, today: IsoDate): { workingDays: number; calendarDays: number } {
  const result = overdueBy(cal, due, today);
  return result.ok ? result.value : { workingDays: Math.max(0, daysBetween(due, today)), calendarDays: Math.max(0, daysBetween(due, today)) };
}

/**
 * Working and calendar days overdue on `today` for many deadlines at once: per calendar, one walk
 * back from today through the distinct deadlines (latest first), each span counted once, so a store
 * of 100,000 overdue instructions costs one pass over the days they span, not one per instruction.
 */
function overdueTable(deadlines: readonly { cal: Calendar; due: IsoDate }[], today: IsoDate): (cal: Calendar, due: IsoDate) => { workingDays: number; calendarDays: number } {
  const byCalendar = new Map<Calendar, Set<IsoDate>>();
  for (const { cal, due } of deadlines) {
    if (due >= today) continue;
    let set = byCalendar.get(cal);
    if (!set) byCalendar.set(cal, (set = new Set()));
    set.add(due);
  }
  const counts = new Map<Calendar, Map<IsoDate, number>>();
  for (const [cal, dues] of byCalendar) {
    const out = new Map<IsoDate, number>();
    let from = today;
    let count = 0;
    for (const due of [...dues].sort().reverse()) {
      const span = workingDaysBetween(cal, due, from);
      count += span.ok ? span.value : daysBetween(due, from);
      out.set(due, count);
      from = due;
    }
    counts.set(cal, out);
  }
  return (cal, due) =>
    due >= today ? { workingDays: 0, calendarDays: 0 } : { workingDays: counts.get(cal)?.get(due) ?? overdueDays(cal, due, today).workingDays, calendarDays: daysBetween(due, today) };
}

/** Overdue, today, this week, next week; within each, per lead organization (by name, none last). */
export function getDueView(ctx: StoreContext, options: { organizationId?: string } = {}): DueView {
  return ctx.transaction(() => {
    const today = ctx.today();
    const weekEnd = weekEndOf(today);
    const nextWeekEnd = addDays(weekEnd, 7);
    const cal = calendars(ctx);
    const items: DueItem[] = [];
    const sources = dueSources(ctx, nextWeekEnd).filter((s) => options.organizationId === undefined || s.leadOrgId === options.organizationId);
    const late = overdueTable(sources.map((s) => ({ cal: cal(s.leadOrgId), due: s.dueDate })), today);
    for (const s of sources) {
      const group = groupOf(s.dueDate, today, weekEnd, nextWeekEnd);
      if (!group) continue;
      const { workingDays, calendarDays } = late(cal(s.leadOrgId), s.dueDate);
      items.push({
        instructionId: s.instructionId,
        periodKey: s.periodKey,
        controlNumber: s.controlNumber,
        title: s.title,
        dueDate: s.dueDate,
        status: s.status,
        leadOrgId: s.leadOrgId,
        leadOrgName: s.leadOrgName,
        group,
        overdueWorkingDays: workingDays,
        overdueCalendarDays: calendarDays,
        snoozedUntil: s.snoozedUntil !== null && s.snoozedUntil > today ? s.snoozedUntil : null,
      });
    }
    const counts = Object.fromEntries(DUE_GROUPS.map((g) => [g, items.filter((i) => i.group === g).length])) as Record<DueGroup, number>;
    const groups = DUE_GROUPS.map((group) => {
      const byOrg = new Map<string, DueOrganizationGroup>();
      for (const item of items.filter((i) => i.group === group)) {
        const key = item.leadOrgId ?? '';
        let entry = byOrg.get(key);
        if (!entry) {
          entry = { organizationId: item.leadOrgId, organizationName: item.leadOrgName, items: [] };
          byOrg.set(key, entry);
        }
        entry.items.push(item);
      }
      const organizations = [...byOrg.values()].sort((a, b) =>
        a.organizationId === null ? 1 : b.organizationId === null ? -1 : a.organizationName.localeCompare(b.organizationName),
      );
      return { group, organizations, count: counts[group] };
    });
    return { today, weekEnd, nextWeekEnd, groups, counts };
  });
}

/**
 * The day's digest, once per day per store: the first call of a day answers `show: true` and marks
 * the day shown; later calls that day (a reload, another tab) answer `show: false`.
 */
export function takeDigest(ctx: StoreContext): DueDigest {
  return ctx.transaction(
    () => {
      const view = getDueView(ctx);
      const today = view.today;
      const shown = getSetting<unknown>(ctx, DIGEST_SHOWN_KEY, null);
      const show = shown !== today;
      if (show) setSetting(ctx, DIGEST_SHOWN_KEY, today);
      return { show, today, overdue: view.counts.overdue, dueToday: view.counts.today, thisWeek: view.counts.thisWeek };
    },
    { immediate: true },
  );
}

// ---- reminders due now ----

/**
 * The latest event of `policy` for a deadline whose day has come by `today`, or null. `workingOverdue`
 * is the deadline's working days overdue on `today`, when the caller has it already.
 */
export function currentEvent(
  cal: Calendar,
  policy: ReminderPolicy,
  due: IsoDate,
  today: IsoDate,
  workingOverdue?: number,
): { rule: string; kind: ReminderEvent['kind']; days: number; fireDate: IsoDate } | null {
  if (today > due && policy.overdueEvery !== null) {
    let working = workingOverdue;
    if (working === undefined) {
      const late = workingDaysBetween(cal, due, today);
      working = late.ok ? late.value : daysBetween(due, today);
    }
    const k = Math.floor(working / policy.overdueEvery);
    if (k >= 1) {
      const days = k * policy.overdueEvery;
      const fire = addWorkingDays(cal, due, days);
      return { rule: `overdue:${days}`, kind: 'overdue', days, fireDate: fire.ok ? fire.value : today };
    }
  }
  if (today >= due) return policy.onTheDay ? { rule: 'day', kind: 'day', days: 0, fireDate: due } : null;
  // Before the deadline: the nearest "N working days before" whose day has come.
  for (const n of [...policy.daysBefore].sort((a, b) => a - b)) {
    const fire = daysBefore(cal, due, n);
    if (fire <= today) return { rule: `before:${n}`, kind: 'before', days: n, fireDate: fire };
  }
  return null;
}

/** The day N working days before `due`. */
export function daysBefore(cal: Calendar, due: IsoDate, n: number): IsoDate {
  let d = due;
  for (let i = 0; i < n; i++) {
    const prev = previousWorkingDay(cal, d);
    d = prev.ok ? prev.value : addDays(d, -1);
  }
  return d;
}

function lookahead(ctx: StoreContext, store: ReminderPolicy): IsoDate {
  const custom = ctx.stmt("SELECT policy FROM reminder_overrides WHERE mode = 'custom'").all() as { policy: string | null }[];
  const most = Math.max(0, ...store.daysBefore, ...custom.flatMap((r) => parsePolicy(r.policy)?.daysBefore ?? []));
  // N working days back never spans more than 2N + 20 calendar days in these calendars (the longest
  // runs of days off are the New Year and May holidays, under two weeks).
  return addDays(ctx.today(), most * 2 + 20);
}

/** The reminders whose day has come, fired or not (`fired` says which were already). */
export function pendingReminders(ctx: StoreContext): (ReminderEvent & { fired: boolean })[] {
  const today = ctx.today();
  const store = getReminderPolicy(ctx);
  const cal = calendars(ctx);
  const out: (ReminderEvent & { fired: boolean })[] = [];
  const isFired = ctx.stmt('SELECT 1 FROM fired_reminders WHERE instruction_id = ? AND period_key = ? AND rule = ? AND due_date = ?');
  const sources = dueSources(ctx, lookahead(ctx, store)).filter((s) => s.snoozedUntil === null || s.snoozedUntil <= today);
  const late = overdueTable(sources.map((s) => ({ cal: cal(s.leadOrgId), due: s.dueDate })), today);
  // Instructions that share a calendar, a policy and a deadline share their event.
  const events = new Map<string, ReturnType<typeof currentEvent>>();
  for (const s of sources) {
    const policy = effectivePolicy(store, s.mode, parsePolicy(s.policy));
    if (!policy) continue;
    const c = cal(s.leadOrgId);
    const key = `${c.country}|${s.mode === 'custom' ? (s.policy ?? '') : s.mode}|${s.dueDate}`;
    let event = events.get(key);
    if (event === undefined) {
      event = currentEvent(c, policy, s.dueDate, today, late(c, s.dueDate).workingDays);
      events.set(key, event);
    }
    if (!event) continue;
    out.push({
      instructionId: s.instructionId,
      periodKey: s.periodKey,
      controlNumber: s.controlNumber,
      title: s.title,
      leadOrgId: s.leadOrgId,
      leadOrgName: s.leadOrgName,
      dueDate: s.dueDate,
      ...event,
      overdueCalendarDays: late(c, s.dueDate).calendarDays,
      fired: isFired.get(s.instructionId, s.periodKey ?? '', event.rule, s.dueDate) !== undefined,
    });
  }
  return out;
}

/**
 * Fires the reminders due now: each event not fired before is recorded and returned; one fired
 * already (in this run or before a restart) is not returned again.
 */
export function fireDueReminders(ctx: StoreContext): ReminderEvent[] {
  return ctx.transaction(
    () => {
      const insert = ctx.stmt('INSERT OR IGNORE INTO fired_reminders (instruction_id, period_key, rule, due_date, fired_on, fired_at) VALUES (?, ?, ?, ?, ?, ?)');
      const today = ctx.today();
      const at = ctx.timestamp();
      const fired: ReminderEvent[] = [];
      for (const { fired: already, ...event } of pendingReminders(ctx)) {
        if (already) continue;
        if (insert.run(event.instructionId, event.periodKey ?? '', event.rule, event.dueDate, today, at).changes === 1) fired.push(event);
      }
      return fired;
    },
    { immediate: true },
  );
}
