// The citizen's notifications (the in-app inbox) and notification channels, and the operators' counts.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition';
import { AppError, NotFoundError } from '../../errors';
import { unauthenticated } from '../../plugins/authentication';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { OPERATOR_KEY_HEADER, TAGS } from '../../plugins/openapi';
import {
  type ListNotificationsQuery,
  listNotificationsQuery,
  type NotificationParams,
  notificationPageSchema,
  notificationParams,
  notificationSchema,
  type NotificationSettingsBody,
  notificationSettingsBody,
  notificationSettingsSchema,
  notificationStatsSchema,
  readAllSchema,
} from '@lao-cai-so/domain/api/notifications';

const notificationNotFound = () =>
  new NotFoundError('NOTIFICATION_NOT_FOUND', 'Không tìm thấy thông báo này. Hãy tải lại danh sách thông báo.');
const consentRequired = () =>
  new AppError(403, 'CONSENT_REQUIRED', 'Bạn cần đồng ý nhận thông báo về hồ sơ trước khi bật thông báo qua Zalo.');
const phoneRequired = () =>
  new AppError(409, 'PHONE_REQUIRED', 'Hãy chia sẻ số điện thoại Zalo đã xác thực trước khi bật tin nhắn qua số điện thoại.');
const operatorKeyInvalid = () =>
  new AppError(401, 'OPERATOR_KEY_INVALID', 'Thiếu hoặc sai khoá vận hành (tiêu đề X-Operator-Key).');

/** Compares in constant time, whatever the lengths (both sides are hashed first). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function notificationRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { config, now, notifications } = services;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get<{ Querystring: ListNotificationsQuery }>(
    '/notifications',
    {
      schema: {
        tags: [TAGS.notifications],
        summary: "The citizen's notifications, newest first",
        description:
          'One per status event of their applications that notifies (received, refused, supplement required, fee ' +
          'required, stopped, delayed, result ready, returned), whatever Zalo channels they chose: the inbox is always ' +
          'on. `unreadCount` counts every unread one, whatever the filter.',
        querystring: toJsonSchema(listNotificationsQuery, 'input'),
        response: { 200: toJsonSchema(notificationPageSchema) },
      },
    },
    async (request) => notifications.listInbox(request.citizenId, request.query),
  );

  app.post<{ Params: NotificationParams }>(
    '/notifications/:id/read',
    {
      schema: {
        tags: [TAGS.notifications],
        summary: 'Mark one notification read',
        description: 'Idempotent: a repeat keeps the first readAt. 404 NOTIFICATION_NOT_FOUND for an unknown id or someone else’s.',
        params: toJsonSchema(notificationParams, 'input'),
        response: { 200: toJsonSchema(notificationSchema), ...errorResponses(404) },
      },
    },
    async (request) => {
      const item = await notifications.markRead(request.citizenId, request.params.id, now());
      if (!item) throw notificationNotFound();
      return item;
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: [TAGS.notifications],
        summary: 'Mark every notification read',
        response: { 200: toJsonSchema(readAllSchema) },
      },
    },
    async (request) => {
      await notifications.markAllRead(request.citizenId, now());
      return { unreadCount: 0 };
    },
  );

  app.get(
    '/me/notification-settings',
    {
      schema: {
        tags: [TAGS.notifications],
        summary: 'The Zalo channels the citizen chose',
        response: { 200: toJsonSchema(notificationSettingsSchema) },
      },
    },
    async (request) => {
      const settings = await notifications.readNotificationSettings(request.citizenId);
      if (!settings) throw unauthenticated();
      return settings;
    },
  );

  app.put<{ Body: NotificationSettingsBody }>(
    '/me/notification-settings',
    {
      schema: {
        tags: [TAGS.notifications],
        summary: 'Turn Zalo channels on or off',
        description:
          'Turning a Zalo channel on needs the notifications consent (403 CONSENT_REQUIRED); the phone channel also a ' +
          'verified phone shared under the phone consent (409 PHONE_REQUIRED). `miniApp: true` records now as ' +
          'allowedAt: call zmp-sdk requestSendNotification() first. Withdrawing the notifications consent turns both ' +
          'off (and deletes these settings); the inbox is always on. A refusal changes nothing.',
        body: toJsonSchema(notificationSettingsBody, 'input'),
        response: { 200: toJsonSchema(notificationSettingsSchema), ...errorResponses(400, 403, 409) },
      },
    },
    async (request) => {
      const result = await notifications.updateNotificationSettings(request.citizenId, request.body, now());
      if (!result) throw unauthenticated();
      if (!result.ok) throw result.reason === 'consent-required' ? consentRequired() : phoneRequired();
      return result.settings;
    },
  );

  app.get(
    '/admin/notifications/stats',
    {
      // No citizen session: operators present the key from OPERATOR_API_KEY instead (checked below).
      config: { public: true },
      onRequest: async (request) => {
        const given = request.headers[OPERATOR_KEY_HEADER];
        if (typeof given !== 'string' || !sameSecret(given, config.operator.apiKey)) {
          request.log.warn('notification stats refused: missing or wrong operator key');
          throw operatorKeyInvalid();
        }
      },
      schema: {
        tags: [TAGS.admin],
        summary: 'Notifications by channel and state (operators)',
        description:
          'Header `X-Operator-Key: <OPERATOR_API_KEY>`; 401 OPERATOR_KEY_INVALID without it. Counts of notification ' +
          'rows by channel (inbox, mini-app, zbs) and state, and how long the oldest message Zalo has not yet ' +
          'accepted has waited.',
        security: [{ operatorKey: [] }],
        response: { 200: toJsonSchema(notificationStatsSchema), ...errorResponses(401) },
      },
    },
    async () => notifications.notificationStats(now()),
  );
}
