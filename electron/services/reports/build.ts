// Builds the report documents from a store snapshot: the execution status report (справка о ходе
// исполнения поручений), the overdue list and the full register. Every derived fact (overdue,
// days late, extended, the latest report) is computed here once, the same for every format.
import type { Language, Organization, Person } from '../../../db/model';
import type { ReportSnapshot, SnapshotInstruction } from '../../../db/reports';
import { daysBetween } from '../../../db/dates';
import { organizationName } from '../../../db/organization-names';
import type { Column, ColumnType, MetaLine, PrintColumn, ReportDocument, ReportKind, Row, Section, SignatureLine } from './model';
import { fitHeaderWords } from './fit';
import { fill, formatDate, formatNumber, localParts, plural, reportStrings, type ReportStrings } from './strings';
import { disciplineMeta, disciplineSections, disciplineStrings } from './discipline';

interface Lookup {
  org(id: string | null): Organization | undefined;
  person(id: string | null): Person | undefined;
}

/** Organizations under their names in the report's language (the original name where it has none). */
function lookup(snapshot: ReportSnapshot, language: Language): Lookup {
  const orgs = new Map(snapshot.organizations.map((o) => [o.id, { ...o, name: organizationName(o, language) }]));
  const people = new Map(snapshot.people.map((p) => [p.id, p]));
  return {
    org: (id) => (id === null ? undefined : orgs.get(id)),
    person: (id) => (id === null ? undefined : people.get(id)),
  };
}

function personLabel(person: Person | undefined): string {
  if (!person) return '';
  return person.position ? `${person.fullName}, ${person.position}` : person.fullName;
}

/** Everything any report shows about one instruction, keyed as the sections' columns are. */
function describe(instruction: SnapshotInstruction, snapshot: ReportSnapshot, find: Lookup, meetings: Map<string, ReportSnapshot['meetings'][number]>, tagNames: Map<string, string>, s: ReportStrings, language: Language): Row {
  const today = snapshot.today;
  const date = (iso: string | null) => (iso === null ? '' : formatDate(iso, language));
  const meeting = instruction.meetingId === null ? undefined : meetings.get(instruction.meetingId);
  const lead = find.org(instruction.leadOrgId);
  const open = instruction.status !== 'resolved';
  const due = instruction.dueDate;
  const overdue = open && due !== null && due < today;
  const overdueDays = overdue ? daysBetween(due as string, today) : null;
  // Only the extensions that stand: a deadline change that was undone is withdrawn, not counted.
  const standing = instruction.extensions.filter((e) => e.withdrawnAt === null);
  const extended = standing.length;

  const coexecutors = instruction.coexecutors.map((c) => {
    const name = [find.org(c.organizationId)?.name, find.person(c.personId)?.fullName].filter(Boolean).join(' — ');
    return c.dueDate ? fill(s.notes.coexecutorDue, { name, date: date(c.dueDate) }) : name;
  });

  // A final report superseded by a reopening is no longer the outcome, nor the latest progress.
  const current = instruction.reports.filter((r) => r.supersededAt === null);
  const finals = current.filter((r) => r.kind === 'final');
  const latest = open ? current[current.length - 1] : finals[finals.length - 1] ?? current[current.length - 1];
  const latestText = open ? latest?.body ?? '' : instruction.resolution ?? latest?.body ?? '';
  const reopenedAt = instruction.reports.reduce<string | null>((last, r) => (r.supersededAt !== null && (last === null || r.supersededAt > last) ? r.supersededAt : last), null);
  const reopenedDate = reopenedAt === null ? null : localParts(reopenedAt).date;
  // On time or late, from the date it was (last) resolved: a reopening clears it, resolving again sets it anew.
  const resolvedDate = !open && instruction.resolvedAt !== null ? localParts(instruction.resolvedAt).date : null;
  const lateDays = resolvedDate !== null && due !== null ? daysBetween(due, resolvedDate) : null;
  const outcome = lateDays === null ? '' : lateDays > 0 ? plural(s.notes.lateBy, lateDays, language) : s.notes.onTime;
  const latestDate = latest ? localParts(latest.submittedAt).date : null;
  const latestKind = latest ? s.reportKinds[latest.kind] : '';

  const originalNote: string[] = [];
  if (extended > 0 || (instruction.originalDueDate !== null && instruction.originalDueDate !== due)) {
    if (instruction.originalDueDate !== null && instruction.originalDueDate !== due) {
      originalNote.push(fill(s.notes.originally, { date: date(instruction.originalDueDate) }));
    }
    if (extended > 0) originalNote.push(plural(s.notes.extendedTimes, extended, language));
  }

  return {
    id: instruction.id,
    number: instruction.controlNumber ?? '',
    itemNumber: instruction.itemNumber ?? '',
    meeting: meeting?.title ?? '',
    meetingDate: meeting?.heldOn ?? null,
    protocol: meeting?.protocolNumber ?? '',
    meetingLine: meeting ? (meeting.heldOn ? fill(s.meetingLine, { title: meeting.title, date: date(meeting.heldOn) }) : meeting.title) : '',
    title: instruction.title,
    text: instruction.body,
    lead: lead?.name ?? '',
    leadPerson: personLabel(find.person(instruction.leadPersonId)),
    controller: find.person(instruction.controllerId)?.fullName ?? '',
    controllerLine: instruction.controllerId ? fill(s.notes.controller, { name: find.person(instruction.controllerId)?.fullName ?? '' }) : '',
    coexecutors: coexecutors.join('\n'),
    originalDue: instruction.originalDueDate,
    due,
    extensions: extended,
    extensionHistory: standing
      .map((e) => fill(s.notes.extensionLine, { from: e.oldDate ? date(e.oldDate) : '—', to: date(e.newDate), reason: e.reason, by: e.decidedBy }))
      .join('\n'),
    originalNote: originalNote.join(', '),
    overdueNote: overdueDays === null ? '' : plural(s.notes.overdueBy, overdueDays, language),
    status: s.status[instruction.status],
    reopened: reopenedDate,
    reopenedNote: reopenedDate === null || !open ? '' : fill(s.notes.reopenedOn, { date: date(reopenedDate) }),
    outcome,
    daysOverdue: overdueDays,
    workingDaysOverdue: overdueDays === null ? null : (instruction.overdueWorkingDays ?? null),
    latestReport: latestText,
    latestReportKind: latestKind,
    latestReportDate: latestDate,
    latestReportLine: latest ? fill(s.notes.reportLine, { kind: latestKind, date: date(latestDate) }) : '',
    priority: s.priority[instruction.priority],
    onControl: instruction.onControl ? s.yes : s.no,
    controlNote: instruction.onControl ? s.notes.onControl : s.notes.offControl,
    topics: instruction.tagIds
      .map((id) => tagNames.get(id))
      .filter((n): n is string => Boolean(n))
      .join(', '),
    reports: instruction.reports.length,
    resolution: instruction.resolution ?? '',
    resolvedAt: instruction.resolvedAt,
    createdAt: instruction.createdAt,
    updatedAt: instruction.updatedAt,
    archived: instruction.archived ? s.yes : s.no,
  };
}

function col(key: string, header: string, type: ColumnType, width: number): Column {
  return { key, header, type, width };
}

function section(id: string, title: string, sheetName: string, columns: Column[], rows: Row[], printColumns: PrintColumn[], s: ReportStrings, totals: Row | null = null): Section {
  return { id, title, sheetName: sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), columns, rows, totals, printColumns: fitHeaderWords(printColumns), emptyText: s.empty };
}

interface Counts {
  total: number;
  assigned: number;
  inProgress: number;
  reportSubmitted: number;
  resolved: number;
  overdue: number;
  extended: number;
}

function summarySection(instructions: SnapshotInstruction[], rows: Row[], find: Lookup, s: ReportStrings, language: Language): Section {
  const byOrg = new Map<string | null, Counts>();
  const zero = (): Counts => ({ total: 0, assigned: 0, inProgress: 0, reportSubmitted: 0, resolved: 0, overdue: 0, extended: 0 });
  const totals = zero();
  instructions.forEach((instruction, i) => {
    const counts = byOrg.get(instruction.leadOrgId) ?? zero();
    byOrg.set(instruction.leadOrgId, counts);
    for (const c of [counts, totals]) {
      c.total++;
      if (instruction.status === 'assigned') c.assigned++;
      else if (instruction.status === 'in_progress') c.inProgress++;
      else if (instruction.status === 'report_submitted') c.reportSubmitted++;
      else c.resolved++;
      if ((rows[i] as Row).daysOverdue !== null) c.overdue++;
      if (instruction.extensions.some((e) => e.withdrawnAt === null)) c.extended++;
    }
  });
  const collator = new Intl.Collator(language);
  const ordered = [...byOrg.entries()].sort(([a], [b]) => {
    if (a === null) return 1;
    if (b === null) return -1;
    return collator.compare(find.org(a)?.name ?? '', find.org(b)?.name ?? '');
  });
  const columns = [
    col('organization', s.columns.organization, 'text', 60),
    col('total', s.columns.total, 'number', 10),
    col('assigned', s.columns.assigned, 'number', 12),
    col('inProgress', s.columns.inProgress, 'number', 12),
    col('reportSubmitted', s.columns.reportSubmitted, 'number', 14),
    col('resolved', s.columns.resolved, 'number', 12),
    col('overdue', s.columns.overdue, 'number', 12),
    col('extended', s.columns.extended, 'number', 12),
  ];
  const numeric = columns.slice(1).map((c): PrintColumn => ({ header: c.header, width: 9, lines: [{ key: c.key }], align: 'right' }));
  numeric[5] = { ...(numeric[5] as PrintColumn), lines: [{ key: 'overdue', style: 'alert' }] };
  return section(
    'summary',
    s.sections.summary,
    s.sheets.summary,
    columns,
    ordered.map(([orgId, c]) => ({ organization: orgId === null ? s.noLead : find.org(orgId)?.name ?? orgId, ...c })),
    [{ header: s.columns.organization, width: 37, lines: [{ key: 'organization' }] }, ...numeric],
    s,
    { organization: s.total, ...totals },
  );
}

function instructionsSection(rows: Row[], s: ReportStrings): Section {
  const c = s.columns;
  return section(
    'instructions',
    s.sections.instructions,
    s.sheets.instructions,
    [
      col('number', c.number, 'text', 8),
      col('meeting', c.meeting, 'text', 30),
      col('title', c.title, 'text', 50),
      col('text', c.text, 'text', 70),
      col('lead', c.lead, 'text', 40),
      col('leadPerson', c.leadPerson, 'text', 28),
      col('coexecutors', c.coexecutors, 'text', 40),
      col('originalDue', c.originalDue, 'date', 14),
      col('due', c.due, 'date', 14),
      col('extensions', c.extensions, 'number', 12),
      col('status', c.status, 'text', 18),
      col('reopened', c.reopened, 'date', 14),
      col('outcome', c.outcome, 'text', 24),
      col('daysOverdue', c.daysOverdue, 'number', 12),
      col('latestReport', c.latestReport, 'text', 60),
      col('latestReportKind', c.latestReportKind, 'text', 20),
      col('latestReportDate', c.latestReportDate, 'date', 14),
    ],
    rows,
    [
      { header: c.number, width: 6, lines: [{ key: 'number' }] },
      { header: s.print.instruction, width: 28, lines: [{ key: 'title', style: 'strong' }, { key: 'text' }] },
      { header: s.print.executors, width: 19, lines: [{ key: 'lead', style: 'strong' }, { key: 'leadPerson' }, { key: 'coexecutors', style: 'muted' }] },
      { header: s.print.deadline, width: 13, lines: [{ key: 'due' }, { key: 'originalNote', style: 'muted' }, { key: 'overdueNote', style: 'alert' }] },
      { header: s.print.status, width: 11, lines: [{ key: 'status' }, { key: 'reopenedNote', style: 'muted' }, { key: 'outcome', style: 'muted' }] },
      { header: s.print.progress, width: 23, lines: [{ key: 'latestReport' }, { key: 'latestReportLine', style: 'muted' }] },
    ],
    s,
  );
}

function overdueSections(rows: Row[], instructions: SnapshotInstruction[], find: Lookup, s: ReportStrings, language: Language): Section[] {
  const c = s.columns;
  const indexed = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.daysOverdue !== null);
  indexed.sort((a, b) => (b.row.daysOverdue as number) - (a.row.daysOverdue as number) || a.i - b.i);
  const list = section(
    'overdue',
    s.sections.overdue,
    s.sheets.overdue,
    [
      col('number', c.number, 'text', 8),
      col('meeting', c.meeting, 'text', 30),
      col('title', c.title, 'text', 60),
      col('lead', c.lead, 'text', 40),
      col('leadPerson', c.leadPerson, 'text', 28),
      col('coexecutors', c.coexecutors, 'text', 40),
      col('due', c.due, 'date', 14),
      col('originalDue', c.originalDue, 'date', 14),
      col('daysOverdue', c.daysOverdue, 'number', 12),
      col('workingDaysOverdue', c.workingDaysOverdue, 'number', 12),
      col('status', c.status, 'text', 18),
      col('latestReport', c.latestReport, 'text', 60),
      col('latestReportDate', c.latestReportDate, 'date', 14),
    ],
    indexed.map(({ row }) => row),
    [
      { header: c.number, width: 6, lines: [{ key: 'number' }] },
      { header: s.print.instruction, width: 23, lines: [{ key: 'title', style: 'strong' }, { key: 'meetingLine', style: 'muted' }] },
      { header: s.print.who, width: 17, lines: [{ key: 'lead', style: 'strong' }, { key: 'leadPerson' }, { key: 'coexecutors', style: 'muted' }] },
      { header: s.print.deadline, width: 13, lines: [{ key: 'due' }, { key: 'originalNote', style: 'muted' }] },
      { header: c.daysOverdue, width: 8, lines: [{ key: 'daysOverdue', style: 'alert' }], align: 'right' },
      { header: c.workingDaysOverdue, width: 8, lines: [{ key: 'workingDaysOverdue', style: 'alert' }], align: 'right' },
      { header: s.print.status, width: 11, lines: [{ key: 'status' }] },
      { header: c.latestReport, width: 14, lines: [{ key: 'latestReport' }, { key: 'latestReportLine', style: 'muted' }] },
    ],
    s,
  );

  const byOrg = new Map<string | null, { count: number; max: number }>();
  for (const { i } of indexed) {
    const instruction = instructions[i] as SnapshotInstruction;
    const days = (rows[i] as Row).daysOverdue as number;
    const entry = byOrg.get(instruction.leadOrgId) ?? { count: 0, max: 0 };
    entry.count++;
    entry.max = Math.max(entry.max, days);
    byOrg.set(instruction.leadOrgId, entry);
  }
  const collator = new Intl.Collator(language);
  const name = (id: string | null) => (id === null ? s.noLead : find.org(id)?.name ?? id);
  const orgRows = [...byOrg.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || collator.compare(name(a), name(b)))
    .map(([id, e]) => ({ organization: name(id), overdue: e.count, maxDaysOverdue: e.max }));
  const byOrgSection = section(
    'overdueByOrg',
    s.sections.overdueByOrg,
    s.sheets.overdueByOrg,
    [col('organization', c.organization, 'text', 60), col('overdue', c.overdue, 'number', 14), col('maxDaysOverdue', c.maxDaysOverdue, 'number', 16)],
    orgRows,
    [
      { header: c.organization, width: 64, lines: [{ key: 'organization' }] },
      { header: c.overdue, width: 18, lines: [{ key: 'overdue', style: 'alert' }], align: 'right' },
      { header: c.maxDaysOverdue, width: 18, lines: [{ key: 'maxDaysOverdue' }], align: 'right' },
    ],
    s,
    indexed.length > 0 ? { organization: s.total, overdue: indexed.length, maxDaysOverdue: Math.max(...orgRows.map((r) => r.maxDaysOverdue)) } : null,
  );
  return [list, byOrgSection];
}

function registerSection(rows: Row[], s: ReportStrings): Section {
  const c = s.columns;
  return section(
    'register',
    s.sections.register,
    s.sheets.register,
    [
      col('number', c.number, 'text', 10),
      col('meeting', c.meeting, 'text', 30),
      col('meetingDate', c.meetingDate, 'date', 14),
      col('protocol', c.protocol, 'text', 12),
      col('itemNumber', c.itemNumber, 'text', 8),
      col('title', c.title, 'text', 50),
      col('text', c.text, 'text', 70),
      col('lead', c.lead, 'text', 40),
      col('leadPerson', c.leadPerson, 'text', 28),
      col('controller', c.controller, 'text', 24),
      col('coexecutors', c.coexecutors, 'text', 40),
      col('priority', c.priority, 'text', 12),
      col('status', c.status, 'text', 18),
      col('reopened', c.reopened, 'date', 14),
      col('outcome', c.outcome, 'text', 24),
      col('onControl', c.onControl, 'text', 10),
      col('topics', c.topics, 'text', 24),
      col('originalDue', c.originalDue, 'date', 14),
      col('due', c.due, 'date', 14),
      col('extensions', c.extensions, 'number', 12),
      col('extensionHistory', c.extensionHistory, 'text', 50),
      col('daysOverdue', c.daysOverdue, 'number', 12),
      col('reports', c.reports, 'number', 10),
      col('latestReport', c.latestReport, 'text', 60),
      col('latestReportKind', c.latestReportKind, 'text', 20),
      col('latestReportDate', c.latestReportDate, 'date', 14),
      col('resolution', c.resolution, 'text', 50),
      col('resolvedAt', c.resolvedAt, 'datetime', 18),
      col('createdAt', c.createdAt, 'datetime', 18),
      col('updatedAt', c.updatedAt, 'datetime', 18),
      col('archived', c.archived, 'text', 10),
      col('id', c.id, 'text', 38),
    ],
    rows,
    [
      { header: c.number, width: 6, lines: [{ key: 'number' }] },
      { header: s.print.meeting, width: 11, lines: [{ key: 'meetingLine' }, { key: 'protocol', style: 'muted' }] },
      { header: s.print.instruction, width: 25, lines: [{ key: 'title', style: 'strong' }, { key: 'text' }, { key: 'topics', style: 'muted' }] },
      { header: s.print.executors, width: 17, lines: [{ key: 'lead', style: 'strong' }, { key: 'leadPerson' }, { key: 'coexecutors', style: 'muted' }, { key: 'controllerLine', style: 'muted' }] },
      { header: s.print.deadline, width: 13, lines: [{ key: 'due' }, { key: 'originalNote', style: 'muted' }, { key: 'extensionHistory', style: 'muted' }, { key: 'overdueNote', style: 'alert' }] },
      { header: s.print.status, width: 11, lines: [{ key: 'status' }, { key: 'reopenedNote', style: 'muted' }, { key: 'outcome', style: 'muted' }, { key: 'priority', style: 'muted' }, { key: 'controlNote', style: 'muted' }] },
      { header: s.print.progress, width: 17, lines: [{ key: 'latestReport' }, { key: 'latestReportLine', style: 'muted' }] },
    ],
    s,
  );
}

function metaLines(snapshot: ReportSnapshot, s: ReportStrings, language: Language, count: number): MetaLine[] {
  const used = new Set(snapshot.instructions.map((i) => i.meetingId));
  const meetings = snapshot.meetings.filter((m) => (snapshot.selection.meetingId ? m.id === snapshot.selection.meetingId : used.has(m.id)));
  const describeMeeting = (m: ReportSnapshot['meetings'][number]) => {
    const line = m.heldOn ? fill(s.meetingLine, { title: m.title, date: formatDate(m.heldOn, language) }) : m.title;
    return m.protocolNumber ? `${line}, ${fill(s.meetingProtocol, { number: m.protocolNumber })}` : line;
  };
  const shown = meetings.slice(0, 10).map(describeMeeting);
  if (meetings.length > 10) shown.push(`… (+${meetings.length - 10})`);
  const filters = snapshot.selection.filters.map((f) => f.trim()).filter((f) => f !== '');
  const lines: MetaLine[] = [];
  if (shown.length > 0) lines.push({ label: s.meta.meetings, value: shown.join('; ') });
  lines.push({ label: s.meta.selection, value: filters.length > 0 ? filters.join(' ') : s.meta.everything });
  lines.push({ label: s.meta.instructions, value: formatNumber(count, language) });
  return lines;
}

export interface BuildOptions {
  kind: ReportKind;
  language: Language;
}

export function buildReport(snapshot: ReportSnapshot, { kind, language }: BuildOptions): ReportDocument {
  const s = reportStrings(language);
  const find = lookup(snapshot, language);
  const meetings = new Map(snapshot.meetings.map((m) => [m.id, m]));
  const tagNames = new Map(snapshot.tags.map((t) => [t.id, t.names[language]]));
  const rows = snapshot.instructions.map((instruction) => describe(instruction, snapshot, find, meetings, tagNames, s, language));

  let sections: Section[];
  let primary: string;
  let count = rows.length;
  let meta: MetaLine[] | null = null;
  switch (kind) {
    case 'discipline': {
      const figures = snapshot.discipline;
      if (!figures) throw new Error('The discipline report needs its figures in the snapshot.');
      sections = disciplineSections(figures, s, language);
      primary = 'figures';
      count = figures.total.instructions;
      meta = disciplineMeta(figures, s, language);
      break;
    }
    case 'status':
      sections = [summarySection(snapshot.instructions, rows, find, s, language), instructionsSection(rows, s)];
      primary = 'instructions';
      break;
    case 'overdue':
      sections = overdueSections(rows, snapshot.instructions, find, s, language);
      primary = 'overdue';
      count = (sections[0] as Section).rows.length;
      break;
    case 'register':
      sections = [registerSection(rows, s)];
      primary = 'register';
      break;
  }
  const prepared = localParts(snapshot.takenAt);
  const signature = snapshot.signature;
  const preparedBy = signature?.preparedName || snapshot.actor;
  const signatures: SignatureLine[] = [];
  if (signature && (signature.approvedName || signature.approvedPosition)) {
    signatures.push({ label: s.signature.approved, position: signature.approvedPosition, name: signature.approvedName, phone: '' });
  }
  if (signature && (signature.preparedName || signature.preparedPosition)) {
    signatures.push({
      label: s.signature.prepared,
      position: signature.preparedPosition,
      name: signature.preparedName,
      phone: signature.preparedPhone ? fill(s.signature.phone, { phone: signature.preparedPhone }) : '',
    });
  }
  const footerParts = [preparedBy, signature?.preparedPhone ? fill(s.signature.phone, { phone: signature.preparedPhone }) : ''].filter(Boolean);
  return {
    kind,
    language,
    title: kind === 'discipline' ? disciplineStrings(language).title : s.titles[kind],
    meta: meta ?? metaLines(snapshot, s, language, count),
    asOf: snapshot.today,
    asOfText: fill(s.asOf, { date: formatDate(snapshot.today, language) }),
    preparedText: fill(s.prepared, { date: formatDate(prepared.date, language), time: prepared.time, actor: preparedBy }),
    signatures,
    footerText: preparedBy ? fill(s.signature.footer, { name: footerParts.join(', ') }) : '',
    fileBase: reportFileBase(kind, language, snapshot.today),
    sections,
    primarySection: primary,
    instructionCount: count,
    labels: { pageOf: s.pageOf, previewLimited: s.previewLimited },
  };
}

/** File name (without extension) of a report: its localized name and the as-of date. */
export function reportFileBase(kind: ReportKind, language: Language, today: string): string {
  return `${kind === 'discipline' ? disciplineStrings(language).fileName : reportStrings(language).fileNames[kind]}-${today}`;
}

/** File name for the JSON exchange export. */
export function exchangeFileBase(language: Language, today: string): string {
  return `${reportStrings(language).fileNames.exchange}-${today}`;
}
