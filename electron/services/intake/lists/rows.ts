// Turning a list's rows into instructions: every row is checked and every problem is listed;
// rows with errors are skipped, rows with warnings are imported without the doubtful value.
import { parsePriority } from '../../../../db/query';
import type { InstructionInput } from '../../../../db/instructions';
import type { ListField, ListIssue, ListRowReport, ListSampleRow } from '../../../../db/intake-types';
import type { IsoDate, Priority } from '../../../../db/model';
import { dateCellToIso, excelSerialDate, parseDate } from '../dates';
import { cellText } from './headers';
import type { Cell, TableRow } from './table';

/** The store's organizations, matched by any of their names in any language (db/organization-names.ts). */
export interface KnownOrganizations {
  match(name: string): { id: string } | null;
}

export interface KnownTopic {
  id: string;
  code: string;
  names: string[];
}

export interface ListContext {
  organizations: KnownOrganizations;
  topics: KnownTopic[];
  /** `number|title` keys (folded) of the instructions already in the target meeting. */
  existing: Set<string>;
}

/** An organization an imported row names: one of the store's, or a new one by name. */
export type OrgRef = { id: string } | { name: string };

export interface PreparedRow {
  row: number;
  input: Omit<InstructionInput, 'leadOrgId' | 'coexecutors'>;
  lead: OrgRef | null;
  coexecutors: { org: OrgRef; dueDate: IsoDate | null }[];
}

export interface ValidatedList {
  header: string[];
  prepared: PreparedRow[];
  reports: ListRowReport[];
  totalRows: number;
  warningRows: number;
  newOrganizations: string[];
  sample: ListSampleRow[];
}

const LIMITS: Partial<Record<ListField, number>> = { itemNumber: 40, title: 1000, body: 200_000, leadOrg: 500, topics: 2000, coexecutors: 5000 };

/** A co-executor's own deadline after its name, as the app's reports write it: `(до 01.04.2026)`, `(by 1 Apr 2026)`. */
const OWN_DEADLINE = /\s*\(([^()]+)\)$/u;
/** A person's name: capitalised words or initials (`Әсел Нұрғалиқызы Өмірбекова`, `Иванов И.И.`). */
const PERSON_NAME = /^(?:\p{Lu}[\p{L}'’-]*\.?\s*){1,4}$/u;

/**
 * One entry of a co-executors cell: the organization's name and its own deadline. The app's
 * reports write `Organization — Person (до 01.04.2026)`; the person is left out (lists name
 * organizations), and a dash is kept where what follows is no person's name (`… — Department of
 * Tourism`) or the whole entry is an organization already known.
 */
export function parseCoexecutorEntry(entry: string, isKnownOrg: (name: string) => boolean): { name: string; dueDate: IsoDate | null } {
  let name = entry.trim();
  let dueDate: IsoDate | null = null;
  const deadline = OWN_DEADLINE.exec(name);
  if (deadline) {
    const date = parseDate(deadline[1] as string);
    if (date) {
      dueDate = date;
      name = name.slice(0, deadline.index).trim();
    }
  }
  const dash = name.lastIndexOf(' — ');
  if (dash > 0 && !isKnownOrg(name)) {
    const org = name.slice(0, dash).trim();
    const person = name.slice(dash + 3).trim();
    if (isKnownOrg(org) || PERSON_NAME.test(person)) name = org;
  }
  return { name, dueDate };
}

/** Whitespace that `collapse` would change: anything but a single space. */
const UNCOLLAPSED = /[^\S ]| {2}/;

/** Runs of whitespace as one space; the text itself when there is nothing to collapse (most cells). */
function collapse(text: string): string {
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Lower case, ё as е, spaces collapsed: how names and titles are compared (fast: 100,000 rows). */
function lower(text: string): string {
  const lowered = text.toLowerCase();
  return collapse(lowered.includes('ё') ? lowered.replace(/ё/g, 'е') : lowered).trim();
}

export function instructionKey(itemNumber: string | null | undefined, title: string): string {
  return `${lower(itemNumber ?? '')}|${lower(title)}`;
}

function fold(name: string): string {
  return lower(name.replace(/[«»"“”'’.,]/g, ''));
}

/** Text that an export (ours included) kept from running as a formula with a leading apostrophe (OWASP). */
// eslint-disable-next-line no-control-regex -- NUL, tab, CR and LF are among the starts so guarded
const GUARDED_FORMULA = /^'(?=[=+\-@\t\r\n\u0000])/;

/** A field's cell as text (line breaks as \n, a formula guard removed), noting a value longer than the field allows. */
function fieldText(cells: Cell[], column: number, field: ListField, issues: ListIssue[]): string {
  if (column < 0) return '';
  let value = cellText(cells[column] ?? null);
  if (value.startsWith("'")) value = value.replace(GUARDED_FORMULA, '');
  if (value.includes('\r')) value = value.replace(/\r\n?/g, '\n');
  const limit = LIMITS[field];
  if (limit !== undefined && value.length > limit) issues.push({ severity: 'error', code: 'tooLong', field, value: `${value.length}` });
  return value;
}

export function validateRows(
  table: { rows: TableRow[]; date1904: boolean },
  headerRow: number,
  mapping: (ListField | null)[],
  context: ListContext,
): ValidatedList {
  const headerCells = table.rows.find((r) => r.row === headerRow)?.cells ?? [];
  const width = Math.max(mapping.length, headerCells.length);
  const header = Array.from({ length: width }, (_, i) => cellText(headerCells[i]));
  const columnOf = new Map<ListField, number>();
  mapping.forEach((field, i) => {
    if (field && !columnOf.has(field)) columnOf.set(field, i);
  });

  const knownIds = new Map<string, string | null>();
  /** The store's organization of that name (any of its names, in any language), or undefined. */
  const known = (name: string): string | undefined => {
    const key = fold(name);
    if (!knownIds.has(key)) knownIds.set(key, (context.organizations.match(name) ?? context.organizations.match(name.replace(/[.,]/g, '')))?.id ?? null);
    return knownIds.get(key) ?? undefined;
  };
  const topicByName = new Map<string, string>();
  for (const topic of context.topics) for (const name of [topic.code, ...topic.names]) topicByName.set(fold(name), topic.id);
  const newOrganizations = new Map<string, string>();
  const refs = new Map<string, OrgRef>();
  const orgRef = (name: string): OrgRef => {
    let ref = refs.get(name);
    if (ref) return ref;
    const key = fold(name);
    const id = known(name);
    if (id) ref = { id };
    else {
      if (!newOrganizations.has(key)) newOrganizations.set(key, name.replace(/\s+/g, ' ').trim());
      ref = { name: newOrganizations.get(key) as string };
    }
    refs.set(name, ref);
    return ref;
  };
  const isKnownOrg = (name: string) => known(name) !== undefined || newOrganizations.has(fold(name));

  const seen = new Map<string, number>();
  const prepared: PreparedRow[] = [];
  const reports: ListRowReport[] = [];
  const sample: ListSampleRow[] = [];
  let totalRows = 0;
  let warningRows = 0;

  // Column of each field (-1: not mapped), and per cell text of the topics column its topics.
  const col = (field: ListField): number => columnOf.get(field) ?? -1;
  const cols = {
    itemNumber: col('itemNumber'),
    title: col('title'),
    body: col('body'),
    dueDate: col('dueDate'),
    priority: col('priority'),
    topics: col('topics'),
    leadOrg: col('leadOrg'),
    coexecutors: col('coexecutors'),
  };
  const topicsOf = new Map<string, { ids: string[]; unknown: string[] }>();

  for (const { row, cells } of table.rows) {
    if (row <= headerRow) continue;
    totalRows++;
    const issues: ListIssue[] = [];

    const itemNumber = fieldText(cells, cols.itemNumber, 'itemNumber', issues) || null;
    const title = collapse(fieldText(cells, cols.title, 'title', issues));
    const body = fieldText(cells, cols.body, 'body', issues);
    if (title === '') issues.push({ severity: 'error', code: 'titleMissing', field: 'title' });

    let dueDate: string | null = null;
    const dueCell = cols.dueDate < 0 ? null : (cells[cols.dueDate] ?? null);
    if (dueCell instanceof Date) dueDate = dateCellToIso(dueCell);
    else if (typeof dueCell === 'number') dueDate = excelSerialDate(dueCell, table.date1904);
    else if (dueCell !== null && String(dueCell).trim() !== '') dueDate = parseDate(String(dueCell));
    if (dueDate === null && dueCell !== null && cellText(dueCell) !== '') {
      issues.push({ severity: 'error', code: 'badDate', field: 'dueDate', value: cellText(dueCell) });
    }

    let priority: Priority = 'normal';
    const priorityText = fieldText(cells, cols.priority, 'priority', issues);
    if (priorityText !== '') {
      const parsed = parsePriority(priorityText);
      if (parsed) priority = parsed;
      else issues.push({ severity: 'warning', code: 'badPriority', field: 'priority', value: priorityText });
    }

    const topicsText = fieldText(cells, cols.topics, 'topics', issues);
    let topics = topicsOf.get(topicsText);
    if (!topics) {
      topics = { ids: [], unknown: [] };
      for (const name of topicsText.split(/[,;\n]/).map((t) => t.trim()).filter(Boolean)) {
        const id = topicByName.get(fold(name));
        if (!id) topics.unknown.push(name);
        else if (!topics.ids.includes(id)) topics.ids.push(id);
      }
      topicsOf.set(topicsText, topics);
    }
    for (const name of topics.unknown) issues.push({ severity: 'warning', code: 'unknownTopic', field: 'topics', value: name });

    const leadName = fieldText(cells, cols.leadOrg, 'leadOrg', issues);
    const coText = fieldText(cells, cols.coexecutors, 'coexecutors', issues);
    const coNames = coText === '' ? [] : coText.split(/[;\n]/).map((t) => t.trim()).filter(Boolean);

    if (title !== '') {
      const key = instructionKey(itemNumber, title);
      const first = seen.get(key);
      if (first !== undefined) issues.push({ severity: 'error', code: 'duplicateInFile', row: first });
      else {
        seen.set(key, row);
        if (context.existing.has(key)) issues.push({ severity: 'error', code: 'alreadyImported' });
      }
    }

    const skipped = issues.some((i) => i.severity === 'error');
    if (issues.length > 0) {
      reports.push({ row, cells: Array.from({ length: Math.max(width, cells.length) }, (_, i) => cellText(cells[i])), issues, skipped });
      if (!skipped) warningRows++;
    }
    if (skipped) continue;
    const lead = leadName === '' || leadName.length > 500 ? null : orgRef(leadName);
    const coexecutors = coNames
      .map((entry) => parseCoexecutorEntry(entry, isKnownOrg))
      .filter((co) => co.name !== '' && co.name.length <= 500)
      .map((co) => ({ org: orgRef(co.name), dueDate: co.dueDate }));
    const tagIds = [...topics.ids];
    prepared.push({ row, input: { itemNumber, title, body, dueDate, priority, tagIds }, lead, coexecutors });
    if (sample.length < 20) {
      sample.push({
        row,
        itemNumber,
        title,
        leadOrg: leadName || null,
        dueDate,
        priority,
        topics: tagIds.map((id) => context.topics.find((t) => t.id === id)?.code ?? id),
      });
    }
  }
  return {
    header,
    prepared,
    reports,
    totalRows,
    warningRows,
    newOrganizations: [...newOrganizations.values()],
    sample,
  };
}
