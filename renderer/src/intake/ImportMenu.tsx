import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeCapabilities } from '../../../db/intake-types';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { useMenu } from '../common/useMenu';
import './intake.css';

// The dialogs load when first opened, keeping the board's start-up bundle small.
const ExchangeDialog = lazy(() => import('./ExchangeDialog').then((m) => ({ default: m.ExchangeDialog })));
const ListDialog = lazy(() => import('./ListDialog').then((m) => ({ default: m.ListDialog })));
const ReadoutDialog = lazy(() => import('./ReadoutDialog').then((m) => ({ default: m.ReadoutDialog })));

type Kind = 'readout' | 'list' | 'exchange';
const KINDS: Kind[] = ['readout', 'list', 'exchange'];

/**
 * The header's "Import" menu: a meeting from pasted text, a CSV/XLSX list, an exchange file.
 * `onImported` is told when something was stored (with the board to show, if any).
 */
export function ImportMenu({ onImported }: { onImported: (boardId: string | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const menu = useMenu(KINDS.length);
  const [dialog, setDialog] = useState<Kind | null>(null);
  const [capabilities, setCapabilities] = useState<IntakeCapabilities | null>(null);

  const choose = async (kind: Kind) => {
    menu.close();
    if (!capabilities) {
      try {
        setCapabilities(await api['intake.capabilities']({}));
      } catch (err) {
        announce(describeError(err, t), 'error');
        return;
      }
    }
    setDialog(kind);
  };

  const finish = (message: string, boardId: string | null) => {
    setDialog(null);
    menu.buttonRef.current?.focus();
    announce(message);
    onImported(boardId);
  };
  /** After a list, the board of the meeting it went to (or the control board) shows it. */
  const finishList = async (message: string, meetingId: string | null) => {
    let boardId: string | null = null;
    try {
      const boards = await api['boards.list']({});
      boardId = boards.find((b) => (meetingId ? b.meetingId === meetingId : b.builtin === 'control'))?.id ?? null;
    } catch {
      // The import is done; staying on the current board is fine.
    }
    finish(message, boardId);
  };
  const cancel = () => {
    setDialog(null);
    menu.buttonRef.current?.focus();
  };

  return (
    <div className="import-menu">
      <button
        ref={menu.buttonRef}
        type="button"
        className="import-button"
        aria-haspopup="menu"
        aria-expanded={menu.open}
        aria-controls={menu.open ? menu.menuId : undefined}
        onClick={menu.toggle}
      >
        {t('intake.menu.button')}
      </button>
      {menu.open && (
        <div id={menu.menuId} role="menu" aria-label={t('intake.menu.label')} className="menu" onKeyDown={menu.onMenuKey}>
          {KINDS.map((kind, i) => (
            <button key={kind} ref={menu.itemRef(i)} type="button" role="menuitem" tabIndex={i === menu.active ? 0 : -1} onClick={() => void choose(kind)}>
              {t(`intake.menu.${kind}`)}
            </button>
          ))}
        </div>
      )}
      <Suspense fallback={null}>
        {dialog === 'readout' && <ReadoutDialog onClose={cancel} onDone={(boardId, message) => finish(message, boardId)} />}
        {dialog === 'list' && capabilities && <ListDialog capabilities={capabilities} onClose={cancel} onDone={(message, meetingId) => void finishList(message, meetingId)} />}
        {dialog === 'exchange' && capabilities && <ExchangeDialog capabilities={capabilities} onClose={cancel} onDone={(message) => finish(message, null)} />}
      </Suspense>
    </div>
  );
}
