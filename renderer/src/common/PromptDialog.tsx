import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './dialog.css';

export interface PromptRequest {
  title: string;
  text: string;
  label: string;
  confirm: string;
}

/** A modal asking for one required text (a final report, a reason). */
export function PromptDialog({ request, onDone }: { request: PromptRequest; onDone: (value: string | null) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState('');
  const fieldId = useId();
  const titleId = useId();
  const textId = useId();

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
          if (value.trim() !== '') onDone(value.trim());
        }}
      >
        <h2 id={titleId}>{request.title}</h2>
        <p id={textId}>{request.text}</p>
        <label htmlFor={fieldId}>{request.label}</label>
        <textarea id={fieldId} value={value} onChange={(e) => setValue(e.target.value)} rows={5} required data-autofocus />
        <div className="dialog-actions">
          <button type="button" onClick={() => onDone(null)}>
            {t('move.cancel')}
          </button>
          <button type="submit" className="primary" disabled={value.trim() === ''}>
            {request.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
