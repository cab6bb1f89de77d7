import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type MoveOption =
  | { kind: 'column'; key: string | null; label: string }
  | { kind: 'lane'; key: string | null; label: string }
  | { kind: 'up' | 'down'; label: string };

/** "Move to…": the menu equivalent of every drag. */
function MoveMenuImpl({ title, options, onChoose }: { title: string; options: MoveOption[]; onChoose: (option: MoveOption) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

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

  const choose = (option: MoveOption) => {
    setOpen(false);
    onChoose(option);
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const last = options.length - 1;
    if (event.key === 'ArrowDown') setActive((i) => (i >= last ? 0 : i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => (i <= 0 ? last : i - 1));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(last);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      buttonRef.current?.focus();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="move-menu" onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <button
        ref={buttonRef}
        type="button"
        className="move-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('card.moveMenuLabel', { title })}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
      >
        {t('card.moveTo')}
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label={t('card.moveMenuLabel', { title })} className="menu" onKeyDown={onMenuKey}>
          {options.map((option, i) => (
            <button
              key={option.kind === 'column' || option.kind === 'lane' ? `${option.kind}:${option.key ?? ''}` : option.kind}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              onClick={() => choose(option)}
            >
              {option.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** Memoised: a board renders one per visible card. */
export const MoveMenu = memo(MoveMenuImpl);
