// Who met and where: participants as "title + name" (`Prime Minister of Kazakhstan Askar Mamin`,
// `Премьер-Министром Республики Казахстан Аскаром Маминым` → Аскар Мамин), and the place from
// the sentence that reports the meeting itself (not from a sentence about some later event).
import type { ReadoutLanguage, ReadoutParticipant } from '../../../../db/intake-types';
import { CITY_LOCATIVES, NOT_A_NAME } from './lexicon';
import type { Sentence } from './sentences';

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}][\p{L}'’-]*|\d+|[^\s\p{L}\d]/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const isCapital = (w: string) => /^\p{Lu}/u.test(w);

const EN_POSITION = /^(?:Chairman|Chairwoman|Chair|President|Minister|Head|Ambassador|Governor|Akim|Mayor|Speaker|Secretary|Director|Envoy)$/;
const RU_POSITION =
  /^(?:Заместител\p{L}*|Председател\p{L}*|Премьер-[Мм]инистр\p{L}*|Президент\p{L}*|Министр\p{L}*|Глав[аыеуой]|Главой|Посл\p{L}*|Аким\p{L}*|Губернатор\p{L}*|Мэр\p{L}*|Спикер\p{L}*|Секретар\p{L}*|Директор\p{L}*|Вице-премьер\p{L}*)$/iu;
const EN_CONNECTORS = new Set(['of', 'the', 'and', 'for']);
const RU_STOP = new Set(['с', 'со', 'на', 'в', 'во', 'по', 'к', 'ко', 'о', 'об', 'у', 'от', 'до', 'из', 'за', 'при', 'для', 'над', 'под', 'через', 'между', 'что', 'как', 'а', 'но', 'также', 'который', 'которая']);
/** Russian verb forms (past and present) that end a title phrase. */
const RU_VERB = /(?:л|ла|ли|ло|лся|лась|лись|лось|ет|ит|ют|ят|ут|ат|ёт)$/u;

/** `Премьер-Министром` → `Премьер-Министр`, with the case it was in. */
function ruHead(word: string): { base: string; grammaticalCase: 'nom' | 'gen' | 'dat' | 'ins' } {
  const lower = word.toLowerCase();
  const forms: [RegExp, string, 'gen' | 'dat' | 'ins'][] = [
    [/ем$/u, 'ь', 'ins'],
    [/ом$/u, '', 'ins'],
    [/ой$/u, 'а', 'ins'],
    [/ю$/u, 'ь', 'dat'],
    [/у$/u, '', 'dat'],
    [/я$/u, 'ь', 'gen'],
    [/ы$/u, 'а', 'gen'],
    [/а$/u, '', 'gen'],
  ];
  if (/^посл[аеу]|^послом/u.test(lower)) {
    const gc = lower.endsWith('ом') ? 'ins' : lower.endsWith('а') ? 'gen' : lower.endsWith('у') ? 'dat' : 'nom';
    return { base: word.slice(0, 1) + 'осол', grammaticalCase: gc };
  }
  if (/^глав/u.test(lower)) {
    const gc = lower.endsWith('ой') ? 'ins' : lower.endsWith('ы') ? 'gen' : lower.endsWith('е') ? 'dat' : 'nom';
    return { base: word.slice(0, 4) + 'а', grammaticalCase: gc };
  }
  for (const [re, add, gc] of forms) {
    if (re.test(lower)) {
      const stem = word.replace(re, '');
      if (/(?:тел|министр|президент|аким|губернатор|мэр|спикер|секретар|директор|премьер)$/iu.test(stem)) {
        return { base: stem + add, grammaticalCase: gc };
      }
    }
  }
  return { base: word, grammaticalCase: 'nom' };
}

/** A Russian man's name back in the nominative (`Аскаром Маминым` → `Аскар Мамин`). */
function ruName(parts: string[], grammaticalCase: 'nom' | 'gen' | 'dat' | 'ins'): string[] {
  if (grammaticalCase === 'nom') return parts;
  const surname = (w: string) => {
    if (grammaticalCase === 'ins') return w.replace(/(ов|ев|ин|ын)ым$/u, '$1').replace(/(ий|ой)$/u, '$1');
    if (grammaticalCase === 'gen') return w.replace(/(ов|ев|ин|ын)а$/u, '$1');
    return w.replace(/(ов|ев|ин|ын)у$/u, '$1');
  };
  const given = (w: string) => {
    if (grammaticalCase === 'ins') return w.replace(/еем$/u, 'ей').replace(/ем$/u, 'ь').replace(/ом$/u, '');
    if (grammaticalCase === 'gen') return w.replace(/ея$/u, 'ей').replace(/я$/u, 'ь').replace(/а$/u, '');
    return w.replace(/ею$/u, 'ей').replace(/ю$/u, 'ь').replace(/у$/u, '');
  };
  return parts.map((p, i) => (i === parts.length - 1 ? surname(p) : i === 0 ? given(p) : p.replace(/(ович|евич)(ем|а|у)$/u, '$1')));
}

function isPatronymic(word: string): boolean {
  return /(?:ович|евич|овна|евна|ична|улы|уулу|кызы)\p{L}{0,2}$/iu.test(word);
}

/** Participants named with their titles, in order of first mention. */
export function findParticipants(sentences: Sentence[], language: ReadoutLanguage): ReadoutParticipant[] {
  const found: ReadoutParticipant[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    const toks = tokens(sentence.text);
    for (let i = 0; i < toks.length; i++) {
      let head = toks[i] as Token;
      let first = i;
      if (language === 'en') {
        if (head.word === 'Prime' && toks[i + 1]?.word === 'Minister') head = toks[++i] as Token;
        else if (!EN_POSITION.test(head.word)) continue;
        while (first > 0 && /^(?:First|Deputy|Vice)$/.test(toks[first - 1]?.word ?? '')) first--;
      } else if (!RU_POSITION.test(head.word)) continue;
      // The title phrase: the words after the head up to a verb, a preposition or punctuation.
      const phrase: Token[] = [];
      for (let j = i + 1; j < toks.length && phrase.length < 14; j++) {
        const t = toks[j] as Token;
        if (!/^\p{L}/u.test(t.word)) break;
        if (language === 'en') {
          // `Ambassador of Japan to Kazakhstan …`
          const accredited = t.word === 'to' && /^(?:Ambassador|Envoy)$/.test(head.word);
          if (!isCapital(t.word) && !EN_CONNECTORS.has(t.word) && !accredited) break;
        } else if (!isCapital(t.word)) {
          const lower = t.word.toLowerCase();
          if (RU_STOP.has(lower) || (RU_VERB.test(lower) && lower !== 'дел')) break;
        }
        phrase.push(t);
      }
      while (phrase.length > 0 && !isCapital((phrase[phrase.length - 1] as Token).word)) phrase.pop();
      // The name: the capitalised words closing the phrase that cannot be part of a title.
      let k = phrase.length;
      const name: Token[] = [];
      while (k > 0 && isCapital((phrase[k - 1] as Token).word) && !NOT_A_NAME.test((phrase[k - 1] as Token).word) && name.length < 3) {
        name.unshift(phrase[--k] as Token);
      }
      if (name.length === 3 && !isPatronymic((name[1] as Token).word)) name.shift();
      if (name.length < 2) continue;
      const titleEnd = k > 0 ? (phrase[k - 1] as Token).end : head.end;
      let position = sentence.text.slice((toks[first] as Token).start, titleEnd).replace(/[\s,]+$/, '');
      let parts = name.map((t) => t.word);
      if (language === 'ru') {
        const { base, grammaticalCase } = ruHead(head.word);
        position = position.replace(head.word, base);
        parts = ruName(parts, grammaticalCase);
        position = position.charAt(0).toUpperCase() + position.slice(1);
      }
      const fullName = parts.join(' ');
      const key = (parts[parts.length - 1] as string).toLowerCase().slice(0, 5);
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ name: fullName, position });
    }
  }
  return found;
}

const EN_MEETING = /\b(?:met|meet with|meeting (?:was|took)|held (?:a |an )?(?:meeting|talks|negotiations)|took place|visited|talks were held|(?<!will be )held)\b/i;
const RU_MEETING = /(?<![\p{L}])(?:встретил\p{L}*|встреча\p{L}*|состоял\p{L}*|прошл[аи]|провел\p{L}*|провёл|переговор\p{L}*|посетил\p{L}*)/iu;

/** The sentence that reports the meeting itself. */
export function meetingSentence(sentences: Sentence[], language: ReadoutLanguage): Sentence | null {
  const re = language === 'en' ? EN_MEETING : RU_MEETING;
  return sentences.find((s) => re.test(s.text) && !/\bwill\b|(?<![\p{L}])состоится/iu.test(s.text)) ?? null;
}

export function findPlace(sentence: Sentence | null, language: ReadoutLanguage): string | null {
  if (!sentence) return null;
  const text = sentence.text.replace(/[.!?…]+$/, '');
  if (language === 'en') {
    const sidelines = /\b(on the (?:sidelines|margins) of .+?)(?=,|;|$)/i.exec(text);
    if (sidelines) return capitalise(sidelines[1] as string);
    const city = /\b(?:in|at) ((?:the )?[A-Z][\p{L}-]+(?: [A-Z][\p{L}-]+)?)/u.exec(text);
    if (city && !/^(?:January|February|March|April|May|June|July|August|September|October|November|December|The)$/.test(city[1] as string)) return city[1] as string;
    return null;
  }
  const sidelines = /(на полях .+?)(?=,|;|$)/iu.exec(text);
  if (sidelines) return capitalise(sidelines[1] as string);
  const city = /(?<![\p{L}])(?:в|во) (?:городе |г\. )?([А-ЯЁ][\p{L}]+(?:-[А-ЯЁ][\p{L}]+)?)/u.exec(text);
  if (city) {
    const word = city[1] as string;
    if (/^(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)/iu.test(word)) return null;
    return CITY_LOCATIVES[word] ?? word;
  }
  return null;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
