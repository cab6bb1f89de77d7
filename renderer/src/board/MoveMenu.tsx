import { memo, useCallback, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useMenu } from '../common/useMenu';

export type MoveOption =
  | { kind: 'column'; key: string | null; label: string }
  | { kind: 'lane'; key: string | null; label: string }
  | { kind: 'up' | 'down'; label: string };

/** Space kept between the menu and the window's edges. */
const MARGIN = 8;

/**
 * Where the open menu goes: under the button, or above it when the window has no room below; its
 * right edge on the button's, moved in when that would cross the window's left edge. The menu is
 * drawn over the whole page (a portal with a fixed position), so neither the card below nor the
 * scrolling column clips it.
 */
export function placeMenu(button: DOMRect, menu: { width: number; height: number }, window: { width: number; height: number }): { top: number; left: number; maxHeight: number } {
  const below = window.height - button.bottom - MARGIN;
  const above = button.top - MARGIN;
  const fitsBelow = menu.height <= below || below >= above;
  const room = Math.max(fitsBelow ? below : above, 120);
  const height = Math.min(menu.height, room);
  const top = fitsBelow ? Math.min(button.bottom, window.height - MARGIN - height) : Math.max(MARGIN, button.top - height);
  const left = Math.min(Math.max(MARGIN, button.right - menu.width), Math.max(MARGIN, window.width - MARGIN - menu.width));
  return { top: Math.max(MARGIN, top), left, maxHeight: room };
}

/** "Move to…": the menu equivalent of every drag. */
function MoveMenuImpl({ title, options, onChoose }: { title: string; options: MoveOption[]; onChoose: (option: MoveOption) => void }) {
  const { t } = useTranslation();
  const menu = useMenu(options.length);
  const menuRef = useRef<HTMLDivElement | null>(null);
  // Placed before it is painted (a layout effect), so it never shows at its first position.
  const [style, setStyle] = useState<CSSProperties>({ top: 0, left: 0 });

  const place = useCallback(() => {
    const button = menu.buttonRef.current;
    const element = menuRef.current;
    if (!button || !element) return;
    const { top, left, maxHeight } = placeMenu(
      button.getBoundingClientRect(),
      { width: element.offsetWidth, height: element.scrollHeight },
      { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    );
    setStyle({ top, left, maxHeight });
  }, [menu.buttonRef]);

  useLayoutEffect(() => {
    if (!menu.open) return;
    place();
    // The column or the board scrolls under an open menu: the menu follows its button.
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [menu.open, place]);

  const choose = (option: MoveOption) => {
    menu.close();
    onChoose(option);
  };

  return (
    <div className="move-menu" onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <button
        ref={menu.buttonRef}
        type="button"
        className="move-button"
        aria-haspopup="menu"
        aria-expanded={menu.open}
        aria-controls={menu.open ? menu.menuId : undefined}
        aria-label={t('card.moveMenuLabel', { title })}
        onClick={menu.toggle}
      >
        {t('card.moveTo')}
      </button>
      {menu.open &&
        createPortal(
          <div
            ref={menuRef}
            id={menu.menuId}
            role="menu"
            aria-label={t('card.moveMenuLabel', { title })}
            className="menu move-menu-popup"
            style={style}
            onKeyDown={menu.onMenuKey}
            onPointerDown={(e) => e.stopPropagation()}
          >
            {options.map((option, i) => (
              <button
                key={option.kind === 'column' || option.kind === 'lane' ? `${option.kind}:${option.key ?? ''}` : option.kind}
                ref={menu.itemRef(i)}
                type="button"
                role="menuitem"
                tabIndex={i === menu.active ? 0 : -1}
                onClick={() => choose(option)}
              >
                {option.label}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </div>
  );
}

/** Memoised: a board renders one per visible card. */
export const MoveMenu = memo(MoveMenuImpl);
