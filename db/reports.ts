// What a report is made of: one consistent snapshot of the instructions a scope selects (a meeting,
// or any search in the search language) with everything hanging off them, read in one
// transaction so that edits made meanwhile never show up half. Plain data only: the services
// layer turns it into report documents, SQL stays here.
import type { ReportSignature } from './profiles';
import type { DisciplineReport } from './discipline';
import type { StoreContext } from './context';
import { StoreError } from './errors';
import { compileFilter } from './filter';
import { parseQuery } from './query';
import { dueSoonDays } from './instructions';
import { overdueCounter } from './deadline-rule';
import { listTagRows } from './topics';
import { organizationsTable, toDomain, type OrganizationRow } from './schema/index';
import type {
  Coexecutor,
  Extension,
  Instruction,
  IsoDate,
  IsoTimestamp,
  Meeting,
  Organization,
  Person,
  QueryProblemInfo,
  Report,
} from './model';

const toOrganization = toDomain(organizationsTable);

export interface ReportSelection {
  /** Filters in the search language, AND-ed (a board's own filter and what was typed over it). */
  filters: string[];
  /** Only this meeting's instructions. */
  meetingId?: string | null;
}

export interface SnapshotInstruction extends Instruction {
  tagIds: string[];
  coexecutors: Coexecutor[];
  /** Interim and final reports, oldest first. */
  reports: Report[];
  /** Deadline changes, oldest first. */
  extensions: Extension[];
  /** Working days past the deadline up to today on the lead organization's calendar (db/working-calendar.ts);
   * null when not overdue. Absent in a snapshot made without a store. */
  overdueWorkingDays?: number | null;
}

export interface SnapshotTag {
  id: string;
  code: string;
  names: { en: string; ru: string; kk: string; ky: string };
}

export interface ReportSnapshot {
  today: IsoDate;
  takenAt: IsoTimestamp;
  actor: string;
  /** The signature block as it prints (db/profiles.ts: effectiveSignature); absent, nothing but the actor is named. */
  signature?: ReportSignature;
  dueSoonDays: number;
  selection: ReportSelection;
  /** In the natural order of their control numbers (2/9 before 2/10), not board order. */
  instructions: SnapshotInstruction[];
  /** Every organization, merged ones included, so any reference resolves. */
  organizations: Organization[];
  people: Person[];
  meetings: Meeting[];
  tags: SnapshotTag[];
  /** The execution-discipline figures, for that report only (db/discipline.ts). */
  discipline?: DisciplineReport;
}

// In the order of the tuple below; the snapshot's rows are read as arrays.
const INSTRUCTION_COLUMNS = `i.id, i.meeting_id, i.item_number, i.control_number, i.title, i.body, i.lead_org_id, i.lead_person_id, i.controller_id,
  i.due_date, i.original_due_date, i.priority, i.status, i.on_control, i.rank, i.resolution, i.resolved_at, i.created_at,
  i.updated_at, i.archived, i.is_demo, i.version, i.recurrence`;

type InstructionRow = [
  id: string,
  meetingId: string | null,
  itemNumber: string | null,
  controlNumber: string | null,
  title: string,
  body: string,
  leadOrgId: string | null,
  leadPersonId: string | null,
  controllerId: string | null,
  dueDate: IsoDate | null,
  originalDueDate: IsoDate | null,
  priority: Instruction['priority'],
  status: Instruction['status'],
  onControl: number,
  rank: number,
  resolution: string | null,
  resolvedAt: IsoTimestamp | null,
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  archived: number,
  isDemo: number,
  version: number,
  recurrence: string | null,
];

const controlOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order of control numbers (2/9 before 2/10); instructions without one last. */
export function byControlNumber(a: { controlNumber: string | null; id: string }, b: { controlNumber: string | null; id: string }): number {
  if (a.controlNumber === null || b.controlNumber === null) {
    if (a.controlNumber !== b.controlNumber) return a.controlNumber === null ? 1 : -1;
  } else {
    const c = controlOrder.compare(a.controlNumber, b.controlNumber);
    if (c !== 0) return c;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function group<T extends { instructionId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.instructionId);
    if (list) list.push(row);
    else out.set(row.instructionId, [row]);
  }
  return out;
}

/** Thrown when a scope's search does not parse; the problems say where. */
export class ReportQueryError extends StoreError {
  readonly problems: QueryProblemInfo[];
  constructor(problems: QueryProblemInfo[]) {
    super('validation', `The search has a problem: ${JSON.stringify(problems)}`, 'reportBadSearch');
    this.problems = problems;
  }
}

/**
 * The instructions the selection picks, with co-executors, reports, extensions and topics, plus the
 * reference data they point at, all read in one transaction. Archived instructions are left out
 * unless the search asks for them (`archived:yes`), exactly as on the board.
 */
export function readReportSnapshot(ctx: StoreContext, selection: ReportSelection): ReportSnapshot {
  return ctx.db.transaction((): ReportSnapshot => {
    const today = ctx.today();
    const parsed = parseQuery(selection.filters.filter((f) => f.trim() !== '').join(' '), today);
    if (parsed.problems.length > 0) throw new ReportQueryError(parsed.problems);
    const compiled = compileFilter(ctx, parsed, today);
    let where = compiled.where;
    const params = [...compiled.params];
    if (selection.meetingId) {
      where += ' AND i.meeting_id = ?';
      params.push(selection.meetingId);
    }
    const related = (sql: string, orderBy?: string) =>
      ctx.stmt(`${sql} JOIN instructions i ON i.id = x.instruction_id WHERE ${where}${orderBy ? ` ORDER BY ${orderBy}` : ''}`);

    const coexecutors = group(
      related(
        `SELECT x.id, x.instruction_id AS instructionId, x.organization_id AS organizationId, x.person_id AS personId,
                x.due_date AS dueDate, x.created_at AS createdAt FROM coexecutors x`,
      ).all(...params) as Coexecutor[],
    );
    // Oldest first; reports filed within the same millisecond in the order they were filed.
    const reports = group(
      related(
        `SELECT x.id, x.instruction_id AS instructionId, x.kind, x.body, x.author, x.submitted_at AS submittedAt,
                x.superseded_at AS supersededAt FROM reports x`,
        'x.submitted_at, x.rowid',
      ).all(...params) as Report[],
    );
    const extensions = group(
      related(
        `SELECT x.id, x.instruction_id AS instructionId, x.old_date AS oldDate, x.new_date AS newDate, x.reason,
                x.decided_by AS decidedBy, x.created_at AS createdAt,
                x.withdrawn_at AS withdrawnAt, x.withdrawn_by AS withdrawnBy FROM extensions x`,
        'x.created_at, x.rowid',
      ).all(...params) as Extension[],
    );
    const tags = new Map<string, string[]>();
    for (const row of related('SELECT x.instruction_id AS instructionId, x.tag_id AS tagId FROM instruction_tags x').all(...params) as {
      instructionId: string;
      tagId: string;
    }[]) {
      const list = tags.get(row.instructionId);
      if (list) list.push(row.tagId);
      else tags.set(row.instructionId, [row.tagId]);
    }

    // Rows as arrays, each made into its object by one literal: for ten thousand instructions
    // about twice as fast as letting the driver build objects key by key.
    const rows = ctx
      .stmt(`SELECT ${INSTRUCTION_COLUMNS} FROM instructions i WHERE ${where} ORDER BY i.rank, i.id`)
      .raw(true)
      .all(...params) as InstructionRow[];
    const overdueDays = overdueCounter(ctx, today);
    const instructions = rows.map(
      (r): SnapshotInstruction => ({
        id: r[0],
        meetingId: r[1],
        itemNumber: r[2],
        controlNumber: r[3],
        title: r[4],
        body: r[5],
        leadOrgId: r[6],
        leadPersonId: r[7],
        controllerId: r[8],
        dueDate: r[9],
        originalDueDate: r[10],
        priority: r[11],
        status: r[12],
        onControl: r[13] === 1,
        rank: r[14],
        resolution: r[15],
        resolvedAt: r[16],
        createdAt: r[17],
        updatedAt: r[18],
        archived: r[19] === 1,
        isDemo: r[20] === 1,
        version: r[21],
        recurrence: r[22],
        tagIds: tags.get(r[0]) ?? [],
        coexecutors: coexecutors.get(r[0]) ?? [],
        reports: reports.get(r[0]) ?? [],
        extensions: extensions.get(r[0]) ?? [],
        overdueWorkingDays: r[12] !== 'resolved' && r[9] !== null && r[9] < today ? overdueDays(r[6], r[9]).workingDays : null,
      }),
    );

    instructions.sort(byControlNumber);

    const organizations = (ctx.stmt('SELECT * FROM organizations ORDER BY name COLLATE NOCASE, id').all() as OrganizationRow[]).map(toOrganization);
    const people = ctx
      .stmt(
        `SELECT id, full_name AS fullName, position, organization_id AS organizationId, created_at AS createdAt, updated_at AS updatedAt
           FROM people ORDER BY full_name COLLATE NOCASE, id`,
      )
      .all() as Person[];
    const meetings = (
      ctx
        .stmt(
          `SELECT id, title, held_on AS heldOn, place, participants, protocol_number AS protocolNumber, NULL AS sourceText,
                  is_demo AS isDemo, created_at AS createdAt, updated_at AS updatedAt
             FROM meetings ORDER BY held_on, title, id`,
        )
        .all() as (Omit<Meeting, 'isDemo'> & { isDemo: number })[]
    ).map((m) => ({ ...m, isDemo: Boolean(m.isDemo) }));
    const tagRows = listTagRows(ctx).map((t) => ({ id: t.id, code: t.code, names: { en: t.name_en, ru: t.name_ru, kk: t.name_kk, ky: t.name_ky } }));

    return {
      today,
      takenAt: ctx.timestamp(),
      actor: ctx.actor(),
      dueSoonDays: dueSoonDays(ctx),
      selection: { filters: [...selection.filters], meetingId: selection.meetingId ?? null },
      instructions,
      organizations,
      people,
      meetings,
      tags: tagRows,
    };
  })();
}
