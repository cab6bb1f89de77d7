// Kyrgyzstan's production calendar, 2021–2027, for the five-day week of state bodies.
//
// Law: until 2024 the Labour Code of 4 August 2004 (art. 113) listed the non-working holidays and
// moved a holiday that fell on a Saturday or Sunday (the Islamic ones included) to the next working
// day; the Cabinet of Ministers (until 2021 the Government) moved days off by resolution,
// «О переносе выходных дней». The Labour Code adopted in 2025 made 1–6 January New Year holidays and
// 1–9 May May holidays, left 23 February, 7 April and 7–8 November as holidays that are working
// days, dropped the move of a holiday off a weekend and forbids moving a working day to a Saturday
// (Kabar, 04.02.2025; mts.kg for 2026). Orozo Ait and Kurman Ait are set each year by the Muftiate
// (Духовное управление мусульман Кыргызстана).
//
// Each year says where its dates come from; «own knowledge» marks what this data's author knew but
// could not check against a stored page, and those years are `partial` or `projected`.
import type { CalendarYearData, HolidayEntry, HolidayKey } from './types';

function h(date: string, key: HolidayKey, estimated = false): HolidayEntry {
  return estimated ? { date, key, movesOffWeekend: true, estimated } : { date, key, movesOffWeekend: true };
}

/** The holidays the 2004 Labour Code (art. 113) gives every year. */
function oldCodeFixed(y: number): HolidayEntry[] {
  return [
    h(`${y}-01-01`, 'new-year'),
    h(`${y}-01-07`, 'orthodox-christmas'),
    h(`${y}-02-23`, 'defender-day'),
    h(`${y}-03-08`, 'womens-day'),
    h(`${y}-03-21`, 'nooruz'),
    h(`${y}-04-07`, 'april-revolution-day'),
    h(`${y}-05-01`, 'labour-day'),
    h(`${y}-05-05`, 'constitution-day'),
    h(`${y}-05-09`, 'victory-day'),
    h(`${y}-08-31`, 'independence-day'),
    h(`${y}-11-07`, 'history-memory-days'),
    h(`${y}-11-08`, 'history-memory-days'),
  ];
}

/** The non-working holidays of the 2025 Labour Code (the moves off weekends are gone). */
function newCodeFixed(y: number): HolidayEntry[] {
  const days: HolidayEntry[] = [];
  for (let d = 1; d <= 6; d++) days.push(h(`${y}-01-0${d}`, 'new-year-holidays'));
  days.push(h(`${y}-01-07`, 'orthodox-christmas'), h(`${y}-03-08`, 'womens-day'), h(`${y}-03-21`, 'nooruz'));
  for (let d = 1; d <= 9; d++) {
    const key: HolidayKey = d === 1 ? 'labour-day' : d === 5 ? 'constitution-day' : d === 9 ? 'victory-day' : 'may-holidays';
    days.push(h(`${y}-05-0${d}`, key));
  }
  days.push(h(`${y}-08-31`, 'independence-day'));
  return days.map((day) => ({ ...day, movesOffWeekend: false }));
}

const OLD_CODE = 'Трудовой кодекс КР от 4 августа 2004 г. № 106, ст. 113 (нерабочие праздничные дни; праздник, совпавший с выходным, переносится на следующий рабочий день)';
const NEW_CODE = 'Трудовой кодекс КР 2025 г. (новогодние каникулы 1–6 января, майские 1–9 мая; без переноса праздников с выходных и без переноса рабочих дней на субботу) — Кабар, 04.02.2025';

export const KG_YEARS: CalendarYearData[] = [
  {
    country: 'KG',
    year: 2021,
    status: 'partial',
    sources: [
      OLD_CODE,
      'Решение Правительства КР (май 2021 г.): 10 мая, выходной за День Победы в воскресенье, — рабочий день; вместо него выходной 30 августа (пресс-служба правительства; mediaplov.asia, 06.05.2021)',
      'Орозо айт 13 мая, Курман айт 20 июля 2021 г. — по сведениям автора данных (own knowledge)',
    ],
    notes: [
      'Другие переносы 2021 года (например, на новогодние праздники) в доступных источниках не найдены и не внесены: добавьте их в настройках, если они были.',
    ],
    weekendRule: 'next-working-day',
    holidays: [...oldCodeFixed(2021), h('2021-05-13', 'orozo-ait'), h('2021-07-20', 'kurman-ait')],
    transfers: [{ dayOff: '2021-08-30', workDay: '2021-05-10' }],
  },
  {
    country: 'KG',
    year: 2022,
    status: 'confirmed',
    sources: [
      OLD_CODE,
      'Решение Кабинета Министров КР от 24.12.2021 о переносе рабочих дней: 1–9 января нерабочие; выходные 15 января, 26 февраля и 26 марта перенесены на 4, 5 и 6 января (пресс-служба Кабмина; kloop.kg, vb.kg, alliance-press.kg, 24–25.12.2021)',
      'Решение Кабинета Министров КР о майских выходных 2022 г.: 1–9 мая нерабочие; выходные 30 апреля и 14 мая перенесены на 4 и 6 мая (проект Минтруда — bulak.kg, 28.03.2022; решение — vb.kg)',
      'Орозо айт 2 мая, Курман айт 9 июля 2022 г. — по сведениям автора данных (own knowledge)',
    ],
    notes: ['Курман айт пришёлся на субботу 9 июля: выходным стал понедельник 11 июля (ст. 113 ТК).'],
    weekendRule: 'next-working-day',
    holidays: [...oldCodeFixed(2022), h('2022-05-02', 'orozo-ait'), h('2022-07-09', 'kurman-ait')],
    transfers: [
      { dayOff: '2022-01-04', workDay: '2022-01-15' },
      { dayOff: '2022-01-05', workDay: '2022-02-26' },
      { dayOff: '2022-01-06', workDay: '2022-03-26' },
      { dayOff: '2022-05-04', workDay: '2022-04-30' },
      { dayOff: '2022-05-06', workDay: '2022-05-14' },
    ],
  },
  {
    country: 'KG',
    year: 2023,
    status: 'confirmed',
    sources: [
      OLD_CODE,
      'Постановление Кабинета Министров КР о переносе выходных дней в 2023 году (заседание Кабмина, декабрь 2022): 1–8 января, 18–21 марта, 5–9 мая, 4–8 ноября — bulak.kg 16.12.2022, 24.kg',
      'Орозо айт 21 апреля 2023 г. — ДУМК (КирТАГ, 17.04.2023); Курман айт 28 июня 2023 г. — ДУМК (Sputnik, 19.06.2023)',
    ],
    notes: ['Рождество 7 января пришлось на субботу; его выходной, понедельник 9 января, перенесён на 3 января.'],
    weekendRule: 'next-working-day',
    holidays: [...oldCodeFixed(2023), h('2023-04-21', 'orozo-ait'), h('2023-06-28', 'kurman-ait')],
    transfers: [
      { dayOff: '2023-01-03', workDay: '2023-01-09' },
      { dayOff: '2023-01-04', workDay: '2023-02-25' },
      { dayOff: '2023-01-05', workDay: '2023-03-11' },
      { dayOff: '2023-01-06', workDay: '2023-03-25' },
      { dayOff: '2023-03-20', workDay: '2023-04-29' },
      { dayOff: '2023-05-08', workDay: '2023-05-13' },
      { dayOff: '2023-11-06', workDay: '2023-11-11' },
    ],
  },
  {
    country: 'KG',
    year: 2024,
    status: 'partial',
    sources: [
      OLD_CODE,
      'Решение Кабинета Министров КР 2024 г.: 22 марта нерабочий, вместо него рабочий 8 апреля (Минтруда, Кабар; oper.vb.kg; 7tv.kg)',
      'Курман айт 2024 г. — понедельник 17 июня, утверждён Кабинетом Министров выходным днём (24.kg); Орозо айт 10 апреля 2024 г. — по сведениям автора данных (own knowledge)',
    ],
    notes: [
      'Переносы на новогодние праздники 2024 года не подтверждены доступными источниками и не внесены.',
      'Выходные за праздники, пришедшиеся на воскресенье (7 января, 7 апреля, 5 мая) и субботу (31 августа), перенесены на следующий рабочий день по ст. 113 ТК; 8 апреля стал рабочим днём по переносу.',
    ],
    weekendRule: 'next-working-day',
    holidays: [...oldCodeFixed(2024), h('2024-04-10', 'orozo-ait'), h('2024-06-17', 'kurman-ait')],
    transfers: [{ dayOff: '2024-03-22', workDay: '2024-04-08' }],
  },
  {
    country: 'KG',
    year: 2025,
    status: 'partial',
    sources: [
      NEW_CODE,
      'Постановление Кабинета Министров КР от 30.12.2024 «О переносе выходных дней в 2025 году» признано утратившим силу (Кабар, 04.02.2025)',
      'Курман айт 6 июня 2025 г. — ДУМК (Кабар, 28.05.2025); Орозо айт 30 марта 2025 г. — по сведениям автора данных (own knowledge)',
    ],
    notes: [
      'Не подтверждено, отработана ли суббота 11 января 2025 г. по постановлению от 30.12.2024 до его отмены: в данных она выходной.',
      'Орозо айт пришёлся на воскресенье 30 марта; по новому ТК праздник с выходного не переносится, поэтому 31 марта — рабочий день (не подтверждено).',
    ],
    weekendRule: 'none',
    holidays: [...newCodeFixed(2025), { date: '2025-03-30', key: 'orozo-ait', movesOffWeekend: false }, { date: '2025-06-06', key: 'kurman-ait', movesOffWeekend: false }],
    transfers: [],
  },
  {
    country: 'KG',
    year: 2026,
    status: 'partial',
    sources: [
      NEW_CODE,
      'Производственный календарь на 2026 год, Минтруда КР (24.kg, 11.12.2025; sayasat.kg / vesti.kg, 12.12.2025)',
      'Постановление Кабинета Министров КР о продлении новогодних каникул: 8 и 9 января 2026 г. нерабочие, без отработки (24.kg, декабрь 2025)',
      'Орозо айт 20 марта 2026 г. — предварительная дата ДУМК (24.kg, 12.01.2026); Курман айт 27 мая 2026 г. — по сведениям автора данных (own knowledge)',
    ],
    notes: [
      '8 марта (воскресенье) и Нооруз 21 марта (суббота) не переносятся (mts.kg, 2026).',
      'Дата Курман айта 27 мая не подтверждена доступными источниками.',
    ],
    weekendRule: 'none',
    holidays: [
      ...newCodeFixed(2026),
      { date: '2026-03-20', key: 'orozo-ait', movesOffWeekend: false },
      { date: '2026-05-27', key: 'kurman-ait', movesOffWeekend: false },
    ],
    transfers: [{ dayOff: '2026-01-08' }, { dayOff: '2026-01-09' }],
  },
  {
    country: 'KG',
    year: 2027,
    status: 'projected',
    sources: [NEW_CODE, 'Орозо айт и Курман айт 2027 г. — астрономическая оценка (около 9 марта и 16 мая), до объявления муфтиятом'],
    notes: [
      'Производственный календарь и постановления о переносах на 2027 год ещё не опубликованы: данные построены по Трудовому кодексу.',
      'Даты Орозо айта и Курман айта — оценка; уточните их в настройках, когда муфтият объявит.',
    ],
    weekendRule: 'none',
    holidays: [
      ...newCodeFixed(2027),
      { date: '2027-03-09', key: 'orozo-ait', movesOffWeekend: false, estimated: true },
      { date: '2027-05-16', key: 'kurman-ait', movesOffWeekend: false, estimated: true },
    ],
    transfers: [],
  },
];
