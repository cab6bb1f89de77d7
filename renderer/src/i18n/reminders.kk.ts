// Kazakh strings of reminders (reminders.en.ts is the reference).
import type { remindersEn, remindersErrorsEn } from './reminders.en';
import type { MessagesOf } from './messages';

export const remindersKk = {
  due: {
    title: 'Орындау мерзімдері',
    intro: 'Мерзімі өтіп кеткен немесе осы не келесі аптада келетін орындалмаған тапсырмалар, бас орындаушылар бойынша (бүгін {{date}}).',
    groups: { overdue: 'Кешіктірілген', today: 'Мерзімі бүгін', thisWeek: 'Апта соңына дейін', nextWeek: 'Келесі аптада' },
    groupCount: '{{group}}: {{count}}',
    empty: 'Тапсырмалар жоқ.',
    noLead: 'Бас орындаушысы жоқ',
    letter: 'Еске салу хаты',
    letterLabel: 'Еске салу хаты: {{name}}',
    deadline: 'мерзімі {{date}}',
    overdueDays: '{{working}} жұмыс күні ({{calendar}} күнтізбелік күн) кешіктірілді',
    snoozed: 'еске салулар {{date}} дейін кейінге қалдырылды',
    loading: 'Мерзімдер оқылуда…',
  },
  digest: {
    title: 'Бүгінгі бақылау, {{date}}',
    overdue: 'Кешіктірілген: {{count}}',
    today: 'Мерзімі бүгін: {{count}}',
    thisWeek: 'Апта соңына дейін: {{count}}',
    open: 'Орындау мерзімдерін ашу',
    close: 'Жасыру',
  },
  letter: {
    title: 'Еске салу хаты: {{name}}',
    addressee: 'Алушы (басшы)',
    addresseeHint: 'Мысалы: Министр А. Б. Тегіне',
    number: 'Шығыс нөмірі',
    date: 'Хаттың күні',
    docx: 'DOCX',
    pdf: 'PDF',
    print: 'Басып шығару немесе PDF ретінде сақтау',
    count: 'Хаттағы тапсырмалар: {{count}}',
    preparing: 'Хат дайындалуда…',
    previewTitle: 'Басып шығарылатын еске салу хаты',
    downloaded: 'Жүктелді: {{name}}',
  },
  card: {
    legend: 'Еске салулар',
    mode: 'Осы тапсырма бойынша еске салулар',
    modes: { store: 'Барлық тапсырмалардағыдай', custom: 'Өзіндік', none: 'Еске салусыз' },
    snoozedUntil: '{{date}} дейін кейінге қалдырылды.',
    snoozeDays: 'Кейінге қалдыру (жұмыс күні)',
    snoozeUntil: 'немесе мына күнге дейін',
    snooze: 'Кейінге қалдыру',
    unsnooze: 'Кейінге қалдыруды тоқтату',
    saved: 'Тапсырманың еске салулары сақталды.',
    snoozedNotice: 'Еске салулар {{date}} дейін кейінге қалдырылды.',
    unsnoozedNotice: 'Еске салулар енді кейінге қалдырылмайды.',
  },
  policy: {
    title: 'Еске салулар',
    note: 'Еске салулар бас орындаушының күнтізбесі бойынша жұмыс күндерін санайды; әрқайсысы бір рет көрсетіледі. Жұмыс үстелі қолданбасы оларды жүйелік хабарламалармен көрсетеді; қолданба да, браузер де орындау мерзімдері мен күн шолуын көрсетеді.',
    daysBefore: 'Мерзімге дейін неше жұмыс күні бұрын',
    daysBeforeHint: '1-ден 60-қа дейінгі бүтін сандар, үтір арқылы; бос болса — алдын ала еске салмау.',
    onTheDay: 'Мерзім күні',
    overdueEvery: 'Кешіктірілгенде — әр (жұмыс күні)',
    overdueEveryHint: 'Бос болса — мерзімнен кейін еске салмау.',
    save: 'Еске салуларды сақтау',
    saved: 'Еске салу тәртібі сақталды.',
    badDays: '«{{value}}» — 1-ден 60-қа дейінгі бүтін сан емес.',
    repeated: '{{value}} екі рет көрсетілген.',
  },
} satisfies MessagesOf<typeof remindersEn>;

export const remindersErrorsKk = {
  reminderPolicyInvalid: 'Еске салу күндері — 1-ден 60-қа дейінгі бүтін сандар, қайталаусыз.',
  snoozeInPast: 'Еске салу бүгіннен кейінгі күнге қалдырылады; {{date}} келмейді.',
  snoozeDaysInvalid: 'Еске салу 1–{{max}} жұмыс күніне қалдырылады.',
} satisfies MessagesOf<typeof remindersErrorsEn>;
