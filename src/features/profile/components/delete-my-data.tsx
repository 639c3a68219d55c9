import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { toApiError } from '@/lib/api-client';
import { deleteMyData } from '../api/delete-my-data';
import { ACCOUNT_NS } from '../i18n';
import { endSession } from '../state/session';

/** "Xóa toàn bộ dữ liệu của tôi": names what goes, asks once, deletes, and signs the citizen out. */
export function DeleteMyData() {
  const { t } = useTranslation(ACCOUNT_NS);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteMyData();
      setOpen(false);
      await endSession('deleted');
    } catch (failure) {
      setError(toApiError(failure).message);
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button button--danger-outline delete-all" onClick={() => setOpen(true)}>
        {t('deleteAll.button')}
      </button>
      {open && (
        <ConfirmDialog
          title={t('deleteAll.title')}
          confirmLabel={t('deleteAll.confirm')}
          cancelLabel={t('deleteAll.cancel')}
          busy={busy}
          error={error}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setOpen(false);
            setError(null);
          }}
        >
          <p>{t('deleteAll.intro')}</p>
          <ul>
            <li>{t('deleteAll.itemProfile')}</li>
            <li>{t('deleteAll.itemPhone')}</li>
            <li>{t('deleteAll.itemConsents')}</li>
            <li>{t('deleteAll.itemNotifications')}</li>
            <li>{t('deleteAll.itemAccount')}</li>
          </ul>
          <p>{t('deleteAll.irreversible')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
