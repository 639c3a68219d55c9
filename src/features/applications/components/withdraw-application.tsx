import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useConfirmation } from '@/components/use-confirmation';
import { notify } from '@/lib/notify';
import { withdrawApplication } from '../api/withdraw-application';
import { useApplicationsDictionary } from '../i18n/use-applications-dictionary';

/** "Rút hồ sơ": only after a confirmation that says what it means; the reason is optional. */
export function WithdrawApplication({ applicationId, onWithdrawn }: { applicationId: string; onWithdrawn: () => void }) {
  const { t } = useApplicationsDictionary();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const confirmation = useConfirmation();

  const confirm = () =>
    confirmation.run(
      () => withdrawApplication(applicationId, reason.trim() || undefined),
      () => {
        notify({ type: 'success', text: t('applications.detail.withdraw.done') });
        onWithdrawn();
      },
    );

  return (
    <div className="withdraw">
      <button type="button" className="button button--secondary button--danger" onClick={() => confirmation.ask(true)}>
        {t('applications.detail.withdraw.button')}
      </button>
      {confirmation.target && (
        <ConfirmDialog
          title={t('applications.detail.withdraw.title')}
          confirmLabel={t('applications.detail.withdraw.confirm')}
          cancelLabel={t('applications.detail.withdraw.cancel')}
          busy={confirmation.busy}
          error={confirmation.error}
          onConfirm={() => void confirm()}
          onCancel={confirmation.cancel}
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
