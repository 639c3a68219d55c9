// POST /api/v1/webhooks/zalo: events Zalo posts to the OA's webhook URL. Public by design (Zalo has no session): the
// X-ZEvent-Signature is the authentication. Only `user_received_message` (a template message reached the phone)
// changes anything; other events are acknowledged. The answer comes at once (Zalo wants it within 2 s): one short
// transaction, no outbound call.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { verifyZaloWebhook, ZALO_SIGNATURE_HEADER } from '../../clients/zalo-webhook';
import type { Services } from '../../composition';
import { AppError } from '../../errors';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';

const BODY_LIMIT = 64 * 1024;

const signatureInvalid = () => new AppError(401, 'SIGNATURE_INVALID', 'Chữ ký của sự kiện Zalo không hợp lệ hoặc bị thiếu.');

const answerSchema = z.object({
  received: z.literal(true),
  duplicate: z.boolean().meta({ description: 'true: this msg_id was received before; nothing changed' }),
  ignored: z.boolean().optional().meta({ description: 'true: an event the proxy does not act on, or a message it did not send' }),
});


/** Zalo sends ms timestamps as strings. */
function instantOf(text: string | undefined): Date | null {
  if (!text || !/^\d{10,15}$/.test(text)) return null;
  return new Date(Number(text));
}

export async function zaloWebhookRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { config, now, notifications } = services;
  // Only inside this plugin: JSON arrives as the raw bytes the signature covers.
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/webhooks/zalo',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.webhooks],
        summary: 'Receive an event from Zalo (delivery receipts of template messages)',
        description:
          'Public by design: authenticated by `X-ZEvent-Signature: mac=<hex SHA-256 of ZALO_WEBHOOK_SIGNING_ID + raw ' +
          'body + the body’s timestamp + ZALO_WEBHOOK_SECRET>` (plain SHA-256), compared in constant time; 401 ' +
          'SIGNATURE_INVALID when missing or wrong, and nothing changes. `user_received_message` with ' +
          '`message: { msg_id, tracking_id, delivery_time }` marks the notification whose id is tracking_id delivered; ' +
          'a repeated msg_id changes nothing (200 `duplicate: true`). Other events: 200 `ignored: true`.',
        headers: {
          type: 'object',
          properties: { [ZALO_SIGNATURE_HEADER]: { type: 'string', description: 'mac=<64 hex digits>' } },
        },
        response: { 200: toJsonSchema(answerSchema), ...errorResponses(401) },
      },
    },
    async (request) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const { signingId, secret } = config.notifications.webhook;
      const check = verifyZaloWebhook(raw, request.headers[ZALO_SIGNATURE_HEADER], signingId, secret);
      if (!check.ok) {
        request.log.warn('Zalo webhook refused: bad or missing signature');
        throw signatureInvalid();
      }
      const { event } = check;
      const msgId = event.message?.msg_id;
      if (event.event_name !== 'user_received_message' || !msgId) {
        request.log.info({ event: event.event_name }, 'Zalo webhook acknowledged, not acted on');
        return { received: true, duplicate: false, ignored: true };
      }
      const result = await notifications.recordDeliveryReceipt(
        { msgId, trackingId: event.message?.tracking_id ?? null, deliveredAt: instantOf(event.message?.delivery_time) },
        now(),
      );
      request.log.info({ event: event.event_name, result }, 'Zalo delivery receipt');
      if (result === 'duplicate') return { received: true, duplicate: true };
      return { received: true, duplicate: false, ...(result === 'unknown' ? { ignored: true } : {}) };
    },
  );
}
