import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { toApiError } from '@/lib/api-client';
import { notify } from '@/lib/notify';
import { withdrawApplication } from '../api/withdraw-application';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';

/** "Rút hồ sơ": only after a confirmation that says what it means; the reason is optional. */
export function WithdrawApplication({ applicationId, onWithdrawn }: { applicationId: string; onWithdrawn: () => void }) {
  const { t } = useApplicationsDictionary();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await withdrawApplication(applicationId, reason.trim() || undefined);
      setOpen(false);
      notify({ type: 'success', text: t('applications.detail.withdraw.done') });
      onWithdrawn();
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="withdraw">
      <button type="button" className="button button--secondary button--danger" onClick={() => setOpen(true)}>
        {t('applications.detail.withdraw.button')}
      </button>
      {open && (
        <ConfirmDialog
          title={t('applications.detail.withdraw.title')}
          confirmLabel={t('applications.detail.withdraw.confirm')}
          cancelLabel={t('applications.detail.withdraw.cancel')}
          busy={busy}
          error={error}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setOpen(false);
            setError(null);
          }}
        >
          <p>{t('applications.detail.withdraw.body')}</p>
          <label className="field-label" htmlFor={reasonId}>
            {t('applications.detail.withdraw.reason')}
          </label>
          <textarea
            id={reasonId}
            className="field-control"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </ConfirmDialog>
      )}
    </div>
  );
}
