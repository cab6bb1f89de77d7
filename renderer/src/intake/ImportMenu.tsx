import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeCapabilities } from '../../../db/intake-model';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { ExchangeDialog } from './ExchangeDialog';
import { ListDialog } from './ListDialog';
import { ReadoutDialog } from './ReadoutDialog';
import './intake.css';

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
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [dialog, setDialog] = useState<Kind | null>(null);
  const [capabilities, setCapabilities] = useState<IntakeCapabilities | null>(null);

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      const menu = document.getElementById(menuId);
      if (menu && !menu.contains(event.target as Node) && event.target !== buttonRef.current) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open, menuId]);

  const choose = async (kind: Kind) => {
    setOpen(false);
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
    buttonRef.current?.focus();
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
    buttonRef.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const last = KINDS.length - 1;
    if (event.key === 'ArrowDown') setActive((i) => (i >= last ? 0 : i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => (i <= 0 ? last : i - 1));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(last);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      buttonRef.current?.focus();
    } else return;
    event.preventDefault();
  };

  return (
    <div className="import-menu">
      <button
        ref={buttonRef}
        type="button"
        className="import-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
      >
        {t('intake.menu.button')}
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label={t('intake.menu.label')} className="menu" onKeyDown={onMenuKey}>
          {KINDS.map((kind, i) => (
            <button
              key={kind}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              onClick={() => void choose(kind)}
            >
              {t(`intake.menu.${kind}`)}
            </button>
          ))}
        </div>
      )}
      {dialog === 'readout' && <ReadoutDialog onClose={cancel} onDone={(boardId, message) => finish(message, boardId)} />}
      {dialog === 'list' && capabilities && <ListDialog capabilities={capabilities} onClose={cancel} onDone={(message, meetingId) => void finishList(message, meetingId)} />}
      {dialog === 'exchange' && capabilities && <ExchangeDialog capabilities={capabilities} onClose={cancel} onDone={(message) => finish(message, null)} />}
    </div>
  );
}
