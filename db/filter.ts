// Compiles a parsed search query into a WHERE clause over `instructions AS i`.
// Names (organizations, topics, meetings, people) are matched in JS against the small reference
// tables first, so the per-row SQL stays plain index lookups; free text goes through FTS5.
import type { StoreContext } from './context';
import { foldText, type ParsedQuery, type QueryTerm } from './query';
import { organizationsCalled, organizationsNamedLike } from './organization-names';
import { syncSearchIndex } from './search-index';
import { searchWords, wordStems } from './stemmers/index';

export interface CompiledFilter {
  where: string;
  params: unknown[];
}

/** A word or stem quoted for an FTS5 query. */
function ftsString(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/**
 * Free text as an FTS5 query over instruction_search: each word AND-ed, and each word matched by
 * its own beginning (as typed so far) or by any of its stems in English, Russian, Kazakh or Kyrgyz
 * (db/stemmers), so "уголь" finds "угля" and "Бишкеке" finds "Бишкек".
 */
function ftsExpression(text: string): string {
  return searchWords(text)
    .map((word) => {
      const forms = [`${ftsString(word)}*`, ...wordStems(word).map(ftsString)];
      return forms.length === 1 ? forms[0] : `(${forms.join(' OR ')})`;
    })
    .join(' AND ');
}

function matchIds(ctx: StoreContext, sql: string, needle: string, columns: string[]): string[] {
  const wanted = foldText(needle);
  const rows = ctx.stmt(sql).all() as Record<string, string | null>[];
  return rows.filter((row) => columns.some((c) => row[c] != null && foldText(row[c] as string).includes(wanted))).map((row) => row.id as string);
}

function inList(column: string, ids: string[], params: unknown[]): string {
  if (ids.length === 0) return '0';
  params.push(...ids);
  return `${column} IN (${ids.map(() => '?').join(', ')})`;
}

function termSql(ctx: StoreContext, term: QueryTerm, params: unknown[], today: string): string {
  switch (term.kind) {
    case 'text': {
      // "№12/3" (typed "№ 12/3" or "No. 12/3") is a control number; a bare "12/3" also finds one.
      if (term.value.startsWith('№')) {
        params.push(term.value.slice(1));
        return 'i.control_number = ? COLLATE NOCASE';
      }
      const expr = ftsExpression(term.value);
      if (expr === '') return '1';
      params.push(expr);
      const alternatives = ['i.rowid IN (SELECT rowid FROM instruction_search WHERE instruction_search MATCH ?)'];
      // The text is an organization's name (in any language, "(KG)" or not): its instructions too.
      const orgs = organizationsCalled(ctx, term.value);
      if (orgs.length > 0) alternatives.push(inList('i.lead_org_id', orgs, params));
      if (/\d/.test(term.value)) {
        params.push(term.value);
        alternatives.push('i.control_number = ? COLLATE NOCASE');
      }
      return alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(' OR ')})`;
    }
    case 'status':
      params.push(...term.values);
      return `i.status IN (${term.values.map(() => '?').join(', ')})`;
    case 'priority':
      params.push(...term.values);
      return `i.priority IN (${term.values.map(() => '?').join(', ')})`;
    case 'org': {
      // Any of the organization's names, in any language (db/organization-names.ts).
      const ids = organizationsNamedLike(ctx, term.value);
      return inList('i.lead_org_id', ids, params);
    }
    case 'topic': {
      const ids = matchIds(ctx, 'SELECT id, code, name_en, name_ru, name_kk, name_ky FROM tags', term.value, ['code', 'name_en', 'name_ru', 'name_kk', 'name_ky']);
      if (ids.length === 0) return '0';
      return `EXISTS (SELECT 1 FROM instruction_tags it WHERE it.instruction_id = i.id AND ${inList('it.tag_id', ids, params)})`;
    }
    case 'meeting': {
      const ids = matchIds(ctx, 'SELECT id, title, protocol_number, held_on FROM meetings', term.value, ['title', 'protocol_number', 'held_on']);
      return inList('i.meeting_id', ids, params);
    }
    case 'assignee': {
      const people = matchIds(ctx, 'SELECT id, full_name FROM people', term.value, ['full_name']);
      if (people.length === 0) return '0';
      const lead = inList('i.lead_person_id', people, params);
      const co = inList('c.person_id', people, params);
      return `(${lead} OR EXISTS (SELECT 1 FROM coexecutors c WHERE c.instruction_id = i.id AND ${co}))`;
    }
    case 'due':
      params.push(term.date);
      return `i.due_date ${term.op} ?`;
    case 'overdue':
      params.push(today);
      return term.value ? "(i.status <> 'resolved' AND i.due_date < ?)" : "NOT (i.status <> 'resolved' AND coalesce(i.due_date < ?, 0))";
    case 'archived':
      return term.value ? 'i.archived = 1' : 'i.archived = 0';
  }
}

/** A WHERE clause for the query's terms; archived instructions are left out unless asked for. */
export function compileFilter(ctx: StoreContext, query: ParsedQuery, today: string): CompiledFilter {
  const params: unknown[] = [];
  const parts: string[] = [];
  // Free text is looked up in instruction_search: bring it up to date with the latest changes first.
  if (query.terms.some((t) => t.kind === 'text')) syncSearchIndex(ctx);
  // The words that must all occur go to the index as one MATCH (one lookup instead of one per word).
  const words = query.terms.filter((t): t is Extract<QueryTerm, { kind: 'text' }> => t.kind === 'text' && !t.negated);
  for (const term of query.terms) {
    if (term.kind === 'text' && !term.negated && term !== words[0]) continue;
    const sql = termSql(ctx, term === words[0] ? { ...term, value: words.map((w) => w.value).join(' ') } : term, params, today);
    parts.push(term.negated ? `NOT coalesce((${sql}), 0)` : `(${sql})`);
  }
  if (!query.terms.some((t) => t.kind === 'archived')) parts.push('i.archived = 0');
  return { where: parts.join(' AND '), params };
}
