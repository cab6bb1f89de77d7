// Candidate instructions: the sentences that give, assign or call for work. A trigger (an
// instruction given, a task set, ministries that "will consider", an invitation, an agreement)
// with its own object makes candidates of that object; a trigger pointing back ("these issues",
// "данные вопросы") takes the issues the sentences before it discussed. A sentence listing several
// issues gives one candidate per issue — each gets its own lead ministry and deadline, which is
// what an official tracking them wants. Discussion alone, interest, or praise gives none.
import type { CandidateKind, ReadoutCandidate, ReadoutLanguage, SuggestedOrganization } from '../../../../db/intake-types';
import type { IsoDate } from '../../../../db/model';
import { foldText } from '../../../../db/query';
import { ROLES, TOPIC_PATTERNS, type Role } from './lexicon';
import { capitalise } from './people';
import type { Sentence } from './sentences';
import { countryNamed, matchNamedBody, orgCountryKey, type CatalogOrganization } from './bodies';
import { newFindContext, obligationsOf, stripReporting } from './obligations';
import { deadlineOf, REPORT_DUE, SAME_DEADLINE, type MeetingWhen } from './when';

export interface ReadoutCatalog {
  organizations: CatalogOrganization[];
  tags: { id: string; code: string }[];
}

export interface CandidateContext {
  language: ReadoutLanguage;
  meetingDate: IsoDate | null;
  homeCountry: string | null;
  catalog: ReadoutCatalog;
  /** The day the text is read: a yearless deadline in a text without a meeting date counts from it. */
  today: IsoDate;
  textYear: MeetingWhen['textYear'];
}

interface Trigger {
  kind: CandidateKind;
  index: number;
  length: number;
}

const EN_TRIGGERS: [CandidateKind, RegExp][] = [
  [
    'instruction',
    /\binstructions? (?:was |were |has been |have been )?(?:given|issued)\b|\bgave (?:an? )?(?:instructions?|orders?)\b|\b(?:was |were |has been |have been )?(?:instructed|tasked|entrusted|directed|ordered|charged)\b|\b(?:called (?:for|on|upon)|urged|proposed|suggested|it is necessary)\b/i,
  ],
  ['task', /\bset (?:the|a|an) (?:task|goal|target)\b|\b(?:task|goal|target) (?:was|has been|is|were) set\b|\bthe (?:task|goal|target) (?:of|is)\b/i],
  [
    'consideration',
    /\bwill (?:consider|work out|study|examine|prepare|develop|address|resolve|ensure|review|elaborate|draft|look into)\b|\b(?:will be|are to be|is to be) (?:considered|worked out|studied|examined|prepared|developed|addressed|resolved|reviewed)\b/i,
  ],
  ['agreement', /\b(?:agreed|decided|undertook) to\b|\bagreement was reached to\b|\bagreed on\b/i],
  ['invitation', /\binvited\b/i],
];

const RU_TRIGGERS: [CandidateKind, RegExp][] = [
  [
    'instruction',
    /(?<![\p{L}])(?:поруч(?:ено|ил[аи]?|ается|аются|ить)|дан[оы]? поручени\p{L}*|дал[аи]? поручени\p{L}*|поручени[ея] (?:были )?дан[оы]?|призвал\p{L}*|предложил\p{L}*|необходимо|следует)(?![\p{L}])/iu,
  ],
  ['task', /(?<![\p{L}])(?:постав(?:лена|лены|ил[аи]?|ить) (?:задач\p{L}*|цель)|задача (?:состоит|заключается)|ставится задача)(?![\p{L}])/iu],
  [
    'consideration',
    /(?<![\p{L}])(?:рассмотрят|проработают|изучат|подготовят|разработают|обеспечат|решат|будут (?:рассмотрены|проработаны|изучены|подготовлены|разработаны)|будет (?:рассмотрен|проработан|изучен|подготовлен|разработан)\p{L}*)(?![\p{L}])/iu,
  ],
  ['agreement', /(?<![\p{L}])(?:договорил\p{L}*|условил\p{L}*|решили|согласились|достигнут[аы]? договоренност\p{L}*)(?![\p{L}])/iu],
  ['invitation', /(?<![\p{L}])(?<!по )(?:пригласил\p{L}*|приглашени\p{L}*)(?![\p{L}])/iu],
];

const EN_DISCUSS =
  /\b(?:discussed|touched upon|touched on|considered|raised|addressed|exchanged views on|talked about|focused on|reviewed|discussion of)\b/i;
const RU_DISCUSS = /(?<![\p{L}])(?:обсудил\p{L}*|обсужд\p{L}*|затронул\p{L}*|затронут\p{L}*|рассмотрел\p{L}*|рассмотрены|обменял\p{L}* мнениями|уделил\p{L}* внимание)/iu;

const EN_ANAPHOR = /^(?:all )?(?:these|those|the above|the said|the mentioned|the discussed|such|the) (?:issues|questions|matters|topics|problems|proposals|projects)\b|^(?:them|it|this)\b/i;
const RU_ANAPHOR =
  /^(?:все )?(?:эти|данные|указанные|названные|обозначенные|перечисленные|вышеуказанные|озвученные|обсужденные|обсуждённые|затронутые)\s+(?:вопрос\p{L}*|проблем\p{L}*|тем\p{L}*|предложени\p{L}*|проект\p{L}*|направлени\p{L}*)|^(?:их|эту работу)(?![\p{L}])/iu;

function findTrigger(text: string, language: ReadoutLanguage): Trigger | null {
  let best: Trigger | null = null;
  for (const [kind, re] of language === 'en' ? EN_TRIGGERS : RU_TRIGGERS) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.index)) best = { kind, index: m.index, length: m[0].length };
  }
  return best;
}

// ---- English verbs ----

const PARTICLES = new Set(['out', 'up', 'forward', 'through', 'over', 'into']);
const NOT_VERBS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'all', 'each', 'every']);
const E_GERUNDS: Record<string, string> = {
  increasing: 'increase', creating: 'create', making: 'make', ensuring: 'ensure', preparing: 'prepare', providing: 'provide', improving: 'improve',
  reducing: 'reduce', organizing: 'organize', organising: 'organise', raising: 'raise', using: 'use', resolving: 'resolve', achieving: 'achieve',
  completing: 'complete', continuing: 'continue', issuing: 'issue', producing: 'produce', introducing: 'introduce', promoting: 'promote',
  facilitating: 'facilitate', updating: 'update', approving: 'approve', removing: 'remove', securing: 'secure', exploring: 'explore', including: 'include',
  purchasing: 'purchase', simplifying: 'simplify', diversifying: 'diversify', supplying: 'supply', studying: 'study', finalizing: 'finalize',
  finalising: 'finalise', coordinating: 'coordinate', accelerating: 'accelerate', intensifying: 'intensify', restoring: 'restore', resuming: 'resume',
  analysing: 'analyse', analyzing: 'analyze', locating: 'locate', relocating: 'relocate', stimulating: 'stimulate', activating: 'activate',
  liberalizing: 'liberalize', harmonizing: 'harmonize', modernizing: 'modernize', having: 'have', giving: 'give', taking: 'take', setting: 'set',
  getting: 'get', putting: 'put', planning: 'plan', running: 'run', stopping: 'stop', shipping: 'ship', cutting: 'cut',
};

function baseVerb(word: string): string {
  const lower = word.toLowerCase();
  if (E_GERUNDS[lower]) return E_GERUNDS[lower] as string;
  if (lower.endsWith('ing') && lower.length > 5) return lower.slice(0, -3);
  if (/(?:ed)$/.test(lower)) {
    const past: Record<string, string> = { considered: 'consider', studied: 'study', prepared: 'prepare', developed: 'develop', addressed: 'address', resolved: 'resolve', examined: 'examine', reviewed: 'review' };
    if (past[lower]) return past[lower] as string;
  }
  return lower;
}

/** `to work out X` after `from`: the verb (with its particle) and what follows. */
function enInfinitive(text: string): { verb: string; rest: string } | null {
  const re = /\bto ([a-z]+)\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[1] as string;
    if (NOT_VERBS.has(word) || /(?:tion|ment|ness|ity)$/.test(word)) continue;
    let rest = text.slice(m.index + m[0].length).trimStart();
    let verb = word;
    const particle = /^([a-z]+)\b/.exec(rest)?.[1];
    if (particle && PARTICLES.has(particle)) {
      verb = `${word} ${particle}`;
      rest = rest.slice(particle.length).trimStart();
    }
    return { verb, rest };
  }
  return null;
}

// ---- Russian verbs ----

const RU_FUTURE: Record<string, string> = {
  рассмотрят: 'рассмотреть', проработают: 'проработать', изучат: 'изучить', подготовят: 'подготовить', разработают: 'разработать', обеспечат: 'обеспечить', решат: 'решить',
  рассмотрены: 'рассмотреть', проработаны: 'проработать', изучены: 'изучить', подготовлены: 'подготовить', разработаны: 'разработать',
  рассмотрен: 'рассмотреть', проработан: 'проработать', изучен: 'изучить', подготовлен: 'подготовить', разработан: 'разработать',
};

function isRuInfinitive(word: string): boolean {
  const w = word.toLowerCase();
  if (!/(?:ть|ти|чь)(?:ся)?$/u.test(w)) return false;
  return !/(?:сть|ость|ность|путь|сеть|часть|власть|треть|печать|мать|знать|рать)$/u.test(w) || /^(?:знать|узнать)$/u.test(w);
}

function ruInfinitive(text: string): { verb: string; rest: string } | null {
  const re = /[\p{L}-]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (isRuInfinitive(m[0])) return { verb: m[0].toLowerCase(), rest: text.slice(m.index + m[0].length).trimStart() };
  }
  return null;
}

// ---- issues ----

interface Issue {
  text: string;
  /** Russian: the issue came after «вопрос(ы)», in the genitive ("вопрос поставки …"). */
  ofQuestion: boolean;
  sentence: Sentence;
}

function trimEnd(text: string): string {
  return text.replace(/[\s.,;:!?…]+$/u, '').trim();
}

/** `its territory` → `the territory of Kazakhstan` when the sentence named the country before. */
function resolvePronouns(text: string, context: string, language: ReadoutLanguage): string {
  if (language === 'en') {
    const country = [...context.matchAll(/\b(Kazakhstan|Kyrgyzstan|Uzbekistan|Tajikistan|Turkmenistan|Russia|China)\b/g)].pop()?.[1];
    return country ? text.replace(/\bits territory\b/g, `the territory of ${country}`) : text;
  }
  const genitive: Record<string, string> = { Казахстан: 'Казахстана', Кыргызстан: 'Кыргызстана', Узбекистан: 'Узбекистана', Таджикистан: 'Таджикистана', Туркменистан: 'Туркменистана', Росси: 'России', Кита: 'Китая' };
  const country = [...context.matchAll(/(Казахстан|Кыргызстан|Узбекистан|Таджикистан|Туркменистан|Росси|Кита)\p{L}*/gu)].pop()?.[1];
  return country ? text.replace(/(?<![\p{L}])(?:его|её|ее) территори(ю|и|ей)/gu, (_m, end: string) => `территори${end} ${genitive[country]}`) : text;
}

const EN_ADJECTIVE_END = /(?:al|ic|ive|ous|ful|ary|ern)$/;
const RU_ADJECTIVE_END = /(?:ого|его|ой|ей|ых|их|ый|ий|ая|яя|ое|ее|ые|ие|ую|юю|ым|им|ыми|ими)$/u;

/** One phrase listing several issues → the issues. */
export function splitIssues(text: string, language: ReadoutLanguage): string[] {
  const listJoin = language === 'en' ? /\s*,?\s+(?:as well as|and also|along with)\s+/i : /\s*,?\s+(?:а также|а равно|как и)\s+/iu;
  const parts: string[] = [];
  for (const piece of text.split(listJoin)) {
    // Commas separate issues, except short fragments (`trade, economic, agricultural …`).
    const fragments: string[] = [];
    for (const f of piece.split(/\s*[,;]\s*/)) {
      const words = f.trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      // A clause that qualifies the issue before it (`who received …`, `получивших …`) stays with it.
      const qualifies =
        language === 'en' ? /^(?:who|which|that|including|especially|particularly|in particular)$/i.test(words[0] as string) : RU_ADJECTIVE_END.test((words[0] as string).toLowerCase()) || /^котор/iu.test(words[0] as string);
      if (fragments.length > 0 && (words.length < 3 || qualifies)) fragments[fragments.length - 1] += `, ${f.trim()}`;
      else fragments.push(f.trim());
    }
    for (const fragment of fragments) parts.push(...splitAnd(fragment, language));
  }
  return parts.map((p) => trimEnd(stripIssueWords(p, language))).filter((p) => p.split(/\s+/).length >= 2);
}

function splitAnd(fragment: string, language: ReadoutLanguage): string[] {
  const joiner = language === 'en' ? ' and ' : ' и ';
  const at = fragment.indexOf(joiner);
  if (at < 0) return [fragment];
  const left = fragment.slice(0, at).trim();
  const right = fragment.slice(at + joiner.length).trim();
  const leftWords = stripIssueWords(left, language).split(/\s+/);
  const rightWords = right.split(/\s+/);
  const first = (rightWords[0] ?? '').toLowerCase();
  let parallel: boolean;
  if (language === 'en') {
    parallel =
      leftWords.length >= 2 &&
      rightWords.length >= 3 &&
      (first === (leftWords[0] ?? '').toLowerCase() || /^(?:the|a|an)$/.test(first) || (/(?:tion|sion|ment|ing|ance|ence)$/.test(first) && !EN_ADJECTIVE_END.test(first)));
  } else {
    parallel = leftWords.length >= 2 && rightWords.length >= 2 && !RU_ADJECTIVE_END.test(first) && /^\p{Ll}/u.test(first);
  }
  if (!parallel) return [fragment];
  return [left, ...splitAnd(right, language)];
}

function stripIssueWords(text: string, language: ReadoutLanguage): string {
  return language === 'en'
    ? text.replace(/^(?:the\s+)?(?:issues?|questions?|matters?|topics?)\s+(?:of|on|related to|concerning|regarding)\s+/i, '')
    : text.replace(/^(?:вопрос\p{L}*|тем\p{L}*)\s+/iu, '');
}

/** The issues a sentence discusses, if it discusses any. */
function discussedIssues(sentence: Sentence, text: string, language: ReadoutLanguage): Issue[] {
  const discuss = language === 'en' ? EN_DISCUSS : RU_DISCUSS;
  const verb = discuss.exec(text);
  if (!verb) return [];
  let t = trimEnd(text);
  let ofQuestion = false;
  const particular = [...t.matchAll(language === 'en' ? /\b(?:in particular|including|namely|specifically|such as)\b[,:]?\s*/gi : /(?:в частности|в том числе|а именно|включая)[,:]?\s*/giu)].pop();
  const issueWord = (language === 'en' ? /\b(?:issues?|questions?|matters?|prospects?)\s+(?:of|on|related to|concerning|regarding)\s+/i : /(?<![\p{L}])вопрос\p{L}*\s+/iu).exec(t);
  if (particular) t = t.slice((particular.index ?? 0) + particular[0].length);
  else if (issueWord) t = t.slice(issueWord.index + issueWord[0].length);
  else t = t.slice(verb.index + verb[0].length);
  if (language === 'ru') {
    const q = /^вопрос\p{L}*\s+/iu.exec(t);
    if (q) t = t.slice(q[0].length);
    ofQuestion = Boolean(q) || (!particular && Boolean(issueWord));
    t = t.replace(/\s+(?:был[иао]?\s+)?(?:также\s+)?(?:обсуждены|обсуждались|обсуждался|обсуждена|рассмотрены|затронуты)(?![\p{L}]).*$/iu, '');
  } else {
    t = t.replace(/\s+(?:were|was|have been|had been)\s+(?:also\s+)?(?:discussed|considered|raised|touched upon|addressed|reviewed)\b.*$/i, '');
  }
  t = resolvePronouns(t, text, language);
  return splitIssues(t, language).map((issue) => ({ text: issue, ofQuestion, sentence }));
}

// ---- organizations, topics, deadlines ----

function fold(text: string): string {
  return foldText(text).replace(/[«»"“”'’.,()]/g, '').replace(/\s+/g, ' ');
}

function suggestFor(role: Role, context: CandidateContext, named?: { name: string; country: string | null }): SuggestedOrganization[] {
  let matches = context.catalog.organizations.filter((o) => [o.name, o.shortName, ...(o.names ?? [])].some((n) => n !== null && n !== undefined && role.pattern.test(n)));
  // A body the text names with its country is that country's, never the other's.
  if (named?.country) matches = matches.filter((o) => orgCountryKey(o) === null || orgCountryKey(o) === named.country);
  if (matches.length === 0) {
    if (named) return [named.country ? { existingId: null, name: capitalise(named.name), country: named.country } : { existingId: null, name: capitalise(named.name) }];
    return [{ existingId: null, name: role.names[context.language === 'en' ? 'en' : 'ru'] }];
  }
  const home = named?.country ?? context.homeCountry;
  const ranked = [...matches].sort((a, b) => Number(orgCountryKey(b) === home) - Number(orgCountryKey(a) === home));
  return ranked.slice(0, 2).map((o) => ({ existingId: o.id, name: o.name }));
}

function topicsOf(text: string): string[] {
  return TOPIC_PATTERNS.filter(([, re]) => re.test(text)).map(([code]) => code);
}

function organizationsFor(draft: Draft, topics: string[], context: CandidateContext): SuggestedOrganization[] {
  const out: SuggestedOrganization[] = [];
  // The executors the text names come first: a ministry of a named country stays that country's.
  for (const lead of draft.leads) {
    const country = countryNamed(lead);
    const roles = ROLES.filter((r) => (r.mention ?? r.pattern).test(lead));
    if (roles.length > 0) for (const role of roles) out.push(...suggestFor(role, context, { name: lead, country }));
    else out.push(...matchNamedBody(lead, context.catalog.organizations, context.homeCountry));
  }
  const roles: Role[] = [];
  if (draft.leads.length === 0) {
    // Ministries the sentence names itself come first.
    for (const role of ROLES) if ((role.mention ?? role.pattern).test(draft.sentence.text)) roles.push(role);
  }
  const wanted = draft.kind === 'invitation' ? ['international', ...topics] : topics;
  for (const topic of wanted) for (const role of ROLES) if (role.topics[0] === topic && !roles.includes(role)) roles.push(role);
  for (const topic of wanted) for (const role of ROLES) if (role.topics.includes(topic) && !roles.includes(role)) roles.push(role);
  // A body the text names with its country keeps the suggestions to that country.
  const named = draft.leads.map(countryNamed).filter((c): c is string => c !== null);
  for (const role of roles) {
    // A topic's ministry is suggested only from the store, or when the text names no executor.
    const suggestions = suggestFor(role, context).filter((x) => named.length === 0 || x.existingId === null || named.includes(orgCountryKey(context.catalog.organizations.find((o) => o.id === x.existingId) as CatalogOrganization) ?? ''));
    if (draft.leads.length > 0 && suggestions.every((x) => x.existingId === null)) continue;
    out.push(...suggestions);
  }
  const unique: SuggestedOrganization[] = [];
  const seen = new Set<string>();
  for (const o of out) {
    const key = o.existingId ?? fold(o.name);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(o);
  }
  return unique.slice(0, 4);
}

// ---- titles ----

function cutClause(text: string, language: ReadoutLanguage): { object: string; tail: string } {
  const re = language === 'en' ? /,\s*(?:which|who|where|while|whereas|so that)\b|;/i : /,\s*(?:котор\p{L}*|где|когда|чтобы)(?![\p{L}])|;/iu;
  const m = re.exec(text);
  return m ? { object: trimEnd(text.slice(0, m.index)), tail: text.slice(m.index) } : { object: trimEnd(text), tail: '' };
}

function cap(text: string, max = 300): string {
  const clean = capitalise(text.replace(/\s+/g, ' ').trim());
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

interface Draft {
  kind: CandidateKind;
  title: string;
  /** The words the topics and ministries are judged by. */
  subject: string;
  source: string;
  sentence: Sentence;
  /** The executors the text names, the lead first (as named). */
  leads: string[];
  /** The words the deadline is read from. */
  clause: string;
  fromEllipsis?: boolean;
}

function fromTrigger(sentence: Sentence, trigger: Trigger, pool: Issue[], language: ReadoutLanguage): Draft[] {
  const text = trimEnd(sentence.text);
  const after = text.slice(trigger.index + trigger.length);
  const source = sentence.text;
  const make = (title: string, subject: string, kind = trigger.kind): Draft => ({ kind, title: cap(title), subject, source, sentence, leads: [], clause: sentence.text });

  // A verb and its object.
  let verb: string | null = null;
  let object = '';
  let tail = '';
  if (language === 'en') {
    if (trigger.kind === 'task') {
      const m = /^\s*(?:of|is|was|to)?\s*(?:to\s+)?([a-z]+)\s+(.*)$/i.exec(after);
      if (m) {
        verb = baseVerb(m[1] as string);
        ({ object, tail } = cutClause(m[2] as string, language));
      }
    } else if (trigger.kind === 'invitation') {
      const m = /\bto\s+(.*)$/i.exec(after);
      if (m) {
        const rest = m[1] as string;
        const first = /^([a-z]+)\b/.exec(rest)?.[1];
        if (first && !NOT_VERBS.has(first) && !/^(?:next|first|second|third|annual|regular|upcoming|forthcoming|\d)/.test(first)) {
          verb = first;
          ({ object, tail } = cutClause(rest.slice(first.length).trimStart(), language));
        } else {
          verb = 'take part in';
          ({ object, tail } = cutClause(rest, language));
        }
      }
    } else if (trigger.kind === 'consideration') {
      const future = /will\s+((?:work|look) (?:out|into)|[a-z]+)\s+(.*)$/i.exec(text.slice(trigger.index));
      if (future) {
        verb = (future[1] as string).toLowerCase();
        ({ object, tail } = cutClause(future[2] as string, language));
      } else {
        const passive = /(?:will be|are to be|is to be)\s+([a-z]+(?: out)?)/i.exec(text.slice(trigger.index));
        verb = passive ? baseVerb(passive[1] as string) : 'consider';
        const before = text.slice(0, trigger.index).replace(/^(?:[^,]*,\s*)?/, '');
        ({ object } = cutClause(before, language));
      }
    } else {
      // `agreed to prepare …`: the trigger itself ends with `to`.
      const direct = /\bto$/i.test(text.slice(trigger.index, trigger.index + trigger.length)) ? /^\s*([a-z]+)\s+(.*)$/i.exec(after) : null;
      const inf = direct ? enInfinitive(`to ${direct[1]} ${direct[2]}`) : enInfinitive(after);
      if (inf) {
        verb = inf.verb;
        ({ object, tail } = cutClause(inf.rest, language));
      }
    }
  } else {
    const trig = text.slice(trigger.index, trigger.index + trigger.length).toLowerCase().split(/\s+/).pop() ?? '';
    if (trigger.kind === 'consideration') {
      verb = RU_FUTURE[trig] ?? 'рассмотреть';
      const before = text.slice(0, trigger.index);
      const afterVerb = after.trim();
      if (/^будут|^будет/u.test(text.slice(trigger.index, trigger.index + 6)) || afterVerb === '') ({ object } = cutClause(before.replace(/^(?:[^,]*,\s*)?/u, ''), language));
      else ({ object, tail } = cutClause(afterVerb, language));
    } else {
      const inf = ruInfinitive(after);
      if (inf) {
        verb = inf.verb;
        ({ object, tail } = cutClause(inf.rest, language));
      } else if (trigger.kind === 'invitation') {
        const m = /(?<![\p{L}])(на|в)\s+(.*)$/u.exec(after);
        if (m) {
          verb = `рассмотреть приглашение ${m[1]}`;
          ({ object, tail } = cutClause(m[2] as string, language));
        }
      }
    }
  }
  if (!verb) return [make(text, text)];

  // Where the event the invitation is for takes place.
  if (trigger.kind === 'invitation') {
    const city = language === 'en' ? /\bin ([A-Z][\p{L}-]+)\s*$/u.exec(trimEnd(tail)) : /(?<![\p{L}])в ([А-ЯЁ][\p{L}-]+)\s*$/u.exec(trimEnd(tail));
    if (city && !/^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(city[1] as string)) {
      object = `${object} ${language === 'en' ? 'in' : 'в'} ${city[1]}`;
    }
  }

  // "these issues": the issues discussed before.
  const anaphor = (language === 'en' ? EN_ANAPHOR : RU_ANAPHOR).exec(object.trim());
  if (anaphor && pool.length > 0) {
    const issues = pool.splice(0, pool.length);
    return issues.map((issue) => {
      const title = language === 'ru' && issue.ofQuestion ? `${verb} вопрос ${issue.text}` : `${verb} ${issue.text}`;
      const src = issue.sentence === sentence ? source : `${issue.sentence.text} ${source}`;
      return { kind: trigger.kind, title: cap(title), subject: issue.text, source: src, sentence, leads: [], clause: sentence.text };
    });
  }
  // An object that itself lists issues ("to work out the issues of X and Y").
  const listed =
    language === 'en'
      ? /^(?:the\s+)?(?:issues?|questions?|matters?)\s+(?:of|on|related to|concerning|regarding)\s+(.*)$/i.exec(object)
      : /^(?:вопрос\p{L}*)\s+(.*)$/iu.exec(object);
  if (listed) {
    const issues = splitIssues(resolvePronouns(listed[1] as string, text, language), language);
    if (issues.length > 1) {
      return issues.map((issue) => make(language === 'ru' ? `${verb} вопрос ${issue}` : `${verb} ${issue}`, issue));
    }
  }
  if (object === '') return [make(text, text)];
  // The deadline goes to its own field, not into the title.
  const withoutDeadline = object.replace(language === 'en' ? /\s+(?:by|until|not later than|no later than)\s+[^,;]*\d{4}\s*$/i : /\s+(?:до|не позднее)\s+[^,;]*\d{4}(?:\s*(?:г\.|года))?\s*$/iu, '');
  return [make(`${verb} ${resolvePronouns(withoutDeadline, text, language)}`, object)];
}

const TARGET = /\$\s?\d|\d\s*(?:billion|million|bn|mln|млрд|млн|миллиард|миллион)|(?:долл|dollars|USD|сом|тенге)/iu;
const TRADE = /trade|turnover|товарооборот|торгов/iu;

/** Function words that say nothing about which task a title is. */
const FUNCTION_WORDS = new Set([
  'the', 'and', 'for', 'with', 'all', 'its', 'their', 'from', 'that', 'this', 'these', 'those', 'are', 'was', 'were', 'will', 'been', 'has', 'have',
  'для', 'при', 'что', 'это', 'как', 'его', 'или', 'все', 'так', 'также', 'том', 'чтобы', 'них', 'над', 'под', 'без',
  'және', 'мен', 'бен', 'пен', 'үшін', 'бойынша', 'туралы', 'жана', 'менен', 'үчүн', 'боюнча', 'тууралуу', 'jáne', 'men', 'boıynsha', 'úshin',
]);

function titleWords(title: string, verbLast = false): Set<string> {
  const out = new Set<string>();
  const words = title.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  // The verb says little about which task it is (`submit …`, `… даярдоо`): its object does.
  const content = verbLast ? words.slice(0, -1) : words.slice(1);
  for (const w of content) if (w.length >= 3 && !FUNCTION_WORDS.has(w)) out.add(w.slice(0, 5));
  return out;
}

/** How much of the shorter title the longer one repeats. */
function overlap(a: string, b: string, verbLast: boolean): number {
  const x = titleWords(a, verbLast);
  const y = titleWords(b, verbLast);
  if (Math.min(x.size, y.size) < 3) return x.size > 0 && x.size === y.size && [...x].every((w) => y.has(w)) ? 1 : 0;
  let hit = 0;
  for (const w of x) if (y.has(w)) hit++;
  // Short titles must share more: three words of five about the same markets may be two tasks.
  const share = hit / Math.min(x.size, y.size);
  return Math.min(x.size, y.size) >= 6 ? share : share >= 0.75 ? share : 0;
}

/** The names (capitalised words after the first) of the shorter title are all in the longer one. */
function sameNames(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const have = titleWords(long, false);
  for (const w of long.toLowerCase().match(/[\p{L}\d]+/gu) ?? []) have.add(w.slice(0, 5));
  return (short.match(/(?<=\s)\p{Lu}[\p{L}-]+/gu) ?? []).every((w) => have.has(w.toLowerCase().slice(0, 5)));
}

/**
 * A headline, a lead and a quote that give one task are one candidate: the one saying most is kept.
 * Only a repeat in the text's opening or a few sentences apart counts, so that two items of a long
 * list worded alike (the same task for two countries) stay two.
 */
function mergeRepeats(drafts: (Draft & { dueDate: IsoDate | null })[], language: ReadoutLanguage): (Draft & { dueDate: IsoDate | null })[] {
  const verbLast = language === 'kk' || language === 'ky';
  const worth = (d: Draft & { dueDate: IsoDate | null }) => (d.leads.length > 0 ? 2 : 0) + (d.dueDate ? 1 : 0) + (d.sentence.headline ? 0 : 0.5) + (d.fromEllipsis ? -0.2 : 0);
  const out: (Draft & { dueDate: IsoDate | null })[] = [];
  /** Every title merged into each kept candidate: a repeat may resemble any of them. */
  const titles: string[][] = [];
  for (const d of drafts) {
    const same = out.findIndex((o, k) => o.sentence !== d.sentence && (o.sentence.index <= 2 || d.sentence.index - o.sentence.index <= 3) && (titles[k] ?? [o.title]).some((t) => overlap(t, d.title, verbLast) >= 0.6 && sameNames(t, d.title)));
    if (same < 0) {
      out.push(d);
      titles.push([d.title]);
      continue;
    }
    titles[same]?.push(d.title);
    const kept = out[same] as Draft & { dueDate: IsoDate | null };
    const [better, other] = worth(d) > worth(kept) ? [d, kept] : [kept, d];
    out[same] = {
      ...better,
      leads: better.leads.length > 0 ? better.leads : other.leads,
      dueDate: better.dueDate ?? other.dueDate,
      source: better.source.includes(other.sentence.text) ? better.source : `${better.source}\n${other.sentence.text}`,
    };
  }
  return out;
}

/** The deadline words off a title whose deadline went to its own field. */
function withoutDeadline(title: string, language: ReadoutLanguage): string {
  const t =
    language === 'en'
      ? title.replace(/\s*,?\s*\b(?:by|before|not later than|no later than)\s+(?:the end of (?:the |this )?(?:year|\d{4})|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]+(?:,? \d{4})?|[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|the same date)\s*,?/gu, ' ')
      : language === 'ru'
        ? title.replace(/\s*(?:до|к|не позднее)\s+(?:конца (?:текущего |этого )?(?:года|\d{4} года)|\d{1,2}\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*(?:\s+\d{4}\s*(?:г\.|года|г)?)?(?:\s+(?:этого|текущего) года)?)(?=[\s,.;]|$)/giu, ' ')
        : title.replace(/\s*\d{1,2}[- ]?\p{L}+\s+(?:дейін|деін|deıin|deiin|чейин)(?![\p{L}])/giu, ' ');
  const clean = t.replace(/\s+,/g, ',').replace(/\s{2,}/g, ' ').trim();
  return capitalise(clean);
}

/** Whether the legacy reading of a sentence (issues discussed, then "these issues" assigned) applies. */
function legacyApplies(text: string, trigger: Trigger, pool: Issue[], language: ReadoutLanguage): boolean {
  if (trigger.kind === 'invitation' || (trigger.kind === 'task' && language === 'en')) return true;
  if (pool.length === 0) return false;
  const after = text.slice(trigger.index + trigger.length);
  return language === 'en'
    ? /^\s*(?:[^.]{0,80}?\bto\s+(?:\w+\s+){1,2})?(?:all\s+)?(?:these|those|the above|the said|the mentioned|the discussed|such) (?:issues|questions|matters|topics|problems|proposals|projects)\b|^\s*(?:these|those) (?:issues|questions|matters)\b/i.test(after) || /\b(?:these|those) (?:issues|questions|matters)\b/i.test(text)
    : /(?<![\p{L}])(?:эти|данные|указанные|названные|обозначенные|перечисленные|вышеуказанные|озвученные|обсужденные|обсуждённые|затронутые)\s+(?:вопрос\p{L}*|проблем\p{L}*|тем\p{L}*|предложени\p{L}*|проект\p{L}*|направлени\p{L}*)/iu.test(text);
}

export function findCandidates(sentences: Sentence[], context: CandidateContext): ReadoutCandidate[] {
  const { language } = context;
  const pool: Issue[] = [];
  const drafts: Draft[] = [];
  const find = newFindContext();
  let poolParagraph = -1;
  /** Deadlines that a sentence sets for the task before it (`Доклад – до 1 июня 2021 года`). */
  const reportDue = new Map<Draft, IsoDate>();
  sentences.forEach((sentence, i) => {
    const text = sentence.text;
    const latin = language === 'en' || language === 'ru';
    const trigger = latin ? findTrigger(text, language) : null;
    // Issues discussed long before are no longer what "these issues" means.
    if (pool.length > 0 && sentence.paragraph - poolParagraph > 2) pool.splice(0, pool.length);
    if (latin) {
      const discussed = discussedIssues(sentence, trigger ? text.slice(0, trigger.index) : text, language);
      if (discussed.length > 0) {
        pool.push(...discussed);
        poolParagraph = sentence.paragraph;
      }
    }
    if (trigger && legacyApplies(text, trigger, pool, language)) {
      for (const draft of fromTrigger(sentence, trigger, pool, language)) drafts.push(draft);
      return;
    }
    const found = obligationsOf(sentence, language, find, sentences.slice(Math.max(0, i - 2), i).reverse());
    for (const o of found) {
      drafts.push({
        kind: o.kind,
        title: o.title,
        subject: o.title,
        source: o.sentence === sentence ? sentence.text : `${o.sentence.text} ${sentence.text}`,
        sentence,
        leads: o.leads,
        clause: o.clause,
        fromEllipsis: o.fromEllipsis,
      });
    }
    if (found.length > 0) return;
    // Nothing by meaning: a plan the ministries announce ("will consider"), as the seed's readouts say it.
    if (trigger && (trigger.kind === 'consideration' || trigger.kind === 'agreement') && !/(?:^|\s)(?:we|i|мы|я)\s+\S*\s*$/iu.test(text.slice(0, trigger.index)) && !/(?:decided|решили)/iu.test(text.slice(trigger.index, trigger.index + trigger.length))) {
      for (const draft of fromTrigger(sentence, trigger, pool, language)) drafts.push(draft);
      return;
    }
    // A sentence that only says when the report on the task before is due.
    const last = drafts[drafts.length - 1];
    const bare = stripReporting(text).replace(/^[«"“„\s-]+/u, '');
    if (last && REPORT_DUE.test(bare)) {
      const due = deadlineOf(bare, context.meetingDate, context.today, context.textYear);
      if (due) reportDue.set(last, due);
    }
  });
  const tagIdByCode = new Map(context.catalog.tags.map((t) => [t.code, t.id]));
  const dated: (Draft & { dueDate: IsoDate | null })[] = [];
  for (const draft of drafts) {
    if (TARGET.test(draft.title) && TRADE.test(draft.title)) draft.kind = 'target';
    let dueDate = deadlineOf(draft.clause, context.meetingDate, context.today, context.textYear, language === 'en' || language === 'ru') ?? reportDue.get(draft) ?? null;
    if (!dueDate && SAME_DEADLINE.test(draft.clause)) dueDate = dated[dated.length - 1]?.dueDate ?? null;
    dated.push({ ...draft, title: dueDate ? withoutDeadline(draft.title, language) : draft.title, dueDate });
  }
  return mergeRepeats(dated, language).map((draft, i) => {
    let topics = topicsOf(draft.subject);
    if (topics.length === 0) topics = topicsOf(draft.title);
    if (topics.length === 0) topics = topicsOf(draft.sentence.text);
    if (draft.kind === 'invitation' && !topics.includes('international')) topics = ['international', ...topics];
    return {
      key: `c${i + 1}`,
      kind: draft.kind,
      title: draft.title,
      sentence: draft.source,
      tagIds: topics.map((code) => tagIdByCode.get(code)).filter((id): id is string => id !== undefined),
      organizations: organizationsFor(draft, topics, context),
      dueDate: draft.dueDate,
    };
  });
}
