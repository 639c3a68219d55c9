import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import './confirm-dialog.css';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** While the action runs: buttons disabled, the dialog stays. */
  busy?: boolean;
  /** Shown under the text when the action failed. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation for an action that deletes something. The native <dialog> opened with showModal() keeps
 * focus inside, makes the page behind inert, closes with the back/Escape key and gives focus back on close.
 * Render it only while it is open.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, busy, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  // Layout effects: close() must run before React removes the element, so the browser returns focus.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="confirm-dialog-title">
        {title}
      </h2>
      <div id={bodyId} className="confirm-dialog-body">
        {children}
      </div>
      {error && (
        <p role="alert" className="confirm-dialog-error">
          {error}
        </p>
      )}
      <div className="confirm-dialog-actions">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy} autoFocus>
          {cancelLabel}
        </button>
        <button type="button" className="button confirm-dialog-danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
