import { createHmac } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';

export const WEBHOOK_TIMESTAMP_HEADER = 'x-onestop-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'x-onestop-signature';

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, the value of X-OneStop-Signature. */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * pending: being sent or waiting for a retry; delivered: a 2xx answer; failed: every attempt failed;
 * dropped: not sent because the drop switch was on; not-configured: no webhook URL.
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped' | 'not-configured';

export interface DeliveryAttempt {
  /** ISO instant (real time) the attempt ended. */
  at: string;
  /** The receiver's HTTP status; null when there was no answer. */
  statusCode: number | null;
  /** Why the attempt failed (network error, timeout, non-2xx); null when delivered. */
  error: string | null;
}

export interface WebhookDelivery {
  eventId: string;
  action: string;
  MaHoSoLienThong: string;
  TrangThaiHoSo: number;
  url: string | null;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  /** The JSON body, exactly as sent (the signature covers these bytes). */
  body: string;
}

export interface WebhookEvent {
  eventId: string;
  action: string;
  MaHoSoLienThong: string;
  TrangThaiHoSo: number;
}

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

/** Most deliveries kept for the control listing. */
const KEPT_DELIVERIES = 500;

/**
 * Sends status webhooks to the proxy: signed, in the background, retried on failure (in memory), one dossier's in
 * the order they happened, with a switch that drops them so that the proxy's polling is exercised. Each attempt is
 * signed afresh with the current time.
 */
export class WebhookSender {
  private deliveries: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** The last delivery of each dossier: the next one waits for it, so one dossier's webhooks arrive in order. */
  private readonly lastOfDossier = new Map<string, Promise<void>>();
  private readonly closing = new AbortController();
  dropping = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  get url(): string | null {
    return this.options.url;
  }

  send(event: WebhookEvent, payload: unknown): WebhookDelivery {
    const delivery: WebhookDelivery = {
      eventId: event.eventId,
      action: event.action,
      MaHoSoLienThong: event.MaHoSoLienThong,
      TrangThaiHoSo: event.TrangThaiHoSo,
      url: this.options.url,
      status: this.options.url === null ? 'not-configured' : this.dropping ? 'dropped' : 'pending',
      attempts: [],
      body: JSON.stringify(payload),
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > KEPT_DELIVERIES) this.deliveries = this.deliveries.slice(-KEPT_DELIVERIES);
    if (delivery.status === 'pending') {
      const previous = this.lastOfDossier.get(event.MaHoSoLienThong) ?? Promise.resolve();
      const running: Promise<void> = previous
        .then(() => this.deliver(delivery))
        .finally(() => {
          this.inFlight.delete(running);
          if (this.lastOfDossier.get(event.MaHoSoLienThong) === running) this.lastOfDossier.delete(event.MaHoSoLienThong);
        });
      this.inFlight.add(running);
      this.lastOfDossier.set(event.MaHoSoLienThong, running);
    }
    return delivery;
  }

  list(): WebhookDelivery[] {
    return this.deliveries.map((delivery) => ({ ...delivery, attempts: [...delivery.attempts] }));
  }

  clear(): void {
    this.deliveries = [];
  }

  /** Resolves once no delivery is pending (every retry done), for tests and demos that must not guess. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  shutdown(): void {
    this.closing.abort();
  }

  private async deliver(delivery: WebhookDelivery): Promise<void> {
    const url = delivery.url!;
    const waits = [0, ...this.options.retryDelaysMs];
    for (const [index, wait] of waits.entries()) {
      if (wait > 0) {
        try {
          await delay(wait, undefined, { signal: this.closing.signal });
        } catch {
          break; // the sandbox is stopping
        }
      }
      const attempt = await this.attempt(url, delivery.body);
      delivery.attempts.push(attempt);
      if (attempt.error === null) {
        delivery.status = 'delivered';
        return;
      }
      this.options.logger.warn(
        { eventId: delivery.eventId, attempt: index + 1, statusCode: attempt.statusCode, error: attempt.error },
        'one-stop webhook attempt failed',
      );
      if (this.closing.signal.aborted) break;
    }
    delivery.status = 'failed';
  }

  private async attempt(url: string, body: string): Promise<DeliveryAttempt> {
    const timestamp = Math.floor(this.options.signingClock() / 1000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(this.options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.closing.signal]),
      });
      await response.arrayBuffer().catch(() => undefined);
      const at = new Date().toISOString();
      if (response.ok) return { at, statusCode: response.status, error: null };
      return { at, statusCode: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const name = (error as Error).name;
      const reason = name === 'TimeoutError' ? 'timeout' : (cause ?? (error as Error).message);
      return { at: new Date().toISOString(), statusCode: null, error: reason };
    }
  }
}
