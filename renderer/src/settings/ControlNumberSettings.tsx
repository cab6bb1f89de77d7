// The store's pattern for new control numbers: `{protocol}/{item}` gives 12/3 for item 3 of
// protocol 12. Numbers already given stay as they are; a refused pattern is said beside the field.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';

export function ControlNumberSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  const [saved, setSaved] = useState<string | null>(null);
  const [pattern, setPattern] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api['instructions.controlNumberPattern']({}).then(
      (value) => {
        setSaved(value);
        setPattern(value);
      },
      (err: unknown) => setError(describeError(err, t)),
    );
  }, [api, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    void api['instructions.setControlNumberPattern']({ pattern: pattern.trim() })
      .then(
        (value) => {
          setSaved(value);
          setPattern(value);
          announce(t('settings.controlNumbers.saved', { pattern: value }));
        },
        (err: unknown) => setError(describeError(err, t)),
      )
      .finally(() => setBusy(false));
  };

  const noteId = `${id}-note`;
  const errorId = `${id}-error`;
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('settings.controlNumbers.title')}</h3>
      <form className="control-number-form" onSubmit={submit}>
        <label htmlFor={`${id}-pattern`}>{t('settings.controlNumbers.pattern')}</label>
        <input
          id={`${id}-pattern`}
          value={pattern}
          maxLength={60}
          aria-invalid={error !== null || undefined}
          aria-describedby={error ? `${noteId} ${errorId}` : noteId}
          onChange={(e) => {
            setPattern(e.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="primary" disabled={busy || pattern.trim() === '' || pattern.trim() === saved} aria-describedby={noteId}>
          {t('common.save')}
        </button>
        <p id={noteId} className="settings-note">
          {t('settings.controlNumbers.note')}
        </p>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
