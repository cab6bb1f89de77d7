// Which column holds what: header cells recognised in English and Russian (and the row that
// holds them, which is not always the first), as a mapping the official may correct.
import { foldText } from '../../../../db/query';
import type { ListField } from '../../../../db/intake-types';
import { dateCellToIso } from '../dates';
import type { Cell, TableRow } from './table';

/** Exact header names, folded (lower case, ё → е, punctuation dropped). */
const EXACT: Record<ListField, string[]> = {
  itemNumber: ['№', 'no', 'nr', 'num', 'number', 'item', 'item no', 'item number', '#', 'номер', 'пункт', '№ п/п', 'п/п', 'пп', '№ пп', 'n'],
  title: ['title', 'instruction', 'task', 'subject', 'name', 'action', 'what', 'поручение', 'наименование', 'наименование поручения', 'содержание поручения', 'задача', 'мероприятие', 'тапсырма'],
  body: ['text', 'description', 'details', 'full text', 'body', 'текст', 'описание', 'содержание', 'текст поручения', 'подробности', 'мәтін'],
  leadOrg: [
    'lead', 'lead organization', 'lead organisation', 'lead ministry', 'responsible', 'executor', 'ministry', 'organization', 'organisation', 'agency', 'assignee', 'who', 'owner',
    'исполнитель', 'ответственный', 'ответственный исполнитель', 'головной исполнитель', 'министерство', 'ведомство', 'орган', 'ответственный орган', 'орындаушы',
  ],
  coexecutors: ['co-executors', 'coexecutors', 'co-executor', 'co executors', 'also responsible', 'соисполнители', 'соисполнитель'],
  dueDate: ['deadline', 'due', 'due date', 'term', 'date due', 'due by', 'when', 'by when', 'срок', 'срок исполнения', 'дата исполнения', 'крайний срок', 'срок выполнения', 'мерзімі', 'мерзім'],
  priority: ['priority', 'urgency', 'приоритет', 'важность', 'срочность'],
  topics: ['topic', 'topics', 'tags', 'tag', 'theme', 'area', 'тема', 'темы', 'направление', 'сфера', 'тег', 'теги'],
};

/** Words a longer header may contain, in the order they are tried (co-executors before executors). */
const CONTAINS: [ListField, RegExp][] = [
  ['coexecutors', /\bco-?executor|соисполнител/u],
  ['itemNumber', /^№|\bitem n|номер п|^n\s/u],
  ['dueDate', /\bdeadline|\bdue\b|срок|мерзім|дата исполнения/u],
  ['priority', /priorit|приоритет|срочност/u],
  ['topics', /\btopic|\btheme|тема|темы|направлени/u],
  ['leadOrg', /\bexecutor|responsib|\bministr|\bagency|исполнител|ответствен|министерств|ведомств/u],
  ['body', /\bdescription|\bdetails|\btext\b|текст|описани|содержание(?! поручени)/u],
  ['title', /\binstruction|\btask|\btitle|поручени|наименовани|задач|мероприяти/u],
];

/**
 * Headers that mention the deadline but hold another date: the original deadline beside the
 * current one, the deadline changes. The app's own reports have such columns, so a register
 * exported here imports back with its current deadline.
 */
const NOT_THE_DEADLINE = /\boriginal\b|первоначальн|исходн|\bextension|deadline changes|продлени|перенос/u;

function fold(header: string): string {
  return foldText(header).replace(/[.:*"«»()]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The field a header names, and whether it names it exactly or only contains a word for it. */
function recognise(header: string): { field: ListField; exact: boolean } | null {
  const folded = fold(header);
  if (folded === '') return null;
  for (const [field, names] of Object.entries(EXACT) as [ListField, string[]][]) if (names.includes(folded)) return { field, exact: true };
  for (const [field, re] of CONTAINS) {
    if (!re.test(folded)) continue;
    return field === 'dueDate' && NOT_THE_DEADLINE.test(folded) ? null : { field, exact: false };
  }
  return null;
}

export function recogniseHeader(header: string): ListField | null {
  return recognise(header)?.field ?? null;
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dateCellToIso(cell) ?? '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(Math.round(cell * 1e9) / 1e9);
  return String(cell).trim();
}

/** A mapping from column index to field: each field once; an exact name wins, then the leftmost column. */
export function mappingFor(headers: string[]): (ListField | null)[] {
  const found = headers.map(recognise);
  const mapping: (ListField | null)[] = headers.map(() => null);
  const used = new Set<ListField>();
  // Exact names first ("Срок" beats "Переносы срока" wherever it stands), then partial ones.
  for (const exact of [true, false]) {
    found.forEach((hit, i) => {
      if (!hit || hit.exact !== exact || used.has(hit.field)) return;
      used.add(hit.field);
      mapping[i] = hit.field;
    });
  }
  return mapping;
}

function rowScore(cells: Cell[]): number {
  const fields = new Set(cells.map((c) => (typeof c === 'string' ? recogniseHeader(c) : null)).filter((f) => f !== null));
  return fields.size + (fields.has('title') ? 0.5 : 0);
}

/** How much the best of the first rows looks like a header row. */
export function headerScore(rows: TableRow[]): number {
  return Math.max(0, ...rows.slice(0, 15).map((r) => rowScore(r.cells)));
}

/** The header row: among the first rows, the one whose cells name the most fields. */
export function detectHeaderRow(rows: TableRow[]): number {
  let best = { row: rows[0]?.row ?? 1, score: 0 };
  for (const r of rows.slice(0, 15)) {
    const score = rowScore(r.cells);
    if (score > best.score) best = { row: r.row, score };
  }
  return best.row;
}
