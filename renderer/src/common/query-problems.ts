// One problem of a malformed search or board filter, in the official's language: the field named
// by the word the interface uses for it (мәртебе, абалы, статус, status), and for a wrong value the
// values that would be right, written as they can be typed in the search box.
import type { TFunction } from 'i18next';

/** The fields of the search language (db/query.ts TermField). */
export const SEARCH_FIELDS = ['status', 'org', 'topic', 'meeting', 'due', 'overdue', 'priority', 'assignee', 'archived', 'resolved', 'extended', 'created'] as const;
const STATUSES = ['assigned', 'in_progress', 'report_submitted', 'resolved'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;

export interface ProblemLike {
  code: string | number;
  field?: string | number;
  value?: string | number;
}

function isSearchField(field: string): field is (typeof SEARCH_FIELDS)[number] {
  return (SEARCH_FIELDS as readonly string[]).includes(field);
}

/** A status or priority name as the interface shows it, lower case, quoted where it has a space. */
function typable(name: string, t: TFunction): string {
  const lower = name.toLowerCase();
  return /\s/.test(lower) ? t('search.quote', { text: lower }) : lower;
}

/** The values a field accepts, in the interface's language. */
function validValues(field: string, t: TFunction): string {
  if (field === 'status') return STATUSES.map((s) => typable(t(`status.${s}`), t)).join(', ');
  if (field === 'priority') return PRIORITIES.map((p) => typable(t(`priority.${p}`), t)).join(', ');
  if (field === 'overdue' || field === 'archived' || field === 'extended') return t('search.yesNo');
  if (field === 'resolved') return t('search.resolvedValues');
  return '';
}

/** The problem in words: “unknown field “colour:”; the fields are status:, org:, …”. */
export function describeQueryProblem(problem: ProblemLike, t: TFunction): string {
  const code = String(problem.code);
  const raw = problem.field === undefined ? '' : String(problem.field);
  // An unknown field is shown as typed; a known one by the interface's word for it.
  const field = code !== 'unknown_field' && isSearchField(raw) ? t(`search.fieldName.${raw}`) : raw;
  const values = code === 'unknown_field' ? SEARCH_FIELDS.map((f) => `${t(`search.fieldName.${f}`)}:`).join(', ') : validValues(raw, t);
  return t(`search.problem.${code}`, { field, value: problem.value === undefined ? '' : String(problem.value), values, defaultValue: code });
}
