// The Due panel (issue 11): overdue, due today, later this week and next week, each per lead
// organization; a row opens the card; an overdue row says how late in working and calendar days;
// each organization has its reminder letter one click away.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueItem, DueView } from '../../../db/model';
import { useApi } from '../app/context';
import { useReferenceData } from '../app/data';
import { describeError } from '../common/errors';
import { formatDate } from '../common/format';
import { LetterDialog } from './LetterDialog';
import './due.css';

export function DueScreen({ onOpen }: { onOpen: (instructionId: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const referenceData = useReferenceData();
  const id = useId();
  const [view, setView] = useState<DueView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [letter, setLetter] = useState<{ id: string; name: string } | null>(null);

  useEffect(() => {
    let live = true;
    void api['reminders.due']({}).then(
      (v) => live && setView(v),
      (err: unknown) => live && setError(describeError(err, t)),
    );
    return () => {
      live = false;
    };
  }, [api, t, referenceData.revision]);

  const language = i18n.language;
  const row = (item: DueItem) => {
    const number = item.controlNumber ? `${t('card.number', { number: item.controlNumber })} · ` : '';
    const parts = [t('reminders.due.deadline', { date: formatDate(item.dueDate, language) })];
    if (item.periodKey) parts.unshift(t('reminders.due.period', { label: item.periodKey }));
    if (item.group === 'overdue') parts.push(t('reminders.due.overdueDays', { working: item.overdueWorkingDays, calendar: item.overdueCalendarDays }));
    if (item.snoozedUntil) parts.push(t('reminders.due.snoozed', { date: formatDate(item.snoozedUntil, language) }));
    return (
      <li key={`${item.instructionId}:${item.periodKey ?? ''}`}>
        <button type="button" className="due-row" onClick={() => onOpen(item.instructionId)}>
          <span className="due-title">
            {number}
            {item.title}
          </span>
          <span className={item.group === 'overdue' ? 'due-when due-late' : 'due-when'}>{parts.join(' · ')}</span>
        </button>
      </li>
    );
  };

  return (
    <section className="screen due-screen" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reminders.due.title')}</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!view && !error && <p>{t('reminders.due.loading')}</p>}
      {view && <p className="settings-note">{t('reminders.due.intro', { date: formatDate(view.today, language) })}</p>}
      {view?.groups.map((group) => (
        <section key={group.group} className={`due-group due-${group.group}`} aria-labelledby={`${id}-${group.group}`} data-testid={`due-${group.group}`}>
          <h3 id={`${id}-${group.group}`}>{t('reminders.due.groupCount', { group: t(`reminders.due.groups.${group.group}`), count: group.count })}</h3>
          {group.organizations.length === 0 && <p className="muted">{t('reminders.due.empty')}</p>}
          {group.organizations.map((org) => {
            const name = org.organizationName || t('reminders.due.noLead');
            return (
              <section key={org.organizationId ?? ''} className="due-org" aria-label={`${t(`reminders.due.groups.${group.group}`)} — ${name}`}>
                <div className="due-org-head">
                  <h4>{name}</h4>
                  {org.organizationId && (
                    <button
                      type="button"
                      aria-haspopup="dialog"
                      aria-label={t('reminders.due.letterLabel', { name })}
                      onClick={() => setLetter({ id: org.organizationId as string, name })}
                    >
                      {t('reminders.due.letter')}
                    </button>
                  )}
                </div>
                <ul className="due-list">{org.items.map(row)}</ul>
              </section>
            );
          })}
        </section>
      ))}
      {letter && <LetterDialog organizationId={letter.id} organizationName={letter.name} onClose={() => setLetter(null)} />}
    </section>
  );
}
