// The calendar of deadlines (month or week): each instruction on the day of its deadline in force.
// Dragging a card to another day, or its "Move deadline" button (the keyboard's and the menu's way),
// opens the deadline change with its reason: the same rule as the card's deadline section (a later
// date is an extension and needs a reason; the store applies the working-day rule and records it),
// and Ctrl+Z undoes it as it undoes any deadline change.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineItem } from '../../../db/discipline';
import { useApi } from '../app/context';
import { useUndo } from '../app/undo';
import { useAnnounce } from '../common/Announcer';
import { Dialog } from '../common/Dialog';
import { DateInput } from '../common/DateInput';
import { describeDeadlineBeforeMeeting, describeError, errorKey } from '../common/errors';
import { formatDate, localeOf } from '../common/format';
import { ConfirmPastDeadline } from '../card/ConfirmPastDeadline';
import './dashboard.css';

type View = 'month' | 'week';

/** The most deadlines one page shows (db/discipline MAX_CALENDAR_ITEMS). */
const MAX_ITEMS = 2000;

function isoOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function dateOf(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

function addDays(iso: string, n: number): string {
  const d = dateOf(iso);
  d.setDate(d.getDate() + n);
  return isoOf(d);
}

/** Monday of the week a day is in. */
function mondayOf(iso: string): string {
  const d = dateOf(iso);
  return addDays(iso, -((d.getDay() + 6) % 7));
}

/** The days shown: whole weeks, Monday first. */
function visibleDays(view: View, anchor: string): string[] {
  const first = view === 'week' ? mondayOf(anchor) : mondayOf(`${anchor.slice(0, 7)}-01`);
  let count = 7;
  if (view === 'month') {
    const d = dateOf(anchor);
    const last = isoOf(new Date(d.getFullYear(), d.getMonth() + 1, 0));
    count = Math.round((dateOf(mondayOf(last)).getTime() - dateOf(first).getTime()) / 86_400_000) + 7;
  }
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

interface Move {
  item: DeadlineItem;
  date: string;
}

export function CalendarScreen({ onOpenCard }: { onOpenCard(id: string): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const language = i18n.language;
  const today = isoOf(new Date());
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(today);
  const [items, setItems] = useState<DeadlineItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [move, setMove] = useState<Move | null>(null);
  const [dropDay, setDropDay] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const days = visibleDays(view, anchor);
  const from = days[0] as string;
  const to = days[days.length - 1] as string;

  useEffect(() => {
    let live = true;
    api['discipline.deadlines']({ from, to }).then(
      (list) => {
        if (!live) return;
        setItems(list);
        setError(null);
      },
      (err: unknown) => live && setError(describeError(err, t)),
    );
    return () => {
      live = false;
    };
  }, [api, from, to, reload, t]);

  const byDay = new Map<string, DeadlineItem[]>();
  for (const item of items ?? []) {
    const list = byDay.get(item.dueDate);
    if (list) list.push(item);
    else byDay.set(item.dueDate, [item]);
  }

  const step = (dir: 1 | -1) => {
    if (view === 'week') setAnchor(addDays(anchor, 7 * dir));
    else {
      const d = dateOf(anchor);
      setAnchor(isoOf(new Date(d.getFullYear(), d.getMonth() + dir, 1)));
    }
  };
  const periodTitle =
    view === 'month'
      ? language === 'kk' || language === 'ky'
        ? `${anchor.slice(5, 7)}.${anchor.slice(0, 4)}`
        : new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric' }).format(dateOf(anchor))
      : t('calendar.weekday', { date: formatDate(from, language) });
  // Chromium's ICU lacks Kazakh and Kyrgyz weekday names: the interface's own, Monday first.
  const weekdays = t('calendar.weekdays').split(',');
  const month = anchor.slice(0, 7);
  const done = useCallback(() => setReload((n) => n + 1), []);

  return (
    <section className="screen" aria-labelledby="calendar-title">
      <div className="screen-head">
        <h2 id="calendar-title">{t('calendar.title')}</h2>
      </div>
      <div className="calendar-head">
        <div role="group" aria-label={t('calendar.view')}>
          {(['month', 'week'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} className={view === v ? 'primary' : undefined} onClick={() => setView(v)}>
              {t(`calendar.${v}`)}
            </button>
          ))}
        </div>
        <button type="button" onClick={() => step(-1)}>
          ‹ {view === 'month' ? t('calendar.previousMonth') : t('calendar.previousWeek')}
        </button>
        <button type="button" onClick={() => setAnchor(today)}>
          {t('calendar.today')}
        </button>
        <button type="button" onClick={() => step(1)}>
          {view === 'month' ? t('calendar.nextMonth') : t('calendar.nextWeek')} ›
        </button>
        <strong aria-live="polite" data-testid="calendar-period">
          {periodTitle}
        </strong>
      </div>
      <p className="muted">{t('calendar.dragHint')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {items && items.length >= MAX_ITEMS && <p className="muted">{t('calendar.truncated', { count: MAX_ITEMS })}</p>}
      <div className={`calendar-grid${view === 'week' ? ' calendar-week' : ''}`} role="list" aria-label={t('calendar.gridLabel', { period: periodTitle })} data-testid="calendar-grid">
        {weekdays.map((w) => (
          <div key={w} className="calendar-weekday" aria-hidden="true">
            {w}
          </div>
        ))}
        {days.map((day) => {
          const list = byDay.get(day) ?? [];
          const classes = ['calendar-day', view === 'month' && day.slice(0, 7) !== month ? 'outside' : '', day === today ? 'today' : '', dropDay === day ? 'drop-target' : ''].filter(Boolean).join(' ');
          return (
            <div
              key={day}
              role="listitem"
              className={classes}
              data-day={day}
              aria-label={t('calendar.dayLabel', { date: formatDate(day, language), count: list.length })}
              onDragOver={(e) => {
                if (e.dataTransfer.types.includes('application/x-deadline')) {
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  setDropDay(day);
                }
              }}
              onDragLeave={() => setDropDay((d) => (d === day ? null : d))}
              onDrop={(e) => {
                e.preventDefault();
                setDropDay(null);
                const id = e.dataTransfer.getData('application/x-deadline');
                const item = items?.find((i) => i.id === id);
                if (item && item.dueDate !== day && item.status !== 'resolved') setMove({ item, date: day });
              }}
            >
              <h3>{dateOf(day).getDate()}</h3>
              <ul>
                {list.map((item) => (
                  <li
                    key={item.id}
                    className={`calendar-card${item.overdue ? ' overdue' : ''}${item.status === 'resolved' ? ' resolved' : ''}`}
                    draggable={item.status !== 'resolved'}
                    data-testid="calendar-card"
                    onDragStart={(e) => {
                      e.dataTransfer.setData('application/x-deadline', item.id);
                      e.dataTransfer.effectAllowed = 'move';
                    }}
                  >
                    <button type="button" className="link-button calendar-card-title" onClick={() => onOpenCard(item.id)} title={item.title}>
                      {item.controlNumber ? `${item.controlNumber} ` : ''}
                      {item.title}
                    </button>
                    {item.organizationName && <span className="muted">{item.organizationName}</span>}
                    {item.overdue && <span className="visually-hidden">, {t('calendar.overdue')}</span>}
                    {item.status === 'resolved' ? (
                      <span className="muted"> · {t('calendar.resolved')}</span>
                    ) : (
                      <button type="button" className="link-button" aria-label={t('calendar.moveDeadlineOf', { title: item.title })} onClick={() => setMove({ item, date: item.dueDate })}>
                        {t('calendar.moveDeadline')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {move && (
        <MoveDeadlineDialog
          move={move}
          onClose={() => setMove(null)}
          onMoved={(date) => {
            setMove(null);
            announce(t('calendar.moved', { title: move.item.title, date: formatDate(date, language) }));
            done();
          }}
        />
      )}
    </section>
  );
}

/** The deadline change with its reason, as the card's deadline section makes it (and undoes it). */
function MoveDeadlineDialog({ move, onClose, onMoved }: { move: Move; onClose(): void; onMoved(date: string): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const undo = useUndo();
  const id = useId();
  const { item } = move;
  const [date, setDate] = useState(move.date);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmPast, setConfirmPast] = useState(false);
  const [busy, setBusy] = useState(false);
  const later = date > item.dueDate;
  const ready = date !== '' && date !== item.dueDate && (!later || reason.trim() !== '');

  const submit = async (allowPast: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      const changed = await api['instructions.changeDueDate']({ id: item.id, dueDate: date, reason: reason.trim() || null, expectedVersion: item.version, ...(allowPast ? { allowPast } : {}) });
      const old = item.dueDate;
      undo.push({
        label: t('calendar.moved', { title: item.title, date: formatDate(changed.dueDate ?? date, i18n.language) }),
        cardId: item.id,
        undo: () => api['instructions.undoDueDateChange']({ id: item.id, previousDate: old }),
      });
      onMoved(changed.dueDate ?? date);
    } catch (err) {
      const key = errorKey(err);
      if (key === 'deadlineInPast') setConfirmPast(true);
      else if (key === 'deadlineBeforeMeeting') setProblem(describeDeadlineBeforeMeeting(err, t, (iso) => formatDate(iso, i18n.language)));
      else setProblem(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) void submit(false);
  };

  return (
    <Dialog title={t('calendar.dialogTitle')} onClose={onClose} testId="move-deadline-dialog" description={item.title}>
      <form className="form-grid" onSubmit={onSubmit}>
        <span>{t('calendar.current', { date: formatDate(item.dueDate, i18n.language) })}</span>
        <span />
        <label htmlFor={`${id}-date`}>{t('calendar.newDate')}</label>
        <DateInput id={`${id}-date`} value={date} required onChange={(value) => setDate(value)} />
        <label htmlFor={`${id}-reason`}>{t('calendar.reason')}</label>
        <div>
          <textarea id={`${id}-reason`} rows={3} value={reason} required={later} onChange={(e) => setReason(e.target.value)} data-autofocus aria-describedby={`${id}-hint`} />
          <p id={`${id}-hint`} className="muted">
            {later ? t('calendar.reasonHint') : date !== '' && date < item.dueDate ? t('calendar.earlierHint') : ''}
          </p>
        </div>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('calendar.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!ready || busy}>
            {t('calendar.submit')}
          </button>
        </div>
      </form>
      {confirmPast && (
        <ConfirmPastDeadline
          date={date}
          onCancel={() => setConfirmPast(false)}
          onConfirm={() => {
            setConfirmPast(false);
            void submit(true);
          }}
        />
      )}
    </Dialog>
  );
}
