// The execution-discipline figures (issue 11): per lead organization and in total, for a period,
// how many instructions were resolved on time, late, are overdue now, were extended, the on-time
// rates against the deadline in force and against the original deadline, the average delay, a
// monthly trend and the worst ten overdue items. Aggregated in SQL (prepared statements, one scan
// of the period grouped by organization and month); only the working days of the overdue items are
// counted here, per distinct (calendar, deadline), through db/working-calendar.ts so they agree with
// every other working-day count of the app. Each figure is defined in the README ("Execution
// discipline").
import type { StoreContext } from './context';
import { StoreError } from './errors';
import { compileFilter } from './filter';
import { parseQuery } from './query';
import { isIsoDate, daysBetween, addDays } from './dates';
import { ReportQueryError } from './reports';
import { isWorkingDay, type Calendar, type CountryCode } from './calendars';
import { calendarForCountry, countryCodeOf, defaultCountry } from './working-calendar';
import type { IsoDate, Status } from './model';

/** Which date puts an instruction in the period: its deadline in force, or the day it was created. */
export const PERIOD_BASES = ['deadline', 'created'] as const;
export type PeriodBasis = (typeof PERIOD_BASES)[number];

/** The longest period the figures cover (ten years and a bit): a typo of a year is refused, not summed. */
export const MAX_PERIOD_DAYS = 3700;

export interface DisciplineRequest {
  from: IsoDate;
  to: IsoDate;
  basis: PeriodBasis;
  /** A scope in the search language over the period (a board's filter and search), or empty. */
  query?: string;
  /** Only this meeting's instructions (a meeting's board or report). */
  meetingId?: string | null;
}

export interface DisciplineFigures {
  /** Instructions in the period (archived ones left out, unless the scope asks for them). */
  instructions: number;
  /** Resolved (last) on or before the deadline in force. */
  resolvedOnTime: number;
  /** Resolved (last) after the deadline in force. */
  resolvedLate: number;
  /** Not resolved, deadline in force before today. */
  overdue: number;
  /** The overdue items' days past their deadlines, added up: calendar days and working days. */
  overdueCalendarDays: number;
  overdueWorkingDays: number;
  /** Not resolved and not yet due (deadline today or later), or without a deadline. */
  pending: number;
  /** With at least one extension that stands (a withdrawn one does not count). */
  extended: number;
  /** extended / instructions; null for none. */
  extendedShare: number | null;
  /** Due items against the deadline in force: resolved with a deadline, plus overdue. */
  dueItems: number;
  /** resolvedOnTime / dueItems; null when nothing is due. */
  onTimeRate: number | null;
  /** Resolved on or before the original (first) deadline, and the due items against it. */
  onTimeOriginal: number;
  dueItemsOriginal: number;
  /** onTimeOriginal / dueItemsOriginal; null when nothing is due. */
  onTimeRateOriginal: number | null;
  /** Calendar days from the deadline in force to the day of resolving, summed over the late ones. */
  lateDays: number;
  /** lateDays / resolvedLate, one decimal; null when nothing was resolved late. */
  averageDelay: number | null;
}

export interface OrganizationFigures extends DisciplineFigures {
  organizationId: string | null;
  /** Null for the instructions without a lead organization. */
  name: string | null;
}

export interface TrendMonth {
  /** YYYY-MM, the month of the deadline in force. */
  month: string;
  due: number;
  onTime: number;
  late: number;
  overdue: number;
}

export interface WorstOverdue {
  id: string;
  controlNumber: string | null;
  title: string;
  organizationId: string | null;
  organizationName: string | null;
  dueDate: IsoDate;
  originalDueDate: IsoDate | null;
  extensions: number;
  calendarDays: number;
  workingDays: number;
}

export interface DisciplineReport {
  from: IsoDate;
  to: IsoDate;
  basis: PeriodBasis;
  query: string;
  today: IsoDate;
  /** Lead organizations with instructions in the period, by name; those without a lead last. */
  organizations: OrganizationFigures[];
  total: DisciplineFigures;
  trend: TrendMonth[];
  worst: WorstOverdue[];
  /** Years the working days were counted in without a production calendar (weekends only). */
  missingYears: number[];
}

interface Sums {
  instructions: number;
  onTime: number;
  late: number;
  overdue: number;
  overdueDays: number;
  extended: number;
  onTimeOriginal: number;
  lateOriginal: number;
  overdueOriginal: number;
  lateDays: number;
  /** Resolved without a deadline (only with the created basis) or without a resolving time: neither on time nor late. */
  undated: number;
}

const SUM_KEYS: (keyof Sums)[] = ['instructions', 'onTime', 'late', 'overdue', 'overdueDays', 'extended', 'onTimeOriginal', 'lateOriginal', 'overdueOriginal', 'lateDays', 'undated'];

/** One group of the aggregation: the instructions of one lead organization with one deadline in force. */
interface Group {
  due: IsoDate | null;
  org: string | null;
  instructions: number;
  /** Not resolved (overdue when the deadline is before today, decided per group). */
  open: number;
  onTime: number;
  onTimeOriginal: number;
  extended: number;
  overdueOriginal: number;
  /** Null when nothing in the group was late. */
  lateDays: number | null;
  /** Resolved without a resolving time (an old import): neither on time nor late. */
  noTime: number;
}

/** The UTC instant a local day ends (its next local midnight), written as `resolved_at` is. */
const dayEnd = (date: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${date}, '+1 day', 'utc')`;

/**
 * The sums of one group, as few as the figures need (each is evaluated for every instruction; late,
 * late against the original deadline and pending follow from them). `bound` is the UTC instant the
 * deadline in force ends: resolved before it is resolved on the local day of the deadline or
 * earlier (on time), at or after it is late. The original deadline's end is worked out only where it
 * differs (an extended instruction).
 */
function sums(bound: string): string {
  const original = `CASE WHEN i.original_due_date IS NULL OR i.original_due_date = i.due_date THEN ${bound} ELSE ${dayEnd('i.original_due_date')} END`;
  return `count(*) AS instructions,
  sum(i.status <> 'resolved') AS open,
  sum(i.status = 'resolved' AND i.resolved_at < ${bound}) AS onTime,
  sum(i.status = 'resolved' AND i.resolved_at < ${original}) AS onTimeOriginal,
  sum(i.extension_count > 0) AS extended,
  sum(i.status <> 'resolved' AND coalesce(i.original_due_date, i.due_date) < @today) AS overdueOriginal,
  sum(CASE WHEN i.status = 'resolved' AND i.resolved_at >= ${bound} THEN julianday(date(i.resolved_at, 'localtime')) - julianday(i.due_date) END) AS lateDays,
  sum(i.status = 'resolved' AND i.resolved_at IS NULL) AS noTime`;
}

/**
 * The sums of the periods of periodic instructions, as the instructions' (Group): each period's
 * report is its own due item, on time when filed (closed) before the end of its due day.
 */
const PERIOD_SUMS = `count(*) AS instructions,
  sum(p.closed_at IS NULL) AS open,
  sum(p.closed_at < ${dayEnd('p.due_date')}) AS onTime,
  sum(p.closed_at < ${dayEnd('p.due_date')}) AS onTimeOriginal,
  0 AS extended,
  sum(p.closed_at IS NULL AND p.due_date < @today) AS overdueOriginal,
  sum(CASE WHEN p.closed_at >= ${dayEnd('p.due_date')} THEN julianday(date(p.closed_at, 'localtime')) - julianday(p.due_date) END) AS lateDays,
  0 AS noTime`;

/** A periodic instruction counts through its periods, never as one item itself. */
const NOT_PERIODIC = 'i.rowid NOT IN (SELECT rowid FROM instructions WHERE recurrence IS NOT NULL)';

export interface DisciplineSql {
  /** Grouped by deadline in force and lead organization: due, org, then the sums (Group). */
  groups: string;
  /** The same for the periods of periodic instructions, by each period's due date. */
  periods: string;
  /** The ten worst overdue items. */
  worst: string;
  /** The anonymous parameters, in order, for each statement (today is the named `@today`). */
  params: unknown[];
}

/** The local midnight of a day, as the UTC timestamp `created_at` is compared with. */
function localMidnight(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

function checkRequest(request: DisciplineRequest): void {
  const { from, to } = request;
  if (!isIsoDate(from) || !isIsoDate(to)) {
    throw new StoreError('validation', `The period must run between two real dates (got ${from} – ${to}).`, 'disciplineBadPeriod', { from, to });
  }
  if (from > to) throw new StoreError('validation', `The period starts (${from}) after it ends (${to}).`, 'disciplinePeriodReversed', { from, to });
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) {
    throw new StoreError('validation', `The period is longer than ten years (${from} – ${to}).`, 'disciplinePeriodTooLong', { from, to });
  }
}

/**
 * The statements behind the figures (the benchmark runs them bare as its baseline). By deadline,
 * the period's days are a series (each with the instant it ends, worked out once per day rather
 * than once per instruction) joined to the instructions through the index on (archived, due_date,
 * lead_org_id, …) of migration 008, which covers every column the sums read: the table's wide rows
 * (titles, texts) are never read.
 */
export function disciplineSql(ctx: StoreContext, request: DisciplineRequest, today: IsoDate): DisciplineSql {
  checkRequest(request);
  const parsed = parseQuery(request.query ?? '', today);
  if (parsed.problems.length > 0) throw new ReportQueryError(parsed.problems);
  const compiled = compileFilter(ctx, parsed, today);
  const meeting = request.meetingId ? ' AND i.meeting_id = ?' : '';
  const meetingParams = request.meetingId ? [request.meetingId] : [];
  const worst = (period: string) => `SELECT i.id, i.control_number AS controlNumber, i.title, i.lead_org_id AS organizationId, i.due_date AS dueDate,
         i.original_due_date AS originalDueDate, i.extension_count AS extensions
    FROM instructions i WHERE ${compiled.where} AND ${period}${meeting} AND i.status <> 'resolved' AND i.due_date < @today
   ORDER BY i.due_date, i.control_number, i.id LIMIT 10`;
  if (request.basis === 'deadline') {
    return {
      groups: `WITH RECURSIVE days(day, bound) AS (
          SELECT @from, ${dayEnd('@from')}
          UNION ALL SELECT date(day, '+1 day'), ${dayEnd("date(day, '+1 day')")} FROM days WHERE day < @to)
        SELECT d.day AS due, i.lead_org_id AS org, ${sums('d.bound')}
          FROM days d CROSS JOIN instructions i
         WHERE i.due_date = d.day AND ${compiled.where}${meeting} AND ${NOT_PERIODIC}
         GROUP BY d.day, i.lead_org_id`,
      periods: `SELECT p.due_date AS due, i.lead_org_id AS org, ${PERIOD_SUMS}
          FROM instruction_periods p JOIN instructions i ON i.id = p.instruction_id
         WHERE p.due_date BETWEEN @from AND @to AND ${compiled.where}${meeting}
         GROUP BY p.due_date, i.lead_org_id`,
      worst: worst('i.due_date BETWEEN @from AND @to'),
      params: [...compiled.params, ...meetingParams],
    };
  }
  return {
    groups: `SELECT i.due_date AS due, i.lead_org_id AS org, ${sums(dayEnd('i.due_date'))}
      FROM instructions i WHERE ${compiled.where} AND i.created_at >= @createdFrom AND i.created_at < @createdTo${meeting} AND ${NOT_PERIODIC}
      GROUP BY i.due_date, i.lead_org_id`,
    periods: `SELECT p.due_date AS due, i.lead_org_id AS org, ${PERIOD_SUMS}
      FROM instruction_periods p JOIN instructions i ON i.id = p.instruction_id
      WHERE ${compiled.where} AND i.created_at >= @createdFrom AND i.created_at < @createdTo${meeting}
      GROUP BY p.due_date, i.lead_org_id`,
    worst: worst('i.created_at >= @createdFrom AND i.created_at < @createdTo'),
    params: [...compiled.params, ...meetingParams],
  };
}

/** The named parameters of the statements. */
export function disciplineParams(request: DisciplineRequest, today: IsoDate): Record<string, string> {
  return request.basis === 'deadline'
    ? { today, from: request.from, to: request.to }
    : { today, createdFrom: localMidnight(request.from), createdTo: localMidnight(addDays(request.to, 1)) };
}

function emptySums(): Sums {
  return { instructions: 0, onTime: 0, late: 0, overdue: 0, overdueDays: 0, extended: 0, onTimeOriginal: 0, lateOriginal: 0, overdueOriginal: 0, lateDays: 0, undated: 0 };
}

function addSums(into: Sums, row: Sums): void {
  for (const key of SUM_KEYS) into[key] += row[key];
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

function figuresOf(s: Sums, overdueWorkingDays: number): DisciplineFigures {
  const dueItems = s.onTime + s.late + s.overdue;
  const dueItemsOriginal = s.onTimeOriginal + s.lateOriginal + s.overdueOriginal;
  return {
    instructions: s.instructions,
    resolvedOnTime: s.onTime,
    resolvedLate: s.late,
    overdue: s.overdue,
    overdueCalendarDays: Math.round(s.overdueDays),
    overdueWorkingDays,
    // Resolved without a deadline counts in neither on time nor late, nor as pending.
    pending: s.instructions - s.onTime - s.late - s.overdue - s.undated,
    extended: s.extended,
    extendedShare: ratio(s.extended, s.instructions),
    dueItems,
    onTimeRate: ratio(s.onTime, dueItems),
    onTimeOriginal: s.onTimeOriginal,
    dueItemsOriginal,
    onTimeRateOriginal: ratio(s.onTimeOriginal, dueItemsOriginal),
    lateDays: Math.round(s.lateDays),
    averageDelay: s.late === 0 ? null : Math.round((s.lateDays / s.late) * 10) / 10,
  };
}

/**
 * Working days counted once per calendar: a running count of working days from the earliest
 * overdue deadline to today, so each deadline's count is one subtraction.
 */
class WorkingDayCounter {
  private readonly prefix = new Map<string, number>();
  readonly missing = new Set<number>();
  constructor(
    private readonly calendar: Calendar,
    private readonly start: IsoDate,
    private readonly today: IsoDate,
  ) {
    let n = 0;
    for (let d = start; d <= today; d = addDays(d, 1)) {
      const working = isWorkingDay(calendar, d);
      if (working.ok) {
        if (working.value) n++;
        for (const y of working.missingYears) this.missing.add(y);
      }
      this.prefix.set(d, n);
    }
  }

  /** Working days after `due` up to and including today (db/calendars overdue()). */
  overdue(due: IsoDate): number {
    if (due >= this.today || due < this.start) return 0;
    return (this.prefix.get(this.today) as number) - (this.prefix.get(due) as number);
  }
}

/** The figures for a period (see the README, "Execution discipline"), read in one transaction. */
export function disciplineFigures(ctx: StoreContext, request: DisciplineRequest): DisciplineReport {
  return ctx.db.transaction((): DisciplineReport => {
    const today = ctx.today();
    const sql = disciplineSql(ctx, request, today);
    const params = [...sql.params, disciplineParams(request, today)];
    // Instructions, and each period of a periodic instruction as its own due item.
    const groups = [...(ctx.stmt(sql.groups).all(...params) as Group[]), ...(ctx.stmt(sql.periods).all(...params) as Group[])];

    // The calendar each organization follows (by its country), counted once per country.
    const orgRows = ctx.stmt('SELECT id, name, country FROM organizations').all() as { id: string; name: string; country: string | null }[];
    const orgInfo = new Map(orgRows.map((o) => [o.id, o]));
    const fallback = defaultCountry(ctx);
    const countryOf = (org: string | null): CountryCode => countryCodeOf(org === null ? null : orgInfo.get(org)?.country) ?? fallback;
    const earliest = groups.reduce<IsoDate | null>((min, g) => (g.due !== null && g.open > 0 && g.due < today && (min === null || g.due < min) ? g.due : min), null);
    const counters = new Map<CountryCode, WorkingDayCounter>();
    const counter = (code: CountryCode): WorkingDayCounter => {
      let c = counters.get(code);
      if (!c) counters.set(code, (c = new WorkingDayCounter(calendarForCountry(ctx, code), earliest ?? today, today)));
      return c;
    };

    const orgs = new Map<string | null, Sums>();
    const workingByOrg = new Map<string | null, number>();
    const months = new Map<string, TrendMonth>();
    const total = emptySums();
    let workingTotal = 0;
    for (const g of groups) {
      // Overdue: not resolved, and the deadline in force is before today.
      const overdue = g.due !== null && g.due < today ? g.open : 0;
      // Resolved with a time and a deadline: on time or late, against either deadline.
      const undated = g.due === null ? g.instructions - g.open : g.noTime;
      const dated = g.instructions - g.open - undated;
      const row: Sums = {
        instructions: g.instructions,
        onTime: g.onTime,
        late: dated - g.onTime,
        overdue,
        overdueDays: overdue === 0 ? 0 : overdue * daysBetween(g.due as IsoDate, today),
        extended: g.extended,
        onTimeOriginal: g.onTimeOriginal,
        lateOriginal: dated - g.onTimeOriginal,
        overdueOriginal: g.overdueOriginal,
        lateDays: g.lateDays ?? 0,
        undated,
      };
      let sums = orgs.get(g.org);
      if (!sums) orgs.set(g.org, (sums = emptySums()));
      addSums(sums, row);
      addSums(total, row);
      if (overdue > 0) {
        const working = overdue * counter(countryOf(g.org)).overdue(g.due as IsoDate);
        workingByOrg.set(g.org, (workingByOrg.get(g.org) ?? 0) + working);
        workingTotal += working;
      }
      if (g.due !== null) {
        const key = g.due.slice(0, 7);
        const m = months.get(key) ?? { month: key, due: 0, onTime: 0, late: 0, overdue: 0 };
        m.due += g.instructions;
        m.onTime += row.onTime;
        m.late += row.late;
        m.overdue += overdue;
        months.set(key, m);
      }
    }

    const worst = (ctx.stmt(sql.worst).all(...params) as Omit<WorstOverdue, 'organizationName' | 'calendarDays' | 'workingDays'>[]).map(
      (w): WorstOverdue => ({
        ...w,
        organizationName: w.organizationId === null ? null : orgInfo.get(w.organizationId)?.name ?? null,
        calendarDays: daysBetween(w.dueDate, today),
        workingDays: counter(countryOf(w.organizationId)).overdue(w.dueDate),
      }),
    );

    const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });
    const organizations = [...orgs.entries()]
      .map(([id, sums]): OrganizationFigures => ({
        organizationId: id,
        name: id === null ? null : orgInfo.get(id)?.name ?? null,
        ...figuresOf(sums, workingByOrg.get(id) ?? 0),
      }))
      .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : collator.compare(a.name, b.name)));

    const missing = new Set<number>();
    for (const c of counters.values()) for (const y of c.missing) missing.add(y);
    return {
      from: request.from,
      to: request.to,
      basis: request.basis,
      query: request.query ?? '',
      today,
      organizations,
      total: figuresOf(total, workingTotal),
      trend: fillMonths(months, request),
      worst,
      missingYears: [...missing].sort((a, b) => a - b),
    };
  })();
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month of the period (deadline basis), or from the first to the last deadline, zeros included. */
function fillMonths(months: Map<string, TrendMonth>, request: DisciplineRequest): TrendMonth[] {
  const keys = [...months.keys()].sort();
  let first = request.basis === 'deadline' ? request.from.slice(0, 7) : keys[0];
  let last = request.basis === 'deadline' ? request.to.slice(0, 7) : keys[keys.length - 1];
  if (first === undefined || last === undefined) return [];
  if (keys.length > 0 && (keys[0] as string) < first) first = keys[0] as string;
  if (keys.length > 0 && (keys[keys.length - 1] as string) > last) last = keys[keys.length - 1] as string;
  const out: TrendMonth[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) out.push(months.get(m) ?? { month: m, due: 0, onTime: 0, late: 0, overdue: 0 });
  return out;
}

/** One instruction on the calendar of deadlines. */
export interface DeadlineItem {
  id: string;
  controlNumber: string | null;
  title: string;
  dueDate: IsoDate;
  status: Status;
  organizationName: string | null;
  extensions: number;
  overdue: boolean;
  version: number;
}

/** The most deadlines one calendar page shows (a month of a large register). */
export const MAX_CALENDAR_ITEMS = 2000;

/** Instructions whose deadline in force falls in from–to (a month or a week of the calendar view), by deadline. */
export function deadlinesBetween(ctx: StoreContext, request: { from: IsoDate; to: IsoDate; query?: string }): DeadlineItem[] {
  checkRequest({ ...request, basis: 'deadline' });
  const today = ctx.today();
  const parsed = parseQuery(request.query ?? '', today);
  if (parsed.problems.length > 0) throw new ReportQueryError(parsed.problems);
  const compiled = compileFilter(ctx, parsed, today);
  const rows = ctx
    .stmt(
      `SELECT i.id, i.control_number AS controlNumber, i.title, i.due_date AS dueDate, i.status, o.name AS organizationName,
              i.extension_count AS extensions, i.version
         FROM instructions i LEFT JOIN organizations o ON o.id = i.lead_org_id
        WHERE ${compiled.where} AND i.due_date BETWEEN ? AND ?
        ORDER BY i.due_date, i.control_number, i.id LIMIT ${MAX_CALENDAR_ITEMS}`,
    )
    .all(...compiled.params, request.from, request.to) as Omit<DeadlineItem, 'overdue'>[];
  return rows.map((r) => ({ ...r, overdue: r.status !== 'resolved' && r.dueDate < today }));
}
