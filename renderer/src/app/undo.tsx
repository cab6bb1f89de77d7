// Ctrl+Z: the last moves and edits, undone newest first through the same rules as any change.
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { useReferenceData } from './data';

export interface UndoEntry {
  /** What was done, as the official would say it ("No. 3 moved to In progress"). */
  label: string;
  undo: () => Promise<unknown>;
  /** The instruction the change was made to: after the undo, keyboard focus returns to its card. */
  cardId?: string;
}

interface UndoApi {
  push(entry: UndoEntry): void;
  undoLast(): Promise<void>;
  /** The board listens: it is told which card an undo changed, once the undo is stored. Returns the unsubscribe. */
  onUndone(listener: (cardId: string) => void): () => void;
}

const UndoContext = createContext<UndoApi>({ push: () => undefined, undoLast: async () => undefined, onUndone: () => () => undefined });

export function useUndo(): UndoApi {
  return useContext(UndoContext);
}

const LIMIT = 50;

export function UndoProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { changed } = useReferenceData();
  const stack = useRef<UndoEntry[]>([]);
  const busy = useRef(false);
  const listeners = useRef(new Set<(cardId: string) => void>());

  const onUndone = useCallback((listener: (cardId: string) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const push = useCallback((entry: UndoEntry) => {
    stack.current = [...stack.current.slice(-(LIMIT - 1)), entry];
  }, []);

  const undoLast = useCallback(async () => {
    if (busy.current) return;
    const entry = stack.current.pop();
    if (!entry) {
      announce(t('undo.nothing'));
      return;
    }
    busy.current = true;
    let undone = false;
    try {
      await entry.undo();
      undone = true;
      announce(t('undo.done', { what: entry.label }));
    } catch (err) {
      announce(t('undo.failed', { what: entry.label, reason: describeError(err, t) }), 'error');
    } finally {
      busy.current = false;
      await changed();
    }
    const { cardId } = entry;
    if (undone && cardId) for (const listener of listeners.current) listener(cardId);
  }, [announce, changed, t]);

  const value = useMemo(() => ({ push, undoLast, onUndone }), [push, undoLast, onUndone]);
  return <UndoContext.Provider value={value}>{children}</UndoContext.Provider>;
}
