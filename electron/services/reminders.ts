// What the desktop shell shows for reminders, decided here in plain Node so it is tested without
// Electron: on each check (a timer every few minutes, and when the computer wakes) the reminders
// due now are fired once (db/reminders.ts) and turned into the operating system's notifications, in
// the official's language, each naming the instruction the click opens; and the badge shows how
// many instructions are overdue or due today. The shell only shows what this hands it.
import type { StoreContext } from '../../db/context';
import type { Language, ReminderEvent } from '../../db/model';
import { fireDueReminders, getDueView } from '../../db/reminders';

export interface ReminderNotification {
  title: string;
  body: string;
  /** The card a click opens; null for a summary of many. */
  instructionId: string | null;
}

/** What the shell does with a decision: show notifications, set the badge. */
export interface ReminderShell {
  notify(notification: ReminderNotification): void;
  /** Overdue plus due today; `label` says it in words (a tooltip, the screen reader's name). */
  setBadge(count: number, label: string): void;
}

/** More reminders at once than this become one summary notification. */
export const MAX_NOTIFICATIONS = 4;
/** How often the shell checks (ms): every five minutes. */
export const CHECK_EVERY_MS = 5 * 60_000;

interface Words {
  before: string;
  day: string;
  overdue: string;
  summaryTitle: string;
  summaryBody: string;
  badge: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    before: 'Due in {days} working days: {number}',
    day: 'Due today: {number}',
    overdue: 'Overdue by {days} working days ({calendar} calendar): {number}',
    summaryTitle: '{count} reminders',
    summaryBody: 'Open the Due panel to see the instructions due and overdue.',
    badge: '{count} overdue or due today',
  },
  ru: {
    before: 'Срок через {days} раб. дн.: {number}',
    day: 'Срок сегодня: {number}',
    overdue: 'Просрочено на {days} раб. дн. ({calendar} кал.): {number}',
    summaryTitle: 'Напоминаний: {count}',
    summaryBody: 'Откройте панель «Сроки», чтобы увидеть поручения со сроком и просроченные.',
    badge: 'Просрочено или срок сегодня: {count}',
  },
  kk: {
    before: 'Мерзімге {days} жұмыс күні қалды: {number}',
    day: 'Мерзімі бүгін: {number}',
    overdue: '{days} жұмыс күні ({calendar} күнтізбелік) кешіктірілді: {number}',
    summaryTitle: 'Еске салулар: {count}',
    summaryBody: 'Мерзімі жеткен және кешіктірілген тапсырмаларды көру үшін «Мерзімдер» тақтасын ашыңыз.',
    badge: 'Кешіктірілген немесе мерзімі бүгін: {count}',
  },
  ky: {
    before: 'Мөөнөткө {days} иш күнү калды: {number}',
    day: 'Мөөнөтү бүгүн: {number}',
    overdue: '{days} иш күнү ({calendar} календардык) кечиктирилди: {number}',
    summaryTitle: 'Эскертүүлөр: {count}',
    summaryBody: 'Мөөнөтү келген жана кечиктирилген тапшырмаларды көрүү үчүн «Мөөнөттөр» панелин ачыңыз.',
    badge: 'Кечиктирилген же мөөнөтү бүгүн: {count}',
  },
};

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** One reminder in words: the title says when, the body says what and who leads it. */
export function describeReminder(event: ReminderEvent, language: Language): ReminderNotification {
  const w = WORDS[language];
  const number = `${event.controlNumber ? `№ ${event.controlNumber}` : event.title}${event.periodKey ? ` (${event.periodKey})` : ''}`;
  const title =
    event.kind === 'before'
      ? fill(w.before, { days: event.days, number })
      : event.kind === 'day'
        ? fill(w.day, { number })
        : fill(w.overdue, { days: event.days, calendar: event.overdueCalendarDays, number });
  const body = [event.title, event.leadOrgName].filter(Boolean).join(' — ');
  return { title, body, instructionId: event.instructionId };
}

/** The notifications for the reminders fired now: one each, or one summary when there are many. */
export function notificationsFor(events: readonly ReminderEvent[], language: Language): ReminderNotification[] {
  if (events.length <= MAX_NOTIFICATIONS) return events.map((e) => describeReminder(e, language));
  const w = WORDS[language];
  return [{ title: fill(w.summaryTitle, { count: events.length }), body: w.summaryBody, instructionId: null }];
}

export function badgeLabel(count: number, language: Language): string {
  return fill(WORDS[language].badge, { count });
}

export interface ReminderServiceDeps {
  /** The store now (a restore replaces it). */
  ctx: () => StoreContext;
  language: () => Language;
  shell: ReminderShell;
}

export interface ReminderService {
  /** Fires what is due now, shows it, and sets the badge; answers what was shown. */
  check(): ReminderNotification[];
  /** Checks now and then every `everyMs`; `stop` ends it. */
  start(everyMs?: number): void;
  stop(): void;
}

export function createReminderService({ ctx, language, shell }: ReminderServiceDeps): ReminderService {
  let timer: NodeJS.Timeout | null = null;
  const check = (): ReminderNotification[] => {
    const store = ctx();
    const lang = language();
    const shown = notificationsFor(fireDueReminders(store), lang);
    for (const n of shown) shell.notify(n);
    const { counts } = getDueView(store);
    const count = counts.overdue + counts.today;
    shell.setBadge(count, badgeLabel(count, lang));
    return shown;
  };
  const safeCheck = () => {
    try {
      check();
    } catch (err) {
      // A store being restored or closed answers the next check; a reminder is never worth a crash.
      console.error('[ministry-tracker] reminder check failed:', err instanceof Error ? err.message : err);
    }
  };
  return {
    check,
    start: (everyMs = CHECK_EVERY_MS) => {
      if (timer) return;
      safeCheck();
      timer = setInterval(safeCheck, everyMs);
      timer.unref();
    },
    stop: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
