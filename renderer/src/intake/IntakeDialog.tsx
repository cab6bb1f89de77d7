import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal dialog of the import features: focus stays inside, Escape closes it. */
export function IntakeDialog({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog intake-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/** An error shown inside the dialog (the page's notices are behind the modal). */
export function DialogError({ message }: { message: string | null }) {
  return (
    <p className="intake-error" role="alert" hidden={message === null}>
      {message}
    </p>
  );
}
