// The status workflow and deadlines: statuses with their reports, resolving and reopening, the one
// way a due date changes (with its extension), and the deadline facts derived from dates.
import { newId, type StoreContext } from '../context';
import { StoreError } from '../errors';
import { recordChange } from '../history';
import { addDays, daysBetween } from '../dates';
import { getSetting } from '../settings';
import type { Deadline, Extension, Instruction, IsoDate, Report, ReportKind, Status } from '../model';
import { extensionsTable, reportsTable, toDomain, type ExtensionRow, type ReportRow } from '../schema/index';
import { applyDeadlineRule, meetingDate } from '../deadline-rule';
import { closePeriodWith } from '../periods';
import { checkDeadline, checkVersion, requireDate, requireText, touch } from './checks';
import { getInstruction } from './records';

export const DEFAULT_DUE_SOON_DAYS = 3;

export function dueSoonDays(ctx: StoreContext): number {
  return getSetting(ctx, 'dueSoonDays', DEFAULT_DUE_SOON_DAYS);
}

export function deriveDeadline(
  instruction: Pick<Instruction, 'dueDate' | 'originalDueDate' | 'status'>,
  extensions: number,
  today: IsoDate,
  soonDays: number,
): Deadline {
  const open = instruction.status !== 'resolved';
  const due = instruction.dueDate;
  return {
    dueDate: due,
    originalDueDate: instruction.originalDueDate,
    overdue: open && due !== null && due < today,
    dueSoon: open && due !== null && due >= today && due <= addDays(today, soonDays),
    daysLate: due === null ? null : daysBetween(due, today),
    extensions,
  };
}

/**
 * The one way a due date changes. Setting the first deadline is recorded in history; moving an
 * existing one later is an extension, recorded with its reason (then required); moving it earlier
 * is no extension, only history. A date before the meeting is refused; a date in the past needs
 * `allowPast` (the official confirmed it).
 */
export function changeDueDate(
  ctx: StoreContext,
  id: string,
  newDate: IsoDate,
  reason: string | null,
  expectedVersion?: number,
  allowPast = false,
): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, id);
    checkVersion(before, expectedVersion);
    requireDate(newDate, 'badDate');
    if (before.status === 'resolved') {
      throw new StoreError('conflict', 'A resolved instruction has no deadline to change; reopen it first.', 'resolvedNoDeadline');
    }
    // The deadline rule: a day off moves to the previous working day of the lead organization.
    newDate = applyDeadlineRule(ctx, newDate, before.leadOrgId, meetingDate(ctx, before.meetingId)).date;
    if (before.dueDate === newDate) return before;
    checkDeadline(ctx, newDate, before.meetingId, allowPast);
    const at = ctx.timestamp();
    let note: string | null = reason?.trim() || null;
    if (before.dueDate !== null && newDate < before.dueDate) {
      ctx.stmt('UPDATE instructions SET due_date = ? WHERE id = ?').run(newDate, id);
    } else if (before.dueDate !== null) {
      note = requireText(reason, 'A reason for the new deadline', 'extensionReasonRequired');
      ctx
        .stmt('INSERT INTO extensions (id, instruction_id, old_date, new_date, reason, decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(newId(), id, before.dueDate, newDate, note, ctx.actor(), at);
      ctx.stmt('UPDATE instructions SET due_date = ? WHERE id = ?').run(newDate, id);
    } else {
      ctx.stmt('UPDATE instructions SET due_date = ?, original_due_date = coalesce(original_due_date, ?) WHERE id = ?').run(newDate, newDate, id);
    }
    recordChange(ctx, { entity: 'instruction', entityId: id, instructionId: id, field: 'dueDate', oldValue: before.dueDate, newValue: newDate, note });
    touch(ctx, id);
    return getInstruction(ctx, id);
  });
}

/**
 * Undoes the deadline change that set the current due date: the date goes back to `previousDate`
 * and the extension that change recorded (if it was one) is withdrawn, with who and when, so it
 * no longer counts; it stays in the file and the history keeps the change and its undo.
 */
export function undoDueDateChange(ctx: StoreContext, id: string, previousDate: IsoDate, expectedVersion?: number): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, id);
    checkVersion(before, expectedVersion);
    requireDate(previousDate, 'badDate');
    if (before.status === 'resolved') {
      throw new StoreError('conflict', 'A resolved instruction has no deadline to change; reopen it first.', 'resolvedNoDeadline');
    }
    if (before.dueDate === null || before.dueDate === previousDate) return before;
    const extension = ctx
      .stmt(
        `SELECT id FROM extensions WHERE instruction_id = ? AND withdrawn_at IS NULL AND new_date = ? AND old_date = ?
          ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      )
      .get(id, before.dueDate, previousDate) as { id: string } | undefined;
    const at = ctx.timestamp();
    if (extension) {
      ctx.stmt('UPDATE extensions SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?').run(at, ctx.actor(), extension.id);
      recordChange(ctx, { entity: 'extension', entityId: extension.id, instructionId: id, field: 'extensionWithdrawn', oldValue: before.dueDate, newValue: previousDate });
    }
    ctx.stmt('UPDATE instructions SET due_date = ? WHERE id = ?').run(previousDate, id);
    recordChange(ctx, { entity: 'instruction', entityId: id, instructionId: id, field: 'dueDateUndone', oldValue: before.dueDate, newValue: previousDate });
    touch(ctx, id);
    return getInstruction(ctx, id);
  });
}

export interface StatusChange {
  /** A report filed with the move: the final report when resolving, an interim one otherwise. */
  report?: string | null;
  /** Required when reopening a resolved instruction. */
  reason?: string | null;
  expectedVersion?: number;
}

function countReports(ctx: StoreContext, id: string, kind?: ReportKind): number {
  const row = kind
    ? (ctx.stmt('SELECT count(*) AS n FROM reports WHERE instruction_id = ? AND kind = ?').get(id, kind) as { n: number })
    : (ctx.stmt('SELECT count(*) AS n FROM reports WHERE instruction_id = ?').get(id) as { n: number });
  return row.n;
}

function latestFinalReport(ctx: StoreContext, id: string): string | null {
  const row = ctx
    .stmt("SELECT body FROM reports WHERE instruction_id = ? AND kind = 'final' AND superseded_at IS NULL ORDER BY submitted_at DESC, rowid DESC LIMIT 1")
    .get(id) as { body: string } | undefined;
  return row?.body ?? null;
}

/**
 * Moves an instruction through `assigned → in_progress → report_submitted → resolved`.
 * Resolving needs a final report (filed now or earlier); marking a report submitted needs a
 * report; leaving `resolved` is a reopening and needs a reason.
 */
export function changeStatus(ctx: StoreContext, id: string, to: Status, change: StatusChange = {}): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, id);
    checkVersion(before, change.expectedVersion);
    if (before.status === to) return before;
    if (before.archived) throw new StoreError('conflict', 'An archived instruction cannot change status; restore it first.', 'archivedReadOnly');
    const report = change.report?.trim() || null;
    const base = { entity: 'instruction', entityId: id, instructionId: id };

    if (before.status === 'resolved') {
      const reason = requireText(change.reason, 'A reason for reopening', 'reopenReasonRequired');
      // The final report no longer stands: kept (shown as superseded), no longer the outcome.
      const at = ctx.timestamp();
      ctx.stmt("UPDATE reports SET superseded_at = ? WHERE instruction_id = ? AND kind = 'final' AND superseded_at IS NULL").run(at, id);
      ctx.stmt('UPDATE instructions SET status = ?, resolved_at = NULL, resolution = NULL, on_control = 1 WHERE id = ?').run(to, id);
      recordChange(ctx, { ...base, field: 'status', oldValue: before.status, newValue: to, note: reason });
      recordChange(ctx, { ...base, field: 'resolvedAt', oldValue: before.resolvedAt, newValue: null, note: reason });
      if (before.resolution !== null) recordChange(ctx, { ...base, field: 'resolution', oldValue: before.resolution, newValue: null, note: reason });
      if (!before.onControl) recordChange(ctx, { ...base, field: 'onControl', oldValue: false, newValue: true, note: reason });
      touch(ctx, id);
      return getInstruction(ctx, id);
    }

    if (to === 'resolved') {
      if (report) addReport(ctx, id, 'final', report);
      const resolution = report ?? latestFinalReport(ctx, id);
      if (resolution === null) {
        throw new StoreError('conflict', 'A final report is required to resolve an instruction.', 'finalReportRequired');
      }
      const at = ctx.timestamp();
      ctx.stmt('UPDATE instructions SET status = ?, resolution = ?, resolved_at = ?, on_control = 0 WHERE id = ?').run(to, resolution, at, id);
      recordChange(ctx, { ...base, field: 'status', oldValue: before.status, newValue: to });
      recordChange(ctx, { ...base, field: 'resolution', oldValue: before.resolution, newValue: resolution });
      recordChange(ctx, { ...base, field: 'resolvedAt', oldValue: null, newValue: at });
      if (before.onControl) recordChange(ctx, { ...base, field: 'onControl', oldValue: true, newValue: false });
      touch(ctx, id);
      return getInstruction(ctx, id);
    }

    if (to === 'report_submitted') {
      if (report) addReport(ctx, id, 'interim', report);
      else if (countReports(ctx, id) === 0) {
        throw new StoreError('conflict', 'File a progress report before marking the report submitted.', 'reportRequired');
      }
    }
    ctx.stmt('UPDATE instructions SET status = ? WHERE id = ?').run(to, id);
    recordChange(ctx, { ...base, field: 'status', oldValue: before.status, newValue: to });
    touch(ctx, id);
    return getInstruction(ctx, id);
  });
}

export const toReport = toDomain(reportsTable);

export function addReport(ctx: StoreContext, instructionId: string, kind: ReportKind, body: string): Report {
  return ctx.transaction(() => {
    getInstruction(ctx, instructionId);
    const text = requireText(body, 'The report text', 'reportTextRequired');
    const id = newId();
    const at = ctx.timestamp();
    ctx
      .stmt('INSERT INTO reports (id, instruction_id, kind, body, author, submitted_at, superseded_at) VALUES (?, ?, ?, ?, ?, ?, NULL)')
      .run(id, instructionId, kind, text, ctx.actor(), at);
    recordChange(ctx, { entity: 'report', entityId: id, instructionId, field: `report.${kind}`, oldValue: null, newValue: text });
    // On a periodic instruction the report closes the period that is due.
    closePeriodWith(ctx, instructionId, id, at);
    touch(ctx, instructionId);
    return toReport(ctx.stmt('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow);
  });
}

export function listReports(ctx: StoreContext, instructionId: string): Report[] {
  const rows = ctx.stmt('SELECT * FROM reports WHERE instruction_id = ? ORDER BY submitted_at, rowid').all(instructionId) as ReportRow[];
  return rows.map(toReport);
}

const toExtension = toDomain(extensionsTable);

/** The extensions that stand (not withdrawn by an undo): what "Extended N times" counts. */
export function standingExtensions(extensions: readonly Extension[]): number {
  return extensions.filter((e) => e.withdrawnAt === null).length;
}

export function listExtensions(ctx: StoreContext, instructionId: string): Extension[] {
  const rows = ctx.stmt('SELECT * FROM extensions WHERE instruction_id = ? ORDER BY created_at, rowid').all(instructionId) as ExtensionRow[];
  return rows.map(toExtension);
}
