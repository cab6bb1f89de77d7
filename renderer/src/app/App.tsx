import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Board, Card, Language, Meeting, Tag } from '../../../db/model';
import { useApi } from './context';
import { FirstRun } from './FirstRun';
import { BoardScreen } from '../board/BoardScreen';
import { boardTitle } from '../board/model';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { changeLanguage, SUPPORTED_LANGUAGES } from '../i18n/index';
import { ReportsDialog } from '../reports/ReportsDialog';

export function App({ initialInfo }: { initialInfo: AppInfo }) {
  const { t } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const [info, setInfo] = useState(initialInfo);
  const [boards, setBoards] = useState<Board[]>([]);
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [tags, setTags] = useState<Tag[]>([]);
  const [boardId, setBoardId] = useState<string | null>(null);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [reportsOpen, setReportsOpen] = useState(false);

  const loadLists = useCallback(async () => {
    try {
      const [b, m, tg] = await Promise.all([api['boards.list']({}), api['meetings.list']({}), api['tags.list']({})]);
      setBoards(b);
      setMeetings(m);
      setTags(tg);
      setBoardId((current) => current ?? b[0]?.id ?? null);
    } catch (err) {
      announce(describeError(err, t), 'error');
    }
  }, [api, announce, t]);

  useEffect(() => {
    if (!info.firstRun) void loadLists();
  }, [info.firstRun, info.language, loadLists]);

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(searchText), 250);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  const topicNames = useMemo(() => new Map(tags.map((tag) => [tag.id, tag.name])), [tags]);
  const meetingTitles = useMemo(() => new Map(meetings.map((m) => [m.id, m.title])), [meetings]);
  const hasDemo = meetings.some((m) => m.isDemo);

  const setLanguage = async (language: Language) => {
    try {
      const next = await api['app.setLanguage']({ language });
      await changeLanguage(next.language);
      setInfo(next);
    } catch (err) {
      announce(describeError(err, t), 'error');
    }
  };

  const openCard = useCallback((_card: Card) => undefined, []);

  return (
    <div className="app">
      <a className="skip-link" href="#board-main">
        {t('app.skipToBoard')}
      </a>
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        {!info.firstRun && (
          <>
            <label className="field-inline">
              <span>{t('boards.label')}</span>
              <select value={boardId ?? ''} onChange={(e) => setBoardId(e.target.value)} data-testid="board-select">
                {boards.map((b) => (
                  <option key={b.id} value={b.id}>
                    {boardTitle(b, t, b.meetingId ? meetingTitles.get(b.meetingId) : undefined)}
                  </option>
                ))}
              </select>
            </label>
            <div className="search" role="search">
              <label htmlFor="board-search" className="visually-hidden">
                {t('search.label')}
              </label>
              <input
                id="board-search"
                type="search"
                value={searchText}
                placeholder={t('search.placeholder')}
                onChange={(e) => setSearchText(e.target.value)}
              />
            </div>
            <button type="button" className="reports-open" onClick={() => setReportsOpen(true)} aria-haspopup="dialog">
              {t('reports.open')}
            </button>
          </>
        )}
        <label className="field-inline language">
          <span>{t('app.language')}</span>
          <select value={info.language} onChange={(e) => void setLanguage(e.target.value as Language)} data-testid="language-select">
            {SUPPORTED_LANGUAGES.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {t(`languages.${lang}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {info.firstRun ? (
        <FirstRun onChosen={setInfo} />
      ) : (
        <main id="board-main" className="board-main" tabIndex={-1}>
          {hasDemo && <p className="demo-banner">{t('app.demoBanner')}</p>}
          {boardId && <BoardScreen key={`${boardId}:${info.language}`} boardId={boardId} search={search} topicNames={topicNames} onOpen={openCard} />}
        </main>
      )}
      {reportsOpen && (
        <ReportsDialog
          boardId={boardId}
          boardName={(() => {
            const board = boards.find((b) => b.id === boardId);
            return board ? boardTitle(board, t, board.meetingId ? meetingTitles.get(board.meetingId) : undefined) : '';
          })()}
          search={searchText}
          meetings={meetings}
          onClose={() => setReportsOpen(false)}
        />
      )}
    </div>
  );
}
