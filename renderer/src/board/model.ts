// Client-side board helpers: column titles, what a drop means, and the optimistic update.
import type { TFunction } from 'i18next';
import type { Board, BoardColumn, BoardView, Card } from '../../../db/model';
import type { Input } from '../../../electron/api/contract';

export type MoveTarget = NonNullable<Input<'instructions.move'>['to']>;

const NONE = '∅';

/** Keys of columns as strings (the "no value" column has key null). */
export function columnId(key: string | null): string {
  return key ?? NONE;
}

export function columnKeyFromId(id: string): string | null {
  return id === NONE ? null : id;
}

/** A card's draggable id: a card may stand in two topic columns at once. */
export function itemId(columnKey: string | null, cardId: string): string {
  return `${columnId(columnKey)}|${cardId}`;
}

export function parseItemId(id: string): { columnKey: string | null; cardId: string } {
  const bar = id.lastIndexOf('|');
  return { columnKey: columnKeyFromId(id.slice(0, bar)), cardId: id.slice(bar + 1) };
}

export function boardTitle(board: Board, t: TFunction, meetingTitle?: string): string {
  if (board.name) return board.name;
  if (board.builtin === 'meeting') return t('boards.builtin.meeting', { title: meetingTitle ?? '' });
  return t(`boards.builtin.${board.builtin ?? 'control'}`);
}

export function columnTitle(board: Board, column: BoardColumn, t: TFunction): string {
  switch (board.columnField) {
    case 'status':
      return t(`status.${column.key}`);
    case 'priority':
      return t(`priority.${column.key}`);
    default:
      return column.key === null ? t(`boards.noValue.${board.columnField}`) : column.title;
  }
}

/** What dropping a card from column `from` into column `to` asks of the store. */
export function moveTarget(board: Board, from: string | null, to: string | null): MoveTarget | undefined {
  if (from === to) return undefined;
  switch (board.columnField) {
    case 'status':
      return { field: 'status', value: to as Card['status'] };
    case 'priority':
      return { field: 'priority', value: to as Card['priority'] };
    case 'organization':
      return { field: 'organization', value: to };
    case 'meeting':
      return { field: 'meeting', value: to };
    case 'topic':
      return { field: 'topic', value: to, from };
  }
}

function withCard(card: Card, board: Board, from: string | null, to: string | null): Card {
  switch (board.columnField) {
    case 'status':
      return { ...card, status: to as Card['status'] };
    case 'priority':
      return { ...card, priority: to as Card['priority'] };
    case 'organization':
      return { ...card, leadOrgId: to };
    case 'meeting':
      return { ...card, meetingId: to };
    case 'topic':
      return { ...card, tags: [...card.tags.filter((t) => t !== from), ...(to === null ? [] : [to])] };
  }
}

export interface PlannedMove {
  view: BoardView;
  afterId: string | null;
  beforeId: string | null;
}

/**
 * The board as it looks once the card sits at `index` of column `to`, and the neighbours that
 * position means to the store.
 */
export function planMove(view: BoardView, cardId: string, from: string | null, to: string | null, index: number): PlannedMove | null {
  const source = view.columns.find((c) => c.key === from);
  const target = view.columns.find((c) => c.key === to);
  const card = source?.cards.find((c) => c.id === cardId);
  if (!source || !target || !card) return null;
  const moved = withCard(card, view.board, from, to);
  const columns = view.columns.map((column) => {
    if (column !== source && column !== target) return column;
    let cards = column.cards.filter((c) => c.id !== cardId);
    if (column === target) {
      const at = Math.max(0, Math.min(index, cards.length));
      cards = [...cards.slice(0, at), moved, ...cards.slice(at)];
    }
    return { ...column, cards, count: cards.length };
  });
  const placed = columns.find((c) => c.key === to)?.cards ?? [];
  const at = placed.findIndex((c) => c.id === cardId);
  const next = { ...view, columns };
  if (from === to && source.cards.findIndex((c) => c.id === cardId) === at) return null;
  return { view: next, afterId: placed[at - 1]?.id ?? null, beforeId: placed[at + 1]?.id ?? null };
}
