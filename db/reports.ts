// What a report is made of: one consistent snapshot of the instructions a scope selects (a meeting,
// or any search in the search language) with everything hanging off them, read in one
// transaction so that edits made meanwhile never show up half. Plain data only: the services
// layer turns it into report documents, SQL stays here.
import type { StoreContext } from './context';
import { StoreError } from './errors';
import { compileFilter } from './filter';
import { parseQuery } from './query';
import { dueSoonDays } from './instructions';
import { listTagRows } from './catalog';
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
  dueSoonDays: number;
  selection: ReportSelection;
  /** In board order (rank). */
  instructions: SnapshotInstruction[];
  /** Every organization, merged ones included, so any reference resolves. */
  organizations: Organization[];
  people: Person[];
  meetings: Meeting[];
  tags: SnapshotTag[];
}

const INSTRUCTION_COLUMNS = `i.id, i.meeting_id AS meetingId, i.item_number AS itemNumber, i.title, i.body,
  i.lead_org_id AS leadOrgId, i.lead_person_id AS leadPersonId, i.controller_id AS controllerId,
  i.due_date AS dueDate, i.original_due_date AS originalDueDate, i.priority, i.status, i.on_control AS onControl,
  i.rank, i.resolution, i.resolved_at AS resolvedAt, i.created_at AS createdAt, i.updated_at AS updatedAt,
  i.archived, i.is_demo AS isDemo, i.version`;

type Flag = number | boolean;
type InstructionRow = Omit<Instruction, 'onControl' | 'archived' | 'isDemo'> & { onControl: Flag; archived: Flag; isDemo: Flag };

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
    const related = (sql: string) => ctx.stmt(`${sql} JOIN instructions i ON i.id = x.instruction_id WHERE ${where}`);

    const rows = ctx.stmt(`SELECT ${INSTRUCTION_COLUMNS} FROM instructions i WHERE ${where} ORDER BY i.rank, i.id`).all(...params) as InstructionRow[];
    const coexecutors = group(
      related(
        `SELECT x.id, x.instruction_id AS instructionId, x.organization_id AS organizationId, x.person_id AS personId,
                x.due_date AS dueDate, x.created_at AS createdAt FROM coexecutors x`,
      ).all(...params) as Coexecutor[],
    );
    const reports = group(
      (
        related(
          `SELECT x.id, x.instruction_id AS instructionId, x.kind, x.body, x.author, x.submitted_at AS submittedAt, x.rowid AS seq FROM reports x`,
        ).all(...params) as (Report & { seq: number })[]
      ).sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.seq - b.seq)),
    );
    const extensions = group(
      (
        related(
          `SELECT x.id, x.instruction_id AS instructionId, x.old_date AS oldDate, x.new_date AS newDate, x.reason,
                  x.decided_by AS decidedBy, x.created_at AS createdAt, x.rowid AS seq FROM extensions x`,
        ).all(...params) as (Extension & { seq: number })[]
      ).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.seq - b.seq)),
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
    const strip = <T extends { seq?: number }>(list: T[] | undefined): Omit<T, 'seq'>[] => {
      for (const item of list ?? []) delete item.seq;
      return list ?? [];
    };

    // The rows are fresh objects: completing them in place spares copying ten thousand of them.
    const instructions = rows.map((r): SnapshotInstruction => {
      const row = r as unknown as SnapshotInstruction;
      row.onControl = Boolean(r.onControl);
      row.archived = Boolean(r.archived);
      row.isDemo = Boolean(r.isDemo);
      row.tagIds = tags.get(r.id) ?? [];
      row.coexecutors = coexecutors.get(r.id) ?? [];
      row.reports = strip(reports.get(r.id)) as Report[];
      row.extensions = strip(extensions.get(r.id)) as Extension[];
      return row;
    });

    const organizations = ctx
      .stmt(
        `SELECT id, name, short_name AS shortName, country, created_at AS createdAt, updated_at AS updatedAt
           FROM organizations ORDER BY name COLLATE NOCASE, id`,
      )
      .all() as Organization[];
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
        .all() as (Omit<Meeting, 'isDemo'> & { isDemo: Flag })[]
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
