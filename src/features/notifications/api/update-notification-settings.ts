import { apiRequest } from '@/lib/api-client';
import type { ChannelChoice, NotificationSettings } from '../types';

/**
 * PUT /api/v1/me/notification-settings. Turning a Zalo channel on needs the `notifications` consent (403
 * CONSENT_REQUIRED) and, for the phone channel, a verified phone (409 PHONE_REQUIRED); turning one off never fails so.
 */
export function updateNotificationSettings(choice: ChannelChoice): Promise<NotificationSettings> {
  return apiRequest<NotificationSettings>('PUT', '/api/v1/me/notification-settings', { signedIn: true, data: choice });
}
