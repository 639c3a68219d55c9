import { apiRequest } from '@/lib/api-client';

/** POST /api/v1/notifications/read-all. */
export function markAllNotificationsRead(): Promise<{ unreadCount: number }> {
  return apiRequest<{ unreadCount: number }>('POST', '/api/v1/notifications/read-all', { signedIn: true });
}
