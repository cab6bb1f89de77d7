import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMenu } from '../common/useMenu';

export type MoveOption =
  | { kind: 'column'; key: string | null; label: string }
  | { kind: 'lane'; key: string | null; label: string }
  | { kind: 'up' | 'down'; label: string };

/** "Move to…": the menu equivalent of every drag. */
function MoveMenuImpl({ title, options, onChoose }: { title: string; options: MoveOption[]; onChoose: (option: MoveOption) => void }) {
  const { t } = useTranslation();
  const menu = useMenu(options.length);

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
      {menu.open && (
        <div id={menu.menuId} role="menu" aria-label={t('card.moveMenuLabel', { title })} className="menu" onKeyDown={menu.onMenuKey}>
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
        </div>
      )}
    </div>
  );
}

/** Memoised: a board renders one per visible card. */
export const MoveMenu = memo(MoveMenuImpl);
