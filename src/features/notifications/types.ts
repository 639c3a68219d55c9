// The proxy's notification endpoints, as its contract defines them (domain/src/api/notifications.ts; server/README.md,
// "Notifications"). Type-only imports: nothing of zod or the schemas enters the app bundle.
import type { z } from 'zod';
import type { notificationPageSchema, notificationSchema, notificationSettingsSchema } from '@lao-cai-so/domain/api/notifications';

/** One entry of the citizen's inbox (named so as not to shadow the browser's Notification). */
export type InboxNotification = z.output<typeof notificationSchema>;
/** GET /api/v1/notifications: newest first. */
export type NotificationPage = z.output<typeof notificationPageSchema>;
/** GET/PUT /api/v1/me/notification-settings. The in-app inbox is always on. */
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

/** The Zalo channels a citizen can switch. */
export type ZaloChannel = 'miniApp' | 'phone';
export type ChannelChoice = Partial<Record<ZaloChannel, boolean>>;
