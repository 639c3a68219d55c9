import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PhoneIcon } from '@/components/phone-icon';
import { ACCOUNT_NS } from '../i18n';
import type { Me } from '../types';

export function PhoneSection({ phone }: { phone: Me['phone'] }) {
  const { t } = useTranslation(ACCOUNT_NS);
  return (
    <section aria-labelledby="phone-heading">
      <h2 id="phone-heading">{t('phone.heading')}</h2>
      {phone ? (
        <div className="phone-card">
          <PhoneIcon />
          <span className="card-body">
            {/* Bullets mean nothing read aloud: screen readers get the sentence instead. */}
            <span className="phone-number" aria-hidden="true">
              {phone.masked}
            </span>
            <span className="visually-hidden">{t('phone.endsWith', { digits: phone.masked.replace(/\D/g, '') })}</span>
            <span className="card-meta">{t('phone.verified')}</span>
          </span>
        </div>
      ) : (
        <div className="state-box">
          <p>{t('phone.none')}</p>
          <Link to="/profile/consent/phone" className="button button--secondary">
            {t('phone.share')}
          </Link>
        </div>
      )}
    </section>
  );
}
