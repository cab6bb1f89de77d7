import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSort, BoardView, BoardCard as Card, QueryProblemInfo } from '../../../db/model';
import { describeQueryProblem } from '../common/query-problems';
import { useApi } from '../app/context';
import { useReferenceData } from '../app/data';
import { useUndo } from '../app/undo';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { PromptDialog, type PromptRequest } from '../common/PromptDialog';
import { Board } from './Board';
import type { CardNames } from './CardItem';
import { fullOrgName, shortOrgName } from '../common/orgNames';
import { cellCards, columnTitle, fieldTarget, groupTitle, neighboursOf, planMove, sameCell, type CellRef } from './model';
import './board.css';

interface Props {
  boardId: string;
  search: string;
  onOpen(card: Card): void;
  /** Renders every card instead of virtualising (the benchmark's baseline). */
  virtualize: boolean;
  /** Tells the board settings which columns there are (for WIP limits). */
  onColumns(columns: BoardView['columns']): void;
  /**
   * A card to scroll to and focus once the board shows it: one just created, or (cardId null) the
   * first card the search found. A new object for every request.
   */
  focusTarget?: { cardId: string | null } | null;
}

/** The orders a board offers (the store's BOARD_SORTS), in the order the choice lists them. */
const SORTS: readonly BoardSort[] = ['manual', 'deadline', 'number', 'overdue', 'updated'];

interface PendingPrompt {
  request: PromptRequest;
  resolve: (value: string | null) => void;
}

export function BoardScreen({ boardId, search, onOpen, virtualize, onColumns, focusTarget }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const undo = useUndo();
  const { revision, tags, organizations } = useReferenceData();
  const [view, setView] = useState<BoardView | null>(null);
  const [activeCardId, setActiveCardId] = useState<string | null>(null);
  const [prompt, setPrompt] = useState<PendingPrompt | null>(null);
  const focusRequest = useRef<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  /** Focus goes to the card, wherever it is in its column: the board renders it, scrolls to it and focuses it. */
  const focusCard = useCallback((cardId: string) => {
    focusRequest.current = cardId;
    setActiveCardId(cardId);
    setFocusTick((n) => n + 1);
  }, []);
  /** A card to focus when the next board view arrives (the one showing an undo). */
  const focusAfterLoad = useRef<string | null>(null);
  /** The search the shown view answers, so a request for "the first card found" waits for its answer. */
  const [viewSearch, setViewSearch] = useState<string | null>(null);
  const viewRef = useRef<BoardView | null>(null);
  viewRef.current = view;
  const request = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const [saving, setSaving] = useState(false);
  const knownVersions = useRef(new Map<string, number>());
  const names = useMemo<CardNames>(
    () => ({
      topics: new Map(tags.map((tag) => [tag.id, tag.name])),
      organizations: new Map(organizations.map((o) => [o.id, shortOrgName(o, i18n.language)])),
      organizationTitles: new Map(organizations.map((o) => [o.id, fullOrgName(o, i18n.language)])),
    }),
    [tags, organizations, i18n.language],
  );

  const load = useCallback(async () => {
    const id = ++request.current;
    try {
      const next = await api['boards.view']({ boardId, search });
      if (id === request.current) {
        setView(next);
        setViewSearch(search);
        const focusNext = focusAfterLoad.current;
        focusAfterLoad.current = null;
        if (focusNext) focusCard(focusNext);
      }
    } catch (err) {
      if (id === request.current) announce(describeError(err, t), 'error');
    }
  }, [api, boardId, search, announce, t, focusCard]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  useEffect(() => {
    if (view) onColumns(view.columns);
  }, [view, onColumns]);

  // A created or searched-for card: focused once the view that holds it has arrived.
  const handledTarget = useRef<typeof focusTarget>(null);
  useEffect(() => {
    if (!focusTarget || handledTarget.current === focusTarget || !view || viewSearch !== search) return;
    const cards = view.columns.flatMap((c) => c.cards);
    const card = focusTarget.cardId === null ? cards[0] : cards.find((c) => c.id === focusTarget.cardId);
    if (!card) return;
    handledTarget.current = focusTarget;
    focusCard(card.id);
  }, [focusTarget, view, viewSearch, search, focusCard]);

  // After Ctrl+Z focus returns to the card that changed (unless a dialog holds the focus), once
  // the board shows it where the undo put it.
  useEffect(
    () =>
      undo.onUndone((cardId) => {
        if (document.querySelector('dialog[open]')) return;
        focusAfterLoad.current = cardId;
        void load();
      }),
    [undo, load, focusCard],
  );

  const chooseSort = async (sortBy: BoardSort) => {
    if (!view) return;
    try {
      const board = await api['boards.update']({ id: view.board.id, patch: { sortBy } });
      setView({ ...view, board });
      await load();
    } catch (err) {
      announce(describeError(err, t), 'error');
    }
  };

  const ask = (req: PromptRequest) => new Promise<string | null>((resolve) => setPrompt({ request: req, resolve }));

  const cellName = useCallback(
    (current: BoardView, cell: CellRef): string => {
      const column = current.columns.find((c) => c.key === cell.column);
      const columnName = column ? columnTitle(current.board, column, t) : '';
      if (cell.lane === undefined || !current.board.swimlaneField) return columnName;
      const lane = current.lanes?.find((l) => l.key === cell.lane);
      return `${lane ? groupTitle(current.board.swimlaneField, lane.key, lane.title, t) : ''} · ${columnName}`;
    },
    [t],
  );

  const onMove = useCallback(
    async (cardId: string, from: CellRef, to: CellRef, index: number) => {
      const current = viewRef.current;
      if (!current) return;
      const card = cellCards(current, from).find((c) => c.id === cardId);
      if (!card) return;
      // A sorted board orders each column by its field: a card dropped within its column stays where the sort puts it.
      if (current.board.sortBy !== 'manual' && sameCell(from, to)) {
        announce(t('sort.noReorder', { sort: t(`sort.by.${current.board.sortBy}`) }));
        return;
      }
      const plan = planMove(current, cardId, from, to, index);
      if (!plan) return;
      const target = fieldTarget(current.board.columnField, from.column, to.column);
      const laneTarget = current.board.swimlaneField && to.lane !== undefined && from.lane !== undefined ? fieldTarget(current.board.swimlaneField, from.lane, to.lane) : undefined;
      const toName = cellName(current, to);
      const fromName = cellName(current, from);
      let report: string | null = null;
      let reason: string | null = null;
      if (target?.field === 'status') {
        if (target.value === 'resolved') {
          report = await ask({ title: t('move.finalReportTitle'), text: t('move.finalReportText', { title: card.title }), label: t('move.reportLabel'), confirm: t('move.confirm') });
          if (report === null) return;
        } else if (card.status === 'resolved') {
          reason = await ask({ title: t('move.reopenTitle'), text: t('move.reopenText', { title: card.title }), label: t('move.reasonLabel'), confirm: t('move.confirm') });
          if (reason === null) return;
        } else if (target.value === 'report_submitted' && card.reports === 0) {
          report = await ask({ title: t('move.reportTitle'), text: t('move.reportText', { title: card.title }), label: t('move.reportLabel'), confirm: t('move.confirm') });
          if (report === null) return;
        }
      }
      const back = neighboursOf(current, cardId, from);
      // Optimistic: the card is where the official put it while the store decides. Moves go to
      // the store one after another, each with the newest version known (versions only grow), so
      // quick successive moves of one card do not trip over each other.
      request.current++; // a board still loading from before this move must not overwrite it
      setView(plan.view);
      setActiveCardId(cardId);
      focusRequest.current = cardId;
      const position = cellCards(plan.view, to).findIndex((c) => c.id === cardId) + 1;
      const label = target || laneTarget ? t('move.moved', { title: card.title, column: toName }) : t('move.reordered', { title: card.title, position, column: toName });
      pending.current++;
      setSaving(true);
      const stored = queue.current.then(async (): Promise<boolean> => {
        try {
          const updated = await api['instructions.move']({
            id: cardId,
            to: target,
            lane: laneTarget,
            afterId: plan.afterId,
            beforeId: plan.beforeId,
            report,
            reason,
            expectedVersion: Math.max(knownVersions.current.get(cardId) ?? 0, card.version),
          });
          knownVersions.current.set(cardId, updated.version);
          announce(label);
          return true;
        } catch (err) {
          setView(current);
          announce(t('move.refused', { title: card.title, column: fromName, reason: describeError(err, t) }), 'error');
          return false;
        } finally {
          pending.current--;
          if (pending.current === 0) {
            await load();
            if (pending.current === 0) setSaving(false);
          }
        }
      });
      queue.current = stored.then(() => undefined);
      // On the undo stack at once, so Ctrl+Z pressed right after a move undoes that move: the
      // undo waits for the move to be stored, and does nothing if the store refused it.
      undo.push({
        label,
        cardId,
        undo: async () => {
          if (!(await stored)) return;
          await api['instructions.move']({
            id: cardId,
            to: fieldTarget(current.board.columnField, to.column, from.column),
            lane: current.board.swimlaneField && to.lane !== undefined && from.lane !== undefined ? fieldTarget(current.board.swimlaneField, to.lane, from.lane) : undefined,
            afterId: back.afterId,
            beforeId: back.beforeId,
            reason: to.column === 'resolved' && target ? t('undo.reason') : null,
          });
        },
      });
    },
    [api, announce, load, t, undo, cellName],
  );

  if (!view) return <p className="loading">{t('app.loading')}</p>;
  // The demo's banner goes with the demo's cards: a board of real meetings shows none.
  const showsDemo = view.columns.some((c) => c.cards.some((card) => card.isDemo));

  return (
    <>
      {showsDemo && <p className="demo-banner">{t('app.demoBanner')}</p>}
      {view.problems.length > 0 && <QueryProblems problems={view.problems} />}
      {view.total === 0 && view.problems.length === 0 && search === '' && <p className="board-empty">{t('boards.emptyBoard')}</p>}
      <div className="board-bar">
        <label className="field-inline">
          <span>{t('sort.label')}</span>
          <select value={view.board.sortBy} onChange={(e) => void chooseSort(e.target.value as BoardSort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.by.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {view.board.sortBy !== 'manual' && (
          <p className="sort-note" data-testid="sort-note">
            {t('sort.note', { sort: t(`sort.by.${view.board.sortBy}`) })}
          </p>
        )}
      </div>
      {search !== '' && view.problems.length === 0 && (
        <p className="search-summary" role="status" data-testid="search-summary">
          {t('search.found', { count: view.total })}
        </p>
      )}
      <Board
        view={view}
        names={names}
        activeCardId={activeCardId}
        focusRequest={focusRequest}
        focusTick={focusTick}
        onFocusCard={focusCard}
        virtualize={virtualize}
        saving={saving}
        onCardFocus={setActiveCardId}
        onMove={onMove}
        onOpen={onOpen}
      />
      {prompt && (
        <PromptDialog
          request={prompt.request}
          onDone={(value) => {
            prompt.resolve(value);
            setPrompt(null);
          }}
        />
      )}
    </>
  );
}

function QueryProblems({ problems }: { problems: QueryProblemInfo[] }) {
  const { t } = useTranslation();
  const texts = problems.map((p) => describeQueryProblem(p, t));
  // One problem reads as one sentence after the heading; several are listed under it.
  return (
    <div className="query-problems" role="alert" data-testid="query-problems">
      <p>
        {t('search.problems')} {texts.length === 1 ? texts[0] : null}
      </p>
      {texts.length > 1 && (
        <ul>
          {texts.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
