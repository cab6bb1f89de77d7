import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardView, Card, QueryProblemInfo } from '../../../db/model';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { PromptDialog, type PromptRequest } from '../common/PromptDialog';
import { Board } from './Board';
import { columnTitle, moveTarget, planMove } from './model';

interface Props {
  boardId: string;
  search: string;
  topicNames: ReadonlyMap<string, string>;
  onOpen(card: Card): void;
}

interface PendingPrompt {
  request: PromptRequest;
  resolve: (value: string | null) => void;
}

export function BoardScreen({ boardId, search, topicNames, onOpen }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const [view, setView] = useState<BoardView | null>(null);
  const [activeCardId, setActiveCardId] = useState<string | null>(null);
  const focusRequest = useRef<string | null>(null);
  const [prompt, setPrompt] = useState<PendingPrompt | null>(null);
  const viewRef = useRef<BoardView | null>(null);
  viewRef.current = view;
  const request = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const knownVersions = useRef(new Map<string, number>());

  const load = useCallback(async () => {
    const id = ++request.current;
    try {
      const next = await api['boards.view']({ boardId, search });
      if (id === request.current) setView(next);
    } catch (err) {
      if (id === request.current) announce(describeError(err, t), 'error');
    }
  }, [api, boardId, search, announce, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const ask = (req: PromptRequest) => new Promise<string | null>((resolve) => setPrompt({ request: req, resolve }));

  const onMove = useCallback(
    async (cardId: string, from: string | null, to: string | null, index: number) => {
      const current = viewRef.current;
      if (!current) return;
      const card = current.columns.find((c) => c.key === from)?.cards.find((c) => c.id === cardId);
      const plan = planMove(current, cardId, from, to, index);
      if (!card || !plan) return;
      const target = moveTarget(current.board, from, to);
      const toColumn = current.columns.find((c) => c.key === to);
      const columnName = toColumn ? columnTitle(current.board, toColumn, t) : '';
      const fromColumn = current.columns.find((c) => c.key === from);
      let report: string | null = null;
      let reason: string | null = null;
      if (target?.field === 'status') {
        if (target.value === 'resolved') {
          report = await ask({
            title: t('move.finalReportTitle'),
            text: t('move.finalReportText', { title: card.title }),
            label: t('move.reportLabel'),
            confirm: t('move.confirm'),
          });
          if (report === null) return;
        } else if (card.status === 'resolved') {
          reason = await ask({
            title: t('move.reopenTitle'),
            text: t('move.reopenText', { title: card.title }),
            label: t('move.reasonLabel'),
            confirm: t('move.confirm'),
          });
          if (reason === null) return;
        } else if (target.value === 'report_submitted' && card.reports === 0) {
          report = await ask({
            title: t('move.reportTitle'),
            text: t('move.reportText', { title: card.title }),
            label: t('move.reportLabel'),
            confirm: t('move.confirm'),
          });
          if (report === null) return;
        }
      }
      // Optimistic: the card is where the official put it while the store decides. Moves go to
      // the store one after another, each with the newest version known (versions only grow), so
      // quick successive moves of one card do not trip over each other.
      request.current++; // a board still loading from before this move must not overwrite it
      setView(plan.view);
      setActiveCardId(cardId);
      focusRequest.current = cardId;
      pending.current++;
      queue.current = queue.current.then(async () => {
        try {
          const updated = await api['instructions.move']({
            id: cardId,
            to: target,
            afterId: plan.afterId,
            beforeId: plan.beforeId,
            report,
            reason,
            expectedVersion: Math.max(knownVersions.current.get(cardId) ?? 0, card.version),
          });
          knownVersions.current.set(cardId, updated.version);
          const position = (plan.view.columns.find((c) => c.key === to)?.cards.findIndex((c) => c.id === cardId) ?? 0) + 1;
          announce(
            target ? t('move.moved', { title: card.title, column: columnName }) : t('move.reordered', { title: card.title, position, column: columnName }),
          );
        } catch (err) {
          setView(current);
          const fromName = fromColumn ? columnTitle(current.board, fromColumn, t) : '';
          announce(t('move.refused', { title: card.title, column: fromName, reason: describeError(err, t) }), 'error');
        } finally {
          pending.current--;
          if (pending.current === 0) await load();
        }
      });
    },
    [api, announce, load, t],
  );

  if (!view) return <p className="loading">{t('app.loading')}</p>;

  return (
    <>
      {view.problems.length > 0 && <QueryProblems problems={view.problems} />}
      {view.total === 0 && view.problems.length === 0 && search === '' && <p className="board-empty">{t('boards.emptyBoard')}</p>}
      <Board
        view={view}
        topicNames={topicNames}
        activeCardId={activeCardId}
        focusRequest={focusRequest}
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
  return (
    <div className="query-problems" role="alert" data-testid="query-problems">
      <p>{t('search.problems')}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{t(`search.problem.${p.code}`, { field: p.field ?? '', value: p.value ?? '' })}</li>
        ))}
      </ul>
    </div>
  );
}
