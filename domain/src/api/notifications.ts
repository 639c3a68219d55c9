import { z } from 'zod';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_STATES } from '../notifications';
import { pageSchema, pagingQuery } from './page';

export const notificationSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid().meta({ description: 'Tapping opens /applications/<applicationId> in the app' }),
  receiptCode: z.string().nullable().meta({ description: 'The official receipt code (mã hồ sơ), null before it exists' }),
  procedureName: z.string(),
  status: z.int().min(1).max(10).meta({ description: 'The dossier status (national 1–10 code) of the event' }),
  kind: z.enum(NOTIFICATION_KINDS).meta({
    description:
      'received (2), refused (3), supplement-required (5), fee-required (6), stopped (8), delayed (Mẫu 04: a new ' +
      'due date), result-ready (9), returned (10)',
  }),
  title: z.string().meta({ description: 'Vietnamese, at most 32 characters, e.g. "Hồ sơ cần bổ sung giấy tờ"' }),
  body: z.string().meta({ description: 'Vietnamese: procedure, receipt code, what happened and what to do' }),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});

export const notificationPageSchema = pageSchema(notificationSchema).extend({
  unreadCount: z.int().min(0).meta({ description: 'Unread notifications in all (the badge on the Thông báo tab)' }),
});

export const listNotificationsQuery = z.object({
  unread: z.boolean().optional().meta({ description: 'true: only unread; false: only read; absent: all' }),
  ...pagingQuery,
});

export const notificationParams = z.object({ id: z.string().min(1).max(64) });

export const readAllSchema = z.object({ unreadCount: z.literal(0) });

export const notificationSettingsSchema = z.object({
  inApp: z.literal(true).meta({ description: 'The in-app inbox is always on' }),
  miniApp: z.object({
    enabled: z.boolean().meta({ description: 'Zalo mini app notifications (through the mini app’s OA)' }),
    allowedAt: z.iso.datetime().nullable().meta({ description: 'When the citizen allowed them' }),
  }),
  phone: z.object({
    enabled: z.boolean().meta({ description: 'Zalo template messages to the verified phone' }),
    available: z.boolean().meta({ description: 'The citizen has a verified phone shared under the phone consent' }),
  }),
  consentGranted: z.boolean().meta({ description: 'The notifications consent is granted (needed for both Zalo channels)' }),
});

export const notificationSettingsBody = z
  .object({
    miniApp: z.boolean().optional().meta({
      description: 'true after zmp-sdk requestSendNotification() succeeded (records now as allowedAt); false turns it off',
    }),
    phone: z.boolean().optional(),
  })
  .strict();

const stateCounts = z.object(Object.fromEntries(NOTIFICATION_STATES.map((state) => [state, z.int().min(0)])));

export const notificationStatsSchema = z.object({
  byChannel: z.object(Object.fromEntries(NOTIFICATION_CHANNELS.map((channel) => [channel, stateCounts]))),
  oldestPendingSeconds: z.int().min(0).meta({
    description: 'Age of the oldest Zalo message Zalo has not yet accepted (waiting, retrying, being sent); 0 when none',
  }),
  generatedAt: z.iso.datetime(),
});

export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;
export type NotificationParams = z.output<typeof notificationParams>;
export type NotificationSettingsBody = z.output<typeof notificationSettingsBody>;
