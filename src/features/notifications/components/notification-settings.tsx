import './notifications.css';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { ListSkeleton } from '@/components/skeletons';
import { toApiError } from '@/lib/api-client';
import { notify } from '@/lib/notify';
import { ZaloError } from '@/lib/zalo';
import { getNotificationSettings } from '../api/get-notification-settings';
import { updateNotificationSettings } from '../api/update-notification-settings';
import { NOTIFICATIONS_NS } from '../i18n';
import { useNotificationSettingsVersion } from '../state/settings-changes';
import {
  NOTIFICATIONS_CONSENT_PATH,
  turnOnChannels,
  type NotificationsConsentRequest,
} from '../state/turn-on-channels';
import type { NotificationSettings, ZaloChannel } from '../types';

type Loaded = { status: 'loading' } | { status: 'ready'; settings: NotificationSettings } | { status: 'error'; message: string };
type Note = { kind: 'refused' | 'failed'; text: string } | null;

interface ChannelSwitchProps {
  label: string;
  hint: string;
  checked: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
  children?: ReactNode;
}

/** One channel: its name and what it means, and a switch as large as the whole row. */
function ChannelSwitch({ label, hint, checked, disabled, onChange, children }: ChannelSwitchProps) {
  const id = useId();
  return (
    <li className="channel">
      <label className="channel-row">
        <span className="card-body">
          <span id={`${id}-label`} className="card-title">
            {label}
          </span>
          <span id={`${id}-hint`} className="card-meta">
            {hint}
          </span>
        </span>
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={checked}
          disabled={disabled}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(event.target.checked)}
        />
      </label>
      {children}
    </li>
  );
}

interface NotificationSettingsSectionProps {
  /** null when the citizen is signed out. */
  citizenId: string | null;
  /** Moves when what the proxy holds about the citizen changed elsewhere (a consent withdrawn, a phone shared). */
  reloadKey: number;
}

/**
 * Cá nhân › Cài đặt › Thông báo: the inbox is always on; the two Zalo channels are switches. Turning one on the first
 * time goes through the consent screen; the phone channel needs a verified phone.
 */
export function NotificationSettingsSection({ citizenId, reloadKey }: NotificationSettingsSectionProps) {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const navigate = useNavigate();
  const changes = useNotificationSettingsVersion();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  useEffect(() => {
    if (!citizenId) return undefined;
    const controller = new AbortController();
    getNotificationSettings(controller.signal).then(
      (settings) => setLoaded({ status: 'ready', settings }),
      (error: unknown) => {
        const apiError = toApiError(error);
        if (!apiError.isCancelled) setLoaded({ status: 'error', message: apiError.message });
      },
    );
    return () => controller.abort();
  }, [citizenId, reloadKey, changes, attempt]);

  const askConsent = (channel: ZaloChannel) => {
    const state: NotificationsConsentRequest = { enable: { [channel]: true } };
    navigate(NOTIFICATIONS_CONSENT_PATH, { state });
  };

  const switchChannel = async (settings: NotificationSettings, channel: ZaloChannel, on: boolean) => {
    setNote(null);
    if (on && !settings.consentGranted) {
      askConsent(channel);
      return;
    }
    setBusy(true);
    try {
      const next = on ? await turnOnChannels({ [channel]: true }) : await updateNotificationSettings({ [channel]: false });
      setLoaded({ status: 'ready', settings: next });
      notify({ text: t('settings.saved'), type: 'success' });
    } catch (error) {
      if (error instanceof ZaloError) {
        setNote(
          error.refused
            ? { kind: 'refused', text: t('settings.refused') }
            : { kind: 'failed', text: t('settings.zaloUnavailable') },
        );
      } else {
        const apiError = toApiError(error);
        // Withdrawn meanwhile (Quyền riêng tư, another phone): explain and ask again.
        if (apiError.code === 'CONSENT_REQUIRED') askConsent(channel);
        else setNote({ kind: 'failed', text: apiError.message });
      }
    } finally {
      setBusy(false);
    }
  };

  let content: ReactNode;
  if (!citizenId) {
    content = <p className="muted">{t('settings.signedOut')}</p>;
  } else if (loaded.status === 'loading') {
    content = <ListSkeleton rows={2} />;
  } else if (loaded.status === 'error') {
    content = (
      <ErrorState
        message={loaded.message}
        onRetry={() => {
          setLoaded({ status: 'loading' });
          setAttempt((n) => n + 1);
        }}
      />
    );
  } else {
    const { settings } = loaded;
    content = (
      <>
        <ul className="channel-list">
          <li className="channel">
            <div className="channel-row">
              <span className="card-body">
                <span className="card-title">{t('settings.inApp')}</span>
              </span>
              <span className="always-on">{t('settings.alwaysOn')}</span>
            </div>
          </li>
          <ChannelSwitch
            label={t('settings.miniApp')}
            hint={t('settings.miniAppHint')}
            checked={settings.miniApp.enabled}
            disabled={busy}
            onChange={(on) => void switchChannel(settings, 'miniApp', on)}
          />
          <ChannelSwitch
            label={t('settings.phone')}
            hint={settings.phone.available ? t('settings.phoneHint') : t('settings.phoneUnavailable')}
            checked={settings.phone.enabled && settings.phone.available}
            disabled={busy || !settings.phone.available}
            onChange={(on) => void switchChannel(settings, 'phone', on)}
          >
            {!settings.phone.available && (
              <Link to="/profile/consent/phone" className="button button--secondary channel-action">
                {t('settings.sharePhone')}
              </Link>
            )}
          </ChannelSwitch>
        </ul>
        {!settings.consentGranted && <p className="muted">{t('settings.consentNeeded')}</p>}
        {note && (
          <p role={note.kind === 'refused' ? 'status' : 'alert'} className={note.kind === 'refused' ? 'notice notice--calm' : 'notice notice--error'}>
            {note.text}
          </p>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby="notification-settings-heading" className="notification-settings">
      <h3 id="notification-settings-heading">{t('settings.heading')}</h3>
      {citizenId && <p className="muted">{t('settings.intro')}</p>}
      {content}
    </section>
  );
}
