import { apiGet } from '@/lib/api-client';
import type { NotificationPage } from '../types';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export interface ListNotificationsInput {
  page?: number;
  pageSize?: number;
  /** Only those not read yet. */
  unread?: boolean;
  signal?: AbortSignal;
}

/** GET /api/v1/notifications: the signed-in citizen's notifications, newest first, with the unread count. */
export function listNotifications({
  page = 1,
  pageSize = NOTIFICATIONS_PAGE_SIZE,
  unread,
  signal,
}: ListNotificationsInput = {}): Promise<NotificationPage> {
  return apiGet<NotificationPage>('/api/v1/notifications', {
    signedIn: true,
    signal,
    params: { page, pageSize, ...(unread === undefined ? {} : { unread }) },
  });
}
