import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A menu button's state and keyboard: arrow keys, Home and End move between the items, Escape
 * and Tab close the menu and return to the button, a click outside closes it.
 */
export function useMenu(count: number) {
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

  const onMenuKey = (event: KeyboardEvent) => {
    const last = count - 1;
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

  return {
    open,
    active,
    menuId,
    buttonRef,
    onMenuKey,
    toggle: () => {
      setActive(0);
      setOpen((o) => !o);
    },
    close: () => setOpen(false),
    itemRef: (index: number) => (el: HTMLButtonElement | null) => {
      itemRefs.current[index] = el;
    },
  };
}
