// Kazakhstan's production calendar, 2021–2027, for the five-day week.
//
// Law: the Law «О праздниках в Республике Казахстан» of 13 December 2001 lists the holidays; when a
// national or state holiday falls on a day off, the next working day is a day off (Labour Code,
// art. 85) — but not for the religious holidays that are days off (Orthodox Christmas, the first
// day of Kurban Ait), which never move. The Government (since 2024 the Minister of Labour and Social
// Protection, by order) moves days off «о переносе дней отдыха». Nauryz is 21–23 March (three days
// since 2010). Since 2022: Republic Day 25 October is a holiday, First President's Day 1 December
// and the second day of Independence Day (17 December) are not. The Constitution adopted at the
// referendum of 15 March 2026 moved Constitution Day from 30 August to 15 March: 30 August is a
// working day from 2026, 15 March is celebrated from 2027.
import type { CalendarYearData, HolidayEntry, HolidayKey } from './types';

function h(date: string, key: HolidayKey, movesOffWeekend = true): HolidayEntry {
  return { date, key, movesOffWeekend };
}

function fixed(y: number): HolidayEntry[] {
  const days: HolidayEntry[] = [
    h(`${y}-01-01`, 'new-year'),
    h(`${y}-01-02`, 'new-year'),
    h(`${y}-01-07`, 'orthodox-christmas', false),
    h(`${y}-03-08`, 'womens-day'),
    h(`${y}-03-21`, 'nauryz'),
    h(`${y}-03-22`, 'nauryz'),
    h(`${y}-03-23`, 'nauryz'),
    h(`${y}-05-01`, 'unity-day'),
    h(`${y}-05-07`, 'defender-day'),
    h(`${y}-05-09`, 'victory-day'),
    h(`${y}-07-06`, 'capital-day'),
    h(`${y}-12-16`, 'independence-day'),
  ];
  if (y <= 2025) days.push(h(`${y}-08-30`, 'constitution-day'));
  if (y >= 2027) days.push(h(`${y}-03-15`, 'constitution-day'));
  if (y >= 2022) days.push(h(`${y}-10-25`, 'republic-day'));
  if (y <= 2021) days.push(h(`${y}-12-01`, 'first-president-day'), h(`${y}-12-17`, 'independence-day'));
  return days;
}

function kurbanAit(date: string): HolidayEntry {
  return h(date, 'kurman-ait', false);
}

const LAW = 'Закон РК от 13.12.2001 № 267 «О праздниках в Республике Казахстан»; Трудовой кодекс РК, ст. 85 (перенос выходного при совпадении с праздником; Курбан айт и Рождество не переносятся)';

export const KZ_YEARS: CalendarYearData[] = [
  {
    country: 'KZ',
    year: 2021,
    status: 'confirmed',
    sources: [
      LAW,
      'Постановление Правительства РК о переносе дней отдыха в 2021 году: выходной с субботы 3 июля перенесён на понедельник 5 июля (kt.kz); номер постановления не установлен',
      'Курбан айт 20 июля 2021 г. (kt.kz)',
    ],
    notes: ['2 января (суббота) → выходной 4 января; Наурыз 21 марта (воскресенье) → 24 марта; 1 и 9 мая (суббота, воскресенье) → 3 и 10 мая.'],
    weekendRule: 'next-working-day',
    holidays: [...fixed(2021), kurbanAit('2021-07-20')],
    transfers: [{ dayOff: '2021-07-05', workDay: '2021-07-03' }],
  },
  {
    country: 'KZ',
    year: 2022,
    status: 'partial',
    sources: [
      LAW,
      'Постановление Правительства РК от 6 октября 2021 г. № 713 «О переносе дней отдыха в 2022 году»: с субботы 5 марта на понедельник 7 марта, с субботы 27 августа на понедельник 29 августа (primeminister.kz)',
      'Изменение в постановление № 713 (2022): с субботы 22 октября на понедельник 24 октября (ortcom.kz)',
      'Календарь 2022 года: 1–4 и 7 января, 6–8 марта, 19–23 марта, 1–2 и 7–10 мая, 28–30 августа (Zakon.kz, 24.12.2021)',
      'Курбан айт 9 июля 2022 г. — по сведениям автора данных (own knowledge)',
    ],
    notes: [
      'Поправки 2022 года в закон о праздниках (День Республики 25 октября; отмена Дня Первого Президента и второго дня Дня независимости) в данных действуют на весь 2022 год.',
      'Источники 2022 года расходятся о 17 декабря: в данных выходной только 16 декабря (пятница); если 19 декабря был выходным, добавьте его в настройках.',
    ],
    weekendRule: 'next-working-day',
    holidays: [...fixed(2022), kurbanAit('2022-07-09')],
    transfers: [
      { dayOff: '2022-03-07', workDay: '2022-03-05' },
      { dayOff: '2022-08-29', workDay: '2022-08-27' },
      { dayOff: '2022-10-24', workDay: '2022-10-22' },
    ],
  },
  {
    country: 'KZ',
    year: 2023,
    status: 'confirmed',
    sources: [
      LAW,
      'Постановление Правительства РК о переносе дня отдыха в 2023 году: с субботы 1 июля на пятницу 7 июля (prosud.kz, mgorod.kz, aqparat.info)',
      'Курбан айт 28 июня 2023 г. — по сведениям автора данных (own knowledge)',
    ],
    notes: ['1 января (воскресенье) → выходной 3 января; 7 мая (воскресенье) → 8 мая; 16 декабря (суббота) → 18 декабря. Рождество 7 января (суббота) не переносится.'],
    weekendRule: 'next-working-day',
    holidays: [...fixed(2023), kurbanAit('2023-06-28')],
    transfers: [{ dayOff: '2023-07-07', workDay: '2023-07-01' }],
  },
  {
    country: 'KZ',
    year: 2024,
    status: 'confirmed',
    sources: [
      LAW,
      'Приказ и. о. Министра труда и социальной защиты населения РК от 17 апреля 2024 г. «О переносе дня отдыха в 2024 году» (п. 3 ст. 85 ТК): с субботы 4 мая на среду 8 мая (nur.kz, Sputnik Казахстан, 18.04.2024)',
      'Курбан айт 16 июня 2024 г. — по сведениям автора данных (own knowledge)',
    ],
    notes: [
      'Наурыз 23 марта (суббота) → выходной 25 марта; День столицы 6 июля (суббота) → 8 июля. Курбан айт 16 июня (воскресенье) не переносится.',
    ],
    weekendRule: 'next-working-day',
    holidays: [...fixed(2024), kurbanAit('2024-06-16')],
    transfers: [{ dayOff: '2024-05-08', workDay: '2024-05-04' }],
  },
  {
    country: 'KZ',
    year: 2025,
    status: 'confirmed',
    sources: [
      LAW,
      'Приказ Министра труда и социальной защиты населения РК (ноябрь 2024): выходной с воскресенья 5 января перенесён на пятницу 3 января 2025 г. (energy-city.kz, informburodata.com)',
      'Курбан айт 6 июня 2025 г. — по сведениям автора данных (own knowledge)',
    ],
    notes: ['8 марта (суббота) → 10 марта; Наурыз 22–23 марта → 24–25 марта; 6 июля → 7 июля; 30 августа → 1 сентября; 25 октября → 27 октября.'],
    weekendRule: 'next-working-day',
    holidays: [...fixed(2025), kurbanAit('2025-06-06')],
    transfers: [{ dayOff: '2025-01-03', workDay: '2025-01-05' }],
  },
  {
    country: 'KZ',
    year: 2026,
    status: 'confirmed',
    sources: [
      LAW,
      'Календарь праздничных дней 2026 года на портале eGov.kz (inform.kz, alau.kz, 02.01.2026): переносов рабочих дней нет; первый день Курбан айта — 27 мая',
      'МТСЗН РК: с 2026 года 30 августа не День Конституции (новая Конституция принята на референдуме 15 марта 2026 г.) — taspanews.kz, 18.03.2026',
    ],
    notes: ['Календарь eGov от января 2026 г. ещё давал выходной 31 августа за 30 августа; после принятия новой Конституции этот выходной отменён.'],
    weekendRule: 'next-working-day',
    holidays: [...fixed(2026), kurbanAit('2026-05-27')],
    transfers: [],
  },
  {
    country: 'KZ',
    year: 2027,
    status: 'projected',
    sources: [LAW, 'День Конституции 15 марта — ст. 94 Конституции РК 2026 г. (отмечается с 2027 г.; taspanews.kz, 18.03.2026)', 'Курбан айт 2027 г. — астрономическая оценка (около 16 мая)'],
    notes: [
      'Переносы дней отдыха на 2027 год ещё не опубликованы: данные построены по закону о праздниках.',
      'Дата Курбан айта — оценка; уточните её в настройках, когда ДУМК объявит.',
    ],
    weekendRule: 'next-working-day',
    holidays: [...fixed(2027), { ...kurbanAit('2027-05-16'), estimated: true }],
    transfers: [],
  },
];
