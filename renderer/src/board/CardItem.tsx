import { memo, useCallback, useMemo, type KeyboardEvent, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import type { TFunction } from 'i18next';
import { useSortable } from '@dnd-kit/sortable';
import type { BoardCard as Card } from '../../../db/model';
import { daysBetween, formatDate } from '../common/format';
import { itemId, type CellRef } from './model';
import { MoveMenu, type MoveOption } from './MoveMenu';
import { periodLabel } from '../card/WorkingDays';

export interface CardActions {
  /** Moves the card by keyboard: to the neighbouring column (dx) or one place up or down (dy). */
  nudge(card: Card, cell: CellRef, dx: number, dy: number): void;
  moveTo(card: Card, cell: CellRef, option: MoveOption): void;
  open(card: Card): void;
  /** Tells the board which card has keyboard focus, so virtualisation keeps it rendered. */
  focused(card: Card): void;
  /**
   * Moves keyboard focus within the column: to the next or previous card, or the first or last,
   * rendered or not (the column scrolls to it).
   */
  step(card: Card, cell: CellRef, to: 'next' | 'previous' | 'first' | 'last'): void;
}

/** Names the cards show for the ids they carry, from the lists the app already holds. */
export interface CardNames {
  topics: ReadonlyMap<string, string>;
  /** Organizations' short names in the interface language. */
  organizations: ReadonlyMap<string, string>;
  /** Their full names there: shown on hover and read out instead of the short one. */
  organizationTitles: ReadonlyMap<string, string>;
}

/** The translation function and language, handed down once rather than looked up by every card. */
export interface Locale {
  t: TFunction;
  language: string;
}

interface CardProps {
  locale: Locale;
  card: Card;
  cell: CellRef;
  today: string;
  names: CardNames;
  moveOptions: MoveOption[];
  actions: CardActions;
  /** The card's place in its column (from 1) and the column's size, told to assistive technology. */
  position: number;
  setSize: number;
}

const STEPS: Record<string, 'next' | 'previous' | 'first' | 'last'> = { ArrowDown: 'next', ArrowUp: 'previous', Home: 'first', End: 'last' };

export function DeadlineBadge({
  card,
  today,
  locale,
}: {
  card: Pick<Card, 'dueDate' | 'overdue' | 'dueSoon' | 'status'> & Partial<Pick<Card, 'overdueWorkingDays'>>;
  today: string;
  locale: Locale;
}) {
  const { t } = locale;
  if (!card.dueDate) return <span className="deadline">{t('card.noDue')}</span>;
  const date = formatDate(card.dueDate, locale.language);
  if (card.overdue) {
    const days = daysBetween(card.dueDate, today);
    return (
      <span className="deadline deadline-overdue">
        <span className="deadline-flag">
          {card.overdueWorkingDays === undefined || card.overdueWorkingDays === null
            ? t('card.overdue', { count: days })
            : t('workdays.overdueBoth', { working: card.overdueWorkingDays, calendar: days })}
        </span>
        <span className="deadline-date">· {date}</span>
      </span>
    );
  }
  if (card.dueSoon) {
    const days = daysBetween(today, card.dueDate);
    return (
      <span className="deadline deadline-soon">
        <span className="deadline-flag">{days === 0 ? t('card.dueToday') : t('card.dueSoon', { count: days })}</span>
        <span className="deadline-date">· {date}</span>
      </span>
    );
  }
  return <span className="deadline">{t('card.due', { date })}</span>;
}

/** The face of a card, shared by the board and the drag overlay. */
export const CardFace = memo(function CardFace({ card, today, names, locale }: { card: Card; today: string; names: CardNames; locale: Locale }) {
  const { t } = locale;
  return (
    <>
      <div className="card-top">
        {(card.controlNumber ?? card.itemNumber) && <span className="card-number">{t('card.number', { number: card.controlNumber ?? card.itemNumber })}</span>}
        {card.priority !== 'normal' && (
          <span className={`priority priority-${card.priority}`}>{t('card.priority', { priority: t(`priority.${card.priority}`) })}</span>
        )}
        {card.isDemo && <span className="demo-mark">{t('card.demo')}</span>}
      </div>
      <h3 className="card-title" title={card.title}>
        {card.title}
      </h3>
      {card.leadOrgId && (
        <p className="card-org">
          {/* The short name, with the full one on hover and as what assistive technology reads. */}
          <span role="note" title={names.organizationTitles.get(card.leadOrgId) ?? ''} aria-label={names.organizationTitles.get(card.leadOrgId) ?? ''}>
            {names.organizations.get(card.leadOrgId) ?? ''}
          </span>
        </p>
      )}
      <DeadlineBadge card={card} today={today} locale={locale} />
      {card.period && card.dueDate && (
        <p className="card-period">
          {t('workdays.periodNumber', { seq: card.period.seq })} · {t('workdays.periodDue', { label: periodLabel(card.period.label, t, locale.language), date: formatDate(card.dueDate, locale.language) })}
        </p>
      )}
      {card.tags.length > 0 && (
        <ul className="card-topics" title={card.tags.map((tag) => names.topics.get(tag) ?? '').join(', ')}>
          {card.tags.map((tag) => (
            <li key={tag}>{names.topics.get(tag) ?? ''}</li>
          ))}
        </ul>
      )}
      {(card.coexecutors > 0 || card.reports > 0 || card.extensions > 0) && (
        <p className="card-meta">
          {card.coexecutors > 0 && <span>{t('card.coexecutors', { count: card.coexecutors })}</span>}
          {card.reports > 0 && <span>{t('card.reports', { count: card.reports })}</span>}
          {card.extensions > 0 && <span className="extended">{t('card.extended', { count: card.extensions })}</span>}
        </p>
      )}
    </>
  );
});

/**
 * What a card shows, rendered only when the card, the names or the language change: while a card
 * is dragged the drag context re-renders every visible card's wrapper, never this.
 */
const CardBody = memo(function CardBody({ locale, card, cell, today, names, moveOptions, actions }: CardProps) {
  const { t } = locale;
  const onChoose = useCallback((option: MoveOption) => actions.moveTo(card, cell, option), [actions, card, cell]);
  return (
    <>
      <CardFace card={card} today={today} names={names} locale={locale} />
      <div className="card-actions">
        <button type="button" className="open-button" aria-label={t('card.openLabel', { title: card.title })} onClick={() => actions.open(card)} onPointerDown={(e) => e.stopPropagation()}>
          {t('card.openButton')}
        </button>
        <MoveMenu title={card.title} options={moveOptions} onChoose={onChoose} />
      </div>
    </>
  );
});

function CardItemImpl(props: CardProps) {
  const { locale, card, cell, actions, position, setSize } = props;
  const { t } = locale;
  const label = useMemo(
    () => ({
      role: t('card.roleDescription'),
      name: `${(card.controlNumber ?? card.itemNumber) ? t('card.number', { number: card.controlNumber ?? card.itemNumber }) + ' ' : ''}${card.title}`,
    }),
    [t, card.controlNumber, card.itemNumber, card.title],
  );
  const id = itemId(cell, card.id);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id, data: { cell, cardId: card.id } });

  const style = {
    transform: transform ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)` : undefined,
    transition,
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const delta = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
      if (delta) {
        event.preventDefault();
        actions.nudge(card, cell, delta[0] as number, delta[1] as number);
        return;
      }
    }
    if (!isDragging && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      if (event.key === 'Enter' || event.key === 'o') {
        event.preventDefault();
        actions.open(card);
        return;
      }
      const step = STEPS[event.key];
      if (step) {
        event.preventDefault();
        actions.step(card, cell, step);
        return;
      }
      if (event.key === 'm') {
        event.preventDefault();
        event.currentTarget.querySelector<HTMLButtonElement>('.move-button')?.click();
        return;
      }
    }
    (listeners?.onKeyDown as KeyboardEventHandler<HTMLElement> | undefined)?.(event);
  };

  return (
    <article
      ref={setNodeRef}
      className={`card${card.overdue ? ' card-overdue' : card.dueSoon ? ' card-soon' : ''}${isDragging ? ' card-dragging' : ''}`}
      style={style}
      data-testid="card"
      data-card-id={card.id}
      {...attributes}
      role={undefined}
      aria-roledescription={label.role}
      aria-describedby={`${attributes['aria-describedby']} card-keyboard-hint`}
      aria-label={label.name}
      aria-posinset={position}
      aria-setsize={setSize}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler<HTMLElement> | undefined}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        if (event.target === event.currentTarget) actions.focused(card);
      }}
      onDoubleClick={() => actions.open(card)}
    >
      <CardBody {...props} />
    </article>
  );
}

export const CardItem = memo(CardItemImpl);
