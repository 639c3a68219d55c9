// The proxy's notification endpoints (server/README.md, "Notifications"; contract of issue 6).
import type { NotificationKind } from '@lao-cai-so/domain/notifications';

/** One entry of the citizen's inbox (named so as not to shadow the browser's Notification). */
export interface InboxNotification {
  id: string;
  applicationId: string;
  receiptCode: string | null;
  procedureName: string;
  /** The dossier's status code (1–10) when this was written. */
  status: number;
  /** What happened to the dossier (the proxy's kinds; a type only, nothing of the module enters the app bundle). */
  kind: NotificationKind;
  /** Vietnamese, from the proxy. */
  title: string;
  body: string;
  /** ISO date-time. */
  createdAt: string;
  readAt: string | null;
}

/** GET /api/v1/notifications: newest first. */
export interface NotificationPage {
  items: InboxNotification[];
  total: number;
  page: number;
  pageSize: number;
  unreadCount: number;
}

/** GET/PUT /api/v1/me/notification-settings. The in-app inbox is always on. */
export interface NotificationSettings {
  inApp: true;
  miniApp: { enabled: boolean; allowedAt: string | null };
  /** `available`: the citizen has a verified phone under the phone consent. */
  phone: { enabled: boolean; available: boolean };
  /** The `notifications` consent; needed to turn a Zalo channel on. */
  consentGranted: boolean;
}

/** The Zalo channels a citizen can switch. */
export type ZaloChannel = 'miniApp' | 'phone';
export type ChannelChoice = Partial<Record<ZaloChannel, boolean>>;
