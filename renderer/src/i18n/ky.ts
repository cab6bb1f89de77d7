import type { Catalog } from './en';

// Kyrgyz: the board, the first run and the workflow; what is missing falls back to Russian.
export const ky = {
  app: {
    title: 'Тапшырмаларды көзөмөлдөө',
    loading: 'Жүктөлүүдө…',
    language: 'Тил',
    demoBanner: 'Демо маалыматтар: жолугушуу чыныгы, мөөнөттөр жана аткарылышы шарттуу.',
    skipToBoard: 'Тактага өтүү',
  },
  firstRun: {
    title: 'Кош келиңиз',
    intro: 'Маалымат базасы бош. Демодон же бош базадан баштаңыз.',
    demoTitle: 'Демону жүктөө',
    demoText: 'Кыргызстан менен Казакстандын өкмөт башчыларынын 2021-жылдын 5-ноябрындагы жолугушуусу: тапшырмалар жана жооптуу министрликтер. Мөөнөттөр шарттуу.',
    emptyTitle: 'Бош баштоо',
    emptyText: 'Өз жолугушууларыңызды жана тапшырмаларыңызды дароо киргизиңиз.',
  },
  boards: {
    label: 'Такта',
    builtin: { control: 'Көзөмөл тактасы', by_ministry: 'Министрликтер боюнча', by_topic: 'Темалар боюнча', meeting: 'Жолугушуу: {{title}}' },
    empty: 'Бул жерде тапшырма жок.',
    emptyBoard: 'Бул тактада азырынча тапшырма жок.',
  },
  status: { assigned: 'Дайындалды', in_progress: 'Аткарылууда', report_submitted: 'Отчёт берилди', resolved: 'Аткарылды' },
  priority: { low: 'Төмөн', normal: 'Кадимки', high: 'Жогору', critical: 'Шашылыш' },
  card: {
    number: '№ {{number}}',
    due: 'Мөөнөтү {{date}}',
    noDue: 'Мөөнөтсүз',
    overdue_one: '{{count}} күнгө кечикти',
    overdue_other: '{{count}} күнгө кечикти',
    dueToday: 'Мөөнөтү бүгүн',
    dueSoon_one: 'Мөөнөтүнө {{count}} күн калды',
    dueSoon_other: 'Мөөнөтүнө {{count}} күн калды',
    demo: 'Демо',
    moveTo: 'Жылдыруу…',
  },
  move: { confirm: 'Жылдыруу', cancel: 'Жокко чыгаруу', reportLabel: 'Отчёт', reasonLabel: 'Себеби', finalReportTitle: 'Жыйынтыктоочу отчёт' },
  search: { label: 'Издөө' },
} satisfies Catalog;
