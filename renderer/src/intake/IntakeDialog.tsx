import type { ReactNode } from 'react';
import { Dialog } from '../common/Dialog';

/** A modal dialog of the import features: the app's dialog, styled for the import forms. */
export function IntakeDialog({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId: string }) {
  return (
    <Dialog title={title} onClose={onClose} testId={testId} className="intake-dialog" closeButton={false}>
      {children}
    </Dialog>
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
