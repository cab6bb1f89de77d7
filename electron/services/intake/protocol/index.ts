// A meeting protocol (протокол совещания, хаттама, протоколу) → the proposed meeting and one
// candidate per item. The protocol's own structure, not a readout's sentences: the header (title,
// number, date, place, who chaired and attended), sections (`I.`), numbered items and sub-items
// (`1.`, `1.1.`, `2)`); each item's executors in the dative (lead first), its deadline reckoned
// from the meeting date on the production calendar, the body it reports to; "принять к сведению"
// ("назарға алынсын", "маалыматка алынсын") is no instruction. Offline and deterministic.
import type { Calendar, CountryCode } from '../../../../db/calendars';
import type { ProtocolItemDetails, ProtocolLanguage, ProtocolProposal, ReadoutCandidate, ReadoutNote, SuggestedOrganization } from '../../../../db/intake-types';
import type { IsoDate } from '../../../../db/model';
import { foldText } from '../../../../db/query';
import { countryCodeOf } from '../../../../db/working-calendar';
import { completeDate, computeDeadline, findDeadline, findProtocolDates } from './deadlines';
import { findExecutors, turkicNominative } from './executors';
import { TOPIC_PATTERNS } from '../readout/lexicon';

export interface ProtocolCatalog {
  organizations: { id: string; name: string; shortName: string | null; country: string | null }[];
  /** The store's topics, to suggest on each item by the words it uses (the readout's dictionary). */
  tags?: { id: string; code: string }[];
}

export interface ProtocolOptions {
  catalog: ProtocolCatalog;
  /** The production calendar of a country; null: the store's default country. */
  calendarFor: (country: CountryCode | null) => Calendar;
  /** The store's rule: a deadline on a day off moves to the previous working day. */
  moveOffNonWorking: boolean;
}

export function detectProtocolLanguage(text: string): ProtocolLanguage {
  const kazakh = text.match(/[әғқұһі]/giu)?.length ?? 0;
  const kyrgyz = text.match(/[өүң]/giu)?.length ?? 0;
  if (kazakh >= 5 && kazakh >= kyrgyz / 4) return 'kk';
  if (kyrgyz >= 5) return 'ky';
  return 'ru';
}

// ---- lines and blocks ----

// `1.`, `2.1.`, `1)`, `I.`, and `2.1` without its last dot.
const MARKER = /^(?:(\d{1,3}(?:\.\d{1,3})*)(?:\.|\))|(\d{1,2}\.\d{1,2})|([IVXLC]{1,6})\.)(?=\s|$)/u;

interface Block {
  kind: 'item' | 'section';
  /** As written: `2.1`, `1)`, `II`. */
  marker: string;
  parenthesis: boolean;
  text: string;
}

/** A line that ends a sentence, not an initial or an abbreviation ("И.И.", "г."). */
function endsSentence(text: string): boolean {
  return /[.!]$/u.test(text) && !/(?:(?<![\p{L}])\p{Lu}\.|(?<![\p{L}])(?:г|гг|ж|им|ул|т\.е|т\.д|др)\.)$/u.test(text);
}

function splitBlocks(lines: string[]): { header: string[]; blocks: Block[]; trailer: string[] } {
  const header: string[] = [];
  const blocks: Block[] = [];
  const trailer: string[] = [];
  let current: Block | null = null;
  let closed = false;
  for (const line of lines) {
    const m = MARKER.exec(line);
    if (m) {
      closed = false;
      current = {
        kind: m[3] ? 'section' : 'item',
        marker: m[1] ?? m[2] ?? m[3]!,
        parenthesis: m[0].endsWith(')'),
        text: line.slice(m[0].length).trim(),
      };
      blocks.push(current);
      continue;
    }
    if (!current) {
      header.push(line);
      continue;
    }
    // A line after an item that ended its sentence and starts anew is not the item's any more
    // (the signature, a note); a line of a PDF that wraps the item continues it.
    // "Срок: до 1 марта 2022 года." on a line of its own belongs to the item above it.
    const itemTail = /^(?:срок\p{L}*|мерзімі|мөөнөтү|ответственн\p{L}*|жауапты\p{L}*|жооптуу\p{L}*)(?:\s+исполнения)?\s*[:–—-]/iu.test(line);
    if (!itemTail && (closed || (endsSentence(current.text) && /^\p{Lu}/u.test(line) && current.kind === 'item'))) {
      closed = true;
      trailer.push(line);
      continue;
    }
    current.text = `${current.text} ${line}`.trim();
  }
  return { header, blocks, trailer };
}

// ---- the header ----

const TITLE_WORD = /^(?:протокол\p{L}*|хаттама\p{L}*)$/iu;
const HEADER_STOP =
  /(?:^|\s)(?:г\.|город|шаары|қаласы)(?:\s|,|$)|№|\d{1,2}\s+\p{L}+\s+\d{4}|\d{2}\.\d{2}\.\d{4}|жылғы|жылдын|^(?:председател|төраға|төрага|присутствовал|қатысқан|катышкан)/iu;

interface Header {
  title: string | null;
  heldOn: IsoDate | null;
  number: string | null;
  place: string | null;
  participants: string | null;
  country: CountryCode | null;
}

function parseHeader(lines: string[], language: ProtocolLanguage): Header {
  const at = lines.findIndex((l) => TITLE_WORD.test(l.split(/\s+/)[0] ?? ''));
  let title: string | null = null;
  if (at >= 0) {
    const word = (lines[at]!.split(/\s+/)[0] ?? '').toLocaleLowerCase('ru');
    const sameLine = lines[at]!.slice(word.length).trim();
    const after: string[] = sameLine ? [sameLine] : [];
    for (let i = at + 1; i < lines.length && !sameLine && !HEADER_STOP.test(lines[i]!); i++) after.push(lines[i]!);
    // Kazakh and Kyrgyz put the words before: "… кеңестің ХАТТАМАСЫ".
    const before: string[] = [];
    for (let i = at - 1; i >= 0 && !HEADER_STOP.test(lines[i]!) && lines[i] !== lines[i]!.toLocaleUpperCase('ru'); i--) before.unshift(lines[i]!);
    if (language !== 'ru' && before.length > 0) title = `${before.join(' ')} ${word}`;
    else title = `${word.charAt(0).toLocaleUpperCase('ru')}${word.slice(1)}${after.length ? ` ${after.join(' ')}` : ''}`;
  }
  const joined = lines.join('\n');
  const date = findProtocolDates(joined).map((d) => completeDate(d, null)).find((d): d is IsoDate => d !== null) ?? null;
  const number = /№\s*([\p{L}\d][\p{L}\d/.-]*)/u.exec(joined)?.[1]?.replace(/[.,]$/u, '') ?? null;
  const place =
    /(?:^|\s)(?:г\.|город)\s*(\p{Lu}[\p{L}-]+)/u.exec(joined)?.[1] ?? /(\p{Lu}[\p{L}-]+)\s+(?:шаары|қаласы)/u.exec(joined)?.[1] ?? null;
  const label = /^(?:председательствовал\p{L}*|присутствовали|төрағалық\s+(?:еткен|етті)|қатысқандар|төрагалык\s+кылды|катышкандар)\s*:\s*/iu;
  const people: string[] = [];
  lines.forEach((l, i) => {
    const m = label.exec(l);
    if (!m) return;
    // A PDF wraps the line: the lines after it continue it up to the next label.
    let value = l.slice(m[0].length);
    for (let j = i + 1; j < lines.length && !label.exec(lines[j]!) && !TITLE_WORD.test(lines[j]!.split(/\s+/)[0] ?? '') && !HEADER_STOP.test(lines[j]!); j++) value += ` ${lines[j]}`;
    if (value.trim()) people.push(value.trim());
  });
  const country = /кыргыз|қырғыз|киргиз/iu.test(joined) ? 'KG' : /казахстан|қазақстан/iu.test(joined) ? 'KZ' : null;
  return { title, heldOn: date, number, place, participants: people.length ? people.join('; ') : null, country };
}

// ---- organizations ----

const COUNTRY_WORDS =
  /\s*(?:кыргызской республики|республики казахстан|республики кыргызстан|қазақстан республикасының|қазақстан республикасы|кыргыз республикасынын|кыргыз республикасы|of the kyrgyz republic|of the republic of kazakhstan)\s*/giu;

function core(name: string): string {
  return foldText(name).replace(/[«»"]/g, '').replace(COUNTRY_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

function suggest(name: string, catalog: ProtocolCatalog, country: CountryCode | null): SuggestedOrganization {
  const folded = foldText(name);
  const wanted = core(name);
  const fits = (o: ProtocolCatalog['organizations'][number]) => country === null || o.country === null || countryCodeOf(o.country) === null || countryCodeOf(o.country) === country;
  const exact = catalog.organizations.find((o) => foldText(o.name) === folded || (o.shortName !== null && foldText(o.shortName) === folded));
  const same = exact ?? catalog.organizations.find((o) => fits(o) && (core(o.name) === wanted || (o.shortName !== null && core(o.shortName) === wanted)));
  return same ? { existingId: same.id, name: same.name } : { existingId: null, name };
}

// ---- items ----

const NOTED = /(?<![\p{L}])(?:принять к сведению|принять к информации|принять к руководству|назарға алынсын|назарға алынды|мәліметке алынсын|маалыматка алынсын|маалымат үчүн кабыл алынсын|эске алынсын)(?![\p{L}])/iu;

/** The body the executors report to, as written, and where the clause stands in the text. */
function findReportTo(text: string, language: ProtocolLanguage): { body: string; index: number; length: number } | null {
  if (language === 'ru') {
    const m =
      /(?:,?\s*(?:и|а)\s+)?(?:информаци\p{L}*|доклад|отч[её]т)(?:\s+(?:о|об)\s+[^.;]*?)?\s+(?:представить|направить|внести)\s+в\s+([^.;,]+?)(?=\s+(?:ежеквартально|ежемесячно|в срок|до\s+\d|в течение|в\s+\p{L}+\s+срок|не позднее)|[.;,]|$)/iu.exec(
        text,
      ) ?? /(?:,?\s*(?:и|а)\s+)?(?:проинформировать|информировать)\s+([^.;,]+?)(?=\s+(?:о|об)\s|[.;,]|$)/iu.exec(text);
    return m ? { body: m[1]!.trim(), index: m.index, length: m[0].length } : null;
  }
  const m = /(?:\s+(?:және|жана)\s+)?((?:[\p{L}-]+\s+){0,4}?[\p{L}-]+)\s+(?:ақпарат|маалымат)\s+(?:беру|берсін|берілсін|ұсыну|ұсынсын|ұсынылсын|енгізу|берүү|берсин|берилсин|сунуштоо|киргизүү)/iu.exec(text);
  if (!m) return null;
  // The body: the dative word before "ақпарат" and the names that qualify it (genitive or capitalised).
  const words = m[1]!.split(/\s+/);
  const kept: string[] = [words.pop()!];
  while (words.length > 0) {
    const w = words[words.length - 1]!;
    if (/(?:ның|нің|дың|дің|тың|тің|нын|нин|дын|дин|тын|тин|нун|нүн|дун|дүн)$/iu.test(w) || /^\p{Lu}/u.test(w)) kept.unshift(words.pop()!);
    else break;
  }
  const start = m.index + m[0].indexOf(kept[0]!);
  const joinAt = /\s+(?:және|жана)\s+$/iu.exec(text.slice(0, start));
  const index = joinAt ? joinAt.index : start;
  return { body: turkicNominative(kept.join(' ')), index, length: m.index + m[0].length - index };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/^[\s,;:—–-]+|[\s,;:.—–-]+$/gu, '')
    .replace(/,\s*,/g, ',')
    .trim();
}

function cut(text: string, spans: { index: number; length: number }[]): string {
  let out = text;
  for (const s of spans.filter((x) => x.length > 0).sort((a, b) => b.index - a.index)) out = `${out.slice(0, s.index)} ${out.slice(s.index + s.length)}`;
  return out;
}

interface ItemFacts {
  executors: ReturnType<typeof findExecutors>;
  deadline: ReturnType<typeof findDeadline>;
  reportTo: ReturnType<typeof findReportTo>;
}

function factsOf(text: string, language: ProtocolLanguage): ItemFacts {
  const deadline = findDeadline(text);
  const executors = findExecutors(text, language, deadline?.index ?? -1);
  return { executors, deadline, reportTo: findReportTo(text, language) };
}

function titleOf(text: string, facts: ItemFacts): string {
  const spans = [
    { index: 0, length: facts.executors.end },
    ...(facts.deadline && facts.deadline.index >= facts.executors.end ? [facts.deadline] : []),
  ];
  const withReport = tidy(cut(text, spans));
  const withoutReport = facts.reportTo && facts.reportTo.index >= facts.executors.end ? tidy(cut(text, [...spans, facts.reportTo])) : withReport;
  const title = withoutReport.length >= 12 ? withoutReport : withReport;
  return capitalise(title.length > 300 ? `${title.slice(0, title.lastIndexOf(' ', 300))}…` : title);
}

/** The numbers as the protocol means them: `2.1`; `1)` under an item that ends with a colon is `5.1`. */
function numberItems(blocks: Block[]): { block: Block; number: string; parent: number | null; section: string | null }[] {
  const out: { block: Block; number: string; parent: number | null; section: string | null }[] = [];
  let section: string | null = null;
  let lastTop: number | null = null;
  for (const block of blocks) {
    if (block.kind === 'section') section = block.marker;
    const dotted = block.marker.split('.');
    let number = block.marker;
    let parent: number | null = null;
    if (block.kind === 'item' && dotted.length > 1) {
      const parentNumber = dotted.slice(0, -1).join('.');
      for (let i = out.length - 1; i >= 0; i--) {
        if (out[i]!.block.kind === 'item' && out[i]!.number === parentNumber) {
          parent = i;
          break;
        }
      }
    } else if (
      block.kind === 'item' &&
      block.parenthesis &&
      lastTop !== null &&
      out[lastTop]!.block.kind === 'item' &&
      out[lastTop]!.block.text.trim().endsWith(':') &&
      !out[lastTop]!.block.parenthesis &&
      // `1)` under "5. Министерству …:" is 5.1; under an item already split as 2.1., 2.2. it is a new item.
      !out.some((o, j) => j > lastTop! && o.parent === lastTop && !o.block.parenthesis)
    ) {
      parent = lastTop;
      number = `${out[lastTop]!.number}.${block.marker}`;
    }
    out.push({ block, number, parent, section });
    if (parent === null) lastTop = out.length - 1;
  }
  // Numbers that start again in each section are told apart by the section: `II.1`.
  const tops = out.filter((o) => o.block.kind === 'item' && o.parent === null).map((o) => o.number);
  if (new Set(tops).size < tops.length) for (const o of out) if (o.block.kind === 'item' && o.section) o.number = `${o.section}.${o.number}`;
  return out;
}

export function parseProtocol(source: string, file: { fileName: string; format: ProtocolProposal['format'] }, options: ProtocolOptions): ProtocolProposal {
  const text = source.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2007\u202f]/g, ' ');
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  const language = detectProtocolLanguage(text);
  const { header, blocks } = splitBlocks(lines);
  const head = parseHeader(header, language);
  const numbered = numberItems(blocks);
  const facts = numbered.map((n) => (n.block.kind === 'item' || n.block.kind === 'section' ? factsOf(n.block.text, language) : null));
  const isParent = numbered.map((_, i) => numbered.some((n) => n.parent === i));
  const candidates: ReadoutCandidate[] = [];
  numbered.forEach((n, i) => {
    const own = facts[i]!;
    // A section heading ("I. О подготовке …") is no instruction unless it names executors.
    if (n.block.kind === 'section' && own.executors.names.length === 0) return;
    if (isParent[i]) return;
    const parent = n.parent !== null ? numbered[n.parent]! : null;
    const parentFacts = n.parent !== null ? facts[n.parent]! : null;
    const names = own.executors.names.length > 0 ? own.executors.names : (parentFacts?.executors.names ?? []);
    const deadline = own.deadline ?? parentFacts?.deadline ?? null;
    const reportTo = own.reportTo ?? parentFacts?.reportTo ?? null;
    if (NOTED.test(n.block.text) && deadline === null) return;
    const country = head.country;
    const organizations = names.map((name) => suggest(name, options.catalog, country));
    const leadOrg = organizations[0]?.existingId ? options.catalog.organizations.find((o) => o.id === organizations[0]!.existingId) : undefined;
    const calendar = options.calendarFor(countryCodeOf(leadOrg?.country) ?? country);
    const computed = deadline ? computeDeadline(deadline.rule, head.heldOn, calendar, options.moveOffNonWorking) : { date: null, recurrence: null };
    const details: ProtocolItemDetails = {
      itemNumber: n.number,
      coexecutors: organizations.slice(1),
      leadPerson: own.executors.names.length > 0 ? own.executors.leadPerson : (parentFacts?.executors.leadPerson ?? null),
      deadlineText: deadline?.text ?? null,
      recurrence: computed.recurrence,
      reportTo: reportTo?.body ?? null,
      movedFrom: 'movedFrom' in computed ? (computed.movedFrom ?? null) : null,
    };
    candidates.push({
      key: `p${candidates.length + 1}`,
      kind: 'instruction',
      title: titleOf(n.block.text, own),
      sentence: tidy(parent ? `${parent.block.text} ${n.block.text}` : n.block.text),
      tagIds: TOPIC_PATTERNS.filter(([, re]) => re.test(n.block.text))
        .map(([code]) => options.catalog.tags?.find((tag) => tag.code === code)?.id)
        .filter((id): id is string => id !== undefined),
      organizations,
      dueDate: computed.date,
      protocol: details,
    });
  });
  const notes: ReadoutNote[] = [];
  if (head.heldOn === null) notes.push('noDate');
  if (candidates.length === 0) notes.push('noCandidates');
  if (head.participants === null) notes.push('noParticipants');
  if (head.place === null) notes.push('noPlace');
  const fallbackTitle = language === 'kk' ? 'Хаттама' : language === 'ky' ? 'Протокол' : 'Протокол';
  return {
    language,
    fileName: file.fileName,
    format: file.format,
    protocolNumber: head.number,
    text: lines.join('\n'),
    meeting: {
      title: (head.title ?? fallbackTitle).slice(0, 500),
      heldOn: head.heldOn,
      place: head.place,
      participants: head.participants,
    },
    participants: [],
    candidates,
    notes,
  };
}
