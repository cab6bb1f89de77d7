import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { BoardColumn, BoardView, BoardCard as Card } from '../../../db/model';
import { Column } from './Column';
import { CardFace, type CardActions, type CardNames, type Locale } from './CardItem';
import { cellCards, cellColumns, columnTitle, groupTitle, parseCellId, parseItemId, type CellRef } from './model';
import type { MoveOption } from './MoveMenu';

export interface BoardProps {
  view: BoardView;
  names: CardNames;
  activeCardId: string | null;
  focusRequest: { current: string | null };
  virtualize: boolean;
  /** Moves are still on their way to the store: the board says so to assistive technology (and to tests). */
  saving: boolean;
  onCardFocus(cardId: string): void;
  /** Moves keyboard focus to a card, rendered or not: the board renders it, scrolls to it and focuses it. */
  onFocusCard(cardId: string): void;
  /** Changes with every focus request, so the board looks for the card even when it already had focus once. */
  focusTick: number;
  onMove(cardId: string, from: CellRef, to: CellRef, index: number): void;
  onOpen(card: Card): void;
}

const collisions: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : closestCorners(args);
};

// Space picks a card up and drops it; Enter is left free to open the card.
const KEYBOARD_CODES = {
  start: [KeyboardCode.Space],
  cancel: [KeyboardCode.Esc],
  end: [KeyboardCode.Space, KeyboardCode.Enter],
};

export function Board({ view: latestView, names, activeCardId, focusRequest, focusTick, virtualize, saving, onCardFocus, onFocusCard, onMove, onOpen }: BoardProps) {
  const { t, i18n } = useTranslation();
  const locale = useMemo<Locale>(() => ({ t, language: i18n.language }), [t, i18n.language]);
  const [dragged, setDragged] = useState<Card | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: KEYBOARD_CODES }),
  );
  // While a card is being dragged the board holds still: a view arriving meanwhile (the store's
  // answer to an earlier move) would shift the columns under the card and could end the drag.
  const [heldView, setHeldView] = useState<BoardView | null>(null);
  const view = heldView ?? latestView;
  const { board } = view;
  const sorted = board.sortBy !== 'manual';
  const boardRef = useRef<HTMLDivElement>(null);

  // A card asked for focus (moved, created, found, undone, or reached with the arrow keys): once
  // it is rendered (virtualisation keeps the active card rendered wherever it is), focus it and
  // scroll it into view. Deliberately after every render: the card may arrive a render later.
  useEffect(() => {
    const id = focusRequest.current;
    if (!id) return;
    const element = boardRef.current?.querySelector<HTMLElement>(`[data-testid="card"][data-card-id="${id}"]`);
    if (!element) return;
    focusRequest.current = null;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  void focusTick;

  const columnTitles = useMemo(() => new Map(view.columns.map((c) => [c.key, columnTitle(board, c, t)])), [view.columns, board, t]);
  const laneTitles = useMemo(
    () => new Map((view.lanes ?? []).map((l) => [l.key, board.swimlaneField ? groupTitle(board.swimlaneField, l.key, l.title, t) : l.title])),
    [view.lanes, board.swimlaneField, t],
  );

  const cellName = (cell: CellRef): string => {
    const column = columnTitles.get(cell.column) ?? '';
    return cell.lane === undefined ? column : `${laneTitles.get(cell.lane) ?? ''} · ${column}`;
  };

  const cardOf = (id: UniqueIdentifier): Card | undefined => {
    const { cell, cardId } = parseItemId(String(id));
    return cellCards(view, cell).find((c) => c.id === cardId);
  };

  const cellOf = (id: UniqueIdentifier | undefined): CellRef | undefined => {
    if (id === undefined) return undefined;
    const text = String(id);
    return text.startsWith('cell:') ? parseCellId(text.slice('cell:'.length)) : parseItemId(text).cell;
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('move.pickedUp', { title: cardOf(active.id)?.title ?? '' }),
    onDragOver: ({ active, over }) => {
      const title = cardOf(active.id)?.title ?? '';
      const cell = cellOf(over?.id);
      return cell === undefined ? t('move.overNothing', { title }) : t('move.over', { title, column: cellName(cell) });
    },
    onDragEnd: ({ active, over }) => {
      const title = cardOf(active.id)?.title ?? '';
      const cell = cellOf(over?.id);
      return cell === undefined ? t('move.cancelled', { title }) : t('move.dropped', { title, column: cellName(cell) });
    },
    onDragCancel: ({ active }) => t('move.cancelled', { title: cardOf(active.id)?.title ?? '' }),
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setHeldView(latestView);
    setDragged(cardOf(active.id) ?? null);
  };
  const endDrag = () => {
    setDragged(null);
    setHeldView(null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    endDrag();
    if (!over) return;
    const { cell: from, cardId } = parseItemId(String(active.id));
    const overId = String(over.id);
    let to: CellRef;
    let index: number;
    if (overId.startsWith('cell:')) {
      to = parseCellId(overId.slice('cell:'.length));
      index = cellCards(view, to).filter((c) => c.id !== cardId).length;
    } else {
      const target = parseItemId(overId);
      to = target.cell;
      const overIndex = cellCards(view, to).findIndex((c) => c.id === target.cardId);
      if (to.lane === from.lane && to.column === from.column) {
        index = overIndex;
      } else {
        const dropped = active.rect.current.translated;
        const below = dropped ? dropped.top + dropped.height / 2 > over.rect.top + over.rect.height / 2 : false;
        index = overIndex + (below ? 1 : 0);
      }
    }
    onMove(cardId, from, to, index);
  };

  const moveOptions = useMemo<MoveOption[]>(
    () => [
      ...view.columns.map((c): MoveOption => ({ kind: 'column', key: c.key, label: columnTitles.get(c.key) ?? '' })),
      ...(view.lanes ?? []).map((l): MoveOption => ({ kind: 'lane', key: l.key, label: t('boards.toLane', { lane: laneTitles.get(l.key) ?? '' }) })),
      // A sorted board orders each column by its field: moving up or down would pretend.
      ...(sorted
        ? []
        : [
            { kind: 'up', label: t('card.moveUp') } as const,
            { kind: 'down', label: t('card.moveDown') } as const,
          ]),
    ],
    [view.columns, view.lanes, columnTitles, laneTitles, t, sorted],
  );

  const actions = useMemo<CardActions>(() => {
    const within = (card: Card, cell: CellRef, dy: number) => {
      const cards = cellCards(view, cell);
      const index = cards.findIndex((c) => c.id === card.id) + dy;
      if (index >= 0 && index < cards.length) onMove(card.id, cell, cell, index);
    };
    return {
      nudge: (card, cell, dx, dy) => {
        if (dx === 0) {
          within(card, cell, dy);
          return;
        }
        const columns = cellColumns(view, cell.lane);
        const target = columns[columns.findIndex((c) => c.key === cell.column) + dx];
        if (target) onMove(card.id, cell, { lane: cell.lane, column: target.key }, 0);
      },
      moveTo: (card, cell, option) => {
        if (option.kind === 'column') onMove(card.id, cell, { lane: cell.lane, column: option.key }, 0);
        else if (option.kind === 'lane') onMove(card.id, cell, { lane: option.key, column: cell.column }, 0);
        else within(card, cell, option.kind === 'up' ? -1 : 1);
      },
      open: onOpen,
      focused: (card) => onCardFocus(card.id),
      step: (card, cell, to) => {
        const cards = cellCards(view, cell);
        const index = cards.findIndex((c) => c.id === card.id);
        const target = cards[to === 'next' ? index + 1 : to === 'previous' ? index - 1 : to === 'first' ? 0 : cards.length - 1];
        if (target && target.id !== card.id) onFocusCard(target.id);
      },
    };
  }, [view, onMove, onOpen, onCardFocus, onFocusCard]);

  const renderColumns = (columns: BoardColumn[], lane: string | null | undefined) =>
    columns.map((column) => (
      <Column
        key={column.key ?? '∅'}
        locale={locale}
        column={column}
        lane={lane}
        title={columnTitles.get(column.key) ?? ''}
        today={view.today}
        names={names}
        moveOptions={moveOptions}
        actions={actions}
        activeCardId={activeCardId}
        inLane={lane !== undefined}
        virtualize={virtualize}
        sorted={sorted}
      />
    ));

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={endDrag}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('move.instructions') } }}
    >
      <p id="card-keyboard-hint" className="visually-hidden">
        {t('card.keyboardHint')}
      </p>
      {view.lanes ? (
        <div ref={boardRef} className="board board-lanes" data-testid="board" aria-busy={saving}>
          <div className="lane-headers" aria-hidden="true">
            {view.columns.map((c) => (
              <div key={c.key ?? '∅'} className={`lane-column-header${c.wipLimit !== null && c.count > c.wipLimit ? ' column-over-limit' : ''}`}>
                {columnTitles.get(c.key)} <span className="column-count">{c.wipLimit !== null ? `${c.count} / ${c.wipLimit}` : c.count}</span>
              </div>
            ))}
          </div>
          {view.lanes.map((lane) => (
            <section key={lane.key ?? '∅'} className="lane" aria-label={laneTitles.get(lane.key)} data-testid="lane">
              <h2 className="lane-title">{laneTitles.get(lane.key)}</h2>
              <div className="lane-columns">{renderColumns(lane.columns, lane.key)}</div>
            </section>
          ))}
        </div>
      ) : (
        <div ref={boardRef} className="board" data-testid="board" aria-busy={saving}>
          {renderColumns(view.columns, undefined)}
        </div>
      )}
      <DragOverlay dropAnimation={null}>
        {dragged && (
          <div className="card card-overlay">
            <CardFace card={dragged} today={view.today} names={names} locale={locale} />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
