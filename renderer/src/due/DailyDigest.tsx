// The day's digest: when the day's first session opens, a banner above the screen says what is
// overdue, due today and due later this week, once per day per store (the store marks the day
// shown, so a reload or a second tab does not show it again). A banner, not a modal: the official
// reads it and goes on, or opens the Due panel from it. Nothing to report, nothing shown.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueDigest } from '../../../db/model';
import { useApi } from '../app/context';
import { formatDate } from '../common/format';
import './due.css';

/** One claim per page load: the store marks the day shown on the first call (a second call, as a
 * development build's double effects make, must not find the day taken by the first). */
let digestRequest: Promise<DueDigest> | null = null;

export function DailyDigest({ onOpenDue }: { onOpenDue: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [digest, setDigest] = useState<DueDigest | null>(null);

  useEffect(() => {
    let live = true;
    digestRequest ??= api['reminders.digest']({});
    void digestRequest.then(
      (d) => live && d.show && d.overdue + d.dueToday + d.thisWeek > 0 && setDigest(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (!digest) return null;
  const close = () => setDigest(null);
  return (
    <section className="digest-banner" aria-label={t('reminders.digest.title', { date: formatDate(digest.today, i18n.language) })} data-testid="digest">
      <strong>{t('reminders.digest.title', { date: formatDate(digest.today, i18n.language) })}</strong>
      <span className={digest.overdue > 0 ? 'due-late' : undefined}>{t('reminders.digest.overdue', { count: digest.overdue })}</span>
      <span>{t('reminders.digest.today', { count: digest.dueToday })}</span>
      <span>{t('reminders.digest.thisWeek', { count: digest.thisWeek })}</span>
      <button
        type="button"
        className="primary"
        onClick={() => {
          close();
          onOpenDue();
        }}
      >
        {t('reminders.digest.open')}
      </button>
      <button type="button" onClick={close}>
        {t('reminders.digest.close')}
      </button>
    </section>
  );
}
