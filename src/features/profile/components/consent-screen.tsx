import './profile.css';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { toApiError } from '@/lib/api-client';
import { notify } from '@/lib/notify';
import { ZaloError } from '@/lib/zalo';
import { ACCOUNT_NS } from '../i18n';
import { grantNotificationsConsent, grantPhoneConsent, grantProfileConsent } from '../state/consent-flows';
import { useMyDataChanged } from '../state/use-my-data';

export type AskedPurpose = 'profile' | 'phone' | 'notifications';

type Outcome = { kind: 'refused' } | { kind: 'failed'; message: string } | null;

const GRANT: Record<AskedPurpose, () => Promise<unknown>> = {
  profile: grantProfileConsent,
  phone: grantPhoneConsent,
  notifications: grantNotificationsConsent,
};

interface ConsentScreenProps {
  purpose: AskedPurpose;
  /**
   * The whole grant, when this visit asks for more than the consent (turning notification channels on); it records
   * the consent itself. The purpose's own grant otherwise.
   */
  grant?: () => Promise<unknown>;
}

/**
 * The explanation before Zalo's own prompt: why we ask, what is kept, that it can be withdrawn. Nothing is asked of
 * Zalo, and nothing recorded, until the citizen taps the agree button.
 */
export function ConsentScreen({ purpose, grant }: ConsentScreenProps) {
  const { t } = useTranslation(ACCOUNT_NS);
  const navigate = useNavigate();
  const location = useLocation();
  const myDataChanged = useMyDataChanged();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const key = `consent.${purpose}`;

  const backToProfile = () => (location.key === 'default' ? navigate('/profile', { replace: true }) : navigate(-1));

  const agree = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      await (grant ?? GRANT[purpose])();
      myDataChanged();
      notify({ text: t(`${key}.done`), type: 'success' });
      backToProfile();
    } catch (error) {
      if (error instanceof ZaloError) {
        setOutcome(error.refused ? { kind: 'refused' } : { kind: 'failed', message: t('consent.zaloUnavailable') });
      } else {
        setOutcome({ kind: 'failed', message: toApiError(error).message });
      }
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="page-title">{t(`${key}.title`)}</h1>
      <section aria-labelledby="consent-why" className="consent-part">
        <h2 id="consent-why">{t('consent.why')}</h2>
        {purpose === 'phone' ? (
          <>
            <p>{t('consent.phone.why')}</p>
            <ul className="plain-list">
              <li>{t('consent.phone.usePrefill')}</li>
              <li>{t('consent.phone.useNotify')}</li>
              <li>{t('consent.phone.useContact')}</li>
            </ul>
            <p>{t('consent.phone.notAds')}</p>
          </>
        ) : (
          <p>{t(`${key}.why`)}</p>
        )}
      </section>
      <section aria-labelledby="consent-kept" className="consent-part">
        <h2 id="consent-kept">{t('consent.kept')}</h2>
        <p>{t(`${key}.kept`)}</p>
      </section>
      <section aria-labelledby="consent-choice" className="consent-part">
        <h2 id="consent-choice">{t('consent.yourChoice')}</h2>
        <p>{t(`${key}.withdraw`)}</p>
      </section>
      <p className="muted">{t(`${key}.zaloNext`)}</p>
      {outcome?.kind === 'refused' && (
        <p role="status" className="calm-note">
          {t(`${key}.refused`)}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p role="alert" className="form-error">
          {outcome.message}
        </p>
      )}
      <div className="button-stack">
        <button type="button" className="button button--primary" onClick={() => void agree()} disabled={busy}>
          {t(`${key}.agree`)}
        </button>
        <button type="button" className="button button--secondary" onClick={backToProfile} disabled={busy}>
          {t('consent.later')}
        </button>
      </div>
    </>
  );
}
