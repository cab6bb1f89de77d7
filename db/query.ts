// The search language (Kanboard-style): free text plus `field:value` terms, Cyrillic and Latin
// alike. Parsing never throws: a malformed query yields a list of problems with their positions.
import type { IsoDate, Priority, QueryProblemInfo, Status } from './model';
import { isIsoDate } from './dates';

export type TermField = 'status' | 'org' | 'topic' | 'meeting' | 'due' | 'overdue' | 'priority' | 'assignee' | 'archived' | 'resolved' | 'extended' | 'created';

/** How an instruction was resolved against its deadline in force (db/discipline.ts defines it). */
export type ResolvedAs = 'yes' | 'no' | 'ontime' | 'late';
export type Comparison = '<' | '<=' | '>' | '>=' | '=';

export type QueryTerm =
  | { kind: 'text'; value: string; negated: boolean }
  | { kind: 'status'; values: Status[]; negated: boolean }
  | { kind: 'priority'; values: Priority[]; negated: boolean }
  | { kind: 'org' | 'topic' | 'meeting' | 'assignee'; value: string; negated: boolean }
  | { kind: 'due' | 'created'; op: Comparison; date: IsoDate; negated: boolean }
  | { kind: 'overdue' | 'archived' | 'extended'; value: boolean; negated: boolean }
  | { kind: 'resolved'; value: ResolvedAs; negated: boolean };

export type QueryProblem = QueryProblemInfo;

export interface ParsedQuery {
  terms: QueryTerm[];
  problems: QueryProblem[];
}

/** Lower-cases and folds the letters Russian writers use interchangeably (ё/е). */
export function foldText(value: string): string {
  return value.toLocaleLowerCase('ru').replace(/ё/g, 'е').trim();
}

const FIELD_ALIASES: Record<string, TermField> = {
  status: 'status', state: 'status', статус: 'status', состояние: 'status',
  org: 'org', organization: 'org', organisation: 'org', ministry: 'org', орг: 'org', организация: 'org', министерство: 'org', ведомство: 'org',
  topic: 'topic', tag: 'topic', тема: 'topic', тег: 'topic',
  meeting: 'meeting', совещание: 'meeting', встреча: 'meeting',
  due: 'due', deadline: 'due', срок: 'due',
  overdue: 'overdue', просрочено: 'overdue', просрочен: 'overdue', просрочка: 'overdue',
  priority: 'priority', приоритет: 'priority',
  assignee: 'assignee', executor: 'assignee', исполнитель: 'assignee', ответственный: 'assignee',
  archived: 'archived', архив: 'archived',
  // Kazakh and Kyrgyz: the words their interfaces show (renderer/src/i18n search.fieldName) and
  // the field labels of the card (Мәртебесі, Абалы, Мерзімі, Мөөнөтү …); тема and архив as in Russian.
  мәртебе: 'status', мәртебесі: 'status', күйі: 'status', абалы: 'status', абал: 'status',
  ұйым: 'org', министрлік: 'org', уюм: 'org', министрлик: 'org',
  тақырып: 'topic',
  кеңес: 'meeting', отырыс: 'meeting', жыйналыш: 'meeting',
  мерзім: 'due', мерзімі: 'due', мөөнөт: 'due', мөөнөтү: 'due',
  кешікті: 'overdue', кешіккен: 'overdue', кечикти: 'overdue', кечиккен: 'overdue',
  басымдық: 'priority', артыкчылык: 'priority',
  жауапты: 'assignee', орындаушы: 'assignee', жооптуу: 'assignee', аткаруучу: 'assignee',
  мұрағат: 'archived', мұрағатта: 'archived', архивде: 'archived',
  // The execution-discipline figures' click-through (db/discipline.ts): resolved on time or late,
  // extended, created in a period.
  resolved: 'resolved', исполнено: 'resolved', исполнен: 'resolved', орындалды: 'resolved', аткарылды: 'resolved',
  extended: 'extended', продлено: 'extended', продлен: 'extended', ұзартылды: 'extended', узартылды: 'extended',
  created: 'created', создано: 'created', создан: 'created', құрылды: 'created', түзүлдү: 'created',
};

const RESOLVED_ALIASES: Record<string, ResolvedAs> = {
  ontime: 'ontime', on_time: 'ontime', в_срок: 'ontime', вовремя: 'ontime', своевременно: 'ontime', мерзімінде: 'ontime', мөөнөтүндө: 'ontime',
  late: 'late', с_опозданием: 'late', несвоевременно: 'late', поздно: 'late', кешігіп: 'late', кешікті: 'late', кечигип: 'late', кечикти: 'late',
};

const STATUS_ALIASES: Record<string, Status> = {
  assigned: 'assigned', new: 'assigned', назначено: 'assigned', назначен: 'assigned', новое: 'assigned', новые: 'assigned',
  тағайындалды: 'assigned', дайындалды: 'assigned',
  in_progress: 'in_progress', progress: 'in_progress', inprogress: 'in_progress', working: 'in_progress',
  в_работе: 'in_progress', исполняется: 'in_progress', исполнение: 'in_progress',
  орындалуда: 'in_progress', аткарылууда: 'in_progress',
  report_submitted: 'report_submitted', report: 'report_submitted', submitted: 'report_submitted',
  отчет: 'report_submitted', отчет_представлен: 'report_submitted', на_проверке: 'report_submitted',
  есеп: 'report_submitted', есеп_ұсынылды: 'report_submitted', отчет_берилди: 'report_submitted',
  resolved: 'resolved', done: 'resolved', closed: 'resolved', исполнено: 'resolved', снято: 'resolved', снято_с_контроля: 'resolved',
  орындалды: 'resolved', аткарылды: 'resolved',
};

const PRIORITY_ALIASES: Record<string, Priority> = {
  low: 'low', низкий: 'low',
  normal: 'normal', medium: 'normal', обычный: 'normal', средний: 'normal',
  high: 'high', высокий: 'high',
  critical: 'critical', urgent: 'critical', критический: 'critical', срочный: 'critical', срочно: 'critical',
  // Kazakh and Kyrgyz, as their interfaces show them.
  төмен: 'low', қалыпты: 'normal', жоғары: 'high', шұғыл: 'critical',
  төмөн: 'low', кадимки: 'normal', жогору: 'high', шашылыш: 'critical',
};

const YES = new Set(['yes', 'y', 'true', '1', 'да', 'д', 'иә', 'ия', 'ооба']);
const NO = new Set(['no', 'n', 'false', '0', 'нет', 'н', 'жоқ', 'жок']);

function lookup<T>(aliases: Record<string, T>, raw: string): T | undefined {
  const key = foldText(raw).replace(/[\s-]+/g, '_');
  if (key in aliases) return aliases[key];
  // A unique prefix of a known word is enough ("resol", "испол…" is ambiguous and refused).
  const matches = new Set(Object.entries(aliases).filter(([alias]) => alias.startsWith(key)).map(([, v]) => v));
  return key.length >= 3 && matches.size === 1 ? [...matches][0] : undefined;
}

/** A priority as officials write it (`high`, `срочно`, a unique prefix); undefined when unknown. */
export function parsePriority(raw: string): Priority | undefined {
  return lookup(PRIORITY_ALIASES, raw);
}

interface Token {
  text: string;
  at: number;
  negated: boolean;
  /** Set when the whole token, or its value after `field:`, was quoted. */
  quoted: boolean;
  field: string | null;
}

function tokenize(query: string, problems: QueryProblem[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    while (i < query.length && /\s/.test(query[i] as string)) i++;
    if (i >= query.length) break;
    const start = i;
    let negated = false;
    if (query[i] === '-' && i + 1 < query.length && !/\s/.test(query[i + 1] as string)) {
      negated = true;
      i++;
    }
    let field: string | null = null;
    // field:value where field is a word of letters.
    const fieldMatch = /^([\p{L}_]+):/u.exec(query.slice(i));
    if (fieldMatch) {
      field = fieldMatch[1] as string;
      i += fieldMatch[0].length;
      // "мәртебе: орындалды": the value may follow after a space, unless what follows is another field.
      let j = i;
      while (j < query.length && /\s/.test(query[j] as string)) j++;
      if (j > i && j < query.length && !/^-?[\p{L}_]+:/u.test(query.slice(j))) i = j;
    }
    let text = '';
    let quoted = false;
    if (query[i] === '"' || query[i] === '«') {
      const close = query[i] === '"' ? '"' : '»';
      const end = query.indexOf(close, i + 1);
      if (end < 0) {
        problems.push({ code: 'unterminated_quote', at: i });
        text = query.slice(i + 1);
        i = query.length;
      } else {
        text = query.slice(i + 1, end);
        i = end + 1;
      }
      quoted = true;
    } else {
      while (i < query.length && !/\s/.test(query[i] as string)) text += query[i++];
    }
    tokens.push({ text, at: start, negated, quoted, field });
  }
  return tokens;
}

function parseDate(raw: string, today: IsoDate): IsoDate | null {
  const value = foldText(raw);
  if (value === 'today' || value === 'сегодня' || value === 'бүгін' || value === 'бүгүн') return today;
  if (isIsoDate(value)) return value;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (dotted) {
    const iso = `${dotted[3]}-${(dotted[2] as string).padStart(2, '0')}-${(dotted[1] as string).padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  return null;
}

/**
 * The most terms a query (a board's filter and the search over it, together) may have. Each term
 * nests the compiled WHERE one level deeper, and SQLite refuses a tree deeper than 1000
 * ("Expression tree is too large"); 200 keeps well clear of that with the deepest terms.
 */
export const MAX_QUERY_TERMS = 200;

export function parseQuery(query: string, today: IsoDate): ParsedQuery {
  const problems: QueryProblem[] = [];
  const terms: QueryTerm[] = [];
  // "№ 12/3" and "No. 12/3" ask for a control number: one term, "№12/3" (db/filter.ts).
  query = query.replace(/(^|\s)(№|No\.?)\s*(?=[^\s"«]*\d)/giu, '$1№');
  for (const token of tokenize(query, problems)) {
    const { negated, at } = token;
    if (token.field === null) {
      if (token.text.trim() !== '') terms.push({ kind: 'text', value: token.text, negated });
      continue;
    }
    const field = FIELD_ALIASES[foldText(token.field)];
    if (!field) {
      problems.push({ code: 'unknown_field', at, field: token.field });
      continue;
    }
    const value = token.text.trim();
    if (value === '') {
      problems.push({ code: 'empty_value', at, field });
      continue;
    }
    switch (field) {
      case 'status':
      case 'priority': {
        const aliases: Record<string, Status | Priority> = field === 'status' ? STATUS_ALIASES : PRIORITY_ALIASES;
        const parts = token.quoted ? [value] : value.split(',').filter((p) => p !== '');
        const values = parts.map((p) => lookup(aliases, p));
        const bad = parts.find((_, k) => values[k] === undefined);
        if (bad !== undefined) {
          problems.push({ code: 'bad_value', at, field, value: bad });
          break;
        }
        if (field === 'status') terms.push({ kind: 'status', values: values as Status[], negated });
        else terms.push({ kind: 'priority', values: values as Priority[], negated });
        break;
      }
      case 'org':
      case 'topic':
      case 'meeting':
      case 'assignee':
        terms.push({ kind: field, value, negated });
        break;
      case 'due':
      case 'created': {
        const m = /^(<=|>=|<|>|=)?(.*)$/.exec(value) as RegExpExecArray;
        const date = parseDate(m[2] as string, today);
        if (!date) {
          problems.push({ code: 'bad_date', at, field, value: m[2] as string });
          break;
        }
        terms.push({ kind: field, op: (m[1] as Comparison | undefined) ?? '=', date, negated });
        break;
      }
      case 'resolved': {
        const folded = foldText(value).replace(/[\s-]+/g, '_');
        const as: ResolvedAs | undefined = YES.has(folded) ? 'yes' : NO.has(folded) ? 'no' : RESOLVED_ALIASES[folded];
        if (as) terms.push({ kind: 'resolved', value: as, negated });
        else problems.push({ code: 'bad_value', at, field, value });
        break;
      }
      case 'overdue':
      case 'archived':
      case 'extended': {
        const folded = foldText(value);
        if (YES.has(folded)) terms.push({ kind: field, value: true, negated });
        else if (NO.has(folded)) terms.push({ kind: field, value: false, negated });
        else problems.push({ code: 'bad_value', at, field, value });
        break;
      }
    }
  }
  if (terms.length > MAX_QUERY_TERMS) problems.push({ code: 'too_many_terms', at: 0, value: String(MAX_QUERY_TERMS) });
  problems.sort((a, b) => a.at - b.at);
  return { terms, problems };
}
