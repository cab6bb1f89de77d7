import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Board, BoardColumn, BoardCard as Card, Language, Profile } from '../../../db/model';
import { useApi } from './context';
import { ReferenceDataProvider, useReferenceData } from './data';
import { UndoProvider, useUndo } from './undo';
import { FirstRun } from './FirstRun';
import { BoardScreen } from '../board/BoardScreen';
import type { BoardDraft } from '../board/BoardSettingsDialog';
import { boardTitle } from '../board/model';
import { ImportMenu } from '../intake/ImportMenu';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { changeLanguage, SUPPORTED_LANGUAGES } from '../i18n/index';
import { warmDateFormats } from '../common/format';
import type { DashboardPeriod } from '../dashboard/DashboardScreen';
import './app.css';
import '../settings/settings.css';

// Everything but the board loads when first opened, so the board starts from a small bundle.
const ReportsDialog = lazy(() => import('../reports/ReportsDialog').then((m) => ({ default: m.ReportsDialog })));
const HelpSheet = lazy(() => import('./HelpSheet').then((m) => ({ default: m.HelpSheet })));
const BoardSettingsDialog = lazy(() => import('../board/BoardSettingsDialog').then((m) => ({ default: m.BoardSettingsDialog })));
const CardDialog = lazy(() => import('../card/CardDialog').then((m) => ({ default: m.CardDialog })));
const NewInstructionDialog = lazy(() => import('../card/NewInstructionDialog').then((m) => ({ default: m.NewInstructionDialog })));
const MeetingsScreen = lazy(() => import('../meetings/MeetingsScreen').then((m) => ({ default: m.MeetingsScreen })));
const DirectoryScreen = lazy(() => import('../directory/DirectoryScreen').then((m) => ({ default: m.DirectoryScreen })));
const BackupsScreen = lazy(() => import('../backups/BackupsScreen').then((m) => ({ default: m.BackupsScreen })));
const SettingsScreen = lazy(() => import('../settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const DueScreen = lazy(() => import('../due/DueScreen').then((m) => ({ default: m.DueScreen })));
const DailyDigest = lazy(() => import('../due/DailyDigest').then((m) => ({ default: m.DailyDigest })));
const DashboardScreen = lazy(() => import('../dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
const CalendarScreen = lazy(() => import('../dashboard/CalendarScreen').then((m) => ({ default: m.CalendarScreen })));

/** One-way events from the desktop app's main process (the preload's `ministryEvents`); absent in a browser. */
interface MinistryEvents {
  onOpenCard(listener: (instructionId: string) => void): void;
}

type Screen = 'board' | 'due' | 'dashboard' | 'calendar' | 'meetings' | 'directory' | 'backups' | 'settings';

/** The dashboard's period: this year by the deadline in force, until the official picks another. */
function thisYear(): DashboardPeriod {
  const y = new Date().getFullYear();
  return { from: `${y}-01-01`, to: `${y}-12-31`, basis: 'deadline' };
}

/** Benchmarks compare the board with and without virtualisation: `?virtualize=off`. */
const VIRTUALIZE = new URLSearchParams(window.location.search).get('virtualize') !== 'off';

/** How often the page asks whether the store is still usable (the app checks it while idle). */
const RECOVERY_POLL_MS = 60_000;

export function App({ initialInfo }: { initialInfo: AppInfo }) {
  const [info, setInfo] = useState(initialInfo);
  const api = useApi();
  // Damage found while the app runs: reload, and the page opens on the recovery screen.
  useEffect(() => {
    const timer = window.setInterval(() => {
      void api['recovery.status']({}).then((s) => s.state === 'unavailable' && window.location.reload(), () => undefined);
    }, RECOVERY_POLL_MS);
    return () => window.clearInterval(timer);
  }, [api]);
  return (
    <ReferenceDataProvider language={info.language}>
      <UndoProvider>
        <Shell info={info} setInfo={setInfo} />
      </UndoProvider>
    </ReferenceDataProvider>
  );
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

function Shell({ info, setInfo }: { info: AppInfo; setInfo: (info: AppInfo) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const referenceData = useReferenceData();
  const undo = useUndo();
  const [screen, setScreen] = useState<Screen>('board');
  // The day's digest waits for the next session when this one began with the first-run choice.
  const startedOnFirstRun = useRef(info.firstRun);
  const [boardId, setBoardId] = useState<string | null>(info.boardId);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [openCardId, setOpenCardId] = useState<string | null>(null);
  /** A card the board scrolls to and focuses: one just created, or the first one a search found. */
  const [focusTarget, setFocusTarget] = useState<{ cardId: string | null } | null>(null);
  const [newInstruction, setNewInstruction] = useState<{ meetingId: string | null } | null>(null);
  const [boardDraft, setBoardDraft] = useState<BoardDraft | null>(null);
  const [help, setHelp] = useState(false);
  const [reportsOpen, setReportsOpen] = useState<false | { discipline: DashboardPeriod | null }>(false);
  const [dashboardPeriod, setDashboardPeriod] = useState<DashboardPeriod>(thisYear);
  const searchRef = useRef<HTMLInputElement>(null);
  const columnsRef = useRef<BoardColumn[]>([]);

  const boards = referenceData.boards;
  const board = boards.find((b) => b.id === boardId) ?? null;
  // The board opens straight away (its id comes with the app's info); the lists load beside it.
  const currentBoardId = boardId ?? boards[0]?.id ?? null;
  useEffect(() => {
    if (boards.length > 0 && !boards.some((b) => b.id === boardId)) setBoardId(boards[0]?.id ?? null);
  }, [boardId, boards]);
  const chooseBoard = useCallback(
    (id: string | null) => {
      setBoardId(id);
      if (id) void api['app.rememberBoard']({ boardId: id }).catch(() => undefined);
    },
    [api],
  );

  useEffect(() => warmDateFormats(i18n.language), [i18n.language]);

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(searchText.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  const dialogOpen = openCardId !== null || newInstruction !== null || boardDraft !== null || help;

  // Global shortcuts; keys typed into a field are left alone.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (info.firstRun) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !isTyping(event.target)) {
        event.preventDefault();
        void undo.undoLast();
        return;
      }
      if (dialogOpen || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'n' || event.key === 'N' || event.key === 'т' || event.key === 'Т') {
        event.preventDefault();
        setNewInstruction({ meetingId: board?.meetingId ?? null });
      } else if (event.key === '/') {
        event.preventDefault();
        setScreen('board');
        window.setTimeout(() => searchRef.current?.focus());
      } else if (event.key === '?') {
        event.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [info.firstRun, dialogOpen, undo, board]);

  const setLanguage = async (language: Language) => {
    try {
      const next = await api['app.setLanguage']({ language });
      await changeLanguage(next.language);
      setInfo(next);
    } catch (err) {
      announce(describeError(err, t), 'error');
    }
  };

  const openCard = useCallback((card: Card) => setOpenCardId(card.id), []);
  const rememberColumns = useCallback((columns: BoardColumn[]) => {
    columnsRef.current = columns;
  }, []);
  const closeCard = useCallback(() => setOpenCardId(null), []);
  // A click on a reminder notification (desktop app) opens that card.
  useEffect(() => {
    const events = (window as unknown as { ministryEvents?: MinistryEvents }).ministryEvents;
    events?.onOpenCard((instructionId) => setOpenCardId(instructionId));
  }, []);
  const titleOf = (b: Board) => boardTitle(b, t, referenceData.meetingTitle(b.meetingId));

  /** The control board, searched: the dashboard opens exactly the instructions behind a figure. */
  const openBoardSearch = (query: string) => {
    const control = boards.find((b) => b.builtin === 'control');
    if (control) chooseBoard(control.id);
    setSearchText(query);
    setSearch(query);
    setScreen('board');
  };

  const openMeetingBoard = (meetingId: string) => {
    const meetingBoard = boards.find((b) => b.builtin === 'meeting' && b.meetingId === meetingId);
    if (meetingBoard) chooseBoard(meetingBoard.id);
    setScreen('board');
  };

  if (info.firstRun) {
    return (
      <div className="app">
        <header className="app-header">
          <h1 className="app-title">{t('app.title')}</h1>
          <LanguageSelect value={info.language} onChange={setLanguage} />
        </header>
        <FirstRun
          onChosen={(next) => {
            setInfo(next);
            void referenceData.changed();
          }}
        />
      </div>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToBoard')}
      </a>
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        <nav aria-label={t('nav.label')} className="nav">
          {(['board', 'due', 'dashboard', 'calendar', 'meetings', 'directory', 'backups', 'settings'] as Screen[]).map((s) => (
            <button key={s} type="button" className={screen === s ? 'nav-item nav-active' : 'nav-item'} aria-current={screen === s ? 'page' : undefined} onClick={() => setScreen(s)}>
              {t(`nav.${s}`)}
            </button>
          ))}
        </nav>
        <div className="header-tools">
          <button type="button" className="header-button" onClick={() => setNewInstruction({ meetingId: board?.meetingId ?? null })}>
            {t('newInstruction.button')}
          </button>
          <button type="button" className="header-button" onClick={() => setReportsOpen({ discipline: null })} aria-haspopup="dialog">
            {t('reports.open')}
          </button>
          <ImportMenu
            onImported={(importedBoard) => {
              // The lists must know the new board before it is chosen.
              void referenceData.changed().then(() => {
                if (importedBoard) {
                  chooseBoard(importedBoard);
                  setScreen('board');
                }
              });
            }}
          />
          <button type="button" className="header-button" aria-label={t('help.open')} onClick={() => setHelp(true)}>
            ?
          </button>
          <ProfileSwitch info={info} onChanged={setInfo} onManage={() => setScreen('settings')} />
          <LanguageSelect value={info.language} onChange={setLanguage} />
        </div>
      </header>
      {!startedOnFirstRun.current && (
        <Suspense fallback={null}>
          <DailyDigest onOpenDue={() => setScreen('due')} />
        </Suspense>
      )}
      <main id="main" className="board-main" tabIndex={-1}>
        {screen === 'board' && (
          <>
            <div className="toolbar">
              <label className="field-inline">
                <span>{t('boards.label')}</span>
                <select value={currentBoardId ?? ''} onChange={(e) => chooseBoard(e.target.value)} data-testid="board-select">
                  {boards.map((b) => (
                    <option key={b.id} value={b.id}>
                      {titleOf(b)}
                    </option>
                  ))}
                </select>
              </label>
              {board && (
                <button type="button" onClick={() => setBoardDraft({ mode: 'edit', board, columns: columnsRef.current })}>
                  {t('boardSettings.open')}
                </button>
              )}
              <button type="button" onClick={() => setBoardDraft({ mode: 'new', filter: '', columnField: 'status', meetingId: null })}>
                {t('boardSettings.newTitle')}
              </button>
              <div className="search" role="search">
                <label htmlFor="board-search" className="visually-hidden">
                  {t('search.label')}
                </label>
                <input
                  ref={searchRef}
                  id="board-search"
                  type="search"
                  value={searchText}
                  placeholder={t('search.placeholder')}
                  onChange={(e) => setSearchText(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setSearchText('');
                    // Enter goes to the first card found, scrolled into view.
                    if (e.key === 'Enter' && searchText.trim() !== '') {
                      e.preventDefault();
                      setSearch(searchText.trim());
                      setFocusTarget({ cardId: null });
                    }
                  }}
                />
              </div>
              {search !== '' && board && (
                <button
                  type="button"
                  onClick={() =>
                    setBoardDraft({ mode: 'new', filter: [board.filter, search].filter((f) => f.trim() !== '').join(' '), columnField: board.columnField, meetingId: board.meetingId })
                  }
                >
                  {t('search.saveAsBoard')}
                </button>
              )}
            </div>
            {currentBoardId && (
              <BoardScreen
                key={`${currentBoardId}:${info.language}`}
                boardId={currentBoardId}
                search={search}
                onOpen={openCard}
                virtualize={VIRTUALIZE}
                onColumns={rememberColumns}
                focusTarget={focusTarget}
              />
            )}
          </>
        )}
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          {screen === 'meetings' && <MeetingsScreen onOpenBoard={openMeetingBoard} onAddInstruction={(meetingId) => setNewInstruction({ meetingId })} />}
          {screen === 'due' && <DueScreen onOpen={setOpenCardId} />}
          {screen === 'dashboard' && (
            <DashboardScreen period={dashboardPeriod} onPeriod={setDashboardPeriod} onOpenBoard={openBoardSearch} onReport={(period) => setReportsOpen({ discipline: period })} />
          )}
          {screen === 'calendar' && <CalendarScreen onOpenCard={setOpenCardId} />}
          {screen === 'directory' && <DirectoryScreen />}
          {screen === 'backups' && <BackupsScreen />}
          {screen === 'settings' && <SettingsScreen info={info} onProfileChanged={setInfo} />}
        </Suspense>
      </main>
      <Suspense fallback={null}>
        {openCardId && <CardDialog instructionId={openCardId} onClose={closeCard} />}
        {newInstruction && (
          <NewInstructionDialog
            meetingId={newInstruction.meetingId}
            onClose={() => setNewInstruction(null)}
            onCreated={(cardId) => setFocusTarget({ cardId })}
          />
        )}
        {boardDraft && <BoardSettingsDialog draft={boardDraft} onClose={() => setBoardDraft(null)} onSaved={(saved) => chooseBoard(saved?.id ?? null)} />}
        {help && <HelpSheet onClose={() => setHelp(false)} />}
        {reportsOpen && (
          <ReportsDialog
            // From the dashboard the report covers what the dashboard counts: every instruction.
            boardId={screen === 'dashboard' ? null : currentBoardId}
            boardName={board ? titleOf(board) : ''}
            search={screen === 'board' ? searchText : ''}
            meetings={referenceData.meetings}
            discipline={reportsOpen.discipline ?? (screen === 'dashboard' ? dashboardPeriod : null)}
            initialKind={reportsOpen.discipline ? 'discipline' : undefined}
            onClose={() => setReportsOpen(false)}
          />
        )}
      </Suspense>
    </div>
  );
}

/**
 * Who signs: the desk's profile in use, switched here for every window of this desk (a profile is
 * a signature on a shared desk, not a login). Re-read when the window comes back into focus, so a
 * second tab never shows a signer the desk has switched away from.
 */
function ProfileSwitch({ info, onChanged, onManage }: { info: AppInfo; onChanged: (info: AppInfo) => void; onManage: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const currentId = info.profile?.id ?? null;
  // Read again whenever the app's info is (a profile added, renamed or switched to in settings).
  useEffect(() => {
    let live = true;
    void api['profiles.list']({}).then((list) => live && setProfiles(list.profiles), () => undefined);
    return () => {
      live = false;
    };
  }, [api, info]);
  useEffect(() => {
    const onFocus = () => void api['app.info']({}).then((next) => next.profile?.id !== currentId && onChanged(next), () => undefined);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [api, currentId, onChanged]);
  if (!info.profile) {
    return (
      <button type="button" className="header-button" onClick={onManage}>
        {t('profile.giveProfile')}
      </button>
    );
  }
  const choose = async (id: string) => {
    try {
      const next = await api['profiles.use']({ id });
      onChanged(next);
      announce(t('profile.switched', { name: next.profile?.fullName ?? next.actor }));
    } catch (err) {
      announce(describeError(err, t), 'error');
    }
  };
  return (
    <label className="field-inline profile-switch">
      <span>{t('profile.signingAs')}</span>
      <select value={currentId ?? ''} onChange={(e) => void choose(e.target.value)}>
        {(profiles.some((p) => p.id === currentId) ? profiles : [info.profile, ...profiles]).map((p) => (
          <option key={p.id} value={p.id}>
            {p.position ? `${p.fullName} — ${p.position}` : p.fullName}
          </option>
        ))}
      </select>
    </label>
  );
}

function LanguageSelect({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field-inline language">
      <span>{t('app.language')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Language)} data-testid="language-select">
        {SUPPORTED_LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`languages.${lang}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
