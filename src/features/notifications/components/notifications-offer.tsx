import './notifications.css';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { toApiError } from '@/lib/api-client';
import { readSetting, writeSetting } from '@/lib/storage';
import { ZaloError } from '@/lib/zalo';
import { getNotificationSettings } from '../api/get-notification-settings';
import { NOTIFICATIONS_NS } from '../i18n';
import { useNotificationSettingsVersion } from '../state/settings-changes';
import {
  NOTIFICATIONS_CONSENT_PATH,
  turnOnChannels,
  type NotificationsConsentRequest,
} from '../state/turn-on-channels';
import type { ChannelChoice, NotificationSettings } from '../types';

/** Set once the citizen has answered the offer (yes, no or later): it is made once, never again on this phone. */
const OFFER_ANSWERED_SETTING = 'notifications-offer-answered';

type Outcome = { kind: 'done' | 'refused' | 'declined' } | { kind: 'failed'; message: string } | null;

/**
 * "Nhận thông báo về hồ sơ qua Zalo", on the receipt right after submitting: consent (the consent screen, the first
 * time), Zalo's own prompt, then the mini app channel on, and the phone channel too when the citizen has a verified
 * phone. Shown only to a signed-in citizen who has not turned Zalo notifications on and has not answered before.
 */
export function NotificationsOffer() {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const navigate = useNavigate();
  const changes = useNotificationSettingsVersion();
  const [answered, setAnswered] = useState<boolean | null>(null);
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    let current = true;
    void readSetting(OFFER_ANSWERED_SETTING).then((value) => current && setAnswered(value !== null));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    // Signed out, or a proxy without the endpoint: no offer, nothing to say.
    getNotificationSettings(controller.signal).then(setSettings, () => undefined);
    return () => controller.abort();
  }, [changes]);

  const answer = () => {
    setAnswered(true);
    void writeSetting(OFFER_ANSWERED_SETTING, new Date().toISOString());
  };

  if (outcome === null && (answered !== false || !settings || settings.miniApp.enabled)) return null;

  const accept = async (current: NotificationSettings) => {
    const choice: ChannelChoice = { miniApp: true, ...(current.phone.available ? { phone: true } : {}) };
    if (!current.consentGranted) {
      answer();
      const state: NotificationsConsentRequest = { enable: choice };
      navigate(NOTIFICATIONS_CONSENT_PATH, { state });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      await turnOnChannels(choice);
      answer();
      setOutcome({ kind: 'done' });
    } catch (error) {
      if (error instanceof ZaloError && error.refused) {
        answer();
        setOutcome({ kind: 'refused' });
      } else {
        const message = error instanceof ZaloError ? t('settings.zaloUnavailable') : toApiError(error).message;
        setOutcome({ kind: 'failed', message });
      }
    } finally {
      setBusy(false);
    }
  };

  const decline = () => {
    answer();
    setOutcome({ kind: 'declined' });
  };

  const settled = outcome !== null && outcome.kind !== 'failed';
  return (
    <section className="state-box notifications-offer" aria-labelledby="notifications-offer-title">
      <h2 id="notifications-offer-title" className="state-title">
        {t('offer.title')}
      </h2>
      {!settled && settings && (
        <>
          <p>{t('offer.body')}</p>
          {settings.phone.available && <p>{t('offer.phoneToo')}</p>}
        </>
      )}
      <div aria-live="polite">
        {outcome && outcome.kind !== 'failed' && <p className="notice notice--calm">{t(`offer.${outcome.kind}`)}</p>}
      </div>
      {outcome?.kind === 'failed' && (
        <p role="alert" className="notice notice--error">
          {outcome.message}
        </p>
      )}
      {!settled && settings && (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void accept(settings)}
            disabled={busy}
          >
            {t('offer.accept')}
          </button>
          <button type="button" className="button button--secondary" onClick={decline} disabled={busy}>
            {t('offer.later')}
          </button>
        </div>
      )}
    </section>
  );
}
