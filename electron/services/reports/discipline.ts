// The execution-discipline report (справка об исполнительской дисциплине): the figures of
// db/discipline.ts per lead organization with the total, the monthly trend and the worst ten
// overdue items, as a report document every format of the engine renders. Its words in the four
// languages are here; the shared ones (dates, "Total", the signature) come from ./strings.
import type { Language } from '../../../db/model';
import type { DisciplineFigures, DisciplineReport, PeriodBasis } from '../../../db/discipline';
import type { Column, ColumnType, MetaLine, PrintColumn, Row, Section } from './model';
import { fitHeaderWords } from './fit';
import { fill, formatDate, formatNumber, type ReportStrings } from './strings';

export interface DisciplineStrings {
  title: string;
  fileName: string;
  sections: { figures: string; trend: string; worst: string };
  sheets: { figures: string; trend: string; worst: string };
  meta: { period: string; basis: Record<PeriodBasis, string>; periodValue: string };
  columns: {
    instructions: string;
    onTime: string;
    late: string;
    overdue: string;
    overdueDays: string;
    overdueWorkingDays: string;
    extended: string;
    extendedShare: string;
    onTimeRate: string;
    onTimeRateOriginal: string;
    averageDelay: string;
    month: string;
    due: string;
    calendarDays: string;
    workingDays: string;
  };
  emptyWorst: string;
  /** The printed table (PDF, DOCX) stacks related figures in one cell, so twelve fit on a page. */
  print: { days: string; share: string; rates: string };
}

const en: DisciplineStrings = {
  title: 'Report on execution discipline',
  fileName: 'execution-discipline',
  sections: { figures: 'Execution discipline by lead organization', trend: 'Monthly trend', worst: 'The ten most overdue instructions' },
  sheets: { figures: 'By organization', trend: 'By month', worst: 'Most overdue' },
  meta: { period: 'Period', basis: { deadline: 'by deadline in force', created: 'by date of creation' }, periodValue: '{from} – {to}, {basis}' },
  columns: {
    instructions: 'Instructions',
    onTime: 'Resolved on time',
    late: 'Resolved late',
    overdue: 'Overdue now',
    overdueDays: 'Days overdue (calendar)',
    overdueWorkingDays: 'Days overdue (working)',
    extended: 'Extended',
    extendedShare: 'Extended, %',
    onTimeRate: 'On time, % (deadline in force)',
    onTimeRateOriginal: 'On time, % (original deadline)',
    averageDelay: 'Average delay, days',
    month: 'Month',
    due: 'Due',
    calendarDays: 'Calendar days overdue',
    workingDays: 'Working days overdue',
  },
  emptyWorst: 'Nothing is overdue.',
  print: { days: '{calendar} days ({working} working)', share: '({share} %)', rates: 'On time, %: deadline in force / original' },
};

const ru: DisciplineStrings = {
  title: 'Справка об исполнительской дисциплине',
  fileName: 'справка-об-исполнительской-дисциплине',
  sections: { figures: 'Исполнительская дисциплина по головным исполнителям', trend: 'Динамика по месяцам', worst: 'Десять наиболее просроченных поручений' },
  sheets: { figures: 'По исполнителям', trend: 'По месяцам', worst: 'Наиболее просроченные' },
  meta: { period: 'Период', basis: { deadline: 'по действующему сроку', created: 'по дате создания' }, periodValue: '{from} – {to}, {basis}' },
  columns: {
    instructions: 'Поручений',
    onTime: 'Исполнено в срок',
    late: 'Исполнено с нарушением срока',
    overdue: 'Просрочено сейчас',
    overdueDays: 'Дней просрочки (календарных)',
    overdueWorkingDays: 'Дней просрочки (рабочих)',
    extended: 'Продлено',
    extendedShare: 'Продлено, %',
    onTimeRate: 'В срок, % (по действующему сроку)',
    onTimeRateOriginal: 'В срок, % (по первоначальному сроку)',
    averageDelay: 'Средняя задержка, дней',
    month: 'Месяц',
    due: 'Со сроком в месяце',
    calendarDays: 'Календарных дней просрочки',
    workingDays: 'Рабочих дней просрочки',
  },
  emptyWorst: 'Просроченных поручений нет.',
  print: { days: '{calendar} дн. (раб.: {working})', share: '({share} %)', rates: 'В срок, %: по действующему / первонач. сроку' },
};

const kk: DisciplineStrings = {
  title: 'Атқарушылық тәртіп туралы анықтама',
  fileName: 'атқарушылық-тәртіп-туралы-анықтама',
  sections: { figures: 'Бас орындаушылар бойынша атқарушылық тәртіп', trend: 'Айлар бойынша серпін', worst: 'Мерзімі ең көп өткен он тапсырма' },
  sheets: { figures: 'Орындаушылар бойынша', trend: 'Айлар бойынша', worst: 'Ең көп кешіккен' },
  meta: { period: 'Кезең', basis: { deadline: 'қолданыстағы мерзім бойынша', created: 'құрылған күні бойынша' }, periodValue: '{from} – {to}, {basis}' },
  columns: {
    instructions: 'Тапсырмалар',
    onTime: 'Мерзімінде орындалды',
    late: 'Мерзімін бұзып орындалды',
    overdue: 'Қазір мерзімі өткен',
    overdueDays: 'Кешігу күндері (күнтізбелік)',
    overdueWorkingDays: 'Кешігу күндері (жұмыс)',
    extended: 'Ұзартылды',
    extendedShare: 'Ұзартылды, %',
    onTimeRate: 'Мерзімінде, % (қолданыстағы мерзім)',
    onTimeRateOriginal: 'Мерзімінде, % (бастапқы мерзім)',
    averageDelay: 'Орташа кешігу, күн',
    month: 'Ай',
    due: 'Мерзімі осы айда',
    calendarDays: 'Кешігудің күнтізбелік күндері',
    workingDays: 'Кешігудің жұмыс күндері',
  },
  emptyWorst: 'Мерзімі өткен тапсырма жоқ.',
  print: { days: '{calendar} күн (жұмыс: {working})', share: '({share} %)', rates: 'Мерзімінде, %: қолданыстағы / бастапқы мерзім' },
};

const ky: DisciplineStrings = {
  title: 'Аткаруу тартиби жөнүндө маалымкат',
  fileName: 'аткаруу-тартиби-жөнүндө-маалымкат',
  sections: { figures: 'Башкы аткаруучулар боюнча аткаруу тартиби', trend: 'Айлар боюнча динамика', worst: 'Мөөнөтү эң көп өткөн он тапшырма' },
  sheets: { figures: 'Аткаруучулар боюнча', trend: 'Айлар боюнча', worst: 'Эң көп кечиккен' },
  meta: { period: 'Мезгил', basis: { deadline: 'колдонуудагы мөөнөт боюнча', created: 'түзүлгөн күнү боюнча' }, periodValue: '{from} – {to}, {basis}' },
  columns: {
    instructions: 'Тапшырмалар',
    onTime: 'Мөөнөтүндө аткарылды',
    late: 'Мөөнөтүн бузуп аткарылды',
    overdue: 'Азыр мөөнөтү өткөн',
    overdueDays: 'Кечигүү күндөрү (календардык)',
    overdueWorkingDays: 'Кечигүү күндөрү (жумуш)',
    extended: 'Узартылды',
    extendedShare: 'Узартылды, %',
    onTimeRate: 'Мөөнөтүндө, % (колдонуудагы мөөнөт)',
    onTimeRateOriginal: 'Мөөнөтүндө, % (баштапкы мөөнөт)',
    averageDelay: 'Орточо кечигүү, күн',
    month: 'Ай',
    due: 'Мөөнөтү ушул айда',
    calendarDays: 'Кечигүүнүн календардык күндөрү',
    workingDays: 'Кечигүүнүн жумуш күндөрү',
  },
  emptyWorst: 'Мөөнөтү өткөн тапшырма жок.',
  print: { days: '{calendar} күн (жумуш: {working})', share: '({share} %)', rates: 'Мөөнөтүндө, %: колдонуудагы / баштапкы мөөнөт' },
};

const TABLES: Record<Language, DisciplineStrings> = { en, ru, kk, ky };

export function disciplineStrings(language: Language): DisciplineStrings {
  return TABLES[language] ?? en;
}

function col(key: string, header: string, type: ColumnType, width: number): Column {
  return { key, header, type, width };
}

function section(id: string, title: string, sheetName: string, columns: Column[], rows: Row[], printColumns: PrintColumn[], emptyText: string, totals: Row | null = null): Section {
  return { id, title, sheetName: sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), columns, rows, totals, printColumns: fitHeaderWords(printColumns), emptyText };
}

/** A share as a percentage with one decimal (40.0), or empty when there is nothing to divide. */
const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

function figureRow(name: string, f: DisciplineFigures, d: DisciplineStrings): Row {
  const share = percent(f.extendedShare);
  return {
    // For the printed table only (not columns of the spreadsheet or the CSV).
    daysLine: f.overdue === 0 ? '' : fill(d.print.days, { calendar: f.overdueCalendarDays, working: f.overdueWorkingDays }),
    shareLine: share === null ? '' : fill(d.print.share, { share }),
    organization: name,
    instructions: f.instructions,
    onTime: f.resolvedOnTime,
    late: f.resolvedLate,
    overdue: f.overdue,
    overdueDays: f.overdueCalendarDays,
    overdueWorkingDays: f.overdueWorkingDays,
    extended: f.extended,
    extendedShare: percent(f.extendedShare),
    onTimeRate: percent(f.onTimeRate),
    onTimeRateOriginal: percent(f.onTimeRateOriginal),
    averageDelay: f.averageDelay,
  };
}

/** The month as officials write it: "November 2026", "ноябрь 2026 г."… */
export function monthName(month: string, language: Language): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const locale = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ', ky: 'ky-KG' }[language];
  try {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  } catch {
    return month;
  }
}

export function disciplineSections(report: DisciplineReport, s: ReportStrings, language: Language): Section[] {
  const d = disciplineStrings(language);
  const c = d.columns;
  const numeric = (key: string, header: string, width = 9): PrintColumn => ({ header, width, lines: [{ key }], align: 'right' });
  const figures = section(
    'figures',
    d.sections.figures,
    d.sheets.figures,
    [
      col('organization', s.columns.organization, 'text', 50),
      col('instructions', c.instructions, 'number', 12),
      col('onTime', c.onTime, 'number', 12),
      col('late', c.late, 'number', 12),
      col('overdue', c.overdue, 'number', 12),
      col('overdueDays', c.overdueDays, 'number', 14),
      col('overdueWorkingDays', c.overdueWorkingDays, 'number', 14),
      col('extended', c.extended, 'number', 12),
      col('extendedShare', c.extendedShare, 'number', 12),
      col('onTimeRate', c.onTimeRate, 'number', 16),
      col('onTimeRateOriginal', c.onTimeRateOriginal, 'number', 16),
      col('averageDelay', c.averageDelay, 'number', 14),
    ],
    report.organizations.map((o) => figureRow(o.name ?? s.noLead, o, d)),
    [
      { header: s.columns.organization, width: 22, lines: [{ key: 'organization' }] },
      numeric('instructions', c.instructions, 9),
      numeric('onTime', c.onTime, 10),
      numeric('late', c.late, 11),
      { header: c.overdue, width: 13, lines: [{ key: 'overdue', style: 'alert' }, { key: 'daysLine', style: 'muted' }], align: 'right' },
      { header: c.extended, width: 9, lines: [{ key: 'extended' }, { key: 'shareLine', style: 'muted' }], align: 'right' },
      { header: d.print.rates, width: 16, lines: [{ key: 'onTimeRate', style: 'strong' }, { key: 'onTimeRateOriginal', style: 'muted' }], align: 'right' },
      numeric('averageDelay', c.averageDelay, 10),
    ],
    s.empty,
    report.organizations.length > 0 ? figureRow(s.total, report.total, d) : null,
  );
  const trend = section(
    'trend',
    d.sections.trend,
    d.sheets.trend,
    [col('month', c.month, 'text', 20), col('due', c.due, 'number', 14), col('onTime', c.onTime, 'number', 14), col('late', c.late, 'number', 14), col('overdue', c.overdue, 'number', 14)],
    report.trend.map((m) => ({ month: monthName(m.month, language), due: m.due, onTime: m.onTime, late: m.late, overdue: m.overdue })),
    [{ header: c.month, width: 28, lines: [{ key: 'month' }] }, numeric('due', c.due, 18), numeric('onTime', c.onTime, 18), numeric('late', c.late, 18), numeric('overdue', c.overdue, 18)],
    s.empty,
  );
  const worst = section(
    'worst',
    d.sections.worst,
    d.sheets.worst,
    [
      col('number', s.columns.number, 'text', 10),
      col('title', s.columns.title, 'text', 60),
      col('lead', s.columns.lead, 'text', 40),
      col('due', s.columns.due, 'date', 14),
      col('originalDue', s.columns.originalDue, 'date', 14),
      col('calendarDays', c.calendarDays, 'number', 14),
      col('workingDays', c.workingDays, 'number', 14),
      col('extensions', s.columns.extensions, 'number', 12),
    ],
    report.worst.map((w) => ({
      number: w.controlNumber,
      title: w.title,
      lead: w.organizationName ?? s.noLead,
      due: w.dueDate,
      originalDue: w.originalDueDate,
      calendarDays: w.calendarDays,
      workingDays: w.workingDays,
      extensions: w.extensions,
    })),
    [
      { header: s.columns.number, width: 8, lines: [{ key: 'number' }] },
      { header: s.columns.title, width: 34, lines: [{ key: 'title', style: 'strong' }] },
      { header: s.columns.lead, width: 22, lines: [{ key: 'lead' }] },
      { header: s.columns.due, width: 12, lines: [{ key: 'due' }] },
      { ...numeric('calendarDays', c.calendarDays, 8), lines: [{ key: 'calendarDays', style: 'alert' }] },
      numeric('workingDays', c.workingDays, 8),
      numeric('extensions', s.columns.extensions, 8),
    ],
    d.emptyWorst,
  );
  return [figures, trend, worst];
}

export function disciplineMeta(report: DisciplineReport, s: ReportStrings, language: Language): MetaLine[] {
  const d = disciplineStrings(language);
  const lines: MetaLine[] = [
    { label: d.meta.period, value: fill(d.meta.periodValue, { from: formatDate(report.from, language), to: formatDate(report.to, language), basis: d.meta.basis[report.basis] }) },
    { label: s.meta.selection, value: report.query.trim() !== '' ? report.query.trim() : s.meta.everything },
    { label: s.meta.instructions, value: formatNumber(report.total.instructions, language) },
  ];
  return lines;
}
