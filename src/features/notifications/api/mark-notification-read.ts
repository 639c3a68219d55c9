import { apiRequest } from '@/lib/api-client';
import type { InboxNotification } from '../types';

/** POST /api/v1/notifications/:id/read: idempotent; answers the notification with `readAt` set. */
export function markNotificationRead(id: string): Promise<InboxNotification> {
  return apiRequest<InboxNotification>('POST', `/api/v1/notifications/${encodeURIComponent(id)}/read`, {
    signedIn: true,
  });
}
