import type { Catalog } from './en';

// Kazakh: the board, the first run and the workflow; what is missing falls back to Russian.
export const kk = {
  app: {
    title: 'Тапсырмаларды бақылау',
    loading: 'Жүктелуде…',
    language: 'Тіл',
    demoBanner: 'Демо деректер: кездесу нақты, мерзімдер мен орындалу барысы шартты.',
    skipToBoard: 'Тақтаға өту',
  },
  firstRun: {
    title: 'Қош келдіңіз',
    intro: 'Дерекқор бос. Демодан немесе бос дерекқордан бастаңыз.',
    demoTitle: 'Демоны жүктеу',
    demoText: 'Қырғызстан мен Қазақстан үкімет басшыларының 2021 жылғы 5 қарашадағы кездесуі: тапсырмалар мен жауапты министрліктер. Мерзімдер шартты.',
    emptyTitle: 'Бос бастау',
    emptyText: 'Өз кездесулеріңіз бен тапсырмаларыңызды бірден енгізіңіз.',
  },
  boards: {
    label: 'Тақта',
    builtin: { control: 'Бақылау тақтасы', by_ministry: 'Министрліктер бойынша', by_topic: 'Тақырыптар бойынша', meeting: 'Кездесу: {{title}}' },
    empty: 'Мұнда тапсырма жоқ.',
    emptyBoard: 'Бұл тақтада әзірге тапсырма жоқ.',
  },
  status: { assigned: 'Тағайындалды', in_progress: 'Орындалуда', report_submitted: 'Есеп ұсынылды', resolved: 'Орындалды' },
  priority: { low: 'Төмен', normal: 'Қалыпты', high: 'Жоғары', critical: 'Шұғыл' },
  card: {
    number: '№ {{number}}',
    due: 'Мерзімі {{date}}',
    noDue: 'Мерзімсіз',
    overdue_one: '{{count}} күнге кешікті',
    overdue_other: '{{count}} күнге кешікті',
    dueToday: 'Мерзімі бүгін',
    dueSoon_one: 'Мерзіміне {{count}} күн қалды',
    dueSoon_other: 'Мерзіміне {{count}} күн қалды',
    demo: 'Демо',
    moveTo: 'Жылжыту…',
  },
  move: { confirm: 'Жылжыту', cancel: 'Болдырмау', reportLabel: 'Есеп', reasonLabel: 'Себебі', finalReportTitle: 'Қорытынды есеп' },
  search: { label: 'Іздеу' },
} satisfies Catalog;
