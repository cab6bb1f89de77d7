// Russian strings of reminders (reminders.en.ts is the reference).
import type { remindersEn, remindersErrorsEn } from './reminders.en';
import type { MessagesOf } from './messages';

export const remindersRu = {
  due: {
    title: 'Сроки исполнения',
    intro: 'Неисполненные поручения, срок которых истёк или наступает на этой или следующей неделе, по головным исполнителям (сегодня {{date}}).',
    groups: { overdue: 'Просрочено', today: 'Срок сегодня', thisWeek: 'До конца недели', nextWeek: 'На следующей неделе' },
    groupCount: '{{group}}: {{count}}',
    empty: 'Нет поручений.',
    noLead: 'Без головного исполнителя',
    letter: 'Напоминание',
    letterLabel: 'Напоминание: {{name}}',
    deadline: 'срок {{date}}',
    overdueDays: 'просрочено на {{working}} раб. дн. ({{calendar}} кал. дн.)',
    snoozed: 'напоминания отложены до {{date}}',
    loading: 'Читаем сроки…',
  },
  digest: {
    title: 'Контроль на сегодня, {{date}}',
    overdue: 'Просрочено: {{count}}',
    today: 'Срок сегодня: {{count}}',
    thisWeek: 'До конца недели: {{count}}',
    open: 'Открыть сроки исполнения',
    close: 'Скрыть',
  },
  letter: {
    title: 'Напоминание: {{name}}',
    addressee: 'Адресат (руководитель)',
    addresseeHint: 'Например: Министру А. Б. Фамилия',
    number: 'Исходящий номер',
    date: 'Дата письма',
    docx: 'DOCX',
    pdf: 'PDF',
    print: 'Печать или сохранение в PDF',
    count: 'Поручений в письме: {{count}}',
    preparing: 'Готовим письмо…',
    previewTitle: 'Напоминание в том виде, как оно печатается',
    downloaded: 'Скачан файл: {{name}}',
  },
  card: {
    legend: 'Напоминания',
    mode: 'Напоминания по этому поручению',
    modes: { store: 'Как для всех поручений', custom: 'Свои', none: 'Без напоминаний' },
    snoozedUntil: 'Отложены до {{date}}.',
    snoozeDays: 'Отложить на (рабочих дней)',
    snoozeUntil: 'или до',
    snooze: 'Отложить',
    unsnooze: 'Больше не откладывать',
    saved: 'Напоминания по поручению сохранены.',
    snoozedNotice: 'Напоминания отложены до {{date}}.',
    unsnoozedNotice: 'Напоминания больше не отложены.',
  },
  policy: {
    title: 'Напоминания',
    note: 'Напоминания считают рабочие дни по календарю головного исполнителя; каждое показывается один раз. Настольное приложение показывает их системными уведомлениями; и приложение, и браузер показывают сроки исполнения и сводку дня.',
    daysBefore: 'За сколько рабочих дней до срока',
    daysBeforeHint: 'Целые числа от 1 до 60 через запятую; пусто — не напоминать заранее.',
    onTheDay: 'В день срока',
    overdueEvery: 'При просрочке — каждые (рабочих дней)',
    overdueEveryHint: 'Пусто — не напоминать после срока.',
    save: 'Сохранить напоминания',
    saved: 'Порядок напоминаний сохранён.',
    badDays: '«{{value}}» — не целое число от 1 до 60.',
    repeated: '{{value}} указано дважды.',
  },
} satisfies MessagesOf<typeof remindersEn>;

export const remindersErrorsRu = {
  reminderPolicyInvalid: 'Дни напоминаний — целые числа от 1 до 60, без повторов.',
  snoozeInPast: 'Напоминание откладывается на день после сегодняшнего; {{date}} не подходит.',
  snoozeDaysInvalid: 'Напоминание откладывается на 1–{{max}} рабочих дней.',
} satisfies MessagesOf<typeof remindersErrorsEn>;
