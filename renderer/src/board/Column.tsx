import { memo, useMemo, useRef, type ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BoardColumn } from '../../../db/model';
import { CardItem, type CardActions, type CardNames, type Locale } from './CardItem';
import { cellId, columnId, itemId, type CellRef } from './model';
import type { MoveOption } from './MoveMenu';

interface ColumnProps {
  locale: Locale;
  column: BoardColumn;
  lane: string | null | undefined;
  title: string;
  today: string;
  names: CardNames;
  moveOptions: MoveOption[];
  actions: CardActions;
  activeCardId: string | null;
  /** In a swimlane: no WIP warning of its own and a bounded height. */
  inLane?: boolean;
  /** Renders every card (the benchmark's baseline); boards always virtualise. */
  virtualize: boolean;
  /** The board is sorted by a field: cards keep their places while another is dragged over them. */
  sorted: boolean;
}

/** The sorting strategy of a sorted board: nothing makes room, as a drop within the column does not reorder. */
const holdStill = () => null;

/** Cards have a fixed height (styles.css `.card`), so rows need no measuring: 184px card + 8px gap. */
export const ROW_HEIGHT = 208;
/**
 * Columns shorter than this render every card: all of them are then in the page for the browser's
 * find and for screen readers, and a few dozen cards cost nothing. Longer columns are virtualised.
 */
export const VIRTUALIZE_FROM = 60;

function ColumnImpl({ locale, column, lane, title, today, names, moveOptions, actions, activeCardId, inLane, virtualize: virtualizeBoard, sorted }: ColumnProps) {
  const virtualize = virtualizeBoard && column.cards.length >= VIRTUALIZE_FROM;
  const { t } = locale;
  const cell = useMemo<CellRef>(() => ({ lane, column: column.key }), [lane, column.key]);
  const id = cellId(cell);
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = useMemo(() => column.cards.map((c) => itemId(cell, c.id)), [column, cell]);
  const overLimit = !inLane && column.wipLimit !== null && column.count > column.wipLimit;
  const headingId = `column-heading-${id.replace(/[^\w-]/g, '_')}`;

  const focusedIndex = activeCardId ? column.cards.findIndex((c) => c.id === activeCardId) : -1;
  const virtualizer = useVirtualizer({
    count: column.cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    enabled: virtualize,
    getItemKey: (index) => column.cards[index]?.id ?? index,
    rangeExtractor: (range) => {
      // Keep the focused card rendered so keyboard focus survives scrolling.
      const indexes: number[] = [];
      for (let i = range.startIndex; i <= range.endIndex; i++) indexes.push(i);
      if (focusedIndex >= 0 && !indexes.includes(focusedIndex)) indexes.push(focusedIndex);
      return indexes.sort((a, b) => a - b);
    },
  });
  const moveOptionsFor = useMemo(
    () => moveOptions.filter((o) => !(o.kind === 'column' && o.key === column.key) && !(o.kind === 'lane' && o.key === lane)),
    [moveOptions, column.key, lane],
  );

  const renderCard = (index: number) => {
    const card = column.cards[index];
    if (!card) return null;
    return (
      <CardItem
        locale={locale}
        card={card}
        cell={cell}
        today={today}
        names={names}
        moveOptions={moveOptionsFor}
        actions={actions}
        position={index + 1}
        setSize={column.cards.length}
      />
    );
  };

  return (
    <section
      className={`column${overLimit ? ' column-over-limit' : ''}${inLane ? ' column-in-lane' : ''}`}
      aria-labelledby={headingId}
      data-testid="column"
      data-column-key={columnId(column.key)}
      data-lane-key={lane === undefined ? undefined : columnId(lane)}
    >
      <header className="column-header">
        <h2 id={headingId}>
          <span className="column-title">{title}</span>{' '}
          <span className="column-count" aria-label={t('boards.cardCount', { count: column.count })} data-testid="column-count">
            {column.count}
            {!inLane && column.wipLimit !== null && ` / ${column.wipLimit}`}
          </span>
        </h2>
        {overLimit && (
          <p className="wip-warning" role="status">
            {t('boards.wipExceeded', { limit: column.wipLimit })}
          </p>
        )}
      </header>
      <div ref={scrollRef} className="column-body">
        <DropZone id={`cell:${id}`} cell={cell}>
          <SortableContext id={`sortable:${id}`} items={items} strategy={sorted ? holdStill : verticalListSortingStrategy}>
            {/* A feed: each card says its place and the column's size, also for the cards not rendered. */}
            <div className="column-cards" role={column.cards.length > 0 ? 'feed' : undefined} aria-labelledby={column.cards.length > 0 ? headingId : undefined}>
            {virtualize ? (
              <VirtualSpacer height={virtualizer.getTotalSize()}>
                {virtualizer.getVirtualItems().map((row) => (
                  <VirtualRow key={row.key} index={row.index} start={row.start} measure={virtualizer.measureElement}>
                    {renderCard(row.index)}
                  </VirtualRow>
                ))}
              </VirtualSpacer>
            ) : (
              column.cards.map((card, index) => (
                <div key={card.id} className="plain-row">
                  {renderCard(index)}
                </div>
              ))
            )}
            </div>
          </SortableContext>
          {column.cards.length === 0 && <p className="column-empty">{t('boards.empty')}</p>}
        </DropZone>
      </div>
    </section>
  );
}

/**
 * The column's drop target. The drag context re-renders it on every pointer move; keeping it apart
 * means only this wrapper re-renders then, not the column and its virtual list.
 */
function DropZone({ id, cell, children }: { id: string; cell: CellRef; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id, data: { cell } });
  return (
    <div ref={setNodeRef} className={`column-drop${isOver ? ' column-over' : ''}`}>
      {children}
    </div>
  );
}

function VirtualSpacer({ height, children }: { height: number; children: ReactNode }) {
  return (
    <div className="virtual-spacer" style={{ height }}>
      {children}
    </div>
  );
}

function VirtualRow({ index, start, measure, children }: { index: number; start: number; measure: (node: Element | null) => void; children: ReactNode }) {
  return (
    <div ref={measure} className="virtual-row" data-index={index} style={{ transform: `translateY(${start}px)` }}>
      {children}
    </div>
  );
}

export const Column = memo(ColumnImpl);
