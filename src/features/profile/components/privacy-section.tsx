import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useConfirmation } from '@/components/use-confirmation';
import { notify } from '@/lib/notify';
import { answerConsent } from '../api/answer-consent';
import { ACCOUNT_NS } from '../i18n';
import type { ConsentPurpose, ConsentStatus } from '../types';
import { formatDate } from './format-date';

interface PrivacySectionProps {
  consents: ConsentStatus[];
  /** After a withdrawal: the data for that purpose is gone, so what is shown must be read again. */
  onChanged: () => void;
}

/** Each consent with the day it was given (or withdrawn), and a way to withdraw it after a confirmation. */
export function PrivacySection({ consents, onChanged }: PrivacySectionProps) {
  const { t, i18n } = useTranslation(ACCOUNT_NS);
  const confirmation = useConfirmation<ConsentPurpose>();
  const withdrawing = confirmation.target;

  const withdraw = (purpose: ConsentPurpose) =>
    confirmation.run(
      () => answerConsent(purpose, false),
      () => {
        notify({ text: t('privacy.withdrawn'), type: 'success' });
        onChanged();
      },
    );

  const statusOf = (consent: ConsentStatus) => {
    if (consent.granted && consent.grantedAt) {
      return t('privacy.grantedOn', { date: formatDate(consent.grantedAt, i18n.resolvedLanguage) });
    }
    if (consent.withdrawnAt) {
      return t('privacy.withdrawnOn', { date: formatDate(consent.withdrawnAt, i18n.resolvedLanguage) });
    }
    return t('privacy.notGranted');
  };

  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacy.heading')}</h2>
      <p className="muted">{t('privacy.intro')}</p>
      <ul className="consent-list" aria-labelledby="privacy-heading">
        {consents.map((consent) => (
          <li key={consent.purpose} className="consent-item">
            <span className="card-body">
              <span className="card-title">{t(`purpose.${consent.purpose}`)}</span>
              <span className="card-meta">{statusOf(consent)}</span>
            </span>
            {consent.granted && (
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('privacy.withdrawLabel', { purpose: t(`purpose.${consent.purpose}`) })}
                onClick={() => confirmation.ask(consent.purpose)}
              >
                {t('privacy.withdraw')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {withdrawing && (
        <ConfirmDialog
          title={t('privacy.withdrawTitle', { purpose: t(`purpose.${withdrawing}`) })}
          confirmLabel={t('privacy.withdrawConfirm')}
          cancelLabel={t('privacy.keep')}
          busy={confirmation.busy}
          error={confirmation.error}
          onConfirm={() => void withdraw(withdrawing)}
          onCancel={confirmation.cancel}
        >
          <p>{t(`withdrawEffect.${withdrawing}`)}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
