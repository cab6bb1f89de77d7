import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNote, checkText, noteRef } from './FieldNote';
import './dialog.css';

export interface PromptRequest {
  title: string;
  text: string;
  label: string;
  confirm: string;
  /** Why the confirm button waits while the text is empty; a general reason when not given. */
  why?: string;
  /** The most characters the store takes for this text. */
  limit?: number;
}

/** The store's limit of a report's text (the contract's longText). */
const REPORT_LIMIT = 200_000;

/** A modal asking for one required text (a final report, a reason). */
export function PromptDialog({ request, onDone }: { request: PromptRequest; onDone: (value: string | null) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState('');
  const fieldId = useId();
  const titleId = useId();
  const textId = useId();
  const noteId = useId();
  const check = checkText(value, { required: request.why ?? t('forms.textRequired'), limit: request.limit ?? REPORT_LIMIT }, t);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(e) => {
        e.preventDefault();
        onDone(null);
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!check.blocks) onDone(value.trim());
        }}
      >
        <h2 id={titleId}>{request.title}</h2>
        <p id={textId}>{request.text}</p>
        <label htmlFor={fieldId}>{request.label}</label>
        <textarea
          id={fieldId}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          rows={5}
          required
          data-autofocus
          aria-invalid={check.alert || undefined}
          aria-describedby={noteRef(noteId, check)}
        />
        <FieldNote id={noteId} check={check} />
        <div className="dialog-actions">
          <button type="button" onClick={() => onDone(null)}>
            {t('move.cancel')}
          </button>
          <button type="submit" className="primary" disabled={check.blocks} aria-describedby={noteRef(noteId, check)}>
            {request.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
