import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  closestCorners,
  DndContext,
  DragOverlay,
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
import type { BoardView, Card } from '../../../db/model';
import { Column } from './Column';
import { CardFace, type CardActions } from './CardItem';
import { columnKeyFromId, columnTitle, parseItemId } from './model';
import type { MoveOption } from './MoveMenu';

export interface BoardProps {
  view: BoardView;
  topicNames: ReadonlyMap<string, string>;
  activeCardId: string | null;
  focusRequest: { current: string | null };
  onCardFocus(cardId: string): void;
  onMove(cardId: string, from: string | null, to: string | null, index: number): void;
  onOpen(card: Card): void;
}

const collisions: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : closestCorners(args);
};

export function Board({ view, topicNames, activeCardId, focusRequest, onCardFocus, onMove, onOpen }: BoardProps) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<Card | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titles = useMemo(() => new Map(view.columns.map((c) => [c.key, columnTitle(view.board, c, t)])), [view, t]);

  const cardOf = (id: UniqueIdentifier): Card | undefined => {
    const { columnKey, cardId } = parseItemId(String(id));
    return view.columns.find((c) => c.key === columnKey)?.cards.find((c) => c.id === cardId);
  };

  const columnOf = (id: UniqueIdentifier | undefined): string | null | undefined => {
    if (id === undefined) return undefined;
    const text = String(id);
    if (text.startsWith('column:')) return columnKeyFromId(text.slice('column:'.length));
    return parseItemId(text).columnKey;
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('move.pickedUp', { title: cardOf(active.id)?.title ?? '' }),
    onDragOver: ({ active, over }) => {
      const title = cardOf(active.id)?.title ?? '';
      const key = columnOf(over?.id);
      return key === undefined ? t('move.overNothing', { title }) : t('move.over', { title, column: titles.get(key) ?? '' });
    },
    onDragEnd: ({ active, over }) => {
      const title = cardOf(active.id)?.title ?? '';
      const key = columnOf(over?.id);
      return key === undefined ? t('move.cancelled', { title }) : t('move.dropped', { title, column: titles.get(key) ?? '' });
    },
    onDragCancel: ({ active }) => t('move.cancelled', { title: cardOf(active.id)?.title ?? '' }),
  };

  const onDragStart = ({ active }: DragStartEvent) => setDragged(cardOf(active.id) ?? null);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    if (!over) return;
    const { columnKey: from, cardId } = parseItemId(String(active.id));
    const overId = String(over.id);
    let to: string | null;
    let index: number;
    if (overId.startsWith('column:')) {
      to = columnKeyFromId(overId.slice('column:'.length));
      const cards = view.columns.find((c) => c.key === to)?.cards ?? [];
      index = cards.filter((c) => c.id !== cardId).length;
    } else {
      const target = parseItemId(overId);
      to = target.columnKey;
      const cards = view.columns.find((c) => c.key === to)?.cards ?? [];
      const overIndex = cards.findIndex((c) => c.id === target.cardId);
      if (to === from) {
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
      ...view.columns.map((c): MoveOption => ({ kind: 'column', key: c.key, label: titles.get(c.key) ?? '' })),
      { kind: 'up', label: t('card.moveUp') },
      { kind: 'down', label: t('card.moveDown') },
    ],
    [view.columns, titles, t],
  );

  const actions = useMemo<CardActions>(
    () => ({
      nudge: (card, columnKey, dx, dy) => {
        const at = view.columns.findIndex((c) => c.key === columnKey);
        const column = view.columns[at];
        if (!column) return;
        if (dx !== 0) {
          const target = view.columns[at + dx];
          if (target) onMove(card.id, columnKey, target.key, 0);
          return;
        }
        const index = column.cards.findIndex((c) => c.id === card.id) + dy;
        if (index >= 0 && index < column.cards.length) onMove(card.id, columnKey, columnKey, index);
      },
      moveTo: (card, columnKey, option) => {
        if (option.kind === 'column') {
          onMove(card.id, columnKey, option.key, 0);
          return;
        }
        const column = view.columns.find((c) => c.key === columnKey);
        const index = (column?.cards.findIndex((c) => c.id === card.id) ?? 0) + (option.kind === 'up' ? -1 : 1);
        if (column && index >= 0 && index < column.cards.length) onMove(card.id, columnKey, columnKey, index);
      },
      open: onOpen,
      focused: (card) => onCardFocus(card.id),
      focusRequest,
    }),
    [view.columns, onMove, onOpen, onCardFocus, focusRequest],
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('move.instructions') } }}
    >
      <p id="card-keyboard-hint" className="visually-hidden">
        {t('card.keyboardHint')}
      </p>
      <div className="board" data-testid="board">
        {view.columns.map((column) => (
          <Column
            key={column.key ?? '∅'}
            column={column}
            title={titles.get(column.key) ?? ''}
            today={view.today}
            topicNames={topicNames}
            moveOptions={moveOptions}
            actions={actions}
            activeCardId={activeCardId}
          />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragged && (
          <div className="card card-overlay">
            <CardFace card={dragged} today={view.today} topicNames={topicNames} />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
