import { requestSendNotification } from '@/lib/zalo';
import { updateNotificationSettings } from '../api/update-notification-settings';
import type { ChannelChoice, NotificationSettings } from '../types';
import { notificationSettingsChanged } from './settings-changes';

/**
 * Turns Zalo channels on, in the order of every consent in the app (features/profile/state/consent-flows.ts): Zalo's
 * own prompt first (requestSendNotification, for the mini app channel), then the consent record when one is still
 * needed, then the settings. A "no" in Zalo's prompt (a ZaloError with `refused`) therefore records nothing.
 */
export async function turnOnChannels(
  choice: ChannelChoice,
  recordConsent?: () => Promise<unknown>,
): Promise<NotificationSettings> {
  if (choice.miniApp) await requestSendNotification();
  if (recordConsent) await recordConsent();
  const settings = await updateNotificationSettings(choice);
  notificationSettingsChanged();
  return settings;
}

/** Where a channel is turned on for the first time: the consent screen explains before anything is asked. */
export const NOTIFICATIONS_CONSENT_PATH = '/profile/consent/notifications';

/** The navigation state that tells the consent screen which channels to turn on once the citizen agrees. */
export interface NotificationsConsentRequest {
  enable: ChannelChoice;
}

/** The channels a consent screen was opened for; the mini app channel when it was opened directly. */
export function requestedChannels(state: unknown): ChannelChoice {
  const enable = (state as Partial<NotificationsConsentRequest> | null)?.enable;
  if (enable && (enable.miniApp || enable.phone)) {
    return { ...(enable.miniApp ? { miniApp: true } : {}), ...(enable.phone ? { phone: true } : {}) };
  }
  return { miniApp: true };
}
