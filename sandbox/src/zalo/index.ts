import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';
import type { ZaloPlatformOptions } from '../config';
import { AccessTokenStore } from './access-tokens';
import { clientRoutes } from './client-routes';
import { controlRoutes } from './control-routes';
import { DailyLimits } from './daily-limits';
import { DeliveryReceipts } from './delivery-receipts';
import { FaultInjector } from './faults';
import { graphApiRoutes } from './graph-api-routes';
import { MessageStore } from './message-store';
import { miniAppNotificationRoutes } from './mini-app-notification-routes';
import { notificationControlRoutes } from './notification-control-routes';
import { NotificationOptIns } from './notification-opt-ins';
import { OaTokenStore } from './oa-tokens';
import { oaTokenRoutes } from './oa-token-routes';
import { PhoneCodeStore } from './phone-codes';
import { SendRateLimit } from './send-rate-limit';
import { phonePageRoutes } from './phone-page-routes';
import { zbsMessageRoutes } from './zbs-message-routes';
import { ZbsRestrictions } from './zbs-restrictions';

export interface ZaloPlatformPluginOptions extends ZaloPlatformOptions {
  now: Clock;
  allowedOrigins: readonly string[];
}

/**
 * The fake Zalo platform: the server APIs at the root under their real paths (Graph API, mini app notifications,
 * template messages by phone, OA token; the proxy's Zalo base URLs point here), the client stand-ins the browser
 * calls, the demo phones (`/phone`), delivery webhooks to the proxy, and the control API.
 */
export async function zaloPlatform(app: FastifyInstance, options: ZaloPlatformPluginOptions): Promise<void> {
  const { now } = options;
  const accessTokens = new AccessTokenStore(now, options.accessTokenTtlSeconds * 1000);
  const phoneCodes = new PhoneCodeStore(now, options.phoneCodeTtlSeconds * 1000);
  const citizens = new Map(options.citizens.map((citizen) => [citizen.id, citizen]));
  const citizensByPhone = new Map(options.citizens.map((citizen) => [citizen.phone, citizen]));
  const faults = new FaultInjector();
  const optIns = new NotificationOptIns(now);
  const oaTokens = new OaTokenStore(now, options.oaTokens, options.oaAccessTokenTtlSeconds * 1000);
  const limits = new DailyLimits(now, { dailyQuota: options.dailyQuota, miniAppDailyLimit: options.miniAppDailyLimit });
  const restrictions = new ZbsRestrictions();
  const sendRate = new SendRateLimit(now, options.sendRatePerSecond);
  const messages = new MessageStore();
  const receipts = new DeliveryReceipts({
    url: options.zaloWebhookUrl,
    appId: options.appId,
    oaId: options.oaId,
    signingId: options.webhookSigningId,
    secret: options.zaloWebhookSecret,
    firstDelayMs: options.deliveryDelayMs,
    retryDelaysMs: options.zaloWebhookRetryDelaysMs,
    timeoutMs: options.zaloWebhookTimeoutMs,
    logger: app.log,
  });
  receipts.dropping = options.dropZaloWebhooks;
  app.addHook('preClose', async () => {
    faults.shutdown();
    receipts.shutdown();
  });

  await app.register(graphApiRoutes, { appSecret: options.appSecret, accessTokens, phoneCodes, citizens, faults });
  await app.register(miniAppNotificationRoutes, {
    appId: options.appId,
    apiKey: options.miniAppApiKey,
    accessTokens,
    optIns,
    limits,
    messages,
    citizens,
    faults,
    sendRate,
    sendingHours: options.sendingHours,
    now,
  });
  await app.register(zbsMessageRoutes, {
    oaTokens,
    restrictions,
    limits,
    messages,
    receipts,
    citizensByPhone,
    faults,
    sendRate,
    sendingHours: options.sendingHours,
    deliveryDelayMs: options.deliveryDelayMs,
    now,
  });
  await app.register(oaTokenRoutes, { appId: options.appId, appSecret: options.appSecret, oaTokens, faults });
  await app.register(clientRoutes, {
    prefix: '/sandbox/zalo',
    allowedOrigins: options.allowedOrigins,
    accessTokens,
    phoneCodes,
    citizens,
    optIns,
  });
  await app.register(phonePageRoutes, {
    appId: options.appId,
    miniAppOrigin: options.allowedOrigins[0] ?? 'http://localhost:3000',
    citizens: options.citizens,
    messages,
  });
  await app.register(controlRoutes, { prefix: '/sandbox/control/zalo', accessTokens, oaTokens, faults });
  await app.register(notificationControlRoutes, {
    prefix: '/sandbox/control/zalo',
    limits,
    restrictions,
    oaTokens,
    messages,
    receipts,
    faults,
    sendRate,
    dropWebhooksAtStart: options.dropZaloWebhooks,
  });
}
