// Webhooks from Zalo (shared/reference/zalo-platform.md, "Webhooks from Zalo"): the signature and the delivery event.
//   X-ZEvent-Signature: mac=<hex SHA-256 (plain, not HMAC) of signingId + rawBody + timestamp + secret>
// where `timestamp` is the body's own field. Which id (app or OA) and which secret (OA secret key or app secret) Zalo
// uses is unconfirmed, so both are configuration (ZALO_WEBHOOK_SIGNING_ID, ZALO_WEBHOOK_SECRET). Pure apart from crypto.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const ZALO_SIGNATURE_HEADER = 'x-zevent-signature';

const SIGNATURE_FORMAT = /^mac=([0-9a-f]{64})$/i;

export function zaloWebhookMac(signingId: string, rawBody: string, timestamp: string, secret: string): string {
  return createHash('sha256').update(`${signingId}${rawBody}${timestamp}${secret}`).digest('hex');
}

/** Ids and times arrive as strings; numbers are accepted and kept as their decimal text. */
const idText = z.union([z.string().min(1).max(200), z.number().transform(String)]);

const zaloEventWire = z.object({
  event_name: z.string().min(1).max(100),
  timestamp: idText,
  app_id: idText.optional(),
  message: z
    .object({
      msg_id: idText.optional(),
      tracking_id: idText.optional(),
      delivery_time: idText.optional(),
    })
    .passthrough()
    .optional(),
});

export type ZaloEvent = z.output<typeof zaloEventWire>;

export type ZaloWebhookCheck = { ok: true; event: ZaloEvent } | { ok: false };

/**
 * Verifies a webhook over its exact bytes: the header's mac must equal SHA-256(signingId + raw body + the body's
 * timestamp + secret), compared in constant time. A body that is not a Zalo event cannot be verified: refused too.
 */
export function verifyZaloWebhook(rawBody: Buffer, signature: unknown, signingId: string, secret: string): ZaloWebhookCheck {
  if (typeof signature !== 'string') return { ok: false };
  const match = SIGNATURE_FORMAT.exec(signature.trim());
  if (!match) return { ok: false };
  const text = rawBody.toString('utf8');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  const parsed = zaloEventWire.safeParse(payload);
  if (!parsed.success) return { ok: false };
  const expected = Buffer.from(zaloWebhookMac(signingId, text, parsed.data.timestamp, secret), 'hex');
  const given = Buffer.from(match[1], 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false };
  return { ok: true, event: parsed.data };
}
