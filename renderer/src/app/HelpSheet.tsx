import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/Dialog';

export const SHORTCUTS = [
  { keys: 'N', action: 'newInstruction' },
  { keys: '/', action: 'search' },
  { keys: 'Enter', action: 'open' },
  { keys: '↑ ↓', action: 'step' },
  { keys: 'Home / End', action: 'ends' },
  { keys: 'M', action: 'moveMenu' },
  { keys: 'Shift + ← →', action: 'moveColumn' },
  { keys: 'Shift + ↑ ↓', action: 'reorder' },
  { keys: 'Space', action: 'drag' },
  { keys: 'Ctrl + Z', action: 'undo' },
  { keys: 'Esc', action: 'close' },
  { keys: '?', action: 'help' },
] as const;

export function HelpSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')} onClose={onClose} testId="help-sheet">
      <table className="table shortcuts">
        <caption className="visually-hidden">{t('help.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('help.keys')}</th>
            <th scope="col">{t('help.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{t(`help.actions.${s.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
