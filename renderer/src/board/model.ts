// Client-side board helpers: cells (a column, or a column within a swimlane), what a drop means,
// and the optimistic update.
import type { TFunction } from 'i18next';
import type { Board, BoardColumn, BoardView, BoardCard as Card } from '../../../db/model';
import type { Input } from '../../../electron/api/contract';

export type MoveTarget = NonNullable<Input<'instructions.move'>['to']>;

/** A place on the board: a column, within a lane when the board has swimlanes (else lane is undefined). */
export interface CellRef {
  lane: string | null | undefined;
  column: string | null;
}

const NONE = '∅';
const NO_LANES = '*';

function keyText(key: string | null | undefined): string {
  return key === undefined ? NO_LANES : (key ?? NONE);
}

function keyFromText(text: string): string | null | undefined {
  return text === NO_LANES ? undefined : text === NONE ? null : text;
}

export function columnId(key: string | null): string {
  return keyText(key);
}

export function cellId(cell: CellRef): string {
  return `${keyText(cell.lane)}|${keyText(cell.column)}`;
}

export function parseCellId(id: string): CellRef {
  const [lane, column] = id.split('|') as [string, string];
  return { lane: keyFromText(lane), column: keyFromText(column) as string | null };
}

/** A card's draggable id: a card may stand in two topic columns or lanes at once. */
export function itemId(cell: CellRef, cardId: string): string {
  return `${cellId(cell)}|${cardId}`;
}

export function parseItemId(id: string): { cell: CellRef; cardId: string } {
  const bar = id.lastIndexOf('|');
  return { cell: parseCellId(id.slice(0, bar)), cardId: id.slice(bar + 1) };
}

export function sameCell(a: CellRef, b: CellRef): boolean {
  return a.lane === b.lane && a.column === b.column;
}

export function cellColumns(view: BoardView, lane: string | null | undefined): BoardColumn[] {
  if (lane === undefined || !view.lanes) return view.columns;
  return view.lanes.find((l) => l.key === lane)?.columns ?? [];
}

export function cellCards(view: BoardView, cell: CellRef): Card[] {
  return cellColumns(view, cell.lane).find((c) => c.key === cell.column)?.cards ?? [];
}

export function boardTitle(board: Board, t: TFunction, meetingTitle?: string): string {
  if (board.name) return board.name;
  if (board.builtin === 'meeting') return t('boards.builtin.meeting', { title: meetingTitle ?? '' });
  return t(`boards.builtin.${board.builtin ?? 'control'}`);
}

export function groupTitle(field: Board['columnField'], key: string | null, title: string, t: TFunction): string {
  switch (field) {
    case 'status':
      return t(`status.${key}`);
    case 'priority':
      return t(`priority.${key}`);
    default:
      return key === null ? t(`boards.noValue.${field}`) : title;
  }
}

export function columnTitle(board: Board, column: BoardColumn, t: TFunction): string {
  return groupTitle(board.columnField, column.key, column.title, t);
}

/** What moving a card along `field` from group `from` to group `to` asks of the store. */
export function fieldTarget(field: Board['columnField'], from: string | null, to: string | null): MoveTarget | undefined {
  if (from === to) return undefined;
  switch (field) {
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

export function moveTarget(board: Board, from: string | null, to: string | null): MoveTarget | undefined {
  return fieldTarget(board.columnField, from, to);
}

function withField(card: Card, field: Board['columnField'], from: string | null | undefined, to: string | null | undefined): Card {
  if (from === to || to === undefined) return card;
  switch (field) {
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

function removeCard(columns: BoardColumn[], cardId: string, from: string | null): BoardColumn[] {
  return columns.map((column) => {
    if (column.key !== from) return column;
    const cards = column.cards.filter((c) => c.id !== cardId);
    return { ...column, cards, count: cards.length };
  });
}

function insertCard(columns: BoardColumn[], card: Card, to: string | null, index: number | null): BoardColumn[] {
  return columns.map((column) => {
    if (column.key !== to) return column;
    const rest = column.cards.filter((c) => c.id !== card.id);
    const at = index === null ? rest.length : Math.max(0, Math.min(index, rest.length));
    const cards = [...rest.slice(0, at), card, ...rest.slice(at)];
    return { ...column, cards, count: cards.length };
  });
}

/**
 * The board as it looks once the card sits at `index` of cell `to`, and the neighbours that
 * position means to the store. Null when nothing would change.
 */
export function planMove(view: BoardView, cardId: string, from: CellRef, to: CellRef, index: number): PlannedMove | null {
  const source = cellCards(view, from);
  const card = source.find((c) => c.id === cardId);
  if (!card) return null;
  if (sameCell(from, to) && source.findIndex((c) => c.id === cardId) === index) return null;
  let moved = withField(card, view.board.columnField, from.column, to.column);
  if (view.board.swimlaneField) moved = withField(moved, view.board.swimlaneField, from.lane, to.lane);

  let next: BoardView;
  if (to.lane === undefined || !view.lanes) {
    next = { ...view, columns: insertCard(removeCard(view.columns, cardId, from.column), moved, to.column, index) };
  } else {
    const lanes = view.lanes.map((lane) => {
      let columns = lane.columns;
      if (lane.key === from.lane) columns = removeCard(columns, cardId, from.column);
      if (lane.key === to.lane) columns = insertCard(columns, moved, to.column, index);
      return columns === lane.columns ? lane : { ...lane, columns };
    });
    // The board-wide columns only feed the headers' counts in lane mode.
    next = { ...view, lanes, columns: insertCard(removeCard(view.columns, cardId, from.column), moved, to.column, null) };
  }
  const placed = cellCards(next, to);
  const at = placed.findIndex((c) => c.id === cardId);
  return { view: next, afterId: placed[at - 1]?.id ?? null, beforeId: placed[at + 1]?.id ?? null };
}

/** The neighbours a card has now in its cell, to put it back there. */
export function neighboursOf(view: BoardView, cardId: string, cell: CellRef): { afterId: string | null; beforeId: string | null } {
  const cards = cellCards(view, cell);
  const at = cards.findIndex((c) => c.id === cardId);
  return { afterId: cards[at - 1]?.id ?? null, beforeId: cards[at + 1]?.id ?? null };
}
