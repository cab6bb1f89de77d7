// Obligations by meaning, in English, Russian, Kazakh and Kyrgyz: who is told to do what.
//
// A sentence gives a task when a word of obligation governs a verb of action:
// - English: `instructed/tasked/urged/asked X to V`, `X was instructed to V`, `X were given the
//   instruction to V`, `X should/must/has to/needs to/is to/is expected to V`, `agreed to V`, and in
//   a text that announces instructions, `X will V` and `Y will be V-ed`;
// - Russian, by the stems of the verbs (any form: поручил, поручено, поручается …) and the modal
//   words (должен, обязан, необходимо, нужно, следует), each with the infinitives it governs, and the
//   directive of lists and decrees (`Правительству России обеспечить …`);
// - Kazakh and Kyrgyz (Cyrillic, and Kazakh in Latin letters), where the verb comes last: a verbal
//   noun (`-у`, `-уу`, `-ý`) before `тапсырды/тапшырды`, `міндеттеді`, `жүктелсін`, `тиіс/тийиш`,
//   `керек`, `қажет/зарыл`, or a polite imperative (`төшөңүздөр`), the addressee in the dative.
// Weak words of obligation (should, должны, керек) give a task only with a named agent and a verb of
// action that is not an exhortation to "work hard". Reported and recalled instructions ("Yesterday
// the President instructed", "Ранее … заявил") give none.
import type { CandidateKind, ReadoutLanguage } from '../../../../db/intake-types';
import { russianStem } from '../../../../db/stemmers/index';
import { AGENT_WORD, countryNamed, isGeneric, nominative } from './bodies';
import type { Sentence } from './sentences';

export interface Obligation {
  kind: CandidateKind;
  /** The task, as an imperative clause (or a verbal noun in Kazakh and Kyrgyz). */
  title: string;
  /** The words the deadline is read from. */
  clause: string;
  /** The executors the text names for it, as named, the lead first. */
  leads: string[];
  sentence: Sentence;
  /** The task came from a sentence that only names whom instructions were given to. */
  fromEllipsis?: boolean;
}

// ---- common clean-up ----

const QUOTES = /[«»"“”„]/gu;

/** Reporting clauses and stray quotes off a sentence: `…, the statement said`, `— сообщает …`, `, - деді …`. */
export function stripReporting(text: string): string {
  let t = text.trim();
  const tails: RegExp[] = [
    /[,"”»]*\s*["”»]?\s*[-–—]+\s*(?:сказал|сообщил|отметил|подчеркнул|заявил|говорится|пишет|сообщает|передает|добавил|деді|деди|деп|делінген|делинген)(?![\p{L}]).*$/iu,
    /,\s*["”»]?\s*(?:сообщает|сообщили|сообщил|передает|пишет|отметил|подчеркнул|заявил)\s.*$/iu,
    /[.,]?\s*(?:об этом|как) (?:сообщает|сообщили|говорится|пишет|сообщила)\b.*$/iu,
    /,\s*["”»]?\s*(?:деп\s+\p{L}+|деді|деди)(?![\p{L}]).*$/iu,
    /,\s*["”»]?\s*(?:the|a)\s+(?:statement|press service|press office|message|report|release|source|press secretary)\b[^,.]*\s+(?:said|says|reads|read|noted|reported|wrote)\b.*$/iu,
    /,\s*["”»]?\s*(?:he|she|they|it)\s+(?:said|wrote|noted|added|stressed|reported)\b.*$/iu,
    /,\s*["”»]?\s*[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*)*\s+(?:said|wrote|noted|added|reports|reported|has learnt)\b.*$/u,
    /,\s*["”»]?\s*[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*)*\s+(?:has learnt|reports)\b.*$/u,
  ];
  for (const re of tails) t = t.replace(re, '');
  return t.trim();
}

function balanceQuotes(text: string): string {
  const open = (text.match(/[«“„]/gu) ?? []).length;
  const close = (text.match(/[»”]/gu) ?? []).length;
  const plain = (text.match(/"/g) ?? []).length;
  if (open === close && plain % 2 === 0) return text;
  return text.replace(QUOTES, '');
}

const CONNECTIVES =
  /^(?:(?:in particular|in addition|also|thus|so|furthermore|moreover|besides|firstly|secondly|thirdly|first|second|third|finally|at the same time|therefore)\s*,?\s+|(?:в частности|кроме того|также|так|помимо этого|в том числе|при этом|во-первых|во-вторых|в-третьих|вместе с тем)\s*,?\s+|(?:сондай-ақ|сонымен қатар|атап айтқанда|сондықтан|ошондой эле|ошондуктан|мындан тышкары|atap aıtqanda|sondaı-aq|маалымдалгандай|белгиленгендей|хабарланғандай|атап өтілгендей)\s*,?\s+)+/iu;

function trimTitle(text: string): string {
  return text
    .replace(/^[\s,;:—–-]+/u, '')
    .replace(/[\s,;:.!?…—–-]+$/u, '')
    .replace(/\s+(?:и многое другое|и другие|и др|etc|and others|and so on|and more)$/iu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function finishTitle(text: string, language: ReadoutLanguage): string {
  let t = trimTitle(balanceQuotes(text));
  t = t.replace(QUOTES, (q) => q); // balanced quotes stay
  if (language === 'ru') t = t.replace(/\s*(?:по|о|об)\s+(?:этой|этому|данной|данному|указанной|указанному|этим|данным)\s+(?:проблем\p{L}*|вопрос\p{L}*|тем\p{L}*|направлени\p{L}*)/giu, '');
  if (language === 'kk' || language === 'ky') t = t.replace(/(?<![\p{L}])(?:оларды|аларды|оны|аны|мұны|муну|бұны|буну)\s+/giu, '');
  t = trimTitle(t);
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Recalled from another occasion, not given now. */
const RECALLED = /^(?:previously|earlier|yesterday|ранее|вчера|бұған дейін|кеше|мурда|буга чейин|кечээ)(?![\p{L}])|\bpreviously given\b|(?<![\p{L}])ранее (?:данн|озвученн)/iu;

// ---- English ----

const EN_STRONG =
  /\b(?:(?:was|were|has been|have been|had been|is|are|been)\s+)?(?:instructed|instructing|instructs|instruct|tasked|directed|ordered|entrusted|obliged|commissioned|urged|urges|urging|asked|asks|ask|requested|requests|called (?:on|upon)|calls (?:on|upon)|mandated)\b/gi;
const EN_GIVEN = /\b(?:was|were|has been|have been|had been)\s+given\s+(?:the\s+|an?\s+|specific\s+|clear\s+)*(?:instructions?|orders?|tasks?|assignments?)\s+to\b/i;
const EN_ISSUED = /\b(?:instructions?|orders?)\s+(?:have|has|had|were|was)\s+(?:also\s+)?been\s+(?:issued|given)\b|\binstructions? (?:were|was) (?:also )?(?:issued|given)\b/i;
const EN_GAVE = /\b(?:gave|gives|give|has given|set|sets|assigned|issued)\s+(.{0,80}?)\b(?:instructions?|orders?|tasks?|assignments?)\b/i;
const EN_MODAL =
  /\b(should|must|shall|has to|have to|needs? to|is to|are to|(?:is|are|was|were)\s+(?:now\s+|also\s+)?expected to)\s+(?:also\s+|now\s+|promptly\s+|urgently\s+)?(not\s+)?(be\s+)?([a-z][a-z-]*)/i;
const EN_FUTURE = /\b(will|shall)\s+(?:also\s+|now\s+)?(not\s+)?(be\s+)?([a-z][a-z-]*)/i;
const EN_AGREED = /\b(?:agreed|undertook|committed themselves|pledged) to\s+([a-z][a-z-]*)/i;
const EN_NOT_VERB = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'all', 'each', 'every', 'be', 'date', 'level', 'end', 'extent', 'state', 'president', 'government']);
const EN_STATIVE = /^(?:be|have|consist|include|contain|comprise|receive|get|become|remain|belong|cost|need|take place|continue|allow|enable|send|reflect|agree|of|to|in|on|for|with|the|a|an|and|not|also)$/i;
const EN_PRONOUN_SUBJECT = /^(?:we|i|you|us|it|this|that|there|they|he|she|these|those|which|who|one)$/i;

const IRREGULAR: Record<string, string> = {
  made: 'make', taken: 'take', given: 'give', set: 'set', put: 'put', held: 'hold', done: 'do', built: 'build', drawn: 'draw', found: 'find', sent: 'send',
  paid: 'pay', brought: 'bring', laid: 'lay', kept: 'keep', written: 'write', chosen: 'choose', undertaken: 'undertake', shown: 'show', begun: 'begin', run: 'run',
};

/** `removed` → `remove`, `accelerated` → `accelerate`, `stopped` → `stop`, `ensuring` → `ensure`. */
export function enBase(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w] as string;
  if (/ied$/.test(w)) return w.replace(/ied$/, 'y');
  if (/(?:at|iz|is|ov|uc|ag|ur|ir|ar|as|ag|ov|iv|id|ud|ac|ag|ang|anc|enc|ons|ens|rg|rv|lv|dg|ng|tl|bl|pl)ed$/.test(w) && !/(?:ssed|ered)$/.test(w)) return w.replace(/d$/, '');
  if (/([bdfgklmnprt])\1ed$/.test(w)) return w.slice(0, -3);
  if (/ed$/.test(w)) return w.slice(0, -2);
  if (/ing$/.test(w) && w.length > 5) {
    const stem = w.slice(0, -3);
    if (/([bdfgklmnprt])\1$/.test(stem)) return stem.slice(0, -1);
    if (/(?:at|iz|is|ov|uc|ag|ur|ir|ar|as|iv|id|ud|ac|anc|enc|ons|ens|rg|rv|lv|dg|ng|tl|bl|pl)$/.test(stem) && !/(?:ss|er)$/.test(stem)) return `${stem}e`;
    return stem;
  }
  return w;
}

/** `to V …` right at the start of a text: the verb and the task, or null. */
function enInfinitiveAt(text: string): string | null {
  const m = /^\s*(?:,\s*)?(?:[Tt]o)\s+([a-z][a-z-]*)\b/.exec(text);
  if (!m || EN_NOT_VERB.has((m[1] as string).toLowerCase())) return null;
  return text.slice(m.index + m[0].length - (m[1] as string).length);
}

/** A task after `to`: cut at the clause's end, split where a new `to V` starts (`…, and to ensure …`). */
function enTasks(rest: string): string[] {
  let t = rest.replace(/,?\s*(?:which|who|where|while|whereas)\b.*$/i, '').replace(/;.*$/, '');
  t = t.replace(/\s*(?:, in order to|\bso as to|\bso that)\b.*$/i, '');
  const parts = t.split(/,?\s+(?:and|as well as)\s+to\s+(?=[a-z])/i);
  return parts.map((p) => p.trim()).filter((p) => p.split(/\s+/).length >= 2);
}

/** The subject before a modal or an auxiliary: from the clause's start (after a comma, `that`, a colon). */
function enSubject(before: string): { subject: string; embedded: boolean } {
  const cut = before.replace(/\s+$/, '');
  const said = /\b(?:\w+ed|said|says|agree|agrees|noted|stressed)\s+that\s+(?!.*\bthat\s)/i.exec(cut);
  const at = Math.max(cut.lastIndexOf(','), cut.lastIndexOf(':'), cut.lastIndexOf(';'), said ? said.index + said[0].length - 1 : -1);
  const raw = cut.slice(at + 1).trim().replace(/^(?:and|or|but)\s+/i, '');
  // `how the governments should work together`: a question discussed, not a task.
  const embedded = /\b(?:how|whether|why|what|if|when)\b/i.test(raw);
  return { subject: raw.replace(/^(?:how|whether|why|what|if|when)\s+/i, ''), embedded };
}

function isAgent(phrase: string): boolean {
  const ws = phrase.split(/[\s,]+/).filter(Boolean);
  if (ws.length === 0) return false;
  if (ws.some((w) => AGENT_WORD.test(w.replace(/['’]s$/u, '')))) return true;
  // A person: two capitalised words (`Yerbolat Dossayev`), not the first word alone.
  return /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(phrase) && !/^(?:The|A|An)\s/u.test(phrase);
}

/** The first body of a list of addressees: `the Cabinet and the Presidential Administration` → `Cabinet`. */
/** `the Government of Kazakhstan amid the ongoing unrest` → `the Government of Kazakhstan`. */
function trimAddressee(phrase: string): string {
  return phrase.replace(/\s+(?:amid|during|following|after|due to|in order|in connection|on the|at the|in the|as part|within)\b.*$/i, '').trim();
}

function firstOf(phrase: string, language: ReadoutLanguage): string {
  const p = phrase.replace(/^(?:the|a|an)\s+/i, '').trim();
  // A list is split where the next item starts with a name or a body (`Минтруд и Минфин`,
  // `the Cabinet and the Presidential Administration`), not inside one name (`культуры, информации и спорта`).
  const join = language === 'en' ? /\s*,\s*|\s+and\s+/gu : /\s*,\s*|\s+(?:и|және|жана|мен|менен|jáne|men)\s+/gu;
  for (let m = join.exec(p); m; m = join.exec(p)) {
    const next = p.slice(m.index + m[0].length).replace(/^(?:the|a|an)\s+/i, '');
    const word = /^[\p{L}-]+/u.exec(next)?.[0] ?? '';
    if (/^\p{Lu}/u.test(word) || AGENT_WORD.test(word)) return p.slice(0, m.index).trim();
  }
  return p;
}

function enObligations(sentence: Sentence, text: string, ctx: FindContext): Obligation[] {
  const out: Obligation[] = [];
  const make = (title: string, leads: string[], kind: CandidateKind = 'instruction', clause = text): Obligation => ({
    kind,
    title: finishTitle(title.replace(/^,?\s*(?:by|before|not later than|no later than)\s+[^,]+,\s*/i, ''), 'en'),
    clause,
    leads: leads.map((l) => nominative(l, 'en')).filter((l) => l !== '' && !isGeneric(l)),
    sentence,
  });

  // `… were given the instruction to V`, `Instructions have been issued to V`
  const given = EN_GIVEN.exec(text);
  if (given) {
    const rest = text.slice(given.index + given[0].length - 2);
    const task = enInfinitiveAt(rest);
    const subject = enSubject(text.slice(0, given.index)).subject;
    if (task) for (const t of enTasks(task)) out.push(make(t, [firstOf(subject, 'en')]));
    if (out.length > 0) return out;
  }
  const issued = EN_ISSUED.exec(text);
  if (issued) {
    const rest = text.slice(issued.index + issued[0].length);
    const task = enInfinitiveAt(rest.replace(/^\s*in order\s+/i, 'SKIP '));
    if (task) {
      const tasks = enTasks(task);
      if (/:\s*$/.test(text)) ctx.header = { prefix: (tasks[0] ?? '').replace(/[:\s]+$/u, ''), leads: [] };
      else for (const t of tasks) out.push(make(t, []));
    } else if (/:\s*$/.test(text)) ctx.header = { prefix: '', leads: [] };
    if (out.length > 0 || ctx.header) return out;
  }

  EN_STRONG.lastIndex = 0;
  for (let m = EN_STRONG.exec(text); m; m = EN_STRONG.exec(text)) {
    const passive = /^(?:was|were|has been|have been|had been|is|are|been)\s/i.test(m[0]);
    const after = text.slice(m.index + m[0].length);
    let addressee = '';
    let task: string | null = null;
    if (passive) {
      task = enInfinitiveAt(after);
      if (!task) {
        const w = /^\s*with\s+([a-z]+ing)\b(.*)$/i.exec(after);
        if (w) task = `${enBase(w[1] as string)}${w[2]}`;
      }
      addressee = firstOf(enSubject(text.slice(0, m.index)).subject, 'en');
    } else {
      // `instructed the Finance Ministry to review …`: the addressee runs to `to`.
      const to = /^\s*(?:,\s*)?((?:[^,;.]{0,120}?\s)??)to\s+([a-z][a-z-]*)\b/.exec(after);
      if (to && !EN_NOT_VERB.has((to[2] as string).toLowerCase()) && !/\b(?:in order|so as)\s*$/i.test(to[1] as string)) {
        addressee = (to[1] as string).trim();
        task = after.slice(to.index + to[0].length - (to[2] as string).length);
      } else {
        const w = /^\s*((?:[^,;.]{0,120}?\s)??)with\s+([a-z]+ing)\b(.*)$/.exec(after);
        if (w && /tasked|charged|entrusted/i.test(m[0])) {
          addressee = (w[1] as string).trim();
          task = `${enBase(w[2] as string)}${w[3]}`;
        }
      }
      addressee = trimAddressee(addressee);
      if (/^(?:you|him|her|them|us|me)$/i.test(addressee)) addressee = '';
    }
    if (!task) continue;
    if (/^ask|^asks|^asked|^request/i.test(m[0].trim()) && !passive && addressee === '' && !/\bI\s+ask\b/i.test(text)) continue;
    const leads = addressee ? [firstOf(addressee, 'en')] : ctx.defaultLeads;
    for (const t of enTasks(task)) out.push(make(t, leads));
    if (out.length > 0) return out;
  }

  // `Tokayev gave the governors a number of instructions regarding X, Y and other areas`
  const gave = EN_GAVE.exec(text);
  if (gave) {
    const addresseePart = gave[1] as string;
    const rest = text.slice(gave.index + gave[0].length);
    const toWhom = /^\s*(?:to|for|before)\s+(.+?)(?:,\s*[\p{Lu}][\p{L}.]*\s+reports?\b|[,.;]|$)/u.exec(rest);
    const addressee = trimAddressee(toWhom?.[1] ?? addresseePart.replace(/\b(?:a number of|a series of|a set of|several|specific|urgent|clear|the|priority|some|number|of|series)\b/gi, '')).trim();
    const regarding = /^\s*(?:to\s+[^,]+?\s+)?(?:regarding|concerning|related to|on the issues of|in the areas of|on)\s+(.+)$/i.exec(rest);
    if (regarding) {
      const items = (regarding[1] as string)
        .replace(/[.]$/, '')
        .split(/\s*,\s*|\s+and\s+(?=(?:the\s+)?[a-z]+\s)/i)
        .map((s) => s.trim())
        .filter((s) => s.split(/\s+/).length >= 2 && !/^(?:other|others|other areas|other issues|other matters)\b/i.test(s));
      const lead = addressee && isAgent(addressee) ? [firstOf(addressee, 'en')] : [];
      for (const item of items) out.push(make(item, lead));
      if (out.length > 0) return out;
    }
    const to = enInfinitiveAt(rest);
    if (to) {
      for (const t of enTasks(to)) out.push(make(t, addressee && isAgent(addressee) ? [firstOf(addressee, 'en')] : []));
      return out;
    }
    // Only whom the instructions went to: the tasks follow.
    if (addressee && isAgent(addressee) && !isGeneric(nominative(addressee, 'en'))) ctx.defaultLeads = [firstOf(addressee, 'en')];
    ctx.taskHeader = 2;
    return out;
  }

  const agreed = EN_AGREED.exec(text);
  if (agreed) {
    const task = text.slice(agreed.index + agreed[0].length - (agreed[1] as string).length);
    for (const t of enTasks(task)) out.push(make(t, [], 'agreement'));
    if (out.length > 0) return out;
  }

  // Modals: `the government must prepare …`, `… departments should work together …`
  const modal = EN_MODAL.exec(text);
  if (modal && !modal[2]) {
    const { subject, embedded } = enSubject(text.slice(0, modal.index));
    const verb = modal[4] as string;
    const rest = text.slice(modal.index + modal[0].length - verb.length);
    const firstWord = subject.split(/\s+/)[0] ?? '';
    if (!embedded && subject !== '' && !EN_NOT_VERB.has(verb.toLowerCase()) && !EN_STATIVE.test(verb) && !EN_PRONOUN_SUBJECT.test(firstWord) && !EN_PRONOUN_SUBJECT.test(subject)) {
      if (modal[3]) {
        // Passive (`the anchors need to be removed promptly`): only in a list of tasks just announced.
        if (ctx.taskHeader > 0 || /^(?:firstly|secondly|thirdly|first|second|third|finally|lastly)\b/i.test(text)) {
          const tail = rest.slice(verb.length).replace(/^\s+/, ' ');
          const object = subject.replace(/^(?:firstly|secondly|thirdly|first|second|third|finally|lastly)\s*,?\s*/i, '');
          const more = /,\s*and\s+(.+?)\s+(?:needs?|has|have|must|should)\s+(?:to\s+)?be\s+([a-z]+)(.*)$/i.exec(tail);
          let title = `${enBase(verb)} ${object}${more ? tail.slice(0, more.index) : tail}`;
          if (more) title += ` and ${enBase(more[2] as string)} ${more[1]}${(more[3] as string).replace(/\s+as to\b.*$/i, '')}`;
          out.push(make(title.replace(/\s+as to\b.*$/i, ''), ctx.defaultLeads));
          return out;
        }
      } else if (isAgent(subject) && !EN_STATIVE.test(verb)) {
        for (const t of enTasks(rest)) out.push(make(t, [firstOf(subject, 'en')]));
        return out;
      }
    }
  }

  // In a text that announces instructions: `A special commission will estimate …`, `A hotline will be launched …`
  if (ctx.instructionText) {
    const future = EN_FUTURE.exec(text);
    if (future && !future[2]) {
      const { subject, embedded } = enSubject(text.slice(0, future.index));
      const verb = future[4] as string;
      const firstWord = subject.split(/\s+/)[0] ?? '';
      if (!embedded && subject !== '' && !EN_NOT_VERB.has(verb.toLowerCase()) && !EN_PRONOUN_SUBJECT.test(firstWord) && !EN_STATIVE.test(verb) && !EN_STATIVE.test(enBase(verb))) {
        const rest = text.slice(future.index + future[0].length - verb.length);
        if (future[3]) {
          out.push(make(`${enBase(verb)} ${subject.replace(/^(?:the|a|an)\s+/i, 'a ')}${rest.slice(verb.length)}`, ctx.defaultLeads));
        } else if (isAgent(subject)) {
          for (const t of enTasks(rest)) out.push(make(t, [firstOf(subject, 'en')]));
        }
      }
    }
  }
  return out;
}

// ---- Russian ----

interface Word {
  w: string;
  lower: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] & { source?: string } = [];
  out.source = text;
  const re = /[\p{L}\d][\p{L}\d-]*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ w: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

const NOT_INFINITIVE = /(?:[оая]сть|ость|ность|путь|сеть|часть|власть|треть|печать|мать|знать|рать|тетрадь|нить|смерть|площадь|лошадь|кровать|гать|пять|десять|девять|шесть|семь|восемь|память|суть|мысль|роль|цель|жизнь|связь)$/u;

export function isRuInfinitive(word: string): boolean {
  const w = word.toLowerCase();
  if (!/(?:ть|ти|чь)(?:ся)?$/u.test(w) || w.length < 4) return false;
  // `-ти`: провести, нести, найти — not власти, части, области.
  if (/ти(?:сь)?$/u.test(w) && !/(?:[её]сти|[её]зти|йти|расти|спасти|трясти)(?:сь)?$/u.test(w)) return false;
  if (/^(?:быть)$/u.test(w)) return false;
  return !NOT_INFINITIVE.test(w) || /^(?:узнать)$/u.test(w);
}

/** Imperfective verbs of habit and effort: after a weak modal they exhort rather than assign. */
const RU_IMPERFECTIVE =
  /(?:ывать|ивать|[аеяу]вать|имать|олнять|ажать|елять|лжать|ходить|водить|носить)(?:ся)?$|^(?:брать|работать|делать|вести|держать|нести|иметь|жить|идти|думать|понимать|стремиться|продолжать|помнить|следить|заниматься|уделять|принимать|стоять|знать)$/u;

/** The stems of the verbs that give a task, by Snowball: поручил, поручено, поручается, поручаю … */
const RU_STRONG_STEMS = ['поруч', 'поруча', 'обяза', 'обязыва', 'потребова', 'возлож', 'возлага', 'предписа', 'призва'];

function ruMarker(words: Word[]): { index: number; kind: 'strong' | 'weak' | 'ask' | 'task' | 'given'; passive: boolean } | null {
  for (let i = 0; i < words.length; i++) {
    const { lower } = words[i] as Word;
    const next = words[i + 1]?.lower ?? '';
    if (/^поручени/u.test(lower)) {
      // `дал поручение`, `дано поручение`, `поручения даны`
      const near = words.slice(Math.max(0, i - 10), i + 3).map((w) => w.lower);
      if (near.some((w) => /^(?:дал[аи]?|дано|даны|дает|даёт|дадут|выдал\p{L}*)$/u.test(w))) return { index: i, kind: 'given', passive: near.some((w) => /^(?:дано|даны)$/u.test(w)) };
      continue;
    }
    const stem = russianStem(lower);
    if (RU_STRONG_STEMS.some((s) => stem === s || (stem.startsWith(s) && !/^поручен/u.test(stem)))) {
      if (/^обяза(?:н|на|ны|но)$/u.test(lower)) return { index: i, kind: 'weak', passive: false };
      return { index: i, kind: 'strong', passive: /(?:ено|ена|ены|ается|аются|ен|ена)$/u.test(lower) };
    }
    if (/^(?:прошу|просим|просил[аи]?|попросил[аи]?)$/u.test(lower)) return { index: i, kind: 'ask', passive: false };
    if (/^(?:постав\p{L}*)$/u.test(lower) && /^(?:задач\p{L}*|цель)$/u.test(next)) return { index: i + 1, kind: 'task', passive: /(?:лена|лены|лено)$/u.test(lower) };
    if (/^задач[аи]$/u.test(lower) && /^(?:поставлен[аы]?)$/u.test(next)) return { index: i + 1, kind: 'task', passive: true };
    if (/^(?:должен|должна|должно|должны|необходимо|нужно|надо|следует|требуется|предстоит|обязан|обязана|обязаны)$/u.test(lower)) return { index: i, kind: 'weak', passive: false };
  }
  return null;
}

/** Infinitive tasks from a point on: split at `, а также`, `;` and commas that open a new infinitive. */
function ruTasks(text: string): string[] {
  const t = text.replace(/,\s*(?:котор\p{L}*|где|чтобы)(?![\p{L}]).*$/u, '').replace(/;.*$/u, '');
  const segments = t.split(/\s*(?:,\s*а также|,\s*а равно|;)\s+|\s*,\s+/u);
  const out: string[] = [];
  for (const seg of segments) {
    const ws = wordsOf(seg);
    const inf = ws.slice(0, 6).findIndex((w) => isRuInfinitive(w.w));
    if (out.length === 0 || (inf >= 0 && !/^(?:и|или|но)$/u.test(ws[0]?.lower ?? ''))) out.push(seg);
    else out[out.length - 1] += `, ${seg}`;
  }
  return out.map((s) => s.trim()).filter((s) => wordsOf(s).length >= 2);
}

function ruFirstInfinitive(text: string): { at: number; word: string } | null {
  for (const w of wordsOf(text)) if (isRuInfinitive(w.w)) return { at: w.start, word: w.lower };
  return null;
}

/** A person named by given name and surname (`Андрей Белоусов`, `вице-премьерам Дмитрию Чернышенко и …`), not a body or a country. */
function personIn(text: string, first: boolean): string | null {
  const pairs = [...text.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}])/gu)].filter(
    (m) => ![m[1], m[2]].some((w) => AGENT_WORD.test(w as string) || countryNamed(w as string) !== null || /^(?:республик|федераци|государств|народн|национальн|верховн|высш|центральн|государственн)/iu.test(w as string)),
  );
  const pick = first ? pairs[0] : pairs[pairs.length - 1];
  if (!pick) return null;
  // Only at the end of the words before the verb (or first of a list of people joined by «и»).
  const after = text.slice((pick.index ?? 0) + pick[0].length).trim();
  if (after !== '' && !/^(?:и|,)\s/u.test(after)) return null;
  return `${pick[1]} ${pick[2]}`;
}

/** A finite verb (past or present) between two points: the dative-led directive has none. */
const RU_FINITE = /(?:л|ла|ли|ло|лся|лась|лись|ет|ит|ют|ят|ут|ат|ёт)$/u;

function ruTitle(task: string): string {
  // The deadline goes to its own field.
  return task.replace(/(?:^|\s)(?:до|к|не позднее)\s+\d{1,2}\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*(?:\s+\d{4}\s*(?:г\.|года|г)?)?(?:\s+(?:этого|текущего)\s+года)?(?=[\s,.;]|$)/giu, ' ');
}

function ruObligations(sentence: Sentence, text: string, ctx: FindContext, prev: Sentence | undefined): Obligation[] {
  const out: Obligation[] = [];
  const words = wordsOf(text);
  const make = (task: string, leads: string[], clause = text): Obligation => ({
    kind: 'instruction',
    title: finishTitle(ruTitle(task), 'ru'),
    clause,
    leads: leads.map((l) => nominative(l, 'ru')).filter((l) => l !== '' && !isGeneric(l)),
    sentence,
  });

  // `Правительству России обеспечить …` — the directive of lists and decrees.
  const body = text.replace(/^[«"“„\s-]+/u, '');
  const bw = wordsOf(body);
  if (bw.length > 2 && /^\p{Lu}/u.test(bw[0]?.w ?? '') && /(?:у|ю|ам|ям)$/u.test(bw[0]?.lower ?? '') && AGENT_WORD.test(bw[0]?.w ?? '')) {
    const inf = bw.slice(1, 9).findIndex((w) => isRuInfinitive(w.w));
    const between = bw.slice(1, inf + 1);
    if (inf >= 0 && !between.some((w) => RU_FINITE.test(w.lower) && !/^(?:\p{Lu})/u.test(w.w)) && !ruMarker(between)) {
      const infWord = bw[inf + 1] as Word;
      const lead = body.slice(0, infWord.start).replace(/\s*(?:до|к)\s+\d.*$/u, '').trim();
      for (const t of ruTasks(body.slice(infWord.start))) out.push(make(t, [firstOf(lead, 'ru')]));
      if (out.length > 0) return out;
    }
  }

  const marker = ruMarker(words);
  if (marker) {
    const mw = words[marker.index] as Word;
    const after = text.slice(mw.end);
    const inf = ruFirstInfinitive(after);
    if (inf) {
      const between = after.slice(0, inf.at).trim();
      const rest = after.slice(inf.at);
      let leads: string[];
      if (marker.kind === 'weak') {
        if (RU_IMPERFECTIVE.test(inf.word)) return out;
        // The subject before the modal (`Минздрав и Минфин должны …`, `правительство должно …`).
        const before = text.slice(0, mw.start).replace(/^.*(?:,\s*что|:)\s*/u, '').replace(/\s*(?:до|к|не позднее)\s+\d{1,2}\s+\p{L}+(?:\s+\d{4}\s*(?:г\.|года|г)?)?\s*/giu, ' ').trim();
        const subjectWords = wordsOf(before);
        const hasAgent = subjectWords.some((w) => AGENT_WORD.test(w.w)) || /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(before);
        // `План … должны подготовить Минэкономики и Минфин до 1 ноября`: the object first, the subject last.
        const tasks = ruTasks(rest);
        const lastTask = tasks[tasks.length - 1] ?? '';
        const ltWords = wordsOf(lastTask);
        const tail = ltWords.slice(1);
        const tailIsSubject = tail.length > 0 && tail.every((w) => AGENT_WORD.test(w.w) || /^(?:и|до|к|\d+|январ\p{L}*|феврал\p{L}*|март\p{L}*|апрел\p{L}*|ма[йя]|июн\p{L}*|июл\p{L}*|август\p{L}*|сентябр\p{L}*|октябр\p{L}*|ноябр\p{L}*|декабр\p{L}*|года?)$/u.test(w.lower));
        if (tailIsSubject && before !== '' && !hasAgent) {
          const subj = lastTask.slice((ltWords[1] as Word).start).replace(/\s*(?:до|к)\s+\d.*$/u, '');
          out.push(make(`${ltWords[0]?.w} ${/^\p{Lu}\p{Ll}/u.test(before) ? before.charAt(0).toLowerCase() + before.slice(1) : before}`, [firstOf(subj, 'ru')]));
          return out;
        }
        if (!hasAgent && !/^(?:необходимо|нужно|надо|следует|требуется)$/u.test(mw.lower)) return out;
        if (!hasAgent && !ctx.instructionText && !/(?<![\p{L}])(?:\p{Lu}\p{L}*(?:у|ю|ам|ям))\s/u.test(before)) return out;
        const person = personIn(before, false);
        leads = person ? [person] : hasAgent ? [firstOf(before.replace(/^(?:так|также|кроме того)\s*,?\s*/iu, ''), 'ru')] : [];
      } else if (marker.kind === 'strong' && marker.passive) {
        // `Министерству энергетики поручено …`, `вице-премьерам Дмитрию Чернышенко и Дмитрию Григоренко поручено`
        const before = text.slice(0, mw.start).replace(/^.*(?:,\s*что|:)\s+/u, '').replace(/^(?:также|так|кроме того)\s*,?\s+/iu, '').trim();
        const person = personIn(before, true);
        leads = person ? [person] : before ? [firstOf(before, 'ru')] : [];
      } else if (marker.kind === 'task') {
        const before = text.slice(0, words[marker.index - 1]?.start ?? mw.start).replace(/^(?:так|также|кроме того)\s*,?\s*/iu, '').trim();
        leads = before && wordsOf(before).some((w) => AGENT_WORD.test(w.w)) ? [firstOf(before, 'ru')] : [];
      } else {
        // `поручил корпусу акимов …`, `Прошу Минэкономразвития, … разработать`
        const who = between.replace(/\s*(?:совместно|вместе)\s+с\s+.*$/u, '').replace(/\s*(?:до|к|не позднее)\s+\d.*$/u, '').trim();
        leads = who && wordsOf(who).some((w) => AGENT_WORD.test(w.w) || /^\p{Lu}/u.test(w.w)) ? [firstOf(who, 'ru')] : ctx.defaultLeads;
      }
      for (const t of ruTasks(rest)) out.push(make(t, leads));
      if (out.length > 0) return out;
    }
    // `дал руководителям … ряд поручений, в том числе связанных с недопущением роста цен …`
    if (marker.kind === 'given' || marker.kind === 'strong') {
      const topic = /(?:связанн\p{L}*\s+с|касающ\p{L}*|в том числе по|по вопросам)\s+(.+)$/iu.exec(after);
      if (topic) {
        const between = text.slice(mw.start, mw.start + (topic.index ?? 0) + mw.end - mw.start);
        const who = /(?:дал[аи]?|дано|даны)\s+(.+?)\s+(?:ряд|несколько|конкретн\p{L}*|поручени\p{L}*)/iu.exec(text.slice(0, mw.end));
        const items = (topic[1] as string).split(/\s*,\s+|\s+и\s+(?=\p{Ll}+(?:ием|ением|анием|ей|ой)\s)/u).filter((s) => wordsOf(s).length >= 2);
        for (const item of items) {
          const nominal = item.replace(/^(\p{L}+?)(?:ием|ением|анием)(?![\p{L}])/u, (_m, s: string) => `${s}${_m.endsWith('анием') ? 'ание' : _m.endsWith('ением') ? 'ение' : 'ие'}`);
          out.push(make(nominal, who ? [firstOf(who[1] as string, 'ru')] : []));
        }
        void between;
        if (out.length > 0) return out;
      }
    }
  }

  // `Белоусов и Голикова 16 марта … доложат о предложениях … Такое поручение Михаил Мишустин дал …`
  if (prev && /(?<![\p{L}])(?:такое|это|данное|соответствующее) поручение(?![\p{L}])/iu.test(text) && !ruFirstInfinitive(text)) {
    const pw = wordsOf(prev.text);
    const future = pw.findIndex((w, i) => i > 0 && /^(?:до|под|при|про|пере|вы|за|на|об|о|от|по|раз|рас|с|у|из|вз|ис)\p{L}{2,}(?:ят|ат|ут|ют)$/u.test(w.lower) && w.lower.length >= 6);
    if (future > 0) {
      const verb = pw[future] as Word;
      const inf = verb.lower.replace(/(?:ают)$/u, 'ать').replace(/(?:яют)$/u, 'ять').replace(/(?:ут|ют)$/u, 'ть').replace(/(?:ат|ят)$/u, 'ить');
      const before = prev.text.slice(0, verb.start);
      const found = personIn(before, true);
      const person = found ? [found, found] : null;
      const rest = prev.text.slice(verb.end).replace(/,\s*(?:направленн|требующ|предусмотренн|связанн)\p{L}*.*$/u, '');
      out.push({ ...make(`${inf}${rest}`, person ? [person[1] as string] : []), clause: prev.text, sentence: prev });
    }
  }
  return out;
}

// ---- Kazakh and Kyrgyz ----

/** A verbal noun (the task's verb) in any case: `ету`, `қабылдауды`, `даярдоону`, `etý`, `kúsheıtýdi`, `күчөтүүгө`. */
const TURKIC_VERBAL_NOUN =
  /^(\p{L}+?(?:уу|үү|оо|өө|у|ү|ю|ý))(?:ды|ді|ты|ті|ны|ні|ну|нү|ду|дү|ту|тү|ға|ге|қа|ке|га|ге|го|гө|ка|ке|ко|кө|ы|і|су|сү|сы|сі|у|dy|di|ty|ti|ny|ni|ǵa|ge|qa|ke|y|i)?$/iu;

function verbalNoun(word: string): string | null {
  const m = TURKIC_VERBAL_NOUN.exec(word);
  if (!m) return null;
  const base = m[1] as string;
  if (base.length < 3 || /^(?:бу|су|ту|осы|шу|му|бұ|ушу|мұну|бойу|боюу|туу)$/iu.test(base)) return null;
  // Nouns that only end like one.
  if (/^(?:жуу|суу|туу|бақу|сату|шу|ру|кеу|тау|бау|дау|жау|ау|еу|оу|ку|ду)$/iu.test(base)) return null;
  return base;
}

const TURKIC_STRONG =
  /^(?:тапсыр(?:ды|ған|ып|ылды|ылсын|ылған|ылып|ады|ған)|тапшыр(?:ды|ган|ып|ылды|ылсын|ылган|ылып|ат)|міндетте(?:ді|лді|лсін|п)|милдеттендир(?:ди|илди|илсин|ип)|жүкте(?:лді|лсін|лген|ді)|жүктө(?:лдү|лсүн|дү)|tapsyr(?:dy|yldy|ylsyn|yp|ǵan)|mindette(?:di|ldi))$/iu;
const TURKIC_PASSIVE = /(?:ылды|ілді|лді|лдү|илди|ылсын|ілсін|лсін|лсүн|yldy|ldi)$/iu;
const TURKIC_WEAK = /^(?:тиіс|тийиш|керек|қажет|зарыл|tıis|kerek|qajet)$/iu;
const TURKIC_TASK_NOUN = /^(?:тапсырма(?:сын|ларын|лар|ны)?|тапшырма(?:сын|ларын|лар|ны)?|tapsyrma\p{L}*)$/iu;
const TURKIC_GIVE = /^(?:берді|берилди|берилип|берілді|берди|берилген|berdi|berildi)$/iu;
const TURKIC_IMPERATIVE_2PL = /^(\p{L}{3,}?)(?:[ыіиуү]?ң[ыіиуү]з(?:дар|дер|дор|дөр)?|[ıiy]?ń[ıiy]z(?:dar|der)?)$/iu;
const TURKIC_IMPERATIVE_3 = /^(\p{L}{2,}?)(сын|сін|син|сун|сүн|sun|sin)$/iu;
/** Verbs of an exhortation rather than a task: work hard, get down to it, say so, know, give results. */
const TURKIC_VAGUE = /^(?:кірісу|киришүү|айту|айтуу|білу|билүү|болу|болуу|тырысу|аракеттенүү)$/iu;
/** The object of an exhortation: work (hard), give results. */
const TURKIC_VAGUE_OBJECT = /^(?:жұмыс|иш|нәтиже|нәтижесін|натыйжа|натыйжасын|күш-жігерін)$/iu;
const TURKIC_COEXECUTORS = /(?:менен биргеликте|бірлесіп|бірлесе отырып|менен бирге|birlesip|birlese otyryp|бірге)(?![\p{L}])/iu;
const TURKIC_CASED = /(?:дагы|дегі|тағы|тегі|ндағы|ндегі|дан|ден|тан|тен|нан|нен|дын|дин|тын|тин|нын|нин|ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|га|го|гө|ка|ко|кө|да|де|та|те|до|дө|то|тө|ды|ді|ты|ті|ны|ні|ǵa|ge|qa|ke|da|de|ta|te|ńyń|nyń|dyń|tyń|niń|diń|tiń)$/iu;
const TURKIC_DATIVE = /(?:ға|ге|қа|ке|на|не|га|го|гө|ка|ко|кө|но|нө|ǵa|ge|qa|ke|na|ne)$/iu;
const TURKIC_GENITIVE = /(?:ның|нің|дың|дің|тың|тің|нын|нин|нун|нүн|дын|дин|дун|дүн|тын|тин|тун|түн|ńyń|nyń|dyń|tyń|niń|diń|tiń)$/iu;
const TURKIC_PARTICIPLE = /(?:ган|гөн|ген|кан|кен|көн|ған|қан|ғен|gan|qan|ǵan|gen|ken)$/iu;
const TURKIC_POSTPOSITION = /^(?:үшін|үчүн|üshin|бойынша|боюнча|boıynsha|туралы|тууралуу|арқылы|аркылуу|кейін|кийин|дейін|чейин|кезде|кезінде|байланысты|ылайык|сәйкес)$/iu;
const TURKIC_CONJ = /^(?:және|жана|мен|менен|пен|бен|jáne|men|ben|pen|,)$/iu;

/** A person's name in the nominative: a surname (`Бектенов`, `Тоқаев`, `Mamın`) or a patronymic. */
function isPersonName(w: string): boolean {
  return /^\p{Lu}/u.test(w) && !TURKIC_CASED.test(w.toLowerCase()) && /(?:ов|ев|ёв|ин|ын|ова|ева|ина|ұлы|улы|уулу|кызы|қызы|ovich|evich|ович|евич|ovna|ов|ev|in|ın|uly|qyzy)$/iu.test(w) && !isTurkicAgent(w);
}

function isTurkicAgent(w: string): boolean {
  // `Премьер-министр`, `premer-mınıstr`: an office written with a hyphen.
  if (w.includes('-') && w.split('-').some((part) => part.length > 2 && isTurkicAgent(part))) return true;
  return AGENT_WORD.test(w) || AGENT_WORD.test(w.replace(TURKIC_CASED, ''));
}

/** A Kazakh or Kyrgyz verb stem → its verbal noun (`төшө` → `төшөө`, `доғар` → `доғару`). */
function toVerbalNoun(stem: string, language: ReadoutLanguage): string {
  const vowels = stem.match(/[аәеиоөұүыіэ]/giu) ?? [];
  const last = (vowels[vowels.length - 1] ?? 'а').toLowerCase();
  if (/[аәеиоөұүыіэ]$/iu.test(stem)) {
    if (language === 'ky') return stem.replace(/а$/u, 'оо').replace(/е$/u, 'өө').replace(/ө$/u, 'өө').replace(/о$/u, 'оо').replace(/ы$/u, 'уу').replace(/и$/u, 'үү');
    return `${stem}у`;
  }
  if (language === 'ky') return `${stem}${/[еиөү]/u.test(last) ? 'үү' : 'уу'}`;
  return `${stem}${/[әеіөү]/u.test(last) ? 'у' : 'у'}`;
}

interface Span {
  from: number;
  to: number;
}

/** The addressee chain in the dative (`Премьер-Министрге, … Басшысына және … әкімдерге`): its first name and where it ends. */
/** What lies between word i's end and word j's start (`, `, ` `). */
function textOf(ws: Word[], i: number, j: number): string {
  return (ws as Word[] & { source?: string }).source?.slice((ws[i] as Word).end, (ws[j] as Word).start) ?? ' ';
}

function turkicAddressees(ws: Word[], from: number, to: number): { lead: string | null; end: number } | null {
  let first: number | null = null;
  let end = -1;
  for (let i = from; i < to; i++) {
    const w = ws[i] as Word;
    if (!TURKIC_DATIVE.test(w.lower) || verbalNoun(w.w)) continue;
    const agent = isTurkicAgent(w.w) || (/^\p{Lu}/u.test(w.w) && i > 0 && (isPersonName(ws[i - 1]?.w ?? '') || /^\p{Lu}\p{Ll}+$/u.test(ws[i - 1]?.w ?? '') && /(?:вич|ич|улы|ұлы|уулу|qyzy|кызы)$/iu.test(ws[i - 1]?.w ?? '')) || (/^\p{Lu}/u.test(w.w) && /(?:ов|ев|ин|ова|ева|ина)(?:ға|ге|қа|ке|га|го|гө|ка|ко|кө|а|у)$/iu.test(w.w)));
    if (!agent) continue;
    if (first === null) {
      first = i;
      end = i;
      continue;
    }
    // A further addressee joined to the chain by a conjunction or a comma, with no verb between.
    const between = ws.slice(end + 1, i);
    if (between.length <= 6 && !between.some((b) => verbalNoun(b.w) || TURKIC_PARTICIPLE.test(b.lower))) end = i;
    else break;
  }
  if (first === null) return null;
  // The addressee's own words: back from its dative word over its modifiers, not over the name of
  // the official who gives the task, a converb, or a word closing an earlier clause with a comma.
  let start = first;
  while (start > from && first - start < 8) {
    const p = ws[start - 1] as Word;
    const comma = /^\s*,/u.test(textOf(ws, start - 1, start));
    if (TURKIC_STRONG.test(p.w) || TURKIC_TASK_NOUN.test(p.w)) break;
    if (isPersonName(p.w)) break;
    // An office in the nominative (`Премьер-министр`, `Мемлекет басшысы`) heads a noun phrase of its own: the one who instructs.
    if (isTurkicAgent(p.w) && !TURKIC_GENITIVE.test(p.lower) && (/^\p{Lu}/u.test(p.w) || /(?:сы|сі|си|су|сү)$/u.test(p.lower))) break;
    if (/(?:ып|іп|ип|уп|үп|yp|ip|ғанда|генде|қанда|кенде|ganda|qanda)$/iu.test(p.lower)) break;
    if (comma && !isTurkicAgent(p.w)) break;
    if (TURKIC_DATIVE.test(p.lower) && /^\p{Ll}/u.test(p.w) && !TURKIC_GENITIVE.test(p.lower) && !isTurkicAgent(p.w) && !TURKIC_CONJ.test(p.w)) break;
    if (TURKIC_POSTPOSITION.test(p.w)) break;
    // `Үкімет отырысында` (at the Government's meeting): where, not whom.
    if (/^\p{Ll}/u.test(p.w) && /(?:нда|нде|нсында|нсінде|ында|інде|да|де|та|те|до|дө|то|тө|дан|ден|тан|тен|нан|нен|nda|nde|da|de|ta|te)$/iu.test(p.lower) && !isTurkicAgent(p.w)) break;
    start--;
  }
  return { lead: `${start}:${first}`, end };
}

function turkicObligations(sentence: Sentence, text: string, language: ReadoutLanguage, ctx: FindContext, before: Sentence[]): Obligation[] {
  const out: Obligation[] = [];
  const clean = text.replace(/^[\s«"“„-]+/u, '').replace(CONNECTIVES, '');
  const ws = wordsOf(clean);
  const phrase = (a: number, b: number) => (a >= b ? '' : clean.slice((ws[a] as Word).start, (ws[b - 1] as Word).end));
  const make = (task: string, leads: string[], from: Sentence = sentence, clause = text): Obligation => ({
    kind: 'instruction',
    title: finishTitle(task, language),
    clause,
    leads: leads.map((l) => nominative(l, language)).filter((l) => l !== '' && !isGeneric(l)),
    sentence: from,
  });

  // The marker: the verb of obligation (the last one in the sentence), or a polite imperative.
  let m = -1;
  let kind: 'strong' | 'weak' | 'imp2' | 'imp3' | 'said' = 'strong';
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = (ws[i] as Word).w;
    if (TURKIC_STRONG.test(w) || (TURKIC_GIVE.test(w) && i > 0 && TURKIC_TASK_NOUN.test((ws[i - 1] as Word).w))) {
      m = i;
      kind = 'strong';
      break;
    }
    if (TURKIC_WEAK.test(w)) {
      // `… тоқтату қажет екенін мәлімдеген`: a necessity reported, not a task given.
      if (/^(?:екен|экен|eken)/iu.test(ws[i + 1]?.w ?? '')) break;
      m = i;
      kind = 'weak';
      break;
    }
    if (TURKIC_IMPERATIVE_2PL.test(w) && i >= ws.length - 2) {
      m = i;
      kind = 'imp2';
      break;
    }
    if (sentence.item && TURKIC_IMPERATIVE_3.test(w) && i === ws.length - 1 && !/^(?:\p{Lu})/u.test(w)) {
      m = i;
      kind = 'imp3';
      break;
    }
  }
  // `Бир катар тапшырмалар берилип, кызматкерлерге … өткөрүү айтылды`
  if (m < 0) return out;
  const markerWord = ws[m] as Word;
  if (kind === 'strong' && /(?:ып|іп|ип|уп|үп|yp)$/iu.test(markerWord.lower) && TURKIC_TASK_NOUN.test(ws[m - 1]?.w ?? '')) {
    const said = ws.findIndex((w, i) => i > m && /^(?:айтылды|айтылган|айтты|делінді|aıtyldy)$/iu.test(w.w));
    if (said > m + 1) {
      const vn = verbalNoun((ws[said - 1] as Word).w);
      if (vn) {
        const adr = turkicAddressees(ws, m + 1, said - 1);
        const from = adr ? adr.end + 1 : m + 1;
        out.push(make(`${phrase(from, said - 1)} ${vn}`.trim(), adr ? [phrase(...(adr.lead as string).split(':').map(Number).map((v, k) => (k === 1 ? v + 1 : v)) as [number, number])] : []));
        return out;
      }
    }
  }

  // The clause the marker governs: back to the sentence's start or a passive converb with a comma.
  let start = 0;
  for (let i = m - 1; i > 0; i--) {
    const w = ws[i] as Word;
    const comma = clean.slice(w.end, w.end + 2).startsWith(',');
    if (comma && /(?:лып|ліп|лип|луп|лүп|нып|ніп|lyp|lip)$/iu.test(w.lower)) {
      start = i + 1;
      break;
    }
  }
  // `…, al densaýlyq saqtaý mınıstrligine … berý tapsyryldy`: two addressees, two tasks.
  const clauseText = phrase(start, m);
  const parts: Span[] = [];
  let partStart = start;
  for (let i = start; i < m; i++) {
    if (/^(?:ал|al)$/iu.test((ws[i] as Word).w) && clean.slice((ws[i - 1] as Word)?.end ?? 0, (ws[i] as Word).start).includes(',')) {
      parts.push({ from: partStart, to: i });
      partStart = i + 1;
    }
  }
  parts.push({ from: partStart, to: kind === 'strong' && TURKIC_GIVE.test(markerWord.w) ? m - 1 : m });
  void clauseText;

  const passive = TURKIC_PASSIVE.test(markerWord.w);
  for (const part of parts) {
    const { from } = part;
    // Each addressee's part of the sentence keeps its own deadline (`…, al … 15 qazanǵa deıin …`).
    const partClause = parts.length > 1 ? phrase(from, Math.min(ws.length, part.to + 1)) : text;
    let { to } = part;
    if (kind === 'imp2' || kind === 'imp3') to = m + 1;
    if (to - from < 1) continue;
    let leads: string[] = [];
    // The verbal noun that ends the task.
    const lastWord = ws[to - 1] as Word;
    let ending: string | null;
    if (kind === 'imp2') {
      const stem = TURKIC_IMPERATIVE_2PL.exec(lastWord.w)?.[1];
      if (!stem) continue;
      ending = toVerbalNoun(stem.replace(/(?:са|се)$/u, ''), language);
    } else if (kind === 'imp3') {
      const stem = TURKIC_IMPERATIVE_3.exec(lastWord.w)?.[1] as string;
      ending = toVerbalNoun(stem, language);
    } else {
      ending = verbalNoun(lastWord.w);
      // A passive verb with its addressee before it (`… сунуштоо … Данияр Үсөновго тапшырылды`) ends in that name.
      if (!ending && !(passive && TURKIC_DATIVE.test(lastWord.lower))) continue;
    }
    if (ending && TURKIC_VAGUE.test(ending)) continue;
    if (to - from >= 2 && TURKIC_VAGUE_OBJECT.test((ws[to - 2] as Word).w) && kind !== 'strong') continue;
    // A passive marker with the addressee right before it: `… сунуштоо … Данияр Үсөновго тапшырылды`.
    let body: Span = { from, to: to - 1 };
    if ((passive || kind === 'imp3') && to === m && TURKIC_DATIVE.test(lastWord.lower) === false) {
      // nothing
    }
    if (passive && kind === 'strong' && TURKIC_STRONG.test(markerWord.w)) {
      // The addressee in the dative between the task and the marker.
      const before = ws.slice(from, to);
      const last = before.length - 1;
      if (TURKIC_DATIVE.test(before[last]?.lower ?? '') && (isTurkicAgent(before[last]?.w ?? '') || /^\p{Lu}/u.test(before[last]?.w ?? '')) && !verbalNoun(before[last]?.w ?? '')) {
        // The task ends at the last verbal noun before the addressee; the addressee's name is what follows it.
        let v = last - 1;
        while (v >= 0 && !verbalNoun(before[v]?.w ?? '')) v--;
        if (v < 0) continue;
        let n = last;
        while (n > v + 1 && /^\p{Lu}/u.test(before[n - 1]?.w ?? '') && !isTurkicAgent(before[n - 1]?.w ?? '')) n--;
        const person = n < last || /^\p{Lu}/u.test(before[last]?.w ?? '');
        leads = [phrase(from + (person ? n : v + 1), from + last + 1)];
        ending = verbalNoun((before[v] as Word).w);
        body = { from, to: from + v };
      }
    }
    if (!ending) continue;
    if (leads.length === 0) {
      const adr = turkicAddressees(ws, body.from, body.to);
      if (adr && adr.lead) {
        const [a, b] = adr.lead.split(':').map(Number) as [number, number];
        leads = [phrase(a, b + 1)];
        body = { from: adr.end + 1, to: body.to };
      } else {
        // No addressee in the dative: the subject (`Астананың әкімі`, `КР Өзгөчө кырдаалдар министрлиги`)
        // leads after a weak marker; the instructing official is left out.
        let subjectEnd = -1;
        for (let i = body.from; i < body.to; i++) {
          const w = ws[i] as Word;
          if (isTurkicAgent(w.w) && !TURKIC_DATIVE.test(w.lower) && !TURKIC_GENITIVE.test(w.lower) && !/(?:тапсырма|тапшырма)/iu.test(w.w)) {
            subjectEnd = i;
            break;
          }
        }
        if (subjectEnd >= 0) {
          let s = subjectEnd;
          while (s > body.from && subjectEnd - s < 5) {
            const p = ws[s - 1] as Word;
            if (isPersonName(p.w) || TURKIC_POSTPOSITION.test(p.w) || verbalNoun(p.w) || TURKIC_DATIVE.test(p.lower) || /(?:ып|іп|ип|уп|үп|yp|ip)$/iu.test(p.lower)) break;
            if (TURKIC_CASED.test(p.lower) && !TURKIC_GENITIVE.test(p.lower) && !/^(?:кр|қр|рк)$/iu.test(p.w)) break;
            s--;
          }
          if (kind === 'weak' || kind === 'imp3' || (kind === 'strong' && ws.slice(body.from, s).some((w) => isPersonName(w.w)))) leads = [phrase(s, subjectEnd + 1)];
          // A purpose clause before the subject belongs to the task (`Елорданы сумен қамтамасыз етіп, … үшін`).
          const lead = phrase(body.from, s);
          body = { from: subjectEnd + 1, to: body.to };
          if (/(?:үшін|үчүн|üshin|максатында|мақсатында)$/iu.test(lead)) {
            out.push(...[]);
            const coexec = TURKIC_COEXECUTORS.exec(phrase(body.from, body.to + 1));
            const task = coexec ? phrase(body.from, body.to + 1).slice(coexec.index + coexec[0].length) : phrase(body.from, body.to);
            out.push(make(`${lead} ${coexec ? task.replace(/\s*\p{L}+$/u, '') : task} ${ending}`.replace(/\s+/g, ' '), leads, sentence, partClause));
            continue;
          }
        } else if (kind === 'weak') {
          if (!ctx.instructionText) continue;
        }
        if (kind === 'strong') {
          // The official who instructs: capitalised words and offices at the start.
          let s = body.from;
          for (let i = body.from; i < Math.min(body.to, body.from + 6); i++) {
            const w = ws[i] as Word;
            if ((isTurkicAgent(w.w) && !TURKIC_CASED.test(w.lower)) || (/^\p{Lu}/u.test(w.w) && !TURKIC_CASED.test(w.lower) && i > body.from)) s = i + 1;
          }
          if (kind === 'strong') body = { from: s, to: body.to };
        }
      }
    }
    // A decree's `… қабылдансын` with no one to do it is a decision, not a task.
    if (kind === 'imp3' && leads.length === 0) continue;
    let task = phrase(body.from, body.to);
    const coexec = TURKIC_COEXECUTORS.exec(task);
    if (coexec) task = task.slice(coexec.index + coexec[0].length);
    task = task.replace(/^[\s,]+/u, '');
    // `… kúsheıtýdi jáne … baqylaýdy`: two verbal nouns in the accusative, two tasks.
    const pieces: string[] = [];
    let current = '';
    for (const w of wordsOf(task)) {
      const sep = task.slice(w.start - 1, w.start);
      if (TURKIC_CONJ.test(w.w) && /(?:ды|ді|ты|ті|ны|ні|ну|нү|ду|дү|dy|di|ty|ti|ny|ni)$/iu.test(current.trim().split(/\s+/).pop() ?? '') && verbalNoun(current.trim().split(/\s+/).pop() ?? '')) {
        pieces.push(current.trim().replace(/(\S+)$/u, (x) => verbalNoun(x) ?? x));
        current = '';
        continue;
      }
      current += (current === '' ? '' : sep === ' ' ? ' ' : sep) + w.w;
    }
    const full = `${task.slice(0, task.length).trim()}`;
    if (pieces.length > 0) {
      const rest = full.slice(full.indexOf(current.split(/\s+/)[0] ?? '') >= 0 ? full.lastIndexOf(current.split(/\s+/)[0] as string) : 0);
      for (const piece of pieces) out.push(make(piece, leads, sentence, partClause));
      out.push(make(`${rest} ${ending}`.trim(), leads, sentence, partClause));
    } else {
      out.push(make(`${full} ${ending}`.trim(), leads, sentence, partClause));
    }
  }
  // `… жетекчилерине жана … координаторлоруна тапшырмалар берилди`: whom, but the task was the sentence before.
  // (the purpose of the order two sentences back at most: a sentence saying who reported it may come between)
  const prev = before.find((b) => /(?:максатында|мақсатында|maqsatynda)(?![\p{L}])/iu.test(b.text));
  if (out.length === 0 && kind === 'strong' && TURKIC_GIVE.test(markerWord.w) && prev) {
    const adr = turkicAddressees(ws, 0, m);
    const purpose = /^(.*?\p{L}+(?:уу|үү|оо|өө|у|ү|ý))\s+(?:максатында|мақсатында|maqsatynda)(?![\p{L}])/iu.exec(prev.text);
    if (adr && adr.lead && purpose) {
      const [a, b] = adr.lead.split(':').map(Number) as [number, number];
      // The purpose clause without its own subject and verb.
      const pw = wordsOf(purpose[1] as string);
      let s = 0;
      for (let i = 0; i < pw.length; i++) if (isTurkicAgent((pw[i] as Word).w) && !TURKIC_CASED.test((pw[i] as Word).lower)) s = i + 1;
      const task = (purpose[1] as string).slice(pw[s]?.start ?? 0);
      out.push({ ...make(task, [phrase(a, b + 1)], sentence, `${prev.text} ${text}`), fromEllipsis: true });
    }
  }
  return out;
}

// ---- all languages ----

export interface FindContext {
  /** The text announces instructions (its headline or an earlier sentence gives them). */
  instructionText: boolean;
  /** Whom the last sentence that only named an addressee gave instructions to. */
  defaultLeads: string[];
  /** A header that ends in a colon: the list items that follow are its tasks. */
  header: { prefix: string; leads: string[] } | null;
  /** Sentences left in which a subjectless `needs to be done` is a task just announced. */
  taskHeader: number;
}

export function newFindContext(): FindContext {
  return { instructionText: false, defaultLeads: [], header: null, taskHeader: 0 };
}

const ANNOUNCES =
  /\b(?:instructions?|instructed|tasks?|tasked|orders?)\b|(?<![\p{L}])(?:поруч\p{L}*|задач\p{L}*|тапсыр\p{L}*|тапшыр\p{L}*|міндетте\p{L}*|милдеттендир\p{L}*|tapsyr\p{L}*)/iu;

/** The obligations one sentence gives. */
export function obligationsOf(sentence: Sentence, language: ReadoutLanguage, ctx: FindContext, before: Sentence[]): Obligation[] {
  const text = stripReporting(sentence.text);
  if (RECALLED.test(text.replace(/^[«"“„\s-]+/u, ''))) return [];
  if (ctx.taskHeader > 0) ctx.taskHeader--;
  // A list item under a header: its own obligation, else the header's task with the item.
  if (sentence.item && ctx.header) {
    const own = obligationsFor(sentence, text, language, ctx, before);
    if (own.length > 0) return own;
    const item = text.replace(/[;.]\s*$/u, '');
    const inf = language === 'en' ? enInfinitiveAt(item) : null;
    const title = inf ?? (ctx.header.prefix ? `${ctx.header.prefix} ${item}` : language !== 'en' && ruFirstInfinitive(item)?.at === 0 ? item : '');
    if (title === '') return [];
    return enTasksOrOne(title, language).map((t) => ({ kind: 'instruction', title: finishTitle(t, language), clause: text, leads: ctx.header?.leads ?? [], sentence }));
  }
  if (!sentence.item) ctx.header = null;
  const found = obligationsFor(sentence, text, language, ctx, before);
  if (sentence.index <= 1 && (found.length > 0 || ANNOUNCES.test(text))) ctx.instructionText = true;
  if (found.length > 0) ctx.instructionText = true;
  return found;
}

function enTasksOrOne(title: string, language: ReadoutLanguage): string[] {
  return language === 'en' ? enTasks(title) : [title];
}

function obligationsFor(sentence: Sentence, text: string, language: ReadoutLanguage, ctx: FindContext, before: Sentence[]): Obligation[] {
  const prev = before[0];
  if (language === 'en') return enObligations(sentence, text, ctx);
  if (language === 'ru') {
    const found = ruObligations(sentence, text, ctx, prev);
    if (found.length === 0 && /:\s*$/u.test(text) && ruMarker(wordsOf(text))) ctx.header = { prefix: '', leads: [] };
    return found;
  }
  return turkicObligations(sentence, text, language, ctx, before);
}
