// The question a deadline in the past asks before it is set (the store refuses it without the
// official's explicit yes): used by the new-instruction form and the deadline change.
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/Dialog';
import { formatDate } from '../common/format';

export function ConfirmPastDeadline({ date, onCancel, onConfirm }: { date: string; onCancel: () => void; onConfirm: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Dialog title={t('deadline.pastTitle')} onClose={onCancel}>
      <p>{t('deadline.pastText', { date: formatDate(date, i18n.language) })}</p>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {t('deadline.setAnyway')}
        </button>
      </div>
    </Dialog>
  );
}
