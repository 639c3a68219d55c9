import type { FastifyInstance } from 'fastify';
import { webhookLogRoutes } from '../webhook-outbox';
import type { DailyLimits } from './daily-limits';
import type { DeliveryReceipts } from './delivery-receipts';
import type { FaultInjector } from './faults';
import { type MessageFilter, type MessageStore, NOTIFICATION_CHANNELS } from './message-store';
import type { OaTokenStore } from './oa-tokens';
import type { SendRateLimit } from './send-rate-limit';
import { PHONE_MARKS, type PhoneMark, type ZbsRestrictions } from './zbs-restrictions';

export interface NotificationControlOptions {
  limits: DailyLimits;
  restrictions: ZbsRestrictions;
  oaTokens: OaTokenStore;
  messages: MessageStore;
  receipts: DeliveryReceipts;
  faults: FaultInjector;
  sendRate: SendRateLimit;
  /** The drop switch's position at start, restored by a reset. */
  dropWebhooksAtStart: boolean;
}

const count = { type: 'integer', minimum: 0 } as const;

/**
 * Test and demo controls of Zalo's notification side: quotas and limits, phone marks, template approval, the OA
 * token, the messages the phones received, the delivery webhooks and their drop switch, and a reset. Registered
 * under `/sandbox/control/zalo` (faults: control-routes.ts).
 */
export async function notificationControlRoutes(app: FastifyInstance, options: NotificationControlOptions): Promise<void> {
  const { limits, restrictions, oaTokens, messages, receipts, faults, sendRate } = options;

  app.get('/quota', async () => limits.view());

  app.put<{ Body: { dailyQuota?: number; remainingQuota?: number; miniAppDailyLimit?: number } }>(
    '/quota',
    {
      schema: {
        body: {
          type: 'object',
          minProperties: 1,
          propertyNames: { enum: ['dailyQuota', 'remainingQuota', 'miniAppDailyLimit'] },
          properties: { dailyQuota: count, remainingQuota: count, miniAppDailyLimit: count },
        },
      },
    },
    async (request) => limits.set(request.body),
  );

  app.get('/send-rate', async () => sendRate.view());

  app.put<{ Body: { limitPerSecond: number | null; resetCounts?: boolean } }>(
    '/send-rate',
    {
      schema: {
        body: {
          type: 'object',
          required: ['limitPerSecond'],
          propertyNames: { enum: ['limitPerSecond', 'resetCounts'] },
          properties: {
            limitPerSecond: { anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }] },
            resetCounts: { type: 'boolean' },
          },
        },
      },
    },
    async (request) => sendRate.set(request.body.limitPerSecond, request.body.resetCounts ?? false),
  );

  app.get('/restrictions', async () => restrictions.view());

  app.put<{ Params: { phone: string }; Body: { error: PhoneMark } }>(
    '/phones/:phone/mark',
    {
      schema: {
        body: {
          type: 'object',
          required: ['error'],
          propertyNames: { enum: ['error'] },
          properties: { error: { type: 'integer', enum: PHONE_MARKS } },
        },
      },
    },
    async (request) => {
      restrictions.markPhone(request.params.phone, request.body.error);
      return { phone: request.params.phone, error: request.body.error };
    },
  );

  app.delete<{ Params: { phone: string } }>('/phones/:phone/mark', async (request, reply) => {
    restrictions.unmarkPhone(request.params.phone);
    return reply.code(204).send();
  });

  app.put<{ Params: { templateId: string }; Body: { approved: boolean } }>(
    '/templates/:templateId',
    {
      schema: {
        body: {
          type: 'object',
          required: ['approved'],
          propertyNames: { enum: ['approved'] },
          properties: { approved: { type: 'boolean' } },
        },
      },
    },
    async (request) => {
      restrictions.setApproved(request.params.templateId, request.body.approved);
      return { templateId: request.params.templateId, approved: request.body.approved };
    },
  );

  app.get('/oa-token', async () => oaTokens.view());

  app.post('/oa-token/expire', async (_request, reply) => {
    oaTokens.expireAccessToken();
    return reply.code(204).send();
  });

  app.get<{ Querystring: Omit<MessageFilter, 'after'> & { after?: string } }>(
    '/messages',
    {
      schema: {
        querystring: {
          type: 'object',
          propertyNames: { enum: ['userId', 'phone', 'trackingId', 'channel', 'after'] },
          properties: {
            after: { type: 'string', pattern: '^[0-9]{1,9}$' },
            userId: { type: 'string' },
            phone: { type: 'string' },
            trackingId: { type: 'string' },
            channel: { type: 'string', enum: NOTIFICATION_CHANNELS },
          },
        },
      },
    },
    async (request) => {
      const { after, ...filter } = request.query;
      const listed = messages.list({ ...filter, ...(after === undefined ? {} : { after: Number(after) }) });
      // total: every message ever received, the `after` for the next call that wants only newer ones.
      return { count: listed.length, total: messages.total, messages: listed };
    },
  );

  app.delete('/messages', async (_request, reply) => {
    messages.clear();
    return reply.code(204).send();
  });

  // The delivery webhooks (receipts) sent to the proxy.
  webhookLogRoutes(app, receipts);

  app.get('/settings', async () => ({ dropWebhooks: receipts.dropping }));

  app.put<{ Body: { dropWebhooks: boolean } }>(
    '/settings',
    {
      schema: {
        body: {
          type: 'object',
          required: ['dropWebhooks'],
          propertyNames: { enum: ['dropWebhooks'] },
          properties: { dropWebhooks: { type: 'boolean' } },
        },
      },
    },
    async (request) => {
      receipts.dropping = request.body.dropWebhooks;
      return { dropWebhooks: receipts.dropping };
    },
  );

  // Between tests: forget messages and deliveries, clear faults, marks and unapproved templates, restore the
  // configured limits (the send rate too) with nothing used today and the drop switch. Sign-ins, opt-ins and the OA token pair stay.
  app.post('/reset', async (_request, reply) => {
    messages.clear();
    receipts.clear();
    faults.clear();
    restrictions.clear();
    limits.reset();
    sendRate.reset();
    receipts.dropping = options.dropWebhooksAtStart;
    return reply.code(204).send();
  });
}
