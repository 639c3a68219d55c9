import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { type Delivery, WebhookOutbox } from '../webhook-outbox';

export const ZEVENT_SIGNATURE_HEADER = 'x-zevent-signature';

/**
 * `mac=<hex SHA-256 of signingId + rawBody + timestamp + secret>`, the value of X-ZEvent-Signature (reference:
 * zalo-platform.md, "Webhooks from Zalo"): plain SHA-256 over the concatenation, not an HMAC.
 */
export function zaloEventSignature(signingId: string, rawBody: string, timestamp: string, secret: string): string {
  return `mac=${createHash('sha256').update(`${signingId}${rawBody}${timestamp}${secret}`, 'utf8').digest('hex')}`;
}

/** A stable 19-digit id for the person behind a phone as this OA sees them (Zalo ids differ per OA and per app). */
export function oaUserIdOf(oaId: string, phone: string): string {
  const digest = createHash('sha256').update(`${oaId}:${phone}`).digest();
  return String((digest.readBigUInt64BE(0) % 10n ** 18n) + 10n ** 18n);
}

export interface ReceiptMeta {
  msgId: string;
  trackingId: string;
  /** The body's `timestamp` (ms string), which the signature covers. */
  timestamp: string;
}

export type ReceiptDelivery = Delivery<ReceiptMeta>;

export interface DeliveryReceiptOptions {
  /** Where to POST (ZALO_WEBHOOK_URL); null: nothing is sent, deliveries are listed as not-configured. */
  url: string | null;
  appId: string;
  oaId: string;
  /** The id the signature starts with (the app id unless configured otherwise). */
  signingId: string;
  secret: string;
  /** Real-time wait before the first attempt. */
  firstDelayMs: number;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  logger: FastifyBaseLogger;
}

/**
 * `user_received_message` webhooks for template messages by phone: signed like Zalo's, sent a little after the
 * message reached the phone, retried on failure, with a drop switch and a delivery log (WebhookOutbox).
 */
export class DeliveryReceipts extends WebhookOutbox<ReceiptMeta> {
  constructor(private readonly receipts: DeliveryReceiptOptions) {
    super({
      url: receipts.url,
      firstDelayMs: receipts.firstDelayMs,
      retryDelaysMs: receipts.retryDelaysMs,
      timeoutMs: receipts.timeoutMs,
      headers: (body, meta) => ({
        [ZEVENT_SIGNATURE_HEADER]: zaloEventSignature(receipts.signingId, body, meta.timestamp, receipts.secret),
      }),
      logFields: (meta) => ({ msgId: meta.msgId }),
      logMessage: 'Zalo delivery webhook attempt failed',
      logger: receipts.logger,
    });
  }

  /** Queues the receipt of a message delivered at `deliveredAtMs` (sandbox clock) to `phone`. */
  receipt(message: { msgId: string; trackingId: string; phone: string }, deliveredAtMs: number): ReceiptDelivery {
    const timestamp = String(deliveredAtMs);
    return this.send(
      { msgId: message.msgId, trackingId: message.trackingId, timestamp },
      {
        app_id: this.receipts.appId,
        oa_id: this.receipts.oaId,
        event_name: 'user_received_message',
        timestamp,
        sender: { id: this.receipts.oaId },
        recipient: { id: oaUserIdOf(this.receipts.oaId, message.phone) },
        message: { msg_id: message.msgId, tracking_id: message.trackingId, delivery_time: timestamp },
      },
    );
  }
}
