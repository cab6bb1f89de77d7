// The deadline that closes a protocol's item, in Russian, Kazakh and Kyrgyz: a date ("в срок до
// 1 марта 2022 года", "2023 жылғы 1 сәуірге дейін", "2024-жылдын 1-декабрына чейин", "до 1 апреля"),
// a period from the meeting date ("в месячный срок", "екі апта мерзімде", "бир айлык мөөнөттө",
// "в течение 10 рабочих дней"), "срочно" (3 working days), or a periodic report ("ежеквартально, до
// 5 числа месяца, следующего за отчетным кварталом": the first one is the deadline). Working days
// and the move off a day off follow the production calendar the caller gives (db/working-calendar).
import { addWorkingDays, adjustDeadline, urgentDeadline, type Calendar } from '../../../../db/calendars';
import { addDays, isIsoDate } from '../../../../db/dates';
import type { IsoDate } from '../../../../db/model';

const L = '\\p{L}';
const B = '(?<![\\p{L}\\d])';

/** Month stems: Russian (and the Russian names Kyrgyz uses, with its suffixes), Kazakh. */
const MONTH_STEMS: [number, string[]][] = [
  [1, ['январ', 'қаңтар']],
  [2, ['феврал', 'ақпан']],
  [3, ['март', 'наурыз']],
  [4, ['апрел', 'сәуір']],
  [5, ['ма[йя]', 'мамыр']],
  [6, ['июн', 'маусым']],
  [7, ['июл', 'шілде']],
  [8, ['август', 'тамыз']],
  [9, ['сентябр', 'қыркүйек']],
  [10, ['октябр', 'қазан']],
  [11, ['ноябр', 'қараша']],
  [12, ['декабр', 'желтоқсан']],
];
const MONTH = `((?:${MONTH_STEMS.flatMap(([, s]) => s).join('|')})${L}*)`;

function monthOf(word: string): number | null {
  const w = word.toLocaleLowerCase('ru');
  for (const [n, stems] of MONTH_STEMS) if (stems.some((s) => new RegExp(`^${s}`, 'u').test(w))) return n;
  return null;
}

function iso(y: number, m: number, d: number): IsoDate | null {
  const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}

export interface FoundDate {
  index: number;
  length: number;
  /** The year, or null when the text leaves it out ("до 1 апреля"). */
  year: number | null;
  month: number;
  day: number;
}

const DATE_PATTERNS: { re: RegExp; pick: (m: RegExpExecArray) => [number | null, number | null, number] }[] = [
  // 2023 жылғы 1 сәуірге, 2024-жылдын 1-декабрына, 2024 жылдын 5 ноябры
  { re: new RegExp(`${B}(\\d{4})[-\\s]?(?:жылғы|жылдын|ж\\.)\\s+(\\d{1,2})[-\\s]?${MONTH}`, 'giu'), pick: (m) => [+m[1]!, monthOf(m[3]!), +m[2]!] },
  // 15 февраля 2022 года, 1 марта 2022 г.
  { re: new RegExp(`${B}(\\d{1,2})[-\\s]${MONTH}\\s+(\\d{4})(?:\\s*(?:года|году|г\\.|г|жылғы|жылы|жылдын|-жылы))?`, 'giu'), pick: (m) => [+m[3]!, monthOf(m[2]!), +m[1]!] },
  // 01.03.2022
  { re: new RegExp(`${B}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:\\s*(?:года|г\\.|г|ж\\.|жылға|жылга|-жылга))?`, 'gu'), pick: (m) => [+m[3]!, +m[2]!, +m[1]!] },
  // 1 апреля, 20 мамырға, 1-мартка (the year left out)
  { re: new RegExp(`${B}(\\d{1,2})[-\\s]?${MONTH}`, 'giu'), pick: (m) => [null, monthOf(m[2]!), +m[1]!] },
];

/** Every date written in a text, the year left null where the text omits it; in order, never overlapping. */
export function findProtocolDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, pick } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [year, month, day] = pick(m);
      if (month === null || day < 1 || day > 31) continue;
      if (year !== null && (year < 1900 || year > 2200 || iso(year, month, day) === null)) continue;
      found.push({ index: m.index, length: m[0].length, year, month, day });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  return found.filter((f, i) => !found.slice(0, i).some((g) => f.index < g.index + g.length));
}

/** A date without its year: the first such day on or after the meeting. */
export function completeDate(found: FoundDate, meetingDate: IsoDate | null): IsoDate | null {
  if (found.year !== null) return iso(found.year, found.month, found.day);
  if (!meetingDate) return null;
  const year = Number(meetingDate.slice(0, 4));
  const same = iso(year, found.month, found.day);
  if (same && same >= meetingDate) return same;
  return iso(year + 1, found.month, found.day);
}

// ---- numbers in words ----

const NUMBER_WORDS: Record<string, number> = {
  один: 1, одного: 1, одной: 1, бір: 1, бир: 1,
  два: 2, двух: 2, екі: 2, эки: 2,
  три: 3, трех: 3, трёх: 3, үш: 3, үч: 3,
  четыре: 4, четырех: 4, төрт: 4,
  пять: 5, пяти: 5, бес: 5, беш: 5,
  шесть: 6, шести: 6, алты: 6,
  семь: 7, семи: 7, жеті: 7, жети: 7,
  десять: 10, десяти: 10, он: 10,
  пятнадцать: 15, пятнадцати: 15, 'он бес': 15, 'он беш': 15,
  двадцать: 20, двадцати: 20, жиырма: 20, жыйырма: 20,
  тридцать: 30, тридцати: 30, отыз: 30, отуз: 30,
};
const NUMBER = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const numberOf = (word: string): number => (/^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLocaleLowerCase('ru')] ?? 0));

/** "двух" in "двухнедельный", "трех" in "трехмесячный": the number a compound adjective starts with. */
const PREFIX_NUMBERS: [string, number][] = [
  ['одно', 1], ['двух', 2], ['трех', 3], ['трёх', 3], ['четырех', 4], ['пяти', 5], ['шести', 6], ['десяти', 10], ['пятнадцати', 15], ['тридцати', 30],
];

// ---- the deadline ----

export type DeadlineRule =
  | { type: 'date'; found: FoundDate }
  | { type: 'days'; days: number }
  | { type: 'months'; months: number }
  | { type: 'workingDays'; days: number }
  | { type: 'urgent' }
  | { type: 'periodic'; every: 'quarterly' | 'monthly'; day: number | null };

export interface DeadlinePhrase {
  index: number;
  length: number;
  text: string;
  rule: DeadlineRule;
}

interface Pattern {
  re: RegExp;
  rule: (m: RegExpExecArray) => DeadlineRule | null;
}

const unit = (word: string): 'days' | 'weeks' | 'months' => {
  const w = word.toLocaleLowerCase('ru');
  if (/^(?:недел|апта|жума)/u.test(w)) return 'weeks';
  if (/^(?:месяц|месяч|ай)/u.test(w)) return 'months';
  return 'days';
};

function period(n: number, word: string): DeadlineRule {
  const u = unit(word);
  if (u === 'months') return { type: 'months', months: n };
  return { type: 'days', days: u === 'weeks' ? n * 7 : n };
}

const DAY_OF_MONTH = `(?:,?\\s*(?:не позднее|до)\\s+(\\d{1,2})(?:-?го)?\\s+числа(?:\\s+месяца)?(?:,?\\s*следующего\\s+за\\s+отч[её]тным(?:\\s+(?:кварталом|месяцем|периодом))?)?)?`;
const TURKIC_DAY = `(?:,?\\s*(?:есепті|отчеттук)\\s+(?:тоқсаннан|айдан|чейректен|кварталдан|айдан)\\s+(?:кейінгі|кийинки)\\s+(?:айдың|айдын)\\s+(\\d{1,2})[-\\p{L}]*\\s+(?:дейін|чейин))?`;

const PATTERNS: Pattern[] = [
  // periodic reports
  { re: new RegExp(`${B}ежеквартально${DAY_OF_MONTH}`, 'giu'), rule: (m) => ({ type: 'periodic', every: 'quarterly', day: m[1] ? +m[1] : null }) },
  { re: new RegExp(`${B}ежемесячно${DAY_OF_MONTH}`, 'giu'), rule: (m) => ({ type: 'periodic', every: 'monthly', day: m[1] ? +m[1] : null }) },
  {
    re: new RegExp(`${B}(?:тоқсан сайын|ар бир чейректе|чейрек сайын|квартал сайын|ар бир кварталда)${TURKIC_DAY}`, 'giu'),
    rule: (m) => ({ type: 'periodic', every: 'quarterly', day: m[1] ? +m[1] : null }),
  },
  { re: new RegExp(`${B}(?:ай сайын|ар бир айда)${TURKIC_DAY}`, 'giu'), rule: (m) => ({ type: 'periodic', every: 'monthly', day: m[1] ? +m[1] : null }) },
  // urgent
  { re: new RegExp(`${B}(?:срочно|в срочном порядке|незамедлительно|безотлагательно|шұғыл түрде|жедел түрде|дереу|шашылыш түрдө|тез арада|дароо)(?![\\p{L}])`, 'giu'), rule: () => ({ type: 'urgent' }) },
  // working days: в течение 10 рабочих дней, 10 жұмыс күні ішінде, 10 жумуш күнүнүн ичинде
  { re: new RegExp(`${B}(?:в течение|в срок)\\s+${NUMBER}\\s+рабоч${L}*\\s+дн${L}*`, 'giu'), rule: (m) => ({ type: 'workingDays', days: numberOf(m[1]!) }) },
  { re: new RegExp(`${B}${NUMBER}[-\\s]?(?:х\\s+)?рабоч${L}*\\s+дн${L}*\\s+(?:срок|со дня|с даты)?`, 'giu'), rule: (m) => ({ type: 'workingDays', days: numberOf(m[1]!) }) },
  { re: new RegExp(`${B}${NUMBER}\\s+(?:жұмыс күн${L}*|жумуш күн${L}*)\\s+(?:ішінде|ичинде|мерзімде|мөөнөттө)`, 'giu'), rule: (m) => ({ type: 'workingDays', days: numberOf(m[1]!) }) },
  // calendar periods: в месячный срок, в двухнедельный срок, в течение двух месяцев, в 10-дневный срок
  {
    re: new RegExp(`${B}в\\s+(одно|двух|трех|трёх|четырех|пяти|шести|десяти|пятнадцати|тридцати)?(месячный|недельный|дневный)\\s+срок`, 'giu'),
    rule: (m) => period(PREFIX_NUMBERS.find(([w]) => w === (m[1] ?? '').toLocaleLowerCase('ru'))?.[1] ?? 1, m[2]!),
  },
  { re: new RegExp(`${B}в\\s+(\\d{1,3})-?(?:х\\s*)?(месячный|недельный|дневный)\\s+срок`, 'giu'), rule: (m) => period(+m[1]!, m[2]!) },
  { re: new RegExp(`${B}в\\s+течение\\s+(?:${NUMBER}\\s+)?(месяц${L}*|недел${L}*|(?:календарных\\s+)?дн${L}*)`, 'giu'), rule: (m) => period(m[1] ? numberOf(m[1]) : 1, m[2]!.replace(/^календарных\s+/u, '')) },
  // Kazakh and Kyrgyz: бір ай мерзімде, екі апта мерзімде, бир айлык мөөнөттө, эки жумалык мөөнөттө, 10 күн ішінде
  {
    re: new RegExp(`${B}${NUMBER}\\s+(ай|апта|жума|күн)(?:лық|лік|дық|дік|лык|лук|лүк|дык|дүк)?\\s+(?:мерзімде|мерзім ішінде|ішінде|мөөнөттө|ичинде)`, 'giu'),
    rule: (m) => period(numberOf(m[1]!), m[2]!),
  },
  { re: new RegExp(`${B}${NUMBER}\\s+(ай|апта|жума|күн)(?:дың|дин|дын|тың|нын|нын)\\s+ичинде`, 'giu'), rule: (m) => period(numberOf(m[1]!), m[2]!) },
];

// A date as a deadline: в срок до 1 марта 2022 года, до 1 апреля, не позднее 01.03.2022, к 1 марта;
// 1 сәуірге дейін, 1-декабрына чейин.
const DATE_BEFORE = /(?:(?:в\s+срок\s+)?(?:до|не\s+позднее|не\s+позже|к)\s+|(?:срок(?:\s+исполнения)?|мерзімі|мөөнөтү)\s*[:–—-]\s*(?:(?:до|не\s+позднее)\s+)?)$/iu;
const DATE_AFTER = /^\s*(?:дейін|чейин|дейин)(?![\p{L}])/iu;

/** The deadline phrase of an item's text (the first one it writes), or null. */
export function findDeadline(text: string): DeadlinePhrase | null {
  const found: DeadlinePhrase[] = [];
  for (const { re, rule } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const r = rule(m);
      if (r && !(('days' in r && r.days === 0) || ('months' in r && r.months === 0))) found.push({ index: m.index, length: m[0].length, text: m[0].trim(), rule: r });
    }
  }
  for (const date of findProtocolDates(text)) {
    const before = DATE_BEFORE.exec(text.slice(Math.max(0, date.index - 20), date.index));
    const after = DATE_AFTER.exec(text.slice(date.index + date.length));
    if (!before && !after) continue;
    const index = before ? date.index - before[0].length : date.index;
    const length = date.index + date.length + (after ? after[0].length : 0) - index;
    found.push({ index, length, text: text.slice(index, index + length).trim(), rule: { type: 'date', found: date } });
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  return found[0] ?? null;
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, Math.min(d, last))!;
}

export interface ComputedDeadline {
  date: IsoDate | null;
  recurrence: 'quarterly' | 'monthly' | null;
  /** The date the phrase gives, when it is a day off and the deadline moved to the working day before. */
  movedFrom?: IsoDate;
}

/**
 * The date a deadline phrase gives, reckoned from the meeting date on the given calendar: a date
 * or period that ends on a day off moves to the previous working day when the store says so.
 */
export function computeDeadline(rule: DeadlineRule, meetingDate: IsoDate | null, cal: Calendar, moveOffNonWorking: boolean): ComputedDeadline {
  const recurrence = rule.type === 'periodic' ? rule.every : null;
  const adjust = (date: IsoDate | null): ComputedDeadline => {
    if (date === null) return { date: null, recurrence };
    const moved = adjustDeadline(cal, date, { moveOffNonWorking });
    if (!moved.ok) return { date, recurrence };
    return moved.value.movedFrom ? { date: moved.value.date, recurrence, movedFrom: moved.value.movedFrom } : { date: moved.value.date, recurrence };
  };
  if (rule.type === 'date') return adjust(completeDate(rule.found, meetingDate));
  if (meetingDate === null) return { date: null, recurrence };
  switch (rule.type) {
    case 'days':
      return adjust(addDays(meetingDate, rule.days));
    case 'months':
      return adjust(addMonths(meetingDate, rule.months));
    case 'workingDays': {
      const r = addWorkingDays(cal, meetingDate, rule.days);
      return { date: r.ok ? r.value : null, recurrence };
    }
    case 'urgent': {
      const r = urgentDeadline(cal, meetingDate);
      return { date: r.ok ? r.value : null, recurrence };
    }
    case 'periodic': {
      const [y, m] = meetingDate.split('-').map(Number) as [number, number];
      // The first report: the day of the month after the period the meeting falls in.
      const periodEnd = rule.every === 'quarterly' ? Math.ceil(m / 3) * 3 : m;
      const next = addMonths(iso(y, periodEnd, 1)!, 1);
      const [ny, nm] = next.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
      const date = rule.day === null ? addDays(next, -1) : iso(ny, nm, Math.min(rule.day, last));
      return adjust(date);
    }
  }
}
