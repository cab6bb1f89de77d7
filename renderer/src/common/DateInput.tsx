import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../db/model';
import { addDays, addMonths, dateText, daysInMonth, isoOf, parseDateText, todayIso, weekdayMondayFirst, type DateTextParse } from './dateText';
import './dateInput.css';

interface Props {
  /** The id of the text field, for a `<label htmlFor>`. */
  id?: string;
  /** The field's accessible name when no `<label>` points at it. */
  'aria-label'?: string;
  /** An ISO date or ''. */
  value: IsoDate | '';
  /** Called with an ISO date, or '' when the field is emptied; never with an impossible date. */
  onChange: (value: IsoDate | '') => void;
  /** Called when the field loses focus with a readable value (e.g. to save at once). */
  onCommit?: (value: IsoDate | '') => void;
  required?: boolean;
  disabled?: boolean;
  /** More ids that describe the field (a message of the form). */
  describedBy?: string;
  /** The form refused this date (a message beside it, `describedBy`): the field says it is invalid. */
  invalid?: boolean;
  testId?: string;
}

function problemOf(parsed: DateTextParse, text: string, t: (key: string, options?: Record<string, unknown>) => string, format: string): string | null {
  if (parsed.kind === 'unreadable') return t('dateInput.unreadable', { text: text.trim(), format });
  if (parsed.kind === 'impossible') {
    const month = t('dateInput.months').split(',')[parsed.month - 1];
    return t('dateInput.impossible', { text: text.trim(), month, year: parsed.year, count: parsed.daysInMonth });
  }
  return null;
}

/**
 * The one date field of the app: typed in the interface language's format, a calendar in that
 * language (Monday first) worked by mouse or keyboard, a message for an impossible date, and ISO
 * dates to the store. An unreadable text blocks its form (custom validity) and is never sent.
 */
export function DateInput({ id, value, onChange, onCommit, required, disabled, describedBy, invalid, testId, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const ownId = useId();
  const fieldId = id ?? `${ownId}-field`;
  const hintId = `${ownId}-hint`;
  const errorId = `${ownId}-error`;
  const popupId = `${ownId}-calendar`;
  const format = t('dateInput.format');
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [text, setText] = useState(value ? dateText(value, language) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [shownProblem, setShownProblem] = useState(false);
  const [open, setOpen] = useState(false);

  // A value set from outside is shown in the field's format; so is the value in a new language.
  const lastValue = useRef(value);
  useEffect(() => {
    if (value === lastValue.current) return;
    lastValue.current = value;
    setText(value ? dateText(value, language) : '');
    setProblem(null);
    setShownProblem(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new value from outside resets the text; the language is read as it is
  }, [value]);
  const lastLanguage = useRef(language);
  useEffect(() => {
    if (lastLanguage.current === language) return;
    lastLanguage.current = language;
    if (value && !problem) setText(dateText(value, language));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of language rewrites the text; value and problem are read as they are
  }, [language]);

  useEffect(() => {
    inputRef.current?.setCustomValidity(problem ?? '');
  }, [problem]);

  const read = (next: string) => {
    setText(next);
    const parsed = parseDateText(next, language);
    const message = problemOf(parsed, next, t, format);
    setProblem(message);
    if (message === null) setShownProblem(false);
    if (parsed.kind === 'ok' && parsed.iso !== value) {
      lastValue.current = parsed.iso;
      onChange(parsed.iso);
    } else if (parsed.kind === 'empty' && value !== '') {
      lastValue.current = '';
      onChange('');
    }
  };

  const commit = () => {
    const parsed = parseDateText(text, language);
    if (parsed.kind === 'ok') {
      setText(dateText(parsed.iso, language));
      onCommit?.(parsed.iso);
    } else if (parsed.kind === 'empty') {
      onCommit?.('');
    } else {
      setShownProblem(true);
    }
  };

  const pick = (iso: IsoDate) => {
    setText(dateText(iso, language));
    setProblem(null);
    setShownProblem(false);
    setOpen(false);
    lastValue.current = iso;
    if (iso !== value) onChange(iso);
    onCommit?.(iso);
    inputRef.current?.focus();
  };

  const describers = [hintId, shownProblem && problem ? errorId : null, describedBy].filter(Boolean).join(' ');
  const parsed = parseDateText(text, language);
  const start = parsed.kind === 'ok' ? parsed.iso : value || todayIso();

  return (
    <div className="date-input" data-testid={testId}>
      <span className="date-input-row">
        <input
          ref={inputRef}
          id={fieldId}
          type="text"
          className="date-input-text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          aria-label={rest['aria-label']}
          aria-describedby={describers}
          aria-invalid={(shownProblem && problem) || invalid ? true : undefined}
          placeholder={format}
          value={text}
          required={required}
          disabled={disabled}
          onChange={(e) => read(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && problem) setShownProblem(true);
            if (e.key === 'ArrowDown' && e.altKey) {
              e.preventDefault();
              setOpen(true);
            }
          }}
        />
        <button
          ref={buttonRef}
          type="button"
          className="date-input-button"
          aria-label={t('dateInput.open')}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? popupId : undefined}
          disabled={disabled}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">▦</span>
        </button>
      </span>
      <span id={hintId} className="date-input-hint">
        {t('dateInput.hint', { format })}
      </span>
      {shownProblem && problem && (
        <span id={errorId} className="field-error" role="alert">
          {problem}
        </span>
      )}
      {open && (
        <Calendar
          id={popupId}
          start={start}
          selected={parsed.kind === 'ok' ? parsed.iso : value || null}
          anchor={buttonRef}
          onPick={pick}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}

interface CalendarProps {
  id: string;
  start: IsoDate;
  selected: IsoDate | null;
  anchor: React.RefObject<HTMLButtonElement | null>;
  onPick: (iso: IsoDate) => void;
  onClose: () => void;
}

/** The calendar popup: a grid of one month, Monday first, in the interface language. */
function Calendar({ id, start, selected, anchor, onPick, onClose }: CalendarProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const headingId = useId();
  const [focus, setFocus] = useState<IsoDate>(start);
  const months = t('dateInput.months').split(',');
  const weekdays = t('dateInput.weekdays').split(',');
  const weekdaysShort = t('dateInput.weekdaysShort').split(',');
  const [year, month] = focus.split('-').map(Number) as [number, number];
  const today = todayIso();

  // Shown in the top layer (above a modal dialog), under the button that opened it.
  useLayoutEffect(() => {
    const popup = ref.current;
    const button = anchor.current;
    if (!popup) return;
    popup.showPopover?.();
    if (button) {
      const box = button.getBoundingClientRect();
      const width = popup.offsetWidth;
      const height = popup.offsetHeight;
      const left = Math.max(8, Math.min(box.right - width, window.innerWidth - width - 8));
      const below = box.bottom + 4;
      const top = below + height > window.innerHeight - 8 ? Math.max(8, box.top - height - 4) : below;
      popup.style.left = `${left}px`;
      popup.style.top = `${top}px`;
    }
    return () => {
      if (popup.matches(':popover-open')) popup.hidePopover?.();
    };
  }, [anchor]);

  useEffect(() => {
    gridRef.current?.querySelector<HTMLElement>('[data-focus="true"]')?.focus();
  }, [focus]);

  // A click outside closes the calendar, as Escape does.
  useEffect(() => {
    const away = (event: PointerEvent) => {
      const target = event.target as Node;
      if (ref.current?.contains(target) || anchor.current?.contains(target)) return;
      onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [anchor, onClose]);

  const first = isoOf(year, month, 1);
  const lead = weekdayMondayFirst(first);
  const count = daysInMonth(year, month);
  const cells: (IsoDate | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: count }, (_, i) => isoOf(year, month, i + 1))];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (IsoDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, () => IsoDate> = {
      ArrowLeft: () => addDays(focus, -1),
      ArrowRight: () => addDays(focus, 1),
      ArrowUp: () => addDays(focus, -7),
      ArrowDown: () => addDays(focus, 7),
      PageUp: () => addMonths(focus, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focus, e.shiftKey ? 12 : 1),
      Home: () => addDays(focus, -weekdayMondayFirst(focus)),
      End: () => addDays(focus, 6 - weekdayMondayFirst(focus)),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setFocus(move());
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(focus);
    }
  };

  return (
    <div
      ref={ref}
      id={id}
      popover="manual"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      className="date-calendar"
      onKeyDown={(e) => {
        // Escape closes the calendar only, not the dialog around the field.
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="date-calendar-head">
        <button type="button" className="quiet" aria-label={t('dateInput.previousMonth')} onClick={() => setFocus(addMonths(focus, -1))}>
          ‹
        </button>
        <span id={headingId} className="date-calendar-title" aria-live="polite">
          {t('dateInput.monthYear', { month: months[month - 1], year })}
        </span>
        <button type="button" className="quiet" aria-label={t('dateInput.nextMonth')} onClick={() => setFocus(addMonths(focus, 1))}>
          ›
        </button>
      </div>
      <table ref={gridRef} role="grid" aria-labelledby={headingId} className="date-calendar-grid" onKeyDown={onKey}>
        <thead>
          <tr>
            {weekdays.map((name, i) => (
              <th key={name} scope="col" abbr={name}>
                <span aria-hidden="true">{weekdaysShort[i]}</span>
                <span className="visually-hidden">{name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((iso, i) =>
                iso === null ? (
                  <td key={i} />
                ) : (
                  <td
                    key={iso}
                    role="gridcell"
                    tabIndex={iso === focus ? 0 : -1}
                    data-focus={iso === focus}
                    aria-selected={iso === selected}
                    aria-current={iso === today ? 'date' : undefined}
                    aria-label={t('dateInput.dayLabel', { day: Number(iso.slice(8)), month: months[month - 1], year, weekday: weekdays[i] })}
                    className={`date-day${iso === selected ? ' selected' : ''}${iso === today ? ' today' : ''}`}
                    onClick={() => onPick(iso)}
                  >
                    {Number(iso.slice(8))}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="date-calendar-foot">
        <button type="button" className="quiet" onClick={() => onPick(today)}>
          {t('dateInput.today')}
        </button>
        <button type="button" className="quiet" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
