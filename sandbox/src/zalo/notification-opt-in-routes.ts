import type { FastifyInstance } from 'fastify';
import { SandboxError } from '../errors';
import { type AccessTokenStore, accessTokenOf } from './access-tokens';
import type { NotificationOptIns } from './notification-opt-ins';

export interface NotificationOptInOptions {
  accessTokens: AccessTokenStore;
  optIns: NotificationOptIns;
}

const bodySchema = { type: ['object', 'null'], properties: { accessToken: { type: 'string' } } } as const;

/**
 * What zmp-sdk requestSendNotification does inside Zalo (the user allows the mini app to notify them), for the mini
 * app in a desktop browser; and the withdrawal. Registered under `/sandbox/zalo/notifications`, in the client
 * stand-ins' CORS scope.
 */
export async function notificationOptInRoutes(app: FastifyInstance, options: NotificationOptInOptions): Promise<void> {
  const { accessTokens, optIns } = options;

  for (const [path, change] of [
    ['/allow', (userId: string) => optIns.allow(userId)],
    ['/deny', (userId: string) => optIns.deny(userId)],
  ] as const) {
    app.post<{ Body: { accessToken?: string } | undefined }>(path, { schema: { body: bodySchema } }, async (request) => {
      const token = accessTokenOf(request);
      const userId = token === undefined ? undefined : accessTokens.userOf(token);
      if (userId === undefined) {
        throw new SandboxError(401, 'INVALID_ACCESS_TOKEN', 'Phiên Zalo không hợp lệ hoặc đã hết hạn. Hãy đăng nhập lại.');
      }
      change(userId);
      return { error: 0, message: 'Success' };
    });
  }
}
