import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useConfirmation } from '@/components/use-confirmation';
import { deleteMyData } from '../api/delete-my-data';
import { ACCOUNT_NS } from '../i18n';
import { endSession } from '@/state/session';

/** "Xóa toàn bộ dữ liệu của tôi": names what goes, asks once, deletes, and signs the citizen out. */
export function DeleteMyData() {
  const { t } = useTranslation(ACCOUNT_NS);
  const confirmation = useConfirmation();

  const confirm = () => confirmation.run(deleteMyData, () => endSession('deleted'));

  return (
    <>
      <button type="button" className="button button--danger-outline delete-all" onClick={() => confirmation.ask(true)}>
        {t('deleteAll.button')}
      </button>
      {confirmation.target && (
        <ConfirmDialog
          title={t('deleteAll.title')}
          confirmLabel={t('deleteAll.confirm')}
          cancelLabel={t('deleteAll.cancel')}
          busy={confirmation.busy}
          error={confirmation.error}
          onConfirm={() => void confirm()}
          onCancel={confirmation.cancel}
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
