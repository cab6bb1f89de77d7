import { useTranslation } from 'react-i18next';
import type { HistoryEntry, InstructionDetail } from '../../../db/model';
import { useReferenceData, type ReferenceData } from '../app/data';
import { formatDate, formatDateTime } from '../common/format';
import type { TFunction } from 'i18next';
import { groupHistory } from './history-groups';

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
    case 'dueDateUndone':
    case 'extensionWithdrawn':
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

function Change({ entry, referenceData, t, language }: { entry: HistoryEntry; referenceData: ReferenceData; t: TFunction; language: string }) {
  return (
    <>
      <p className="timeline-change">
        <strong>{t(`history.field.${entry.field.replace(/\./g, '_')}`, { defaultValue: entry.field })}</strong>
        {entry.field === 'created' || entry.field.startsWith('report.') ? (
          <>: {entry.newValue}</>
        ) : (
          <>
            : {readable(entry, entry.oldValue, referenceData, t, language)} → {readable(entry, entry.newValue, referenceData, t, language)}
          </>
        )}
      </p>
      {entry.note && <p className="timeline-note">{t('history.because', { note: entry.note })}</p>}
    </>
  );
}

/** The instruction's history, newest action first: one entry per action, with every field it changed. */
export function HistorySection({ detail }: { detail: InstructionDetail }) {
  const { t, i18n } = useTranslation();
  const referenceData = useReferenceData();
  const actions = groupHistory(detail.history).reverse();
  return (
    <ol className="timeline" data-testid="history" reversed>
      {actions.map((action) => {
        // A reason given once for the action (a reopening) is shown once.
        const notes = new Set<string>();
        return (
          <li key={action.key}>
            <p className="timeline-meta">
              <time dateTime={action.at}>{formatDateTime(action.at, i18n.language)}</time> · {action.actor}
            </p>
            {action.entries.map((entry) => {
              const note = entry.note && !notes.has(entry.note) ? entry.note : null;
              if (entry.note) notes.add(entry.note);
              return <Change key={entry.uid} entry={{ ...entry, note }} referenceData={referenceData} t={t} language={i18n.language} />;
            })}
          </li>
        );
      })}
    </ol>
  );
}
