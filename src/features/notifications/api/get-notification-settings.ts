import { apiGet } from '@/lib/api-client';
import type { NotificationSettings } from '../types';

export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return apiGet<NotificationSettings>('/api/v1/me/notification-settings', { signedIn: true, signal });
}
