// Kyrgyz strings of reminders (reminders.en.ts is the reference).
import type { remindersEn, remindersErrorsEn } from './reminders.en';
import type { MessagesOf } from './messages';

export const remindersKy = {
  due: {
    title: 'Аткаруу мөөнөттөрү',
    intro: 'Мөөнөтү өтүп кеткен же ушул же кийинки жумада келе турган аткарылбаган тапшырмалар, башкы аткаруучулар боюнча (бүгүн {{date}}).',
    groups: { overdue: 'Кечиктирилген', today: 'Мөөнөтү бүгүн', thisWeek: 'Жуманын аягына чейин', nextWeek: 'Кийинки жумада' },
    groupCount: '{{group}}: {{count}}',
    empty: 'Тапшырмалар жок.',
    noLead: 'Башкы аткаруучусу жок',
    letter: 'Эскертүү кат',
    letterLabel: 'Эскертүү кат: {{name}}',
    deadline: 'мөөнөтү {{date}}',
    overdueDays: '{{working}} иш күнү ({{calendar}} календардык күн) кечиктирилди',
    snoozed: 'эскертүүлөр {{date}} чейин кийинкиге калтырылды',
    loading: 'Мөөнөттөр окулууда…',
  },
  digest: {
    title: 'Бүгүнкү көзөмөл, {{date}}',
    overdue: 'Кечиктирилген: {{count}}',
    today: 'Мөөнөтү бүгүн: {{count}}',
    thisWeek: 'Жуманын аягына чейин: {{count}}',
    open: 'Аткаруу мөөнөттөрүн ачуу',
    close: 'Жашыруу',
  },
  letter: {
    title: 'Эскертүү кат: {{name}}',
    addressee: 'Алуучу (жетекчи)',
    addresseeHint: 'Мисалы: Министр А. Б. Фамилияга',
    number: 'Чыгуучу номер',
    date: 'Каттын күнү',
    docx: 'DOCX',
    pdf: 'PDF',
    print: 'Басып чыгаруу же PDF катары сактоо',
    count: 'Каттагы тапшырмалар: {{count}}',
    preparing: 'Кат даярдалууда…',
    previewTitle: 'Басылып чыга турган эскертүү кат',
    downloaded: 'Жүктөлдү: {{name}}',
  },
  card: {
    legend: 'Эскертүүлөр',
    mode: 'Бул тапшырма боюнча эскертүүлөр',
    modes: { store: 'Бардык тапшырмалардагыдай', custom: 'Өзүнүн', none: 'Эскертүүсүз' },
    snoozedUntil: '{{date}} чейин кийинкиге калтырылды.',
    snoozeDays: 'Кийинкиге калтыруу (иш күнү)',
    snoozeUntil: 'же ушул күнгө чейин',
    snooze: 'Кийинкиге калтыруу',
    unsnooze: 'Кийинкиге калтырууну токтотуу',
    saved: 'Тапшырманын эскертүүлөрү сакталды.',
    snoozedNotice: 'Эскертүүлөр {{date}} чейин кийинкиге калтырылды.',
    unsnoozedNotice: 'Эскертүүлөр мындан ары кийинкиге калтырылбайт.',
  },
  policy: {
    title: 'Эскертүүлөр',
    note: 'Эскертүүлөр башкы аткаруучунун календары боюнча иш күндөрүн эсептейт; ар бири бир жолу көрсөтүлөт. Иш столунун тиркемеси аларды системалык билдирмелер менен көрсөтөт; тиркеме да, браузер да аткаруу мөөнөттөрүн жана күндүн жыйынтыгын көрсөтөт.',
    daysBefore: 'Мөөнөткө чейин канча иш күнү мурун',
    daysBeforeHint: '1ден 60ка чейинки бүтүн сандар, үтүр менен; бош болсо — алдын ала эскертпөө.',
    onTheDay: 'Мөөнөт күнү',
    overdueEvery: 'Кечиктирилгенде — ар бир (иш күнү)',
    overdueEveryHint: 'Бош болсо — мөөнөттөн кийин эскертпөө.',
    save: 'Эскертүүлөрдү сактоо',
    saved: 'Эскертүү тартиби сакталды.',
    badDays: '«{{value}}» — 1ден 60ка чейинки бүтүн сан эмес.',
    repeated: '{{value}} эки жолу көрсөтүлгөн.',
  },
} satisfies MessagesOf<typeof remindersEn>;

export const remindersErrorsKy = {
  reminderPolicyInvalid: 'Эскертүү күндөрү — 1ден 60ка чейинки бүтүн сандар, кайталанбайт.',
  snoozeInPast: 'Эскертүү бүгүндөн кийинки күнгө калтырылат; {{date}} туура келбейт.',
  snoozeDaysInvalid: 'Эскертүү 1–{{max}} иш күнүнө калтырылат.',
} satisfies MessagesOf<typeof remindersErrorsEn>;
