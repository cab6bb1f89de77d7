import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BoardColumn } from '../../../db/model';
import { CardItem, type CardActions } from './CardItem';
import { columnId, itemId } from './model';
import type { MoveOption } from './MoveMenu';

interface ColumnProps {
  column: BoardColumn;
  title: string;
  today: string;
  topicNames: ReadonlyMap<string, string>;
  moveOptions: MoveOption[];
  actions: CardActions;
  activeCardId: string | null;
}

const ESTIMATED_CARD_HEIGHT = 136;

function ColumnImpl({ column, title, today, topicNames, moveOptions, actions, activeCardId }: ColumnProps) {
  const { t } = useTranslation();
  const id = columnId(column.key);
  const { setNodeRef, isOver } = useDroppable({ id: `column:${id}`, data: { columnKey: column.key } });
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = useMemo(() => column.cards.map((c) => itemId(column.key, c.id)), [column]);
  const overLimit = column.wipLimit !== null && column.count > column.wipLimit;
  const headingId = `column-heading-${id}`;

  const focusedIndex = activeCardId ? column.cards.findIndex((c) => c.id === activeCardId) : -1;
  const virtualizer = useVirtualizer({
    count: column.cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    overscan: 4,
    getItemKey: (index) => column.cards[index]?.id ?? index,
    rangeExtractor: (range) => {
      // Keep the focused card rendered so keyboard focus survives scrolling.
      const indexes = [];
      for (let i = range.startIndex; i <= range.endIndex; i++) indexes.push(i);
      if (focusedIndex >= 0 && !indexes.includes(focusedIndex)) indexes.push(focusedIndex);
      return indexes.sort((a, b) => a - b);
    },
  });
  const moveOptionsFor = useMemo(() => moveOptions.filter((o) => o.kind !== 'column' || o.key !== column.key), [moveOptions, column.key]);

  return (
    <section
      className={`column${isOver ? ' column-over' : ''}${overLimit ? ' column-over-limit' : ''}`}
      aria-labelledby={headingId}
      data-testid="column"
      data-column-key={id}
    >
      <header className="column-header">
        <h2 id={headingId}>
          <span className="column-title">{title}</span>{' '}
          <span className="column-count" aria-label={t('boards.cardCount', { count: column.count })}>
            {column.count}
            {column.wipLimit !== null && ` / ${column.wipLimit}`}
          </span>
        </h2>
        {overLimit && <p className="wip-warning">{t('boards.wipExceeded', { limit: column.wipLimit })}</p>}
      </header>
      <div ref={scrollRef} className="column-body" tabIndex={-1}>
        <div ref={setNodeRef} className="column-drop">
          <SortableContext id={`sortable:${id}`} items={items} strategy={verticalListSortingStrategy}>
            <VirtualSpacer height={virtualizer.getTotalSize()}>
              {virtualizer.getVirtualItems().map((row) => {
                const card = column.cards[row.index];
                if (!card) return null;
                return (
                  <VirtualRow key={row.key} index={row.index} start={row.start} measure={virtualizer.measureElement}>
                    <CardItem
                      card={card}
                      columnKey={column.key}
                      today={today}
                      topicNames={topicNames}
                      moveOptions={moveOptionsFor}
                      actions={actions}
                    />
                  </VirtualRow>
                );
              })}
            </VirtualSpacer>
          </SortableContext>
          {column.cards.length === 0 && <p className="column-empty">{t('boards.empty')}</p>}
        </div>
      </div>
    </section>
  );
}

function VirtualSpacer({ height, children }: { height: number; children: React.ReactNode }) {
  return (
    <div className="virtual-spacer" style={{ height }}>
      {children}
    </div>
  );
}

function VirtualRow({
  index,
  start,
  measure,
  children,
}: {
  index: number;
  start: number;
  measure: (el: Element | null) => void;
  children: React.ReactNode;
}) {
  return (
    <div
      className="virtual-row"
      data-index={index}
      style={{ transform: `translateY(${start}px)` }}
      ref={measure}
    >
      {children}
    </div>
  );
}

export const Column = memo(ColumnImpl);
