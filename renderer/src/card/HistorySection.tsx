import { useTranslation } from 'react-i18next';
import type { HistoryEntry, InstructionDetail } from '../../../db/model';
import { useReferenceData, type ReferenceData } from '../app/data';
import { formatDate, formatDateTime } from '../common/format';
import type { TFunction } from 'i18next';

/** A stored value as the official reads it: names for ids, words for statuses and flags. */
function readable(entry: HistoryEntry, value: string | null, referenceData: ReferenceData, t: TFunction, language: string): string {
  if (value === null || value === '') return '—';
  switch (entry.field) {
    case 'status':
      return t(`status.${value}`);
    case 'priority':
      return t(`priority.${value}`);
    case 'leadOrgId':
    case 'organizationId':
      return referenceData.orgName(value) || value;
    case 'leadPersonId':
    case 'controllerId':
    case 'personId':
      return referenceData.personName(value) || value;
    case 'meetingId':
      return referenceData.meetingTitle(value) || value;
    case 'dueDate':
      return formatDate(value, language);
    case 'onControl':
    case 'archived':
      return value === 'true' ? t('common.yes') : t('common.no');
    case 'resolvedAt':
      return formatDateTime(value, language);
    case 'topic': {
      const tag = referenceData.tags.find((x) => x.code === value);
      return tag ? tag.name : value;
    }
    case 'coexecutor': {
      try {
        const co = JSON.parse(value) as { organizationId: string | null; personId: string | null; dueDate: string | null };
        const who = referenceData.orgName(co.organizationId) || referenceData.personName(co.personId);
        return co.dueDate ? `${who} (${formatDate(co.dueDate, language)})` : who;
      } catch {
        return value;
      }
    }
    default:
      return value;
  }
}

export function HistorySection({ detail }: { detail: InstructionDetail }) {
  const { t, i18n } = useTranslation();
  const referenceData = useReferenceData();
  return (
    <ol className="timeline" data-testid="history" reversed>
      {[...detail.history].reverse().map((entry) => (
        <li key={entry.uid}>
          <p className="timeline-meta">
            <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time> · {entry.actor}
          </p>
          <p className="timeline-change">
            <strong>{t(`history.field.${entry.field.replace(/\./g, '_')}`, { defaultValue: entry.field })}</strong>
            {entry.field === 'created' ? (
              <>: {entry.newValue}</>
            ) : entry.field.startsWith('report.') ? (
              <>: {entry.newValue}</>
            ) : (
              <>
                : {readable(entry, entry.oldValue, referenceData, t, i18n.language)} → {readable(entry, entry.newValue, referenceData, t, i18n.language)}
              </>
            )}
          </p>
          {entry.note && <p className="timeline-note">{t('history.because', { note: entry.note })}</p>}
        </li>
      ))}
    </ol>
  );
}
