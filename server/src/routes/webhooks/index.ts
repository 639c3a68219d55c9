// POST /api/v1/webhooks/one-stop: status changes pushed by the one-stop system. Public by design (the one-stop system
// has no citizen session): the HMAC signature is the authentication. The raw bytes are kept for the signature, so
// this plugin parses JSON itself, after verifying. No outbound call here: the answer is quick.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  checkWebhookSignature,
  parseStatusWebhook,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_TOLERANCE_SECONDS,
} from '../../clients/one-stop-webhook';
import type { Services } from '../../composition';
import { AppError } from '../../errors';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';

/** A status webhook is a few kilobytes; anything far larger is not one. */
const BODY_LIMIT = 256 * 1024;

const signatureInvalid = () =>
  new AppError(401, 'WEBHOOK_SIGNATURE_INVALID', 'Chữ ký của thông báo không hợp lệ hoặc bị thiếu.');
const timestampStale = () =>
  new AppError(401, 'WEBHOOK_TIMESTAMP_STALE', 'Thời điểm ký của thông báo lệch quá 5 phút so với đồng hồ của hệ thống.');
const payloadInvalid = () =>
  new AppError(400, 'WEBHOOK_PAYLOAD_INVALID', 'Nội dung thông báo trạng thái không đúng định dạng.');

const answerSchema = z.object({
  received: z.literal(true),
  duplicate: z.boolean().meta({ description: 'true: this eventId was received before; nothing changed' }),
  ignored: z.boolean().optional().meta({ description: 'true (202): no application of ours has this dossier' }),
  outcome: z
    .enum(['changed', 'refreshed', 'stale', 'rejected'])
    .optional()
    .meta({
      description:
        'changed: new status; refreshed: same status, newer details (due date, …); stale: older than what is known, ' +
        'recorded in the history only; rejected: a transition the status model forbids, recorded as not applied',
    }),
});

export async function webhookRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { config, now, statusWebhooks } = services;
  // Only inside this plugin: JSON arrives as the raw bytes the signature covers.
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/webhooks/one-stop',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.webhooks],
        summary: 'Receive a status change from the one-stop system',
        description:
          'Public by design: authenticated by its signature, not a session. Headers: `X-OneStop-Timestamp: <Unix ' +
          'seconds when sent>` and `X-OneStop-Signature: sha256=<hex HMAC-SHA256(key = ONE_STOP_WEBHOOK_SECRET, data = ' +
          '"<timestamp>.<raw body>")>`, over the exact bytes of the body. Body: the one-stop status webhook ' +
          '(sandbox/README.md, "Status webhooks": eventId, occurredAt, action, Id, MaHoSoLienThong, TrangThaiHoSo, ' +
          'NgayHenTra, BuocXuLy, LyDo, DanhSachHoSoBoSung, DanhSachLePhi, ThongTinTraKetQua, DanhSachXinLoi, …). ' +
          `401 WEBHOOK_SIGNATURE_INVALID (missing or wrong signature), 401 WEBHOOK_TIMESTAMP_STALE (more than ` +
          `${WEBHOOK_TOLERANCE_SECONDS / 60} minutes off); 400 WEBHOOK_PAYLOAD_INVALID (signed but unreadable). ` +
          '200 `{ received, duplicate: false, outcome }` once recorded (stale and forbidden events too: retrying would ' +
          'not change them); 200 `{ received, duplicate: true }` for an eventId already received, nothing changed; ' +
          '202 `{ received, duplicate: false, ignored: true }` for a dossier no application of ours has, nothing stored.',
        headers: {
          type: 'object',
          properties: {
            [WEBHOOK_TIMESTAMP_HEADER]: { type: 'string', description: 'Unix seconds when this attempt was sent' },
            [WEBHOOK_SIGNATURE_HEADER]: { type: 'string', description: 'sha256=<64 hex digits>' },
          },
        },
        response: {
          200: toJsonSchema(answerSchema),
          202: toJsonSchema(answerSchema),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const check = checkWebhookSignature(
        config.oneStop.webhookSecret,
        { timestamp: request.headers[WEBHOOK_TIMESTAMP_HEADER], signature: request.headers[WEBHOOK_SIGNATURE_HEADER] },
        raw,
        now(),
      );
      if (check === 'invalid') {
        request.log.warn('status webhook refused: bad or missing signature');
        throw signatureInvalid();
      }
      if (check === 'stale') {
        request.log.warn('status webhook refused: stale timestamp');
        throw timestampStale();
      }
      const parsed = parseStatusWebhook(raw);
      if (!parsed.ok) {
        request.log.warn({ problem: parsed.problem }, 'status webhook refused: unreadable body');
        throw payloadInvalid();
      }
      const { webhook } = parsed;
      const result = await statusWebhooks.receiveStatusWebhook(webhook, parsed.payload, now());
      const facts = { eventId: webhook.eventId, action: webhook.action, status: webhook.state.status };
      if (result.kind === 'unknown') {
        request.log.warn(facts, 'status webhook for a dossier no application has: ignored');
        return reply.code(202).send({ received: true, duplicate: false, ignored: true });
      }
      if (result.kind === 'duplicate') {
        request.log.info({ ...facts, applicationId: result.applicationId }, 'status webhook already received');
        return reply.code(200).send({ received: true, duplicate: true });
      }
      const log = result.outcome === 'rejected' ? request.log.warn.bind(request.log) : request.log.info.bind(request.log);
      log({ ...facts, applicationId: result.applicationId, outcome: result.outcome }, 'status webhook recorded');
      return reply.code(200).send({ received: true, duplicate: false, outcome: result.outcome });
    },
  );
}
