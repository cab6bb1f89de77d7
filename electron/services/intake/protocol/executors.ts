// The executors that open a protocol's item, in the dative: "Министерству энергетики (Иванову
// И.И.), Министерству экономики …:" in Russian (the head word first), "Энергетика министрлігіне
// (Сәтбаев Ә.Ә.), Қаржы министрлігіне:" in Kazakh and "Энергетика министрлигине, Финансы
// министрлигине:" in Kyrgyz (the head word last). The first is the lead, the rest co-executors;
// "совместно с …" / "… бірлесіп" / "… менен биргеликте" adds co-executors. Names come back in the
// nominative, as a directory keeps them.
import type { ProtocolLanguage } from '../../../../db/intake-types';

export interface Executors {
  /** The nominative names, the lead first. */
  names: string[];
  /** The official named beside the lead, in the nominative where it can be told. */
  leadPerson: string | null;
  /** Where the executors end in the item's text (0 when it names none). */
  end: number;
}

/** Stems of the words that head an organization's name (nouns) or qualify it (adjectives), Russian. */
const RU_NOUNS =
  /^(?:министерств|ведомств|кабинет|правительств|аппарат|администраци|агентств|комитет|служб|департамент|фонд|банк|мэри|акимат|аким|органа?м?|полномочн\p{L}*представител|представительств|инспекци|палат|прокуратур|суд|центр|управлени|дирекци|совет|комисси|губернатор|мэр|министр|председател|заместител|руководител|компани|обществ|корпораци|университет|академи|институт|ассоциаци|посольств|торгпредств|казначейств|предприяти|предприятиям|учреждени|госпредприяти|секретариат)/iu;
const RU_ADJECTIVES = /^(?:перв|государственн|национальн|пограничн|таможенн|налогов|республиканск|областн|городск|генеральн|верховн|высш|центральн|специальн|антимонопольн|статистическ|межведомственн|полномочн)/iu;

/** Bodies named in general ("заинтересованные органы", "мүдделі мемлекеттік органдар"): no executor to record. */
const GENERIC = /^(?:заинтересованн|соответствующ|друг|ины|всем|прочи|мүдделі|тиісті|кызыкдар|тиешелүү)/iu;

/** Dative (and instrumental) endings of the Russian head words. */
const RU_DATIVE_NOUN = /(?:у|ю|е|и|ам|ям)$/iu;
const RU_DATIVE_ADJ = /(?:ому|ему|ой|ей|ым|им)$/iu;

/** Turkic dative of a head word: министрлігіне, комитетіне, кызматына, Кеңсесіне, банкке, комиссияға. */
const TURKIC_HEADS =
  /(?:министрлі|министрли|комитет|агенттіг|агенттиг|қызмет|кызмат|әкімді|әкимди|әкімдікт|мэрия|банк|аппарат|кеңсе|кеңсесі|үкімет|өкмөт|инспекция|департамент|басқарма|башкармалы|қор|фонд|кабинет|палата|прокуратура|орталы|борбор|кеңес|кеңеш|комиссия|әкім|аким|өкілдіг|өкүлчүлүг|корпорация|компания)/iu;
const TURKIC_DATIVE = /^(\p{L}[\p{L}-]*?)(не|на|ға|ге|қа|ке|га|ка|го|гө|ко|кө)$/iu;

function capital(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

// ---- Russian ----

/** "Министерству энергетики" → "Министерство энергетики"; "Пограничной службой" → "Пограничная служба". */
export function russianNominative(phrase: string): string {
  const words = phrase.split(/\s+/);
  const out: string[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (RU_ADJECTIVES.test(w) && RU_DATIVE_ADJ.test(w) && i + 1 < words.length) {
      out.push(
        w
          .replace(/(?:ому|ым)$/iu, 'ый')
          .replace(/(?:ему|им)$/iu, 'ий')
          .replace(/(?<=[жшщч])ей$/iu, 'ая')
          .replace(/ей$/iu, 'яя')
          .replace(/ой$/iu, 'ая'),
      );
      continue;
    }
    out.push(
      w
        .replace(/ству$/iu, 'ство')
        .replace(/ством$/iu, 'ство')
        .replace(/ствам$/iu, 'ства')
        .replace(/нию$/iu, 'ние')
        .replace(/(?<=тел)ю$/iu, 'ь')
        .replace(/(?<=тел)ем$/iu, 'ь')
        .replace(/нием$/iu, 'ние')
        .replace(/ии$/iu, 'ия')
        .replace(/ией$/iu, 'ия')
        .replace(/(?<=[^аеёиоуыэюя])ой$/iu, 'а')
        .replace(/(?<=[^аеёиоуыэюяи])е$/iu, 'а')
        .replace(/(?<=[^аеёиоуыэюя])ом$/iu, '')
        .replace(/(?<=[^аеёиоуыэюя])у$/iu, ''),
    );
    i++;
    break;
  }
  return [...out, ...words.slice(i)].join(' ');
}

/** A Russian name in the dative, by its first word: an organization's head noun or adjective. */
function russianOrgStart(text: string): boolean {
  const first = /^[\p{L}-]+/u.exec(text)?.[0] ?? '';
  if (RU_NOUNS.test(first)) return RU_DATIVE_NOUN.test(first) || /ству$/iu.test(first);
  if (RU_ADJECTIVES.test(first)) return RU_DATIVE_ADJ.test(first);
  return false;
}

function russianPerson(text: string): string {
  return text
    .split(/\s+/)
    .map((w, i) => (i === 0 ? w.replace(/(?<=(?:ов|ев|ин|ын))у$/u, '').replace(/(?<=(?:ов|ев|ин|ын))ой$/u, 'а') : w))
    .join(' ');
}

/** The text between parentheses at the top level removed, and their contents. */
function splitParens(text: string): { outer: string; inner: string[] } {
  let depth = 0;
  let outer = '';
  let cur = '';
  const inner: string[] = [];
  for (const ch of text) {
    if (ch === '(') {
      if (depth === 0) cur = '';
      else cur += ch;
      depth++;
    } else if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) inner.push(cur.trim());
      else cur += ch;
    } else if (depth > 0) cur += ch;
    else outer += ch;
  }
  return { outer: outer.replace(/\s+/g, ' ').trim(), inner };
}

/** обеспечить, внести, принять, разработать (not "безопасности", "области"). */
function isInfinitive(word: string): boolean {
  if (!/^\p{Ll}/u.test(word)) return false;
  return /(?:ть|чь)(?:ся)?$/u.test(word) || (/ти(?:сь)?$/u.test(word) && !/(?:ости|асти)$/u.test(word));
}

/** Where the executors of a Russian item end: a colon, "совместно с", a deadline or the first infinitive. */
function russianSegmentEnd(text: string, stops: number[]): number {
  let depth = 0;
  let end = text.length;
  const words = /[\p{L}-]+|[():]/gu;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const w = m[0];
    if (w === '(') depth++;
    else if (w === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && w === ':') {
      end = m.index;
      break;
    } else if (depth === 0 && isInfinitive(w)) {
      end = m.index;
      break;
    }
  }
  return Math.min(end, ...stops.filter((s) => s >= 0));
}

function russianExecutors(text: string, deadlineAt: number): Executors {
  if (!russianOrgStart(text)) return { names: [], leadPerson: null, end: 0 };
  const together = /(?<![\p{L}])(?:совместно|вместе)\s+с(?:о)?\s+/iu.exec(text);
  const end = russianSegmentEnd(text, [deadlineAt, together?.index ?? -1]);
  const segment = text.slice(0, end);
  const names: string[] = [];
  let leadPerson: string | null = null;
  const addParts = (part: string, instrumental: boolean) => {
    // Split at a comma or "и" that a new organization follows (names hold "и": "экономики и коммерции").
    const pieces: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < part.length; i++) {
      const ch = part[i];
      if (ch === '(') depth++;
      else if (ch === ')') depth = Math.max(0, depth - 1);
      if (depth > 0) continue;
      const sep = /^(?:,\s*(?:и\s+|а также\s+)?|\s+и\s+|\s+а также\s+)/u.exec(part.slice(i));
      if (sep && (instrumental ? /^\p{L}/u.test(part.slice(i + sep[0].length)) && RU_NOUNS.test(part.slice(i + sep[0].length)) || RU_ADJECTIVES.test(part.slice(i + sep[0].length)) : russianOrgStart(part.slice(i + sep[0].length)))) {
        pieces.push(part.slice(start, i));
        start = i + sep[0].length;
        i = start - 1;
      }
    }
    pieces.push(part.slice(start));
    for (const piece of pieces) {
      const { outer, inner } = splitParens(piece.replace(/[,;:]\s*$/u, ''));
      if (!outer) continue;
      if (names.length === 0 && inner[0] && leadPerson === null) leadPerson = russianPerson(inner[0]);
      names.push(russianNominative(outer));
    }
  };
  addParts(segment, false);
  let finalEnd = end;
  if (together && together.index === end) {
    const rest = text.slice(together.index + together[0].length);
    const restEnd = russianSegmentEnd(rest, [deadlineAt >= 0 ? deadlineAt - (together.index + together[0].length) : -1]);
    addParts(rest.slice(0, restEnd), true);
    finalEnd = together.index + together[0].length + restEnd;
  }
  // "совместно с заинтересованными государственными органами" names no one in particular.
  return { names: names.filter((n) => n.length > 2 && !GENERIC.test(n)), leadPerson, end: finalEnd };
}

// ---- Kazakh and Kyrgyz ----

/** "министрлігіне" → "министрлігі", "банкке" → "банк", "қызметімен" → "қызметі". */
export function turkicNominative(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const last = words.pop() ?? '';
  let base = last.replace(/(?<=[іыиуү])(?:не|на)$/iu, '');
  if (base === last) base = last.replace(/(?:ға|ге|қа|ке|га|ка|го|гө|ко|кө)$/iu, '');
  base = base.replace(/(?<=[іыиуү])(?:мен|менен)$/iu, '');
  return [...words, base].join(' ');
}

function turkicDativeHead(word: string): boolean {
  const m = TURKIC_DATIVE.exec(word);
  return Boolean(m && TURKIC_HEADS.test(m[1]!));
}

function turkicExecutors(text: string): Executors {
  const names: string[] = [];
  let leadPerson: string | null = null;
  let pos = 0;
  // Each executor: words up to a dative head word, then an optional "(person)", then a separator.
  for (;;) {
    const rest = text.slice(pos);
    const words = /[\p{L}\d«»"'-]+|\([^)]*\)|[,:;.]/gu;
    let headEnd = -1;
    let count = 0;
    for (let m = words.exec(rest); m; m = words.exec(rest)) {
      if (/^[,:;.]$/u.test(m[0]) || ++count > 10) break;
      if (turkicDativeHead(m[0])) {
        headEnd = m.index + m[0].length;
        break;
      }
    }
    if (headEnd < 0) break;
    const name = rest.slice(0, headEnd).trim();
    if (!capital(name)) break;
    names.push(turkicNominative(name));
    let after = headEnd;
    const person = /^\s*\(([^)]*)\)/u.exec(rest.slice(after));
    if (person) {
      if (names.length === 1) leadPerson = person[1]!.trim();
      after += person[0].length;
    }
    pos += after;
    const sep = /^\s*(?:,\s*|\s+(?:және|жана|мен|менен)\s+)/iu.exec(text.slice(pos));
    if (!sep) break;
    const next = text.slice(pos + sep[0].length);
    if (!capital(next)) break;
    pos += sep[0].length;
  }
  if (names.length === 0) return { names, leadPerson, end: 0 };
  // Co-executors: "Шекара қызметімен бірлесіп", "Чек ара кызматы менен биргеликте".
  const together = /^\s*((?:[\p{L}«»-]+\s+){0,4}?[\p{L}-]+?)(?:\s+менен|\s+мен|мен|пен|бен)\s+(?:бірлесіп|бірлесе отырып|биргеликте)/u.exec(text.slice(pos));
  if (together) {
    const name = turkicNominative(together[1]!);
    if (!GENERIC.test(name)) names.push(name);
    pos += together[0].length;
  }
  const colon = /^\s*:/u.exec(text.slice(pos));
  return { names, leadPerson, end: pos + (colon ? colon[0].length : 0) };
}

/** The executors an item's text opens with; `deadlineAt` is where its deadline phrase starts (or -1). */
export function findExecutors(text: string, language: ProtocolLanguage, deadlineAt: number): Executors {
  return language === 'ru' ? russianExecutors(text, deadlineAt) : turkicExecutors(text);
}
