import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import { type Delivery, WebhookOutbox } from '../webhook-outbox';

export type { DeliveryAttempt, DeliveryStatus } from '../webhook-outbox';

export const WEBHOOK_TIMESTAMP_HEADER = 'x-onestop-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'x-onestop-signature';

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, the value of X-OneStop-Signature. */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export interface WebhookEvent {
  eventId: string;
  action: string;
  MaHoSoLienThong: string;
  TrangThaiHoSo: number;
}

/** A status webhook and its delivery: the event, url, status, attempts and the exact body sent. */
export type WebhookDelivery = Delivery<WebhookEvent>;

export interface WebhookSenderOptions {
  /** Where to POST (ONE_STOP_WEBHOOK_URL); null: nothing is sent, deliveries are recorded as not-configured. */
  url: string | null;
  /** HMAC key (ONE_STOP_WEBHOOK_SECRET). */
  secret: string;
  /** Wait before each retry; its length is the number of retries after the first attempt. */
  retryDelaysMs: readonly number[];
  /** Per attempt. */
  timeoutMs: number;
  /** Real time for X-OneStop-Timestamp: the receiver compares it with its own clock, not the simulated one. */
  signingClock: Clock;
  logger: FastifyBaseLogger;
}

/**
 * Sends status webhooks to the proxy: signed, in the background, retried on failure (in memory), one dossier's in
 * the order they happened, with a switch that drops them so that the proxy's polling is exercised. Each attempt is
 * signed afresh with the current time.
 */
export class WebhookSender extends WebhookOutbox<WebhookEvent> {
  constructor(options: WebhookSenderOptions) {
    super({
      url: options.url,
      retryDelaysMs: options.retryDelaysMs,
      timeoutMs: options.timeoutMs,
      headers: (body) => {
        const timestamp = Math.floor(options.signingClock() / 1000);
        return {
          [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(options.secret, timestamp, body),
        };
      },
      orderKey: (event) => event.MaHoSoLienThong,
      logFields: (event) => ({ eventId: event.eventId }),
      logMessage: 'one-stop webhook attempt failed',
      logger: options.logger,
    });
  }
}
