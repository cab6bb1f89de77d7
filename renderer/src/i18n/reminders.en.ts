// English strings of reminders: the Due panel, the day's digest, the reminder letter, an
// instruction's reminders and the store's policy (issue 11). The reference for the other languages.
import type { MessageTree } from './messages';

export const remindersEn = {
  due: {
    title: 'Due and overdue',
    intro: 'Instructions not resolved whose deadline has passed or falls this week or next, per lead organization (today is {{date}}).',
    groups: { overdue: 'Overdue', today: 'Due today', thisWeek: 'Later this week', nextWeek: 'Next week' },
    groupCount: '{{group}}: {{count}}',
    empty: 'Nothing here.',
    noLead: 'No lead organization',
    letter: 'Reminder letter',
    letterLabel: 'Reminder letter to {{name}}',
    deadline: 'deadline {{date}}',
    overdueDays: 'overdue {{working}} working days ({{calendar}} calendar days)',
    snoozed: 'reminders snoozed until {{date}}',
    loading: 'Reading what is due…',
  },
  digest: {
    title: 'Today’s control, {{date}}',
    overdue: 'Overdue: {{count}}',
    today: 'Due today: {{count}}',
    thisWeek: 'Later this week: {{count}}',
    open: 'Open the Due panel',
    close: 'Dismiss',
  },
  letter: {
    title: 'Reminder letter to {{name}}',
    addressee: 'Addressed to (the head)',
    addresseeHint: 'For example: To the Minister, A. B. Surname',
    number: 'Outgoing number',
    date: 'Date of the letter',
    docx: 'DOCX',
    pdf: 'PDF',
    print: 'Print or save as PDF',
    count: 'Instructions listed: {{count}}',
    preparing: 'Preparing the letter…',
    previewTitle: 'The reminder letter as it prints',
    downloaded: 'Downloaded: {{name}}',
  },
  card: {
    legend: 'Reminders',
    mode: 'Reminders for this instruction',
    modes: { store: 'As set for all instructions', custom: 'Its own', none: 'No reminders' },
    snoozedUntil: 'Snoozed until {{date}}.',
    snoozeDays: 'Snooze for (working days)',
    snoozeUntil: 'or until',
    snooze: 'Snooze',
    unsnooze: 'End the snooze',
    saved: 'The instruction’s reminders are saved.',
    snoozedNotice: 'Reminders snoozed until {{date}}.',
    unsnoozedNotice: 'The snooze has ended.',
  },
  policy: {
    title: 'Reminders',
    note: 'Reminders count the working days of the lead organization’s calendar; each is shown once. The desktop app shows them as system notifications; both the app and the browser show the Due panel and the day’s digest.',
    daysBefore: 'Working days before the deadline',
    daysBeforeHint: 'Whole numbers from 1 to 60, separated by commas; empty for none.',
    onTheDay: 'On the day of the deadline',
    overdueEvery: 'While overdue, every (working days)',
    overdueEveryHint: 'Empty: no reminders once overdue.',
    save: 'Save the reminders',
    saved: 'The reminder policy is saved.',
    badDays: '“{{value}}” is not a whole number from 1 to 60.',
    repeated: '{{value}} is listed twice.',
  },
} satisfies MessageTree;

export const remindersErrorsEn = {
  reminderPolicyInvalid: 'The reminder days must be whole numbers from 1 to 60, none listed twice.',
  snoozeInPast: 'A reminder is snoozed until a day after today; {{date}} is not.',
  snoozeDaysInvalid: 'A reminder is snoozed for 1 to {{max}} working days.',
} satisfies MessageTree;
