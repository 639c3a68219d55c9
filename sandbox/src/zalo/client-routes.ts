import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { SandboxError } from '../errors';
import { type AccessTokenStore, accessTokenOf } from './access-tokens';
import type { DemoCitizen } from './demo-citizens';
import { notificationOptInRoutes } from './notification-opt-in-routes';
import type { NotificationOptIns } from './notification-opt-ins';
import type { PhoneCodeStore } from './phone-codes';

export interface ClientRoutesOptions {
  allowedOrigins: readonly string[];
  accessTokens: AccessTokenStore;
  phoneCodes: PhoneCodeStore;
  citizens: ReadonlyMap<string, DemoCitizen>;
  optIns: NotificationOptIns;
}

/**
 * What zmp-sdk gives a mini app inside Zalo (getAccessToken, getPhoneNumber, the signed-in user, the notification
 * opt-in of requestSendNotification), for a mini app running in a desktop browser where the SDK only answers with
 * canned values. Registered under `/sandbox/zalo`.
 */
export async function clientRoutes(app: FastifyInstance, options: ClientRoutesOptions): Promise<void> {
  const { accessTokens, phoneCodes, citizens } = options;
  await app.register(cors, {
    origin: [...options.allowedOrigins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'access_token'],
  });
  await app.register(notificationOptInRoutes, { prefix: '/notifications', accessTokens, optIns: options.optIns });

  app.get('/citizens', async () => ({
    citizens: [...citizens.values()].map(({ id, name, avatar, description }) => ({ id, name, avatar, description })),
  }));

  app.post<{ Body: { userId: string } }>(
    '/login',
    {
      schema: {
        body: {
          type: 'object',
          required: ['userId'],
          properties: { userId: { type: 'string', minLength: 1 } },
        },
      },
    },
    async (request) => {
      const citizen = citizens.get(request.body.userId);
      if (!citizen) {
        throw new SandboxError(404, 'UNKNOWN_CITIZEN', 'Không có người dân mẫu với mã này. Hãy chọn một người trong danh sách.');
      }
      return { accessToken: accessTokens.issue(citizen.id) };
    },
  );

  app.post<{ Body: { accessToken?: string } | undefined }>(
    '/phone-token',
    {
      schema: {
        body: { type: ['object', 'null'], properties: { accessToken: { type: 'string' } } },
      },
    },
    async (request) => {
      const token = accessTokenOf(request);
      const userId = token === undefined ? undefined : accessTokens.userOf(token);
      if (userId === undefined) {
        throw new SandboxError(401, 'INVALID_ACCESS_TOKEN', 'Phiên Zalo không hợp lệ hoặc đã hết hạn. Hãy đăng nhập lại.');
      }
      return { token: phoneCodes.issue(userId) };
    },
  );
}
