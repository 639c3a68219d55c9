import { useTranslation } from 'react-i18next';
import { ACCOUNT_NS } from '../i18n';
import { signIn, type SignedOutReason } from '@/state/session';

export function SignedOutCard({ reason }: { reason: SignedOutReason }) {
  const { t } = useTranslation(ACCOUNT_NS);
  return (
    <div className="state-box" role="status">
      <p className="state-title">{t('session.signedOutTitle')}</p>
      <p>{t(`session.${reason}`)}</p>
      <button type="button" className="button button--primary" onClick={() => void signIn()}>
        {t('session.signInAgain')}
      </button>
    </div>
  );
}
