// When a readout's meeting was held and when its tasks are due, from the text alone.
//
// Dates come written with their year (`5 ноября 2021 г.`, `July 3, 2020`) or without it (`29 апреля`,
// `On March 25`, `28-октябрда`, `15 qazanǵa deıin`). A date without a year takes the year of the
// text's dateline or of another full date in it, else the year that puts a named weekday on it
// (`Saturday, March 29`), else the year of the day the text is read (the proposal then says so).
// A dateline or publication stamp (a line holding only a date, `Published …`, `Бишкек, 21.03.22.`)
// is when the text was published, not when the meeting was held: it is the meeting's day only when
// the text says the meeting was today. Deadlines are the dates a task's own clause gives after
// `до`, `к`, `by`, `before`, `not later than`, `… дейін`, `… чейин`, or a bare date in the task,
// and the spans counted from the meeting date (`до конца года`, `within a month`, `в месячный срок`).
import type { IsoDate } from '../../../../db/model';
import { addDays, isIsoDate } from '../../../../db/dates';
import { findDates } from '../dates';

const MONTH_STEMS: [number, RegExp][] = [
  [1, /^(?:january|jan|январ|янв|қаңтар|qańtar|үчтүн айы)/iu],
  [2, /^(?:february|feb|феврал|фев|ақпан|aqpan|бирдин айы)/iu],
  [3, /^(?:march|mar|март|мар|наурыз|naýryz|жалган куран)/iu],
  [4, /^(?:april|apr|апрел|апр|сәуір|sáýir|чын куран)/iu],
  [5, /^(?:may|ма[йя]|мамыр|mamyr|бугу)/iu],
  [6, /^(?:june|jun|июн|маусым|maýsym|кулжа)/iu],
  [7, /^(?:july|jul|июл|шілде|shilde|теке)/iu],
  [8, /^(?:august|aug|август|авг|тамыз|tamyz|баш оона)/iu],
  [9, /^(?:september|sept?|сентябр|сент?|қыркүйек|qyrkúıek|аяк оона)/iu],
  [10, /^(?:october|oct|октябр|окт|қазан|qazan|тогуздун айы)/iu],
  [11, /^(?:november|nov|ноябр|нояб?|қараша|qarasha|жетинин айы)/iu],
  [12, /^(?:december|dec|декабр|дек|желтоқсан|jeltoqsan|бештин айы)/iu],
];

function monthOf(word: string): number | null {
  for (const [n, re] of MONTH_STEMS) if (re.test(word)) return n;
  return null;
}

const MONTH_WORD = '([A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіÁáǴǵÓóÚúÝýIı]{3,})';

export interface TextDate {
  /** Null when the text gives no year. */
  year: number | null;
  month: number;
  day: number;
  index: number;
  length: number;
}

const WEEKDAYS: [number, RegExp][] = [
  [1, /\bmonday\b|понедельник|дүйсенбі|дүйшөмбү/iu],
  [2, /\btuesday\b|вторник|сейсенбі|шейшемби/iu],
  [3, /\bwednesday\b|сред[ау]|сәрсенбі|шаршемби/iu],
  [4, /\bthursday\b|четверг|бейсенбі|бейшемби/iu],
  [5, /\bfriday\b|пятниц|жұма|жума/iu],
  [6, /\bsaturday\b|суббот|сенбі|ишемби/iu],
  [0, /\bsunday\b|воскресен|жексенбі|жекшемби/iu],
];

/** Every date of a text, with its year or without one, in order. */
export function textDates(text: string): TextDate[] {
  const out: TextDate[] = [];
  for (const f of findDates(text)) {
    out.push({ year: Number(f.date.slice(0, 4)), month: Number(f.date.slice(5, 7)), day: Number(f.date.slice(8, 10)), index: f.index, length: f.text.length });
  }
  const taken = (i: number) => out.some((d) => i >= d.index && i < d.index + d.length);
  const dayFirst = new RegExp(`(?<![\\p{L}\\d.])(\\d{1,2})(?:-?(?:го|е|st|nd|rd|th))?[-\\s]+(?:of\\s+)?${MONTH_WORD}`, 'gu');
  for (let m = dayFirst.exec(text); m; m = dayFirst.exec(text)) {
    const month = monthOf(m[2] as string);
    const day = Number(m[1]);
    if (month === null || day < 1 || day > 31 || taken(m.index)) continue;
    out.push({ year: null, month, day, index: m.index, length: m[0].length });
  }
  const monthFirst = new RegExp(`(?<![\\p{L}])${MONTH_WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d.,]*\\d{3})(?![\\p{L}\\d])`, 'gu');
  for (let m = monthFirst.exec(text); m; m = monthFirst.exec(text)) {
    const month = /^[A-Za-z]/.test(m[1] as string) ? monthOf(m[1] as string) : null;
    const day = Number(m[2]);
    if (month === null || day < 1 || day > 31 || taken(m.index)) continue;
    out.push({ year: null, month, day, index: m.index, length: m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

function iso(year: number, month: number, day: number): IsoDate | null {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
}

/** The first such day on or after `from`. */
export function onOrAfter(month: number, day: number, from: IsoDate): IsoDate | null {
  const y = Number(from.slice(0, 4));
  for (const year of [y, y + 1, y + 2, y + 3, y + 4]) {
    const d = iso(year, month, day);
    if (d && d >= from) return d;
  }
  return null;
}

/** The last such day on or before `to`. */
export function onOrBefore(month: number, day: number, to: IsoDate): IsoDate | null {
  const y = Number(to.slice(0, 4));
  for (const year of [y, y - 1, y - 2, y - 3, y - 4]) {
    const d = iso(year, month, day);
    if (d && d <= to) return d;
  }
  return null;
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (m % 12 + 12) % 12 + 1;
  let day = Number(date.slice(8, 10));
  while (day > 28 && !iso(year, month, day)) day--;
  return iso(year, month, day) as IsoDate;
}

// ---- datelines and the meeting date ----

/** A line that only stamps when the text was published. */
const STAMP_LINE = /^(?:published|опубликовано|жарияланды|басылмалардын датасы|дата публикации|updated)?[\s:,]*$/iu;

function lineOf(text: string, index: number): { start: number; end: number; line: string } {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const endAt = text.indexOf('\n', index);
  const end = endAt < 0 ? text.length : endAt;
  return { start, end, line: text.slice(start, end) };
}

/** Whether the date stands as a dateline or a publication stamp, not inside a sentence. */
function isStamp(text: string, d: TextDate): boolean {
  const { start, line } = lineOf(text, d.index);
  const before = line.slice(0, d.index - start);
  const after = line.slice(d.index - start + d.length);
  // `6 January 2022, 13:37`, `Published 6 December 2022`, `Басылмалардын датасы: 12.04.2019`
  if (STAMP_LINE.test(before) && /^[\s,.]*(?:\d{1,2}:\d{2})?[\s.]*$/u.test(after)) return true;
  // `28\n\nОктябрь\n\n2015`: a date broken over lines on its own.
  if (/\n/.test(text.slice(d.index, d.index + d.length)) && before.trim() === '') return true;
  // `Бишкек, 21.03.22. /Кабар/. …`, `Москва. 29 апреля. INTERFAX.RU - …`, `NUR-SULTAN. KAZINFORM –`
  if (/^[\p{Lu}][\p{L}-]+[.,]\s*$/u.test(before) && /^\s*[.,]?\s*(?:\/[^/]+\/|[\p{Lu}.]{4,}|\d{1,2}:\d{2})/u.test(after)) return true;
  return false;
}

const DEADLINE_BEFORE = /(?:\bby|\bbefore|\bnot later than|\bno later than|\bdeadline|\buntil|(?<![\p{L}])(?:до|к|не позднее|не позже|срок)|в срок до)\s*$/iu;
/** `15 qazanǵa deıin`, `1-июнга чейин` (not `9-майына чейинки`, "the days up to 9 May", a period). */
const DEADLINE_AFTER = /^\p{L}*\s+(?:дейін|деін|deıin|deiin|чейин)(?![\p{L}])/iu;
const RANGE_BEFORE = /(?:\bfrom|\bsince|\bperiod|\bthrough|(?<![\p{L}])(?:с|со|от|по|period))\s*$/iu;
const TODAY = /\btoday\b|(?<![\p{L}])(?:сегодня|бүгін|бүгүн|búgin)(?![\p{L}])/iu;
const MEETING_WORDS =
  /\b(?:met|meeting|meet|held|took place|visited|talks|signed|approved|convened|chaired|session|received)\b|(?<![\p{L}])(?:принял[аи]?|встреч\p{L}*|встретил\p{L}*|совещани\p{L}*|заседани\p{L}*|провел\p{L}*|провёл|состоял\p{L}*|прошл[аои]|подписал\p{L}*|утвердил\p{L}*|озвучен\p{L}*|кеңес\p{L}*|кеңеш\p{L}*|отырыс\p{L}*|жиын\p{L}*|жыйын\p{L}*|өтті|өттү|өткөрдү|өткізді|чогулуш\p{L}*)(?![\p{L}])/iu;
const FUTURE_CLAUSE =
  /\bwill\b|\bshall\b|(?<![\p{L}])(?:будет|будут|состоится|предстоит)(?![\p{L}])|(?<![\p{L}])\p{L}{3,}(?:ят|ут|ют)(?![\p{L}])|(?<![\p{L}])(?:до|под|при|про|пере|вы|за|на|об|от|по|раз|рас|из|вз|ис)\p{L}{3,}ат(?![\p{L}])/iu;

/** Weekday-consistent year: the latest year up to `today`'s in which the day falls on that weekday. */
function yearByWeekday(month: number, day: number, weekday: number, today: IsoDate): number | null {
  const y = Number(today.slice(0, 4));
  for (let year = y; year > y - 12; year--) {
    const d = iso(year, month, day);
    if (d && d <= today && new Date(`${d}T00:00:00Z`).getUTCDay() === weekday) return year;
  }
  return null;
}

function weekdayNear(text: string, index: number): number | null {
  const window = text.slice(Math.max(0, index - 30), index + 30);
  for (const [n, re] of WEEKDAYS) if (re.test(window)) return n;
  return null;
}

export interface MeetingWhen {
  date: IsoDate | null;
  /** The text gave no year: it was taken from the day the text is read. */
  yearAssumed: boolean;
  /** A year the text's datelines and full dates give, for dates written without one. */
  textYear: { year: number; stamp: IsoDate | null } | null;
}

/** The year a yearless date of this text belongs to. */
function yearFor(month: number, day: number, textYear: MeetingWhen['textYear'], text: string, index: number, today: IsoDate): { year: number; assumed: boolean } {
  const weekday = weekdayNear(text, index);
  if (textYear) {
    // A meeting reported after it was held: a day later in the year than the stamp is the year before.
    if (textYear.stamp) {
      const d = onOrBefore(month, day, textYear.stamp);
      if (d) return { year: Number(d.slice(0, 4)), assumed: false };
    }
    return { year: textYear.year, assumed: false };
  }
  if (weekday !== null) {
    const year = yearByWeekday(month, day, weekday, today);
    if (year !== null) return { year, assumed: false };
  }
  const d = onOrBefore(month, day, today);
  return { year: d ? Number(d.slice(0, 4)) : Number(today.slice(0, 4)), assumed: true };
}

/**
 * The meeting's day: a date in a sentence that reports the meeting (`On March 25, … held`,
 * `The meeting took place on July 3, 2020`), else a dateline when the text says the meeting was
 * today, else (for a text that gives tasks) the first past date that is no deadline.
 */
export function meetingWhen(text: string, today: IsoDate, hasTasks: boolean): MeetingWhen {
  const dates = textDates(text);
  const stamps = dates.filter((d) => isStamp(text, d));
  const fullStamp = stamps.find((d) => d.year !== null);
  const anyFull = dates.find((d) => d.year !== null);
  const textYear: MeetingWhen['textYear'] = fullStamp
    ? { year: fullStamp.year as number, stamp: iso(fullStamp.year as number, fullStamp.month, fullStamp.day) }
    : anyFull
      ? { year: anyFull.year as number, stamp: null }
      : null;
  const resolve = (d: TextDate): MeetingWhen => {
    if (d.year !== null) return { date: iso(d.year, d.month, d.day), yearAssumed: false, textYear };
    const { year, assumed } = yearFor(d.month, d.day, textYear, text, d.index, today);
    return { date: iso(year, d.month, d.day), yearAssumed: assumed, textYear };
  };
  const inText = dates.filter((d) => !isStamp(text, d));
  const context = (d: TextDate) => {
    const start = Math.max(text.lastIndexOf('.', d.index - 2), text.lastIndexOf('\n', d.index - 1)) + 1;
    const after = text.slice(d.index + d.length);
    const endRel = after.search(/[.!?](?:\s|$)|\n/u);
    return { before: text.slice(start, d.index), sentence: text.slice(start, d.index + d.length + (endRel < 0 ? after.length : endRel)), after };
  };
  const noDeadline = (d: TextDate) => {
    const { before, after } = context(d);
    return !DEADLINE_BEFORE.test(before.slice(-30)) && !DEADLINE_AFTER.test(after.slice(0, 20)) && !RANGE_BEFORE.test(before.slice(-12));
  };
  // A date in the sentence that reports the meeting.
  for (const d of inText) {
    const { sentence } = context(d);
    if (noDeadline(d) && MEETING_WORDS.test(sentence) && !FUTURE_CLAUSE.test(sentence)) return resolve(d);
  }
  // `Today (Thursday June 3rd)`, `Бүгүн, 28-октябрда`: a date beside "today".
  for (const d of inText) {
    if (noDeadline(d) && TODAY.test(text.slice(Math.max(0, d.index - 20), d.index + d.length + 5))) return resolve(d);
  }
  // A dateline, when the text says the meeting was today.
  if (stamps.length > 0 && TODAY.test(text)) return resolve(fullStamp ?? (stamps[0] as TextDate));
  // A text that gives tasks: the first past date that is no deadline.
  if (hasTasks) {
    for (const d of inText) {
      const { sentence } = context(d);
      if (noDeadline(d) && !FUTURE_CLAUSE.test(sentence) && /\b(?:was|were|had)\b|\b\p{L}+ed\b|(?<![\p{L}])(?:был[иоа]?|\p{L}+л[аио]?)(?![\p{L}])/u.test(sentence)) return resolve(d);
    }
  }
  return { date: null, yearAssumed: false, textYear };
}

// ---- deadlines ----

const EXTEND = /\b(?:extend|extended|extending|prolong\p{L}*)\b|(?<![\p{L}])(?:продл\p{L}*|пролонг\p{L}*|ұзарт\p{L}*|узарт\p{L}*)/iu;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10,
  один: 1, одного: 1, двух: 2, трех: 3, трёх: 3, четырех: 4, пяти: 5, шести: 6, десяти: 10,
  бір: 1, екі: 2, үш: 3, алты: 6, бир: 1, эки: 2, үч: 3,
};

/**
 * The deadline a task's clause gives, or null. `meeting` is the meeting's day (relative spans
 * count from it and a yearless date is the first such day on or after it); `fallback` is the day a
 * yearless date is counted from when the text gives no meeting date.
 */
export function deadlineOf(clause: string, meeting: IsoDate | null, fallback: IsoDate, textYear: MeetingWhen['textYear'], bareDates = true): IsoDate | null {
  const extend = EXTEND.exec(clause);
  for (const d of textDates(clause)) {
    const before = clause.slice(Math.max(0, d.index - 30), d.index);
    const after = clause.slice(d.index + d.length, d.index + d.length + 20);
    const marked = DEADLINE_BEFORE.test(before) || DEADLINE_AFTER.test(after);
    // A bare date in the task's own clause (`доложат 16 марта`, `должен 20 апреля сообщить`).
    const bare = !marked && !RANGE_BEFORE.test(before) && !/\b(?:on|in|of)\s*$/iu.test(before) && !/[,.]\s*$/u.test(before.trim() === '' ? '.' : before);
    // (In Kazakh and Kyrgyz a bare date carries its case — `1-майынан` is "from 1 May" — so only a marked one counts.)
    if (!marked && (!bare || !bareDates)) continue;
    // `продлить … до конца 2021 года`: how long a measure runs, not when the task is due.
    if (marked && extend && extend.index < d.index) continue;
    if (d.year !== null) return iso(d.year, d.month, d.day);
    const base = meeting ?? (textYear?.stamp ?? null) ?? fallback;
    if (/(?:этого|текущего|сего)\s+года|this year/iu.test(after)) return iso(Number(base.slice(0, 4)), d.month, d.day);
    return onOrAfter(d.month, d.day, base);
  }
  const endOfYear = /\bby the end of (?:the |this )?(?:year|(\d{4}))\b|до конца (?:текущего |этого |(\d{4}) )?года|(\d{4})?\s*жыл(?:дың|дын)? соңына (?:дейін|чейин)/iu.exec(clause);
  if (endOfYear && !(extend && extend.index < endOfYear.index)) {
    const year = endOfYear[1] ?? endOfYear[2] ?? endOfYear[3];
    if (year) return `${year}-12-31`;
    if (meeting) return `${meeting.slice(0, 4)}-12-31`;
  }
  if (!meeting) return null;
  const span =
    /\b(?:within|in)\s+(a|an|one|two|three|four|five|six|ten|\d+)\s+(day|week|month|year)s?\b|в\s+(?:(\d+|двух|трех|трёх|шести)[- ]?)?(месячный|недельный|дневный|двухнедельный|трехмесячный|трёхмесячный)\s+срок|в течение\s+(\d+|одного|двух|трех|трёх|шести|десяти)?\s*(месяц|недел|дн|дня|дней)\p{L}*|(бір|екі|үш|бир|эки|үч|\d+)\s+(ай|апта|күн)\p{L}*\s+(?:ішінде|ичинде)/iu.exec(
      clause,
    );
  if (!span) return null;
  const count = (raw: string | undefined): number => (raw === undefined ? 1 : Number(raw) || NUMBER_WORDS[raw.toLowerCase()] || 1);
  let n = 1;
  let unit = '';
  if (span[2]) {
    n = count(span[1]);
    unit = span[2].toLowerCase();
  } else if (span[4]) {
    n = count(span[3]);
    const u = span[4].toLowerCase();
    if (u.startsWith('двухнед')) return addDays(meeting, 14);
    if (u.startsWith('тр')) return addMonths(meeting, 3);
    unit = u.startsWith('месяч') ? 'month' : u.startsWith('недел') ? 'week' : 'day';
  } else if (span[6]) {
    n = count(span[5]);
    const u = span[6].toLowerCase();
    unit = u.startsWith('месяц') ? 'month' : u.startsWith('недел') ? 'week' : 'day';
  } else if (span[8]) {
    n = count(span[7]);
    const u = span[8].toLowerCase();
    unit = u === 'ай' ? 'month' : u === 'апта' ? 'week' : 'day';
  }
  if (unit === 'month') return addMonths(meeting, n);
  if (unit === 'year') return addMonths(meeting, 12 * n);
  if (unit === 'week') return addDays(meeting, 7 * n);
  return addDays(meeting, n);
}

/** The text names the deadline of the task before (`before the same date`, `в тот же срок`). */
export const SAME_DEADLINE = /\b(?:before|by) the same date\b|(?<![\p{L}])(?:к тому же сроку|в тот же срок|до той же даты)(?![\p{L}])/iu;

/** A sentence that only sets when a report on the task before is due (`Доклад – до 1 июня 2021 года`). */
export const REPORT_DUE = /^(?:the )?(?:report\p{L}*|доклад\p{L}*|доложить|отч[её]т\p{L}*|есеп\p{L}*|баяндама\p{L}*|отчет\p{L}*)(?![\p{L}])/iu;
